"""Test photos: a real JPEG with an EXIF GPS block, made with Pillow."""

from __future__ import annotations

from pathlib import Path


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 4)
    return (float(degrees), float(minutes), seconds)


def photo_with_gps(path: Path, lat: float, lon: float, size: tuple[int, int] = (640, 480)) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, (120, 160, 200))
    draw = ImageDraw.Draw(img)
    draw.rectangle((40, 200, 600, 460), fill=(150, 110, 70))
    draw.ellipse((480, 30, 590, 140), fill=(250, 220, 90))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1] = "N" if lat >= 0 else "S"
    gps[2] = _dms(lat)
    gps[3] = "E" if lon >= 0 else "W"
    gps[4] = _dms(lon)
    img.save(path, "JPEG", exif=exif, quality=85)
    return path
