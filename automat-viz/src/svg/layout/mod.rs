//! A layered layout of a machine's graph, in pure Rust.
//!
//! The classic steps of Sugiyama et al., as Graphviz's `dot` takes them: break cycles by
//! reversing back edges (found by a depth-first search from the start point), put states on
//! ranks by longest path, thread every edge that spans ranks through one virtual item per rank
//! in between, order each rank by barycenters to reduce crossings (from several first orders,
//! among them one per hub, a state many lines meet, moved with its lines to either end of its
//! ranks), then place items along each rank as close to their neighbours as the spacing
//! allows.
//!
//! Labels can never overlap, by construction: ranks are doubled, and every edge's label is a
//! virtual item of its own (sized like its text) on an odd rank between two state ranks, as
//! Graphviz does. Items on a rank never overlap, lines cross each rank straight through their
//! own item, and they turn only in the empty gaps between ranks, each turn in a lane of its
//! own, so no line runs over a label, a state or another line. Loops hang off the side of
//! their state (right in top-to-bottom drawings, below in left-to-right ones), with their
//! labels stacked beside them, and the state's item is widened to hold them.
//!
//! The steps live in [`rank`], [`order`], [`place`] and [`route`]; this module holds the
//! shared types and puts the steps together.
//!
//! The layout works in two axes: *main*, along which ranks follow each other, and *cross*,
//! along a rank; [`Frame`] maps them to `x` and `y` for the chosen direction. Only `+`, `-`,
//! `*`, `/` and comparisons are used on floats, which IEEE 754 defines exactly, so the output
//! is the same on every platform.

mod order;
mod place;
mod rank;
mod route;

use super::metrics;
use crate::cluster::Cluster;
use crate::graph::{Bundle, Graph, State};
use crate::options::{Direction, Options};

/// Font size of a state's name.
pub const NAME_SIZE: f64 = 14.0;
/// Font size of a state's doc line.
pub const DOC_SIZE: f64 = 11.0;
/// Font size of edge labels.
pub const LABEL_SIZE: f64 = 12.0;
/// Font size of the title.
pub const TITLE_SIZE: f64 = 16.0;
/// Line height, as a multiple of the font size.
pub const LEADING: f64 = 1.25;

/// Radius of the start point.
const START_RADIUS: f64 = 5.0;
/// The least space between two lines that meet a state on the same side, so their arrowheads
/// stay apart.
const PORT_STEP: f64 = 12.0;
/// The space kept clear of ports at each end of a state's side (its rounded corner).
const PORT_MARGIN: f64 = 8.0;

/// A point in the drawing, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Left to right.
    pub x: f64,
    /// Top to bottom.
    pub y: f64,
}

/// A piece of a path, from where the previous one ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Piece {
    /// A straight line to the point.
    Line(Point),
    /// A cubic Bézier curve: two control points, then the end.
    Cubic(Point, Point, Point),
}

/// An edge's line, drawn from its source to its target (the arrow's end).
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// Where the line starts.
    pub start: Point,
    /// The pieces that follow.
    pub pieces: Vec<Piece>,
}

/// Where a block of text goes.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBlock {
    /// The lines, top to bottom.
    pub lines: Vec<String>,
    /// The left end of the lines, or their center when `centered`.
    pub x: f64,
    /// The top of the first line.
    pub y: f64,
    /// Whether `x` is the center of each line rather than its start.
    pub centered: bool,
}

/// A state's box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StateBox {
    /// Left side.
    pub x: f64,
    /// Top side.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl StateBox {
    /// The smallest box that holds both.
    fn union(&self, other: &StateBox) -> StateBox {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        StateBox {
            x,
            y,
            width: (self.x + self.width).max(other.x + other.width) - x,
            height: (self.y + self.height).max(other.y + other.height) - y,
        }
    }

    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &StateBox) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }
}

/// One line of the drawing with its label: an edge, or all loops of one state.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The line.
    pub path: Path,
    /// Its label, if it has one (the start arrow has none).
    pub label: Option<TextBlock>,
    /// Its tooltip (may be empty).
    pub tooltip: String,
    /// Whether the line is dashed: every edge it draws may fail and stay.
    pub dashed: bool,
}

