"""The report's chart: how many actions stood in each state, week by week, as a PNG.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no window, safe on
a worker thread). The PNG names its series in a `Series` text chunk, so a reader (or
a test) can tell what it shows without looking at the pixels.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from handlers.bottleneck_views import Words

# Colours per state: on schedule, delayed, overdue, done (colour-blind safe, calm).
COLOURS = ("#4C9F70", "#F2B134", "#D1495B", "#5B7DB1")


def action_chart(
    words: Words,
    title: str,
    days: Sequence[date],
    series: Sequence[tuple[str, Sequence[int]]],
) -> bytes:
    """A stacked area chart of `series` (label, one count per day) as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import DateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.stackplot(
        date2num(list(days)),  # type: ignore[no-untyped-call]
        *[list(values) for _label, values in series],
        labels=[label for label, _values in series],
        colors=COLOURS[: len(series)],
        alpha=0.9,
    )
    axes.set_title(title)
    axes.set_ylabel(words.t("report.chart_axis"))
    axes.xaxis.set_major_formatter(DateFormatter("%d-%m"))  # type: ignore[no-untyped-call]
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(loc="upper left", fontsize="small")
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format="png",
        metadata={
            "Title": title,
            "Series": ", ".join(label for label, _values in series),
            "Software": "ciso-bot",
        },
    )
    return buffer.getvalue()
