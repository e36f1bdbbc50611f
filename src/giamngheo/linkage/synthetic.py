"""A seeded, labelled population of person records with the errors Vietnamese lists carry.

People are drawn like the demo province (ethnic groups and their names, citizen IDs,
villages); each appears in the registry and in 0–3 other lists (Fatherland Front, Red Cross,
a lender, or a second registry entry). Copies after the first carry the errors seen in
practice: diacritics dropped, capitals, given name first, middle name abbreviated or
dropped, spelling variants (y/i, s/x, tr/ch, l/n, final n/ng, d/gi), typos, tone marks
placed differently; dates year-only, day and month swapped, a digit off; the old 9-digit ID
card instead of the citizen ID, typos, none; the pre-2025 commune instead of the current one,
no village. The registry copy has the same errors at a fifth of the rate. ``entity_id`` is
the truth.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from giamngheo.demo._random import Floats, Ints, categorical_pick, labels, rng_streams
from giamngheo.demo.citizen_ids import citizen_ids_draw
from giamngheo.demo.ethnic_mix import _PROVINCE_MIX, GROUP_NAMES
from giamngheo.demo.person_names import full_names, names_draw
from giamngheo.demo.villages import villages_build

SOURCES = ("registry", "fatherland_front", "red_cross", "lender")
COPIES = np.array([0.55, 0.27, 0.12, 0.06])  # share of people in 1, 2, 3, 4 lists
PROVINCE_CODE = 20  # Lạng Sơn's pre-2025 prefix in citizen IDs
PEOPLE_PER_COMMUNE = 3000

# Error rates of a copy in another list (the registry copy: a fifth of these).
RATES: dict[str, float] = {
    "spelling": 0.06, "tone_marks": 0.10, "typo": 0.05, "initial": 0.05, "no_middle": 0.04,
    "given_first": 0.04, "no_marks": 0.35, "capitals": 0.10,
    "year_only": 0.08, "day_month_swap": 0.04, "day_typo": 0.03, "year_typo": 0.02,
    "no_birth": 0.02, "old_id": 0.5, "no_id": 0.15, "id_typo": 0.04, "id_swap": 0.02,
    "old_commune": 0.30, "moved": 0.02, "no_village": 0.20, "village_no_marks": 0.30,
    "no_sex": 0.05,
}  # fmt: skip
_SPELLING = (
    [(r"([LMKHTlmkht])ý\b", "${1}í"), (r"([LMKHTlmkht])y\b", "${1}i"),
     (r"([LMKHTlmkht])ỹ\b", "${1}ĩ")],
    [(r"\bS", "X"), (r"\bs", "x")],
    [(r"\bTr", "Ch")],
    [(r"\bL", "N")],
    [(r"([^ghn ])n\b", "${1}ng")],
    [(r"\bGi", "D")],
)  # fmt: skip
_TONE_OLD = ["ủy", "ùy", "úy", "ũy", "ụy", "òa", "óa", "ỏa", "õa", "ọa"]
_TONE_NEW = ["uỷ", "uỳ", "uý", "uỹ", "uỵ", "oà", "oá", "oả", "oã", "oạ"]


def population(records: int, *, seed: int = 1) -> tuple[pl.DataFrame, dict[str, list[str]]]:
    """``records`` person records (``normalise.PERSON_COLUMNS`` + ``entity_id``) and the
    lookup of pre-2025 commune codes to current ones."""
    rng = rng_streams(seed, 4)
    copies = _copies(records, rng[0])
    places = _places(max(1, copies.size // PEOPLE_PER_COMMUNE), rng[1])
    people = _people(copies.size, places, rng[2])
    repeated = people.gather(np.repeat(np.arange(people.height), copies))
    frame = repeated.with_columns(pl.Series("copy", _copy_index(copies)))
    return _with_errors(frame, places, rng[3]), _legacy(places)


def _legacy(places: pl.DataFrame) -> dict[str, list[str]]:
    pairs = places.select("old_codes", "old_successors").explode("old_codes", "old_successors")
    pairs = pairs.unique("old_codes")
    return dict(zip(pairs["old_codes"], pairs["old_successors"].to_list(), strict=True))


def _copies(records: int, rng: np.random.Generator) -> Ints:
    mean = float((np.arange(1, 5) * COPIES).sum())
    drawn = categorical_pick(rng.random(int(records / mean) + 1000), COPIES) + 1
    total = np.cumsum(drawn)
    people = int(np.searchsorted(total, records)) + 1
    copies = drawn[:people].copy()
    copies[-1] -= int(total[people - 1] - records)
    return copies[copies > 0]


def _copy_index(copies: Ints) -> Ints:
    starts = np.repeat(np.cumsum(copies) - copies, copies)
    return np.arange(int(copies.sum())) - starts


def _code(number: pl.Expr, prefix: str) -> pl.Expr:
    return pl.format(prefix + "{}", number.cast(pl.String).str.zfill(4))


def _places(communes: int, rng: np.random.Generator) -> pl.DataFrame:
    """Villages of ``communes`` current communes, each formed from 2–4 pre-2025 communes; one
    old commune in ten was split between two current ones."""
    wards = pl.DataFrame(
        {"ward_code": np.arange(1, communes + 1), "area": ["rural"] * communes,
         "remote_share": [0.2] * communes, "weight": np.ones(communes)}
    )  # fmt: skip
    villages = villages_build(wards, rng).select(
        pl.col("ward_code").cast(pl.Int64), pl.col("name").alias("village"), "weight"
    )
    old_count = rng.integers(2, 5, communes)
    old = pl.DataFrame({"ward_code": np.repeat(np.arange(1, communes + 1), old_count)})
    split_to = np.where(rng.random(old.height) < 0.1, rng.integers(1, communes + 1, old.height), 0)
    old = old.with_row_index("n").with_columns(
        _code(pl.col("n"), "L").alias("old_codes"),
        pl.concat_list(
            _code(pl.col("ward_code"), "C"),
            pl.when(pl.Series(split_to) > 0).then(_code(pl.lit(pl.Series(split_to)), "C")),
        ).list.drop_nulls().list.unique(maintain_order=True).alias("old_successors"),
    )  # fmt: skip
    by_commune = old.group_by("ward_code").agg("old_codes", "old_successors")
    return villages.join(by_commune, on="ward_code").with_columns(
        _code(pl.col("ward_code"), "C").alias("commune")
    )


def _people(count: int, places: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    weights = np.array([_PROVINCE_MIX[g] for g in GROUP_NAMES])
    group = categorical_pick(rng.random(count), weights)
    male = rng.random(count) < 0.5
    birth_year = np.clip(2025 - rng.gamma(2.2, 16.0, count), 1925, 2024).astype(np.int64)
    day_of_year = rng.integers(0, 365, count)
    name = full_names(
        surname=names_draw("surname", group, rng.random(count)), group=group, male=male,
        birth_year=birth_year, rng=rng,
    )  # fmt: skip
    has_id = (birth_year <= 2011) | (rng.random(count) < 0.4)
    village_p = (places["weight"] / places["weight"].sum()).to_numpy()
    people = pl.DataFrame(
        {
            "entity_id": np.arange(count, dtype=np.int64),
            "full_name": name,
            "sex": labels(("female", "male"), male.astype(np.int64)),
            "birth_on": _dates(birth_year, day_of_year),
            "citizen_id": citizen_ids_draw(province_code=PROVINCE_CODE, male=male,
                                           birth_year=birth_year, has_id=has_id, rng=rng),
            "old_id": _old_ids(birth_year, rng),
            "place": rng.choice(places.height, size=count, p=village_p),
            "old_pick": rng.random(count),
        }
    )  # fmt: skip
    return people.join(places.with_row_index("place").cast({"place": pl.Int64}), on="place")


def _dates(year: Ints, day_of_year: Ints) -> pl.Series:
    start = np.array(year - 1970, dtype="datetime64[Y]").astype("datetime64[D]")
    days = start.astype(np.int64) + np.minimum(day_of_year, 364)
    return pl.Series("birth_on", days.astype(np.int32)).cast(pl.Date)


def _old_ids(birth_year: Ints, rng: np.random.Generator) -> pl.Series:
    """A 9-digit ID card for 40 % of people old enough to have had one (all different)."""
    count = birth_year.size
    serial = (np.arange(count, dtype=np.int64) * 7919 + int(rng.integers(10**8))) % 10**9
    has = (birth_year < 2006) & (rng.random(count) < 0.4)
    ids = pl.Series("old_id", serial).cast(pl.String).str.zfill(9)
    return pl.select(pl.when(pl.Series(has)).then(ids)).to_series()


class _Draws:
    """Per-record coin flips at the configured rates (the registry copy at a fifth)."""

    def __init__(self, copy: Ints, rng: np.random.Generator) -> None:
        self.scale = np.where(copy == 0, 0.2, 1.0)
        self.rng = rng
        self.n = copy.size

    def flip(self, error: str) -> pl.Series:
        return pl.Series(error, self.rng.random(self.n) < RATES[error] * self.scale)

    def uniform(self) -> Floats:
        return self.rng.random(self.n)


def _with_errors(
    frame: pl.DataFrame, places: pl.DataFrame, rng: np.random.Generator
) -> pl.DataFrame:
    draws = _Draws(frame["copy"].to_numpy(), rng)
    source = categorical_pick(draws.uniform(), np.array([0.1, 0.3, 0.3, 0.3]))
    source = np.where(frame["copy"].to_numpy() == 0, 0, source)
    out = _name(frame, draws).with_columns(
        labels(SOURCES, source, "source"),
        pl.when(draws.flip("no_sex")).then(None).otherwise(pl.col("sex")).alias("sex"),
    )
    out = _birth(out, draws)
    out = _identity(out, draws)
    out = _place(out, draws, places["commune"].unique().sort())
    order = rng.permutation(out.height)
    return (
        out.gather(order)
        .with_row_index("record_id")
        .select(
            pl.col("record_id").cast(pl.Int64),
            "entity_id",
            "full_name",
            "birth_on",
            "birth_year",
            "id_number",
            "sex",
            "commune_codes",
            "village",
            "source",
        )
    )


def _name(frame: pl.DataFrame, draws: _Draws) -> pl.DataFrame:
    """Each error is its own step, so every expression reads the previous step's column."""
    for step in _NAME_STEPS:
        frame = frame.with_columns(step(pl.col("full_name"), draws).alias("full_name"))
    return frame