/// The whole drawing, ready to be written out.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Where the title's text starts (top left).
    pub title: Point,
    /// The center of the start point, when the graph has an initial state.
    pub start: Option<Point>,
    /// Each state's box, in declaration order.
    pub states: Vec<StateBox>,
    /// The start arrow, the edges and the loops.
    pub lines: Vec<Line>,
    /// Each cluster's box, with its group's index in [`Graph::groups`] (the group's name is
    /// the box's legend, on its top border).
    pub clusters: Vec<(usize, StateBox)>,
}

/// Distances, in pixels.
struct Spacing {
    /// Space left and right of a state's name in its box.
    pad_x: f64,
    /// Space above and below it.
    pad_y: f64,
    /// Space between neighbours on a rank, when one is a state or a label.
    item_gap: f64,
    /// Space between two virtual points on a rank.
    virtual_gap: f64,
    /// Space between a rank and the next, where lines bend.
    rank_gap: f64,
    /// How far a loop reaches out of its state.
    loop_reach: f64,
    /// Space between a line and its label.
    label_gap: f64,
    /// Space around the drawing.
    margin: f64,
}

impl Spacing {
    fn new(options: &Options) -> Self {
        let scale = if options.compact { 0.6 } else { 1.0 };
        Spacing {
            pad_x: 8.0 * scale,
            pad_y: 6.0 * scale,
            item_gap: 16.0 * scale,
            virtual_gap: 10.0 * scale,
            rank_gap: 14.0 * scale,
            loop_reach: 24.0,
            label_gap: 4.0,
            margin: 6.0,
        }
    }
}

/// Maps main and cross coordinates to `x` and `y`.
#[derive(Clone, Copy)]
struct Frame {
    vertical: bool,
}

impl Frame {
    fn point(self, cross: f64, main: f64) -> Point {
        if self.vertical {
            Point { x: cross, y: main }
        } else {
            Point { x: main, y: cross }
        }
    }

    /// A `width` × `height` box's extent (cross, main).
    fn extent(self, width: f64, height: f64) -> (f64, f64) {
        if self.vertical {
            (width, height)
        } else {
            (height, width)
        }
    }
}

/// What an item on a rank stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A state or the start point: its item's index is the node's (states first, in
    /// declaration order, then the start point).
    Node,
    /// The label of an edge.
    Label,
    /// A point a line passes through.
    Virtual,
}

/// An item on a rank, with its extent around its anchor: where lines pass or attach.
struct Item {
    kind: Kind,
    rank: usize,
    /// Extent along the rank before the anchor.
    before: f64,
    /// Extent along the rank after the anchor.
    after: f64,
    /// Extent along the main axis, centered on the rank's middle.
    depth: f64,
    /// Neighbours on the rank above and below.
    up: Vec<usize>,
    down: Vec<usize>,
}

/// A line through the ranks, from its upper end to its lower end.
struct Chain {
    /// Items from the upper node to the lower node, both included.
    items: Vec<usize>,
    /// Whether the edge goes from the lower end to the upper one.
    reversed: bool,
    /// The bundle it draws, or `None` for the start arrow.
    bundle: Option<usize>,
    /// The label's item, if any.
    label: Option<usize>,
}

/// Lays out `graph`, each group as a cluster. The ordering keeps a cluster's items side by
/// side and the placement moves other items out of its box, so the box holds members alone;
/// should it still take in another state (a box widened for its legend, two clusters pushing
/// each other), then rather than show a wrong membership the group's handlers are drawn from
/// each member as the states' own handlers are, and the layout runs again.
///
/// Left to right, loops' labels stack below their state, and the widest line sets how wide
/// its rank is: the layout is also tried with each loop label wider than its state broken
/// before its arrow (`→ Output` on a line of its own), and the drawing with fewer crossings,
/// then the smaller one, is kept (the one as written on a tie). Top to bottom, loop labels stand beside their
/// state and breaking them would only make the drawing taller.
pub fn layout(graph: &Graph, options: &Options) -> Drawing {
    let written = layout_clustered(graph, options, false);
    let breakable = graph
        .edges
        .iter()
        .any(|edge| edge.kind == automat::TransitionKind::Loop && edge.output.is_some());
    if options.direction == Direction::TopToBottom || !breakable {
        return written;
    }
    let broken = layout_clustered(graph, options, true);
    if score(&broken) < score(&written) {
        broken
    } else {
        written
    }
}

