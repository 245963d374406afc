#!/usr/bin/env python3
"""How readable a drawing of a machine is: automat-viz's own SVG against Graphviz's layout of
automat-viz's DOT of the same machine (`dot -Tjson`).

Three measures, for both drawings alike:

* crossings: pairs of edge pieces that properly cross (touching and overlaps aside);
* ambiguous labels: a label (the box around all lines of one edge's label) is ambiguous when
  its own edge does not come within TOUCH of it, or another edge comes at least as close as
  its own does;
* size: the drawing's width and height.

Changed from the first version of this tool (`shared/tools/diagram_quality.py`), which misled:

* Curves are flattened into short segments instead of read as their control polygons. A
  polygon overshoots the curve: a self-loop's control points reach past its label, so the
  label looked touched by a curve that passes well short of it (and a crossing of two
  polygons is not always a crossing of the curves).
* Our SVG's label boxes come from the same Helvetica advance widths the layout uses, and
  honour `text-anchor="middle"`; the old estimate (0.55 em a character, always left-anchored)
  put the box of every centered label (all of them, left to right) half a label off.
* Graphviz's label boxes use the font size Graphviz reports for them (it was fixed at 11.2).
* A label is the block of all the lines of one edge's label (one `<g>` of our SVG, one edge's
  `_ldraw_` in Graphviz's), not each line on its own: the reader reads the block as one, and
  both tools stack the labels of a state's loops into one such block (Graphviz from our DOT,
  which joins them). Counted line by line, the lower lines of a block were ambiguous for being
  a line height further from the edge than the block is (`lines` left to right: the second
  line of `Ready`'s loop label, 21 px off its loop, in both drawings), and a label of three
  lines weighed three times.
* Sizes are compared at the same text size. Graphviz works in points and sets our DOT's edge
  labels in 11 pt; automat-viz's SVG works in pixels and sets them in 12 px. The old tool set
  one drawing's points against the other's pixels: Graphviz's drawing, shown in a browser,
  is a third larger than its numbers, with labels of 14.7 px. Here Graphviz's size is scaled
  by 12/11, so that both drawings are measured in units of their own label size.

Usage:
  diagram_quality.py svg FILE.svg | dot FILE.dot   one drawing: 'edges E crossings C labels L
                                                    ambiguous A width W height H'
  diagram_quality.py report [--out FILE]           every machine of the repository and the
                                                    diagram fixtures, both directions and
                                                    folded, as Markdown (docs/diagram-quality.md)
"""
import json, os, re, subprocess, sys, tempfile

TOUCH = 12.0
STEPS = 12  # segments per flattened cubic

# Helvetica advance widths of ' '..'~' in thousandths of an em (automat-viz/src/svg/metrics.rs).
ASCII = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
         556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
         1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
         667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
         333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
         556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def text_width(text, size):
    return sum(ASCII[ord(c) - 32] if 32 <= ord(c) <= 126 else 1000 for c in text) * size / 1000


def unescape(text):
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&#39;", "'").replace("&amp;", "&"))


def cubic(p0, p1, p2, p3):
    out = []
    for i in range(1, STEPS + 1):
        t = i / STEPS
        u = 1 - t
        out.append(tuple(u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d
                         for a, b, c, d in zip(p0, p1, p2, p3)))
    return out


def segs_of_points(pts):
    return [(pts[i], pts[i + 1]) for i in range(len(pts) - 1) if pts[i] != pts[i + 1]]


def svg_path_points(d):
    """Points along an SVG path made of M, L and C commands, curves flattened."""
    pts = []
    for cmd, body in re.findall(r"([MLC])([^MLC]*)", d):
        nums = [float(x) for x in re.findall(r"-?[\d.]+", body)]
        coords = list(zip(nums[0::2], nums[1::2]))
        if cmd in "ML":
            pts += coords
        else:
            for i in range(0, len(coords), 3):
                pts += cubic(pts[-1], *coords[i:i + 3])
    return pts


def bezier_points(pts):
    """Points along a Graphviz B-spline given as 1 + 3n control points."""
    out = [tuple(pts[0])]
    for i in range(1, len(pts) - 2, 3):
        out += cubic(out[-1], *[tuple(p) for p in pts[i:i + 3]])
    return out


def block(lines):
    """An edge's label: the box around all its lines (none when it has no text)."""
    if not lines:
        return []
    return [(min(b[0] for b in lines), min(b[1] for b in lines),
             max(b[2] for b in lines), max(b[3] for b in lines))]


