//! The expression language of calculated indicators: a small, safe formula over other
//! indicators of the same period.
//!
//! ```text
//! expr    := term (("+" | "-") term)*
//! term    := unary (("*" | "/") unary)*
//! unary   := "-" unary | primary
//! primary := number | id | "{" any id "}" | func "(" expr ("," expr)* ")" | "(" expr ")"
//! func    := min | max | abs
//! ```
//!
//! Plain ids are letters, digits, `_` and `.` (not starting with a digit); any other id is
//! written in braces: `{qvt-absenteeism}`. A formula is parsed once into an [`Expr`]; it is
//! at most [`MAX_LEN`] characters, [`MAX_DEPTH`] levels deep and has at most
//! [`MAX_OPERATORS`] operators (documented limits: together they bound the height of the tree,
//! which evaluation, printing and dropping walk recursively).
//! Evaluation never yields infinity or NaN: a division by zero, a missing input or an
//! overflow is an [`EvalIssue`] that the engine reports as "no data" with the reason.
//!
//! ```
//! use pilotage::engine::expression::Expr;
//! let e = Expr::parse("100 * received / max(signed, 1)").unwrap();
//! assert_eq!(e.references(), vec!["received", "signed"]);
//! let v = e.eval(&|id| match id { "received" => Some(30.0), "signed" => Some(120.0), _ => None });
//! assert_eq!(v, Ok(25.0));
//! ```

use std::collections::HashSet;
use std::fmt;

use crate::engine::evaluation::Formula;

/// Longest formula accepted, in characters.
pub const MAX_LEN: usize = 4096;
/// Deepest nesting accepted (parentheses, unary minus and function calls).
pub const MAX_DEPTH: usize = 64;
/// Most binary operators (`+ - * /`) in one formula. A chain `a + b + c ...` is a tree as
/// high as it has operators, so this bounds the recursion of evaluation and printing.
pub const MAX_OPERATORS: usize = 256;

/// A parsed formula.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number.
    Number(f64),
    /// The value of another indicator for the same period.
    Ref(String),
    /// `-e`
    Neg(Box<Expr>),
    /// A binary operation.
    Binary(Op, Box<Expr>, Box<Expr>),
    /// A function call.
    Call(Func, Vec<Expr>),
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// A function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// Smallest argument.
    Min,
    /// Largest argument.
    Max,
    /// Absolute value (one argument).
    Abs,
}

/// Why a formula cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at character {position}: {message}")]
pub struct ParseError {
    /// 1-based character position.
    pub position: usize,
    /// What is wrong.
    pub message: String,
}

/// Why a formula gives no value for a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalIssue {
    /// An input indicator has no value for the period.
    #[error("{0} has no value for the period")]
    Missing(String),
    /// A division by zero.
    #[error("division by zero in {0}")]
    DivisionByZero(String),
    /// The result is too large to be a number.
    #[error("the result overflows")]
    Overflow,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
    operators: usize,
    _src: &'a str,
}

impl Expr {
    /// Parse a formula.
    pub fn parse(src: &str) -> Result<Expr, ParseError> {
        if src.chars().count() > MAX_LEN {
            return Err(ParseError {
                position: MAX_LEN,
                message: format!("a formula is at most {MAX_LEN} characters"),
            });
        }
        let mut p = Parser { chars: src.chars().collect(), pos: 0, depth: 0, operators: 0, _src: src };
        let e = p.expr()?;
        p.skip_ws();
        if p.pos < p.chars.len() {
            return Err(p.error(format!("unexpected {:?}", p.chars[p.pos])));
        }
        Ok(e)
    }

    /// The ids the formula reads, in order of first appearance, without repeats.
    pub fn references(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_refs(&mut out, &mut HashSet::new());
        out
    }

