#[automat::machine(derive(Debug, PartialEq))]
pub mod garage {
    /// What can happen to a garage door's controller: its inputs.
    pub trait GarageDoor {
        /// Someone presses the button on the wall.
        fn push_button(&mut self);
        /// The sensor at the top of the rail: the door is fully open.
        fn open_sensor(&mut self);
        /// The sensor at the bottom of the rail: the door is fully closed.
        fn close_sensor(&mut self);
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
    }

    impl Core {
        /// Beep, then start the motor: the door never moves without a warning.
        fn start(&mut self, motor: Motor) {
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
    pub struct Opened;

    /// The motor lowers the door until the close sensor fires.
    #[state]
    #[derive(Debug, PartialEq)]
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
