//! Checks of the layout's promises: no label or state overlaps another, and no line runs
//! over one, for every example in every style.

use super::{DOC_SIZE, Drawing, LABEL_SIZE, LEADING, Piece, Point, chords, layout, properly_cross};
use crate::graph::Graph;
use crate::options::{Direction, Options};
use crate::svg::metrics;

// A group that spans three ranks, with a state that is not a member beside one of them.
#[allow(clippy::module_inception)]
#[path = "../../../tests/fixtures/call.rs"]
mod call;

// Thirty states, with `cancel` from ten of them and `hold` from four. Only its description
// is drawn: the outcome enums it declares are never built.
#[allow(clippy::module_inception, dead_code)]
#[path = "../../../tests/fixtures/order.rs"]
mod order;

/// A box: left, top, right, bottom.
type Area = (f64, f64, f64, f64);

fn overlap(a: Area, b: Area) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn shrink(area: Area, by: f64) -> Area {
    (area.0 + by, area.1 + by, area.2 - by, area.3 - by)
}

/// The boxes of every label and state.
fn areas(drawing: &Drawing) -> Vec<(String, Area)> {
    let mut areas = Vec::new();
    for state in &drawing.states {
        areas.push((
            "a state".to_owned(),
            (
                state.x,
                state.y,
                state.x + state.width,
                state.y + state.height,
            ),
        ));
    }
    for line in &drawing.lines {
        let Some(label) = &line.label else { continue };
        let width = metrics::widest(&label.lines, LABEL_SIZE);
        let left = if label.centered {
            label.x - width / 2.0
        } else {
            label.x
        };
        let height = super::float(label.lines.len()) * LABEL_SIZE * LEADING;
        areas.push((
            format!("label {:?}", label.lines),
            (left, label.y, left + width, label.y + height),
        ));
    }
    areas
}

/// The straight pieces of every line.
fn segments(drawing: &Drawing) -> Vec<(Point, Point)> {
    let mut segments = Vec::new();
    for line in &drawing.lines {
        let mut from = line.path.start;
        for piece in &line.path.pieces {
            match *piece {
                Piece::Line(to) => {
                    segments.push((from, to));
                    from = to;
                }
                Piece::Cubic(_, _, to) => from = to,
            }
        }
    }
    segments
}

fn machines() -> Vec<&'static automat::Description> {
    vec![
        &automat_examples::tcp::DESCRIPTION,
        &automat_examples::garage_door::DESCRIPTION,
        &automat_examples::door_lock::DESCRIPTION,
        &automat_examples::turnstile::DESCRIPTION,
        &automat_examples::lines::DESCRIPTION,
        &automat_examples::tls::DESCRIPTION,
        &call::call::DESCRIPTION,
    ]
}

fn variants() -> Vec<Options> {
    let mut variants = Vec::new();
    for direction in [Direction::TopToBottom, Direction::LeftToRight] {
        for (docs, compact) in [(false, false), (true, false), (false, true), (true, true)] {
            for fold in [false, true] {
                variants.push(Options {
                    direction,
                    docs,
                    compact,
                    outputs: true,
                    fold,
                });
            }
        }
    }
    variants
}

#[test]
fn labels_and_states_never_overlap() {
    for description in machines() {
        for options in variants() {
            let drawing = layout(
                &crate::fold::apply(&Graph::from(description), &options),
                &options,
            );
            let areas = areas(&drawing);
            for (index, (what, area)) in areas.iter().enumerate() {
                for (other, other_area) in &areas[index + 1..] {
                    assert!(
                        !overlap(*area, *other_area),
                        "{}, {options:?}: {what} at {area:?} overlaps {other} at {other_area:?}",
                        description.name
                    );
                }
                assert!(area.0 >= 0.0 && area.1 >= 0.0);
                assert!(area.2 <= drawing.width && area.3 <= drawing.height);
            }
        }
    }
}

#[test]
fn lines_run_clear_of_labels_and_states() {
    for description in machines() {
        for options in variants() {
            let drawing = layout(
                &crate::fold::apply(&Graph::from(description), &options),
                &options,
            );
            let areas = areas(&drawing);
            for (from, to) in segments(&drawing) {
                let line = (
                    from.x.min(to.x),
                    from.y.min(to.y),
                    from.x.max(to.x),
                    from.y.max(to.y),
                );
                for (what, area) in &areas {
                    assert!(
                        !overlap(line, shrink(*area, 1.0)),
                        "{}, {options:?}: the line {from:?}–{to:?} crosses {what} at {area:?}",
                        description.name
                    );
                }
            }
        }
    }
}

