//! Reports: SVG pictures and one self-contained HTML report of the scorecard, the strategy
//! map, indicator cards, the portfolio and the partnerships.
//!
//! The renderers read their own view-models ([`model`]), plain data that thin adapters fill
//! from the engine's results, and write strings: SVG fragments (usable alone in a notebook
//! or a page) and an HTML document with inline CSS and inline SVG (no script, no network,
//! prints to A4). Every workspace string is escaped ([`escape`]); labels, numbers, money,
//! dates and periods follow the [`Locale`](crate::locale::Locale); output is deterministic (same view, same bytes).
//!
//! ```
//! use pilotage::locale::Locale;
//! use pilotage::report::{self, ReportView};
//! let html = report::html(&ReportView::default(), Locale::Fr);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! ```

pub mod adapter;
pub mod card;
pub mod escape;
pub mod html;
pub mod model;
pub mod overview;
pub mod partnership;
pub mod portfolio;
pub mod strategy_map;
pub mod svg;

#[cfg(test)]
pub(crate) mod fixture;

pub use adapter::{
    History, ReportOptions, evaluation_overview_svg, html_report, indicator_card_for, overview_svg_for,
    report_view, strategy_map_svg_for,
};
pub use card::indicator_card_svg;
pub use html::html;
pub use model::*;
pub use overview::{overview_html, overview_svg};
pub use partnership::partnership_svg;
pub use portfolio::portfolio_svg;
pub use strategy_map::strategy_map_svg;
