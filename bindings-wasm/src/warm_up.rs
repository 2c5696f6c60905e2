//! The warm-up run while the module loads.
//!
//! Browsers compile a WebAssembly function on its first call (lazily, then optimise the hot
//! ones). Measured in Chromium with a profile of the sample city's first `evaluate`, about
//! two thirds of its time was that compilation, not the computation. The module's start
//! function therefore opens, evaluates and explains the core's small exercise workspace
//! ([`pilotage::sample::exercise_json`]: every metric, measured, monthly and calculated
//! indicators, one link) and builds its headline figures and their JS objects, so that the
//! code a page's first evaluation needs is compiled during `init()`, while the page is
//! still fetching its workspace. It computes nothing for the page, and its results are
//! dropped; `warmedUp()` tells whether it ran through (the Node tests check it).

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;

use crate::workspace::JsWorkspace;

static WARMED_UP: AtomicBool = AtomicBool::new(false);

/// Evaluate the exercise workspace through the same methods a page calls; `true` when every
/// step succeeded.
pub fn warm_up() -> bool {
    let Ok(ws) = JsWorkspace::from_json(&pilotage::sample::exercise_json()) else { return false };
    let period = "2025-Q4";
    // the widget's default language is French: its explanations are what a page shows
    ws.evaluate(period).is_ok()
        && ws.headline(period, None).is_ok()
        && ws.explain("m0", period, Some("fr".to_string())).is_ok()
}

/// The module's start function (run by `init()` in a browser, on import in Node).
#[wasm_bindgen(start)]
pub fn start() {
    WARMED_UP.store(warm_up(), Ordering::Relaxed);
}

/// Whether the warm-up at load ran through (see the module docs).
#[wasm_bindgen(js_name = warmedUp)]
pub fn warmed_up() -> bool {
    WARMED_UP.load(Ordering::Relaxed)
}