#[test]
fn doc_lines_fit_in_their_state() {
    let description = &automat_examples::tcp::DESCRIPTION;
    let options = Options {
        docs: true,
        ..Options::default()
    };
    let drawing = layout(
        &crate::fold::apply(&Graph::from(description), &options),
        &options,
    );
    for (state, area) in description.states.iter().zip(&drawing.states) {
        let doc = state.doc.lines().next().unwrap_or("");
        assert!(
            metrics::width(doc, DOC_SIZE) <= area.width,
            "{}",
            state.name
        );
    }
}

#[test]
fn clusters_hold_their_members_alone() {
    for description in [
        &call::call::DESCRIPTION,
        &automat_examples::tls::DESCRIPTION,
    ] {
        for options in variants() {
            let whole = Graph::from(description);
            let graph = crate::fold::apply(&whole, &options);
            let clusters = graph.clusters();
            let drawing = layout(&graph, &options);
            // Every cluster drawn: none fell back to one edge per member.
            assert_eq!(
                drawing.clusters.len(),
                clusters.len(),
                "{}, {options:?}",
                description.name
            );
            for (cluster, (_, area)) in clusters.iter().zip(&drawing.clusters) {
                for (state, other) in drawing.states.iter().enumerate() {
                    assert_eq!(
                        area.overlaps(other),
                        cluster.contains(state),
                        "{}, {options:?}: {} and the box of {}",
                        description.name,
                        graph.states[state].name,
                        graph.groups[cluster.group].name
                    );
                }
            }
        }
    }
}

#[test]
fn left_to_right_loop_labels_break_before_their_arrow_when_that_is_smaller() {
    let graph = Graph::from(&automat_examples::lines::DESCRIPTION);
    let loop_lines = |options: &Options| -> Vec<String> {
        let drawing = layout(&graph, options);
        // The loops' lines come after the edges', one per state with loops.
        drawing.lines[drawing.lines.len() - 2..]
            .iter()
            .flat_map(|line| line.label.clone().expect("a loop has a label").lines)
            .collect()
    };
    let across = Options {
        direction: Direction::LeftToRight,
        ..Options::default()
    };
    // `Greeting` is narrower than `line [Refused] → Reply<'buf>`: broken, the rank it sets
    // is narrower, and the drawing no taller than `Ready`'s stack of loop labels makes it.
    assert_eq!(
        loop_lines(&across),
        [
            "line [Refused]",
            "→ Reply<'buf>",
            "line [Stay]",
            "→ Reply<'buf>",
            "data → u64"
        ]
    );
    // Top to bottom the labels stand beside their state, as written.
    assert_eq!(
        loop_lines(&Options::default()),
        [
            "line [Refused] → Reply<'buf>",
            "line [Stay] → Reply<'buf>",
            "data → u64"
        ]
    );
}

#[test]
fn a_state_many_lines_meet_is_placed_with_its_lines_on_the_side_they_cross_least() {
    // Left to right, the sweeps alone put `OnHold` between the main line and `Cancelled`,
    // and every `hold` line crossed the `cancel` lines (7 crossings in all; Graphviz's
    // drawing of the same graph has 5).
    let options = Options {
        direction: Direction::LeftToRight,
        ..Options::default()
    };
    let drawing = layout(&Graph::from(&order::order::DESCRIPTION), &options);
    let labelled = |text: &str| -> Vec<(Point, Point)> {
        drawing
            .lines
            .iter()
            .filter(|line| {
                line.label
                    .as_ref()
                    .is_some_and(|label| label.lines == [text])
            })
            .flat_map(chords)
            .collect()
    };
    let (hold, cancel) = (labelled("hold"), labelled("cancel"));
    assert!(!hold.is_empty() && !cancel.is_empty());
    for &a in &hold {
        for &b in &cancel {
            assert!(
                !properly_cross(a, b),
                "a `hold` line crosses a `cancel` line"
            );
        }
    }
    assert!(super::crossings(&drawing) <= 5);
}
