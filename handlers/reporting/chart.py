"""The report's chart: how many actions stood in each state, week by week, as a PNG.

Drawn with Pillow (which the PDF library already needs) in the DejaVu Sans font the
PDF uses: a few milliseconds and a few MiB, where a plotting library took a second
and kept a running bot 50 MiB larger after its first report. The PNG names its series
in a `Series` text chunk, so a reader (or a test) can tell what it shows without
looking at the pixels.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from handlers.reporting.fonts import font_file
from handlers.wording import Words

if TYPE_CHECKING:
    from PIL.Image import Image as Picture
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

# Colours per state: on schedule, delayed, overdue, done (colour-blind safe, calm).
COLOURS = ("#4C9F70", "#F2B134", "#D1495B", "#5B7DB1")
DPI = 200  # print resolution: the chart goes into Word and PDF documents
WIDTH, HEIGHT = 8 * DPI, 4 * DPI  # 8 by 4 inches
INK, GRID = "#222222", "#D9D9D9"
# The plot area inside the image: room for the title, the axis labels and the dates.
LEFT, RIGHT, TOP, BOTTOM = 150, WIDTH - 40, 90, HEIGHT - 140


@lru_cache(maxsize=8)
def _font(size: int) -> FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(font_file("DejaVuSans")), size)


def _points(size: float) -> int:
    """A font size in points as pixels at the chart's resolution."""
    return round(size * DPI / 72)


def _ticks(top: int) -> list[int]:
    """Whole-number steps for the count axis: 1, 2 or 5 times a power of ten, at most
    six of them above zero."""
    step = 1
    while top / step > 6:
        for factor in (2, 5 / 2, 2):  # 1 → 2 → 5 → 10 → 20 …
            step = round(step * factor)
            if top / step <= 6:
                break
    return list(range(0, top + step, step))


def action_chart(
    words: Words,
    title: str,
    days: Sequence[date],
    series: Sequence[tuple[str, Sequence[int]]],
    label: str = "",
) -> bytes:
    """Stacked bars of `series` (label, one count per day), one bar per sampled day, as a
    PNG at print resolution (200 dpi): dates in words (`4 jan`, with the year below),
    the period and the document's TLP label in the title."""
    from PIL import Image, ImageDraw
    from PIL.PngImagePlugin import PngInfo

    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    totals = [sum(values[i] for _name, values in series) for i in range(len(days))]
    ticks = _ticks(max([*totals, 1]))
    scale = (BOTTOM - TOP) / ticks[-1]
    small = _font(_points(8))
    for tick in ticks:  # the count axis and its grid
        y = BOTTOM - tick * scale
        draw.line([(LEFT, y), (RIGHT, y)], fill=GRID, width=2)
        draw.text((LEFT - 14, y), str(tick), font=small, fill=INK, anchor="rm")
    slot = (RIGHT - LEFT) / max(len(days), 1)
    for i in range(len(days)):  # the bars, each state on the one below
        bottom = float(BOTTOM)
        for (_name, values), colour in zip(series, COLOURS, strict=False):
            height = values[i] * scale
            if height > 0:
                x = LEFT + slot * (i + 0.1)
                draw.rectangle([x, bottom - height, x + slot * 0.8, bottom], fill=colour)
            bottom -= height
    months = words.t("date.months_short").split()
    every = max(1, round(len(days) / 10))  # at most about ten labels
    for i in range(0, len(days), every):
        x = LEFT + slot * (i + 0.5)
        draw.line([(x, BOTTOM), (x, BOTTOM + 10)], fill=INK, width=2)
        day = days[i]
        draw.text((x, BOTTOM + 16), f"{day.day} {months[day.month - 1]}", font=small,
                  fill=INK, anchor="mt")  # fmt: skip
    draw.rectangle([LEFT, TOP, RIGHT, BOTTOM], outline=INK, width=2)
    years = sorted({d.year for d in days})
    if years:
        span = " – ".join(str(y) for y in dict.fromkeys((years[0], years[-1])))
        draw.text(((LEFT + RIGHT) / 2, BOTTOM + 70), span, font=_font(_points(10)), fill=INK,
                  anchor="mt")  # fmt: skip
    heading = f"{title} · {label}" if label else title
    draw.text(((LEFT + RIGHT) / 2, TOP - 24), heading, font=_font(_points(12)), fill=INK,
              anchor="ms")  # fmt: skip
    _axis_label(image, words.t("report.chart_axis"))
    _legend(draw, [name for name, _values in series])
    info = PngInfo()
    for key, value in (("Title", title), ("Series", ", ".join(n for n, _v in series)),
                       ("Label", label), ("Software", "ciso-bot")):  # fmt: skip
        info.add_text(key, value)
    buffer = io.BytesIO()
    # The fastest zlib level: half the time of the default for a file a third larger.
    image.save(buffer, format="PNG", pnginfo=info, dpi=(DPI, DPI), compress_level=1)
    return buffer.getvalue()


def _axis_label(image: Picture, text: str) -> None:
    """The count axis's name, written upwards beside it."""
    from PIL import Image, ImageDraw

    font = _font(_points(10))
    left, top, right, bottom = (round(edge) for edge in font.getbbox(text))
    strip = Image.new("RGB", (right - left + 8, bottom - top + 8), "white")
    ImageDraw.Draw(strip).text((4 - left, 4 - top), text, font=font, fill=INK)
    upright = strip.rotate(90, expand=True)
    image.paste(upright, (20, round((TOP + BOTTOM - upright.height) / 2)))


def _legend(draw: ImageDraw, names: Sequence[str]) -> None:
    """The states and their colours, in a box in the plot's upper left corner."""
    font = _font(_points(8))
    line = _points(8) + 14
    width = max((round(font.getlength(n)) for n in names), default=0) + 80
    x, y = LEFT + 20, TOP + 20
    draw.rectangle([x, y, x + width, y + line * len(names) + 16], fill="white", outline=GRID,
                   width=2)  # fmt: skip
    for n, (name, colour) in enumerate(zip(names, COLOURS, strict=False)):
        top = y + 8 + n * line
        draw.rectangle([x + 14, top + 6, x + 50, top + line - 10], fill=colour)
        draw.text((x + 62, top + line / 2), name, font=font, fill=INK, anchor="lm")
