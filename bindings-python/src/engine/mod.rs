//! The engine's results (`Evaluation`, `EvaluationRange`, `NodeResult`, `Trend`, `Forecast`) and
//! `Workspace`'s evaluation methods, as the core's `engine` computes them.

pub mod evaluation;
