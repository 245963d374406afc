//! Example machines, shared by the runnable examples, the tests and automat-viz.