def _spelling(name: pl.Expr, draws: _Draws) -> pl.Expr:
    rule = pl.Series((draws.uniform() * len(_SPELLING)).astype(np.int64))
    spelled = name
    for index, replacements in enumerate(_SPELLING):
        changed = name
        for pattern, replacement in replacements:
            changed = changed.str.replace_all(pattern, replacement)
        spelled = pl.when(rule == index).then(changed).otherwise(spelled)
    return pl.when(draws.flip("spelling")).then(spelled).otherwise(name)


def _tone_marks(name: pl.Expr, draws: _Draws) -> pl.Expr:
    moved = name.str.replace_many(_TONE_OLD, _TONE_NEW)
    return pl.when(draws.flip("tone_marks")).then(moved).otherwise(name)


def _typos(name: pl.Expr, draws: _Draws) -> pl.Expr:
    return pl.when(draws.flip("typo")).then(_typo(name, draws)).otherwise(name)


def _structure(name: pl.Expr, draws: _Draws) -> pl.Expr:
    """Middle name abbreviated or dropped; given name written first."""
    words = name.str.split(" ")
    first, last = words.list.first(), words.list.last()
    middle = words.list.slice(1, words.list.len() - 2).list.first()
    three = words.list.len() >= 3
    initial = pl.concat_str(first, middle.str.slice(0, 1) + ".", last, separator=" ")
    short = pl.concat_str(first, last, separator=" ")
    given_first = pl.concat_str(
        last, words.list.slice(0, words.list.len() - 1).list.join(" "), separator=" "
    )
    return (
        pl.when(draws.flip("initial") & three).then(initial)
        .when(draws.flip("no_middle") & three).then(short)
        .when(draws.flip("given_first")).then(given_first)
        .otherwise(name)
    )  # fmt: skip


