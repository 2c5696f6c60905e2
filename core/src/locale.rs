//! Labels and number, money, date and period formatting in French and English.
//!
//! No i18n crate: every UI string of the report is one arm of [`Label`]'s `match`, which the
//! compiler checks is complete in both languages. Formatting decisions (CLDR-like):
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

use crate::engine::scoring::{Status, fmt_num};
use crate::model::indicator::Metric;
use crate::model::period::Period;

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

impl Label {
    fn texts(self) -> (&'static str, &'static str) {
        use Label::*;
        match self {
            Report => ("Tableau de bord prospectif", "Balanced scorecard"),
            Contents => ("Sommaire", "Contents"),
            GeneratedOn => ("Édité le", "Produced on"),
            Overview => ("Vue d’ensemble", "Overview"),
            StrategyMap => ("Carte stratégique", "Strategy map"),
            IndicatorCards => ("Fiches indicateurs", "Indicator cards"),
            Portfolio => ("Portefeuille de projets", "Project portfolio"),
            Partnerships => ("Partenariats", "Partnerships"),
            Explanations => ("Explication des résultats", "How each result was obtained"),
            Perspective => ("Axe", "Perspective"),
            Objective => ("Objectif", "Objective"),
            Indicator => ("Indicateur", "Indicator"),
            Score => ("Score", "Score"),
            Status => ("Statut", "Status"),
            Trend => ("Tendance", "Trend"),
            Coverage => ("Couverture", "Coverage"),
            Improving => ("en progrès", "improving"),
            Stable => ("stable", "stable"),
            Worsening => ("en recul", "worsening"),
            TrendUnknown => ("tendance inconnue", "trend unknown"),
            Actual => ("Réalisé", "Actual"),
            Target => ("Cible", "Target"),
            LatestValue => ("Dernière valeur", "Latest value"),
            Thresholds => ("Seuils", "Thresholds"),
            ActiveCaseload => ("File active", "Active caseload"),
            Files => ("dossiers", "files"),
            LeadTime => ("Délai d’instruction", "Instruction lead time"),
            Median => ("médiane", "median"),
            Mean => ("moyenne", "mean"),
            DividedBy => ("divisé par", "divided by"),
            MultipliedBy => ("multiplié par", "multiplied by"),
            Ageing => ("Ancienneté des dossiers ouverts", "Ageing of open files"),
            OpenFiles => ("dossiers ouverts", "open files"),
            DaysOrMore => ("et plus", "or more"),
            Pledged => ("Promis", "Pledged"),
            Signed => ("Signé", "Signed"),
            Received => ("Encaissé", "Received"),
            FundsOverTime => ("Fonds des partenaires par période", "Partner funds by period"),
            Leverage => ("Effet de levier", "Leverage"),
            Definition => ("Définition", "Definition"),
            ExternalFunds => ("Fonds extérieurs", "External funds"),
            OwnFunds => ("Fonds propres", "Own funds"),
            TopPartners => ("Principaux partenaires", "Top partners"),
            Links => ("Liens de cause à effet", "Cause-effect links"),
            Positive => ("positif", "positive"),
            Negative => ("négatif", "negative"),
            Lag => ("décalage", "lag"),
            Periods => ("période(s)", "period(s)"),
            Agreement => ("concordance observée", "observed agreement"),
            NoPerspective => ("Sans axe", "No perspective"),
            Legend => ("Légende", "Legend"),
            Cause => ("Cause", "Cause"),
            Effect => ("Effet", "Effect"),
            Unit => ("Unité", "Unit"),
            NoLinks => ("Aucun lien déclaré.", "No link declared."),
            Value => ("Valeur", "Value"),
            Partner => ("Partenaire", "Partner"),
            Amount => ("Montant", "Amount"),
            Sign => ("Signe", "Sign"),
            PartnerCount => ("partenaires engagés", "partners committed"),
        }
    }
}

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

const MONTHS_FR: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A language tag that is neither French nor English (see [`Locale`]'s `FromStr`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected \"fr\" or \"en\", found {0:?}")]
pub struct UnknownLocale(pub String);

/// Reads a language tag as every entry point takes it (the bindings' `lang`, the examples'
/// `--lang`): `fr` or `en`, in any case, with or without a region (`fr-FR`, `en-GB`).
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
        match language {
            "fr" => Ok(Locale::Fr),
            "en" => Ok(Locale::En),
            _ => Err(UnknownLocale(tag)),
        }
    }
}

/// The magnitude from which numbers are printed in scientific notation (see
/// [`Locale::huge`]): beyond it an `f64` no longer holds every integer digit anyway.
pub const HUGE: f64 = 1e15;

