//! Groups drawn as clusters: a box around a `#[group]`'s member states, and one edge out of
//! the box for each of the group's handlers instead of one edge per member (SPEC §7.2).

use crate::graph::Graph;
use automat::TransitionKind;

/// A group drawn as a cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cluster {
    /// The group's index in [`Graph::groups`].
    pub group: usize,
    /// The member states' indices, in the order of the group's variants.
    pub members: Vec<usize>,
    /// The member the cluster's edges are laid out from: the last at first, which in a
    /// machine declared in the order it runs is the nearest to where the group's handlers
    /// lead; the SVG layout picks the member its ranks put last.
    pub tail: usize,
}

impl Cluster {
    /// Whether the state is a member.
    pub fn contains(&self, state: usize) -> bool {
        self.members.contains(&state)
    }
}

impl Graph {
    /// The groups to draw as clusters: each group with a member in the graph whose members
    /// are in no earlier cluster. Graphviz and Mermaid nest clusters but cannot overlap them,
    /// so a state in two groups sits in the first one's box, and the second group's handlers
    /// are drawn from each member, as handlers of the states' own are.
    pub(crate) fn clusters(&self) -> Vec<Cluster> {
        let mut clusters: Vec<Cluster> = Vec::new();
        for (group, info) in self.groups.iter().enumerate() {
            let members: Vec<usize> = info
                .members
                .iter()
                .filter_map(|member| self.state_index(member))
                .collect();
            let taken = members
                .iter()
                .any(|&member| clusters.iter().any(|cluster| cluster.contains(member)));
            if !members.is_empty() && !taken {
                let tail = members[members.len() - 1];
                clusters.push(Cluster {
                    group,
                    members,
                    tail,
                });
            }
        }
        clusters
    }

    /// The cluster, among `clusters`, whose box an edge of group `group` leaves toward
    /// `target`: none for a loop, or for an edge to a member (it stays in the box, so it is
    /// drawn from each member).
    pub(crate) fn cluster_of(
        &self,
        clusters: &[Cluster],
        group: Option<&str>,
        kind: TransitionKind,
        target: usize,
    ) -> Option<usize> {
        let group = group?;
        if kind == TransitionKind::Loop {
            return None;
        }
        clusters.iter().position(|cluster| {
            self.groups[cluster.group].name == group && !cluster.contains(target)
        })
    }
}
