//! Placement: where each item's anchor goes along its rank.

use super::{CLUSTER_PAD, Chain, Item, Kind, Spacing, float};

/// Rounds of placement along ranks.
const ROUNDS: usize = 8;

/// Each item's anchor along its rank: pulled toward the mean of its neighbours' anchors,
/// alternately those above and those below, then both, keeping order and spacing.
pub(super) fn place(items: &[Item], ranks: &[Vec<usize>], spacing: &Spacing) -> Vec<f64> {
    let mut positions = vec![0.0; items.len()];
    for rank in ranks.iter().filter(|rank| !rank.is_empty()) {
        let mut next = 0.0;
        for (position, &item) in rank.iter().enumerate() {
            if position > 0 {
                next += gap(items, rank[position - 1], item, spacing);
            }
            positions[item] = next;
        }
        let (first, last) = (rank[0], rank[rank.len() - 1]);
        let middle =
            (positions[first] - items[first].before + positions[last] + items[last].after) / 2.0;
        for &item in rank {
            positions[item] -= middle;
        }
    }
    let count = ranks.len();
    for round in 0..=2 * ROUNDS {
        let (sequence, up, down): (Vec<usize>, bool, bool) = if round == 2 * ROUNDS {
            ((0..count).collect(), true, true)
        } else if round % 2 == 0 {
            ((1..count).collect(), true, false)
        } else {
            ((0..count.saturating_sub(1)).rev().collect(), false, true)
        };
        for rank in sequence.into_iter().filter(|&rank| !ranks[rank].is_empty()) {
            let wanted: Vec<(f64, f64)> = ranks[rank]
                .iter()
                .map(|&item| {
                    let neighbours: Vec<usize> = (up.then_some(&items[item].up).into_iter())
                        .chain(down.then_some(&items[item].down))
                        .flatten()
                        .copied()
                        .collect();
                    let weight = if items[item].kind == Kind::Node {
                        1.0
                    } else {
                        4.0
                    };
                    if neighbours.is_empty() {
                        (positions[item], 0.25)
                    } else {
                        let sum: f64 = neighbours.iter().map(|&other| positions[other]).sum();
                        (sum / float(neighbours.len()), weight)
                    }
                })
                .collect();
            let placed = fit(items, &ranks[rank], &wanted, spacing);
            for (&item, position) in ranks[rank].iter().zip(placed) {
                positions[item] = position;
            }
        }
    }
    positions
}

/// Lines the virtual items of each chain up, so long edges run straight with few bends:
/// along the chain, runs of items are moved to one common position, the one nearest their mean
/// that every item of the run can take without coming closer to its neighbours than the
/// spacing allows. Longest chains first, as they gain the most.
pub(super) fn straighten(
    items: &[Item],
    ranks: &[Vec<usize>],
    chains: &[Chain],
    positions: &mut [f64],
    spacing: &Spacing,
) {
    let mut slot = vec![0; items.len()];
    super::order::reindex(ranks, &mut slot);
    let mut by_length: Vec<&Chain> = chains.iter().collect();
    by_length.sort_by_key(|chain| std::cmp::Reverse(chain.items.len()));
    for chain in by_length {
        let inner = &chain.items[1..chain.items.len() - 1];
        // Where each item may go, given its neighbours on the rank as they are now.
        let room = |item: usize, positions: &[f64]| {
            let rank = &ranks[items[item].rank];
            let low = slot[item].checked_sub(1).map_or(f64::NEG_INFINITY, |left| {
                positions[rank[left]] + gap(items, rank[left], item, spacing)
            });
            let high = rank.get(slot[item] + 1).map_or(f64::INFINITY, |&right| {
                positions[right] - gap(items, item, right, spacing)
            });
            (low, high)
        };
        let mut start = 0;
        while start < inner.len() {
            let (mut low, mut high) = room(inner[start], positions);
            let mut end = start + 1;
            while end < inner.len() {
                let (next_low, next_high) = room(inner[end], positions);
                if next_low.max(low) > next_high.min(high) {
                    break;
                }
                (low, high) = (next_low.max(low), next_high.min(high));
                end += 1;
            }
            let run = &inner[start..end];
            let mean = run.iter().map(|&item| positions[item]).sum::<f64>() / float(run.len());
            // Not `clamp`: rounding can leave `low` a hair above `high`, and either will do.
            let common = mean.min(high).max(low);
            for &item in run {
                positions[item] = common;
            }
            start = end;
        }
    }
}

