"""Synthetic demo province: real communes, synthetic villages, households, members and
surveys, calibrated so that the 2022–2025 standard reproduces Lạng Sơn's poverty path.

>>> from giamngheo.demo import demo_generate, demo_province_code
>>> code = demo_province_code("Lạng Sơn")
>>> data = demo_generate(province_code=code, households=200, years=range(2021, 2026), seed=1)
>>> sorted(data.surveys["year"].unique().to_list())
[2021, 2022, 2023, 2024, 2025]
"""

from giamngheo.demo.calibration import (
    CALIBRATION_TARGETS,
    CalibrationTarget,
    demo_rates,
    demo_status_rates,
)
from giamngheo.demo.frames import DemoData
from giamngheo.demo.generate import demo_generate
from giamngheo.demo.geography import demo_province_code

__all__ = [
    "CALIBRATION_TARGETS",
    "CalibrationTarget",
    "DemoData",
    "demo_generate",
    "demo_province_code",
    "demo_rates",
    "demo_status_rates",
]