/// Lays out `graph` with its clusters, dropping one whose box holds another state until none
/// does; `break_loops` breaks loop labels before their arrows.
fn layout_clustered(graph: &Graph, options: &Options, break_loops: bool) -> Drawing {
    let mut clusters = graph.clusters();
    loop {
        let drawing = layout_with(graph, options, &mut clusters, break_loops);
        let crowded = (0..clusters.len()).find(|&index| {
            let area = &drawing.clusters[index].1;
            drawing
                .states
                .iter()
                .enumerate()
                .any(|(state, other)| !clusters[index].contains(state) && area.overlaps(other))
        });
        match crowded {
            Some(index) => {
                clusters.remove(index);
            }
            None => return drawing,
        }
    }
}

/// Lays out `graph` with `clusters`, choosing each cluster's tail: the member ranked last.
fn layout_with(
    graph: &Graph,
    options: &Options,
    clusters: &mut [Cluster],
    break_loops: bool,
) -> Drawing {
    let spacing = Spacing::new(options);
    let frame = Frame {
        vertical: options.direction == Direction::TopToBottom,
    };
    let states = graph.states.len();
    let initial = graph.initial();
    // The start point is node `states`, after the states.
    let start = initial.map(|_| states);
    let nodes = states + usize::from(start.is_some());
    let ranks_of = |edges: &[(usize, usize, Option<usize>)]| {
        rank::rank(nodes, edges, &rank::break_cycles(nodes, edges, start))
    };
    if !clusters.is_empty() {
        // Ranks with every member's own edge: the group's edge leaves the cluster from the
        // member they put last, so it runs on, not back through the cluster.
        let bundles = graph.bundles(options, &[]);
        let (_, edges) = split_loops(&bundles, states, initial, options, None);
        let ranks = ranks_of(&edges);
        for cluster in clusters.iter_mut() {
            cluster.tail = *cluster
                .members
                .iter()
                .rev()
                .max_by_key(|&&member| ranks[member])
                .expect("a cluster has members");
        }
    }
    let bundles = graph.bundles(options, clusters);

    // Each state's box.
    let mut sizes: Vec<(f64, f64)> = graph
        .states
        .iter()
        .map(|state| {
            state_size(
                &state.label(),
                options.docs.then(|| state.doc_line()),
                &spacing,
            )
        })
        .collect();
    let room: Vec<f64> = sizes
        .iter()
        .map(|&(width, height)| frame.extent(width, height).1)
        .collect();
    let (loops, edges) = split_loops(
        &bundles,
        states,
        initial,
        options,
        break_loops.then_some(&room[..]),
    );

    // The target of a fold marker that no other edge enters ranks just below the first
    // (by rank) of the states the marker stands for, as if that state had an edge to it (an
    // edge that is not drawn), and the marker just above it, beside that state: else the
    // two, joined to nothing else, would float to the top rank, away from the states they
    // belong with. (Ranking them below every state the marker stands for, the marker below
    // the last of them and the target below the marker, drew `order` folded two ranks taller
    // for its `refund` and `close` markers, with nothing beside them: 763×1918 against
    // Graphviz's 619×2092.)
    let is_marker = |node: usize| graph.states.get(node).is_some_and(State::is_marker);
    let entered_otherwise = |target: usize| {
        edges
            .iter()
            .any(|&(from, to, _)| to == target && !is_marker(from))
    };
    let plain_ranks = ranks_of(&edges);
    let mut rank_edges = edges.clone();
    for (marker, state) in graph.states.iter().enumerate() {
        if !state.is_marker() {
            continue;
        }
        let targets: Vec<usize> = edges
            .iter()
            .filter(|&&(from, _, _)| from == marker)
            .map(|&(_, to, _)| to)
            .collect();
        if targets.iter().any(|&target| entered_otherwise(target)) {
            continue;
        }
        let first = state
            .stands_for
            .iter()
            .filter_map(|name| graph.state_index(name))
            .min_by_key(|&source| plain_ranks[source]);
        if let Some(source) = first {
            for &target in &targets {
                rank_edges.push((source, target, None));
            }
        }
    }
    let reversed = rank::break_cycles(nodes, &rank_edges, start);
    let node_ranks = rank::rank(nodes, &rank_edges, &reversed);
    let reversed = &reversed[..edges.len()];

    // Items: the nodes first (item index = node index), then each chain's virtual items.
    let mut items: Vec<Item> = (0..nodes)
        .map(|node| {
            let (before, after, depth) = if node == states {
                (START_RADIUS, START_RADIUS, 2.0 * START_RADIUS)
            } else {
                let (cross, main) = frame.extent(sizes[node].0, sizes[node].1);
                let (reach, label_main) = loop_extent(&loops[node].0, frame, &spacing);
                (cross / 2.0, cross / 2.0 + reach, main.max(label_main))
            };
            Item {
                kind: Kind::Node,
                rank: 2 * node_ranks[node],
                before,
                after,
                depth,
                up: Vec::new(),
                down: Vec::new(),
            }
        })
        .collect();
    let mut chains = Vec::new();
    for (&(from, to, bundle), &reversed) in edges.iter().zip(reversed) {
        let ends = if reversed { (to, from) } else { (from, to) };
        let lines = bundle.map(|bundle| bundles[bundle].lines(options));
        let mut chain = rank::thread(&mut items, ends, lines.as_deref(), frame, &spacing);
        chain.reversed = reversed;
        chain.bundle = bundle;
        chains.push(chain);
    }

    widen_for_ports(&mut items, &mut sizes, frame);
    let blocks = blocks(&items, clusters, &chains, &bundles);
    // Every candidate order drawn in full; the drawing whose lines cross least, the smallest
    // of those (the first on a tie). Routing turns lines in lanes between ranks, so the
    // crossings a reader sees are not quite those between ranks that the ordering counts.
    order::candidates(&items, &blocks, start)
        .iter()
        .map(|ranks| {
            let parts = Shared {
                graph,
                options,
                frame,
                spacing: &spacing,
                sizes: &sizes,
                loops: &loops,
                items: &items,
                chains: &chains,
                bundles: &bundles,
                start,
                clusters,
                blocks: &blocks,
            };
            draw_order(&parts, ranks, nodes)
        })
        .map(|drawing| (score(&drawing), drawing))
        .min_by(|(a, _), (b, _)| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .expect("at least one order")
        .1
}

/// What a drawing is judged by, best first: its crossings, then its area.
fn score(drawing: &Drawing) -> (usize, f64) {
    (crossings(drawing), drawing.width * drawing.height)
}

/// What every candidate order shares.
struct Shared<'a> {
    graph: &'a Graph,
    options: &'a Options,
    frame: Frame,
    spacing: &'a Spacing,
    sizes: &'a [(f64, f64)],
    loops: &'a [(Vec<String>, Vec<String>)],
    items: &'a [Item],
    chains: &'a [Chain],
    bundles: &'a [Bundle<'a>],
    start: Option<usize>,
    clusters: &'a [Cluster],
    blocks: &'a [Option<usize>],
}