    fn collect_refs<'a>(&'a self, out: &mut Vec<&'a str>, seen: &mut HashSet<&'a str>) {
        match self {
            Expr::Number(_) => {}
            Expr::Ref(id) => {
                if seen.insert(id) {
                    out.push(id);
                }
            }
            Expr::Neg(e) => e.collect_refs(out, seen),
            Expr::Binary(_, a, b) => {
                a.collect_refs(out, seen);
                b.collect_refs(out, seen);
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.collect_refs(out, seen)),
        }
    }

    /// Evaluate with the values of the referenced indicators.
    pub fn eval(&self, lookup: &dyn Fn(&str) -> Option<f64>) -> Result<f64, EvalIssue> {
        let v = match self {
            Expr::Number(n) => *n,
            Expr::Ref(id) => lookup(id).ok_or_else(|| EvalIssue::Missing(id.clone()))?,
            Expr::Neg(e) => -e.eval(lookup)?,
            Expr::Binary(op, a, b) => {
                let (x, y) = (a.eval(lookup)?, b.eval(lookup)?);
                match op {
                    Op::Add => x + y,
                    Op::Sub => x - y,
                    Op::Mul => x * y,
                    Op::Div => {
                        if y == 0.0 {
                            return Err(EvalIssue::DivisionByZero(self.to_string()));
                        }
                        x / y
                    }
                }
            }
            Expr::Call(f, args) => {
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(a.eval(lookup)?);
                }
                match f {
                    Func::Abs => vals.first().copied().unwrap_or(0.0).abs(),
                    Func::Min => vals.iter().copied().fold(f64::INFINITY, f64::min),
                    Func::Max => vals.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                }
            }
        };
        if v.is_finite() { Ok(v) } else { Err(EvalIssue::Overflow) }
    }

    /// The formula with each reference replaced by its value (for explanations), as a tree
    /// whose leaves are the numbers and the inputs.
    pub fn substituted(&self, lookup: &dyn Fn(&str) -> Option<f64>) -> Formula {
        use crate::engine::evaluation::{Op as O, Operand};
        match self {
            Expr::Number(n) => Formula::value(*n, Operand::Constant),
            Expr::Ref(id) => Formula::Input { indicator: id.clone(), value: lookup(id) },
            Expr::Neg(e) => Formula::op(O::Neg, vec![e.substituted(lookup)]),
            Expr::Binary(op, a, b) => {
                let op = match op {
                    Op::Add => O::Add,
                    Op::Sub => O::Sub,
                    Op::Mul => O::Mul,
                    Op::Div => O::Div,
                };
                Formula::op(op, vec![a.substituted(lookup), b.substituted(lookup)])
            }
            Expr::Call(f, args) => {
                let op = match f {
                    Func::Min => O::Min,
                    Func::Max => O::Max,
                    Func::Abs => O::Abs,
                };
                Formula::op(op, args.iter().map(|a| a.substituted(lookup)).collect())
            }
        }
    }
}

/// A number as the parser reads it back exactly: whole numbers below 10^15 as integers, others
/// in Rust's shortest round-trip form, which switches to an exponent for very large or very
/// small magnitudes (`1e300`, not 301 digits).
fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n:?}") }
}

/// Binding strength: sums 1, products 2, a negation or an atom 3.
fn precedence(e: &Expr) -> u8 {
    match e {
        Expr::Binary(Op::Add | Op::Sub, ..) => 1,
        Expr::Binary(Op::Mul | Op::Div, ..) => 2,
        Expr::Number(n) if *n < 0.0 => 2,
        Expr::Number(_) | Expr::Ref(_) | Expr::Neg(_) | Expr::Call(..) => 3,
    }
}

/// Writes `e`, in parentheses when it binds less tightly than `min` requires.
fn write_operand(f: &mut fmt::Formatter<'_>, e: &Expr, min: u8) -> fmt::Result {
    if precedence(e) < min { write!(f, "({e})") } else { write!(f, "{e}") }
}

fn op_str(op: Op) -> &'static str {
    match op {
        Op::Add => "+",
        Op::Sub => "-",
        Op::Mul => "*",
        Op::Div => "/",
    }
}

fn func_str(f: Func) -> &'static str {
    match f {
        Func::Min => "min",
        Func::Max => "max",
        Func::Abs => "abs",
    }
}

fn is_plain_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !matches!(id, "min" | "max" | "abs")
}

