"""Draw packaging/pairing-desktop.ico: the character 结 (pairing) in white on the red of the
Party's documents, from the bundled font. Run once after changing it; the .ico is committed.

    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
SIZES = [16, 24, 32, 48, 64, 128, 256]
RED = (200, 16, 46, 255)


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=RED)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"),
                              int(size * 0.72), index=0)
    pen.text((size / 2, size / 2), "结", font=font, fill="white", anchor="mm")
    return image


def main() -> None:
    out = ROOT / "packaging" / "pairing-desktop.ico"
    draw().save(out, sizes=[(s, s) for s in SIZES])
    print(f"{out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
