//! Benchmarks of pilotage (see README.md).
