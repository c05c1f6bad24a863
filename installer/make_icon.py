"""Draw the kcdesk icon (resources/icons/kcdesk.ico and kcdesk.png) with Pillow.

A rounded square in the blue of the window's accent with "KC" in the shipped Be Vietnam
Pro Bold, and a yellow bar under it (the colours of a provincial centre's signboard).
Drawn at 1024 px and scaled down, so every size of the .ico is sharp. The files are
committed; run this again only to change the design:

    .venv/bin/python installer/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "resources" / "icons"
FONT = REPO / "resources" / "fonts" / "BeVietnamPro-Bold.ttf"
SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
BLUE = (23, 84, 158, 255)
YELLOW = (247, 190, 22, 255)
WHITE = (255, 255, 255, 255)


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 16
    pen.rounded_rectangle((margin, margin, size - margin, size - margin), radius=size // 5, fill=BLUE)
    font = ImageFont.truetype(str(FONT), int(size * 0.44))
    left, top, right, bottom = pen.textbbox((0, 0), "KC", font=font)
    x = (size - (right - left)) / 2 - left
    y = size * 0.43 - (bottom - top) / 2 - top
    pen.text((x, y), "KC", font=font, fill=WHITE)
    bar_w, bar_h = size * 0.52, size * 0.075
    bar_top = size * 0.72
    pen.rounded_rectangle(
        ((size - bar_w) / 2, bar_top, (size + bar_w) / 2, bar_top + bar_h), radius=int(bar_h / 2), fill=YELLOW
    )
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "kcdesk.png", optimize=True)
    big.save(OUT / "kcdesk.ico", sizes=[(s, s) for s in SIZES])
    print(f"wrote {OUT / 'kcdesk.ico'} and {OUT / 'kcdesk.png'}")


if __name__ == "__main__":
    main()
