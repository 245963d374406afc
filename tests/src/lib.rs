//! Machines shared by the integration tests.