impl Locale {
    /// The BCP 47 tag (`fr`, `en`) for the HTML `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// The text of a label.
    pub fn label(self, label: Label) -> &'static str {
        let (fr, en) = label.texts();
        match self {
            Locale::Fr => fr,
            Locale::En => en,
        }
    }

    /// The text of a label in lower case, as inside a sentence ("couverture 80 %"). The case
    /// mapping is ASCII's: the labels shown this way (objective, links, score, coverage) have
    /// no other capital in either language (a test checks), and Unicode's case tables would
    /// cost the WebAssembly package 11 KB gzipped.
    pub fn label_lower(self, label: Label) -> String {
        self.label(label).to_ascii_lowercase()
    }

    fn group_sep(self) -> char {
        match self {
            Locale::Fr => NNBSP,
            Locale::En => ',',
        }
    }

    fn decimal_sep(self) -> char {
        match self {
            Locale::Fr => ',',
            Locale::En => '.',
        }
    }

    /// Joins a signed integer-part digit string and a fraction digit string.
    fn join(self, negative: bool, int: &str, frac: &str) -> String {
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        out.push_str(&group(int, self.group_sep()));
        if !frac.is_empty() {
            out.push(self.decimal_sep());
            out.push_str(frac);
        }
        out
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
        if !x.is_finite() || x.abs() < HUGE {
            return None;
        }
        let text = format!("{:.1e}", x.abs());
        let (mantissa, exponent) = text.split_once('e')?;
        let mantissa = mantissa.strip_suffix(".0").unwrap_or(mantissa);
        let mantissa = mantissa.replace('.', &self.decimal_sep().to_string());
        let sign = if x < 0.0 { "-" } else { "" };
        Some(format!("{sign}{mantissa} × 10^{exponent}"))
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
        if !x.is_finite() {
            return "–".to_string();
        }
        if let Some(huge) = self.huge(x) {
            return huge;
        }
        let s = format!("{:.*}", decimals.min(12), x.abs());
        let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
        let zero = s.bytes().all(|b| b == b'0' || b == b'.');
        self.join(x < 0.0 && !zero, int, frac)
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
        if let Some(huge) = self.huge(x) {
            return huge;
        }
        let text = fmt_num(x);
        match self {
            Locale::En => text,
            Locale::Fr if !x.is_finite() => "–".to_string(),
            Locale::Fr => {
                let (negative, abs) = match text.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, text.as_str()),
                };
                let (int, frac) = abs.split_once('.').unwrap_or((abs, ""));
                self.join(negative, int, frac)
            }
        }
    }

    /// A percentage of a fraction as the explanations print it: `0.455` -> `45,5 %` /
    /// `45.5%` (see [`Locale::short_number`]).
    pub fn short_percent(self, fraction: f64) -> String {
        let n = self.short_number(fraction * 100.0);
        match self {
            Locale::Fr => format!("{n}{NNBSP}%"),
            Locale::En => format!("{n}%"),
        }
    }

    /// A fraction as a percentage with `decimals` decimals: `0.455` -> `45,5 %` / `45.5%`.
    pub fn percent(self, fraction: f64, decimals: usize) -> String {
        let n = self.number(fraction * 100.0, decimals);
        match self {
            Locale::Fr => format!("{n}{NNBSP}%"),
            Locale::En => format!("{n}%"),
        }
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

    /// [`Locale::money`] of an amount that may be absent (its sum overflows): `–` then,
    /// never 0.
    pub fn money_or_dash(self, amount: Option<Decimal>) -> String {
        amount.map_or_else(|| "–".to_string(), |a| self.money(a))
    }

    /// Why a money figure shows as `–`: its sum overflows (the reason of
    /// `crate::model::money::OVERFLOW`, in this language).
    pub fn money_overflow(self) -> &'static str {
        match self {
            Locale::Fr => {
                "Sans donnée (–) là où une somme dépasse le plus grand montant que la bibliothèque peut représenter (79228162514264337593543950335)."
            }
            Locale::En => {
                "No data (–) where a sum overflows the largest amount the library can hold (79228162514264337593543950335)."
            }
        }
    }

    fn with_currency(self, negative: bool, digits: &str, scale: &str) -> String {
        let sign = if negative { "-" } else { "" };
        match self {
            Locale::Fr => format!("{sign}{digits}{NBSP}{scale}€"),
            Locale::En => format!("{sign}€{digits}{scale}"),
        }
    }

    /// Short money for chart axes and bar labels: `1,5 M€` / `€1.5M`, `250 k€` / `€250k`
    /// (one decimal at most, trailing zero dropped); below a thousand, as [`Locale::money`].
    pub fn money_compact(self, amount: Decimal) -> String {
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

    /// A date: `25/11/2026` / `25 Nov 2026`.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Locale::Fr => format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year()),
            Locale::En => {
                let m = MONTHS_EN.get(date.month0() as usize).copied().unwrap_or("");
                format!("{} {m} {:04}", date.day(), date.year())
            }
        }
    }

    /// A period: `T4 2025`, `nov. 2025`, `2025` / `Q4 2025`, `Nov 2025`, `2025`.
    /// (Quarters and years are those of the workspace's fiscal calendar.)
    pub fn period(self, period: Period) -> String {
        match (self, period) {
            (_, Period::Year(y)) => format!("{y}"),
            (Locale::Fr, Period::Quarter { year, quarter }) => format!("T{quarter}{NBSP}{year}"),
            (Locale::En, Period::Quarter { year, quarter }) => format!("Q{quarter}{NBSP}{year}"),
            (Locale::Fr, Period::Month { year, month }) => {
                let m = MONTHS_FR.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("?");
                format!("{m}{NBSP}{year}")
            }
            (Locale::En, Period::Month { year, month }) => {
                let m = MONTHS_EN.get(usize::from(month.saturating_sub(1))).copied().unwrap_or("?");
                format!("{m}{NBSP}{year}")
            }
        }
    }

    /// A number of days: `45 j` / `45 d` (`decimals` decimals).
    pub fn days(self, days: f64, decimals: usize) -> String {
        let unit = match self {
            Locale::Fr => "j",
            Locale::En => "d",
        };
        format!("{}{NBSP}{unit}", self.number(days, decimals))
    }

    /// The word of an indicator's status: `Atteint` / `On target`, ... With the default
    /// cut-offs an indicator is green only when its target is met (see
    /// [`crate::ScoringMethod::default_thresholds`]).
    pub fn status(self, status: Status) -> &'static str {
        let (fr, en) = match status {
            Status::Green => ("Atteint", "On target"),
            Status::Amber => ("Vigilance", "Caution"),
            Status::Red => ("Hors cible", "Off target"),
            Status::NoData => ("Sans donnée", "No data"),
            Status::Suppressed => ("Masqué (petit effectif)", "Suppressed (small group)"),
        };
        match self {
            Locale::Fr => fr,
            Locale::En => en,
        }
    }

    /// The word of a roll-up node's status (objective, perspective, scorecard): its score is
    /// a weighted average of its children's, cut at the thirds, so its green says "good on
    /// average", never "target met": `Favorable` / `Good`, `Vigilance` / `Caution`,
    /// `Défavorable` / `Poor`; "no data" and "suppressed" as for indicators.
    pub fn rollup_status(self, status: Status) -> &'static str {
        let (fr, en) = match status {
            Status::Green => ("Favorable", "Good"),
            Status::Red => ("Défavorable", "Poor"),
            other => return self.status(other),
        };
        match self {
            Locale::Fr => fr,
            Locale::En => en,
        }
    }

    /// The word of a status for a node of `kind`: [`Locale::status`] for an indicator,
    /// [`Locale::rollup_status`] for the others.
    pub fn node_status(self, kind: crate::engine::NodeKind, status: Status) -> &'static str {
        match kind {
            crate::engine::NodeKind::Indicator => self.status(status),
            _ => self.rollup_status(status),
        }
    }
}

impl Locale {
    /// The name of a derived indicator's metric: `File active` / `Active caseload`, ...
    pub fn metric(self, metric: Metric) -> &'static str {
        let (fr, en) = match metric {
            Metric::ActiveCaseload => {
                return self.label(Label::ActiveCaseload);
            }
            Metric::FilesRegistered => ("Dossiers enregistrés", "Files registered"),
            Metric::FilesDecided => ("Dossiers décidés", "Files decided"),
            Metric::MeanInstructionDays => ("Délai d’instruction moyen", "Mean instruction lead time"),
            Metric::MedianInstructionDays => ("Délai d’instruction médian", "Median instruction lead time"),
            Metric::P90InstructionDays => {
                ("Délai d’instruction (90e centile)", "Instruction lead time (90th percentile)")
            }
            Metric::Deliveries => ("Projets livrés", "Projects delivered"),
            Metric::OnTimeDeliveryRate => ("Part des livraisons dans les délais", "On-time delivery rate"),
            Metric::PortfolioValue => ("Valeur du portefeuille actif", "Active portfolio value"),
            Metric::TransversalShare => ("Part des dossiers transversaux", "Share of cross-service files"),
            Metric::PartnerCount => ("Partenaires engagés", "Partners committed"),
            Metric::NewPartners => ("Nouveaux partenaires", "New partners"),
            Metric::ActivePartners => ("Partenaires actifs", "Active partners"),
            Metric::FundsPledged => ("Fonds promis", "Funds pledged"),
            Metric::FundsSigned => ("Fonds signés", "Funds signed"),
            Metric::FundsReceived => ("Fonds encaissés", "Funds received"),
            Metric::CumulativeFundsSigned => ("Fonds signés cumulés", "Cumulative funds signed"),
            Metric::Leverage => {
                return self.label(Label::Leverage);
            }
            Metric::CofinancingRate => ("Taux de cofinancement", "Co-financing rate"),
            Metric::InvestmentCapacity => ("Capacité d’investissement", "Investment capacity"),
        };
        match self {
            Locale::Fr => fr,
            Locale::En => en,
        }
    }
}

