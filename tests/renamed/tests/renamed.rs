//! Both machines of a crate that names automat `fsm` run, and describe themselves, as any other.

use automat_renamed::{quoted, switch};

#[test]
fn a_machine_of_a_renamed_dependency_runs() {
    let mut machine = switch::Dynamic::new(switch::Flips::default(), switch::Off);
    assert_eq!(machine.flip(), Ok(1));
    assert_eq!(machine.state(), &switch::State::On(switch::On));
    assert_eq!(machine.flip(), Ok(2));
    let typed = switch::Machine::new(switch::Flips(5), switch::Off);
    let (typed, flips) = typed.flip();
    assert_eq!((typed.state(), flips), (&switch::On, 6));
    let mut quoted = quoted::Dynamic::new(quoted::Off);
    assert_eq!(quoted.flip(), Ok(()));
    assert_eq!(quoted.state_name(), "On");
    let description: &fsm::Description = &switch::DESCRIPTION;
    assert_eq!(description.states.len(), 2);
}
