//! Ids that look alike are the same id (issue #14): invisible characters, combining marks,
//! characters that Unicode normalisation replaces, and ids that differ only by case are
//! refused by every input path (JSON load, the edit API and its `Adder`), each with a typed
//! error naming where; and a loop of single `add_*` calls finds ids through the workspace's
//! index (linear), which stays right when the public lists are changed by hand and is never
//! part of the data (serialised form, equality).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a test failure

use pilotage::{Error, Partner, PartnerKind, Service, Workspace};
use serde_json::{Value, json};

fn partner(id: &str) -> Partner {
    Partner { id: id.to_string(), name: "P".into(), kind: PartnerKind::Region, joined: None }
}

fn service(id: &str) -> Service {
    Service { id: id.to_string(), name: "S".into() }
}

fn file(partners: &[&str]) -> String {
    let partners: Vec<Value> =
        partners.iter().map(|id| json!({ "id": id, "name": "P", "kind": "region" })).collect();
    json!({ "schema_version": 2, "organisation": "Ville", "partners": partners }).to_string()
}

/// The problems of loading a file with these partner ids.
fn load_problems(partners: &[&str]) -> Vec<(String, String)> {
    match Workspace::from_json(&file(partners)) {
        Ok(_) => vec![],
        Err(Error::Invalid(p)) => p.0.into_iter().map(|p| (p.path.to_string(), p.message)).collect(),
        Err(e) => panic!("not a validation error: {e}"),
    }
}

/// The ids refused on their own, with a word of the message each must carry.
const REFUSED: &[(&str, &str)] = &[
    ("p\u{200B}1", "invisible character U+200B"),
    ("p\u{200C}1", "invisible character U+200C"),
    ("p\u{200D}1", "invisible character U+200D"),
    ("p\u{2060}1", "invisible character U+2060"),
    ("\u{FEFF}p1", "invisible character U+FEFF"),
    ("p1\u{202E}", "invisible character U+202E"),
    ("p\u{2067}1", "invisible character U+2067"),
    ("p\u{200E}1", "invisible character U+200E"),
    ("p\u{00AD}1", "invisible character U+00AD"),
    ("p\u{0007}1", "control character U+0007"),
    ("p\u{00A0}1", "space character U+00A0"),
    (" p1", "starts or ends with a space"),
    ("p1 ", "starts or ends with a space"),
    ("cafe\u{0301}", "combining mark U+0301 after \"e\": write the letter precomposed"),
    ("\u{212A}m", "U+212A, which Unicode normalisation (NFC) replaces"),
    ("   ", "the id is empty"),
];

#[test]
fn invisible_characters_combining_marks_and_non_nfc_ids_are_refused_on_load_with_their_path() {
    for (id, word) in REFUSED {
        let problems = load_problems(&["ok", id]);
        assert_eq!(problems.len(), 1, "{id:?}: {problems:?}");
        assert_eq!(problems[0].0, "partners[1].id", "{id:?}");
        assert!(problems[0].1.contains(word), "{id:?}: {}", problems[0].1);
    }
}

#[test]
fn the_same_ids_are_refused_by_the_edit_api_naming_the_slot() {
    for (id, word) in REFUSED {
        let mut ws = Workspace::new("Ville");
        ws.add_partner(partner("ok")).unwrap();
        match ws.add_partner(partner(id)) {
            Err(Error::Invalid(p)) => {
                assert_eq!(p.0[0].path, "partners[1].id", "{id:?}");
                assert!(p.0[0].message.contains(word), "{id:?}: {}", p.0[0].message);
            }
            other => panic!("{id:?}: {other:?}"),
        }
        assert_eq!(ws.partners.len(), 1);
        // The Adder (DataFrame imports, Python keyword loops) applies the same rule.
        let mut adder = ws.adder();
        assert!(matches!(adder.add_partner(partner(id)), Err(Error::Invalid(_))), "{id:?}");
    }
}

#[test]
fn precomposed_letters_and_other_scripts_are_accepted() {
    let ids = ["café", "Öffentliche-Ordnung", "Ωμέγα", "город", "東京", "p 1", "x-1_a.b"];
    assert_eq!(load_problems(&ids), vec![]);
    let mut ws = Workspace::new("Ville");
    for id in ids {
        ws.add_partner(partner(id)).unwrap();
    }
}

#[test]
fn ids_that_differ_only_by_case_are_confusable_duplicates() {
    let problems = load_problems(&["p-1", "q", "P-1"]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, "partners[2].id");
    assert!(
        problems[0].1.contains("differs from \"p-1\" (at partners[0].id) only by case"),
        "{}",
        problems[0].1
    );
    // The same exact id stays a plain duplicate.
    assert_eq!(
        load_problems(&["p-1", "p-1"]),
        vec![("partners[1].id".into(), "duplicate id \"p-1\"".into())]
    );

    let mut ws = Workspace::new("Ville");
    ws.add_partner(partner("p-1")).unwrap();
    let err = ws.add_partner(partner("P-1")).unwrap_err();
    assert!(matches!(err, Error::Argument { name: "id", .. }));
    assert!(err.to_string().contains("differs from the partner \"p-1\" only by case"), "{err}");
    assert!(ws.add_partner(partner("p-1")).unwrap_err().to_string().contains("is taken already"));
    assert_eq!(ws.partners.len(), 1);
}