def _unmarked(text: pl.Expr) -> pl.Expr:
    return (
        text.str.replace_all("đ", "d", literal=True).str.replace_all("Đ", "D", literal=True)
        .str.normalize("NFD").str.replace_all(r"\p{M}", "")
    )  # fmt: skip


def _marks_and_case(name: pl.Expr, draws: _Draws) -> pl.Expr:
    name = pl.when(draws.flip("no_marks")).then(_unmarked(name)).otherwise(name)
    return pl.when(draws.flip("capitals")).then(name.str.to_uppercase()).otherwise(name)


_NAME_STEPS = (_spelling, _tone_marks, _typos, _structure, _marks_and_case)


def _typo(text: pl.Expr, draws: _Draws) -> pl.Expr:
    """Delete, double, swap or replace one character (not the first)."""
    size = text.str.len_chars()
    at = (pl.Series(draws.uniform()) * (size - 2)).floor().cast(pl.Int64) + 1
    head, here, rest = text.str.slice(0, at), text.str.slice(at, 1), text.str.slice(at + 1)
    kind = pl.Series((draws.uniform() * 4).astype(np.int64))
    letter = pl.Series(labels(tuple("aeinhtgu"), (draws.uniform() * 8).astype(np.int64)))
    return (
        pl.when(kind == 0).then(head + rest)
        .when(kind == 1).then(head + here + here + rest)
        .when(kind == 2).then(head + rest.str.slice(0, 1) + here + rest.str.slice(1))
        .otherwise(head + letter + rest)
    )  # fmt: skip


