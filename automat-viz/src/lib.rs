//! Diagrams of automat machines. (Work in progress: see the issue tracker.)
