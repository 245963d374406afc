//! Routing: where lines meet states, which lane each turn takes, and the paths themselves.
//!
//! A line runs straight along the main axis through every rank, at its port on a state or its
//! item's anchor on a virtual rank, and turns only in the gap after a rank: down to its lane,
//! across, and on, with rounded corners. Turns in one gap get lanes of their own, ordered so
//! that lines moving the same way do not cross (the line that starts farther along its
//! direction turns first).

use super::Chain;
use super::{
    Line, PORT_MARGIN, Parts, Path, Piece, Point, START_RADIUS, StateBox, TextBlock, float,
    label_size,
};
use crate::svg::layout::Item;

/// Space between two lanes in a gap.
pub(super) const LANE_STEP: f64 = 6.0;
/// Radius of a line's corners.
const CORNER: f64 = 6.0;
/// Cross positions closer than this count as the same.
const SAME: f64 = 0.05;
/// The most space between two ports on one side of a state.
const PORT_STEP_MAX: f64 = 14.0;

/// Each chain's cross position at each of its items: its ports at the two states, the anchors
/// of its virtual items in between.
pub(super) fn crosses(
    items: &[Item],
    chains: &[Chain],
    positions: &[f64],
    sides: &[f64],
) -> Vec<Vec<f64>> {
    chains
        .iter()
        .map(|chain| {
            let last = chain.items.len() - 1;
            chain
                .items
                .iter()
                .enumerate()
                .map(|(index, &item)| match index {
                    0 => port(items, positions, sides, item, chain.items[1], true),
                    index if index == last => {
                        port(items, positions, sides, item, chain.items[last - 1], false)
                    }
                    _ => positions[item],
                })
                .collect()
        })
        .collect()
}

/// Where the line from `node` to its neighbour item `toward` meets the node's side (below or
/// above): ports are spread along the side in the order of the items they lead to, so lines
/// leave a state without crossing.
fn port(
    items: &[Item],
    positions: &[f64],
    sides: &[f64],
    node: usize,
    toward: usize,
    below: bool,
) -> f64 {
    let mut neighbours = if below {
        items[node].down.clone()
    } else {
        items[node].up.clone()
    };
    if neighbours.len() < 2 {
        return positions[node];
    }
    neighbours.sort_by(|&a, &b| positions[a].total_cmp(&positions[b]).then(a.cmp(&b)));
    let count = float(neighbours.len() - 1);
    let slot = float(
        neighbours
            .iter()
            .position(|&item| item == toward)
            .unwrap_or(0),
    );
    let step = ((sides[node] - 2.0 * PORT_MARGIN) / count).clamp(0.0, PORT_STEP_MAX);
    positions[node] + (slot - count / 2.0) * step
}

/// The lanes of every turn.
pub(super) struct Lanes {
    /// How many lanes the gap after each rank needs.
    pub per_gap: Vec<usize>,
    /// For each chain, the lane of each of its segments (segment `k` joins items `k` and
    /// `k + 1`); 0 where the segment does not turn.
    pub per_segment: Vec<Vec<usize>>,
}

