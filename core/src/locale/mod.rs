//! Every word a user reads, and how numbers, money, dates and periods are written, per
//! language: one table per language ([`Words`]: [`fr::FR`], [`en::EN`]), which
//! [`Locale::words`] picks. The reports, the explanations, the main job's text, the
//! Python package and the WebAssembly widget (through `localeTable`) all read it; nothing else
//! matches on the language.
//!
//! Adding a language is adding a [`Locale`] variant (with its place in [`Locale::ALL`] and its
//! arm in [`Locale::words`]) and one [`Words`] static: the compiler asks for every field, and
//! the tests check that each template takes the same values as in the other languages.
//! Templates hold `{0}`, `{1}`... for their values ([`fill`]), so that each language puts
//! them in its own order. No i18n crate. Formatting decisions (CLDR-like):
//!
//! | | French ([`Locale::Fr`]) | English ([`Locale::En`]) |
//! |---|---|---|
//! | number | `1 234,5` (U+202F narrow no-break space, decimal comma) | `1,234.5` |
//! | money | `15 000 000 €` (U+202F groups, U+00A0 before `€`) | `€15,000,000` |
//! | compact money (axes) | `1,5 M€`, `250 k€` | `€1.5M`, `€250k` |
//! | percent | `45,5 %` (U+202F before `%`) | `45.5%` |
//! | date | `25/11/2026` | `25 Nov 2026` (day first, month as a word: never ambiguous) |
//! | period | `T4 2025`, `nov. 2025`, `2025` | `Q4 2025`, `Nov 2025`, `2025` |
//! | days | `45 j` | `45 d` |
//!
//! Money is formatted from [`Decimal`] without any float: whole amounts show no decimals,
//! others exactly two (rounded half away from zero). The minus sign is ASCII `-` in both
//! languages. A value that is not finite prints as an en dash `–`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::analytics::partnership::LeverageDefinition;
use crate::analytics::portfolio::{CaseloadOptions, Milestone};
use crate::engine::NodeKind;
use crate::engine::scoring::{Status, fmt_num};
use crate::engine::trend::Direction;
use crate::model::indicator::Metric;
use crate::model::partner::PartnerKind;
use crate::model::period::Period;

pub mod en;
pub mod fr;

/// U+202F NARROW NO-BREAK SPACE (French digit groups, before `%`).
pub const NNBSP: char = '\u{202f}';
/// U+00A0 NO-BREAK SPACE (before a unit or a currency sign).
pub const NBSP: char = '\u{a0}';

/// The language and formatting conventions of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    /// French (the sample city's language).
    #[default]
    Fr,
    /// English.
    En,
}

impl Locale {
    /// Every language.
    pub const ALL: [Locale; 2] = [Locale::Fr, Locale::En];

    /// The table of this language: its every word and format. The one place that matches on
    /// the language.
    pub fn words(self) -> &'static Words {
        match self {
            Locale::Fr => &fr::FR,
            Locale::En => &en::EN,
        }
    }
}

/// Every fixed string of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Label {
    Report,
    Contents,
    GeneratedOn,
    Overview,
    StrategyMap,
    IndicatorCards,
    Portfolio,
    Partnerships,
    Explanations,
    Perspective,
    Objective,
    Indicator,
    Score,
    Status,
    Trend,
    Coverage,
    Improving,
    Stable,
    Worsening,
    TrendUnknown,
    Actual,
    Target,
    LatestValue,
    Thresholds,
    ActiveCaseload,
    Files,
    LeadTime,
    Median,
    Mean,
    DividedBy,
    MultipliedBy,
    Ageing,
    OpenFiles,
    DaysOrMore,
    Pledged,
    Signed,
    Received,
    FundsOverTime,
    Leverage,
    Definition,
    ExternalFunds,
    OwnFunds,
    TopPartners,
    Links,
    Positive,
    Negative,
    Lag,
    Periods,
    Agreement,
    NoPerspective,
    Legend,
    Cause,
    Effect,
    Unit,
    NoLinks,
    Value,
    Partner,
    Amount,
    Sign,
    PartnerCount,
}

/// The number of [`Label`]s.
pub const LABELS: usize = 60;

impl Label {
    /// Every label, in declaration order (a label's text is at its index in
    /// [`Words::labels`]; the tests look for each of them in the other language's output).
    pub const ALL: [Label; LABELS] = {
        use Label::*;
        [
            Report,
            Contents,
            GeneratedOn,
            Overview,
            StrategyMap,
            IndicatorCards,
            Portfolio,
            Partnerships,
            Explanations,
            Perspective,
            Objective,
            Indicator,
            Score,
            Status,
            Trend,
            Coverage,
            Improving,
            Stable,
            Worsening,
            TrendUnknown,
            Actual,
            Target,
            LatestValue,
            Thresholds,
            ActiveCaseload,
            Files,
            LeadTime,
            Median,
            Mean,
            DividedBy,
            MultipliedBy,
            Ageing,
            OpenFiles,
            DaysOrMore,
            Pledged,
            Signed,
            Received,
            FundsOverTime,
            Leverage,
            Definition,
            ExternalFunds,
            OwnFunds,
            TopPartners,
            Links,
            Positive,
            Negative,
            Lag,
            Periods,
            Agreement,
            NoPerspective,
            Legend,
            Cause,
            Effect,
            Unit,
            NoLinks,
            Value,
            Partner,
            Amount,
            Sign,
            PartnerCount,
        ]
    };
}

