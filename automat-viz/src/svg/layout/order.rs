//! Crossing reduction: the order of the items on each rank.
//!
//! The items of a cluster (its members, the virtual items of edges between two members, and
//! those of a member's edges to other states on the cluster's ranks) stay side by side on every
//! rank: each sweep orders a cluster's items among themselves and
//! then moves them as one, at the mean of their keys, as Graphviz's `dot` does; swaps never
//! take an item into or out of a cluster's run. So a cluster's box, drawn around its members,
//! need not take in a state that is not one of them.

use super::{Item, Kind, float};

/// Rounds of barycenter ordering.
const ROUNDS: usize = 24;
/// How many more crossings between ranks than the fewest a candidate order may have.
const SLACK: usize = 2;
/// The most candidate orders drawn.
const CANDIDATES: usize = 12;
/// The fewest lines that make a state a hub (see [`with_hub_at_end`]).
const HUB_LINES: usize = 5;

/// Orders worth drawing: those seen in the sweeps from declaration order and from its
/// mirror image (the heuristic settles in a local optimum that depends on where it starts),
/// each with and without swaps of equal neighbours, then in the sweeps from the best of those
/// with a hub moved to either end (see [`with_hub_at_end`]); with at most [`SLACK`] crossings
/// between ranks more than the fewest, fewest first, the first seen first on a tie; at most
/// [`CANDIDATES`], never none. `blocks` gives each item's cluster, if it has one.
pub(super) fn candidates(
    items: &[Item],
    blocks: &[Option<usize>],
    start: Option<usize>,
) -> Vec<Vec<Vec<usize>>> {
    let mut seen: Vec<(usize, Vec<Vec<usize>>)> = Vec::new();
    let declared = declaration_order(items, start);
    let mirrored: Vec<Vec<usize>> = declared
        .iter()
        .map(|rank| rank.iter().rev().copied().collect())
        .collect();
    for (first, escape) in [
        (&declared, false),
        (&mirrored, false),
        (&declared, true),
        (&mirrored, true),
    ] {
        add(&mut seen, order(items, blocks, first, escape));
    }
    let best = seen
        .iter()
        .min_by_key(|(count, _)| *count)
        .map(|(_, ranks)| ranks.clone())
        .unwrap_or_default();
    for hub in (0..items.len()).filter(|&item| is_hub(items, blocks, item)) {
        for at_start in [true, false] {
            let first = with_hub_at_end(items, blocks, &best, hub, at_start);
            add(&mut seen, order(items, blocks, &first, false));
        }
    }
    let fewest = seen.iter().map(|(count, _)| *count).min().unwrap_or(0);
    seen.retain(|(count, _)| *count <= fewest + SLACK);
    seen.sort_by_key(|(count, _)| *count);
    seen.truncate(CANDIDATES);
    seen.into_iter().map(|(_, ranks)| ranks).collect()
}

/// Adds the orders of `run` not seen before to `seen`.
fn add(seen: &mut Vec<(usize, Vec<Vec<usize>>)>, run: Vec<(usize, Vec<Vec<usize>>)>) {
    for candidate in run {
        if !seen.iter().any(|(_, ranks)| *ranks == candidate.1) {
            seen.push(candidate);
        }
    }
}

/// Each rank's items in declaration order: the start point, states in declaration order,
/// then virtual items in the order of their edges.
fn declaration_order(items: &[Item], start: Option<usize>) -> Vec<Vec<usize>> {
    let rank_count = items.iter().map(|item| item.rank + 1).max().unwrap_or(0);
    let mut ranks: Vec<Vec<usize>> = vec![Vec::new(); rank_count];
    for item in start.into_iter().chain(0..items.len()) {
        if !ranks[items[item].rank].contains(&item) {
            ranks[items[item].rank].push(item);
        }
    }
    ranks
}

/// Whether `item` is a hub: a state outside every cluster where at least [`HUB_LINES`]
/// lines meet.
fn is_hub(items: &[Item], blocks: &[Option<usize>], item: usize) -> bool {
    let node = &items[item];
    node.kind == Kind::Node
        && blocks[item].is_none()
        && node.up.len() + node.down.len() >= HUB_LINES
}