/// Gives each turn a lane in its gap: lines turning toward larger positions first, those
/// that start farther along first; then lines turning the other way, mirrored. A turn takes
/// the lane after the last lane of any earlier turn it overlaps, so lanes are shared only by
/// turns that do not meet.
pub(super) fn lanes(items: &[Item], chains: &[Chain], crosses: &[Vec<f64>], ranks: usize) -> Lanes {
    let mut per_segment: Vec<Vec<usize>> = chains
        .iter()
        .map(|chain| vec![0; chain.items.len() - 1])
        .collect();
    let mut per_gap = vec![0; ranks];
    // Every turn, by gap: (chain, segment, from, to).
    let mut turns: Vec<Vec<(usize, usize, f64, f64)>> = vec![Vec::new(); ranks];
    for (index, chain) in chains.iter().enumerate() {
        for segment in 0..chain.items.len() - 1 {
            let (from, to) = (crosses[index][segment], crosses[index][segment + 1]);
            if (from - to).abs() > SAME {
                turns[items[chain.items[segment]].rank].push((index, segment, from, to));
            }
        }
    }
    for (gap, mut turns) in turns.into_iter().enumerate() {
        turns.sort_by(|a, b| {
            let forward = |turn: &(usize, usize, f64, f64)| turn.3 > turn.2;
            let key =
                |turn: &(usize, usize, f64, f64)| if forward(turn) { -turn.2 } else { turn.2 };
            forward(b)
                .cmp(&forward(a))
                .then(key(a).total_cmp(&key(b)))
                .then((a.0, a.1).cmp(&(b.0, b.1)))
        });
        let mut placed: Vec<(f64, f64, usize)> = Vec::new();
        for (chain, segment, from, to) in turns {
            let (low, high) = (from.min(to) - CORNER, from.max(to) + CORNER);
            let lane = placed
                .iter()
                .filter(|&&(other_low, other_high, _)| other_low < high && low < other_high)
                .map(|&(_, _, lane)| lane + 1)
                .max()
                .unwrap_or(0);
            placed.push((low, high, lane));
            per_segment[chain][segment] = lane;
            per_gap[gap] = per_gap[gap].max(lane + 1);
        }
    }
    Lanes {
        per_gap,
        per_segment,
    }
}

/// The line of chain `index` from its source to its target, and its label.
pub(super) fn chain_line(
    parts: &Parts<'_>,
    index: usize,
    place: &impl Fn(f64, f64) -> Point,
) -> Line {
    let Parts {
        frame,
        spacing,
        items,
        main,
        ..
    } = *parts;
    let chain = &parts.chains[index];
    let crosses = &parts.crosses[index];
    let lanes = &parts.lanes.per_segment[index];
    // How deep a node's own box is along the main axis (less than its rank, at times).
    let half_depth = |node: usize| match parts.sizes.get(node) {
        Some(&(width, height)) => frame.extent(width, height).1 / 2.0,
        None => START_RADIUS,
    };
    let last = chain.items.len() - 1;
    let mut points = Vec::new();
    for (position, &item) in chain.items.iter().enumerate() {
        let (rank, cross) = (items[item].rank, crosses[position]);
        if position == 0 {
            points.push(place(cross, main.middle(rank) + half_depth(item)));
        } else {
            points.push(place(cross, main.starts[rank]));
        }
        if position == last {
            points.push(place(cross, main.middle(rank) - half_depth(item)));
        } else {
            points.push(place(cross, main.end(rank)));
            let next = crosses[position + 1];
            if (next - cross).abs() > SAME {
                let lane =
                    main.end(rank) + spacing.rank_gap / 2.0 + float(lanes[position]) * LANE_STEP;
                points.push(place(cross, lane));
                points.push(place(next, lane));
            }
        }
    }
    if chain.reversed {
        points.reverse();
    }
    let label = chain.label.map(|item| {
        let text =
            parts.bundles[chain.bundle.expect("only edges have labels")].lines(parts.options);
        let (width, height) = label_size(&text);
        let along = frame.extent(width, height).1;
        let corner = place(
            parts.positions[item] + spacing.label_gap,
            main.middle(items[item].rank) - along / 2.0,
        );
        if frame.vertical {
            TextBlock {
                lines: text,
                x: corner.x,
                y: corner.y,
                centered: false,
            }
        } else {
            TextBlock {
                lines: text,
                x: corner.x + width / 2.0,
                y: corner.y,
                centered: true,
            }
        }
    });
    Line {
        path: rounded(&points),
        label,
        tooltip: chain
            .bundle
            .map(|bundle| parts.bundles[bundle].tooltip(parts.options))
            .unwrap_or_default(),
        dashed: chain
            .bundle
            .is_some_and(|bundle| parts.bundles[bundle].is_fallible()),
    }
}

