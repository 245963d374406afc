//! Ranks: which edges to reverse so the graph has no cycle, each state's rank, and the chain
//! of virtual items that carries each edge across the ranks between its ends.

use super::{Chain, Frame, Item, Kind, Spacing, label_size};

/// Puts one virtual item on every odd rank between `upper` and `lower`, the label's item on
/// the middle one.
pub(super) fn thread(
    items: &mut Vec<Item>,
    (upper, lower): (usize, usize),
    lines: Option<&[String]>,
    frame: Frame,
    spacing: &Spacing,
) -> Chain {
    let (top, bottom) = (items[upper].rank, items[lower].rank);
    // The odd ranks between are top + 1, top + 3, …, bottom - 1: the label takes the middle one.
    let label_rank = top + 1 + 2 * (((bottom - top) / 2 - 1) / 2);
    let mut chain = Chain {
        items: vec![upper],
        reversed: false,
        bundle: None,
        label: None,
    };
    for rank in top + 1..bottom {
        let mut item = Item {
            kind: Kind::Virtual,
            rank,
            before: 0.0,
            after: 0.0,
            depth: 0.0,
            up: Vec::new(),
            down: Vec::new(),
        };
        if let Some(lines) = lines.filter(|_| rank == label_rank) {
            let (width, height) = label_size(lines);
            let (cross, main) = frame.extent(width, height);
            item.kind = Kind::Label;
            item.after = spacing.label_gap + cross;
            item.depth = main;
            chain.label = Some(items.len());
        }
        chain.items.push(items.len());
        items.push(item);
    }
    chain.items.push(lower);
    for pair in chain.items.windows(2) {
        items[pair[0]].down.push(pair[1]);
        items[pair[1]].up.push(pair[0]);
    }
    chain
}

/// Which edges to reverse so the graph has no cycle: those that lead back to a node still on
/// the stack of a depth-first search from the start point, then from each state in order.
pub(super) fn break_cycles(
    nodes: usize,
    edges: &[(usize, usize, Option<usize>)],
    start: Option<usize>,
) -> Vec<bool> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnStack,
        Done,
    }
    fn visit(
        node: usize,
        edges: &[(usize, usize, Option<usize>)],
        marks: &mut [Mark],
        reversed: &mut [bool],
    ) {
        marks[node] = Mark::OnStack;
        for (index, &(from, to, _)) in edges.iter().enumerate() {
            if from != node {
                continue;
            }
            match marks[to] {
                Mark::OnStack => reversed[index] = true,
                Mark::New => visit(to, edges, marks, reversed),
                Mark::Done => {}
            }
        }
        marks[node] = Mark::Done;
    }
    let mut marks = vec![Mark::New; nodes];
    let mut reversed = vec![false; edges.len()];
    for root in start.into_iter().chain(0..nodes) {
        if marks[root] == Mark::New {
            visit(root, edges, &mut marks, &mut reversed);
        }
    }
    reversed
}

/// Each node's rank: the longest path to it, with sources pulled down next to their first
/// successor so they do not all crowd the top.
pub(super) fn rank(
    nodes: usize,
    edges: &[(usize, usize, Option<usize>)],
    reversed: &[bool],
) -> Vec<usize> {
    let arcs: Vec<(usize, usize)> = edges
        .iter()
        .zip(reversed)
        .map(|(&(from, to, _), &reversed)| if reversed { (to, from) } else { (from, to) })
        .collect();
    let mut ranks = vec![0; nodes];
    for _ in 0..nodes {
        for &(from, to) in &arcs {
            ranks[to] = ranks[to].max(ranks[from] + 1);
        }
    }
    for node in 0..nodes {
        let is_source = arcs.iter().all(|&(_, to)| to != node);
        let below = arcs
            .iter()
            .filter(|&&(from, _)| from == node)
            .map(|&(_, to)| ranks[to])
            .min();
        if let (true, Some(below)) = (is_source, below) {
            ranks[node] = below - 1;
        }
    }
    let lowest = ranks.iter().copied().min().unwrap_or(0);
    ranks.iter().map(|rank| rank - lowest).collect()
}
