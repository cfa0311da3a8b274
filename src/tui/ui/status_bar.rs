//! The status bar: the file and how far through it the view is, then a message, a warning
//! or the current annotation, and on the right a key hint generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::annotation::AnnotationKind;
use crate::theme::{Role, Theme};

use super::super::model::Model;
use super::super::rows::Tab;
use super::style::{role, stack};
use super::{fit, width};

/// What the current annotation is, in a few words.
pub fn summary(m: &Model) -> Option<String> {
    let c = m.current?;
    let a = m.annotations.get(c)?;
    let words = m.article.text.get(a.span.clone()).unwrap_or("");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match &a.kind {
        AnnotationKind::Entity { label, group } => {
            let name = m
                .annotations
                .group(*group)
                .map_or(words.as_str(), |g| g.name.as_str());
            let anchors = m
                .rows
                .entity_item(*group)
                .map(|i| m.rows.anchors(Tab::Entities, i));
            let nth = anchors.and_then(|an| Some((an.position(c)? + 1, an.len())));
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
            format!(
                "QUOTE {}: {words}",
                q.speaker.as_deref().unwrap_or("unknown speaker")
            )
        }
    })
}

pub fn draw(frame: &mut Frame, area: Rect, m: &Model, theme: &Theme) {
    let bar = role(theme, Role::StatusBar);
    let buf = frame.buffer_mut();
    super::text::set_style(buf, area, bar);
    let total = usize::from(area.width);

    // A notes problem (read-only notes file, a failed save) outranks the article's warnings:
    // it is about the reader's own writing.
    let notes_warn = m
        .notes
        .save_failed
        .as_ref()
        .map(|e| format!("notes not saved: {e}"));
    let notes_warn = notes_warn.or_else(|| m.notes.problem.clone());
    let warn = notes_warn.as_ref().or(m.article.warnings.first());
    let mut left = vec![
        Span::styled(
            format!(" {} ", fit(&m.file_label, (total / 3).clamp(8, 48))),
            stack(theme, &[Role::StatusBar, Role::PaneTitleFocused]),
        ),
        Span::styled(format!("{:>3}% ", m.percent()), bar),
    ];
    let (middle, middle_role) = if let Some(msg) = &m.status.message {
        (Some(msg.clone()), Role::StatusMessage)
    } else if let Some(link) = &m.status.fetching {
        (Some(format!("fetching {link}…")), Role::StatusMessage)
    } else if let Some(sel) = &m.notes.selection {
        let words = m.article.text.get(sel.range.clone()).unwrap_or("");
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        (Some(format!("SELECTION “{words}”")), Role::StatusMessage)
    } else if let Some(w) = &notes_warn {
        (Some(format!("⚠ {w}")), Role::StatusWarning)
    } else if m.notes.tag.is_some() && m.side.tab == Tab::Notes && m.side_shown() {
        let tag = m.notes.tag.as_deref().unwrap_or("");
        (Some(format!("Notes tab: #{tag} only")), Role::StatusMessage)
    } else if let Some(s) = summary(m) {
        (Some(s), Role::StatusBar)
    } else if let Some(w) = warn {
        (Some(format!("⚠ {w}")), Role::StatusWarning)
    } else if m.detection.running {
        let text = match m.detection.progress {
            Some(percent) => format!("detecting… {percent}%"),
            None => "detecting…".to_string(),
        };
        (Some(text), Role::StatusMessage)
    } else {
        (None, Role::StatusBar)
    };
    if warn.is_some() && middle_role != Role::StatusWarning {
        left.push(Span::styled(
            "⚠ ",
            stack(theme, &[Role::StatusBar, Role::StatusWarning]),
        ));
    }

    let left_w: usize = left.iter().map(|s| width(&s.content)).sum();
    let middle_w = middle.as_ref().map_or(0, |s| width(s));
    // Hints in priority order, as many as fit beside the whole middle text.
    let mut hints = m.keymap.hint(m.side.focus);
    let hint_width = |h: &[(String, &str)]| {
        h.iter()
            .map(|(k, w)| width(k) + width(w) + 3)
            .sum::<usize>()
    };
    while !hints.is_empty() && left_w + middle_w + hint_width(&hints) + 2 > total {
        hints.pop();
    }
    let hint_w = hint_width(&hints);
    let room = total.saturating_sub(left_w + hint_w + 1);
    let mut spans = left;
    if let Some(text) = middle {
        spans.push(Span::styled(
            fit(&text, room),
            stack(theme, &[Role::StatusBar, middle_role]),
        ));
    }
    super::text::set_line(buf, area.x, area.y, &spans, area.width);
    if !hints.is_empty() {
        let mut hint: Vec<Span> = Vec::new();
        for (key, word) in hints {
            hint.push(Span::styled(
                key,
                stack(theme, &[Role::StatusBar, Role::StatusKey]),
            ));
            hint.push(Span::styled(format!(" {word}  "), bar));
        }
        let x = area.x + u16::try_from(total - hint_w).unwrap_or(0);
        super::text::set_line(buf, x, area.y, &hint, u16::try_from(hint_w).unwrap_or(0));
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;
    use crate::theme::Theme;
    use crate::tui::action::Action;
    use crate::tui::keymap::Keymap;
    use crate::tui::model::Focus;
    use crate::tui::tests::{model, screen};

    /// The status bar: the last row of the screen.
    fn bar(keymap: Keymap, focus: Focus) -> String {
        let mut m = model(100, 30);
        m.keymap = keymap;
        m.side.focus = focus;
        let screen = screen(&m, &Theme::default());
        screen.lines().last().unwrap_or_default().to_string()
    }

    #[test]
    fn a_key_remapped_in_the_config_shows_in_the_hint() {
        let config = "[keys]\nhelp = \"f1\"\nquit = [\"x\", \"q\"]\nenter = \"ctrl-l\"\n";
        let names = Action::names();
        let config = Config::parse(config, Path::new("config.toml"), &names)
            .unwrap_or_else(|e| panic!("{e}"));
        let remapped = Keymap::with_overrides(&config.keys);
        let default = bar(Keymap::default(), Focus::Article);
        assert!(
            default.ends_with("? help  Tab next  q quit  Enter list  / search"),
            "{default}"
        );
        let article = bar(remapped.clone(), Focus::Article);
        assert!(
            article.ends_with("F1 help  Tab next  x quit  Ctrl-l list  / search"),
            "{article}"
        );
        let side = bar(remapped, Focus::Side);
        assert!(
            side.ends_with("F1 help  Ctrl-l show  Esc back  x quit"),
            "{side}"
        );
    }

    #[test]
    fn an_unbound_action_drops_out_of_the_hint() {
        let remapped = Keymap::with_overrides(&[("next_annotation".to_string(), Vec::new())]);
        let hint = remapped.hint(Focus::Article);
        let words: Vec<&str> = hint.iter().map(|&(_, w)| w).collect();
        assert_eq!(words, ["help", "quit", "list", "search"]);
    }
}
