//! The rules a parsed machine must satisfy before any code is generated for it.

use crate::model::{Handler, Machine};
use crate::report::Errors;
use crate::resolve::Skipped;
use proc_macro2::Ident;

/// The items the macro adds to the module, each with what it is. A declared item of the same
/// name would collide; a generic parameter of the same name would shadow it.
pub const GENERATED_ITEMS: &[(&str, &str)] = &[
    ("Machine", "the generated typestate machine"),
    ("State", "the generated enum of states"),
    ("Dynamic", "the generated run-time machine"),
    ("Typed", "the generated enum of typestate machines"),
    ("Input", "the generated enum of inputs"),
    ("Output", "the generated enum of outputs"),
    ("DESCRIPTION", "the generated description of the machine"),
    ("__Slot", "where the generated `Dynamic` keeps its state"),
];

/// What the generated item called `name` is, if the macro generates one.
pub fn generated_item(name: &str) -> Option<&'static str> {
    GENERATED_ITEMS
        .iter()
        .find(|(item, _)| *item == name)
        .map(|(_, what)| *what)
}

/// The inherent methods the macro gives `Machine<S>` and `Dynamic`. An input of the same name
/// would be a second method of that name.
pub const GENERATED_METHODS: &[&str] = &[
    "new",
    "restore",
    "core",
    "core_mut",
    "state",
    "into_state",
    "into_parts",
    "handle",
    "state_name",
    "accepts",
    "is_poisoned",
    "into_typed",
];

/// Runs every check on `machine`, recording each violation. The graph checks run only on a
/// `complete` graph: when a handler could not be read, its missing edges are not mistakes.
/// They count the `skipped` handlers' edges, so a mistake reported elsewhere is not reported
/// again as a gap in the graph.
///
/// Returns whether a declared name collides with a generated one: then generating code would
/// only add duplicate definitions to the error.
pub fn machine(
    machine: &Machine,
    complete: bool,
    skipped: &Skipped,
    declared: &[Ident],
    errors: &mut Errors,
) -> bool {
    one_initial_state(machine, errors);
    if complete {
        let mut unmarked = Vec::new();
        every_state_reachable(machine, skipped, &mut unmarked, errors);
        every_input_accepted(machine, skipped, &mut unmarked, errors);
        missing_transitions(&unmarked, skipped, errors);
    }
    let before = errors.len();
    no_name_collisions(machine, declared, errors);
    errors.len() != before
}

// A machine starts in exactly one state: `Machine::new` and `Dynamic::new` take a value of
// it, so zero or two would leave the constructors without a type.
fn one_initial_state(machine: &Machine, errors: &mut Errors) {
    let mut initial = machine.states.iter().filter(|state| state.initial);
    match initial.next() {
        None => errors.error(
            machine.ident.span(),
            format_args!(
                "machine `{}` has no initial state: mark the state every machine starts in `#[state(initial)]`",
                machine.ident,
            ),
        ),
        Some(first) => {
            for other in initial {
                errors.error(
                    other.ident.span(),
                    format_args!("a machine has one initial state, and `{}` is already it", first.ident),
                );
            }
        }
    }
}

// A state no transition leads to is usually a forgotten edge. States entered only by
// restoring a saved machine say so with `#[state(unreachable)]`. A depth-first walk from the
// initial state marks what is reachable.
//
// When a state is reached only through methods of a plain `impl` block that read as handlers,
// the block's missing `#[transitions]` is the mistake, reported once by
// `missing_transitions`; `unmarked` collects the indexes of those methods.
fn every_state_reachable(
    machine: &Machine,
    skipped: &Skipped,
    unmarked: &mut Vec<usize>,
    errors: &mut Errors,
) {
    let Some(initial) = machine.states.iter().position(|state| state.initial) else {
        return;
    };
    let handlers: Vec<&Handler> = machine.handlers.iter().chain(&skipped.duplicates).collect();
    let reached = reach(machine, initial, &handlers);
    let with_unmarked: Vec<&Handler> = handlers
        .iter()
        .copied()
        .chain(skipped.unmarked.iter().map(|unmarked| &unmarked.handler))
        .collect();
    let reached_with_unmarked = reach(machine, initial, &with_unmarked);
    for (index, candidate) in skipped.unmarked.iter().enumerate() {
        let handler = &candidate.handler;
        if reached_with_unmarked[handler.state]
            && machine
                .targets(handler)
                .iter()
                .any(|&(target, _)| !reached[target] && !machine.states[target].unreachable)
        {
            unmarked.push(index);
        }
    }
    for ((state, reached), with_unmarked) in machine
        .states
        .iter()
        .zip(reached)
        .zip(reached_with_unmarked)
    {
        if !reached && !with_unmarked && !state.unreachable {
            errors.error(
                state.ident.span(),
                format_args!(
                    "state `{}` cannot be reached from the initial state `{}`; add a transition to it, or mark it `#[state(unreachable)]` if it is only restored from storage",
                    state.ident, machine.states[initial].ident,
                ),
            );
        }
    }
}

