#[automat::machine]
pub mod opener {
    use tokio::sync::mpsc::Sender;

    /// A garage door whose motor is driven by a task of its own, through a channel.
    pub trait GarageDoor {
        /// Someone presses the button: the motor is told to move, which waits while the
        /// motor's task is still busy with the last command.
        async fn push_button(&mut self);
        /// The sensor at the top of the rail: the door is fully open.
        fn open_sensor(&mut self);
        /// The sensor at the bottom of the rail: the door is fully closed.
        fn close_sensor(&mut self);
        /// The light switch: the motor unit switches the light too, so this waits as well;
        /// the output is how often the light was switched.
        async fn light(&mut self) -> u32;
    }

    /// What the motor's task is told.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Command {
        /// Lift the door.
        Up,
        /// Lower the door.
        Down,
        /// Switch the light.
        Light,
    }

    /// The channel to the motor's task, and a count of the light switched.
    #[core]
    #[derive(Debug)]
    pub struct Core {
        /// Commands to the motor's task; it holds one at a time.
        pub motor: Sender<Command>,
        /// How often the light was switched.
        pub lights: u32,
    }

    impl Core {
        /// Tells the motor's task `command`, waiting while it is busy with the last one.
        async fn send(&mut self, command: Command) {
            // A motor task that has stopped has nothing left to drive.
            let _ = self.motor.send(command).await;
        }
    }

    /// Closed, at rest.
    #[state(initial)]
    #[derive(Debug, PartialEq)]
    pub struct Closed;

    /// Going up.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Opening;

    /// Open, at rest.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Opened;

    /// Going down.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Closing;

    #[transitions]
    impl Closed {
        async fn push_button(self, core: &mut Core) -> Opening {
            core.send(Command::Up).await;
            Opening
        }

        async fn light(&mut self, core: &mut Core) -> u32 {
            core.send(Command::Light).await;
            core.lights += 1;
            core.lights
        }
    }

    #[transitions]
    impl Opening {
        fn open_sensor(self, _core: &mut Core) -> Opened {
            Opened
        }
    }

    #[transitions]
    impl Opened {
        async fn push_button(self, core: &mut Core) -> Closing {
            core.send(Command::Down).await;
            Closing
        }
    }

    #[transitions]
    impl Closing {
        fn close_sensor(self, _core: &mut Core) -> Closed {
            Closed
        }
    }
}