/// A language tag that names no [`Locale`] (see [`Locale`]'s `FromStr`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLocale(pub String);

/// `expected "fr" or "en", found "de"`: the tags of [`Locale::ALL`].
impl std::fmt::Display for UnknownLocale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("expected ")?;
        let n = Locale::ALL.len();
        for (i, locale) in Locale::ALL.iter().enumerate() {
            let sep = if i == 0 {
                ""
            } else if i + 1 == n {
                " or "
            } else {
                ", "
            };
            write!(f, "{sep}{:?}", locale.tag())?;
        }
        write!(f, ", found {:?}", self.0)
    }
}

impl std::error::Error for UnknownLocale {}

/// Reads a language tag as every entry point takes it (the bindings' `lang`, the examples'
/// `--lang`): a tag of [`Locale::ALL`] (`fr`, `en`), in any case, with or without a region
/// (`fr-FR`, `en-GB`).
///
/// ```
/// use pilotage::locale::Locale;
/// assert_eq!("fr-FR".parse::<Locale>(), Ok(Locale::Fr));
/// assert_eq!("EN".parse::<Locale>(), Ok(Locale::En));
/// assert!("de".parse::<Locale>().is_err());
/// ```
impl std::str::FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(tag: &str) -> Result<Locale, UnknownLocale> {
        let tag = tag.to_ascii_lowercase();
        let language = tag.split_once('-').map_or(tag.as_str(), |(language, _)| language);
        Locale::ALL.into_iter().find(|l| l.tag() == language).ok_or(UnknownLocale(tag))
    }
}

/// The magnitude from which numbers are printed in scientific notation (see
/// [`Locale::huge`]): beyond it an `f64` no longer holds every integer digit anyway.
pub const HUGE: f64 = 1e15;

// ---------------------------------------------------------------------------------------
// The table of a language.

