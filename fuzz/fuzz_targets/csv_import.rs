//! Arbitrary bytes through the four CSV importers, into a copy of a small valid workspace
//! (`fuzz/fixtures/import-base.json`: two services, a partner, a project, a commitment, a
//! monthly indicator, a staff rate with a minimum group size, a calculated indicator).
//!
//! Input layout: the first byte picks the importer (`m`easurements, `p`rojects, pa`r`tners,
//! `c`ommitments; any other byte picks by its value modulo 4), the rest is the CSV file
//! (bytes, not necessarily UTF-8: the importers read bytes).
//!
//! Invariants: importing never panics; on `Err` the workspace is unchanged (same JSON before
//! and after) and every problem names a path under the file's name; on `Ok` the workspace
//! still validates, saves and loads back equal, and the summary counts add up (`added +
//! replaced <= rows`).

#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotage::Workspace;
use pilotage::io::import;

const BASE: &str = include_str!("../fixtures/import-base.json");
const SOURCE: &str = "file.csv";

fuzz_target!(|data: &[u8]| {
    let Some((&kind, csv)) = data.split_first() else {
        return;
    };
    let base = Workspace::from_json(BASE);
    assert!(base.is_ok(), "the base workspace of the fuzz target must be valid: {base:?}");
    let Ok(mut ws) = base else {
        return;
    };
    let before = ws.to_json().unwrap_or_default();
    let result = match kind {
        b'm' => import::measurements(&mut ws, csv, SOURCE),
        b'p' => import::projects(&mut ws, csv, SOURCE),
        b'r' => import::partners(&mut ws, csv, SOURCE),
        b'c' => import::commitments(&mut ws, csv, SOURCE),
        k => match k % 4 {
            0 => import::measurements(&mut ws, csv, SOURCE),
            1 => import::projects(&mut ws, csv, SOURCE),
            2 => import::partners(&mut ws, csv, SOURCE),
            _ => import::commitments(&mut ws, csv, SOURCE),
        },
    };
    match result {
        Err(e) => {
            assert_eq!(
                ws.to_json().unwrap_or_default(),
                before,
                "a failed import changed the workspace: {e}"
            );
            assert!(!e.to_string().is_empty());
            for p in e.problems() {
                assert!(p.path.to_string().starts_with(SOURCE) && !p.message.is_empty(), "{p:?}");
            }
        }
        Ok(summary) => {
            assert!(summary.added + summary.replaced <= summary.rows, "{summary:?}");
            let problems = ws.problems();
            assert!(problems.is_empty(), "an accepted import left problems: {problems:?}");
            let json = ws.to_json();
            assert!(json.is_ok(), "a workspace after an import must save: {json:?}");
            if let Ok(json) = json {
                assert_eq!(Workspace::from_json(&json).as_ref(), Ok(&ws), "saved as {json}");
            }
        }
    }
});