def svg_drawing(text):
    width = float(re.search(r'<svg[^>]*width="([\d.]+)"', text).group(1))
    height = float(re.search(r'<svg[^>]*height="([\d.]+)"', text).group(1))
    labelled = []
    for g in re.findall(r"<g>(.*?)</g>", text, re.S):
        m = re.search(r'<path d="([^"]+)"[^>]*marker-end', g)
        if not m:
            continue
        segs = segs_of_points(svg_path_points(m.group(1)))
        labels = []
        for attrs, body in re.findall(r"<text ([^>]*)>([^<]*)</text>", g):
            get = lambda name: re.search(name + r'="([^"]+)"', attrs)
            x, y, size = float(get("x").group(1)), float(get("y").group(1)), float(get("font-size").group(1))
            w = text_width(unescape(body), size)
            if 'text-anchor="middle"' in attrs:
                x -= w / 2
            labels.append((x, y - size * 0.8, x + w, y + size * 0.2))
        labelled.append((segs, block(labels)))
    return labelled, width, height


LABEL_SIZE = 12.0  # automat-viz's SVG edge labels, in px (automat-viz/src/svg/layout/mod.rs)


def dot_drawing(dot_text):
    """Graphviz's layout, scaled so its edge labels are LABEL_SIZE high, like ours."""
    out = subprocess.run(["dot", "-Tjson"], input=dot_text, capture_output=True, text=True,
                         check=True).stdout
    g = json.loads(out)
    label_size = float(re.search(r"edge \[[^]]*fontsize=([\d.]+)", dot_text).group(1))
    k = LABEL_SIZE / label_size
    scale = lambda pts: [(x * k, y * k) for x, y in pts]
    x0, y0, x1, y1 = [float(v) * k for v in g["bb"].split(",")]
    labelled = []
    for e in g.get("edges", []):
        segs = []
        for op in e.get("_draw_", []):
            if op.get("op") in ("b", "B"):
                segs += segs_of_points(bezier_points(scale(op["points"])))
            elif op.get("op") == "L":
                segs += segs_of_points(scale(op["points"]))
        labels, size = [], 14.0
        for op in e.get("_ldraw_", []):
            if op.get("op") == "F":
                size = float(op["size"]) * k
            if op.get("op") == "T":
                (x, y), w = (op["pt"][0] * k, op["pt"][1] * k), op["width"] * k
                left = {"l": x, "r": x - w}.get(op.get("align"), x - w / 2)
                # Graphviz's y grows upward: the text stands on its baseline `y`.
                labels.append((left, y - size * 0.2, left + w, y + size * 0.8))
        labelled.append((segs, block(labels)))
    return labelled, x1 - x0, y1 - y0


def cross(a, b):
    (p1, p2), (p3, p4) = a, b
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)
    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    return o1 * o2 < 0 and o3 * o4 < 0  # proper crossings only; touching and overlaps aside


def crossings(edges):
    n = 0
    for i in range(len(edges)):
        for j in range(i + 1, len(edges)):
            n += sum(1 for a in edges[i] for b in edges[j] if cross(a, b))
    return n


def seg_dist(p, s):
    (x, y), ((x1, y1), (x2, y2)) = p, s
    dx, dy = x2 - x1, y2 - y1
    L = dx * dx + dy * dy
    t = 0 if L == 0 else max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / L))
    px, py = x1 + t * dx, y1 + t * dy
    return ((x - px) ** 2 + (y - py) ** 2) ** 0.5


def rect_dist(r, s):
    """Distance from segment s to rectangle r = (x0, y0, x1, y1); 0 when they meet."""
    x0, y0, x1, y1 = r
    (ax, ay), (bx, by) = s
    inside = lambda x, y: x0 <= x <= x1 and y0 <= y <= y1
    if inside(ax, ay) or inside(bx, by):
        return 0.0
    sides = [((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))]
    if any(cross(s, side) for side in sides):
        return 0.0
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return min([seg_dist(c, s) for c in corners] + [seg_dist(p, side) for p in s for side in sides])


def ambiguous(labelled):
    """labelled: [(segments, [label boxes])]. A label is ambiguous when its own edge does not
    come within TOUCH of its box, or another edge comes at least as close as its own."""
    n = total = 0
    for i, (segs, labels) in enumerate(labelled):
        for box in labels:
            total += 1
            own = min((rect_dist(box, s) for s in segs), default=float("inf"))
            other = min((rect_dist(box, s) for j, (o, _) in enumerate(labelled) if j != i for s in o),
                        default=float("inf"))
            if own > TOUCH or other <= own:
                n += 1
    return n, total


