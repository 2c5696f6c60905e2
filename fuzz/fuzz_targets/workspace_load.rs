//! Arbitrary bytes, as UTF-8, through the workspace loader and validation.
//!
//! Invariants: loading never panics; `from_json` accepts exactly the texts that decode
//! (`parse_json`) with no validation problem; every problem names a path; an accepted
//! workspace saves (`to_json`) and loads back equal to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pilotage::Workspace;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let decoded = Workspace::parse_json(text);
    let valid_when_decoded = match &decoded {
        Ok(ws) => {
            let problems = ws.problems();
            for p in &problems {
                assert!(!p.path.is_empty() && !p.message.is_empty(), "{p:?}");
            }
            Some(problems.is_empty())
        }
        Err(e) => {
            for p in e.problems() {
                assert!(!p.path.is_empty() && !p.message.is_empty(), "{p:?}");
            }
            None
        }
    };

    let loaded = Workspace::from_json(text);
    assert_eq!(loaded.is_ok(), valid_when_decoded == Some(true), "{loaded:?}");
    if let Err(e) = &loaded {
        assert!(!e.to_string().is_empty());
        for p in e.problems() {
            assert!(!p.path.is_empty() && !p.message.is_empty(), "{p:?}");
        }
    }
    if let Ok(ws) = loaded {
        let json = ws.to_json();
        assert!(json.is_ok(), "a valid workspace must save: {json:?}");
        if let Ok(json) = json {
            assert_eq!(Workspace::from_json(&json), Ok(ws), "saved as {json}");
        }
    }
});