def _birth(frame: pl.DataFrame, draws: _Draws) -> pl.DataFrame:
    date = pl.col("birth_on")
    year, month, day = date.dt.year(), date.dt.month(), date.dt.day()
    shift = pl.Series((draws.uniform() * 20).astype(np.int64) + 1)
    step = pl.Series(np.where(draws.uniform() < 0.5, -1, 1))
    changed = (
        pl.when(draws.flip("day_month_swap") & (day <= 12) & (day != month))
        .then(pl.date(year, day, month))
        .when(draws.flip("day_typo")).then(pl.date(year, month, (day + shift) % 28 + 1))
        .when(draws.flip("year_typo"))
        .then(pl.date(year + step, month, pl.min_horizontal(day, 28)))
        .otherwise(date)
    )  # fmt: skip
    missing, year_only = draws.flip("no_birth"), draws.flip("year_only")
    return frame.with_columns(changed.alias("birth_on")).with_columns(
        pl.when(missing | year_only).then(None).otherwise(date).alias("birth_on"),
        pl.when(missing).then(None).otherwise(date.dt.year()).cast(pl.Int32).alias("birth_year"),
    )


def _identity(frame: pl.DataFrame, draws: _Draws) -> pl.DataFrame:
    use_old = (pl.col("copy") > 0) & pl.col("old_id").is_not_null() & draws.flip("old_id")
    number = pl.col("id_number")
    at = (pl.Series(draws.uniform()) * (number.str.len_chars() - 1)).floor().cast(pl.Int64)
    head, here, rest = number.str.slice(0, at), number.str.slice(at, 1), number.str.slice(at + 1)
    digit = ((here.cast(pl.Int64, strict=False).fill_null(0) + 1) % 10).cast(pl.String)
    changed = (
        pl.when(draws.flip("id_typo")).then(head + digit + rest)
        .when(draws.flip("id_swap")).then(head + rest.str.slice(0, 1) + here + rest.str.slice(1))
        .otherwise(number)
    )  # fmt: skip
    return (
        frame.with_columns(
            pl.when(use_old).then("old_id").otherwise("citizen_id").alias("id_number")
        )
        .with_columns(changed.alias("id_number"))
        .with_columns(pl.when(draws.flip("no_id")).then(None).otherwise(number).alias("id_number"))
    )


def _place(frame: pl.DataFrame, draws: _Draws, communes: pl.Series) -> pl.DataFrame:
    listed = pl.col("copy") > 0
    pick = (pl.col("old_pick") * pl.col("old_codes").list.len()).floor().cast(pl.Int32)
    old = pl.col("old_successors").list.get(pick)
    moved_to = pl.Series(
        labels(tuple(communes), (draws.uniform() * communes.len()).astype(np.int64))
    )
    codes = (
        pl.when(draws.flip("moved")).then(pl.concat_list(moved_to))
        .when(listed & draws.flip("old_commune")).then(old)
        .otherwise(pl.concat_list("commune"))
    )  # fmt: skip
    village = pl.col("village")
    village = pl.when(draws.flip("village_no_marks")).then(_unmarked(village)).otherwise(village)
    return frame.with_columns(
        codes.alias("commune_codes"),
        pl.when(draws.flip("no_village")).then(None).otherwise(village).alias("village"),
    )
