#!/usr/bin/env python3
"""Turn bench/run's results.tsv into a Markdown table (stdout and RESULTS.md) and an SVG chart.

Usage: report.py RESULTS_TSV RESULTS_MD RESULTS_SVG [key=value ...]
The key=value pairs describe the run (machine, versions, command) and head RESULTS.md.
"""

import csv
import math
import sys

# (task, label, tools in column order); the first tool is the one compared with the others.
TASKS = [
    ("export", "full export / build", ["press", "floor", "hugo"]),
    ("export-nocache", "full export, `--no-cache`", ["press"]),
    ("export-incremental", "re-export after editing one body", ["press"]),
    ("check", "check / floor parse", ["press", "floor"]),
    ("list-topic", "list --topic / floor query", ["press", "floor"]),
    ("list-topic-cached", "list --topic, with its cache", ["press"]),
    ("list-text", "list --text", ["press"]),
    ("show", "show SLUG", ["press"]),
    ("topics", "topics", ["press"]),
    ("db", "db (SQLite database)", ["press"]),
    ("generate", "generate the archive (+ the Hugo site)", ["generator"]),
]
NAMES = {"press": "press", "floor": "floor", "hugo": "Hugo", "generator": "generator"}


def load(path):
    rows = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            rows[(int(row["n"]), row["task"], row["tool"])] = row
    return rows


def seconds(text):
    value = float(text)
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def cell(row):
    if row is None:
        return "–"
    if row["status"] != "ok":
        return row["status"]
    text = seconds(row["mean"])
    if float(row["stddev"] or 0) > 0:
        text += f" ± {seconds(row['stddev'])}"
    return text


def rss(row):
    if row is None or row["status"] != "ok" or not row["rss_kb"]:
        return "–"
    mb = int(row["rss_kb"]) / 1024
    return f"{mb / 1024:.2f} GB" if mb >= 1024 else f"{mb:.0f} MB"


def ratio(a, b):
    if a is None or b is None or a["status"] != "ok" or b["status"] != "ok":
        return "–"
    return f"{float(a['mean']) / float(b['mean']):.2f}×"


