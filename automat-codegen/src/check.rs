//! The rules a parsed machine must satisfy before any code is generated for it.

use crate::model::Machine;
use crate::report::Errors;
use proc_macro2::Ident;

/// The items the macro adds to the module. A declared item of the same name would collide.
pub const GENERATED_ITEMS: &[&str] = &[
    "Machine",
    "State",
    "Dynamic",
    "Typed",
    "Input",
    "Output",
    "DESCRIPTION",
    "__Slot",
];

/// The inherent methods the macro gives `Machine<S>` and `Dynamic`. An input of the same name
/// would be a second method of that name.
pub const GENERATED_METHODS: &[&str] = &[
    "new",
    "restore",
    "core",
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
///
/// Returns whether a declared name collides with a generated one: then generating code would
/// only add duplicate definitions to the error.
pub fn machine(machine: &Machine, complete: bool, declared: &[Ident], errors: &mut Errors) -> bool {
    one_initial_state(machine, errors);
    if complete {
        every_state_reachable(machine, errors);
        every_input_accepted(machine, errors);
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
fn every_state_reachable(machine: &Machine, errors: &mut Errors) {
    let Some(initial) = machine.states.iter().position(|state| state.initial) else {
        return;
    };
    let mut reached = vec![false; machine.states.len()];
    let mut stack = vec![initial];
    reached[initial] = true;
    while let Some(state) = stack.pop() {
        for handler in machine.handlers_of(state) {
            for (target, _) in machine.targets(handler) {
                if !reached[target] {
                    reached[target] = true;
                    stack.push(target);
                }
            }
        }
    }
    for (state, reached) in machine.states.iter().zip(reached) {
        if !reached && !state.unreachable {
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

// An input no state accepts can never do anything: it is a missing handler or a stale method.
fn every_input_accepted(machine: &Machine, errors: &mut Errors) {
    for (index, input) in machine.inputs.iter().enumerate() {
        if !machine
            .handlers
            .iter()
            .any(|handler| handler.input == index)
        {
            errors.error(
                input.ident.span(),
                format_args!(
                    "no state accepts input `{}`: write `fn {}` in the `#[transitions]` block of a state that accepts it",
                    input.ident, input.ident,
                ),
            );
        }
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
        if GENERATED_ITEMS.contains(&name.as_str()) || branch_machines.contains(&name) {
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
