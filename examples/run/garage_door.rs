//! The garage door, step by step: a typestate run through every state, then a controller
//! fed events as they come, some of which the door refuses.
//!
//! Run it with `cargo run --example garage_door`.

use automat_examples::garage_door::{Closed, Core, Dynamic, Input, Machine};

fn main() {
    typestate();
    dynamic();
}

/// Open, close, and reverse when someone is in the way: the compiler checks every step.
fn typestate() {
    println!("== typestate: Machine<S> ==");
    let door = Machine::new(Core::default(), Closed);
    println!("{:<36} {:?}", "start: Closed", door.core());

    let door = door.push_button();
    println!("{:<36} {:?}", "push_button  -> Opening", door.core());
    // `Machine<Opening>` has no `push_button`: a push while opening does not compile.
    let door = door.open_sensor();
    println!("{:<36} {:?}", "open_sensor  -> Opened", door.core());
    let door = door.push_button();
    println!("{:<36} {:?}", "push_button  -> Closing", door.core());
    let door = door.push_button();
    println!(
        "{:<36} {:?}",
        "push_button  -> Opening (reversed)",
        door.core()
    );
    let door = door.open_sensor();
    println!("{:<36} {:?}", "open_sensor  -> Opened", door.core());
    let door = door.push_button();
    println!("{:<36} {:?}", "push_button  -> Closing", door.core());
    let door = door.close_sensor();
    println!("{:<36} {:?}", "close_sensor -> Closed", door.core());
    println!();
}

/// A controller that takes events from a queue, as the wall button and the sensors send them.
/// An event the door's state does not accept is reported and dropped; the door is untouched.
fn dynamic() {
    println!("== dynamic: Dynamic ==");
    let mut door = Dynamic::new(Core::default(), Closed);
    println!(
        "start in {}, accepts {:?}",
        door.state_name(),
        door.accepts()
    );

    let events = [
        Input::PushButton,
        Input::PushButton,  // pressed again while opening: refused
        Input::CloseSensor, // a glitch of the wrong sensor: refused
        Input::OpenSensor,
        Input::PushButton,
        Input::CloseSensor,
    ];
    for event in events {
        let name = event.name();
        let before = door.state_name();
        match door.handle(event) {
            Ok(_) => println!(
                "{name:<13} {before:>7} -> {:<8} motor {:?}, beeps {}, accepts {:?}",
                door.state_name(),
                door.core().motor,
                door.core().beeps,
                door.accepts(),
            ),
            Err(refused) => println!("{name:<13} refused: {refused}"),
        }
    }
    println!("end in {}: {door:?}", door.state_name());
}