/// Every word of one language and its formats: what [`Locale::words`] gives. Adding a
/// language is adding one `static` of this type (and a [`Locale`] variant). A `static`, not a
/// `const`: a constant would be copied into every crate that inlines `Locale::words` (the
/// WebAssembly package then held every table twice, 27 KB).
///
/// Templates hold `{0}`, `{1}`... for their values ([`fill`]); each field says what they
/// are. Arrays are indexed as their field says; a pair `[one, many]` is chosen by
/// [`Words::plural`].
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// The BCP 47 tag (`fr`, `en`): the HTML `lang` attribute, what a `lang` argument names.
    pub tag: &'static str,
    /// True when a count takes the plural form (French: from 2; English: all but 1).
    pub plural: fn(u64) -> bool,
    /// Numbers, money, dates and periods in the reports, the main job and the widget.
    pub format: Format,
    /// The report's fixed strings, in [`Label::ALL`]'s order (a test checks the order).
    pub labels: [(Label, &'static str); LABELS],
    /// An indicator's status words: green, amber, red, no data, suppressed. With the default
    /// cut-offs an indicator is green only when its target is met.
    pub statuses: [&'static str; 5],
    /// A roll-up node's status words (objective, perspective, scorecard), in the same order:
    /// its score is a weighted average of its children's, so its green says "good on
    /// average", never "target met".
    pub rollup_statuses: [&'static str; 5],
    /// Metric names, in [`Metric::ALL`]'s order.
    pub metrics: [&'static str; 20],
    /// Record nouns `[one, many]`: partner, commitment, project, file.
    pub records: [[&'static str; 2]; 4],
    /// Leverage formulas in short, in [`LeverageDefinition::ALL`]'s order.
    pub leverage_formulas: [&'static str; 3],
    /// The sentences and words of the HTML report and its pictures.
    pub report: ReportWords,
    /// The explanations ([`crate::explain`](mod@crate::explain)).
    pub explain: ExplainWords,
    /// The main job's text report (`examples/`: the scorecard and the headline figures);
    /// with the `text-report` feature (a default; the WebAssembly package leaves it out).
    #[cfg(feature = "text-report")]
    pub text: TextWords,
    /// The messages of the WebAssembly package's widget by key, a report label where it is
    /// the same word ([`Locale::table`]).
    pub messages: [(&'static str, Message); MESSAGES],
}

/// How a language writes numbers, percentages, money, dates, periods and days. Each
/// template's values are listed with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Format {
    /// Between groups of three digits of an integer part (`None`: no groups).
    pub group: Option<char>,
    /// The decimal separator.
    pub decimal: char,
    /// A number that is not finite.
    pub not_finite: &'static str,
    /// A percentage: the number.
    pub percent: &'static str,
    /// Money: the sign (`-` or nothing), the digits, the scale (`k`, `M` or nothing).
    pub money: &'static str,
    /// A date: the day, the day on two digits, the month on two digits, the month's short
    /// name, the year.
    pub date: &'static str,
    /// Short month names, January first.
    pub months: [&'static str; 12],
    /// A monthly period: the month's short name, the year, the month on two digits.
    pub month: &'static str,
    /// A quarter: its number, the year.
    pub quarter: &'static str,
    /// A number of days: the number.
    pub days: &'static str,
}

/// The sentences and words of the HTML report and its pictures.
#[derive(Debug, Clone, Copy)]
pub struct ReportWords {
    /// A label and its value (`Effet de levier : ...`).
    pub label_value: &'static str,
    /// A leverage of 1 to the value.
    pub leverage_ratio: &'static str,
    /// The leverage definitions in full, in [`LeverageDefinition::ALL`]'s order.
    pub leverage_definitions: [&'static str; 3],
    /// A leverage definition over the projects approved by a date (the definition, the date),
    /// without and with the planned cost known.
    pub leverage_population: [&'static str; 2],
    /// Why a leverage has no value: no planned cost, overflow, zero own funds, too large to
    /// divide.
    pub leverage_undefined: [&'static str; 4],
    /// Why a capacity comparison has no ratio: overflow, no investment (the earlier period),
    /// no investment up to a day (the period, the day).
    pub no_ratio: [&'static str; 3],
    /// Why a lead-time ratio is missing: no files reached the event (the event, the period),
    /// the same up to a day (the event, the period, the day), the later mean is 0 days, the
    /// later median is 0 days.
    pub lead_time_notes: [&'static str; 4],
    /// Why a money figure shows as `–` (a sum overflows).
    pub money_overflow: &'static str,
    /// The kinds of partner.
    pub partner_kinds: [(PartnerKind, &'static str); 11],
    /// The lead-time milestones.
    pub milestones: [(Milestone, &'static str); 8],
    /// What an active caseload leaves out beyond closed and abandoned files, after "neither
    /// closed nor abandoned": rejected files, delivered files, both.
    pub caseload_rules: [&'static str; 3],
    /// The portfolio's caseload sentence: date, count, file noun, rule (empty or one of
    /// [`ReportWords::caseload_rules`]).
    pub caseload_line: &'static str,
    /// The portfolio's lead-time sentence: start and stop milestones, the earlier and the
    /// later sample ([`ReportWords::lead_time_sample`]).
    pub lead_time_line: &'static str,
    /// One sample of the lead-time sentence: period, count, file noun, mean, median.
    pub lead_time_sample: &'static str,
    /// The ratios sentence: earlier period, later period, ratio of the means, of the medians.
    pub ratios_line: &'static str,
    /// The ageing sentence: date, period.
    pub ageing_line: &'static str,
    /// The partnership's funds-by-period sentence.
    pub funds_line: &'static str,
    /// The totals sentence: date, pledged, signed, received.
    pub total_line: &'static str,
    /// The top partners sentence: date, how many, their share.
    pub top_partners_line: &'static str,
    /// The partners sentence: period.
    pub partners_line: &'static str,
}

/// Every word of the explanations ([`crate::explain`](mod@crate::explain)) and how they
/// write numbers, percentages, periods and dates ([`ExplainWords::format`]; the record
/// nouns, metric names and plural rule are the language's, in [`Words`]).
///
/// ```
/// use pilotage::locale::{Locale, fill};
/// let fr = Locale::Fr.words();
/// assert_eq!(fill(fr.explain.forecast[(fr.plural)(8) as usize], &["2026", "0,5", "0,6", "hors trajectoire", "8"]),
///            "  prévision pour 2026\u{a0}: 0,5 contre une cible de 0,6 (hors trajectoire, sur 8 périodes)");
/// assert_eq!((Locale::En.words().plural)(1), false); // English: 1 is singular
/// assert_eq!((fr.plural)(0), false); // French: 0 and 1 are singular
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ExplainWords {
    /// Numbers (integers bare, at most four decimals: [`Format::short_number`]),
    /// percentages ([`Format::short_percent`]), periods and dates in the explanations.
    pub format: Format,
    /// Between the arguments of a function and the bounds of a band (`, ` / ` ; `: a
    /// decimal comma needs another separator).
    pub arg_sep: &'static str,
    /// The formulas' functions: exp, min, max, abs, clamp, ln (the same notation in most
    /// languages).
    pub functions: [&'static str; 6],
    /// Node kinds: scorecard, perspective, objective, indicator.
    pub kinds: [&'static str; 4],
    /// An indicator's statuses: green, amber, red, no data, suppressed.
    pub indicator_status: [&'static str; 5],
    /// A roll-up node's statuses, in the same order.
    pub rollup_status: [&'static str; 5],
    /// The first line: kind, id, name, period, score, status, coverage.
    pub header: &'static str,
    /// The status line: the reason.
    pub why: &'static str,
    /// Status reasons: suppressed, no data, status rule, green, amber, red; `{0}` the status
    /// word, `{1}` the score, `{2}` and `{3}` the cut-off words and numbers (see the renderer).
    pub status_reasons: [&'static str; 6],
    /// The value line: value and unit (`{1}` is empty or the unit with its space).
    pub value: &'static str,
    /// Before a unit.
    pub unit_sep: &'static str,
    /// The target in the value line: value, origin.
    pub target: &'static str,
    /// The baseline in the value line: value, period.
    pub baseline: &'static str,
    /// Target origins: explicit, coarser, finer (count, first, last), carried forward,
    /// trajectory (from value, from period, to value, to period), trajectory end (start
    /// value, start period, end value, end period).
    pub target_sources: [&'static str; 6],
    /// A value carried from an earlier period (`{0}`) to the reporting period (`{1}`).
    pub carried_value: &'static str,
    /// The formula line: method, formula.
    pub formula_line: &'static str,
    /// Scoring methods (linear progress, ratio to target, goal/red flag, band, min-max,
    /// status rules, expected progress) then roll-ups (weighted mean, geometric, worst).
    pub methods: [&'static str; 10],
    /// A calculated indicator's line: expression, then [`ExplainWords::arrow`] and the
    /// numbers.
    pub calculated: &'static str,
    /// Before the substituted formula.
    pub arrow: &'static str,
    /// A derived indicator's line: metric name, value, records counted.
    pub derived: &'static str,
    /// Records counted: `[one, many]`, with the count and the record noun.
    pub counted: [&'static str; 2],
    /// The inputs line: the list, the rule.
    pub inputs: &'static str,
    /// No input.
    pub no_inputs: &'static str,
    /// A suppressed input: its period.
    pub input_suppressed: &'static str,
    /// Between items of a list.
    pub item_sep: &'static str,
    /// Time aggregations: sum, mean, last, min, max, ratio of sums.
    pub aggregations: [&'static str; 6],
    /// Frequencies as adjectives `[one, many]`: monthly, quarterly, yearly.
    pub frequencies: [[&'static str; 2]; 3],
    /// Finer measurements aggregated, with none, one or several present: aggregation,
    /// frequency, count present, count consulted, period.
    pub rule_aggregated: [&'static str; 3],
    /// The measurement of the period itself.
    pub rule_same: &'static str,
    /// The latest coarser period: frequency, period, that period.
    pub rule_latest: &'static str,
    /// Before the children.
    pub children: &'static str,
    /// A child: id, weight, effective share, what happened.
    pub child: &'static str,
    /// Between children.
    pub child_sep: &'static str,
    /// A child used: score, status.
    pub child_used: &'static str,
    /// A missing child: excluded, counted as 0, makes the parent "no data".
    pub treatments: [&'static str; 3],
    /// A missing child carried forward `[one, many]` periods: score, period, age.
    pub carried: [&'static str; 2],
    /// A reason line.
    pub reason_line: &'static str,
    /// The forecast line `[one, many]` periods: period, projection, target, track, count.
    pub forecast: [&'static str; 2],
    /// On track, off track, undetermined.
    pub tracks: [&'static str; 3],
    /// Formula words: `, capped at {0}`.
    pub capped: &'static str,
    /// `, floored at 0`.
    pub floored: &'static str,
    /// Lower is better: target over actual, two minus actual over target.
    pub lower_is_better: [&'static str; 2],
    /// Target equals baseline: reached, not reached (target, actual).
    pub target_equals_baseline: [&'static str; 2],
    /// Zero denominator (actual, target).
    pub right_side_of_zero: &'static str,
    /// Band (actual, low, high, tolerance, calculation).
    pub band: &'static str,
    /// The band's distance outside.
    pub distance_outside: &'static str,
    /// A status rule (number, comparison, status).
    pub rule: &'static str,
    /// No rule matches (actual, status).
    pub otherwise: &'static str,
    /// Expected on a date (date, day count).
    pub expected_on: &'static str,
    /// Day counts: elapsed, inclusive.
    pub day_counts: [&'static str; 2],
    /// Two steps.
    pub then: &'static str,
    /// A zero in a geometric mean.
    pub zero_in_geometric_mean: &'static str,
    /// No score (reason).
    pub no_score: &'static str,
    /// No data (reason).
    pub no_data: &'static str,
    /// Why no score, in `NoScore`'s order: no target, no baseline, zero target, goal equals
    /// red flag, not positive for log, rule gives no score, negative for ratio, not finite.
    pub no_scores: [&'static str; 8],
    /// Why a roll-up has no data: no children, all missing, child missing, below coverage,
    /// too large.
    pub no_data_reasons: [&'static str; 5],
    /// Reasons: no measurement (periods), denominators zero, aggregate too large, records
    /// unavailable, input suppressed, input missing (id), division by zero (expression),
    /// result overflows.
    pub reasons: [&'static str; 8],
    /// No target: without and with a latest target (period, policy, latest).
    pub no_target: [&'static str; 2],
    /// Target policies: none, carry forward.
    pub policies: [&'static str; 2],
    /// Coverage below the minimum: coverage and minimum as numbers (`{0}`, `{1}`) and as
    /// percentages (`{2}`, `{3}`).
    pub below_min_coverage: &'static str,
    /// A derived metric without value: no records, overflow, undefined, before the
    /// records, after the records; metric, period, records counted, date.
    pub derived_reasons: [&'static str; 5],
}

/// The main job's text report (`cargo run --example scorecard`): the scorecard of a period,
/// then the portfolio and partnership figures, one per line after a padded row label.
#[derive(Debug, Clone, Copy)]
pub struct TextWords {
    /// The title: period, organisation.
    pub title: &'static str,
    /// Column heads: score, status, trend, coverage.
    pub columns: [&'static str; 4],
    /// The scorecard's own row.
    pub overall: &'static str,
    /// The indicators off target: their ids.
    pub off_target: &'static str,
    /// The amber indicators (target not yet met): their ids.
    pub caution: &'static str,
    /// No node has data.
    pub all_no_data: &'static str,
    /// The nodes without data: their ids.
    pub no_data: &'static str,
    /// The figures' heading: period, date.
    pub figures: &'static str,
    /// The records stop before the period.
    pub outside_records: &'static str,
    /// Row labels: active caseload, lead time, funds, leverage, co-financing rate,
    /// partners, top partners, investment capacity, transversality.
    pub rows: [&'static str; 9],
    /// The active caseload: count, planned amount.
    pub caseload: &'static str,
    /// The caseload rule when not the default: without rejected files, without delivered
    /// files, without either.
    pub caseload_rules: [&'static str; 3],
    /// A period counted up to a day before its end: period, day.
    pub span: &'static str,
    /// Lead-time statistics: span, count, mean, median, 90th percentile, maximum.
    pub stats: &'static str,
    /// No decided file: span.
    pub no_decided: &'static str,
    /// The lead times' ratio: of the means, of the medians.
    pub divided: &'static str,
    /// Funds: pledged, signed, received.
    pub funds: &'static str,
    /// Funds to come: pledged not signed, signed not received.
    pub outstanding: &'static str,
    /// The projects a ratio rests on: count, date.
    pub population: &'static str,
    /// After [`TextWords::population`] when a planned cost is needed.
    pub with_planned_cost: &'static str,
    /// After [`TextWords::population`]: how many projects without a planned cost were left
    /// out.
    pub left_out: &'static str,
    /// The co-financing rate's formula.
    pub cofinancing_formula: &'static str,
    /// Partners: members, new, active.
    pub partners: &'static str,
    /// Investment capacity: later span, amount, earlier span, amount, ratio.
    pub capacity: &'static str,
    /// Transversality: the share.
    pub transversality: &'static str,
    /// The summary of a valid workspace: schema version and currency; services, projects,
    /// partners and commitments; perspectives, objectives, cause-effect links and
    /// indicators; measurements, first and last period; no measurements; nothing dated to
    /// evaluate.
    pub summary: [&'static str; 6],
}

/// A message of the widget's table: a report label (one word for both), or its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// The text of a report label.
    Label(Label),
    /// A text of its own.
    Text(&'static str),
}

/// The number of the widget's messages.
pub const MESSAGES: usize = 58;

impl Words {
    /// The text of a label.
    pub fn label(&self, label: Label) -> &'static str {
        self.labels[label as usize].1
    }

    /// A widget message's text.
    pub fn message(&self, message: Message) -> &'static str {
        match message {
            Message::Label(l) => self.label(l),
            Message::Text(t) => t,
        }
    }
}

/// A status's index in the tables' status arrays: green, amber, red, no data, suppressed.
pub(crate) fn status_index(status: Status) -> usize {
    match status {
        Status::Green => 0,
        Status::Amber => 1,
        Status::Red => 2,
        Status::NoData => 3,
        Status::Suppressed => 4,
    }
}

/// The word of `key` in a table keyed by values (`""` if missing: the tests check every key
/// is there).
fn keyed<K: PartialEq + Copy>(table: &[(K, &'static str)], key: K) -> &'static str {
    table.iter().find(|(k, _)| *k == key).map_or("", |(_, w)| w)
}

// ---------------------------------------------------------------------------------------
// Formats.

/// Inserts `sep` every three digits from the right of a string of ASCII digits.
fn group(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

impl Format {
    /// Joins a signed integer-part digit string and a fraction digit string.
    fn join(&self, negative: bool, int: &str, frac: &str) -> String {
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        match self.group {
            Some(sep) => out.push_str(&group(int, sep)),
            None => out.push_str(int),
        }
        if !frac.is_empty() {
            out.push(self.decimal);
            out.push_str(frac);
        }
        out
    }

    /// A number of at least [`HUGE`] in magnitude in scientific notation with two
    /// significant digits (`1,5 × 10^300`); `None` for smaller numbers.
    pub fn huge(&self, x: f64) -> Option<String> {
        if !x.is_finite() || x.abs() < HUGE {
            return None;
        }
        let text = format!("{:.1e}", x.abs());
        let (mantissa, exponent) = text.split_once('e')?;
        let mantissa = mantissa.strip_suffix(".0").unwrap_or(mantissa);
        let mantissa = mantissa.replace('.', self.decimal.encode_utf8(&mut [0; 4]));
        let sign = if x < 0.0 { "-" } else { "" };
        Some(format!("{sign}{mantissa} × 10^{exponent}"))
    }

    /// `x` with exactly `decimals` decimals; [`Format::not_finite`] when not finite; from
    /// [`HUGE`] on, in scientific notation.
    pub fn number(&self, x: f64, decimals: usize) -> String {
        if !x.is_finite() {
            return self.not_finite.to_string();
        }
        if let Some(huge) = self.huge(x) {
            return huge;
        }
        let s = format!("{:.*}", decimals.min(12), x.abs());
        let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
        let zero = s.bytes().all(|b| b == b'0' || b == b'.');
        self.join(x < 0.0 && !zero, int, frac)
    }

    /// A number as the explanations print it: integers bare, others with at most four
    /// decimals ([`fmt_num`]), in this format's separators.
    pub fn short_number(&self, x: f64) -> String {
        if let Some(huge) = self.huge(x) {
            return huge;
        }
        if !x.is_finite() {
            return self.not_finite.to_string();
        }
        let text = fmt_num(x);
        let (negative, abs) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (int, frac) = abs.split_once('.').unwrap_or((abs, ""));
        self.join(negative, int, frac)
    }

    /// A fraction as a percentage, as the explanations print it ([`Format::short_number`]).
    pub fn short_percent(&self, fraction: f64) -> String {
        fill(self.percent, &[&self.short_number(fraction * 100.0)])
    }

    /// A fraction as a percentage with `decimals` decimals.
    pub fn percent(&self, fraction: f64, decimals: usize) -> String {
        fill(self.percent, &[&self.number(fraction * 100.0, decimals)])
    }

    fn with_currency(&self, negative: bool, digits: &str, scale: &str) -> String {
        fill(self.money, &[if negative { "-" } else { "" }, digits, scale])
    }

    /// Exact money in euros; amounts with cents show two decimals, rounded half away from
    /// zero.
    pub fn money(&self, amount: Decimal) -> String {
        let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let abs = rounded.abs();
        let text = if abs.fract().is_zero() {
            abs.trunc().normalize().to_string()
        } else {
            let mut two = abs;
            two.rescale(2);
            two.to_string()
        };
        let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
        let digits = self.join(false, int, frac);
        self.with_currency(negative, &digits, "")
    }

    /// Short money for chart axes and bar labels (`M` and `k`, one decimal at most, trailing
    /// zero dropped); below a thousand, as [`Format::money`].
    pub fn money_compact(&self, amount: Decimal) -> String {
        let abs = amount.abs();
        let (divisor, scale) = if abs >= Decimal::new(1_000_000, 0) {
            (Decimal::new(1_000_000, 0), "M")
        } else if abs >= Decimal::new(1_000, 0) {
            (Decimal::new(1_000, 0), "k")
        } else {
            return self.money(amount);
        };
        let scaled =
            (abs / divisor).round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero).normalize();
        let text = scaled.to_string();
        let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
        let digits = self.join(false, int, frac);
        let negative = amount.is_sign_negative() && !scaled.is_zero();
        self.with_currency(negative, &digits, scale)
    }

    fn month_name(&self, month: u32) -> &'static str {
        self.months.get(month.saturating_sub(1) as usize).copied().unwrap_or("?")
    }

    /// A date.
    pub fn date(&self, date: NaiveDate) -> String {
        let (day, month) = (date.day(), date.month());
        fill(
            self.date,
            &[
                &day.to_string(),
                &format!("{day:02}"),
                &format!("{month:02}"),
                self.month_name(month),
                &format!("{:04}", date.year()),
            ],
        )
    }

    /// A period (quarters and years are those of the workspace's fiscal calendar).
    pub fn period(&self, period: Period) -> String {
        match period {
            Period::Year(y) => format!("{y:04}"),
            Period::Quarter { year, quarter } => {
                fill(self.quarter, &[&quarter.to_string(), &format!("{year:04}")])
            }
            Period::Month { year, month } => fill(
                self.month,
                &[self.month_name(u32::from(month)), &format!("{year:04}"), &format!("{month:02}")],
            ),
        }
    }

    /// A number of days with `decimals` decimals.
    pub fn days(&self, days: f64, decimals: usize) -> String {
        fill(self.days, &[&self.number(days, decimals)])
    }
}

impl Locale {
    /// The BCP 47 tag (`fr`, `en`) for the HTML `lang` attribute.
    pub fn tag(self) -> &'static str {
        self.words().tag
    }

    /// The text of a label.
    pub fn label(self, label: Label) -> &'static str {
        self.words().label(label)
    }

    /// The text of a label in lower case, as inside a sentence ("couverture 80 %"). The case
    /// mapping is ASCII's: the labels shown this way (objective, links, score, coverage) have
    /// no other capital in either language (a test checks), and Unicode's case tables would
    /// cost the WebAssembly package 11 KB gzipped.
    pub fn label_lower(self, label: Label) -> String {
        self.label(label).to_ascii_lowercase()
    }

    /// A number of at least [`HUGE`] in magnitude, in scientific notation with two
    /// significant digits (`1.5 × 10^300` / `1,5 × 10^300`): printed in full it would be up
    /// to 309 digits (a 2,500 px line in the report). `None` for smaller numbers.
    ///
    /// ```
    /// use pilotage::locale::Locale;
    /// assert_eq!(Locale::Fr.number(-1.5e300, 2), "-1,5 × 10^300");
    /// assert_eq!(Locale::En.number(2e15, 0), "2 × 10^15");
    /// ```
    pub fn huge(self, x: f64) -> Option<String> {
        self.words().format.huge(x)
    }

    /// `x` with exactly `decimals` decimals: `1 234,5` / `1,234.5`; `–` when not finite;
    /// from [`HUGE`] on, in scientific notation ([`Locale::huge`]).
    ///
    /// ```
    /// use pilotage::locale::Locale;
    /// assert_eq!(Locale::Fr.number(1234.5, 1), "1\u{202f}234,5");
    /// assert_eq!(Locale::En.number(1234.5, 1), "1,234.5");
    /// ```
    pub fn number(self, x: f64, decimals: usize) -> String {
        self.words().format.number(x, decimals)
    }

    /// A number as the explanations print it (integers bare, others with at most four
    /// decimals, see [`fmt_num`]) with this locale's separators: `1 234,5678` / `1234.5678`.
    /// English keeps [`fmt_num`]'s text unchanged (no digit groups), as the English
    /// explanation always had; a value that is not finite prints as `–` in French.
    ///
    /// ```
    /// use pilotage::locale::Locale;
    /// assert_eq!(Locale::Fr.short_number(-12345.678_91), "-12\u{202f}345,6789");
    /// assert_eq!(Locale::En.short_number(-12345.678_91), "-12345.6789");
    /// ```
    pub fn short_number(self, x: f64) -> String {
        self.words().explain.format.short_number(x)
    }

    /// A percentage of a fraction as the explanations print it: `0.455` -> `45,5 %` /
    /// `45.5%` (see [`Locale::short_number`]).
    pub fn short_percent(self, fraction: f64) -> String {
        self.words().explain.format.short_percent(fraction)
    }

    /// A fraction as a percentage with `decimals` decimals: `0.455` -> `45,5 %` / `45.5%`.
    pub fn percent(self, fraction: f64, decimals: usize) -> String {
        self.words().format.percent(fraction, decimals)
    }

    /// Exact money in euros from a [`Decimal`]: `15 000 000 €` / `€15,000,000`; amounts with
    /// cents show two decimals (`1 234,50 €`), rounded half away from zero.
    ///
    /// ```
    /// use pilotage::locale::Locale;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Locale::Fr.money(Decimal::new(15_000_000, 0)), "15\u{202f}000\u{202f}000\u{a0}€");
    /// assert_eq!(Locale::En.money(Decimal::new(15_000_000, 0)), "€15,000,000");
    /// ```
    pub fn money(self, amount: Decimal) -> String {
        self.words().format.money(amount)
    }

    /// [`Locale::money`] of an amount that may be absent (its sum overflows): `–` then,
    /// never 0.
    pub fn money_or_dash(self, amount: Option<Decimal>) -> String {
        amount.map_or_else(|| "–".to_string(), |a| self.money(a))
    }

    /// Why a money figure shows as `–`: its sum overflows (the reason of
    /// `crate::model::money::OVERFLOW`, in this language).
    pub fn money_overflow(self) -> &'static str {
        self.words().report.money_overflow
    }

    /// Short money for chart axes and bar labels: `1,5 M€` / `€1.5M`, `250 k€` / `€250k`
    /// (one decimal at most, trailing zero dropped); below a thousand, as [`Locale::money`].
    pub fn money_compact(self, amount: Decimal) -> String {
        self.words().format.money_compact(amount)
    }

    /// A date: `25/11/2026` / `25 Nov 2026`.
    pub fn date(self, date: NaiveDate) -> String {
        self.words().format.date(date)
    }

    /// A period: `T4 2025`, `nov. 2025`, `2025` / `Q4 2025`, `Nov 2025`, `2025`.
    /// (Quarters and years are those of the workspace's fiscal calendar.)
    pub fn period(self, period: Period) -> String {
        self.words().format.period(period)
    }

    /// A number of days: `45 j` / `45 d` (`decimals` decimals).
    pub fn days(self, days: f64, decimals: usize) -> String {
        self.words().format.days(days, decimals)
    }

    /// The word of an indicator's status: `Atteint` / `On target`, ... With the default
    /// cut-offs an indicator is green only when its target is met (see
    /// [`crate::ScoringMethod::default_thresholds`]).
    pub fn status(self, status: Status) -> &'static str {
        self.words().statuses[status_index(status)]
    }

    /// The word of a roll-up node's status (objective, perspective, scorecard): its score is
    /// a weighted average of its children's, cut at the thirds, so its green says "good on
    /// average", never "target met": `Favorable` / `Good`, `Vigilance` / `Caution`,
    /// `Défavorable` / `Poor`; "no data" and "suppressed" as for indicators.
    pub fn rollup_status(self, status: Status) -> &'static str {
        self.words().rollup_statuses[status_index(status)]
    }

    /// The word of a status for a node of `kind`: [`Locale::status`] for an indicator,
    /// [`Locale::rollup_status`] for the others.
    pub fn node_status(self, kind: NodeKind, status: Status) -> &'static str {
        match kind {
            NodeKind::Indicator => self.status(status),
            _ => self.rollup_status(status),
        }
    }

    /// The name of a derived indicator's metric: `File active` / `Active caseload`, ...
    pub fn metric(self, metric: Metric) -> &'static str {
        let i = Metric::ALL.iter().position(|m| *m == metric).unwrap_or(0);
        self.words().metrics[i]
    }
}

/// `template` with `{0}`, `{1}`... replaced by `args` (a missing argument is left empty).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        match tail.as_bytes() {
            [d @ b'0'..=b'9', b'}', ..] => {
                out.push_str(args.get(usize::from(d - b'0')).copied().unwrap_or(""));
                rest = &tail[2..];
            }
            _ => {
                out.push('{');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The shape that marks a status where colour is not seen (black and white print, colour
/// blindness): `✓` green, `!` amber, `✗` red, `–` no data, `⊘` suppressed.
pub fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Green => "✓",
        Status::Amber => "!",
        Status::Red => "✗",
        Status::NoData => "–",
        Status::Suppressed => "⊘",
    }
}

// ---------------------------------------------------------------------------------------
// Words of the report's data (kinds of partner, lead-time milestones, leverage
// definitions): the report's views hold the values, the renderers ask for their words here.

/// The label of a kind of partner: `Région` / `Region`.
pub fn partner_kind_label(kind: PartnerKind, locale: Locale) -> &'static str {
    keyed(&locale.words().report.partner_kinds, kind)
}

/// The word of a lead-time milestone: `enregistrement` / `registration`.
pub fn milestone_label(m: Milestone, locale: Locale) -> &'static str {
    keyed(&locale.words().report.milestones, m)
}

/// What an active caseload leaves out beyond closed and abandoned files, to follow
/// "neither closed nor abandoned" ("" by default).
pub fn caseload_rule(options: CaseloadOptions, locale: Locale) -> &'static str {
    let rules = &locale.words().report.caseload_rules;
    match (options.rejected_until_closed, options.delivered_until_closed) {
        (true, true) => "",
        (false, true) => rules[0],
        (true, false) => rules[1],
        (false, false) => rules[2],
    }
}

/// A leverage definition in words, over the projects approved by `as_of` when given.
pub fn leverage_definition(
    definition: LeverageDefinition,
    as_of: Option<NaiveDate>,
    locale: Locale,
) -> String {
    let r = &locale.words().report;
    let k = LeverageDefinition::ALL.iter().position(|d| *d == definition).unwrap_or(0);
    let ratio = r.leverage_definitions[k];
    let Some(as_of) = as_of else { return ratio.to_string() };
    let cost = definition == LeverageDefinition::PlannedCostOverOwn;
    fill(r.leverage_population[usize::from(cost)], &[ratio, &locale.date(as_of)])
}

// ---------------------------------------------------------------------------------------
// The tables a user interface outside Rust reads (the WebAssembly package's
// `<pilotage-scorecard>` widget gets them through `localeTable`): the status words and
// symbols, the trend words and arrows, and the widget's own messages, so that the widget and
// the reports agree by construction.

/// The arrow of a trend: `↗` improving, `→` stable, `↘` declining, `?` unknown (no
/// previous value).
pub fn trend_arrow(direction: Direction) -> &'static str {
    match direction {
        Direction::Improving => "↗",
        Direction::Stable => "→",
        Direction::Declining => "↘",
        Direction::Unknown => "?",
    }
}

/// The words of a trend: `en progrès` / `improving`, ...
pub fn trend_label(direction: Direction) -> Label {
    match direction {
        Direction::Improving => Label::Improving,
        Direction::Stable => Label::Stable,
        Direction::Declining => Label::Worsening,
        Direction::Unknown => Label::TrendUnknown,
    }
}

/// Words by key, in a fixed order; serialised as a map (`{"green": "Atteint", ...}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordMap(pub Vec<(&'static str, &'static str)>);

impl WordMap {
    /// The word of `key`, if there is one.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, w)| *w)
    }
}

impl serde::Serialize for WordMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, w)| (k, w)))
    }
}

/// Every word a user interface needs in one language, by key, serialisable: what the
/// WebAssembly package's `localeTable(lang)` gives the widget.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LocaleTable {
    /// The language tag (`fr`, `en`).
    pub lang: &'static str,
    /// The widget's messages by key (`{0}`, `{1}`: values put in).
    pub messages: WordMap,
    /// An indicator's status word by status (`green`, `amber`, `red`, `no_data`, `suppressed`).
    pub statuses: WordMap,
    /// A roll-up node's status word by status ([`Locale::rollup_status`]).
    pub rollup_statuses: WordMap,
    /// The shape of each status ([`status_symbol`]).
    pub symbols: WordMap,
    /// The words of a trend by direction (`improving`, `stable`, `declining`, `unknown`).
    pub trends: WordMap,
    /// The arrow of a trend by direction ([`trend_arrow`]).
    pub arrows: WordMap,
    /// The short words of each leverage definition ([`LeverageDefinition::formula_in`]).
    pub leverage_definitions: WordMap,
}

impl Locale {
    /// The words of this language a user interface needs ([`LocaleTable`]), from its table
    /// ([`Locale::words`]).
    pub fn table(self) -> LocaleTable {
        let w = self.words();
        let statuses = [Status::Green, Status::Amber, Status::Red, Status::NoData, Status::Suppressed];
        let directions = [Direction::Improving, Direction::Stable, Direction::Declining, Direction::Unknown];
        let definitions = LeverageDefinition::ALL;
        // one collecting function for every part (the WebAssembly package pays for each copy)
        fn words(n: usize, word: &dyn Fn(usize) -> (&'static str, &'static str)) -> WordMap {
            WordMap((0..n).map(word).collect())
        }
        let (s, d) = (statuses.len(), directions.len());
        LocaleTable {
            lang: w.tag,
            messages: words(MESSAGES, &|i| (w.messages[i].0, w.message(w.messages[i].1))),
            statuses: words(s, &|i| (statuses[i].as_str(), w.statuses[i])),
            rollup_statuses: words(s, &|i| (statuses[i].as_str(), w.rollup_statuses[i])),
            symbols: words(s, &|i| (statuses[i].as_str(), status_symbol(statuses[i]))),
            trends: words(d, &|i| (directions[i].as_str(), w.label(trend_label(directions[i])))),
            arrows: words(d, &|i| (directions[i].as_str(), trend_arrow(directions[i]))),
            leverage_definitions: words(definitions.len(), &|i| {
                (definitions[i].as_str(), w.leverage_formulas[i])
            }),
        }
    }
}

#[cfg(test)]
mod tests;