def measure(labelled, width, height):
    amb, labels = ambiguous(labelled)
    return {"edges": len(labelled), "crossings": crossings([s for s, _ in labelled]),
            "labels": labels, "ambiguous": amb, "width": width, "height": height}


def line(m):
    return (f"edges {m['edges']} crossings {m['crossings']} labels {m['labels']} "
            f"ambiguous {m['ambiguous']} width {m['width']:.0f} height {m['height']:.0f}")


# The machines of the report: every example, every diagram fixture.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = ["examples/src/machines", "automat-viz/tests/fixtures"]


# The drawings of the report: (name, command-line options).
STYLES = [("tb", ["--direction", "tb"]), ("lr", ["--direction", "lr"]),
          ("tb fold", ["--direction", "tb", "--fold"])]


def render(fmt, flags, out_dir):
    subprocess.run(["cargo", "run", "--quiet", "-p", "automat-viz", "--", "--format", fmt,
                    "--output", out_dir] + flags +
                   [os.path.join(ROOT, s) for s in SOURCES], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def report():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for direction, flags in STYLES:
            for fmt in ("svg", "dot"):
                render(fmt, flags, os.path.join(tmp, direction))
        for direction, _ in STYLES:
            d = os.path.join(tmp, direction)
            for name in sorted(f[:-4] for f in os.listdir(d) if f.endswith(".svg")):
                ours = measure(*svg_drawing(open(os.path.join(d, name + ".svg")).read()))
                theirs = measure(*dot_drawing(open(os.path.join(d, name + ".dot")).read()))
                rows.append((name, direction, ours, theirs))
    out = ["# Diagram quality", "",
           "Generated by `bench/diagram_quality.py report --out docs/diagram-quality.md`; do not edit.",
           "",
           "automat-viz's own SVG layout against Graphviz's `dot` layout of automat-viz's DOT for the",
           "same machine, for every example machine and diagram fixture, in both directions, and",
           "top to bottom with `--fold` (edges of one input from three or more states folded).",
           "*Crossings*: pairs of edge pieces that cross. *Ambiguous*: labels (each the block of all",
           "lines of one edge's label) that their own edge",
           f"does not come within {TOUCH:.0f} px of, or that another edge comes at least as close to.",
           "*Size*: width × height in px; Graphviz's points are scaled so that its edge labels are",
           f"{LABEL_SIZE:.0f} px high like ours (12/11: both drawings measured in units of their label size).",
           "Curves are flattened before measuring. The goal: no more crossings and no more ambiguous labels than",
           "Graphviz, at most one ambiguous label in ten, and no larger an area.", "",
           "| machine | direction | edges | ours: crossings | ambiguous | size | Graphviz: crossings | ambiguous | size | goal |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    met = 0
    for name, direction, o, t in rows:
        misses = []
        if o["crossings"] > t["crossings"]:
            misses.append("crossings")
        if o["ambiguous"] > t["ambiguous"] or o["ambiguous"] * 10 > o["labels"]:
            misses.append("labels")
        if o["width"] * o["height"] > t["width"] * t["height"]:
            misses.append("area")
        met += not misses
        verdict = "met" if not misses else "missed: " + ", ".join(misses)
        out.append(f"| {name} | {direction.upper()} | {o['edges']} | {o['crossings']} | "
                   f"{o['ambiguous']} of {o['labels']} | {o['width']:.0f}×{o['height']:.0f} | "
                   f"{t['crossings']} | {t['ambiguous']} of {t['labels']} | "
                   f"{t['width']:.0f}×{t['height']:.0f} | {verdict} |")
    out += ["", f"Goal met in {met} of {len(rows)} drawings."]
    return "\n".join(out) + "\n"


def main():
    kind = sys.argv[1]
    if kind == "report":
        text = report()
        if "--out" in sys.argv:
            open(sys.argv[sys.argv.index("--out") + 1], "w").write(text)
        else:
            print(text, end="")
    elif kind == "svg":
        print(line(measure(*svg_drawing(open(sys.argv[2]).read()))))
    else:
        print(line(measure(*dot_drawing(open(sys.argv[2]).read()))))


if __name__ == "__main__":
    main()
