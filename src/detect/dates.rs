//! Date detection and normalisation to TIMEX3 values against the publication date.
//!
//! The flow: [`grammar`] finds the expressions ("Sunday", "October 2014", "two years
//! ago") as unresolved [`grammar::Expr`]s; [`tense`] reads the clause around each; then
//! [`resolve`] turns each into a TIMEX3 value against an anchor: the publication date, or
//! for an expression inside a quotation whose speech the text dates ("Trump said in his
//! October 27 speech"), the date of that speech. [`timeline`] orders values for the side
//! pane's calendar view.

mod clock;
mod grammar;
mod holiday;
mod lexicon;
mod resolve;
mod speech;
mod tense;
mod timeline;

use jiff::civil::Date;

use crate::annotation::{Annotation, AnnotationKind, DateInfo};

pub use timeline::{Granularity, TimelineKey, timeline_key};

use grammar::Expr;
use resolve::{Anchor, Context, resolve};

/// How far after a quarter is named ("third-quarter profit") the text is taken to keep
/// reporting on it ("a year earlier", "the quarter"), in bytes.
const QUARTER_REACH: usize = 600;

const PUBLICATION: &str = "the publication date";
const SPEECH: &str = "the date of the speech";

/// Finds the date expressions of `text`, resolving relative ones against `anchor`.
///
/// Every annotation is a [`AnnotationKind::Date`] whose value is a TIMEX3 string, or
/// `None` for a relative expression when there is no anchor; its explanation says how
/// the value was reached ("Sunday -> 2020-01-05 (the Sunday before the publication
/// date, Mon 2020-01-06)").
pub fn detect(text: &str, anchor: Option<Date>) -> Vec<Annotation> {
    let mentions = grammar::scan(text);
    let doc_anchor = anchor.map(|date| Anchor {
        date,
        label: PUBLICATION,
    });
    let mut contexts: Vec<Context> = Vec::with_capacity(mentions.len());
    let mut resolved: Vec<Option<resolve::Resolved>> = Vec::with_capacity(mentions.len());
    let mut quarter: Option<((i16, i8), usize)> = None;
    for m in &mentions {
        let ctx = Context {
            anchor: doc_anchor,
            tense: tense::tense_at(text, m.span.clone()),
            quarter: quarter
                .filter(|(_, at)| m.span.start.saturating_sub(*at) <= QUARTER_REACH)
                .map(|(q, _)| q),
        };
        let r = resolve(m, &ctx);
        // Only a quarter already over when the text was written is one being reported on;
        // "the 1988 period" is the comparison, not the quarter reported on.
        if matches!(
            m.expr,
            Expr::Quarter { .. } | Expr::QuarterRef { year: None }
        ) && let Some(q) = r
            .as_ref()
            .and_then(|r| r.value.as_deref())
            .and_then(parse_quarter)
            && anchor.is_none_or(|a| quarter_ended(q, a))
        {
            quarter = Some((q, m.span.end));
        }
        contexts.push(ctx);
        resolved.push(r);
    }
    // Second pass: expressions inside a quotation whose speech the text dates are
    // re-resolved against that date ("Last night ...," Trump said in his October 27 speech).
    if doc_anchor.is_some() {
        let days: Vec<(std::ops::Range<usize>, Option<Date>)> = mentions
            .iter()
            .zip(&resolved)
            .map(|(m, r)| {
                (
                    m.span.clone(),
                    r.as_ref().and_then(|r| speech::day_of(r.value.as_deref())),
                )
            })
            .collect();
        for (i, m) in mentions.iter().enumerate() {
            if !m.expr.is_relative() {
                continue;
            }
            if let Some(date) = speech::speech_date(text, m.span.clone(), &days)
                && Some(date) != anchor
            {
                let ctx = Context {
                    anchor: Some(Anchor {
                        date,
                        label: SPEECH,
                    }),
                    ..contexts[i]
                };
                resolved[i] = resolve(m, &ctx);
            }
        }
    }
    mentions
        .into_iter()
        .zip(resolved)
        .filter_map(|(m, r)| {
            let r = r?;
            let surface = text
                .get(m.span.clone())?
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let explanation = match &r.value {
                Some(v) => format!("{surface} -> {v} ({})", r.how),
                None => format!("{surface} -> unresolved ({})", r.how),
            };
            Some(Annotation {
                span: m.span,
                kind: AnnotationKind::Date(Box::new(DateInfo {
                    value: r.value,
                    explanation: Some(explanation),
                })),
            })
        })
        .collect()
}

/// Whether quarter (year, q) ended before `date`.
fn quarter_ended((y, q): (i16, i8), date: Date) -> bool {
    (y, q) < (date.year(), (date.month() - 1) / 3 + 1)
}

/// Reads "2019-Q3" back into (2019, 3).
fn parse_quarter(v: &str) -> Option<(i16, i8)> {
    let (y, q) = v.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

#[cfg(test)]
mod tests;