/// Every word of the explanations ([`crate::explain`](mod@crate::explain)) in one language, with its number,
/// percent, period and date formatting and its plural rule. [`Locale::words`] maps each
/// locale to its table: adding a language is adding a `Locale` variant and one `Words`
/// constant (the compiler then asks for its arm; a test renders every reason, formula
/// operation, status rule and metric code with each table).
///
/// Templates hold `{0}`, `{1}`... for their arguments ([`fill`]), so that each language
/// puts them in its own order. Arrays are indexed as their field says; a pair
/// `[one, many]` is chosen by [`Words::plural`].
///
/// ```
/// use pilotage::locale::{Locale, fill};
/// let fr = Locale::Fr.words();
/// assert_eq!(fill(fr.forecast[(fr.plural)(8) as usize], &["2026", "0,5", "0,6", "hors trajectoire", "8"]),
///            "  prévision pour 2026\u{a0}: 0,5 contre une cible de 0,6 (hors trajectoire, sur 8 périodes)");
/// assert_eq!((Locale::En.words().plural)(1), false); // English: 1 is singular
/// assert_eq!((fr.plural)(0), false); // French: 0 and 1 are singular
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// A number (integers bare, at most four decimals).
    pub number: fn(f64) -> String,
    /// A fraction as a percentage (`0.8` -> `80%`).
    pub percent: fn(f64) -> String,
    /// A period.
    pub period: fn(Period) -> String,
    /// A date.
    pub date: fn(NaiveDate) -> String,
    /// True when a count takes the plural form.
    pub plural: fn(u64) -> bool,
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
    /// A calculated indicator's line: expression, then [`Words::arrow`] and the numbers.
    pub calculated: &'static str,
    /// Before the substituted formula.
    pub arrow: &'static str,
    /// A derived indicator's line: metric name, value, records counted.
    pub derived: &'static str,
    /// Records counted: `[one, many]`, with the count and the record noun.
    pub counted: [&'static str; 2],
    /// Record nouns `[one, many]`: partner, commitment, project, file.
    pub records: [[&'static str; 2]; 4],
    /// Metric names, in [`Metric::ALL`]'s order.
    pub metrics: [&'static str; 20],
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
    /// Leverage formulas: external over own, total over own, planned cost over own.
    pub leverage_formulas: [&'static str; 3],
    /// Why a capacity comparison has no ratio: overflow, no investment (earlier period),
    /// no investment up to a day (period, day).
    pub no_ratio: [&'static str; 3],
    /// Why a leverage has no value: no planned cost, overflow, zero own funds, too large to
    /// divide.
    pub leverage_undefined: [&'static str; 4],
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

fn en_number(x: f64) -> String {
    Locale::En.short_number(x)
}
fn fr_number(x: f64) -> String {
    Locale::Fr.short_number(x)
}
fn en_percent(x: f64) -> String {
    Locale::En.short_percent(x)
}
fn fr_percent(x: f64) -> String {
    Locale::Fr.short_percent(x)
}
fn en_period(p: Period) -> String {
    p.to_string()
}
fn fr_period(p: Period) -> String {
    Locale::Fr.period(p)
}
fn en_date(d: NaiveDate) -> String {
    d.to_string()
}
fn fr_date(d: NaiveDate) -> String {
    Locale::Fr.date(d)
}

/// The English explanations (their text as before the tables, numbers with a decimal point
/// and no digit groups, periods as in files: `2025-Q4`, dates ISO).
pub const EN: Words = Words {
    number: en_number,
    percent: en_percent,
    period: en_period,
    date: en_date,
    plural: |n| n != 1,
    arg_sep: ", ",
    functions: ["exp", "min", "max", "abs", "clamp", "ln"],
    kinds: ["scorecard", "perspective", "objective", "indicator"],
    indicator_status: ["green", "amber", "red", "no_data", "suppressed"],
    rollup_status: ["green", "amber", "red", "no_data", "suppressed"],
    header: "{0} {1} \"{2}\" at {3}: score {4}, {5}, coverage {6}",
    why: "  why: {0}",
    status_reasons: [
        "{0}: a measurement rests on fewer people than the minimum group size",
        "no data for the period (see the reasons)",
        "{0} by the first matching status rule",
        "{0}: score {1} is at or above the {0} cut-off {3}",
        "{0}: score {1} is at or above the {0} cut-off {3} and below the {4} cut-off {5}",
        "{0}: score {1} is below the {2} cut-off {3}",
    ],
    value: "  value {0}{1}",
    unit_sep: " ",
    target: "; target {0} ({1})",
    baseline: "; baseline {0} ({1})",
    target_sources: [
        "explicit for {0}",
        "explicit for {0}, which contains it",
        "{0} explicit targets {1}..{2} combined",
        "explicit for {0}, carried forward from {0} (target policy carry_forward)",
        "trajectory from {0} ({1}) to {2} ({3})",
        "end of the trajectory from {0} ({1}) to {2} ({3})",
    ],
    carried_value: "  the value of {0}, carried to {1} and scored against the target of {0}",
    formula_line: "  {0}: {1}",
    methods: [
        "linear_progress",
        "ratio_to_target",
        "goal_red_flag",
        "band",
        "min_max",
        "status_rules",
        "expected_progress",
        "weighted_mean",
        "weighted_geometric_mean",
        "worst",
    ],
    calculated: "  calculated: {0}",
    arrow: " -> ",
    derived: "  derived from the records: {0} = {1} ({2})",
    counted: ["{0} {1} counted", "{0} {1} counted"],
    records: [
        ["partner", "partners"],
        ["commitment", "commitments"],
        ["project", "projects"],
        ["file", "files"],
    ],
    metrics: [
        "Active caseload",
        "Files registered",
        "Files decided",
        "Mean instruction lead time",
        "Median instruction lead time",
        "Instruction lead time (90th percentile)",
        "Projects delivered",
        "On-time delivery rate",
        "Active portfolio value",
        "Share of cross-service files",
        "Partners committed",
        "New partners",
        "Active partners",
        "Funds pledged",
        "Funds signed",
        "Funds received",
        "Cumulative funds signed",
        "Leverage",
        "Co-financing rate",
        "Investment capacity",
    ],
    inputs: "  inputs: {0} ({1})",
    no_inputs: "none",
    input_suppressed: "{0} suppressed",
    item_sep: ", ",
    aggregations: ["sum", "mean", "last", "min", "max", "ratio_of_sums"],
    frequencies: [["monthly", "monthly"], ["quarterly", "quarterly"], ["yearly", "yearly"]],
    rule_aggregated: [
        "{0} of the {2} {1} measurements present out of {3} in {4}",
        "{0} of the {2} {1} measurement present out of {3} in {4}",
        "{0} of the {2} {1} measurements present out of {3} in {4}",
    ],
    rule_same: "the measurement of {0} itself",
    rule_latest: "the latest {0} period ended by the end of {1}: {2}",
    children: "  children: ",
    child: "{0} w {1} -> {2}: {3}",
    child_sep: "; ",
    child_used: "{0} ({1})",
    treatments: ["no data, excluded", "no data, counted as 0", "no data, so the parent has none"],
    carried: ["no data, carried {0} from {1} ({2} back)", "no data, carried {0} from {1} ({2} back)"],
    reason_line: "  no data because {0}",
    forecast: [
        "  forecast for {0}: {1} against target {2} ({3}, over {4} period)",
        "  forecast for {0}: {1} against target {2} ({3}, over {4} periods)",
    ],
    tracks: ["on track", "off track", "undetermined"],
    capped: ", capped at {0}",
    floored: ", floored at 0",
    lower_is_better: [" (lower is better: target / actual)", " (lower is better: 2 - actual / target)"],
    target_equals_baseline: [
        "target equals baseline ({0}): {1} is at or beyond it",
        "target equals baseline ({0}): {1} is not at or beyond it",
    ],
    right_side_of_zero: "zero denominator: right-side-of-zero rule on {0} vs {1}",
    band: "{0} against band [{1}, {2}] with tolerance {3}: {4}",
    distance_outside: "distance outside",
    rule: "rule {0}: {1} -> {2}",
    otherwise: "no rule matches {0} -> otherwise {1}",
    expected_on: "expected on {0} ({1})",
    day_counts: ["elapsed days", "inclusive days"],
    then: "{0}; {1}",
    zero_in_geometric_mean: "a child scores 0, so the geometric mean",
    no_score: "no score: {0}",
    no_data: "no data: {0}",
    no_scores: [
        "no target is in force for the period",
        "linear progress needs a baseline and there is none",
        "the target is zero and the zero-target rule gives no score",
        "the goal equals the red flag",
        "a logarithmic score needs a value above zero",
        "the matching status rule gives no score",
        "a ratio to target needs a target and an actual of zero or more",
        "a number is not finite or the score is beyond the largest number (about 1.8e308)",
    ],
    no_data_reasons: [
        "it has no children",
        "none of its children has data for the period",
        "a child has no data and the missing-data policy is \"no data\"",
        "the share of weight with data is below the minimum coverage",
        "the weights and scores of its children are too large for the arithmetic (beyond about 1.8e308)",
    ],
    reasons: [
        "no measurement in {0}",
        "the denominators sum to zero",
        "the aggregate of the measurements is too large for the arithmetic (beyond about 1.8e308)",
        "the records are not available",
        "an input indicator is suppressed for the period",
        "{0} has no value for the period",
        "division by zero in {0}",
        "the result overflows",
    ],
    no_target: [
        "no target in force for {0} (target policy \"{1}\")",
        "no target in force for {0} (the latest target is for {2}; target policy \"{1}\")",
    ],
    policies: ["none", "carry_forward"],
    below_min_coverage: "coverage {0} is below the minimum coverage {1}",
    derived_reasons: [
        "{0}: no records to compute it over for {1}",
        "{0}: {2}: the sum overflows the largest amount the library can hold (79228162514264337593543950335): no value",
        "{0}: undefined over {2} for {1} (nothing to divide by)",
        "{0}: no record is dated on or before {3}: no value, not zero",
        "{0}: {1} ends after the records, which are complete through {3}: no value, not zero",
    ],
    leverage_formulas: [
        "external funds / own funds",
        "(own + external funds) / own funds",
        "total planned expenditure / own funds",
    ],
    no_ratio: [
        "the sum overflows the largest amount the library can hold (79228162514264337593543950335): no ratio",
        "no investment in {0}: no ratio",
        "no investment in {0} up to {1}: no ratio",
    ],
    leverage_undefined: [
        "no planned cost: total planned expenditure / own funds is undefined",
        "the sum overflows the largest amount the library can hold (79228162514264337593543950335)",
        "own funds are 0: leverage is undefined (nothing to divide by)",
        "the amounts are too large to divide",
    ],
};

/// The French explanations (U+00A0 before a colon, French numbers, periods and dates).
pub const FR: Words = Words {
    number: fr_number,
    percent: fr_percent,
    period: fr_period,
    date: fr_date,
    plural: |n| n > 1,
    arg_sep: "\u{a0}; ",
    functions: ["exp", "min", "max", "abs", "clamp", "ln"],
    kinds: ["tableau de bord prospectif", "axe", "objectif", "indicateur"],
    indicator_status: ["Atteint", "Vigilance", "Hors cible", "Sans donnée", "Masqué (petit effectif)"],
    rollup_status: ["Favorable", "Vigilance", "Défavorable", "Sans donnée", "Masqué (petit effectif)"],
    header: "{0} {1} « {2} » en {3}\u{a0}: Score {4}, {5}, couverture {6}",
    why: "  pourquoi\u{a0}: {0}",
    status_reasons: [
        "{0}\u{a0}: une mesure repose sur moins de personnes que l’effectif minimal",
        "aucune donnée pour la période (voir les motifs)",
        "{0} selon la première règle de statut vérifiée",
        "{0}\u{a0}: {1} est supérieur ou égal au seuil « {0} » {3}",
        "{0}\u{a0}: {1} est supérieur ou égal au seuil « {0} » {3} et inférieur au seuil « {4} » {5}",
        "{0}\u{a0}: {1} est inférieur au seuil « {2} » {3}",
    ],
    value: "  valeur {0}{1}",
    unit_sep: "\u{a0}",
    target: " ; cible {0} ({1})",
    baseline: " ; référence {0} ({1})",
    target_sources: [
        "explicite pour {0}",
        "explicite pour {0}, qui la contient",
        "{0} cibles explicites de {1} à {2} combinées",
        "explicite pour {0}, reportée depuis {0} (règle des cibles\u{a0}: report)",
        "trajectoire de {0} ({1}) à {2} ({3})",
        "fin de la trajectoire de {0} ({1}) à {2} ({3})",
    ],
    carried_value: "  la valeur de {0}, reportée sur {1} et comparée à la cible de {0}",
    formula_line: "  calcul ({0})\u{a0}: {1}",
    methods: [
        "progression linéaire",
        "rapport à la cible",
        "objectif et seuil d’alerte",
        "bande",
        "min-max",
        "règles de statut",
        "avancement attendu",
        "moyenne pondérée",
        "moyenne géométrique pondérée",
        "la plus faible",
    ],
    calculated: "  formule\u{a0}: {0}",
    arrow: " -> ",
    derived: "  calculé sur les dossiers et partenariats\u{a0}: « {0} » = {1} ({2})",
    counted: ["{0} {1} compté", "{0} {1} comptés"],
    records: [
        ["partenaire", "partenaires"],
        ["engagement", "engagements"],
        ["projet", "projets"],
        ["dossier", "dossiers"],
    ],
    metrics: [
        "File active",
        "Dossiers enregistrés",
        "Dossiers décidés",
        "Délai d’instruction moyen",
        "Délai d’instruction médian",
        "Délai d’instruction (90e centile)",
        "Projets livrés",
        "Part des livraisons dans les délais",
        "Valeur du portefeuille actif",
        "Part des dossiers transversaux",
        "Partenaires engagés",
        "Nouveaux partenaires",
        "Partenaires actifs",
        "Fonds promis",
        "Fonds signés",
        "Fonds encaissés",
        "Fonds signés cumulés",
        "Effet de levier",
        "Taux de cofinancement",
        "Capacité d’investissement",
    ],
    inputs: "  mesures\u{a0}: {0} ({1})",
    no_inputs: "aucune",
    input_suppressed: "{0} masquée",
    item_sep: ", ",
    aggregations: ["somme", "moyenne", "dernière valeur", "minimum", "maximum", "rapport des sommes"],
    frequencies: [
        ["mensuelle", "mensuelles"],
        ["trimestrielle", "trimestrielles"],
        ["annuelle", "annuelles"],
    ],
    rule_aggregated: [
        "{0}\u{a0}: aucune des {3} mesures {1} présente en {4}",
        "{0} de la seule mesure {1} présente sur {3} en {4}",
        "{0} des {2} mesures {1} présentes sur {3} en {4}",
    ],
    rule_same: "la mesure de {0} elle-même",
    rule_latest: "la dernière période {0} achevée à la fin de {1}\u{a0}: {2}",
    children: "  composantes\u{a0}: ",
    child: "{0} poids {1} -> {2}\u{a0}: {3}",
    child_sep: " ; ",
    child_used: "{0} ({1})",
    treatments: ["sans donnée, exclue", "sans donnée, comptée 0", "sans donnée, donc le parent n’en a pas"],
    carried: [
        "sans donnée, reprise de {0} de {1} ({2} période avant)",
        "sans donnée, reprise de {0} de {1} ({2} périodes avant)",
    ],
    reason_line: "  sans donnée car {0}",
    forecast: [
        "  prévision pour {0}\u{a0}: {1} contre une cible de {2} ({3}, sur {4} période)",
        "  prévision pour {0}\u{a0}: {1} contre une cible de {2} ({3}, sur {4} périodes)",
    ],
    tracks: ["en bonne voie", "hors trajectoire", "indéterminée"],
    capped: ", plafonné à {0}",
    floored: ", plancher à 0",
    lower_is_better: [
        " (plus bas est mieux\u{a0}: cible / réalisé)",
        " (plus bas est mieux\u{a0}: 2 - réalisé / cible)",
    ],
    target_equals_baseline: [
        "cible égale à la référence ({0})\u{a0}: {1} l’atteint ou la dépasse",
        "cible égale à la référence ({0})\u{a0}: {1} ne l’atteint pas",
    ],
    right_side_of_zero: "dénominateur nul\u{a0}: règle du côté de zéro pour {0} contre {1}",
    band: "{0} face à la bande [{1}\u{a0}; {2}] avec une tolérance de {3}\u{a0}: {4}",
    distance_outside: "écart hors bande",
    rule: "règle {0}\u{a0}: {1} -> {2}",
    otherwise: "aucune règle ne s’applique à {0} -> sinon {1}",
    expected_on: "attendu au {0} ({1})",
    day_counts: ["jours écoulés", "jours inclus"],
    then: "{0}\u{a0}; {1}",
    zero_in_geometric_mean: "une composante vaut 0, donc la moyenne géométrique",
    no_score: "pas de score\u{a0}: {0}",
    no_data: "sans donnée\u{a0}: {0}",
    no_scores: [
        "aucune cible n’est en vigueur pour la période",
        "la progression linéaire demande une référence et il n’y en a pas",
        "la cible est nulle et la règle de la cible nulle ne donne pas de score",
        "l’objectif est égal au seuil d’alerte",
        "un score logarithmique demande une valeur supérieure à zéro",
        "la règle de statut vérifiée ne donne pas de score",
        "un ratio à la cible demande une cible et une valeur supérieures ou égales à zéro",
        "un nombre n’est pas fini ou le score dépasse le plus grand nombre (environ 1,8e308)",
    ],
    no_data_reasons: [
        "il n’a aucune composante",
        "aucune de ses composantes n’a de donnée pour la période",
        "une composante n’a pas de donnée et la règle des données manquantes est « sans donnée »",
        "la part du poids avec données est inférieure à la couverture minimale",
        "les poids et les scores de ses composantes sont trop grands pour le calcul (au-delà d’environ 1,8e308)",
    ],
    reasons: [
        "aucune mesure en {0}",
        "la somme des dénominateurs est nulle",
        "l’agrégat des mesures est trop grand pour le calcul (au-delà d’environ 1,8e308)",
        "les dossiers et partenariats ne sont pas disponibles",
        "un indicateur utilisé dans la formule est masqué pour la période",
        "{0} n’a pas de valeur pour la période",
        "division par zéro dans {0}",
        "le résultat dépasse les nombres représentables",
    ],
    no_target: [
        "aucune cible en vigueur pour {0} (règle des cibles\u{a0}: {1})",
        "aucune cible en vigueur pour {0} (la dernière cible porte sur {2} ; règle des cibles\u{a0}: {1})",
    ],
    policies: ["aucune", "report"],
    below_min_coverage: "la couverture de {2} est inférieure à la couverture minimale de {3}",
    derived_reasons: [
        "« {0} »\u{a0}: aucun dossier sur lequel la calculer pour {1}",
        "« {0} » ({2})\u{a0}: la somme dépasse le plus grand montant que la bibliothèque peut représenter (79228162514264337593543950335)\u{a0}: pas de valeur",
        "« {0} »\u{a0}: indéfini sur {2} pour {1} (division par zéro)",
        "« {0} »\u{a0}: aucun dossier n’est daté du {3} ou avant\u{a0}: pas de valeur, pas zéro",
        "« {0} »\u{a0}: {1} finit après les dossiers, complets jusqu’au {3}\u{a0}: pas de valeur, pas zéro",
    ],
    leverage_formulas: [
        "fonds extérieurs / fonds propres",
        "(fonds propres + extérieurs) / fonds propres",
        "dépense totale prévue / fonds propres",
    ],
    no_ratio: [
        "la somme dépasse le plus grand montant que la bibliothèque peut représenter (79228162514264337593543950335)\u{a0}: pas de rapport",
        "aucun investissement en {0}\u{a0}: pas de rapport",
        "aucun investissement en {0} jusqu’au {1}\u{a0}: pas de rapport",
    ],
    leverage_undefined: [
        "aucun coût prévu\u{a0}: dépense totale prévue / fonds propres est indéfini",
        "la somme dépasse le plus grand montant que la bibliothèque peut représenter (79228162514264337593543950335)",
        "fonds propres nuls\u{a0}: l’effet de levier est indéfini (rien à diviser)",
        "les montants sont trop grands pour être divisés",
    ],
};

impl Locale {
    /// The words of the explanations in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Locale::Fr => &FR,
            Locale::En => &EN,
        }
    }
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
pub fn partner_kind_label(kind: crate::model::partner::PartnerKind, locale: Locale) -> &'static str {
    use crate::model::partner::PartnerKind;
    let (fr, en) = match kind {
        PartnerKind::State => ("État", "State"),
        PartnerKind::Region => ("Région", "Region"),
        PartnerKind::Department => ("Département", "Department"),
        PartnerKind::Intercommunality => ("Intercommunalité", "Intercommunality"),
        PartnerKind::Eu => ("Union européenne", "European Union"),
        PartnerKind::PublicAgency => ("Agence publique", "Public agency"),
        PartnerKind::Company => ("Entreprise", "Company"),
        PartnerKind::Association => ("Association", "Association"),
        PartnerKind::Foundation => ("Fondation", "Foundation"),
        PartnerKind::Bank => ("Banque", "Bank"),
        PartnerKind::Other => ("Autre", "Other"),
    };
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
    }
}

/// The word of a lead-time milestone: `enregistrement` / `registration`.
pub fn milestone_label(m: crate::analytics::portfolio::Milestone, locale: Locale) -> &'static str {
    use crate::analytics::portfolio::Milestone as M;
    let (fr, en) = match m {
        M::Registered => ("enregistrement", "registration"),
        M::Complete => ("dossier complet", "complete file"),
        M::Decision => ("décision", "decision"),
        M::Notified => ("notification", "notification"),
        M::Approved => ("approbation", "approval"),
        M::Started => ("démarrage", "start"),
        M::Delivered => ("livraison", "delivery"),
        M::Closed => ("clôture", "closing"),
    };
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
    }
}

/// What an active caseload leaves out beyond closed and abandoned files, to follow
/// "neither closed nor abandoned" ("" by default).
pub fn caseload_rule(options: crate::analytics::portfolio::CaseloadOptions, locale: Locale) -> &'static str {
    match (options.rejected_until_closed, options.delivered_until_closed, locale) {
        (true, true, _) => "",
        (false, true, Locale::Fr) => ", ni rejetés",
        (true, false, Locale::Fr) => ", ni livrés",
        (false, false, Locale::Fr) => ", ni rejetés ni livrés",
        (false, true, Locale::En) => ", nor rejected",
        (true, false, Locale::En) => ", nor delivered",
        (false, false, Locale::En) => ", nor rejected nor delivered",
    }
}

/// A leverage definition in words, over the projects approved by `as_of` when given.
pub fn leverage_definition(
    definition: crate::analytics::partnership::LeverageDefinition,
    as_of: Option<NaiveDate>,
    locale: Locale,
) -> String {
    use crate::analytics::partnership::LeverageDefinition as D;
    let ratio = match (definition, locale) {
        (D::ExternalOverOwn, Locale::Fr) => "fonds extérieurs signés / fonds propres de la ville",
        (D::TotalOverOwn, Locale::Fr) => "(fonds propres + fonds extérieurs signés) / fonds propres",
        (D::PlannedCostOverOwn, Locale::Fr) => "dépense totale prévue / fonds propres",
        (D::ExternalOverOwn, Locale::En) => "signed external funds / the city's own funds",
        (D::TotalOverOwn, Locale::En) => "(own + signed external funds) / own funds",
        (D::PlannedCostOverOwn, Locale::En) => "total planned expenditure / own funds",
    };
    let Some(as_of) = as_of else { return ratio.to_string() };
    let date = locale.date(as_of);
    let cost = definition == D::PlannedCostOverOwn;
    match (locale, cost) {
        (Locale::Fr, false) => format!("{ratio}, sur les projets approuvés au {date}"),
        (Locale::Fr, true) => {
            format!("{ratio}, sur les projets approuvés au {date} dont le coût prévu est connu")
        }
        (Locale::En, false) => format!("{ratio}, over the projects approved by {date}"),
        (Locale::En, true) => format!("{ratio}, over the projects approved by {date} with a planned cost"),
    }
}

impl Label {
    /// Every label, in declaration order (the tests look for each of them in the other
    /// language's output).
    pub const ALL: [Label; 60] = {
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

// ---------------------------------------------------------------------------------------
// The tables a user interface outside Rust reads (the WebAssembly package's
// `<pilotage-scorecard>` widget gets them through `localeTable`): the status words and
// symbols, the trend words and arrows, and the widget's own messages, so that the widget and
// the reports agree by construction.

/// The arrow of a trend: `↗` improving, `→` stable, `↘` declining, `?` unknown (no
/// previous value).
pub fn trend_arrow(direction: crate::engine::trend::Direction) -> &'static str {
    use crate::engine::trend::Direction;
    match direction {
        Direction::Improving => "↗",
        Direction::Stable => "→",
        Direction::Declining => "↘",
        Direction::Unknown => "?",
    }
}

/// The words of a trend: `en progrès` / `improving`, ...
pub fn trend_label(direction: crate::engine::trend::Direction) -> Label {
    use crate::engine::trend::Direction;
    match direction {
        Direction::Improving => Label::Improving,
        Direction::Stable => Label::Stable,
        Direction::Declining => Label::Worsening,
        Direction::Unknown => Label::TrendUnknown,
    }
}

/// Where a message of the widget's table comes from: a report label (one word for both), or
/// its own French and English texts.
enum Message {
    Label(Label),
    Text(&'static str, &'static str),
}

/// The widget's messages by key. A `{0}` or `{1}` in a text is a value the widget puts in
/// (a period, a number already formatted, a file name); a word with a singular and a plural
/// has two keys (`file`, `files`).
const MESSAGES: [(&str, Message); 61] = {
    use Message::{Label as L, Text as T};
    [
        ("scorecard", L(Label::Report)),
        ("period", T("Période", "Period")),
        ("from", T("du", "from")),
        ("to", T("au", "to")),
        ("overall", T("Score global", "Overall score")),
        ("table", T("Axes et objectifs", "Perspectives and objectives")),
        ("name", T("Axe / objectif", "Perspective / objective")),
        ("score", L(Label::Score)),
        ("status", L(Label::Status)),
        ("trend", L(Label::Trend)),
        ("coverage", L(Label::Coverage)),
        ("perspective", L(Label::Perspective)),
        ("objective", L(Label::Objective)),
        ("indicator", L(Label::Indicator)),
        ("indicators", T("Indicateurs", "Indicators")),
        ("value", L(Label::Value)),
        ("target", L(Label::Target)),
        ("detail", T("Détail", "Detail")),
        (
            "detailHint",
            T(
                "Choisissez un axe, un objectif ou un indicateur pour voir son détail et l'explication de son score.",
                "Choose a perspective, an objective or an indicator to see its detail and why it has its score.",
            ),
        ),
        ("explanation", T("Explication du score", "How the score was obtained")),
        ("close", T("Fermer le détail", "Close the detail")),
        ("vsPrevious", T("par rapport à la période précédente", "against the previous period")),
        ("figures", T("Portefeuille et partenariats", "Portfolio and partnerships")),
        ("asOf", T("au {0}", "at {0}")),
        ("caseload", L(Label::ActiveCaseload)),
        ("file", T("dossier", "file")),
        ("files", T("dossiers", "files")),
        ("leadTime", T("Délai d'instruction moyen", "Mean instruction lead time")),
        ("days", T("j", "d")),
        ("dividedBy", T("divisé par {0}", "divided by {0}")),
        ("multipliedBy", T("multiplié par {0}", "multiplied by {0}")),
        ("comparedWith", T("par rapport à {0}", "compared with {0}")),
        ("byYear", T("sur l'année {1} par rapport à {0}", "over the year {1} compared with {0}")),
        ("noLeadTime", T("aucun dossier décidé sur la période", "no file decided in the period")),
        ("fundsSigned", T("Fonds signés", "Funds signed")),
        ("fundsReceived", T("Fonds reçus", "Funds received")),
        ("pledged", T("promis", "pledged")),
        ("leverage", L(Label::Leverage)),
        ("leverageUndefined", T("non défini (aucun fonds propre)", "undefined (no own funds)")),
        ("partners", T("Partenaires", "Partners")),
        ("members", T("membres", "members")),
        ("newPartners", T("nouveaux sur la période", "new in the period")),
        ("activePartners", T("actifs sur la période", "active in the period")),
        (
            "topPartners",
            T(
                "Principaux partenaires ({0} premiers, fonds signés)",
                "Top partners (first {0}, signed funds)",
            ),
        ),
        ("topShare", T("soit {0} des fonds signés", "{0} of the signed funds")),
        ("capacity", T("Capacité d'investissement", "Investment capacity")),
        ("transversal", T("Dossiers transversaux", "Cross-service files")),
        (
            "noSource",
            T(
                "Aucun espace de travail : donnez l'attribut src ou la propriété workspace.",
                "No workspace: set the src attribute or the workspace property.",
            ),
        ),
        (
            "fetchFailed",
            T(
                "Le fichier « {0} » n'a pas pu être chargé ({1}).",
                "The file \"{0}\" could not be loaded ({1}).",
            ),
        ),
        ("notJson", T("Le fichier « {0} » n'est pas du JSON valide.", "The file \"{0}\" is not valid JSON.")),
        ("invalidOne", T("L'espace de travail a 1 problème :", "The workspace has 1 problem:")),
        ("invalid", T("L'espace de travail a {0} problèmes :", "The workspace has {0} problems:")),
        (
            "more",
            T(
                "… et {0} de plus (error.problems les donne tous).",
                "… and {0} more (error.problems has them all).",
            ),
        ),
        ("badPeriod", T("La période demandée n'est pas valide.", "The requested period is not valid.")),
        (
            "noPeriod",
            T(
                "L'espace de travail ne contient aucune donnée datée : aucune période à afficher.",
                "The workspace holds no dated data: there is no period to show.",
            ),
        ),
        ("line", T("ligne {0}", "line {0}")),
        ("lineColumn", T("ligne {0}, colonne {1}", "line {0}, column {1}")),
        ("shown", T("Tableau de bord affiché pour {0}.", "Scorecard shown for {0}.")),
        ("report", T("Rapport imprimable", "Printable report")),
        (
            "reportHint",
            T(
                "Ouvre le rapport complet de {0} dans une nouvelle fenêtre",
                "Opens the full report of {0} in a new window",
            ),
        ),
        ("colon", T("\u{a0}: ", ": ")),
    ]
};

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
    /// The short words of each leverage definition ([`LeverageDefinition::formula_in`](crate::analytics::partnership::LeverageDefinition::formula_in)).
    pub leverage_definitions: WordMap,
}

impl Locale {
    /// The words of this language a user interface needs ([`LocaleTable`]).
    pub fn table(self) -> LocaleTable {
        use crate::analytics::partnership::LeverageDefinition as D;
        use crate::engine::trend::Direction;
        let statuses = [Status::Green, Status::Amber, Status::Red, Status::NoData, Status::Suppressed];
        let directions = [
            ("improving", Direction::Improving),
            ("stable", Direction::Stable),
            ("declining", Direction::Declining),
            ("unknown", Direction::Unknown),
        ];
        let definitions = [
            ("external_over_own", D::ExternalOverOwn),
            ("total_over_own", D::TotalOverOwn),
            ("planned_cost_over_own", D::PlannedCostOverOwn),
        ];
        let message = |m: &Message| match (m, self) {
            (Message::Label(l), _) => self.label(*l),
            (Message::Text(fr, _), Locale::Fr) => fr,
            (Message::Text(_, en), Locale::En) => en,
        };
        // one collecting function for every part (the WebAssembly package pays for each copy)
        fn words(n: usize, word: &dyn Fn(usize) -> (&'static str, &'static str)) -> WordMap {
            WordMap((0..n).map(word).collect())
        }
        let (s, d) = (statuses.len(), directions.len());
        LocaleTable {
            lang: self.tag(),
            messages: words(MESSAGES.len(), &|i| (MESSAGES[i].0, message(&MESSAGES[i].1))),
            statuses: words(s, &|i| (statuses[i].as_str(), self.status(statuses[i]))),
            rollup_statuses: words(s, &|i| (statuses[i].as_str(), self.rollup_status(statuses[i]))),
            symbols: words(s, &|i| (statuses[i].as_str(), status_symbol(statuses[i]))),
            trends: words(d, &|i| (directions[i].0, self.label(trend_label(directions[i].1)))),
            arrows: words(d, &|i| (directions[i].0, trend_arrow(directions[i].1))),
            leverage_definitions: words(definitions.len(), &|i| {
                (definitions[i].0, definitions[i].1.formula_in(self))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn numbers() {
        assert_eq!(Locale::Fr.number(1234.5, 1), "1\u{202f}234,5");
        assert_eq!(Locale::En.number(1234.5, 1), "1,234.5");
        assert_eq!(Locale::Fr.number(1_234_567.0, 0), "1\u{202f}234\u{202f}567");
        assert_eq!(Locale::En.number(999.0, 0), "999");
        assert_eq!(Locale::En.number(1000.0, 0), "1,000");
        assert_eq!(Locale::En.number(-1234.56, 1), "-1,234.6");
        // -0.04 rounds to 0.0: no "-0.0".
        assert_eq!(Locale::En.number(-0.04, 1), "0.0");
        assert_eq!(Locale::Fr.number(f64::NAN, 1), "–");
        assert_eq!(Locale::Fr.number(0.5, 0), "0"); // Rust rounds half to even in formatting
        assert_eq!(Locale::Fr.number(82.46, 0), "82");
    }

    #[test]
    fn percentages() {
        assert_eq!(Locale::Fr.percent(0.455, 1), "45,5\u{202f}%");
        assert_eq!(Locale::En.percent(0.455, 1), "45.5%");
        assert_eq!(Locale::Fr.percent(1.0, 0), "100\u{202f}%");
        assert_eq!(Locale::En.percent(2.0 / 3.0, 0), "67%");
    }

    #[test]
    fn money_is_exact() {
        assert_eq!(Locale::Fr.money(d("15000000")), "15\u{202f}000\u{202f}000\u{a0}€");
        assert_eq!(Locale::En.money(d("15000000")), "€15,000,000");
        assert_eq!(Locale::Fr.money(d("213000.00")), "213\u{202f}000\u{a0}€");
        assert_eq!(Locale::Fr.money(d("1234.5")), "1\u{202f}234,50\u{a0}€");
        assert_eq!(Locale::En.money(d("-1234.5")), "-€1,234.50");
        // 0.005 rounds half away from zero to 0.01; a float would not hold these exactly.
        assert_eq!(Locale::En.money(d("0.005")), "€0.01");
        assert_eq!(Locale::En.money(d("12345678901234567.89")), "€12,345,678,901,234,567.89");
        assert_eq!(Locale::Fr.money(d("-0.001")), "0\u{a0}€");
        assert_eq!(Locale::En.money(Decimal::ZERO), "€0");
    }

    #[test]
    fn compact_money() {
        assert_eq!(Locale::Fr.money_compact(d("1500000")), "1,5\u{a0}M€");
        assert_eq!(Locale::En.money_compact(d("1500000")), "€1.5M");
        assert_eq!(Locale::Fr.money_compact(d("15000000")), "15\u{a0}M€");
        assert_eq!(Locale::En.money_compact(d("250000")), "€250k");
        // 1 249 999 / 1e6 = 1.249999 -> 1.2
        assert_eq!(Locale::En.money_compact(d("1249999")), "€1.2M");
        assert_eq!(Locale::Fr.money_compact(d("999")), "999\u{a0}€");
        assert_eq!(Locale::En.money_compact(d("-2000")), "-€2k");
    }

    #[test]
    fn dates_and_periods() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
        assert_eq!(Locale::Fr.date(date), "25/11/2026");
        assert_eq!(Locale::En.date(date), "25 Nov 2026");
        let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
        assert_eq!(Locale::Fr.date(first), "05/01/2026");
        assert_eq!(Locale::En.date(first), "5 Jan 2026");
        assert_eq!(Locale::Fr.period(Period::Quarter { year: 2025, quarter: 4 }), "T4\u{a0}2025");
        assert_eq!(Locale::En.period(Period::Quarter { year: 2025, quarter: 4 }), "Q4\u{a0}2025");
        assert_eq!(Locale::Fr.period(Period::Month { year: 2025, month: 2 }), "févr.\u{a0}2025");
        assert_eq!(Locale::En.period(Period::Month { year: 2025, month: 12 }), "Dec\u{a0}2025");
        assert_eq!(Locale::Fr.period(Period::Year(2026)), "2026");
        assert_eq!(Locale::Fr.days(45.0, 0), "45\u{a0}j");
        assert_eq!(Locale::En.days(11.25, 1), "11.2\u{a0}d");
    }

    #[test]
    fn labels_in_lower_case() {
        for locale in [Locale::Fr, Locale::En] {
            for label in [Label::Objective, Label::Links, Label::Score, Label::Coverage] {
                assert_eq!(locale.label_lower(label), locale.label(label).to_lowercase());
            }
        }
        assert_eq!(Locale::Fr.label_lower(Label::Links), "liens de cause à effet");
        assert_eq!(Locale::En.label_lower(Label::Coverage), "coverage");
    }

    #[test]
    fn labels_and_statuses_differ_by_language() {
        assert_eq!(Locale::Fr.label(Label::ActiveCaseload), "File active");
        assert_eq!(Locale::En.label(Label::ActiveCaseload), "Active caseload");
        assert_eq!(Locale::Fr.status(Status::Red), "Hors cible");
        assert_eq!(Locale::En.status(Status::NoData), "No data");
        assert_eq!(status_symbol(Status::Green), "✓");
        // roll-up nodes average scores: their words never claim a target is met
        assert_eq!(Locale::Fr.rollup_status(Status::Green), "Favorable");
        assert_eq!(Locale::En.rollup_status(Status::Green), "Good");
        assert_eq!(Locale::En.rollup_status(Status::Red), "Poor");
        assert_eq!(Locale::Fr.rollup_status(Status::Amber), "Vigilance");
        assert_eq!(Locale::En.rollup_status(Status::NoData), "No data");
    }

    #[test]
    fn every_label_once() {
        let mut all = Label::ALL.to_vec();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), Label::ALL.len());
    }

    #[test]
    fn the_widget_table_has_one_text_per_key_with_the_same_values_in_both_languages() {
        let (fr, en) = (Locale::Fr.table(), Locale::En.table());
        let keys = |w: &WordMap| w.0.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        // keys are unique, and the same in both languages
        let mut unique = keys(&fr.messages);
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), MESSAGES.len());
        assert_eq!(keys(&fr.messages), keys(&en.messages));
        let marks = |t: &str| ["{0}", "{1}", "{2}"].map(|m| t.contains(m));
        for (k, text) in &fr.messages.0 {
            assert_eq!(marks(text), marks(en.messages.get(k).unwrap_or_default()), "{k}");
        }
        // a message that is a report label is that label
        assert_eq!(fr.messages.get("scorecard"), Some(Locale::Fr.label(Label::Report)));
        assert_eq!(en.messages.get("caseload"), Some("Active caseload"));
        assert_eq!(fr.messages.get("colon"), Some("\u{a0}: "));
        assert_eq!(fr.messages.get("nothing"), None);
        assert_eq!(fr.lang, "fr");
        // the statuses, symbols, trends and arrows are the report's
        assert_eq!(en.statuses.get("no_data"), Some("No data"));
        assert_eq!(fr.rollup_statuses.get("green"), Some("Favorable"));
        assert_eq!(fr.rollup_statuses.get("suppressed"), Some("Masqué (petit effectif)"));
        assert_eq!(en.symbols.get("red"), Some("✗"));
        assert_eq!(fr.trends.get("declining"), Some("en recul"));
        assert_eq!(en.arrows.get("unknown"), Some("?"));
        assert_eq!(en.leverage_definitions.get("total_over_own"), Some("(own + external funds) / own funds"));
        // serialised as maps, in the table's order
        let json = serde_json::to_string(&en.arrows).unwrap_or_default();
        assert_eq!(json, r#"{"improving":"↗","stable":"→","declining":"↘","unknown":"?"}"#);
    }
}
