//! The partnerships' view: funds by status over the history, leverage, top partners, from
//! [`headline`](crate::analytics::headline::headline)'s figures.

use rust_decimal::prelude::ToPrimitive;

use super::ReportOptions;
use crate::analytics::headline::Headline;
use crate::analytics::partnership::LeverageUndefined;
use crate::analytics::partnership::{self, FundsScope};
use crate::model::period::Period;
use crate::model::workspace::Workspace;
use crate::report::model::{
    FundsPoint, LeverageView, PartnerAmount, PartnershipExplanation, PartnershipView,
};

pub(super) fn partnership_view(
    ws: &Workspace,
    periods: &[Period],
    h: &Headline,
    members: usize,
    options: &ReportOptions,
) -> PartnershipView {
    let funds: Vec<FundsPoint> = periods
        .iter()
        .map(|p| {
            let t = partnership::funds(ws, FundsScope::Within(*p)).total;
            FundsPoint { period: *p, pledged: t.pledged, signed: t.signed, received: t.received }
        })
        .collect();
    let lev = &h.finance.leverage;
    let leverage = LeverageView {
        value: lev.value.and_then(|v| v.to_f64()),
        numerator: lev.numerator(),
        denominator: lev.own,
        definition: lev.definition,
        as_of: Some(h.as_of),
    };
    let top_partners = h
        .concentration
        .partners
        .iter()
        .take(options.top_partners)
        .map(|s| {
            let partner = ws.partners.iter().find(|p| p.id == s.partner);
            PartnerAmount {
                id: s.partner.clone(),
                name: partner.map(|p| p.name.clone()).unwrap_or_else(|| s.partner.clone()),
                kind: partner.map(|p| p.kind),
                amount: s.amount,
            }
        })
        .collect();
    let f = &h.funds.total;
    let overflowed = funds.iter().any(|p| p.pledged.is_none() || p.signed.is_none() || p.received.is_none())
        || h.funds.overflow.is_some()
        || h.concentration.overflow.is_some()
        || h.finance.overflow.is_some()
        || lev.undefined_reason == Some(LeverageUndefined::Overflow);
    let explanation = PartnershipExplanation {
        as_of: h.as_of,
        period: h.period,
        pledged: f.pledged,
        signed: f.signed,
        received: f.received,
        top_n: h.concentration.top_n,
        top_share: h.concentration.top_share.and_then(|s| s.to_f64()),
        // an overflow is said once, in the report's language
        leverage_undefined: lev.undefined_reason.filter(|r| *r != LeverageUndefined::Overflow),
        overflow: overflowed,
    };
    PartnershipView {
        funds,
        leverage: Some(leverage),
        top_partners,
        partner_count: u32::try_from(members).ok(),
        explanation: Some(explanation),
    }
}
