#[automat::machine(derive(Debug, PartialEq), observe)]
pub mod garage {
    /// What can happen to a garage door's controller: its inputs.
    pub trait GarageDoor {
        /// Someone presses the button on the wall.
        fn push_button(&mut self);
        /// The sensor at the top of the rail: the door is fully open.
        fn open_sensor(&mut self);
        /// The sensor at the bottom of the rail: the door is fully closed.
        fn close_sensor(&mut self);
        /// The safety beam across the doorway is broken (`true`) or clear again (`false`);
        /// the output says whether the door may close now.
        fn beam(&mut self, broken: bool) -> bool;
    }

    /// Which way the motor turns.
    #[derive(Debug, Default, Clone, Copy, PartialEq)]
    pub enum Motor {
        /// Off.
        #[default]
        Stopped,
        /// Lifting the door.
        Up,
        /// Lowering the door.
        Down,
    }

    /// The devices every state drives: the motor and the warning beeper.
    #[core]
    #[derive(Debug, Default, PartialEq)]
    pub struct Core {
        /// What the motor is doing.
        pub motor: Motor,
        /// How many warnings the door has beeped.
        pub beeps: u32,
        /// The motor driver reports a fault: starting the motor panics.
        pub jammed: bool,
        /// What the door did, one line per handled input.
        pub log: Vec<String>,
        /// How many inputs the door refused.
        pub refused: u32,
    }

    /// The machine reports to its core: after every handler, and on every refused input.
    impl automat::Observer for Core {
        fn on_transition(&mut self, transition: &automat::Transition) {
            self.log.push(transition.to_string());
        }

        fn on_refused(&mut self, _refused: &automat::NoTransition) {
            self.refused += 1;
        }
    }

    impl Core {
        /// Beep, then start the motor: the door never moves without a warning.
        fn start(&mut self, motor: Motor) {
            // Stands in for a driver call that can fail.
            assert!(!self.jammed, "the motor is jammed");
            self.beeps += 1;
            self.motor = motor;
        }
    }

    /// The door is down and the motor is off.
    #[state(initial)]
    #[derive(Debug, PartialEq)]
    pub struct Closed;

    /// The motor lifts the door until the open sensor fires.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Opening;

    /// The door is up and the motor is off.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Opened {
        /// Whether something stands in the doorway, breaking the safety beam.
        pub blocked: bool,
    }

    /// The motor lowers the door until the close sensor fires.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Closing;

    /// Where pushing the button of an open door leads.
    #[branch]
    pub enum Close {
        /// The doorway is clear: the door closes.
        Closing(Closing),
        /// Something is in the way: the door stays open.
        Blocked(Opened),
    }

    #[transitions]
    impl Closed {
        /// Beep, and lift the door.
        fn push_button(self, core: &mut Core) -> Opening {
            core.start(Motor::Up);
            Opening
        }
    }

    #[transitions]
    impl Opening {
        /// Fully open: stop the motor.
        fn open_sensor(self, core: &mut Core) -> Opened {
            core.motor = Motor::Stopped;
            Opened { blocked: false }
        }
    }

    #[transitions]
    impl Opened {
        /// A loop: the door stays open, and remembers the beam.
        fn beam(&mut self, _core: &mut Core, broken: bool) -> bool {
            self.blocked = broken;
            !broken
        }

        /// A branch: beep and lower the door, unless something is in the way.
        fn push_button(self, core: &mut Core) -> Close {
            if self.blocked {
                Close::Blocked(self)
            } else {
                core.start(Motor::Down);
                Close::Closing(Closing)
            }
        }
    }

    #[transitions]
    impl Closing {
        /// Someone is in the way: beep, and lift the door again.
        fn push_button(self, core: &mut Core) -> Opening {
            core.start(Motor::Up);
            Opening
        }

        /// Fully closed: stop the motor.
        fn close_sensor(self, core: &mut Core) -> Closed {
            core.motor = Motor::Stopped;
            Closed
        }
    }
}