/// `ranks` with `hub` and the items of its lines (but for those of a cluster) moved to the
/// start of their ranks, or to the end, each rank's other items in the order they had.
///
/// The sweeps put a hub on the side of the drawing that its lines pull it to at first, and
/// its lines then hold it there: no swap of two neighbours, nor any move of a single item,
/// takes a state and all its lines across the lines in their way at once. In `order` left to
/// right, `OnHold` (the target of `hold` from four states) settled between the main line
/// and `Cancelled` (the target of `cancel` from ten), and every `hold` line crossed the
/// `cancel` lines: 12 crossings between ranks from every start (7 drawn), where the sweeps
/// from `OnHold` moved to the start of its ranks found 3 (2 drawn; Graphviz's order has 5
/// between ranks, and draws 5). Each hub is moved in the best order only, so it costs two
/// more runs of the sweeps per hub. Tried before this and dropped: single items moved to
/// their best place on their rank (no move helped), breadth-first starts and more rounds (the
/// same local optimum); random starts found such orders too, but only some of them, by the
/// luck of the seed.
fn with_hub_at_end(
    items: &[Item],
    blocks: &[Option<usize>],
    ranks: &[Vec<usize>],
    hub: usize,
    at_start: bool,
) -> Vec<Vec<usize>> {
    let mut moving = vec![false; items.len()];
    moving[hub] = true;
    for (first, downward) in items[hub]
        .up
        .iter()
        .map(|&first| (first, false))
        .chain(items[hub].down.iter().map(|&first| (first, true)))
    {
        // Along the line to the state at its other end: a virtual item has one neighbour
        // on either side.
        let mut item = first;
        while items[item].kind != Kind::Node {
            moving[item] = blocks[item].is_none();
            let next = if downward {
                &items[item].down
            } else {
                &items[item].up
            };
            item = next[0];
        }
    }
    ranks
        .iter()
        .map(|rank| {
            let (moved, stay): (Vec<usize>, Vec<usize>) =
                rank.iter().partition(|&&item| moving[item]);
            if at_start {
                [moved, stay].concat()
            } else {
                [stay, moved].concat()
            }
        })
        .collect()
}

/// Orders every rank to reduce crossings: barycenter sweeps down and up, each followed by
/// swapping neighbours while that helps, from the order `first`. When `escape`, every other
/// round first swaps each two neighbours whose lines cross as often in either order (as
/// Graphviz's `dot` does): that leaves a plateau on which swaps that help cannot start, and
/// the next sweep may find fewer crossings beyond it (in the same run `mqtt` top to bottom
/// drew 6 crossings for 9, `order` left to right 7 for 8); as an extra start, not in place of
/// the plain sweeps, since it also ends worse at times (`tcp` left to right: 1 crossing for
/// none). Returns the first order and each round's, with their crossings between ranks.
fn order(
    items: &[Item],
    blocks: &[Option<usize>],
    first: &[Vec<usize>],
    escape: bool,
) -> Vec<(usize, Vec<Vec<usize>>)> {
    let rank_count = first.len();
    let mut ranks: Vec<Vec<usize>> = first.to_vec();
    for rank in &mut ranks {
        let keyed: Vec<(f64, usize, usize)> = rank
            .iter()
            .enumerate()
            .map(|(position, &item)| (float(position), position, item))
            .collect();
        *rank = gather(keyed, blocks);
    }
    let mut index = vec![0; items.len()];
    reindex(&ranks, &mut index);
    let mut seen = vec![(crossings(items, &ranks, &index), ranks.clone())];
    for round in 0..ROUNDS {
        let down = round % 2 == 0;
        let sequence: Vec<usize> = if down {
            (1..rank_count).collect()
        } else {
            (0..rank_count.saturating_sub(1)).rev().collect()
        };
        for rank in sequence {
            let keyed: Vec<(f64, usize, usize)> = ranks[rank]
                .iter()
                .map(|&item| {
                    let neighbours = if down {
                        &items[item].up
                    } else {
                        &items[item].down
                    };
                    let key = if neighbours.is_empty() {
                        float(index[item])
                    } else {
                        neighbours
                            .iter()
                            .map(|&other| float(index[other]))
                            .sum::<f64>()
                            / float(neighbours.len())
                    };
                    (key, index[item], item)
                })
                .collect();
            ranks[rank] = gather(keyed, blocks);
            reindex(&ranks, &mut index);
        }
        // Equal swaps only where the two cross at all: swapping two that never cross is
        // no step off the plateau.
        if escape && round % 2 == 1 {
            swap_neighbours(items, blocks, &mut ranks, &mut index, |now, swapped| {
                now > 0 && swapped == now
            });
        }
        transpose(items, blocks, &mut ranks, &mut index);
        seen.push((crossings(items, &ranks, &index), ranks.clone()));
    }
    seen
}

