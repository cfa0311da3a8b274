//! The status bar: the file and how far through it the view is, then a message, a warning
//! or the current annotation, and on the right a key hint generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::annotation::AnnotationKind;
use crate::theme::{Role, Theme};

use super::super::action::Action;
use super::super::model::{Focus, Model};
use super::super::rows::Tab;
use super::style::{role, stack};
use super::{fit, width};

/// The actions the hint offers, with the word shown for each, by focus.
fn hint_actions(m: &Model) -> &'static [(Action, &'static str)] {
    match m.focus {
        Focus::Side => &[(Action::Enter, "show"), (Action::Back, "back"), (Action::Help, "help"), (Action::Quit, "quit")],
        Focus::Article => &[
            (Action::Help, "help"),
            (Action::NextAnnotation, "next"),
            (Action::Enter, "list"),
            (Action::Search, "search"),
            (Action::Quit, "quit"),
        ],
    }
}

/// What the current annotation is, in a few words.
pub fn summary(m: &Model) -> Option<String> {
    let c = m.current?;
    let a = m.annotations.get(c)?;
    let words = m.article.text.get(a.span.clone()).unwrap_or("");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match &a.kind {
        AnnotationKind::Entity { label, group } => {
            let name = m.annotations.group(*group).map_or(words.as_str(), |g| g.name.as_str());
            let item = m.rows.entity_item(*group).and_then(|i| m.rows.items(Tab::Entities).get(i));
            let nth = item.and_then(|it| Some((it.anchors.iter().position(|&x| x == c)? + 1, it.anchors.len())));
            match nth {
                Some((k, n)) if n > 1 => format!("{} {name} · mention {k} of {n}", label.as_str()),
                _ => format!("{} {name}", label.as_str()),
            }
        }
        AnnotationKind::Date(d) => {
            let value = d.value.as_deref().unwrap_or("unresolved");
            format!("DATE {value} · “{words}”")
        }
        AnnotationKind::Quote(q) => {
            format!("QUOTE {}: {words}", q.speaker.as_deref().unwrap_or("unknown speaker"))
        }
    })
}

pub fn draw(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme) {
    let bar = role(theme, Role::StatusBar);
    let buf = frame.buffer_mut();
    buf.set_style(area, bar);
    let total = usize::from(area.width);

    let warn = m.article.warnings.first();
    let mut left = vec![
        Span::styled(format!(" {} ", fit(&m.file_label, total.saturating_sub(8).min(40))), stack(theme, &[Role::StatusBar, Role::PaneTitleFocused])),
        Span::styled(format!("{:>3}% ", m.percent()), bar),
    ];
    let (middle, middle_role) = if let Some(msg) = &m.message {
        (Some(msg.clone()), Role::StatusMessage)
    } else if let Some(s) = summary(m) {
        (Some(s), Role::StatusBar)
    } else if let Some(w) = warn {
        (Some(format!("⚠ {w}")), Role::StatusWarning)
    } else if m.detecting {
        (Some("detecting…".to_string()), Role::StatusMessage)
    } else {
        (None, Role::StatusBar)
    };
    if warn.is_some() && middle_role != Role::StatusWarning {
        left.push(Span::styled("⚠ ", stack(theme, &[Role::StatusBar, Role::StatusWarning])));
    }

    let mut hint: Vec<Span> = Vec::new();
    for (action, word) in hint_actions(m) {
        if let Some(key) = m.keymap.keys_for(*action).first() {
            hint.push(Span::styled(key.to_string(), stack(theme, &[Role::StatusBar, Role::StatusKey])));
            hint.push(Span::styled(format!(" {word}  "), bar));
        }
    }
    let left_w: usize = left.iter().map(|s| width(&s.content)).sum();
    let hint_w: usize = hint.iter().map(|s| width(&s.content)).sum();
    let middle_min = middle.as_ref().map_or(0, |s| width(s).min(24));
    let show_hint = left_w + middle_min + hint_w + 2 <= total;
    let room = total.saturating_sub(left_w + if show_hint { hint_w + 2 } else { 0 } + 1);
    let mut spans = left;
    if let Some(text) = middle {
        spans.push(Span::styled(fit(&text, room), stack(theme, &[Role::StatusBar, middle_role])));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
    if show_hint {
        let x = area.x + u16::try_from(total - hint_w).unwrap_or(0);
        buf.set_line(x, area.y, &Line::from(hint), u16::try_from(hint_w).unwrap_or(0));
    }
}
