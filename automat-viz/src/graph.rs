//! The one graph every renderer draws, built from a `Description` or from a parsed module.
//!
//! A [`Graph`] owns its text, so the CLI (which parses source files and has no `'static`
//! strings) and a program holding a `&'static Description` hand the renderers the very same
//! value. The conversions keep declaration order, and `From<&Description>` and
//! [`Graph::from_machine`] agree field for field: a test checks it for every example.

use crate::cluster::Cluster;
use crate::options::Options;
use automat::{Description, TransitionKind};
use automat_codegen::model::{HandlerKind, Machine};
use automat_codegen::text;

/// A machine's graph: its states and edges, in declaration order.
///
/// Edges whose source or target names no state (possible only in a hand-made
/// [`Description`]) are not drawn.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Graph {
    /// The machine's name: the name of its module.
    pub name: String,
    /// The module's doc comment (empty when there is none).
    pub doc: String,
    /// The states, in declaration order.
    pub states: Vec<State>,
    /// One edge per handler and target: handlers in declaration order, a branch's targets in
    /// the order of its variants. A group's handler gives edges from each member, each with
    /// [`Edge::group`] set.
    pub edges: Vec<Edge>,
    /// The `#[group]` enums, in declaration order.
    pub groups: Vec<Group>,
}

/// A `#[group]`: states that share handlers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Group {
    /// The group enum's name.
    pub name: String,
    /// Its doc comment (empty when there is none).
    pub doc: String,
    /// The names of its member states, in the order of its variants.
    pub members: Vec<String>,
}

/// A state: one node of the graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)] // Independent facts a renderer reads one by one.
pub struct State {
    /// The state struct's name, which is also its id in every format.
    pub name: String,
    /// The struct's doc comment (empty when there is none).
    pub doc: String,
    /// Whether machines start here.
    pub initial: bool,
    /// Whether no transition leaves the state (loops at most): drawn as final.
    pub terminal: bool,
    /// Whether the state is entered only by restoring a saved machine.
    pub unreachable: bool,
    /// Whether the state struct has fields.
    pub data: bool,
    /// Not a state but a fold marker ([`Options::fold`]): the states whose edges it stands
    /// for. Empty for every state of the machine.
    pub stands_for: Vec<String>,
}

/// An edge: one target of one handler.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edge {
    /// The name of the state the handler belongs to.
    pub source: String,
    /// The name of the state the machine goes to (the source itself for a loop).
    pub target: String,
    /// The input's name.
    pub input: String,
    /// The input's doc comment (empty when there is none).
    pub input_doc: String,
    /// The input's output type as written, or `None` when it returns `()`; for an input
    /// declared `-> Result<T, E>`, `T`.
    pub output: Option<String>,
    /// For an input declared `-> Result<T, E>`, `E`.
    pub error: Option<String>,
    /// For a branch, the variant of the branch enum that leads to `target`.
    pub variant: Option<String>,
    /// What kind of handler it is.
    pub kind: TransitionKind,
    /// The handler's doc comment (empty when there is none).
    pub doc: String,
    /// The group whose handler this is, or `None` for a handler of `source`'s own.
    pub group: Option<String>,
    /// Whether the handler can fail and leave the machine in `source`.
    pub fallible: bool,
}

impl From<&Description> for Graph {
    fn from(description: &Description) -> Self {
        let states = description
            .states
            .iter()
            .map(|state| State {
                name: state.name.to_owned(),
                doc: state.doc.to_owned(),
                initial: state.initial,
                terminal: state.terminal,
                unreachable: state.unreachable,
                data: state.data,
                stands_for: Vec::new(),
            })
            .collect();
        let mut edges = Vec::new();
        for transition in description.transitions {
            let input = description.input(transition.input);
            for target in transition.targets {
                edges.push(Edge {
                    source: transition.source.to_owned(),
                    target: target.state.to_owned(),
                    input: transition.input.to_owned(),
                    input_doc: input.map_or("", |input| input.doc).to_owned(),
                    output: input.and_then(|input| input.output).map(str::to_owned),
                    error: input.and_then(|input| input.error).map(str::to_owned),
                    variant: target.label.map(str::to_owned),
                    kind: transition.kind,
                    doc: transition.doc.to_owned(),
                    group: transition.group.map(str::to_owned),
                    fallible: transition.fallible,
                });
            }
        }
        let groups = description
            .groups
            .iter()
            .map(|group| Group {
                name: group.name.to_owned(),
                doc: group.doc.to_owned(),
                members: group
                    .members
                    .iter()
                    .map(|&member| member.to_owned())
                    .collect(),
            })
            .collect();
        Graph {
            name: description.name.to_owned(),
            doc: description.doc.to_owned(),
            states,
            edges,
            groups,
        }
    }
}