/// The formula with as few parentheses as its tree needs: the text parses back to the same
/// tree, and is never nested deeper than the text the tree was parsed from.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Number(n) => f.write_str(&fmt_num(*n)),
            Expr::Ref(id) if is_plain_id(id) => f.write_str(id),
            Expr::Ref(id) => write!(f, "{{{id}}}"),
            Expr::Neg(e) => {
                f.write_str("-")?;
                write_operand(f, e, 3)
            }
            Expr::Binary(op, a, b) => {
                // Left-associative: the left operand may bind as loosely as the operator, the
                // right one must bind more tightly, so that the text parses back to this tree.
                let p = precedence(self);
                write_operand(f, a, p)?;
                write!(f, " {} ", op_str(*op))?;
                write_operand(f, b, p + 1)
            }
            Expr::Call(func, args) => {
                write!(f, "{}(", func_str(*func))?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{a}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError { position: self.pos + 1, message: message.into() }
    }

    fn skip_ws(&mut self) {
        while self.pos < self.chars.len() && self.chars[self.pos].is_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.chars.get(self.pos).copied()
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error(format!("the formula is nested more than {MAX_DEPTH} levels deep")))
        } else {
            Ok(())
        }
    }

    /// Counts one more binary operator (the one just read).
    fn operator(&mut self) -> Result<(), ParseError> {
        self.operators += 1;
        if self.operators > MAX_OPERATORS {
            Err(ParseError {
                position: self.pos,
                message: format!("a formula has at most {MAX_OPERATORS} operators"),
            })
        } else {
            Ok(())
        }
    }

    fn expr(&mut self) -> Result<Expr, ParseError> {
        self.enter()?;
        let mut left = self.term()?;
        while let Some(c @ ('+' | '-')) = self.peek() {
            self.pos += 1;
            self.operator()?;
            let right = self.term()?;
            left = Expr::Binary(if c == '+' { Op::Add } else { Op::Sub }, Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        while let Some(c @ ('*' | '/')) = self.peek() {
            self.pos += 1;
            self.operator()?;
            let right = self.unary()?;
            left = Expr::Binary(if c == '*' { Op::Mul } else { Op::Div }, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.peek() == Some('-') {
            self.pos += 1;
            self.enter()?;
            let e = self.unary()?;
            self.depth -= 1;
            return Ok(Expr::Neg(Box::new(e)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        match self.peek() {
            None => Err(self.error("the formula ends too early")),
            Some('(') => {
                self.pos += 1;
                let e = self.expr()?;
                if self.peek() != Some(')') {
                    return Err(self.error("expected ')'"));
                }
                self.pos += 1;
                Ok(e)
            }
            Some('{') => {
                self.pos += 1;
                let start = self.pos;
                while self.pos < self.chars.len() && self.chars[self.pos] != '}' {
                    self.pos += 1;
                }
                if self.pos >= self.chars.len() {
                    return Err(self.error("expected '}' to close the id"));
                }
                let id: String = self.chars[start..self.pos].iter().collect();
                self.pos += 1;
                if id.trim().is_empty() {
                    return Err(self.error("an id in braces cannot be empty"));
                }
                Ok(Expr::Ref(id))
            }
            Some(c) if c.is_ascii_digit() || c == '.' => {
                let start = self.pos;
                while self.pos < self.chars.len()
                    && (self.chars[self.pos].is_ascii_digit() || self.chars[self.pos] == '.')
                {
                    self.pos += 1;
                }
                // Optional exponent.
                if self.pos < self.chars.len() && matches!(self.chars[self.pos], 'e' | 'E') {
                    let save = self.pos;
                    self.pos += 1;
                    if self.pos < self.chars.len() && matches!(self.chars[self.pos], '+' | '-') {
                        self.pos += 1;
                    }
                    let digits = self.pos;
                    while self.pos < self.chars.len() && self.chars[self.pos].is_ascii_digit() {
                        self.pos += 1;
                    }
                    if self.pos == digits {
                        self.pos = save;
                    }
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                match text.parse::<f64>() {
                    Ok(n) if n.is_finite() => Ok(Expr::Number(n)),
                    _ => {
                        Err(ParseError { position: start + 1, message: format!("{text:?} is not a number") })
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let start = self.pos;
                while self.pos < self.chars.len()
                    && (self.chars[self.pos].is_ascii_alphanumeric()
                        || matches!(self.chars[self.pos], '_' | '.'))
                {
                    self.pos += 1;
                }
                let name: String = self.chars[start..self.pos].iter().collect();
                let func = match name.as_str() {
                    "min" => Some(Func::Min),
                    "max" => Some(Func::Max),
                    "abs" => Some(Func::Abs),
                    _ => None,
                };
                match func {
                    Some(f) if self.peek() == Some('(') => {
                        self.pos += 1;
                        self.enter()?;
                        let mut args = vec![self.expr()?];
                        while self.peek() == Some(',') {
                            self.pos += 1;
                            args.push(self.expr()?);
                        }
                        if self.peek() != Some(')') {
                            return Err(self.error("expected ')' after the arguments"));
                        }
                        self.pos += 1;
                        self.depth -= 1;
                        let arity_ok = match f {
                            Func::Abs => args.len() == 1,
                            Func::Min | Func::Max => args.len() >= 2,
                        };
                        if !arity_ok {
                            return Err(ParseError {
                                position: start + 1,
                                message: match f {
                                    Func::Abs => "abs takes exactly one argument".into(),
                                    _ => format!("{name} takes at least two arguments"),
                                },
                            });
                        }
                        Ok(Expr::Call(f, args))
                    }
                    Some(_) => Err(self.error(format!("expected '(' after {name}"))),
                    None => Ok(Expr::Ref(name)),
                }
            }
            Some(c) => Err(self.error(format!("unexpected {c:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(src: &str, vals: &[(&str, f64)]) -> Result<f64, EvalIssue> {
        let e = Expr::parse(src).unwrap();
        e.eval(&|id| vals.iter().find(|(k, _)| *k == id).map(|(_, v)| *v))
    }

    #[test]
    fn precedence_and_associativity() {
        assert_eq!(ev("1 + 2 * 3", &[]), Ok(7.0));
        assert_eq!(ev("(1 + 2) * 3", &[]), Ok(9.0));
        assert_eq!(ev("10 - 4 - 3", &[]), Ok(3.0));
        assert_eq!(ev("100 / 10 / 5", &[]), Ok(2.0));
        assert_eq!(ev("-2 * -3", &[]), Ok(6.0));
        assert_eq!(ev("1.5e2 + .5", &[]), Ok(150.5));
    }

    #[test]
    fn references_and_functions() {
        let v = [("a", 3.0), ("b", -8.0), ("qvt-abs", 4.0)];
        assert_eq!(ev("max(a, b, 1)", &v), Ok(3.0));
        assert_eq!(ev("min(a, b)", &v), Ok(-8.0));
        assert_eq!(ev("abs(b) / {qvt-abs}", &v), Ok(2.0));
        assert_eq!(Expr::parse("a + {qvt-abs} * a").unwrap().references(), vec!["a", "qvt-abs"]);
    }

    #[test]
    fn division_by_zero_and_missing_inputs_are_issues_not_numbers() {
        assert!(matches!(ev("a / b", &[("a", 1.0), ("b", 0.0)]), Err(EvalIssue::DivisionByZero(_))));
        assert_eq!(ev("a + c", &[("a", 1.0)]), Err(EvalIssue::Missing("c".into())));
        assert_eq!(ev("1e300 * 1e300", &[]), Err(EvalIssue::Overflow));
    }

    #[test]
    fn malformed_formulas_give_positions() {
        for (src, pos) in [
            ("1 +", 4),
            ("(a", 3),
            ("a b", 3),
            ("max(a)", 1),
            ("abs(a, b)", 1),
            ("min a", 5),
            ("{a", 3),
            ("", 1),
            ("a $ b", 3),
        ] {
            let e = Expr::parse(src).unwrap_err();
            assert_eq!(e.position, pos, "{src}: {e}");
        }
    }

    #[test]
    fn depth_and_length_are_bounded() {
        let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(Expr::parse(&deep).is_err());
        let negs = format!("{}1", "-".repeat(100_000));
        assert!(Expr::parse(&negs).is_err());
        let ok = format!("{}1{}", "(".repeat(30), ")".repeat(30));
        assert_eq!(Expr::parse(&ok).unwrap(), Expr::Number(1.0));
        // 256 operators pass; the 257th is refused at its position: 257 `+` after 257 `1`s,
        // `1+1+...`, the 257th `+` is character 2 * 257 = 514.
        assert!(Expr::parse(&vec!["1"; 257].join("+")).is_ok());
        let e = Expr::parse(&vec!["1"; 258].join("+")).unwrap_err();
        assert_eq!(e.position, 514, "{e}");
        assert!(e.message.contains("at most 256 operators"));
    }

    #[test]
    fn printing_keeps_only_the_parentheses_the_tree_needs() {
        for (src, printed) in [
            ("1+2+3", "1 + 2 + 3"),
            ("(1 + 2) + 3", "1 + 2 + 3"),
            ("1 + (2 + 3)", "1 + (2 + 3)"),
            ("a - (b - c)", "a - (b - c)"),
            ("a / (b / c)", "a / (b / c)"),
            ("(a + b) * c", "(a + b) * c"),
            ("a * b + c", "a * b + c"),
            ("-(a + b)", "-(a + b)"),
            ("-a * b", "-a * b"),
            ("a - -b", "a - -b"),
            ("max((a), {x-y}, abs(-2))", "max(a, {x-y}, abs(-2))"),
            ("{min} + {2a}", "{min} + {2a}"),
            ("1e300 + 0.5 + 1.5e-7", "1e300 + 0.5 + 1.5e-7"),
        ] {
            let e = Expr::parse(src).unwrap();
            assert_eq!(e.to_string(), printed, "{src}");
            assert_eq!(Expr::parse(printed).unwrap(), e, "{printed}");
        }
    }

    #[test]
    fn a_long_flat_formula_prints_flat_and_parses_back() {
        // Regression (fuzz/regressions/expression_parse): 65 chained products printed with
        // one pair of parentheses per operation, 65 levels deep, which the parser refused.
        let src = vec!["a"; 200].join(" * ");
        const { assert!(200 <= MAX_OPERATORS) };
        let e = Expr::parse(&src).unwrap();
        assert_eq!(e.to_string(), src);
        assert_eq!(Expr::parse(&e.to_string()).unwrap(), e);
        // 2^200 overflows nothing: a = 2 gives 2^200 ≈ 1.6e60.
        assert_eq!(e.eval(&|_| Some(2.0)), Ok(2f64.powi(200)));
    }

    fn arb_expr() -> impl proptest::strategy::Strategy<Value = Expr> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            (0.0..1e20f64).prop_map(Expr::Number),
            "[a-z_][a-z0-9_.]{0,5}"
                .prop_filter("not a function name", |s| !matches!(s.as_str(), "min" | "max" | "abs"))
                .prop_map(Expr::Ref),
            "[a-z% -]{1,6}".prop_filter("not blank", |s| !s.trim().is_empty()).prop_map(Expr::Ref),
        ];
        leaf.prop_recursive(6, 64, 4, |inner| {
            prop_oneof![
                inner.clone().prop_map(|e| Expr::Neg(Box::new(e))),
                (0..4usize, inner.clone(), inner.clone()).prop_map(|(o, a, b)| {
                    let op = [Op::Add, Op::Sub, Op::Mul, Op::Div][o];
                    Expr::Binary(op, Box::new(a), Box::new(b))
                }),
                inner.clone().prop_map(|e| Expr::Call(Func::Abs, vec![e])),
                (any::<bool>(), proptest::collection::vec(inner, 2..4))
                    .prop_map(|(min, args)| Expr::Call(if min { Func::Min } else { Func::Max }, args)),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn every_tree_prints_to_a_text_that_parses_back_to_it(e in arb_expr()) {
            let printed = e.to_string();
            proptest::prop_assert_eq!(Expr::parse(&printed), Ok(e), "{}", printed);
        }
    }

    #[test]
    fn substitution_shows_the_numbers() {
        let e = Expr::parse("100 * a / max(b, 1)").unwrap();
        let s = e.substituted(&|id| match id {
            "a" => Some(3.0),
            "b" => Some(12.0),
            _ => None,
        });
        // as few parentheses as the tree needs, in each language's number format
        assert_eq!(s.to_string(), "100 * 3 / max(12, 1)");
        let x = |id: &str| Some(if id == "a" { 0.5 } else { 2.5 });
        let fr = crate::explain::formula_in(
            &Expr::parse("(a + 1) * max(b, 1)").unwrap().substituted(&x),
            crate::locale::Locale::Fr,
        );
        assert_eq!(fr, "(0,5 + 1) * max(2,5\u{a0}; 1)");
    }
}