/// Moves each part of the graph that no line joins to the start point (a fold marker and
/// the state it stands before, when nothing else enters that state), as one, toward the
/// middle of the rest of the drawing, as far as its neighbours on its ranks let it: placed
/// on its own, such a part keeps the place its first order gave it, at the end of its ranks,
/// and widens the drawing for nothing.
pub(super) fn pack_apart(
    items: &[Item],
    ranks: &[Vec<usize>],
    start: Option<usize>,
    positions: &mut [f64],
    spacing: &Spacing,
) {
    // Each item's part: a walk along lines from each item not yet in a part.
    let mut part = vec![usize::MAX; items.len()];
    let mut parts = 0;
    for root in start.into_iter().chain(0..items.len()) {
        if part[root] != usize::MAX {
            continue;
        }
        let mut stack = vec![root];
        part[root] = parts;
        while let Some(item) = stack.pop() {
            for &other in items[item].up.iter().chain(&items[item].down) {
                if part[other] == usize::MAX {
                    part[other] = parts;
                    stack.push(other);
                }
            }
        }
        parts += 1;
    }
    let mut slot = vec![0; items.len()];
    super::order::reindex(ranks, &mut slot);
    // Parts other than the first (the start point's, or the first state's), in turn.
    for moved in 1..parts {
        let (mut low, mut high) = (f64::NEG_INFINITY, f64::INFINITY);
        let (mut left_end, mut right_end) = (f64::INFINITY, f64::NEG_INFINITY);
        let (mut inner_low, mut inner_high) = (f64::INFINITY, f64::NEG_INFINITY);
        for (item, &owner) in part.iter().enumerate() {
            if owner != moved {
                left_end = left_end.min(positions[item] - items[item].before);
                right_end = right_end.max(positions[item] + items[item].after);
                continue;
            }
            inner_low = inner_low.min(positions[item] - items[item].before);
            inner_high = inner_high.max(positions[item] + items[item].after);
            // How far the item may move before it meets a neighbour of another part.
            let rank = &ranks[items[item].rank];
            if let Some(&left) = rank[..slot[item]].iter().rev().find(|&&o| part[o] != moved) {
                low = low.max(positions[left] + gap(items, left, item, spacing) - positions[item]);
            }
            if let Some(&right) = rank[slot[item] + 1..].iter().find(|&&o| part[o] != moved) {
                high =
                    high.min(positions[right] - gap(items, item, right, spacing) - positions[item]);
            }
        }
        if low > high || !left_end.is_finite() {
            continue;
        }
        let shift = (f64::midpoint(left_end, right_end) - f64::midpoint(inner_low, inner_high))
            .min(high)
            .max(low);
        for (item, &owner) in part.iter().enumerate() {
            if owner == moved {
                positions[item] += shift;
            }
        }
    }
}