impl From<&Machine> for Graph {
    fn from(machine: &Machine) -> Self {
        Graph::from_machine(machine)
    }
}

impl Graph {
    /// The graph of a machine the CLI parsed with `automat_codegen::parse_module`: the same
    /// value the macro's `DESCRIPTION` converts to.
    #[must_use]
    pub fn from_machine(machine: &Machine) -> Self {
        let states = machine
            .states
            .iter()
            .enumerate()
            .map(|(index, state)| State {
                name: text::name(&state.ident),
                doc: state.doc.clone(),
                initial: state.initial,
                terminal: machine.is_terminal(index),
                unreachable: state.unreachable,
                data: state.data,
                stands_for: Vec::new(),
            })
            .collect();
        let mut edges = Vec::new();
        for handler in &machine.handlers {
            let input = &machine.inputs[handler.input];
            let kind = match handler.kind {
                HandlerKind::Transition(_) => TransitionKind::Transition,
                HandlerKind::Loop => TransitionKind::Loop,
                HandlerKind::Branch(_) => TransitionKind::Branch,
            };
            for (target, variant) in machine.targets(handler) {
                edges.push(Edge {
                    source: text::name(&machine.states[handler.state].ident),
                    target: text::name(&machine.states[target].ident),
                    input: text::name(&input.ident),
                    input_doc: input.doc.clone(),
                    output: input.output.as_ref().map(text::type_text),
                    error: input.error.as_ref().map(text::type_text),
                    variant: variant.map(text::name),
                    kind,
                    doc: handler.doc.clone(),
                    group: handler
                        .group
                        .map(|group| text::name(&machine.groups[group].ident)),
                    fallible: handler.fallible,
                });
            }
        }
        let groups = machine
            .groups
            .iter()
            .map(|group| Group {
                name: text::name(&group.ident),
                doc: group.doc.clone(),
                members: group
                    .variants
                    .iter()
                    .map(|variant| text::name(&machine.states[variant.state].ident))
                    .collect(),
            })
            .collect();
        Graph {
            name: text::name(&machine.ident),
            doc: machine.doc.clone(),
            states,
            edges,
            groups,
        }
    }

    /// The index of the state named `name`.
    #[must_use]
    pub fn state_index(&self, name: &str) -> Option<usize> {
        self.states.iter().position(|state| state.name == name)
    }

    /// The index of the initial state, if the graph has one.
    #[must_use]
    pub fn initial(&self) -> Option<usize> {
        self.states.iter().position(|state| state.initial)
    }

    /// The edges to draw, as bundles between states: one per edge, or, with
    /// [`Options::compact`], one per pair of states with all the edges between them. All
    /// loops of a state always share one bundle: Graphviz draws several self-edges of one node
    /// on top of each other, labels overlapping, and one loop with a label per input reads
    /// better in every format. A group handler's edges out of one of `clusters` are one
    /// bundle leaving the cluster (laid out from its tail member), not one per member.
    pub(crate) fn bundles(&self, options: &Options, clusters: &[Cluster]) -> Vec<Bundle<'_>> {
        let mut bundles: Vec<Bundle<'_>> = Vec::new();
        for edge in &self.edges {
            let (Some(mut source), Some(target)) = (
                self.state_index(&edge.source),
                self.state_index(&edge.target),
            ) else {
                continue;
            };
            let cluster = self.cluster_of(clusters, edge.group.as_deref(), edge.kind, target);
            if let Some(cluster) = cluster {
                source = clusters[cluster].tail;
                // The same handler, listed again for the next member.
                let drawn = bundles.iter().any(|bundle| {
                    bundle.cluster == Some(cluster)
                        && bundle.target == target
                        && bundle
                            .edges
                            .iter()
                            .any(|other| other.input == edge.input && other.variant == edge.variant)
                });
                if drawn {
                    continue;
                }
            }
            if (options.compact || source == target)
                && let Some(bundle) = bundles.iter_mut().find(|bundle| {
                    bundle.source == source && bundle.target == target && bundle.cluster == cluster
                })
            {
                bundle.edges.push(edge);
                continue;
            }
            bundles.push(Bundle {
                source,
                target,
                cluster,
                edges: vec![edge],
            });
        }
        bundles
    }
}

