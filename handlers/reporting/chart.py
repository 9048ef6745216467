"""The report's chart: how many actions stood in each state, week by week, as a PNG.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no window, safe on
a worker thread). The PNG names its series in a `Series` text chunk, so a reader (or
a test) can tell what it shows without looking at the pixels.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from handlers.wording import Words

# Colours per state: on schedule, delayed, overdue, done (colour-blind safe, calm).
COLOURS = ("#4C9F70", "#F2B134", "#D1495B", "#5B7DB1")
DPI = 200  # print resolution: the chart goes into Word and PDF documents


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
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 4), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(days)))
    bottom = [0] * len(days)
    for (name, values), colour in zip(series, COLOURS, strict=False):
        axes.bar(positions, list(values), bottom=bottom, label=name, color=colour, width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    months = words.t("date.months_short").split()
    every = max(1, round(len(days) / 10))  # at most about ten labels
    axes.set_xticks(positions[::every])
    axes.set_xticklabels([f"{d.day} {months[d.month - 1]}" for d in days[::every]], fontsize=8)
    years = sorted({d.year for d in days})
    axes.set_xlabel(" – ".join(str(y) for y in (years[0], years[-1]) if y) if years else "")
    axes.set_title(f"{title} · {label}" if label else title)
    axes.set_ylabel(words.t("report.chart_axis"))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(loc="upper left", fontsize="small")
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format="png",
        dpi=DPI,
        metadata={
            "Title": title,
            "Series": ", ".join(name for name, _values in series),
            "Label": label,
            "Software": "ciso-bot",
        },
    )
    return buffer.getvalue()