/// Each item's cluster: the cluster's members, and the virtual items of the edges of a member
/// (not of the cluster's own edges, which leave it from its border) on the ranks from the
/// first member's to the last one's. An edge that leaves a member for a state outside runs
/// inside the box as far as its rank allows, as Graphviz draws it, rather than being pushed
/// out around the box (which drew `kv` a third wider for its `auth [Closed]` edge).
fn blocks(
    items: &[Item],
    clusters: &[Cluster],
    chains: &[Chain],
    bundles: &[Bundle<'_>],
) -> Vec<Option<usize>> {
    let mut blocks = vec![None; items.len()];
    for (index, cluster) in clusters.iter().enumerate() {
        for &member in &cluster.members {
            blocks[member] = Some(index);
        }
    }
    for chain in chains {
        let (first, last) = (chain.items[0], chain.items[chain.items.len() - 1]);
        let own = chain
            .bundle
            .is_some_and(|bundle| bundles[bundle].cluster.is_some());
        let block = match (blocks[first], blocks[last]) {
            (Some(a), Some(b)) if a != b => None,
            (Some(a), _) | (None, Some(a)) => Some(a),
            (None, None) => None,
        };
        let Some(block) = block.filter(|_| !own) else {
            continue;
        };
        let span = clusters[block]
            .members
            .iter()
            .map(|&member| items[member].rank);
        let (top, bottom) = (span.clone().min(), span.max());
        for &item in &chain.items[1..chain.items.len() - 1] {
            let rank = Some(items[item].rank);
            if top <= rank && rank <= bottom {
                blocks[item] = Some(block);
            }
        }
    }
    blocks
}

/// Places, routes and draws the items in the order `ranks`.
fn draw_order(shared: &Shared<'_>, ranks: &[Vec<usize>], nodes: usize) -> Drawing {
    let Shared {
        graph,
        options,
        frame,
        spacing,
        sizes,
        loops,
        items,
        chains,
        bundles,
        start,
        clusters,
        blocks,
    } = *shared;
    let mut positions = place::place(items, ranks, spacing);
    place::straighten(items, ranks, chains, &mut positions, spacing);
    place::pack_apart(items, ranks, start, &mut positions, spacing);
    let legends: Vec<f64> = clusters
        .iter()
        .map(|cluster| {
            if frame.vertical {
                metrics::width(&graph.groups[cluster.group].name, DOC_SIZE)
            } else {
                0.0
            }
        })
        .collect();
    place::clear_clusters(items, ranks, blocks, &legends, &mut positions, spacing);
    let side_lengths: Vec<f64> = (0..nodes)
        .map(|node| match sizes.get(node) {
            Some(&(width, height)) => frame.extent(width, height).0,
            None => 2.0 * START_RADIUS,
        })
        .collect();
    let crosses = route::crosses(items, chains, &positions, &side_lengths);
    let lanes = route::lanes(items, chains, &crosses, ranks.len());
    let main = MainAxis::new(items, ranks, &lanes.per_gap, spacing);

    draw(&Parts {
        graph,
        options,
        frame,
        spacing,
        sizes,
        loops,
        items,
        chains,
        bundles,
        positions: &positions,
        crosses: &crosses,
        lanes: &lanes,
        main: &main,
        start,
        clusters,
    })
}

/// Each state's loops (label lines, and tooltips; all loops of a state share one line), each
/// line broken before its arrow when `break_loops` gives its state less room along the main
/// axis than the line is wide, and
/// the edges to lay out across ranks: `(from, to, bundle)`, the start arrow first (from node
/// `states`, the start point, with no bundle).
#[allow(clippy::type_complexity)]
fn split_loops(
    bundles: &[Bundle<'_>],
    states: usize,
    initial: Option<usize>,
    options: &Options,
    break_loops: Option<&[f64]>,
) -> (
    Vec<(Vec<String>, Vec<String>)>,
    Vec<(usize, usize, Option<usize>)>,
) {
    let mut loops: Vec<(Vec<String>, Vec<String>)> = vec![(Vec::new(), Vec::new()); states];
    let mut edges: Vec<(usize, usize, Option<usize>)> = Vec::new();
    if let Some(initial) = initial {
        edges.push((states, initial, None));
    }
    for (index, bundle) in bundles.iter().enumerate() {
        if bundle.is_loop() {
            let (lines, tips) = &mut loops[bundle.source];
            let room = break_loops.map_or(f64::INFINITY, |room| room[bundle.source]);
            // A label wider than its state breaks before its `→`; a doc line never does.
            lines.extend(bundle.lines_with(options, |label| {
                let wide = metrics::width(&label, LABEL_SIZE) > room;
                match label.split_once(" → ").filter(|_| wide) {
                    Some((input, output)) => vec![input.to_owned(), format!("→ {output}")],
                    None => vec![label],
                }
            }));
            tips.push(bundle.tooltip(options));
        } else {
            edges.push((bundle.source, bundle.target, Some(index)));
        }
    }
    (loops, edges)
}

/// Widens the box of every state where more lines meet one side than fit at [`PORT_STEP`]
/// apart (TCP's `Closed` is the target of thirteen).
fn widen_for_ports(items: &mut [Item], sizes: &mut [(f64, f64)], frame: Frame) {
    for (state, size) in sizes.iter_mut().enumerate() {
        let item = &mut items[state];
        let lines = item.up.len().max(item.down.len());
        let needed = float(lines.saturating_sub(1)) * PORT_STEP + 2.0 * PORT_MARGIN;
        let (cross, _) = frame.extent(size.0, size.1);
        if needed > cross {
            let grow = needed - cross;
            item.before += grow / 2.0;
            item.after += grow / 2.0;
            if frame.vertical {
                size.0 += grow;
            } else {
                size.1 += grow;
            }
        }
    }
}

/// The size of a state's box: its name, and under it the doc line if there is one to show.
fn state_size(name: &str, doc: Option<&str>, spacing: &Spacing) -> (f64, f64) {
    let mut width = metrics::width(name, NAME_SIZE);
    let mut height = NAME_SIZE * LEADING;
    if let Some(doc) = doc.filter(|doc| !doc.is_empty()) {
        width = width.max(metrics::width(doc, DOC_SIZE));
        height += DOC_SIZE * LEADING;
    }
    (
        (width + 2.0 * spacing.pad_x).max(44.0),
        height + 2.0 * spacing.pad_y,
    )
}

/// The size of a block of label lines (width, height).
fn label_size(lines: &[String]) -> (f64, f64) {
    (
        metrics::widest(lines, LABEL_SIZE),
        float(lines.len()) * LABEL_SIZE * LEADING,
    )
}

/// How far a state's loops reach beyond its box along the rank, and how deep their labels are
/// along the main axis.
fn loop_extent(lines: &[String], frame: Frame, spacing: &Spacing) -> (f64, f64) {
    if lines.is_empty() {
        return (0.0, 0.0);
    }
    let (width, height) = label_size(lines);
    let (cross, main) = frame.extent(width, height);
    (0.75 * spacing.loop_reach + spacing.label_gap + cross, main)
}

/// Where each rank lies along the main axis.
struct MainAxis {
    /// Each rank's start (top, or left).
    starts: Vec<f64>,
    /// Each rank's depth.
    depths: Vec<f64>,
}

impl MainAxis {
    /// Ranks as deep as their deepest item, each gap as deep as its lanes need.
    fn new(items: &[Item], ranks: &[Vec<usize>], lanes: &[usize], spacing: &Spacing) -> Self {
        let depths: Vec<f64> = ranks
            .iter()
            .map(|rank| {
                rank.iter()
                    .map(|&item| items[item].depth)
                    .fold(0.0, f64::max)
            })
            .collect();
        let mut starts = Vec::with_capacity(depths.len());
        let mut next = 0.0;
        for (depth, &lanes) in depths.iter().zip(lanes) {
            starts.push(next);
            next += depth + spacing.rank_gap + float(lanes.saturating_sub(1)) * route::LANE_STEP;
        }
        MainAxis { starts, depths }
    }

    fn middle(&self, rank: usize) -> f64 {
        self.starts[rank] + self.depths[rank] / 2.0
    }

    fn end(&self, rank: usize) -> f64 {
        self.starts[rank] + self.depths[rank]
    }
}

/// Everything the layout found, for drawing.
struct Parts<'a> {
    graph: &'a Graph,
    options: &'a Options,
    frame: Frame,
    spacing: &'a Spacing,
    sizes: &'a [(f64, f64)],
    loops: &'a [(Vec<String>, Vec<String>)],
    items: &'a [Item],
    chains: &'a [Chain],
    bundles: &'a [Bundle<'a>],
    positions: &'a [f64],
    crosses: &'a [Vec<f64>],
    lanes: &'a route::Lanes,
    main: &'a MainAxis,
    start: Option<usize>,
    clusters: &'a [Cluster],
}

