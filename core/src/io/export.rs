//! CSV export of the record tables: measurements, projects, partners and commitments, with
//! exactly the columns the import reads ([`RecordKind::columns`]), so that exporting a table
//! and importing it into a workspace without those records gives the same records back.
//!
//! The layout is the one of the Python tables (`ws.projects().to_pandas()`...): one row per
//! measurement (with its indicator), per project (one date column per stage: the first date
//! the stage was reached), per partner, and per commitment step (a commitment without steps
//! is one row with empty `status`, `date` and `amount`). Numbers are written in the shortest
//! form that reads back to the same value; amounts exactly; lists of ids joined by `;`;
//! absent values as empty cells. The delimiter is `,`.

use std::io::Write;

use crate::error::{Error, Result};
use crate::io::rows::RecordKind;
use crate::model::project::Stage;
use crate::model::workspace::Workspace;

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// The rows of a table of `kind` (without the header), as text cells.
pub fn rows(ws: &Workspace, kind: RecordKind) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    match kind {
        RecordKind::Measurements => {
            for ind in &ws.indicators {
                for m in &ind.measurements {
                    out.push(vec![
                        ind.id.clone(),
                        m.period.to_string(),
                        opt(m.value),
                        opt(m.numerator),
                        opt(m.denominator),
                        opt(m.respondents),
                        m.comment.clone().unwrap_or_default(),
                        m.source.clone().unwrap_or_default(),
                    ]);
                }
            }
        }
        RecordKind::Projects => {
            for p in &ws.projects {
                let mut row = vec![
                    p.id.clone(),
                    p.title.clone(),
                    p.lead_service.clone(),
                    p.contributing_services.join(";"),
                    p.objectives.join(";"),
                ];
                for stage in Stage::ALL {
                    row.push(opt(p.stages.iter().find(|e| e.stage == stage).map(|e| e.date)));
                }
                row.extend([opt(p.planned_cost), opt(p.actual_cost), opt(p.planned_end), opt(p.own_funds)]);
                out.push(row);
            }
        }
        RecordKind::Partners => {
            for p in &ws.partners {
                out.push(vec![p.id.clone(), p.name.clone(), p.kind.as_str().to_string(), opt(p.joined)]);
            }
        }
        RecordKind::Commitments => {
            for c in &ws.commitments {
                let head = [
                    c.id.clone(),
                    c.partner.clone(),
                    c.project.clone().unwrap_or_default(),
                    c.kind.as_str().to_string(),
                ];
                if c.steps.is_empty() {
                    let mut row = head.to_vec();
                    row.extend([String::new(), String::new(), String::new()]);
                    out.push(row);
                }
                for s in &c.steps {
                    let mut row = head.to_vec();
                    row.extend([s.status.as_str().to_string(), s.date.to_string(), s.amount.to_string()]);
                    out.push(row);
                }
            }
        }
    }
    out
}

/// Write the table of `kind` as CSV (header line first) to `writer`.
pub fn csv(ws: &Workspace, kind: RecordKind, writer: impl Write) -> Result<()> {
    let fail =
        |e: csv::Error| Error::Argument { name: "writer", message: format!("cannot write the CSV: {e}") };
    let mut w = csv::Writer::from_writer(writer);
    w.write_record(kind.columns()).map_err(fail)?;
    for row in rows(ws, kind) {
        w.write_record(&row).map_err(fail)?;
    }
    w.flush().map_err(|e| fail(e.into()))?;
    Ok(())
}

/// The table of `kind` as CSV text.
pub fn csv_string(ws: &Workspace, kind: RecordKind) -> Result<String> {
    let mut out = Vec::new();
    csv(ws, kind, &mut out)?;
    String::from_utf8(out).map_err(|e| Error::Argument { name: "workspace", message: e.to_string() })
}