/// The states reachable from `initial` through `handlers`: a depth-first walk with marks.
fn reach(machine: &Machine, initial: usize, handlers: &[&Handler]) -> Vec<bool> {
    let mut reached = vec![false; machine.states.len()];
    let mut stack = vec![initial];
    reached[initial] = true;
    while let Some(state) = stack.pop() {
        for handler in handlers.iter().filter(|handler| handler.state == state) {
            for (target, _) in machine.targets(handler) {
                if !reached[target] {
                    reached[target] = true;
                    stack.push(target);
                }
            }
        }
    }
    reached
}

// An input no state accepts can never do anything: it is a missing handler or a stale method.
// When a plain `impl` block of a state has a method named after it, the block's missing
// `#[transitions]` is the mistake.
fn every_input_accepted(
    machine: &Machine,
    skipped: &Skipped,
    unmarked: &mut Vec<usize>,
    errors: &mut Errors,
) {
    for (index, input) in machine.inputs.iter().enumerate() {
        if machine
            .handlers
            .iter()
            .chain(&skipped.duplicates)
            .any(|handler| handler.input == index)
        {
            continue;
        }
        let candidates: Vec<usize> = (0..skipped.unmarked.len())
            .filter(|&candidate| skipped.unmarked[candidate].handler.input == index)
            .collect();
        if candidates.is_empty() {
            errors.error(
                input.ident.span(),
                format_args!(
                    "no state accepts input `{}`: write `fn {}` in the `#[transitions]` block of a state that accepts it",
                    input.ident, input.ident,
                ),
            );
        }
        unmarked.extend(candidates);
    }
}

// A plain `impl` block is left alone, for helpers; but one whose methods the graph needs was
// meant as handlers. Reported once per block, at `impl State`, where the attribute goes.
fn missing_transitions(unmarked: &[usize], skipped: &Skipped, errors: &mut Errors) {
    let mut reported: Vec<usize> = Vec::new();
    for &index in unmarked {
        let block = skipped.unmarked[index].block;
        if reported.contains(&block) {
            continue;
        }
        reported.push(block);
        let mut methods: Vec<String> = Vec::new();
        for &other in unmarked {
            let other = &skipped.unmarked[other];
            let name = format!("`fn {}`", other.handler.ident);
            if other.block == block && !methods.contains(&name) {
                methods.push(name);
            }
        }
        errors.error(
            skipped.unmarked[index].span,
            format_args!(
                "this `impl` block is missing `#[transitions]`: {} {} meant as a handler, but a block without the attribute holds helpers; write `#[transitions]` above the `impl`",
                methods.join(", "),
                if methods.len() == 1 { "is" } else { "are" },
            ),
        );
    }
}

// The generated items live in the user's module, and inputs become methods beside the
// generated ones, so a clash would be a confusing rustc error far from its cause.
fn no_name_collisions(machine: &Machine, declared: &[Ident], errors: &mut Errors) {
    let branch_machines: Vec<String> = machine
        .branches
        .iter()
        .map(|branch| format!("{}Machine", branch.ident))
        .collect();
    for ident in declared {
        let name = ident.to_string();
        if generated_item(&name).is_some() || branch_machines.contains(&name) {
            errors.error(
                ident.span(),
                format_args!("`{name}` is generated by `#[automat::machine]` in this module; rename this item"),
            );
        }
    }
    for input in &machine.inputs {
        let name = input.ident.to_string();
        if GENERATED_METHODS.contains(&name.as_str()) {
            errors.error(
                input.ident.span(),
                format_args!(
                    "input `{name}` would collide with the generated method `{name}` of `Machine` and `Dynamic`; rename the input"
                ),
            );
        }
    }
    for (index, input) in machine.inputs.iter().enumerate() {
        if let Some(first) = machine.inputs[..index]
            .iter()
            .find(|other| other.variant == input.variant)
        {
            errors.error(
                input.ident.span(),
                format_args!(
                    "inputs `{}` and `{}` would both be the variant `{}` of `Input`; rename one",
                    first.ident, input.ident, input.variant,
                ),
            );
        }
    }
}