/// Turns ranks and anchors into boxes, paths and text, shifted so the drawing starts at the
/// margin, below the title.
fn draw(parts: &Parts<'_>) -> Drawing {
    let Parts {
        frame,
        spacing,
        items,
        positions,
        main,
        ..
    } = *parts;
    let lowest = items
        .iter()
        .zip(positions)
        .map(|(item, position)| position - item.before)
        .reduce(f64::min)
        .unwrap_or(0.0);
    let highest = items
        .iter()
        .zip(positions)
        .map(|(item, position)| position + item.after)
        .reduce(f64::max)
        .unwrap_or(0.0);
    // The title sits above the drawing: before the ranks (top to bottom), or before the
    // items of each rank (left to right).
    // Room for the clusters' boxes around their members, when there are any.
    let margin = if parts.clusters.is_empty() {
        spacing.margin
    } else {
        spacing.margin + CLUSTER_PAD
    };
    let title_depth = TITLE_SIZE * LEADING + margin;
    let (mut cross_shift, mut main_shift) = (margin - lowest, margin);
    if frame.vertical {
        main_shift += title_depth;
    } else {
        cross_shift += title_depth;
    }
    let place = |cross: f64, along: f64| frame.point(cross + cross_shift, along + main_shift);
    let main_extent = main
        .starts
        .len()
        .checked_sub(1)
        .map_or(0.0, |last| main.end(last));
    let far = place(highest + margin, main_extent + margin);

    let states: Vec<StateBox> = (0..parts.graph.states.len())
        .map(|state| {
            let (width, height) = parts.sizes[state];
            let center = place(positions[state], main.middle(items[state].rank));
            StateBox {
                x: center.x - width / 2.0,
                y: center.y - height / 2.0,
                width,
                height,
            }
        })
        .collect();
    let start = parts
        .start
        .map(|start| place(positions[start], main.middle(items[start].rank)));

    let mut lines: Vec<Line> = (0..parts.chains.len())
        .map(|chain| route::chain_line(parts, chain, &place))
        .collect();
    // Each state's box grown to hold its loop and the loop's labels: what a cluster holds.
    let mut extents = states.clone();
    for (state, (labels, tips)) in parts.loops.iter().enumerate() {
        if !labels.is_empty() {
            let line = route::loop_line(parts, &states[state], labels, tips);
            if let Some(label) = &line.label {
                extents[state] = extents[state].union(&text_box(label, LABEL_SIZE));
            }
            lines.push(line);
        }
    }
    let clusters = cluster_boxes(parts, &extents);
    for (line, chain) in lines.iter_mut().zip(parts.chains) {
        let cluster = chain
            .bundle
            .and_then(|bundle| parts.bundles[bundle].cluster);
        if let Some(cluster) = cluster {
            leave_cluster(&mut line.path, &clusters[cluster].1, frame);
        }
    }
    let title_width = metrics::width(&parts.graph.name, TITLE_SIZE);
    let (right, bottom) = clusters
        .iter()
        .fold((far.x, far.y), |(right, bottom), (_, area)| {
            (
                right.max(area.x + area.width + 1.0),
                bottom.max(area.y + area.height + 1.0),
            )
        });
    Drawing {
        clusters,
        width: right.max(title_width + 2.0 * spacing.margin),
        height: bottom,
        title: Point {
            x: spacing.margin,
            y: spacing.margin,
        },
        start,
        states,
        lines,
    }
}