def table(rows):
    sizes = sorted({n for n, _, _ in rows})
    lines = [
        "| statements | task | press | floor | Hugo | press ÷ floor | Hugo ÷ press | peak RSS press / floor / Hugo |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for n in sizes:
        for task, label, tools in TASKS:
            got = {tool: rows.get((n, task, tool)) for tool in ["press", "floor", "hugo", "generator"]}
            if all(v is None for v in got.values()):
                continue
            if task == "export-nocache":
                # Compared with the same floor and Hugo builds as the full export.
                got["floor"] = rows.get((n, "export", "floor"))
                got["hugo"] = rows.get((n, "export", "hugo"))
            if task == "export-incremental":
                full = ratio(got["press"], rows.get((n, "export", "press")))
                if full != "–":
                    label = f"{label} ({float(full[:-1]) * 100:.0f} % of the full export)"
            if task == "db":
                # Issue 18: at most 5× `check --no-cache` (the check row).
                times = ratio(got["press"], rows.get((n, "check", "press")))
                if times != "–":
                    label = f"{label} ({times} check)"
            first = got["generator"] if task == "generate" else got["press"]
            cells = [cell(first), cell(got["floor"]), cell(got["hugo"])]
            if task not in ("export", "export-nocache"):
                cells[2] = "–"
            memory = " / ".join(rss(got[t]) for t in ["press", "floor", "hugo"])
            if task == "export-nocache":
                memory = rss(got["press"]) + " / – / –"
            if task == "generate":
                memory = "–"
            lines.append(
                f"| {n:,} | {label} | {' | '.join(cells)} | {ratio(got['press'], got['floor'])} "
                f"| {ratio(got['hugo'], got['press'])} | {memory} |"
            )
    return "\n".join(lines)


def svg(rows):
    """Time against N on log–log axes, one line per series with a measured point."""
    series = [
        ("press export", "export", "press", "#c0392b", ""),
        ("floor render", "export", "floor", "#2c3e50", ""),
        ("Hugo", "export", "hugo", "#27ae60", ""),
        ("press check", "check", "press", "#c0392b", "6 4"),
        ("floor parse", "check", "floor", "#2c3e50", "6 4"),
        ("press re-export", "export-incremental", "press", "#e67e22", "2 3"),
    ]
    points = {}
    for label, task, tool, _, _ in series:
        pts = sorted(
            (n, float(r["mean"]))
            for (n, t, tl), r in rows.items()
            if t == task and tl == tool and r["status"] == "ok" and float(r["mean"]) > 0
        )
        if pts:
            points[label] = pts
    width, height, left, right, top, bottom = 720, 440, 70, 190, 30, 50
    all_n = [n for pts in points.values() for n, _ in pts] or [1000, 10000]
    all_t = [t for pts in points.values() for _, t in pts] or [0.01, 1]
    x0, x1 = math.log10(min(all_n)) - 0.1, math.log10(max(all_n)) + 0.1
    y0, y1 = math.floor(math.log10(min(all_t))), math.ceil(math.log10(max(all_t)))
    if y0 == y1:
        y1 += 1

    def x(n):
        return left + (math.log10(n) - x0) / (x1 - x0) * (width - left - right)

    def y(t):
        return height - bottom - (math.log10(t) - y0) / (y1 - y0) * (height - top - bottom)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="18" font-size="14">Time against number of statements (log–log, lower is better)</text>',
    ]
    for e in range(y0, y1 + 1):
        yy = y(10**e)
        label = f"{10**e * 1000:g} ms" if e < 0 else f"{10**e:g} s"
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">{label}</text>')
    for n in sorted(set(all_n)):
        xx = x(n)
        out.append(f'<line x1="{xx:.1f}" x2="{xx:.1f}" y1="{top}" y2="{height - bottom}" stroke="#eee"/>')
        out.append(f'<text x="{xx:.1f}" y="{height - bottom + 18}" text-anchor="middle">{n:,}</text>')
    out.append(
        f'<text x="{(left + width - right) / 2:.0f}" y="{height - 12}" text-anchor="middle">statements</text>'
    )
    legend_y = top + 10
    for label, _, _, colour, dash in series:
        pts = points.get(label)
        if not pts:
            continue
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        coords = " ".join(f"{x(n):.1f},{y(t):.1f}" for n, t in pts)
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        for n, t in pts:
            out.append(f'<circle cx="{x(n):.1f}" cy="{y(t):.1f}" r="3" fill="{colour}"><title>{label}: {n:,} → {seconds(str(t))}</title></circle>')
        lx = width - right + 15
        out.append(f'<line x1="{lx}" x2="{lx + 25}" y1="{legend_y}" y2="{legend_y}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        out.append(f'<text x="{lx + 32}" y="{legend_y + 4}">{label}</text>')
        legend_y += 20
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    tsv, md_path, svg_path, *pairs = sys.argv[1:]
    meta = dict(pair.split("=", 1) for pair in pairs)
    rows = load(tsv)
    body = table(rows)
    print(body)
    head = [
        "# Benchmark results",
        "",
        f"Produced by `{meta.get('command', 'bench/run')}` on {meta.get('date', '?')} "
        f"(press {meta.get('press', '?')}, Hugo {meta.get('hugo', '?')}). Regenerate with that command; "
        "`bench/run --help` explains every step.",
        "",
        f"- Machine: {meta.get('cpu', '?')}, {meta.get('memory', '?')} of memory; archives and every output "
        f"on the RAM file system `{meta.get('tmpfs', '?')}`, warm cache.",
        f"- Archives: `press::generate`, seed {meta.get('seed', '?')}; sizes {meta.get('sizes', '?')}. "
        f"`list --topic \"{meta.get('topic', '?')}\"`, `list --text {meta.get('word', '?')}`; "
        f"floor with `-j {meta.get('jobs', '?')}`.",
        "- Times are hyperfine means ± standard deviation (one warm-up run, none at 100,000 where the "
        "RSS run warms up); peak RSS from "
        "`/usr/bin/time -v` on one extra run. \"n/a\": press lacks the command; \"absent\": the tool is "
        "not installed; \"fails\": the command exited non-zero. press ÷ floor and Hugo ÷ press are ratios "
        "of means.",
        f"- `press check` and the first `press list --topic` run with `--no-cache` when press accepts it "
        f"(this run: {meta.get('no_cache', '?')}); the other press commands run after a warm-up run, so "
        "with a warm cache when press keeps one.",
        f"- Load average (1, 5, 15 min): {meta.get('load', '?')}. The machine is shared: compare ratios "
        "from one run rather than absolute times across runs.",
        "",
        body,
        "",
        "![time against N](results.svg)",
        "",
    ]
    with open(md_path, "w", encoding="utf-8") as f:
        f.write("\n".join(head))
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write(svg(rows))


if __name__ == "__main__":
    main()