impl State {
    /// Whether this is a fold marker rather than a state.
    #[must_use]
    pub fn is_marker(&self) -> bool {
        !self.stands_for.is_empty()
    }

    /// The state's label in every format: its name, followed by `{…}` when the state carries
    /// data, as a struct with fields is written; a fold marker's text (`from every other state`).
    #[must_use]
    pub fn label(&self) -> String {
        if self.is_marker() {
            // A marker's name is its label and then, in parentheses, its input: unique.
            self.name
                .split_once(" (")
                .map_or(&*self.name, |(label, _)| label)
                .to_owned()
        } else if self.data {
            format!("{} {{…}}", self.name)
        } else {
            self.name.clone()
        }
    }

    /// The first line of the state's doc comment (empty when there is none).
    #[must_use]
    pub fn doc_line(&self) -> &str {
        text::first_line(&self.doc)
    }
}

impl Edge {
    /// The edge's label: `input`, then `?` when the handler is fallible (it may fail and
    /// stay, as Rust's `?` may return early), then `[Variant]` for a branch, then `→ Output`
    /// when the input has an output and `options` shows outputs.
    #[must_use]
    pub fn label(&self, options: &Options) -> String {
        let mut label = self.input.clone();
        if self.fallible {
            label.push('?');
        }
        if let Some(variant) = &self.variant {
            label.push_str(" [");
            label.push_str(variant);
            label.push(']');
        }
        if options.outputs
            && let Some(output) = &self.output
        {
            label.push_str(" → ");
            label.push_str(output);
        }
        label
    }

    /// The doc comment that explains the edge: the handler's, or else the input's.
    #[must_use]
    pub fn tooltip(&self) -> &str {
        if self.doc.is_empty() {
            &self.input_doc
        } else {
            &self.doc
        }
    }

    /// The first line of [`Edge::tooltip`].
    #[must_use]
    pub fn doc_line(&self) -> &str {
        text::first_line(self.tooltip())
    }
}

/// Edges drawn as one line between two states (a single edge unless the options are compact).
pub(crate) struct Bundle<'g> {
    /// The source state's index.
    pub source: usize,
    /// The target state's index.
    pub target: usize,
    /// The cluster (an index into the clusters the bundles were made for) that the bundle
    /// leaves, when it draws a group's handler: then `source` is the cluster's tail.
    pub cluster: Option<usize>,
    /// The edges, in declaration order; never empty.
    pub edges: Vec<&'g Edge>,
}

impl Bundle<'_> {
    /// Whether every edge of the bundle may fail and stay: its line is dashed.
    pub fn is_fallible(&self) -> bool {
        self.edges.iter().all(|edge| edge.fallible)
    }

    /// Whether the bundle leaves and enters the same state.
    pub fn is_loop(&self) -> bool {
        self.source == self.target
    }

    /// The label's lines: each edge's label, each followed by its doc line when `options`
    /// shows docs and there is one.
    pub fn lines(&self, options: &Options) -> Vec<String> {
        self.lines_with(options, |label| vec![label])
    }

    /// [`Bundle::lines`] with each edge's label turned into the lines `label` makes of it
    /// (the SVG layout breaks a wide loop label); doc lines stay whole.
    pub fn lines_with(
        &self,
        options: &Options,
        mut label: impl FnMut(String) -> Vec<String>,
    ) -> Vec<String> {
        let mut lines = Vec::new();
        for edge in &self.edges {
            lines.extend(label(edge.label(options)));
            if options.docs && !edge.doc_line().is_empty() {
                lines.push(edge.doc_line().to_owned());
            }
        }
        lines
    }

    /// The tooltip: each edge's doc; when several edges share the line, each doc is preceded
    /// by its edge's label.
    pub fn tooltip(&self, options: &Options) -> String {
        if let [edge] = self.edges.as_slice() {
            return edge.tooltip().to_owned();
        }
        let docs: Vec<String> = self
            .edges
            .iter()
            .filter(|edge| !edge.tooltip().is_empty())
            .map(|edge| format!("{}: {}", edge.label(options), edge.tooltip()))
            .collect();
        docs.join("\n")
    }
}
