"""GPS for field surveys: typed by hand, or read from a photo's EXIF.

Typed forms accepted: '16.0544, 108.2022', '16,0544 108,2022' (Vietnamese decimal commas
with a space between), and degrees-minutes-seconds '16°03\'15.8"N 108°12\'07.9"E'.
Qt cannot read EXIF GPS, so photos are read with Pillow (already a ReportLab dependency).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kcdesk.domain.validation import LAT_RANGE, LON_RANGE
from kcdesk.errors import FieldMessage

_DMS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*°\s*(?:(\d+(?:[.,]\d+)?)\s*['′])?\s*(?:(\d+(?:[.,]\d+)?)\s*(?:\"|″|''))?\s*([NSEWnsew])?"
)
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def _float(text: str) -> float:
    return float(text.replace(",", "."))


def parse_coordinates(text: str) -> tuple[float, float] | FieldMessage | None:
    """(lat, lon), or a message saying what is wrong; None for an empty field."""
    text = text.strip()
    if not text:
        return None
    if "°" in text:
        parts = _DMS.findall(text)
        if len(parts) != 2:
            return FieldMessage("Tọa độ '{value}' không đọc được. Ví dụ: 16.0544, 108.2022", value=text)
        values = []
        for deg, minutes, seconds, hemi in parts:
            v = _float(deg) + (_float(minutes) / 60 if minutes else 0) + (_float(seconds) / 3600 if seconds else 0)
            values.append(-v if hemi.upper() in ("S", "W") else v)
        lat, lon = values
    else:
        numbers = _NUMBER.findall(text)
        if len(numbers) != 2 or _NUMBER.sub("", text).strip(" ,;\t"):
            return FieldMessage("Tọa độ '{value}' không đọc được. Ví dụ: 16.0544, 108.2022", value=text)
        lat, lon = _float(numbers[0]), _float(numbers[1])
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
        return FieldMessage(
            "Tọa độ ({lat}, {lon}) nằm ngoài lãnh thổ Việt Nam; kiểm tra lại thứ tự vĩ độ, kinh độ.",
            lat=round(lat, 6),
            lon=round(lon, 6),
        )
    return round(lat, 6), round(lon, 6)


def format_coordinates(lat: float | None, lon: float | None) -> str:
    if lat is None or lon is None:
        return ""
    return f"{lat:.6f}, {lon:.6f}"


def _rational(value: Any) -> float:
    """An EXIF rational: Pillow's IFDRational (a number), or (numerator, denominator)."""
    try:
        return float(value)
    except TypeError:  # old Pillow: (numerator, denominator)
        num, den = value
        return float(num) / float(den)


def exif_gps(path: Path) -> tuple[float, float] | None:
    """The position stored in a photo's EXIF GPS block, or None when it has none."""
    from PIL import Image  # imported here: only the survey's "read from photo" needs it

    try:
        with Image.open(path) as img:
            gps = img.getexif().get_ifd(0x8825)
    except (OSError, ValueError):
        return None
    try:
        lat_ref, lat, lon_ref, lon = gps.get(1), gps[2], gps.get(3), gps[4]
    except KeyError:
        return None
    lat_v = sum(_rational(x) / 60**i for i, x in enumerate(lat))
    lon_v = sum(_rational(x) / 60**i for i, x in enumerate(lon))
    if str(lat_ref).upper().startswith("S"):
        lat_v = -lat_v
    if str(lon_ref).upper().startswith("W"):
        lon_v = -lon_v
    return round(lat_v, 6), round(lon_v, 6)
