//! A garage door, after the tutorial of Python's Automat: one button, two limit sensors, a
//! motor and a warning beeper.

/// A garage door: one button moves it, and a sensor at each end of the rail stops it.
///
/// The door beeps before it starts to move. Pressing the button while the door closes
/// reverses it (someone is in the way); pressing it while the door opens does nothing — it is
/// not an accepted input there.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq), serde)]
pub mod garage_door {
    /// The events that reach the door's controller.
    pub trait GarageDoor {
        /// Someone presses the wall button (or the remote).
        fn push_button(&mut self);
        /// The sensor at the top of the rail: the door is fully open.
        fn open_sensor(&mut self);
        /// The sensor at the bottom of the rail: the door is fully closed.
        fn close_sensor(&mut self);
    }

    /// Which way the motor turns.
    #[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub enum Motor {
        /// The motor is off.
        #[default]
        Stopped,
        /// The motor lifts the door.
        Up,
        /// The motor lowers the door.
        Down,
    }

    /// The hardware the states drive: the motor and the warning beeper.
    #[core]
    #[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Core {
        /// What the motor is doing now.
        pub motor: Motor,
        /// How many times the door has beeped a warning, ever.
        pub beeps: u32,
    }

    impl Core {
        /// Beeps, then starts the motor: the door never moves without a warning.
        fn start(&mut self, motor: Motor) {
            self.beeps += 1;
            self.motor = motor;
        }
    }

    /// The door is down and the motor is off.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Closed;

    /// The motor lifts the door until the open sensor fires.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Opening;

    /// The door is up and the motor is off.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Opened;

    /// The motor lowers the door until the close sensor fires.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Closing;

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
            Opened
        }
    }

    #[transitions]
    impl Opened {
        /// Beep, and lower the door.
        fn push_button(self, core: &mut Core) -> Closing {
            core.start(Motor::Down);
            Closing
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