/// A path along `points`, which turn only at right angles, with its corners rounded.
fn rounded(points: &[Point]) -> Path {
    // Drop repeated points and those in the middle of a straight run.
    let mut kept: Vec<Point> = Vec::new();
    for &point in points {
        if kept
            .last()
            .is_some_and(|last| distance(*last, point) < SAME)
        {
            continue;
        }
        if let [.., before, last] = kept[..]
            && ((before.x - last.x).abs() < SAME && (last.x - point.x).abs() < SAME
                || (before.y - last.y).abs() < SAME && (last.y - point.y).abs() < SAME)
        {
            kept.pop();
        }
        kept.push(point);
    }
    let mut pieces = Vec::new();
    for window in kept.windows(3) {
        let (before, corner, after) = (window[0], window[1], window[2]);
        let (into, out) = (distance(before, corner), distance(corner, after));
        let radius = CORNER.min(into / 2.0).min(out / 2.0);
        let toward = |from: Point, to: Point, length: f64, by: f64| Point {
            x: from.x + (to.x - from.x) * by / length,
            y: from.y + (to.y - from.y) * by / length,
        };
        let enter = toward(corner, before, into, radius);
        let leave = toward(corner, after, out, radius);
        // A quarter circle, near enough: the quadratic curve through the corner, as a cubic.
        let two_thirds = |from: Point| Point {
            x: from.x + (corner.x - from.x) * 2.0 / 3.0,
            y: from.y + (corner.y - from.y) * 2.0 / 3.0,
        };
        pieces.push(Piece::Line(enter));
        pieces.push(Piece::Cubic(two_thirds(enter), two_thirds(leave), leave));
    }
    if let Some(&end) = kept.last().filter(|_| kept.len() > 1) {
        pieces.push(Piece::Line(end));
    }
    Path {
        start: kept.first().copied().unwrap_or(Point { x: 0.0, y: 0.0 }),
        pieces,
    }
}

/// The length of a horizontal or vertical segment (the only ones `rounded` sees).
fn distance(from: Point, to: Point) -> f64 {
    (from.x - to.x).abs() + (from.y - to.y).abs()
}

/// A state's loops: one arc out of its side (right, or bottom) and back, the labels of all
/// its loops stacked beyond it.
pub(super) fn loop_line(
    parts: &Parts<'_>,
    state: &StateBox,
    labels: &[String],
    tips: &[String],
) -> Line {
    let reach = parts.spacing.loop_reach;
    let (_, height) = label_size(labels);
    let center = Point {
        x: state.x + state.width / 2.0,
        y: state.y + state.height / 2.0,
    };
    let tooltip = tips
        .iter()
        .filter(|tip| !tip.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let (path, label) = if parts.frame.vertical {
        let side = state.x + state.width;
        let spread = (state.height / 4.0).min(8.0);
        let path = Path {
            start: Point {
                x: side,
                y: center.y - spread,
            },
            pieces: vec![Piece::Cubic(
                Point {
                    x: side + reach,
                    y: center.y - spread - 0.6 * reach,
                },
                Point {
                    x: side + reach,
                    y: center.y + spread + 0.6 * reach,
                },
                Point {
                    x: side,
                    y: center.y + spread,
                },
            )],
        };
        let label = TextBlock {
            lines: labels.to_vec(),
            x: side + 0.75 * reach + parts.spacing.label_gap,
            y: center.y - height / 2.0,
            centered: false,
        };
        (path, label)
    } else {
        let side = state.y + state.height;
        let spread = (state.width / 4.0).min(8.0);
        let path = Path {
            start: Point {
                x: center.x - spread,
                y: side,
            },
            pieces: vec![Piece::Cubic(
                Point {
                    x: center.x - spread - 0.6 * reach,
                    y: side + reach,
                },
                Point {
                    x: center.x + spread + 0.6 * reach,
                    y: side + reach,
                },
                Point {
                    x: center.x + spread,
                    y: side,
                },
            )],
        };
        let label = TextBlock {
            lines: labels.to_vec(),
            x: center.x,
            y: side + 0.75 * reach + parts.spacing.label_gap,
            centered: true,
        };
        (path, label)
    };
    Line {
        path,
        label: Some(label),
        tooltip,
        dashed: false,
    }
}
