"""The funds API: sources with balances, allocations with what is left, payments, donations,
the ledger's entries and transactions, and recording money through the same services as the
pages — balanced, refused whole with the ledger's message under the API's input names, allowed
only to the roles and scopes the services allow; another place's money is missing (404)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from django.test import Client
from tests.api.api_support import API, FAR, bearer, error_of, session_client, token_for, user_of
from tests.apps.funds.funds_support import (
    DAY,
    M,
    World,
    funded_allocation,
    invariants_check,
    support_for,
    world_make,
)
from tests.apps.programmes.programmes_support import HOME, NEIGHBOUR, commune_officer

from giamngheo.apps.accounts.roles import Role
from giamngheo.apps.audit.models import AuditEvent
from giamngheo.apps.funds.models import (
    Allocation,
    Disbursement,
    Donation,
    FundSource,
    LedgerEntry,
    LedgerTransaction,
)
from giamngheo.apps.funds.services import disbursement_record
from giamngheo.apps.funds.verify import ledger_verify
from giamngheo.apps.geo.models import Commune

pytestmark = pytest.mark.django_db
JSON: dict[str, Any] = {"content_type": "application/json"}
RECORDS = (
    LedgerTransaction,
    LedgerEntry,
    Donation,
    Allocation,
    Disbursement,
    FundSource,
    AuditEvent,
)


@pytest.fixture
def world() -> World:
    return world_make()


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.content
    return response.json()


def _counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in RECORDS)


def _refused(client: Client, url: str, body: dict[str, Any], status: int = 422) -> dict[str, Any]:
    """Post ``body``; it must be refused with ``status`` and write nothing."""
    before = _counts()
    response = client.post(url, body, **JSON)
    assert response.status_code == status, response.content
    assert _counts() == before
    return error_of(response)


def _receipt(world: World, **extra: Any) -> dict[str, Any]:
    body = {"source_id": world.central.pk, "amount_vnd": 100 * M, "received_on": "2025-10-20",
            "reference": "QĐ 12/QĐ-UBND"}  # fmt: skip
    return body | extra


def _allocation(world: World, **extra: Any) -> dict[str, Any]:
    body = {"source_id": world.central.pk, "commune_code": HOME, "amount_vnd": 40 * M,
            "year": 2025, "booked_on": "2025-10-21",
            "sub_project_id": world.sub_project.pk}  # fmt: skip
    return body | extra


def test_recording_money_posts_balanced_chained_transactions(world: World) -> None:
    officer = session_client(world.officer)
    receipt = _ok(officer.post(f"{API}/funds/budget-receipts", _receipt(world), **JSON), 201)
    assert receipt["kind"] == "budget_receipt"
    allocation = _ok(officer.post(f"{API}/funds/allocations", _allocation(world), **JSON), 201)
    assert allocation["use"].startswith("1.1")  # the sub-project fixed the project
    assert (allocation["allocated"], allocation["disbursed"], allocation["remaining"]) == (
        40 * M, 0, 40 * M,
    )  # fmt: skip
    pay = {"allocation_id": allocation["id"], "amount_vnd": 10 * M, "paid_on": "2025-10-22",
           "work": "Đường thôn Nà Pàn"}  # fmt: skip
    paid = _ok(officer.post(f"{API}/funds/disbursements", pay, **JSON), 201)
    reverse = {"booked_on": "2025-10-23", "reason": "Ghi nhầm công trình"}
    url = f"{API}/funds/transactions/{paid['transaction_id']}/reversal"
    reversal = _ok(officer.post(url, reverse, **JSON), 201)
    assert reversal["reverses_id"] == paid["transaction_id"]
    ids = [receipt["id"], allocation["transaction_id"], paid["transaction_id"], reversal["id"]]
    for tx_id in ids:
        tx = _ok(officer.get(f"{API}/funds/transactions/{tx_id}"))
        assert len(tx["entries"]) == 2
        assert sum(e["amount_vnd"] for e in tx["entries"]) == 0
    assert _ok(officer.get(f"{API}/funds/transactions/{ids[2]}"))["reversed_by_id"] == ids[3]
    chain = _ok(officer.get(f"{API}/funds/entries?sort=seq"))["items"]
    assert [e["seq"] for e in chain] == list(range(1, 9))
    for before, entry in itertools.pairwise(chain):
        assert entry["previous_hash"] == before["hash"]
    invariants_check()
    assert ledger_verify().ok


def test_balances_and_what_is_left_of_allocations(world: World) -> None:
    allocation = funded_allocation(world, received=100 * M, allocated=40 * M,
                                   project=world.project)  # fmt: skip
    paid = disbursement_record(actor=world.officer, allocation=allocation, amount_vnd=15 * M,
                               paid_on=DAY, work="Trạm y tế")  # fmt: skip
    officer = session_client(world.officer)
    sources = {s["code"]: s for s in _ok(officer.get(f"{API}/funds/sources"))}
    central = sources["ntw"]
    balances = [central[k] for k in ("received", "unallocated", "allocated", "spent")]
    assert balances == [100 * M, 60 * M, 25 * M, 15 * M]
    assert sources["quy-vnn"]["organisation"] == world.front.organisation.name
    before = _ok(officer.get(f"{API}/funds/sources?end=2025-10-19"))
    assert {s["received"] for s in before} == {0}
    listed = _ok(officer.get(f"{API}/funds/allocations?year=2025&commune_code={HOME}"))
    [row] = listed["items"]
    assert (row["allocated"], row["disbursed"], row["remaining"]) == (40 * M, 15 * M, 25 * M)
    url = f"{API}/funds/transactions/{paid.transaction_id}/reversal"
    officer.post(url, {"booked_on": "2025-10-23", "reason": "Nhầm"}, **JSON)
    row = _ok(officer.get(f"{API}/funds/allocations/{allocation.pk}"))
    assert (row["amount_vnd"], row["disbursed"], row["remaining"], row["reversed"]) == (
        40 * M, 0, 40 * M, False,
    )  # fmt: skip
    assert _ok(officer.get(f"{API}/funds/allocations?year=2024"))["items"] == []
    payments = _ok(officer.get(f"{API}/funds/disbursements?allocation_id={allocation.pk}"))
    assert [(p["work"], p["reversed"]) for p in payments["items"]] == [("Trạm y tế", True)]


def test_entries_filter_by_unit_year_and_kind_of_source(world: World) -> None:
    funded_allocation(world, received=100 * M, allocated=40 * M, project=world.project)
    officer = session_client(world.officer)
    donation = {"source_id": world.fund.pk, "donor_name": "Công ty Than Hòn Gai",
                "amount_vnd": 5 * M, "received_on": "2024-12-30", "earmark": "Nhà ở"}  # fmt: skip
    made = _ok(session_client(world.front).post(f"{API}/funds/donations", donation, **JSON), 201)
    assert made["receipt_code"].startswith("BN")

    def seqs(query: str) -> list[int]:
        page = _ok(officer.get(f"{API}/funds/entries?sort=seq&{query}"))
        assert page["count"] == len(page["items"])
        return [e["seq"] for e in page["items"]]

    assert seqs("") == [1, 2, 3, 4, 5, 6]
    assert seqs(f"commune_code={HOME}") == [3, 4]  # both sides of the commune's allocation
    assert seqs("year=2024") == [5, 6]
    assert seqs("source_kind=fund_for_the_poor") == [5, 6]
    assert seqs("source_kind=central&transaction_kind=allocation") == [3, 4]
    assert seqs(f"source_id={world.central.pk}&year=2025") == [1, 2, 3, 4]
    assert seqs(f"commune_code={NEIGHBOUR}") == []
    newest = _ok(officer.get(f"{API}/funds/entries?page_size=2&page=2"))
    assert ([e["seq"] for e in newest["items"]], newest["pages"]) == ([4, 3], 3)
    earmarked = _ok(officer.get(f"{API}/funds/donations?earmarked=true"))["items"]
    assert [d["receipt_code"] for d in earmarked] == [made["receipt_code"]]
    assert _ok(officer.get(f"{API}/funds/donations?earmarked=false"))["items"] == []


def test_a_commune_officer_sees_only_their_communes_money(world: World) -> None:
    allocation = funded_allocation(world, received=100 * M, allocated=40 * M,
                                   project=world.project)  # fmt: skip
    record = support_for(world.household, 10 * M, source="central")
    disbursement_record(actor=world.officer, allocation=allocation, support_record=record,
                        amount_vnd=10 * M, paid_on=DAY)  # fmt: skip
    home = session_client(commune_officer(HOME))
    assert [a["id"] for a in _ok(home.get(f"{API}/funds/allocations"))["items"]] == [allocation.pk]
    assert _ok(home.get(f"{API}/funds/disbursements"))["items"][0]["household_code"] == "H-NHA"
    assert _ok(home.get(f"{API}/funds/sources")) == []  # the province's sources are not theirs
    kinds = {e["account_kind"] for e in _ok(home.get(f"{API}/funds/entries"))["items"]}
    assert kinds == {"allocated", "spent"}
    neighbour = session_client(commune_officer(NEIGHBOUR))
    far = session_client(user_of(Role.PROVINCE_OFFICER, Commune.objects.get(code=FAR).province))
    for outsider in (neighbour, far):
        for listing in ("allocations", "disbursements", "entries", "donations"):
            assert _ok(outsider.get(f"{API}/funds/{listing}"))["items"] == [], listing
        assert _ok(outsider.get(f"{API}/funds/sources")) == []
        for url in (f"funds/allocations/{allocation.pk}",
                    f"funds/transactions/{allocation.transaction_id}"):  # fmt: skip
            assert error_of(outsider.get(f"{API}/{url}"))["code"] == "not_found"
    error = _refused(far, f"{API}/funds/budget-receipts", _receipt(world), status=404)
    assert error["code"] == "not_found"


def test_only_the_roles_that_record_money_may_post(world: World) -> None:
    allocation = funded_allocation(world, received=100 * M, allocated=40 * M,
                                   project=world.project)  # fmt: skip
    home = session_client(commune_officer(HOME))  # reads the commune's money, records none
    pay = {"allocation_id": allocation.pk, "amount_vnd": M, "paid_on": "2025-10-22",
           "work": "Đường thôn"}  # fmt: skip
    assert _refused(home, f"{API}/funds/disbursements", pay, status=403)["code"] == "forbidden"
    front = session_client(world.front)  # runs the Fund "For the Poor", not the state budget
    assert _refused(front, f"{API}/funds/disbursements", pay, status=403)["code"] == "forbidden"
    assert _refused(front, f"{API}/funds/budget-receipts", _receipt(world), status=403)
    source = {"kind": "central", "code": "ns-2", "name": "Ngân sách 2"}
    assert _refused(front, f"{API}/funds/sources", source, status=403)
    village = session_client(user_of(Role.VILLAGE_HEAD, world.household.village))
    assert _ok(village.get(f"{API}/funds/allocations"))["items"] == []
    assert Client().get(f"{API}/funds/sources").status_code == 401
    token = bearer(token_for(world.officer))
    assert _ok(Client().get(f"{API}/funds/allocations", headers=token))["count"] == 1


def test_refusals_name_the_input_and_write_nothing(world: World) -> None:
    officer = session_client(world.officer)
    receipts, allocations = f"{API}/funds/budget-receipts", f"{API}/funds/allocations"
    error = _refused(officer, receipts, _receipt(world, amount_vnd=0))
    assert error["fields"] == {"amount_vnd": ["Số tiền phải là số nguyên dương (đồng)."]}
    assert "Dữ liệu gửi lên không hợp lệ" in error["message"]
    for amount in (1.5, "5", True):
        error = _refused(officer, receipts, _receipt(world, amount_vnd=amount))
        assert error["fields"] == {"amount_vnd": ["Phải là số nguyên."]}, amount
    error = _refused(officer, receipts, _receipt(world, source_id=world.fund.pk))
    assert error["fields"] == {
        "source_id": ["Nguồn vốn này nhận tiền ủng hộ, không nhận ngân sách."]
    }
    _ok(officer.post(receipts, _receipt(world), **JSON), 201)
    error = _refused(officer, allocations, _allocation(world, amount_vnd=100 * M + 1))
    message = "Vượt số dư chưa phân bổ của nguồn vốn: còn 100.000.000 đồng."
    assert error["fields"] == {"amount_vnd": [message]}
    error = _refused(officer, allocations, _allocation(world, commune_code=FAR))
    assert error["fields"] == {"commune_code": ["Xã, phường ngoài phạm vi của nguồn vốn."]}
    error = _refused(officer, allocations, _allocation(world, commune_code="99999"))
    assert error["fields"] == {"commune_code": ["Không có đơn vị mã 99999."]}
    error = _refused(officer, allocations, _allocation(world, sub_project_id=None))
    assert error["fields"] == {"purpose": ["Ghi dự án hoặc mục đích sử dụng."]}
    allocation = _ok(officer.post(allocations, _allocation(world), **JSON), 201)
    pay = {"allocation_id": allocation["id"], "amount_vnd": M, "paid_on": "2025-10-22"}
    error = _refused(officer, f"{API}/funds/disbursements", pay)
    assert error["fields"] == {"work": ["Giải ngân cho đúng một khoản hỗ trợ hoặc công trình."]}
    error = _refused(officer, f"{API}/funds/disbursements", pay | {"amount_vnd": 40 * M + 1,
                                                                   "work": "Cầu"})  # fmt: skip
    assert error["fields"] == {"amount_vnd": ["Vượt số còn lại của phân bổ: còn 40.000.000 đồng."]}


def test_reversals_and_donations_refused_with_their_messages(world: World) -> None:
    front = session_client(world.front)
    donations = f"{API}/funds/donations"
    body = {"source_id": world.fund.pk, "donor_name": "  ", "amount_vnd": M,
            "received_on": "2025-10-20"}  # fmt: skip
    error = _refused(front, donations, body)
    assert error["fields"] == {
        "donor_name": ["Khoản ủng hộ phải ghi nhà hảo tâm (cá nhân hoặc tổ chức)."]
    }
    error = _refused(front, donations, {"source_id": world.fund.pk, "amount_vnd": M})
    assert set(error["fields"]) == {"donor_name", "received_on"}
    assert error["fields"]["received_on"] == ["Bắt buộc phải có."]
    made = _ok(front.post(donations, body | {"donor_name": "Bà Lan"}, **JSON), 201)
    url = f"{API}/funds/transactions/{made['transaction_id']}/reversal"
    error = _refused(front, url, {"booked_on": "2025-10-21", "reason": " "})
    assert error["fields"] == {"reason": ["Ghi lý do đảo bút toán."]}
    reversal = _ok(front.post(url, {"booked_on": "2025-10-21", "reason": "Ghi trùng"}, **JSON), 201)
    error = _refused(front, url, {"booked_on": "2025-10-21", "reason": "Lần nữa"})
    assert error["fields"] == {
        "transaction_id": [f"Giao dịch GD{made['transaction_id']} đã được đảo."]
    }
    again = f"{API}/funds/transactions/{reversal['id']}/reversal"
    error = _refused(front, again, {"booked_on": "2025-10-21", "reason": "x"})
    assert error["fields"] == {"transaction_id": ["Không thể đảo một bút toán đảo."]}
    invariants_check()


def test_sources_are_opened_by_a_provincial_officer(world: World) -> None:
    officer = session_client(world.officer)
    body = {"kind": "provincial_counterpart", "code": "ns-doi-ung", "name": "Ngân sách tỉnh"}
    made = _ok(officer.post(f"{API}/funds/sources", body, **JSON), 201)
    assert (made["province"]["code"], made["received"], made["commune"]) == (
        world.commune.province.code, 0, None,
    )  # fmt: skip
    error = _refused(officer, f"{API}/funds/sources", body, status=422)
    assert error["fields"] == {"__all__": ["Nguồn vốn với thông tin Tỉnh và Mã đã tồn tại"]}
    fund = {"kind": "fund_for_the_poor", "code": "quy-xa", "name": "Quỹ xã", "commune_code": HOME}
    error = _refused(officer, f"{API}/funds/sources", fund)
    assert error["fields"] == {"__all__": ["Quỹ “Vì người nghèo” phải có ban vận động."]}
    fund |= {"organisation_id": world.front.organisation_id}
    made = _ok(officer.post(f"{API}/funds/sources", fund, **JSON), 201)
    assert made["commune"]["code"] == HOME
    home = session_client(commune_officer(HOME))
    assert [s["code"] for s in _ok(home.get(f"{API}/funds/sources"))] == ["quy-xa"]