/// The box a block of text set in `size` takes.
fn text_box(block: &TextBlock, size: f64) -> StateBox {
    let width = metrics::widest(&block.lines, size);
    let x = if block.centered {
        block.x - width / 2.0
    } else {
        block.x
    };
    StateBox {
        x,
        y: block.y,
        width,
        height: float(block.lines.len()) * size * LEADING,
    }
}

/// Space between a cluster's border and its members' boxes.
const CLUSTER_PAD: f64 = 8.0;

/// Each cluster's box: around its members' boxes, wide enough for its legend.
fn cluster_boxes(parts: &Parts<'_>, states: &[StateBox]) -> Vec<(usize, StateBox)> {
    parts
        .clusters
        .iter()
        .map(|cluster| {
            let boxes = cluster.members.iter().map(|&member| states[member]);
            let (left, top, right, bottom) = boxes.fold(
                (
                    f64::INFINITY,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    f64::NEG_INFINITY,
                ),
                |(left, top, right, bottom), area| {
                    (
                        left.min(area.x),
                        top.min(area.y),
                        right.max(area.x + area.width),
                        bottom.max(area.y + area.height),
                    )
                },
            );
            let legend = metrics::width(&parts.graph.groups[cluster.group].name, DOC_SIZE);
            let width = (right - left + 2.0 * CLUSTER_PAD).max(legend + 4.0 * CLUSTER_PAD);
            let area = StateBox {
                x: left - CLUSTER_PAD,
                y: top - CLUSTER_PAD,
                width,
                height: bottom - top + 2.0 * CLUSTER_PAD,
            };
            (cluster.group, area)
        })
        .collect()
}

