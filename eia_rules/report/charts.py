"""Charts as inline SVG strings, so the report is one file that needs no script or network.

Every chart has role="img" with <title> and <desc>, and sits beside a table with the same
numbers (its text alternative). Colours are Okabe-Ito (safe for colour-blind readers); each
value is also printed as text and the "gap" series carries a hatch pattern, so nothing is
told by colour alone and the charts read in greyscale.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .metrics import HeatMap, pct

BLUE, VERMILLION, INK, GRID = "#0072B2", "#D55E00", "#1a1a1a", "#767676"
# Viridis stops, dark to light: lightness rises with the value, so greyscale keeps the order.
VIRIDIS = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
FONT = 'font-family="Arial, Helvetica, sans-serif"'


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _open(uid: str, width: int, height: int, title: str, desc: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{uid}-t {uid}-d" '
            f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" {FONT} font-size="13">'
            f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
            f'<defs><pattern id="{uid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{VERMILLION}"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>')


def _legend(uid: str, x: int, y: int, items: list[tuple[str, str]]) -> str:
    parts = []
    for fill, label in items:
        parts.append(f'<rect x="{x}" y="{y - 11}" width="14" height="14" fill="{fill}" stroke="{INK}"/>'
                     f'<text x="{x + 20}" y="{y}" fill="{INK}">{escape(label)}</text>')
        x += 28 + 7 * len(label)
    return "".join(parts)


@dataclass(frozen=True)
class Bar:
    label: str
    good: float | None   # share of the bar drawn solid blue (e.g. no statutory gap)
    note: str            # text printed after the bar


def stacked_bars(uid: str, bars: list[Bar], title: str, desc: str, good_label: str, bad_label: str) -> str:
    """Horizontal 100% bars: solid blue for the good share, hatched vermillion for the rest."""
    left, width, row = 250, 360, 30
    height = 50 + row * len(bars)
    out = [_open(uid, left + width + 170, height, title, desc),
           _legend(uid, left, 18, [(BLUE, good_label), (f"url(#{uid}-hatch)", bad_label)])]
    for i, bar in enumerate(bars):
        y = 34 + i * row
        good = bar.good or 0.0
        out.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">{escape(_short(bar.label))}</text>')
        if bar.good is not None:
            out.append(f'<rect x="{left}" y="{y}" width="{width * good:.1f}" height="20" fill="{BLUE}"/>'
                       f'<rect x="{left + width * good:.1f}" y="{y}" width="{width * (1 - good):.1f}" height="20" '
                       f'fill="url(#{uid}-hatch)"/>')
        out.append(f'<rect x="{left}" y="{y}" width="{width}" height="20" fill="none" stroke="{INK}"/>'
                   f'<text x="{left + width + 8}" y="{y + 15}" fill="{INK}">{escape(bar.note)}</text>')
    out.append("</svg>")
    return "".join(out)


def paired_bars(uid: str, rows: list[tuple[str, float | None, float | None]], title: str, desc: str,
                then_label: str, now_label: str) -> str:
    """Two horizontal bars per row, a share (0..1) then and now: grey for then, hatched for now,
    each labelled with its value so the change reads without colour."""
    left, width, pair = 250, 320, 50
    height = 50 + pair * len(rows)
    out = [_open(uid, left + width + 90, height, title, desc),
           _legend(uid, left, 18, [(GRID, then_label), (f"url(#{uid}-hatch)", now_label)])]
    for i, (label, then, now) in enumerate(rows):
        y = 32 + i * pair
        out.append(f'<text x="{left - 8}" y="{y + 21}" text-anchor="end" fill="{INK}">{escape(_short(label))}</text>')
        for j, (value, fill) in enumerate(((then, GRID), (now, f"url(#{uid}-hatch)"))):
            top = y + j * 20
            out.append(f'<rect x="{left}" y="{top}" width="{width * (value or 0):.1f}" height="17" fill="{fill}" '
                       f'stroke="{INK}"/><text x="{left + width * (value or 0) + 6:.1f}" y="{top + 13}" '
                       f'fill="{INK}">{pct(value)}</text>')
    out.append("</svg>")
    return "".join(out)


def column_chart(uid: str, columns: list[tuple[str, float | None, str]], title: str, desc: str) -> str:
    """Vertical bars of a share (0..1) per period, each labelled with its value and its count."""
    top, plot, col = 30, 200, 64
    width = max(320, 60 + col * len(columns))
    out = [_open(uid, width, top + plot + 50, title, desc)]
    for tick in (0, 0.5, 1):
        y = top + plot * (1 - tick)
        out.append(f'<line x1="48" x2="{width - 8}" y1="{y}" y2="{y}" stroke="{GRID}" stroke-dasharray="3 3"/>'
                   f'<text x="42" y="{y + 4}" text-anchor="end" fill="{INK}">{pct(tick)}</text>')
    for i, (label, value, note) in enumerate(columns):
        x = 60 + i * col
        h = plot * (value or 0)
        out.append(f'<rect x="{x}" y="{top + plot - h:.1f}" width="{col - 16}" height="{h:.1f}" '
                   f'fill="url(#{uid}-hatch)" stroke="{INK}"/>'
                   f'<text x="{x + (col - 16) / 2}" y="{top + plot - h - 5:.1f}" text-anchor="middle" '
                   f'fill="{INK}">{pct(value)}</text>'
                   f'<text x="{x + (col - 16) / 2}" y="{top + plot + 16}" text-anchor="middle" '
                   f'fill="{INK}">{escape(label)}</text>'
                   f'<text x="{x + (col - 16) / 2}" y="{top + plot + 32}" text-anchor="middle" '
                   f'fill="{INK}" font-size="11">{escape(note)}</text>')
    out.append("</svg>")
    return "".join(out)


def _ramp(value: float) -> tuple[str, str]:
    """Fill and text colour for a share: darker means fewer assessed."""
    index = min(int(value * (len(VIRIDIS) - 1) + 0.5), len(VIRIDIS) - 1)
    return VIRIDIS[index], ("#ffffff" if index < 3 else INK)


def heat_map(uid: str, hm: HeatMap, labels: dict[str, str], title: str, desc: str) -> str:
    """Groups by characteristics; each cell is the share assessed, printed with its counts."""
    left, cell_w, cell_h, head = 250, 74, 38, 120
    width = left + cell_w * len(hm.characteristics) + 90
    out = [_open(uid, width, head + cell_h * len(hm.groups) + 50, title, desc)]
    for j, key in enumerate(hm.characteristics):
        x = left + j * cell_w + cell_w / 2
        out.append(f'<text transform="translate({x},{head - 8}) rotate(-40)" fill="{INK}" font-size="12">'
                   f'{escape(_short(labels[key], 30))}</text>')
    for i, group in enumerate(hm.groups):
        y = head + i * cell_h
        out.append(f'<text x="{left - 8}" y="{y + cell_h / 2 + 4}" text-anchor="end" fill="{INK}">'
                   f'{escape(_short(group))}</text>')
        for j, key in enumerate(hm.characteristics):
            cell = hm.cells[(group, key)]
            value = cell.assessed_share or 0.0
            fill, text = _ramp(value)
            x = left + j * cell_w
            out.append(f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="{fill}"/>'
                       f'<text x="{x + cell_w / 2 - 1}" y="{y + 16}" text-anchor="middle" fill="{text}" '
                       f'font-weight="bold">{pct(cell.assessed_share)}</text>'
                       f'<text x="{x + cell_w / 2 - 1}" y="{y + 30}" text-anchor="middle" fill="{text}" '
                       f'font-size="11">{cell.counts["assessed"]}/{cell.total}</text>')
    y = head + cell_h * len(hm.groups) + 24
    out.append(f'<text x="{left}" y="{y}" fill="{INK}" font-size="12">Share assessed:</text>')
    for k, colour in enumerate(VIRIDIS):
        x = left + 100 + k * 60
        share = k / (len(VIRIDIS) - 1)
        out.append(f'<rect x="{x}" y="{y - 12}" width="56" height="18" fill="{colour}"/>'
                   f'<text x="{x + 28}" y="{y + 2}" text-anchor="middle" font-size="11" '
                   f'fill="{_ramp(share)[1]}">{pct(share)}</text>')
    out.append("</svg>")
    return "".join(out)
