//! Hostile input: huge, deep or out-of-range data. Each case has a defined outcome (a typed
//! error, or a `Problem` naming where it is), asserted here; none may panic, overflow the
//! stack (these tests run in debug builds too, on the test harness's 2 MiB threads) or run
//! unbounded. The limits are listed in docs/limits.md.

// The helpers below fail the test that calls them, on purpose.
#![allow(clippy::panic, clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::load_problems;
use std::io::{Cursor, Read};
use std::time::Instant;

use pilotage::engine::expression::{Expr, MAX_DEPTH, MAX_LEN, MAX_OPERATORS};
use pilotage::model::workspace::MAX_FILE_BYTES;
use pilotage::{Error, FundingStatus, Problem, Workspace};

/// A one-line workspace around the given JSON members (after `organisation`).
fn ws(members: &str) -> String {
    format!(r#"{{"schema_version":1,"organisation":"Ville","services":[{{"id":"s","name":"S"}}]{members}}}"#)
}

/// One measured indicator whose single measurement is `measurement` (a JSON object body).
fn with_measurement(measurement: &str) -> String {
    ws(&format!(
        r#","indicators":[{{"id":"i","name":"I","frequency":"quarterly","scoring":{{"method":"band","low":0,"high":1,"tolerance":1}},"measurements":[{{{measurement}}}]}}]"#
    ))
}

/// One project whose `planned_cost` is the JSON value `cost`.
fn with_cost(cost: &str) -> String {
    ws(&format!(
        r#","projects":[{{"id":"p","title":"P","lead_service":"s","stages":[{{"stage":"registered","date":"2024-01-02"}}],"planned_cost":{cost}}}]"#
    ))
}

/// The only problem of `text`, which must be at `path`.
fn only_problem_at(text: &str, path: &str) -> Problem {
    let p = load_problems(text);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].path, path, "{p:#?}");
    p[0].clone()
}

/// 1-based column of the first occurrence of `needle` in a one-line text.
fn column_of(text: &str, needle: &str) -> u64 {
    text.find(needle).expect("needle present") as u64 + 1
}

// ---------------------------------------------------------------------------------------
// Size: a 1 GB string field.

/// A reader of a workspace whose organisation name is `len` bytes of `x`, produced lazily
/// (nothing of that size is ever allocated by the reader), counting the bytes taken from it.
struct HugeName {
    inner: Box<dyn Read>,
    taken: u64,
}