#[test]
fn scorecard_nodes_share_one_case_folded_set_of_ids() {
    let text = json!({
        "schema_version": 2, "organisation": "Ville",
        "indicators": [{ "id": "Km", "name": "K", "frequency": "quarterly",
                         "scoring": { "method": "ratio_to_target" } }],
        "scorecard": { "perspectives": [{ "id": "km", "name": "P" }] }
    })
    .to_string();
    let Err(Error::Invalid(p)) = Workspace::from_json(&text) else { panic!("accepted") };
    let p: Vec<_> = p.0.iter().filter(|p| p.message.contains("only by case")).collect();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].path, "indicators[0].id");
    assert!(p[0].message.contains("(at scorecard.perspectives[0].id)"), "{}", p[0].message);
}

#[test]
fn the_sample_city_and_the_version_1_files_still_open() {
    let ws = pilotage::sample::city();
    Workspace::from_json(&ws.to_json().unwrap()).unwrap();
    for name in ["sample-city.json", "template.json"] {
        let path = format!("{}/tests/fixtures/v1/{name}", env!("CARGO_MANIFEST_DIR"));
        Workspace::open(&path).unwrap();
    }
}

#[test]
fn the_index_notices_lists_changed_by_hand() {
    let mut ws = Workspace::new("Ville");
    ws.add_service(service("a")).unwrap();
    // pushed by hand: seen (the length changed)
    ws.services.push(service("b"));
    assert!(ws.add_service(service("B")).is_err());
    // removed by hand: free again
    ws.services.retain(|s| s.id != "a");
    ws.add_service(service("a")).unwrap();
    // replaced by hand at the same length: the last id changed
    ws.services.pop();
    ws.services.push(service("c"));
    assert!(ws.add_service(service("c")).is_err());
    ws.add_service(service("a")).unwrap();
    // renamed in place: a position found is checked against the list
    ws.services[0].id = "z".into();
    ws.add_service(service("b")).unwrap();
    let ids: Vec<_> = ws.services.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["z", "c", "a", "b"]);
    ws.validate().unwrap();
}

#[test]
fn the_index_is_not_data_it_changes_neither_the_json_nor_equality() {
    let mut built = Workspace::new("Ville");
    for k in 0..50 {
        built.add_partner(partner(&format!("p{k}"))).unwrap();
    }
    let mut by_hand = Workspace::new("Ville");
    by_hand.partners = (0..50).map(|k| partner(&format!("p{k}"))).collect();
    assert_eq!(built, by_hand);
    assert_eq!(built.to_json().unwrap(), by_hand.to_json().unwrap());
    assert!(!built.to_json().unwrap().contains("index"));
    let copy = built.clone();
    assert_eq!(copy, built);
    let schema = serde_json::to_string(&pilotage::io::schema::workspace_schema()).unwrap_or_default();
    assert!(!schema.contains("id_index"));
}

#[test]
fn single_add_calls_find_ids_through_the_index() {
    // 20,000 single calls: a scan per call made this about 200 million comparisons (seconds
    // in a debug build); with the index it is a few milliseconds. Bounded loosely, for a
    // shared machine.
    let mut ws = Workspace::new("Ville");
    let t = std::time::Instant::now();
    for k in 0..20_000 {
        ws.add_partner(partner(&format!("partner-{k}"))).unwrap();
    }
    assert!(ws.add_partner(partner("PARTNER-19999")).is_err());
    assert!(t.elapsed().as_secs_f64() < 1.5, "{:?}", t.elapsed());
}

#[test]
fn case_folding_agrees_with_unicode_lower_case_on_the_scripts_it_covers() {
    use pilotage::model::validation::fold_id;
    let ranges = [0x00..0x180, 0x386..0x3CF, 0x400..0x460];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let lower: Vec<char> = c.to_lowercase().collect();
        let folded = fold_id(&c.to_string());
        if lower.len() == 1 {
            assert_eq!(folded, lower[0].to_string(), "U+{:04X}", u32::from(c));
        }
    }
    assert_eq!(fold_id("Élan-ŒUVRE-Город-ΑΘΉΝΑ"), "élan-œuvre-город-αθήνα");
    let mut ws = Workspace::new("Ville");
    ws.add_partner(partner("élan")).unwrap();
    assert!(ws.add_partner(partner("ÉLAN")).is_err());
}