/// The items of one rank, given as `(key, position now, item)`, sorted by key, each
/// cluster's items together at the mean of their keys (ties broken by position).
fn gather(mut keyed: Vec<(f64, usize, usize)>, blocks: &[Option<usize>]) -> Vec<usize> {
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // Units: a lone item, or a cluster's items; each with its key and first position.
    let mut units: Vec<(f64, usize, Option<usize>, Vec<usize>)> = Vec::new();
    for &(key, position, item) in &keyed {
        let unit =
            blocks[item].and_then(|block| units.iter_mut().find(|unit| unit.2 == Some(block)));
        match unit {
            Some(unit) => {
                unit.0 += key;
                unit.1 = unit.1.min(position);
                unit.3.push(item);
            }
            None => units.push((key, position, blocks[item], vec![item])),
        }
    }
    for unit in &mut units {
        unit.0 /= float(unit.3.len());
    }
    units.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    units.into_iter().flat_map(|unit| unit.3).collect()
}

/// `index[item]`: the position of each item in its rank.
pub(super) fn reindex(ranks: &[Vec<usize>], index: &mut [usize]) {
    for rank in ranks {
        for (position, &item) in rank.iter().enumerate() {
            index[item] = position;
        }
    }
}

/// Swaps neighbours on a rank while that removes crossings, never two of which one is in a
/// cluster the other is not in.
fn transpose(
    items: &[Item],
    blocks: &[Option<usize>],
    ranks: &mut [Vec<usize>],
    index: &mut [usize],
) {
    for _ in 0..ranks.len() * 4 {
        if !swap_neighbours(items, blocks, ranks, index, |now, swapped| swapped < now) {
            break;
        }
    }
}

/// One pass over every rank: each two neighbours in the same cluster (or in none) change
/// places where `swap(crossings as they are, crossings swapped)` says so. Whether any did.
fn swap_neighbours(
    items: &[Item],
    blocks: &[Option<usize>],
    ranks: &mut [Vec<usize>],
    index: &mut [usize],
    swap: impl Fn(usize, usize) -> bool,
) -> bool {
    let mut swapped = false;
    for rank in ranks.iter_mut() {
        for position in 1..rank.len() {
            let (left, right) = (rank[position - 1], rank[position]);
            if blocks[left] == blocks[right]
                && swap(
                    pair_crossings(items, index, left, right),
                    pair_crossings(items, index, right, left),
                )
            {
                rank.swap(position - 1, position);
                index[left] = position;
                index[right] = position - 1;
                swapped = true;
            }
        }
    }
    swapped
}

/// Crossings between the lines of `left` and those of `right`, with `left` placed first.
fn pair_crossings(items: &[Item], index: &[usize], left: usize, right: usize) -> usize {
    let mut count = 0;
    for (left_side, right_side) in [
        (&items[left].up, &items[right].up),
        (&items[left].down, &items[right].down),
    ] {
        for &a in left_side {
            count += right_side.iter().filter(|&&b| index[b] < index[a]).count();
        }
    }
    count
}

/// All crossings between neighbouring ranks.
fn crossings(items: &[Item], ranks: &[Vec<usize>], index: &[usize]) -> usize {
    let mut count = 0;
    for rank in ranks {
        let segments: Vec<(usize, usize)> = rank
            .iter()
            .flat_map(|&item| items[item].down.iter().map(move |&below| (item, below)))
            .map(|(item, below)| (index[item], index[below]))
            .collect();
        for (position, &(a1, b1)) in segments.iter().enumerate() {
            count += segments[position + 1..]
                .iter()
                .filter(|&&(a2, b2)| (a1 < a2 && b1 > b2) || (a1 > a2 && b1 < b2))
                .count();
        }
    }
    count
}
