//! The keypad lock, step by step: a branch matched through the typestate API, then a keypad
//! driven through `Dynamic` into a lockout, where codes are refused until a reset.
//!
//! Run it with `cargo run --example door_lock`.

use automat_examples::door_lock::{
    DoorLock, Dynamic, Input, Locked, MAX_FAILURES, Machine, UnlockMachine,
};

fn main() {
    typestate();
    dynamic();
}

/// `unlock` is a branch: the typed machine comes back as an `UnlockMachine` to match on, one
/// variant per place the code may lead.
fn typestate() {
    println!("== typestate: Machine<S> ==");
    let mut door = Machine::new(Locked::new(1234));
    println!("start: Locked {:?}", door.state());

    for code in [1111, 1234] {
        let (next, opened) = door.unlock(code);
        match next {
            UnlockMachine::Refused(locked) => {
                println!(
                    "unlock({code}) -> {opened:<5} branch Refused: {:?}",
                    locked.state()
                );
                door = locked;
            }
            UnlockMachine::Opened(mut open) => {
                println!(
                    "unlock({code}) -> {opened:<5} branch Opened:  {:?}",
                    open.state()
                );
                // A loop: the door stays open with a new code.
                open.change_code(4321);
                println!("change_code(4321)          still open: {:?}", open.state());
                door = open.lock();
                println!("lock()                     Locked {:?}", door.state());
                break;
            }
            UnlockMachine::Blocked(locked_out) => {
                println!(
                    "unlock({code}) -> {opened:<5} branch Blocked: {:?}",
                    locked_out.state()
                );
                return;
            }
        }
    }
    // `Machine<Locked>` has no `lock` or `change_code`: they do not compile here.
    println!();
}

/// A keypad with the state known only at run time: after too many wrong codes the lock is
/// out, and `unlock` is refused — an error, with the lock untouched — until a `reset`.
fn dynamic() {
    println!("== dynamic: Dynamic ==");
    let mut door = Dynamic::new(Locked::new(4321));
    show(&door, "start");

    for code in [1, 2, 3] {
        let opened = door.unlock(code).expect("a locked door takes codes");
        show(&door, &format!("unlock({code}) -> {opened}"));
    }
    println!("({MAX_FAILURES} wrong codes in a row lock the keypad out)");

    match door.unlock(4321) {
        Ok(opened) => show(&door, &format!("unlock(4321) -> {opened}")),
        Err(refused) => println!("{:<38} refused: {refused}", "unlock(4321)"),
    }
    show(&door, "(refused, unchanged)");

    // Through the input trait, as code generic over `impl DoorLock` would drive it.
    let lock: &mut dyn DoorLock = &mut door;
    if let Err(refused) = lock.lock() {
        println!("{:<38} refused: {refused}", "lock()");
    }

    for input in [Input::Reset, Input::Unlock { code: 4321 }, Input::Lock] {
        let step = format!("{input:?}");
        match door.handle(input) {
            Ok(output) => show(&door, &format!("{step} -> {output:?}")),
            Err(refused) => println!("{step:<38} refused: {refused}"),
        }
    }
}

/// One line per step: what happened, then the state, its data and what it accepts.
fn show(door: &Dynamic, step: &str) {
    println!(
        "{step:<38} {:<45} accepts {:?}",
        format!("{:?}", door.state()),
        door.accepts()
    );
}
