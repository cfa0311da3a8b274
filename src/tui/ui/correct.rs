//! The correction popup (the choices for the current annotation or the selection, and a
//! line being typed for a group, a speaker or a date's value, with the day it resolves
//! to) and the Corrections overlay (every correction: what was detected, what it is now,
//! detached ones marked). Both are drawn over the panes, as the help is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::annotation::{AnnotationKind, Kind};
use crate::corrections::{Placement, check_timex};
use crate::theme::{Role, Theme};

use super::super::action::Action;
use super::super::corrections::{About, Popup, Purpose};
use super::super::model::Model;
use super::help::{overlay_area, overlay_block};
use super::style::{role, stack};
use super::{fit, width};

/// The popup's lines of choices for what it corrects.
fn choices(m: &Model, popup: &Popup) -> Vec<String> {
    let spans = "[ ] grow the span by a word at its start or end · { } shrink it";
    let kinds = "p person · o organisation · l place · n nationality or group · m other";
    let mut lines: Vec<String> = match &popup.about {
        About::Selection(_) => vec![format!("an entity: {kinds}"), "d a date · q a quote".into()],
        About::Annotation(i) => match m.annotations.get(*i).map(|a| a.kind()) {
            Some(Kind::Entity) => vec![
                kinds.into(),
                "x not an entity · s a group of its own · g move to a group".into(),
                "M merge its group into another · r rename its group".into(),
                spans.into(),
            ],
            Some(Kind::Date) => vec!["x not a date · v its value (TIMEX3)".into(), spans.into()],
            Some(Kind::Quote) => vec![
                "s its speaker · u speaker unknown · x not a quote".into(),
                spans.into(),
            ],
            None => Vec::new(),
        },
    };
    let general = if popup.general { "on" } else { "off" };
    lines.push(format!(
        "! every article (the lexicon): {general} · Esc closes"
    ));
    lines
}

/// What the popup is about, for its title.
fn title(m: &Model, popup: &Popup) -> String {
    let text = &m.article.text;
    match &popup.about {
        About::Selection(r) => format!(
            " Correct: “{}” (missed) ",
            text.get(r.clone()).unwrap_or("")
        ),
        About::Annotation(i) => {
            let Some(a) = m.annotations.get(*i) else {
                return " Correct ".into();
            };
            let words = text.get(a.span.clone()).unwrap_or("");
            let what = match &a.kind {
                AnnotationKind::Entity { label, .. } => label.as_str().to_owned(),
                AnnotationKind::Date(d) => d.value.clone().unwrap_or_else(|| "date".into()),
                AnnotationKind::Quote(q) => {
                    format!("said by {}", q.speaker.as_deref().unwrap_or("unknown"))
                }
            };
            let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
            format!(" Correct: “{}” {what} ", fit(&words, 40))
        }
    }
}

/// The typed line, with what a date value resolves to or why it does not parse.
fn typed_lines(popup: &Popup) -> Vec<String> {
    let Some(input) = &popup.input else {
        return Vec::new();
    };
    let mut lines = vec![format!("{}: {}▏", input.purpose.prompt(), input.text)];
    let date = matches!(input.purpose, Purpose::DateValue | Purpose::AddDate);
    if date && !input.text.trim().is_empty() {
        lines.push(match check_timex(&input.text) {
            Ok(Some(day)) => format!("resolves to {day} ({})", day.strftime("%A %-d %B %Y")),
            Ok(None) => "a reference, not a day".into(),
            Err(e) => e,
        });
    }
    lines.extend(popup.error.clone());
    lines.push("Enter accepts · Esc goes back".into());
    lines
}

/// Draws the correction popup over `screen`.
pub fn draw_popup(frame: &mut Frame, screen: Rect, m: &Model, popup: &Popup, theme: &Theme) {
    let lines = match popup.input {
        Some(_) => typed_lines(popup),
        None => choices(m, popup),
    };
    let w = screen.width.min(84);
    let (area, _) = overlay_area(screen, w, lines.len());
    if area.is_empty() {
        return;
    }
    let inner = usize::from(w.saturating_sub(4));
    let body: Vec<Line> = lines
        .iter()
        .map(|l| Line::styled(fit(l, inner), role(theme, Role::HelpText)))
        .collect();
    let title = title(m, popup);
    let block = overlay_block(&title, Action::Correct, m, theme);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(body).block(block), area);
}

/// The Corrections overlay's rows: the passage, what was detected, what it is now.
fn rows(m: &Model) -> Vec<(String, String, bool)> {
    let Some(book) = &m.corrections.book else {
        return Vec::new();
    };
    book.placed()
        .map(|(c, placed)| {
            let passage = c
                .target
                .quote
                .exact
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let was = if c.detected.is_empty() {
                "missed"
            } else {
                c.detected.as_str()
            };
            let detached = matches!(placed, Some(Placement::Detached));
            (
                passage,
                format!("{was} -> {}", c.change.describe()),
                detached,
            )
        })
        .collect()
}

/// Draws the Corrections overlay, scrolled by `scroll` rows.
pub fn draw_list(frame: &mut Frame, screen: Rect, m: &Model, scroll: usize, theme: &Theme) {
    let rows = rows(m);
    let w = screen.width.min(100);
    let shown = rows.len().max(1);
    let (area, most) = overlay_area(screen, w, shown);
    if area.is_empty() {
        return;
    }
    let inner = usize::from(w.saturating_sub(4)).max(1);
    let passage_w = (inner * 2 / 5).max(8);
    let mut lines: Vec<Line> = rows
        .iter()
        .skip(scroll.min(most))
        .map(|(passage, change, detached)| {
            let words = fit(passage, passage_w);
            let pad = " ".repeat(passage_w.saturating_sub(width(&words)) + 2);
            let mut change = change.clone();
            if *detached {
                change.push_str(" (detached)");
            }
            Line::from(vec![
                Span::styled(words, stack(theme, &[Role::Help, Role::HelpKey])),
                Span::styled(pad, role(theme, Role::Help)),
                Span::styled(
                    fit(&change, inner.saturating_sub(passage_w + 2)),
                    role(theme, Role::HelpText),
                ),
            ])
        })
        .collect();
    if lines.is_empty() {
        let how = m.keymap.label(Action::Correct);
        lines.push(Line::styled(
            format!("no corrections: {how} on an annotation corrects it"),
            role(theme, Role::HelpText),
        ));
    }
    let title = format!(
        " Corrections {} · {} undoes the last ",
        rows.len(),
        m.keymap.label(Action::UndoCorrection)
    );
    let block = overlay_block(&title, Action::CorrectionsList, m, theme);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