impl HugeName {
    fn new(len: u64) -> HugeName {
        let head = Cursor::new(br#"{"schema_version":1,"organisation":""#.to_vec());
        let tail = Cursor::new(br#""}"#.to_vec());
        HugeName { inner: Box::new(head.chain(std::io::repeat(b'x').take(len)).chain(tail)), taken: 0 }
    }
}

impl Read for HugeName {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.taken += n as u64;
        Ok(n)
    }
}

#[test]
fn a_text_over_the_size_limit_is_refused_before_parsing() {
    // The size check is the same code for every limit; a 1 MiB limit keeps the test small.
    let limit = 1 << 20;
    let valid = ws("");
    let padded = format!("{valid}{}", " ".repeat(limit - valid.len()));
    assert_eq!(padded.len(), limit);
    assert!(Workspace::from_json_with_limit(&padded, limit).is_ok(), "exactly at the limit is accepted");
    let over = format!("{padded} ");
    match Workspace::from_json_with_limit(&over, limit) {
        Err(Error::Argument { name: "text", message }) => {
            assert!(message.contains("at most 1048576 bytes"), "{message}");
            assert!(message.contains("1048577 bytes"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    // A caller cannot raise the limit above MAX_FILE_BYTES: usize::MAX means MAX_FILE_BYTES.
    assert!(Workspace::from_json_with_limit(&padded, usize::MAX).is_ok());
}

#[test]
fn a_1_gb_string_field_from_a_reader_stops_after_the_limit() {
    let limit = 1 << 20;
    let mut reader = HugeName::new(1 << 30);
    let result = Workspace::from_reader_with_limit(&mut reader, limit);
    assert!(matches!(result, Err(Error::Argument { name: "text", .. })), "{result:?}");
    // limit + 1 bytes were read, not the gigabyte.
    assert_eq!(reader.taken, limit as u64 + 1);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "allocates MAX_FILE_BYTES (256 MiB): run by scripts/test.d/hostile.sh in release"
)]
fn a_1_gb_string_field_is_refused_at_max_file_bytes() {
    let mut reader = HugeName::new(1 << 30);
    let result = Workspace::from_reader(&mut reader);
    assert!(matches!(result, Err(Error::Argument { name: "text", .. })), "{result:?}");
    assert_eq!(reader.taken, MAX_FILE_BYTES as u64 + 1);
    // The same limit through from_json: one byte over 256 MiB.
    let text = format!("{}{}", ws(""), " ".repeat(MAX_FILE_BYTES + 1 - ws("").len()));
    assert!(matches!(Workspace::from_json(&text), Err(Error::Argument { name: "text", .. })));
}

#[test]
fn a_file_over_the_limit_is_refused_from_its_size_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("pilotage-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.json");
    // A sparse file: its length is over the limit but no disk block is written.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_FILE_BYTES as u64 + 1).unwrap();
    drop(f);
    let result = Workspace::open(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    match result {
        Err(Error::Argument { name: "text", message }) => {
            assert!(message.contains("268435457 bytes"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Many records: 10^6 objectives.

/// A workspace with one perspective and `n` objectives, one per line; objective `i` gets
/// the members `extra(i)`.
fn many_objectives(n: usize, extra: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(n * 64 + 256);
    // Line 1: the header; objectives start on line 2.
    s.push_str(r#"{"schema_version":1,"organisation":"Ville","scorecard":{"perspectives":[{"id":"p","name":"P"}],"objectives":["#);
    for i in 0..n {
        s.push_str(if i == 0 { "\n" } else { ",\n" });
        s.push_str(&format!(r#"{{"id":"o{i}","name":"O","perspective":"p"{}}}"#, extra(i)));
    }
    // A chain of links o0 -> o1 -> ... -> o999 for the cycle search.
    s.push_str("\n],\"links\":[");
    for i in 0..999 {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(r#"{{"from":"o{i}","to":"o{}"}}"#, i + 1));
    }
    s.push_str("]}}");
    s
}

#[test]
fn a_million_objectives_load_and_validate_in_bounded_time() {
    let n = 1_000_000;
    let text = many_objectives(n, |_| String::new());
    let start = Instant::now();
    let ws = Workspace::from_json(&text).unwrap();
    let elapsed = start.elapsed();
    assert_eq!(ws.scorecard.objectives.len(), n);
    assert_eq!(ws.scorecard.objectives[n - 1].id, "o999999");
    assert_eq!(ws.scorecard.links.len(), 999);
    eprintln!("10^6 objectives ({} MB): loaded and validated in {elapsed:?}", text.len() / 1_000_000);
    if !cfg!(debug_assertions) {
        // Linear work takes about a second in release; a quadratic step would take hours.
        assert!(elapsed.as_secs() < 60, "{elapsed:?}");
    }
}

#[test]
fn a_million_undecodable_objectives_are_each_reported_at_their_line() {
    let n = 1_000_000;
    // Every objective has a weight that is not a number: a decoding problem per record,
    // each located in the file (locating them must not rescan the file each time).
    let text = many_objectives(n, |_| r#","weight":"heavy""#.to_string());
    let start = Instant::now();
    let p = load_problems(&text);
    let elapsed = start.elapsed();
    eprintln!("10^6 undecodable objectives: {} problems in {elapsed:?}", p.len());
    // One problem per objective; the links to undecoded objectives are not reported again.
    assert_eq!(p.len(), n);
    assert_eq!(p[0].path, "scorecard.objectives[o0].weight");
    assert_eq!(p[0].line, Some(2));
    let last = &p[n - 1];
    assert_eq!(last.path, "scorecard.objectives[o999999].weight");
    // Objective i is on line i + 2.
    assert_eq!(last.line, Some(1_000_001));
    // `{"id":"o999999","name":"O","perspective":"p","weight":"heavy"}`: "heavy" ends at
    // column 1 + 15 + 11 + 18 + 9 + 7 = 61. A weight is a number or a list (an untagged
    // choice), so the error comes once the whole value is read: at the `}` after it, 62.
    assert_eq!(last.column, Some(62));
    if !cfg!(debug_assertions) {
        assert!(elapsed.as_secs() < 60, "{elapsed:?}");
    }
}

#[test]
fn problem_positions_are_right_when_sections_are_decoded_out_of_file_order() {
    // The scorecard is decoded before the indicators, but here it comes after them in the file.
    let text = "{\"schema_version\":1,\"organisation\":\"Ville\",\n\
                \"indicators\":[{\"id\":\"i\",\"name\":\"I\",\"frequency\":\"weekly\",\"scoring\":{\"method\":\"band\",\"low\":0,\"high\":1,\"tolerance\":1}}],\n\
                \"scorecard\":{\"perspectives\":[{\"id\":\"p\",\"name\":\"P\",\"weight\":\"x\"}]},\n\
                \"partners\":[\n{\"id\":\"b\",\"name\":\"B\",\"kind\":\"bank\",\"joined\":\"1899-12-31\"},\n{\"id\":\"c\",\"name\":\"C\",\"kind\":\"moon\"}]}";
    let p = load_problems(text);
    let find = |path: &str| p.iter().find(|x| x.path == path).unwrap_or_else(|| panic!("{path}: {p:#?}"));
    // Line 2: `"indicators":[{"id":"i","name":"I","frequency":"weekly"` is 13 + 1 + 1 + 9 +
    // 11 + 12 + 8 = 55 characters; the error is at the closing quote of "weekly".
    let f = find("indicators[i].frequency");
    assert_eq!((f.line, f.column), (Some(2), Some(55)));
    // Line 3: `"scorecard":{"perspectives":[{"id":"p","name":"P","weight":"x"` is 12 + 1 + 15 +
    // 1 + 1 + 9 + 11 + 9 + 3 = 62 characters; a weight is an untagged choice, so the error
    // is at the character after the value: 63.
    let w = find("scorecard.perspectives[p].weight");
    assert_eq!((w.line, w.column), (Some(3), Some(63)));
    // Line 6: `{"id":"c","name":"C","kind":"moon"` is 1 + 9 + 11 + 7 + 6 = 34 characters.
    let k = find("partners[c].kind");
    assert_eq!((k.line, k.column), (Some(6), Some(34)));
    // A validation problem (no position) for the decoded partner b.
    assert!(find("partners[b].joined").line.is_none());
    assert_eq!(p.len(), 4, "{p:#?}");
}

// ---------------------------------------------------------------------------------------
// Depth: formulas and JSON.

#[test]
fn an_expression_nested_100000_deep_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let e = Expr::parse(&deep).unwrap_err();
    // Over the length limit first: refused before any parsing.
    assert_eq!(e.position, MAX_LEN);
    // Within the length limit, the depth limit: the top level counts as one level, so the
    // 64th parenthesis opens level 65 and the error is reported just after it, at character 65.
    let within = format!("{}1{}", "(".repeat(2000), ")".repeat(2000));
    let e = Expr::parse(&within).unwrap_err();
    assert!(e.message.contains("nested more than 64 levels"), "{e}");
    assert_eq!(e.position, MAX_DEPTH + 1);
    // In a workspace: a problem at the formula's path.
    let text = ws(&format!(
        r#","indicators":[{{"id":"i","name":"I","frequency":"yearly","scoring":{{"method":"band","low":0,"high":1,"tolerance":1}},"source":{{"kind":"calculated","expression":"{deep}"}}}}]"#
    ));
    let p = only_problem_at(&text, "indicators[i].source.expression");
    assert!(p.message.contains("at most 4096 characters"), "{p}");
}

#[test]
fn a_long_flat_formula_is_bounded_by_the_operator_limit() {
    // Regression: 2048 `a`s joined by 2047 `*`s (4095 characters, under MAX_LEN) parsed into
    // a left-nested tree 2047 levels deep, and evaluating it overflowed the 2 MiB stack of a
    // test thread in a debug build. Now a formula has at most MAX_OPERATORS operators.
    let src = vec!["a"; 2048].join("*");
    assert_eq!(src.len(), 4095);
    let e = Expr::parse(&src).unwrap_err();
    assert!(e.message.contains("at most 256 operators"), "{e}");
    // The 257th `*` is character 2 * 257 = 514.
    assert_eq!(e.position, 514);
    // The largest flat formula: 257 `a`s, 256 operators, evaluated, printed and dropped here.
    let src = vec!["a"; MAX_OPERATORS + 1].join("*");
    let e = Expr::parse(&src).unwrap();
    // 1 ^ 257 = 1; 2 ^ 257 ≈ 2.3e77, finite; (1e300) ^ 257 overflows: an issue, not infinity.
    assert_eq!(e.eval(&|_| Some(1.0)), Ok(1.0));
    assert_eq!(e.eval(&|_| Some(2.0)), Ok(2f64.powi(257)));
    assert_eq!(e.eval(&|_| Some(1e300)), Err(pilotage::engine::expression::EvalIssue::Overflow));
    assert_eq!(e.to_string().len(), 257 + 256 * 3, "`a * a * ...`: a space each side of each `*`");
    assert_eq!(e.references(), vec!["a"]);
    // The deepest tree the limits allow around it: 31 `-(` ... `)` (62 levels, plus the top
    // level) around the 256-operator chain.
    let deepest = format!("{}{}{}", "-(".repeat(31), src, ")".repeat(31));
    let e = Expr::parse(&deepest).unwrap();
    assert_eq!(e.eval(&|_| Some(1.0)), Ok(-1.0), "31 negations of 1 give -1");
    assert_eq!(Expr::parse(&e.to_string()), Ok(e));
}

#[test]
fn deeply_nested_json_is_an_error_at_serde_json_s_recursion_limit() {
    // An untyped position (a weight may be a number or a list): serde_json refuses nesting
    // deeper than 128 levels with an error instead of recursing.
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = ws(&format!(r#","scorecard":{{"perspectives":[{{"id":"p","name":"P","weight":{nested}}}]}}"#));
    let p = load_problems(&text);
    assert_eq!(p.len(), 1, "{p:#?}");
    // The path goes down the arrays as far as serde_json went (`weight[0][0]...`).
    assert!(p[0].path.to_string().starts_with("scorecard.perspectives[p].weight[0][0]"), "{}", p[0].path);
    assert!(p[0].message.contains("recursion limit exceeded"), "{}", p[0]);
    // 129 levels is refused; 100 is an ordinary type error (not a weight).
    let at = |depth: usize| {
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let text =
            ws(&format!(r#","scorecard":{{"perspectives":[{{"id":"p","name":"P","weight":{nested}}}]}}"#));
        let p = load_problems(&text);
        assert_eq!(p.len(), 1, "{p:#?}");
        assert!(p[0].path.to_string().starts_with("scorecard.perspectives[p].weight"));
        p[0].message.clone()
    };
    assert!(at(129).contains("recursion limit exceeded"));
    assert!(!at(100).contains("recursion limit exceeded"), "{}", at(100));
    // Nesting as the whole document: a JSON error with its position.
    let nested = "[".repeat(100_000);
    match Workspace::from_json(&nested) {
        Err(Error::Json { line: 1, .. }) => {}
        other => panic!("{other:?}"),
    }
    // Nesting in a record of a list: that record is a problem, the others still load.
    let objects = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    let text = ws(&format!(r#","partners":[{objects},{{"id":"b","name":"B","kind":"moon"}}]"#));
    let p = load_problems(&text);
    assert_eq!(p.len(), 2, "{p:#?}");
    // A record refuses its first unknown key (`a`) without descending into its value.
    assert_eq!(p[0].path, "partners[0].a");
    assert!(p[0].message.contains("unknown field `a`"), "{}", p[0]);
    assert_eq!(p[1].path, "partners[b].kind");
}

// ---------------------------------------------------------------------------------------
// Numbers and dates.

#[test]
fn a_period_like_99999_q9_is_a_problem_at_its_path() {
    let text = with_measurement(r#""period":"99999-Q9","value":1"#);
    let p = only_problem_at(&text, "indicators[i].measurements[0].period");
    assert!(p.message.contains("invalid period \"99999-Q9\""), "{p}");
    assert_eq!(p.line, Some(1));
    // The error is reported at the end of the string: the column of its closing quote.
    assert_eq!(p.column, Some(column_of(&text, "99999-Q9") + 8));
}

#[test]
fn nan_and_infinity_are_not_json_and_give_a_position() {
    for word in ["NaN", "Infinity", "-Infinity"] {
        let text = with_measurement(&format!(r#""period":"2025-Q1","value":{word}"#));
        match Workspace::from_json(&text) {
            Err(Error::Json { line, column, message }) => {
                assert_eq!(line, 1);
                // serde_json stops at the first character that cannot start a value (the
                // `N` or `I`; for `-Infinity` the `I` after the minus sign).
                let at = column_of(&text, word) + u64::from(word.starts_with('-'));
                assert_eq!(column, at, "{word}: {message}");
            }
            other => panic!("{word}: {other:?}"),
        }
    }
}

#[test]
fn a_measurement_of_1e400_is_a_problem_with_path_and_position() {
    let text = with_measurement(r#""period":"2025-Q1","value":1e400"#);
    let p = only_problem_at(&text, "indicators[i].measurements[0].value");
    assert!(p.message.contains("number out of range"), "{p}");
    assert_eq!(p.line, Some(1));
    assert!(p.column.is_some());
    // The largest finite double is fine; it is a finite number.
    assert!(
        Workspace::from_json(&with_measurement(r#""period":"2025-Q1","value":1.7976931348623157e308"#))
            .is_ok()
    );
}

#[test]
fn amounts_beyond_decimal_range_are_problems_at_their_path() {
    // Decimal holds 96-bit integers scaled by 10^-28: at most 79228162514264337593543950335.
    let forty_digits = "1234567890123456789012345678901234567890";
    for cost in ["\"1e400\"".to_string(), format!("\"{forty_digits}\""), "1e400".into(), forty_digits.into()]
    {
        let p = only_problem_at(&with_cost(&cost), "projects[p].planned_cost");
        assert!(p.line.is_some() && p.column.is_some(), "{cost}: {p}");
    }
    // The largest Decimal is accepted as a string; one more is not.
    let w = Workspace::from_json(&with_cost("\"79228162514264337593543950335\"")).unwrap();
    assert_eq!(w.projects[0].planned_cost, Some(rust_decimal::Decimal::MAX));
    let one_more =
        only_problem_at(&with_cost("\"79228162514264337593543950336\""), "projects[p].planned_cost");
    assert!(one_more.message.contains("is not an amount"), "{one_more}");
    // As a JSON number, serde_json reads it as the f64 7.922816251426434e28: digits were lost
    // on the way, so it is refused with a request for a string rather than silently changed.
    let p = only_problem_at(&with_cost("79228162514264337593543950335"), "projects[p].planned_cost");
    assert!(p.message.contains("write it as a string"), "{p}");
    // Regression: a 23-digit number used to load as 12345678901234567800000 (another amount).
    let p = only_problem_at(&with_cost("12345678901234567890123"), "projects[p].planned_cost");
    assert!(p.message.contains("write it as a string"), "{p}");
    // Numbers an f64 keeps exactly load exactly.
    let w = Workspace::from_json(&with_cost("1250000.75")).unwrap();
    assert_eq!(w.projects[0].planned_cost.unwrap().to_string(), "1250000.75");
}

#[test]
fn tranches_summing_past_decimal_range_are_a_problem_not_a_saturated_sum() {
    // Issue #14: two tranches of MAX used to add up to MAX (saturated) silently. Now the sum
    // is absent, and the file is refused with the reason at the commitment's steps.
    let max = "79228162514264337593543950335";
    let text = ws(&format!(
        r#","partners":[{{"id":"b","name":"B","kind":"bank"}}],"commitments":[{{"id":"c","partner":"b","kind":"loan","steps":[{{"status":"signed","date":"2024-01-01","amount":"{max}"}},{{"status":"signed","date":"2024-02-01","amount":"{max}"}}]}}]"#
    ));
    let p = only_problem_at(&text, "commitments[c].steps");
    assert!(p.message.contains("signed steps add up to more than the largest amount"), "{p}");
    let w: Workspace = serde_json::from_str(&text).unwrap();
    assert_eq!(w.commitments[0].amount(FundingStatus::Signed, None), None);
}

#[test]
fn negative_counts_are_problems_at_their_path() {
    let p = only_problem_at(
        &with_measurement(r#""period":"2025-Q1","value":1,"respondents":-1"#),
        "indicators[i].measurements[0].respondents",
    );
    assert!(
        p.message.contains("invalid value: integer `-1`, expected a whole number from 0 to 4294967295"),
        "{p}"
    );
    let p = only_problem_at(&ws(r#","settings":{"forecast_window":-1}"#), "settings.forecast_window");
    assert!(p.message.contains("-1"), "{p}");
    let text = ws(
        r#","scorecard":{"perspectives":[{"id":"p","name":"P"}],"objectives":[{"id":"a","name":"A","perspective":"p"},{"id":"b","name":"B","perspective":"p"}],"links":[{"from":"a","to":"b","lag":-3}]}"#,
    );
    only_problem_at(&text, "scorecard.links[0].lag");
}

#[test]
fn dates_before_1900_or_after_2100_are_problems_at_their_path() {
    let project = |dates: [&str; 2]| {
        ws(&format!(
            r#","projects":[{{"id":"p","title":"P","lead_service":"s","stages":[{{"stage":"registered","date":"{}"}},{{"stage":"complete","date":"{}"}}]}}]"#,
            dates[0], dates[1]
        ))
    };
    let p = only_problem_at(&project(["1899-12-31", "1900-01-01"]), "projects[p].stages[0].date");
    assert!(p.message.contains("outside the supported years 1900-2100"), "{p}");
    only_problem_at(&project(["2100-12-31", "2101-01-01"]), "projects[p].stages[1].date");
    assert!(Workspace::from_json(&project(["1900-01-01", "2100-12-31"])).is_ok(), "both ends are inside");
    let partner = |joined: &str| {
        ws(&format!(r#","partners":[{{"id":"b","name":"B","kind":"bank","joined":"{joined}"}}]"#))
    };
    only_problem_at(&partner("0001-01-01"), "partners[b].joined");
    // Not a date at all (beyond chrono's years, or 30 February): a decoding problem.
    for bad in ["+999999-01-01", "2024-02-30", "99999-01-01"] {
        let p = only_problem_at(&partner(bad), "partners[b].joined");
        assert!(p.line.is_some(), "{bad}: {p}");
    }
}

#[test]
fn a_fiscal_start_month_of_0_or_13_is_a_problem() {
    for month in [0, 13] {
        let p = only_problem_at(
            &ws(&format!(r#","fiscal_year_start_month":{month}"#)),
            "fiscal_year_start_month",
        );
        assert_eq!(p.message, format!("{month} is not a month (1-12)"));
    }
    // Beyond a byte: the top level cannot be decoded; a JSON error with the position.
    let text = ws(r#","fiscal_year_start_month":256"#);
    match Workspace::from_json(&text) {
        Err(Error::Json { line: 1, column, message }) => {
            assert!(message.contains("expected a whole number from 0 to 255"), "{message}");
            assert_eq!(column, column_of(&text, "256") + 2);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_scorecard_members_are_reported_not_dropped() {
    // Regression: the scorecard was decoded leniently, so a misspelt member (`link`) was
    // silently dropped and its cause-effect links lost on the next save.
    let text = ws(r#","scorecard":{"perspectives":[],"link":[{"from":"a","to":"b"}]}"#);
    let p = only_problem_at(&text, "scorecard.link");
    assert!(p.message.contains("unknown field `link`"), "{p}");
    assert_eq!(p.column, Some(column_of(&text, r#""link""#) + 5), "at the closing quote of the key");
}
