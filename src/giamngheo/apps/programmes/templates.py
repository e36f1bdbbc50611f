"""Templates a province can load: the national target programme 2021–2025 (QĐ 90/QĐ-TTg, 7
projects) and the default support levels of the domain notes (§7): housing 60 M new / 30 M
repaired, health-insurance shares, VBSP loan products.

The sub-project split of QĐ90 is reconstructed from district reports (not from the legal
text); a province edits its copy, never the template.
"""

from __future__ import annotations

from typing import Any

QD90_PROGRAMME = {
    "code": "ntp-giam-ngheo-2021-2025",
    "name": "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025",
    "legal_basis": "Quyết định 90/QĐ-TTg ngày 18/01/2022",
    "starts_year": 2021,
    "ends_year": 2025,
}
QD90_PROJECTS: list[tuple[str, list[str]]] = [
    (
        "Hỗ trợ đầu tư phát triển hạ tầng kinh tế – xã hội các huyện nghèo, các xã đặc biệt "
        "khó khăn vùng bãi ngang, ven biển và hải đảo",
        ["Hỗ trợ đầu tư hạ tầng các huyện nghèo",
         "Hỗ trợ đầu tư hạ tầng các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo"],
    ),
    ("Đa dạng hoá sinh kế, phát triển mô hình giảm nghèo", []),
    (
        "Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
        ["Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp", "Cải thiện dinh dưỡng"],
    ),
    (
        "Phát triển giáo dục nghề nghiệp, việc làm bền vững",
        ["Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn",
         "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng",
         "Hỗ trợ việc làm bền vững"],
    ),
    ("Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo", []),
    (
        "Truyền thông và giảm nghèo về thông tin",
        ["Giảm nghèo về thông tin", "Truyền thông về giảm nghèo đa chiều"],
    ),
    (
        "Nâng cao năng lực và giám sát, đánh giá Chương trình",
        ["Nâng cao năng lực thực hiện Chương trình", "Giám sát, đánh giá"],
    ),
]  # fmt: skip

DEFAULT_RULES: list[dict[str, str]] = [
    {"code": "ho-ngheo", "name": "Hộ nghèo", "expression": 'status == "poor"'},
    {"code": "ho-can-ngheo", "name": "Hộ cận nghèo", "expression": 'status == "near_poor"'},
    {"code": "ngheo-can-ngheo", "name": "Hộ nghèo, hộ cận nghèo",
     "expression": 'status in ("poor", "near_poor")'},
    {"code": "moi-thoat-ngheo", "name": "Hộ mới thoát nghèo (trong 36 tháng)",
     "expression": 'months_since_escape <= 36 and status not in ("poor", "near_poor")'},
]  # fmt: skip

M = 1_000_000
DEFAULT_LEVELS: list[dict[str, Any]] = [
    {"code": "nha-xay-moi", "name": "Hỗ trợ xây mới nhà ở", "support_type": "housing",
     "eligibility": "ngheo-can-ngheo", "unit": "vnd", "central_amount": 60 * M,
     "housing_kind": "new"},
    {"code": "nha-sua-chua", "name": "Hỗ trợ sửa chữa nhà ở", "support_type": "housing",
     "eligibility": "ngheo-can-ngheo", "unit": "vnd", "central_amount": 30 * M,
     "housing_kind": "repaired"},
    {"code": "bhyt-ho-ngheo", "name": "Bảo hiểm y tế hộ nghèo (ngân sách đóng 100%)",
     "support_type": "health_insurance", "eligibility": "ho-ngheo", "unit": "percent",
     "central_amount": 100},
    {"code": "bhyt-ho-can-ngheo", "name": "Bảo hiểm y tế hộ cận nghèo (tối thiểu 70%)",
     "support_type": "health_insurance", "eligibility": "ho-can-ngheo", "unit": "percent",
     "central_amount": 70,
     "priorities": [{"when": "poor_commune", "add": 30, "label": "Hộ cận nghèo ở xã nghèo: 100%"}]},
    {"code": "vay-ho-ngheo", "name": "Cho vay hộ nghèo (NHCSXH)", "support_type": "loan",
     "eligibility": "ho-ngheo", "unit": "vnd", "central_amount": 100 * M,
     "amount_rule": "ceiling", "loan_rate_bp": 660, "loan_term_months": 120},
    {"code": "vay-ho-can-ngheo", "name": "Cho vay hộ cận nghèo (NHCSXH)", "support_type": "loan",
     "eligibility": "ho-can-ngheo", "unit": "vnd", "central_amount": 100 * M,
     "amount_rule": "ceiling", "loan_rate_bp": 792, "loan_term_months": 120},
    {"code": "vay-moi-thoat-ngheo", "name": "Cho vay hộ mới thoát nghèo (NHCSXH)",
     "support_type": "loan", "eligibility": "moi-thoat-ngheo", "unit": "vnd",
     "central_amount": 100 * M, "amount_rule": "ceiling", "loan_rate_bp": 825,
     "loan_term_months": 120},
]  # fmt: skip