/// Starts `path`, which leaves a cluster's tail, at the cluster's border: it runs straight
/// out of the tail along the main axis, and now starts where it crosses the border. A path
/// that turns before the border is left as it is.
fn leave_cluster(path: &mut Path, area: &StateBox, frame: Frame) {
    let Some(Piece::Line(next)) = path.pieces.first().copied() else {
        return;
    };
    let start = path.start;
    let (along, next_along) = if frame.vertical {
        (start.y, next.y)
    } else {
        (start.x, next.x)
    };
    let (low, high) = if frame.vertical {
        (area.y, area.y + area.height)
    } else {
        (area.x, area.x + area.width)
    };
    let border = if next_along > along { high } else { low };
    let beyond = if next_along > along {
        next_along >= border
    } else {
        next_along <= border
    };
    if beyond {
        if frame.vertical {
            path.start.y = border;
        } else {
            path.start.x = border;
        }
    }
}

/// How many times two lines of `drawing` cross: pairs of pieces that properly intersect,
/// a corner's curve taken as its chord.
fn crossings(drawing: &Drawing) -> usize {
    let segments: Vec<Vec<(Point, Point)>> = drawing.lines.iter().map(chords).collect();
    let mut count = 0;
    for (index, line) in segments.iter().enumerate() {
        for other in &segments[index + 1..] {
            for &a in line {
                count += other.iter().filter(|&&b| properly_cross(a, b)).count();
            }
        }
    }
    count
}

