"""Charts drawn at build time as SVG: horizontal bars and a cumulative line over years.

Every chart is a <figure> with a visible title, the SVG (role="img", named by a text that
states the main finding), a line with the source and as-of date, and its numbers as a
table in a <details>. The SVG is WIDTH units wide and at most a phone's width on screen
(site.css), so its 14-unit text renders at 12 CSS px or more; labels are placed by
estimated boxes so that none overlaps another label or a line (checked in Chromium).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..markup.safe import HTML

WIDTH = 360.0
FONT = 14.0
CHAR = 0.6 * FONT      # estimated average width of a character, generous
Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def text_box(x: float, y: float, text: str, anchor: str = "start") -> Box:
    width = len(text) * CHAR
    x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return x0, y - FONT * 0.8, x0 + width, y + FONT * 0.25


def overlaps(a: Box, b: Box, gap: float = 2.0) -> bool:
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _label(x: float, y: float, text, css: str, anchor: str = "start") -> HTML:
    return HTML('<text class="{}" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text>').format(css, x, y, anchor, text)


def _halves(text: str) -> list[str]:
    """The text split at the space nearest its middle."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return [text]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return [text[:cut], text[cut + 1:]]


def _lines(x: float, y: float, lines: list[str], css: str, anchor: str) -> HTML:
    if len(lines) == 1:
        return _label(x, y, lines[0], css, anchor)
    spans = HTML("").join(HTML('<tspan x="{:.1f}" dy="{:g}">{}</tspan>').format(x, 0 if i == 0 else FONT + 2, line)
                          for i, line in enumerate(lines))
    return HTML('<text class="{}" x="{:.1f}" y="{:.1f}" text-anchor="{}">{}</text>').format(css, x, y, anchor, spans)


def figure(ident: str, title: str, finding: str, svg_body: HTML, height: float, note: str, table: HTML, table_label: str) -> HTML:
    """Title, the chart, the source and as-of line, and the numbers in a <details>."""
    return HTML(
        '<figure class="kkp-chart" id="{0}"><p class="kkp-chart-title" id="{0}-t">{1}</p>'
        '<svg viewBox="0 0 {2:g} {3:g}" role="img" aria-labelledby="{0}-t {0}-d" xmlns="http://www.w3.org/2000/svg">'
        '<desc id="{0}-d">{4}</desc>{5}</svg>'
        '<figcaption><p class="kkp-chart-note">{6}</p><details class="kkp-chart-data"><summary>{7}</summary>{8}</details></figcaption></figure>'
    ).format(ident, title, WIDTH, height, finding, svg_body, note, table_label, table)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    heading: bool = False   # a group's row (e.g. a region above its countries): bold, darker bar


def bars(rows: list[Bar]) -> tuple[HTML, float]:
    """Horizontal bars: label on its own line, bar below it, value at the bar's end."""
    top = max((row.value for row in rows), default=1) or 1
    value_room = len(str(top)) * CHAR + 8
    scale = (WIDTH - 4 - value_room) / top
    parts, y = [], 4.0
    for row in rows:
        css = "kkp-bar kkp-bar-group" if row.heading else "kkp-bar"
        parts.append(_label(2, y + FONT, row.label, "kkp-chart-label" + (" kkp-chart-strong" if row.heading else "")))
        width = max(row.value * scale, 1.0)
        parts.append(HTML('<rect class="{}" x="2" y="{:.1f}" width="{:.1f}" height="12"/>').format(css, y + FONT + 7, width))
        parts.append(_label(2 + width + 5, y + FONT + 19, row.value, "kkp-chart-value"))
        y += FONT + 7 + 12 + 11
    return HTML("").join(parts), y


@dataclass(frozen=True)
class Point:
    x: float   # year, with a fraction for the month
    value: int


