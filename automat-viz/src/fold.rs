//! [`Options::fold`]: the edges of one input from many states to one state, drawn as one
//! edge from a marker that stands for the states.

use crate::graph::{Graph, State};
use crate::options::Options;
use automat::TransitionKind;

/// The fewest sources whose edges are folded: two edges read well as they are.
const FOLD_MIN: usize = 3;

/// `graph` with its foldable edges folded, or `graph` itself when `options` do not fold.
pub(crate) fn apply<'g>(graph: &'g Graph, options: &Options) -> std::borrow::Cow<'g, Graph> {
    if options.fold {
        std::borrow::Cow::Owned(fold(graph))
    } else {
        std::borrow::Cow::Borrowed(graph)
    }
}

/// Folds every set of at least [`FOLD_MIN`] edges of one input, variant and target, each from
/// a different state and none a loop or a group's (a group is drawn as a cluster already),
/// into one edge from a new marker state, added after the states in the order of the first
/// such edge. The marker reads `from every other state` when the sources are all states but
/// the target, and `from N states` otherwise; its tooltip names them.
fn fold(graph: &Graph) -> Graph {
    let foldable = |edge: &crate::graph::Edge| {
        edge.kind != TransitionKind::Loop && edge.group.is_none() && edge.source != edge.target
    };
    let key = |edge: &crate::graph::Edge| {
        (
            edge.input.clone(),
            edge.variant.clone(),
            edge.target.clone(),
        )
    };
    let mut folded = graph.clone();
    folded.edges.clear();
    let mut markers: Vec<State> = Vec::new();
    for (index, edge) in graph.edges.iter().enumerate() {
        if !foldable(edge) {
            folded.edges.push(edge.clone());
            continue;
        }
        let same: Vec<&crate::graph::Edge> = graph
            .edges
            .iter()
            .filter(|other| foldable(other) && key(other) == key(edge))
            .collect();
        let mut sources: Vec<String> = same.iter().map(|other| other.source.clone()).collect();
        sources.dedup();
        if sources.len() < FOLD_MIN {
            folded.edges.push(edge.clone());
            continue;
        }
        // Only the first edge of the set makes the marker and its edge.
        if graph.edges[..index]
            .iter()
            .any(|other| foldable(other) && key(other) == key(edge))
        {
            continue;
        }
        let others = graph
            .states
            .iter()
            .filter(|state| state.name != edge.target)
            .count();
        let name = if sources.len() == others {
            "from every other state".to_owned()
        } else {
            format!("from {} states", sources.len())
        };
        // Two markers never share a name: they would be one state.
        let taken = |name: &str| {
            markers.iter().any(|marker| marker.name == name)
                || graph.states.iter().any(|state| state.name == name)
        };
        let mut unique = format!("{name} ({})", edge.input);
        let mut count = 2;
        while taken(&unique) {
            unique = format!("{name} ({}, {count})", edge.input);
            count += 1;
        }
        markers.push(State {
            name: unique.clone(),
            doc: format!("`{}` from {}", edge.input, sources.join(", ")),
            initial: false,
            terminal: false,
            unreachable: false,
            data: false,
            stands_for: sources,
        });
        let mut edge = edge.clone();
        edge.source = unique;
        folded.edges.push(edge);
    }
    folded.states.extend(markers);
    folded
}