/// Moves what is not in a cluster out of the cluster's box: on every rank from its first
/// member's to its last one's, the items before the cluster's run go toward lower positions
/// and those after it toward higher ones, as far as it takes for their extent to stay
/// half the gap between items off the box, which reaches [`CLUSTER_PAD`] beyond its members and
/// is at least as long as `legends` needs (its legend's width, where the legend lies along
/// the rank). On a rank with none of its items, those before the box's middle go before.
/// Clusters are taken in turn, twice, since moving items for one can move another's members.
pub(super) fn clear_clusters(
    items: &[Item],
    ranks: &[Vec<usize>],
    blocks: &[Option<usize>],
    legends: &[f64],
    positions: &mut [f64],
    spacing: &Spacing,
) {
    let clearance = spacing.item_gap / 2.0;
    for _ in 0..2 {
        for (cluster, &legend) in legends.iter().enumerate() {
            let members: Vec<usize> = (0..items.len())
                .filter(|&item| blocks[item] == Some(cluster) && items[item].kind == Kind::Node)
                .collect();
            let Some(first) = members.iter().map(|&item| items[item].rank).min() else {
                continue;
            };
            let last = members
                .iter()
                .map(|&item| items[item].rank)
                .max()
                .unwrap_or(first);
            let low = members
                .iter()
                .map(|&item| positions[item] - items[item].before)
                .fold(f64::INFINITY, f64::min)
                - CLUSTER_PAD;
            let high = members
                .iter()
                .map(|&item| positions[item] + items[item].after)
                .fold(f64::NEG_INFINITY, f64::max)
                + CLUSTER_PAD;
            let high = high.max(low + legend + 4.0 * CLUSTER_PAD);
            let middle = f64::midpoint(low, high);
            for rank in &ranks[first..=last] {
                let inside = |item: usize| blocks[item] == Some(cluster);
                let split_low = rank
                    .iter()
                    .position(|&item| inside(item))
                    .unwrap_or_else(|| {
                        rank.iter()
                            .position(|&item| positions[item] >= middle)
                            .unwrap_or(rank.len())
                    });
                let split_high = rank
                    .iter()
                    .rposition(|&item| inside(item))
                    .map_or(split_low, |last| last + 1);
                let (before, after) = (&rank[..split_low], &rank[split_high..]);
                let over = before
                    .iter()
                    .map(|&item| positions[item] + items[item].after + clearance - low)
                    .fold(0.0, f64::max);
                for &item in before {
                    positions[item] -= over;
                }
                let under = after
                    .iter()
                    .map(|&item| high - (positions[item] - items[item].before - clearance))
                    .fold(0.0, f64::max);
                for &item in after {
                    positions[item] += under;
                }
            }
        }
    }
}

/// The least space between the anchors of neighbours `left` and `right`.
pub(super) fn gap(items: &[Item], left: usize, right: usize, spacing: &Spacing) -> f64 {
    let both_virtual = items[left].kind == Kind::Virtual && items[right].kind == Kind::Virtual;
    let between = if both_virtual {
        spacing.virtual_gap
    } else {
        spacing.item_gap
    };
    items[left].after + between + items[right].before
}

/// Anchors for the items of one rank as close as possible (weighted least squares) to the
/// wanted ones while keeping their order and spacing: isotonic regression by pooling
/// adjacent violators, after subtracting each item's least offset from the first.
fn fit(items: &[Item], rank: &[usize], wanted: &[(f64, f64)], spacing: &Spacing) -> Vec<f64> {
    let mut offsets = Vec::with_capacity(rank.len());
    let mut offset = 0.0;
    for (position, &item) in rank.iter().enumerate() {
        if position > 0 {
            offset += gap(items, rank[position - 1], item, spacing);
        }
        offsets.push(offset);
    }
    // Blocks of (weighted sum, total weight, length).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for (&(target, weight), offset) in wanted.iter().zip(&offsets) {
        blocks.push(((target - offset) * weight, weight, 1));
        while blocks.len() > 1 {
            let (sum, weight, length) = blocks[blocks.len() - 1];
            let (prev_sum, prev_weight, prev_length) = blocks[blocks.len() - 2];
            if prev_sum / prev_weight <= sum / weight {
                break;
            }
            blocks.pop();
            let merged = blocks.last_mut().expect("two blocks");
            *merged = (prev_sum + sum, prev_weight + weight, prev_length + length);
        }
    }
    let mut placed = Vec::with_capacity(rank.len());
    for (sum, weight, length) in blocks {
        placed.extend(std::iter::repeat_n(sum / weight, length));
    }
    placed
        .iter()
        .zip(&offsets)
        .map(|(base, offset)| base + offset)
        .collect()
}