def years_chart(records: list[Point], reported: list[Point], goal: int, goal_year: int, labels: dict[str, str]) -> tuple[HTML, float]:
    """The records as a cumulative step line, totals reported by sources as labelled dots,
    and the goal as a dashed line that ends at its year. `labels`: records, reported, goal."""
    height, left, right, top, bottom = 250.0, 36.0, WIDTH - 8, 10.0, 30.0
    first = min([p.x for p in records + reported] + [goal_year]) // 1
    last = max([p.x for p in records + reported] + [goal_year]) // 1 + 1
    high = max([p.value for p in records + reported] + [goal])
    step_y = 20 if high <= 100 else 50
    high = (high // step_y + 1) * step_y
    px = lambda year: left + (year - first) / (last - first) * (right - left)  # noqa: E731
    py = lambda value: top + (1 - value / high) * (height - top - bottom)  # noqa: E731
    parts: list[HTML] = []
    taken: list[Box] = []
    for value in range(0, int(high) + 1, step_y):
        parts.append(HTML('<line class="kkp-grid" x1="{:g}" x2="{:g}" y1="{:.1f}" y2="{:.1f}"/>').format(left, right, py(value), py(value)))
        parts.append(_label(left - 4, py(value) + 5, value, "kkp-chart-axis", "end"))
        taken.append(text_box(left - 4, py(value) + 5, str(value), "end"))
    span = int(last - first)
    every = 1
    while (span // every + 1) * (4 * CHAR + 8) > right - left:
        every += 1
    for year in range(int(first), int(last), every):
        x = min(max(px(year), 2 * CHAR + 1), WIDTH - 2 * CHAR - 1)
        parts.append(_label(x, height - 4, year, "kkp-chart-axis", "middle"))
    segments: list[Box] = []
    # the records: a step line from the first year, one step per year
    path, previous = [], None
    for point in records:
        x, y = px(point.x), py(point.value)
        if previous is None:
            path.append(f"M{x:.1f} {py(0):.1f}V{y:.1f}")
        else:
            path.append(f"H{x:.1f}V{y:.1f}")
            segments.append((previous[0], min(previous[1], y), x, max(previous[1], y)))
        previous = (x, y)
    if previous:
        path.append(f"H{right:.1f}")
        segments.append((previous[0], previous[1], right, previous[1]))
        parts.append(HTML('<path class="kkp-series-records" d="{}"/>').format("".join(path)))
    # the goal, up to its year only
    gx0, gx1, gy = px(first), px(goal_year + 1), py(goal)
    parts.append(HTML('<line class="kkp-goal" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>').format(gx0, gx1, gy, gy))
    segments.append((gx0, gy - 1, gx1, gy + 1))
    for point in reported:
        x, y = px(point.x), py(point.value)
        parts.append(HTML('<circle class="kkp-series-reported" cx="{:.1f}" cy="{:.1f}" r="4.5"/>').format(x, y))
        segments.append((x - 5, y - 5, x + 5, y + 5))
    lines = list(segments)

    unplaced: list[tuple[str, str]] = []

    def place(text: str, candidates: list[tuple[float, float, str]], css: str) -> None:
        """The first candidate whose box stays in the plot and clears every label, line and dot;
        a label that finds none is tried again on two lines, and then goes to a row of its own
        under the chart (new data must never break the build)."""
        for lines_ in ([text], _halves(text)):
            for x, y, anchor in candidates:
                boxes = [text_box(x, y + i * (FONT + 2), line, anchor) for i, line in enumerate(lines_)]
                box = (min(b[0] for b in boxes), boxes[0][1], max(b[2] for b in boxes), boxes[-1][3])
                if box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= height - 20 and \
                        not any(overlaps(box, other) for other in taken + lines):
                    taken.append(box)
                    parts.append(_lines(x, y, lines_, css, anchor))
                    return
        unplaced.append((text, css))

    def near(x: float, y: float) -> list[tuple[float, float, str]]:
        """Positions around (x, y), nearest first: text ending left of it, or starting right of it."""
        spots = [(x + dx, y + dy, anchor) for dx in range(-160, 161, 8) for dy in range(-60, 61, 4)
                 for anchor in ("end", "start")]
        return sorted(spots, key=lambda s: (abs(s[0] - x) + abs(s[1] - y), s[2]))

    for point in reported:
        x, y = px(point.x), py(point.value)
        place(str(point.value), [(x, y - 9, "middle"), (x + 8, y + 5, "start"), (x - 8, y + 5, "end"), (x, y + 19, "middle")]
              + near(x, y), "kkp-chart-value")
    goal_candidates = [(gx0 + 2, gy - 8, "start"), (gx0 + 2, gy - 8 - FONT - 2, "start"), (gx0 + 2, gy + 17, "start"),
                       (gx1 + 4, gy + 5, "start")] + near((gx0 + gx1) / 2, gy)
    place(labels["goal"], goal_candidates, "kkp-chart-label kkp-goal-label")
    if records:
        end = records[-1]
        place(labels["records"], near(right, py(end.value) + 17), "kkp-chart-label kkp-records-label")
    if reported:
        last_point = max(reported, key=lambda p: p.x)
        place(labels["reported"], near(px(last_point.x), py(last_point.value) - 24), "kkp-chart-label kkp-reported-label")
    for text, css in unplaced:
        height += FONT + 8
        parts.append(_lines(left, height - 4, [text], css, "start"))
    return HTML("").join(parts), height