/// The pieces of `line` as straight segments, a corner's curve taken as its chord.
fn chords(line: &Line) -> Vec<(Point, Point)> {
    let mut from = line.path.start;
    line.path
        .pieces
        .iter()
        .map(|piece| {
            let to = match *piece {
                Piece::Line(to) | Piece::Cubic(_, _, to) => to,
            };
            let segment = (from, to);
            from = to;
            segment
        })
        .collect()
}

/// Whether two segments cross at a point inside both (touching and overlapping aside).
fn properly_cross((p1, p2): (Point, Point), (p3, p4): (Point, Point)) -> bool {
    // Segments whose boxes are apart cannot cross: the cheap test first, as most pairs are.
    if p1.x.max(p2.x) < p3.x.min(p4.x)
        || p3.x.max(p4.x) < p1.x.min(p2.x)
        || p1.y.max(p2.y) < p3.y.min(p4.y)
        || p3.y.max(p4.y) < p1.y.min(p2.y)
    {
        return false;
    }
    let orient = |p: Point, q: Point, r: Point| {
        let value = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        if value > 1e-9 {
            1
        } else if value < -1e-9 {
            -1
        } else {
            0
        }
    };
    orient(p1, p2, p3) * orient(p1, p2, p4) < 0 && orient(p3, p4, p1) * orient(p3, p4, p2) < 0
}

/// A count as a float; counts here are far below 2^52, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn float(count: usize) -> f64 {
    count as f64
}

#[cfg(test)]
mod tests;
