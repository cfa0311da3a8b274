//! The corrections' part of `update`: opening the correction popup on the current
//! annotation (or the selection), its keys, undo, and applying the corrections again to the
//! detectors' annotations after each change. Saving is an effect
//! ([`Effect::SaveCorrections`]), as for notes.

use std::ops::Range;

use jiff::Timestamp;

use crate::annotation::{AnnotationKind, EntityLabel, Kind};
use crate::corrections::{Change, Correction, Entry, check_timex};
use crate::keys::{Key, KeyChord};
use crate::notes::{CodePoints, Target};

use super::super::corrections::{About, Input, Popup, Purpose, by_word};
use super::super::model::{Focus, Model};
use super::super::rows::Tab;
use super::Effect;

/// `correct`: the popup on the selection, else the current annotation (the side pane's
/// selected row when it has the keyboard).
pub fn open(m: &mut Model) {
    let about = match m.notes.selection.take() {
        Some(selection) => Some(About::Selection(selection.range)),
        None => current(m).map(About::Annotation),
    };
    match about {
        Some(about) => {
            m.corrections.popup = Some(Popup {
                about,
                general: false,
                input: None,
                error: None,
            })
        }
        None => {
            m.status.message = Some(format!(
                "nothing to correct: {} to an annotation, or {} to select missed words",
                m.keymap.label(super::Action::NextAnnotation),
                m.keymap.label(super::Action::Select)
            ))
        }
    }
}

/// The annotation a correction is about: the side pane's selected row (when focused),
/// else the current annotation, else (none on screen) the one at the search match
/// moved to last, so `/Operation Impact Enter c` corrects it.
fn current(m: &Model) -> Option<usize> {
    let side = (m.side.focus == Focus::Side && m.side.tab != Tab::Notes)
        .then(|| m.side.current().selected)
        .flatten()
        .and_then(|i| m.rows.anchors(m.side.tab, i).first());
    let visible = m.visible_bytes();
    let on_screen = |i: &usize| {
        m.annotations
            .get(*i)
            .is_some_and(|a| a.span.start < visible.end && a.span.end > visible.start)
    };
    let searched = || {
        let found = m.search.found.get(m.search.current?)?;
        m.annotations.at(found.start, None).filter(on_screen)
    };
    side.or(m.current.filter(on_screen)).or_else(searched)
}

/// `undo_correction`: the latest correction goes.
pub fn undo(m: &mut Model) -> Effect {
    let undone = m
        .corrections
        .book
        .as_mut()
        .and_then(|b| b.undo(None, Timestamp::now()));
    match undone {
        Some(c) => {
            m.corrections.changed = true;
            m.status.message = Some(format!(
                "undone: “{}” {}",
                c.target.quote.exact,
                c.change.describe()
            ));
            recorrect(m);
            Effect::SaveCorrections(None)
        }
        None => {
            m.status.message = Some("no correction to undo".into());
            Effect::None
        }
    }
}

/// The corrections applied again to the detectors' annotations.
pub fn recorrect(m: &mut Model) {
    let Some(raw) = &m.corrections.raw else {
        return;
    };
    let mut set = raw.clone();
    let text = &m.article.text;
    match m.corrections.book.as_mut() {
        Some(book) => book.apply(&mut set, text, &m.corrections.lexicon),
        None => {
            crate::corrections::apply(&mut set, text, &[], &m.corrections.lexicon);
        }
    }
    m.install_corrected(set);
}

/// A key while the popup is open.
pub fn popup_key(m: &mut Model, chord: KeyChord) -> Effect {
    let Some(popup) = m.corrections.popup.as_mut() else {
        return Effect::None;
    };
    if popup.input.is_some() {
        return input_key(m, chord);
    }
    let c = match chord.key {
        // Esc, or the key that opened it, closes it.
        Key::Esc | Key::Char('c') => {
            m.corrections.popup = None;
            return Effect::None;
        }
        Key::Char(c) if !chord.ctrl && !chord.alt => c,
        _ => return Effect::None,
    };
    if c == '!' {
        popup.general = !popup.general;
        return Effect::None;
    }
    let choice = match popup.about.clone() {
        About::Selection(range) => selection_choice(c, range),
        About::Annotation(i) => annotation_choice(m, i, c),
    };
    match choice {
        Choice::Change(range, change) => made(m, range, change),
        Choice::Type(purpose) => {
            if let Some(popup) = m.corrections.popup.as_mut() {
                popup.input = Some(Input {
                    purpose,
                    text: String::new(),
                    cycle: 0,
                });
            }
            Effect::None
        }
        Choice::Nothing => Effect::None,
    }
}

/// What a key in the popup chose.
enum Choice {
    Change(Range<usize>, Change),
    Type(Purpose),
    Nothing,
}

/// The kind a key names: p(erson), o(rg), l (place), n(ationality or group), m(isc).
fn label_key(c: char) -> Option<EntityLabel> {
    Some(match c {
        'p' => EntityLabel::Person,
        'o' => EntityLabel::Org,
        'l' => EntityLabel::Place,
        'n' => EntityLabel::Norp,
        'm' => EntityLabel::Misc,
        _ => return None,
    })
}

fn selection_choice(c: char, range: Range<usize>) -> Choice {
    match (c, label_key(c)) {
        (_, Some(label)) => Choice::Change(range, Change::AddEntity { label }),
        ('d', _) => Choice::Type(Purpose::AddDate),
        ('q', _) => Choice::Type(Purpose::AddQuote),
        _ => Choice::Nothing,
    }
}

fn annotation_choice(m: &Model, i: usize, c: char) -> Choice {
    let Some(a) = m.annotations.get(i) else {
        return Choice::Nothing;
    };
    let span = a.span.clone();
    let text = &m.article.text;
    let resized = |start, grow| by_word(text, span.clone(), start, grow);
    let span_change = |to: Range<usize>| {
        let target = Target::from_range(text, to, &CodePoints::new(text));
        match a.kind() {
            Kind::Entity => Change::EntitySpan { span: target },
            Kind::Date => Change::DateSpan { span: target },
            Kind::Quote => Change::QuoteSpan { span: target },
        }
    };
    let change = match (a.kind(), c) {
        (_, '[') => span_change(resized(true, true)),
        (_, ']') => span_change(resized(false, true)),
        (_, '{') => span_change(resized(true, false)),
        (_, '}') => span_change(resized(false, false)),
        (Kind::Entity, 'x') => Change::NotEntity,
        (Kind::Entity, 's') => Change::SplitOff,
        (Kind::Entity, 'g') => return Choice::Type(Purpose::MoveToGroup),
        (Kind::Entity, 'M') => return Choice::Type(Purpose::MergeInto),
        (Kind::Entity, 'r') => return Choice::Type(Purpose::Rename),
        (Kind::Entity, c) => match label_key(c) {
            Some(label) => Change::EntityKind { label },
            None => return Choice::Nothing,
        },
        (Kind::Date, 'x') => Change::NotDate,
        (Kind::Date, 'v') => return Choice::Type(Purpose::DateValue),
        (Kind::Quote, 'x') => Change::NotQuote,
        (Kind::Quote, 'u') => Change::SpeakerUnknown,
        (Kind::Quote, 's') => return Choice::Type(Purpose::Speaker),
        _ => return Choice::Nothing,
    };
    Choice::Change(span, change)
}

/// A key while a line is typed in the popup.
fn input_key(m: &mut Model, chord: KeyChord) -> Effect {
    let people = people(m);
    let Some(popup) = m.corrections.popup.as_mut() else {
        return Effect::None;
    };
    let Some(input) = popup.input.as_mut() else {
        return Effect::None;
    };
    popup.error = None;
    match chord.key {
        Key::Esc => popup.input = None,
        Key::Backspace => {
            input.text.pop();
        }
        Key::Tab if !people.is_empty() => {
            input.text = people[input.cycle % people.len()].clone();
            input.cycle += 1;
        }
        Key::Char(c) if !chord.ctrl && !chord.alt => input.text.push(c),
        Key::Space => input.text.push(' '),
        Key::Enter => return typed(m),
        _ => {}
    }
    Effect::None
}

/// The names of the article's people, for a speaker.
fn people(m: &Model) -> Vec<String> {
    m.annotations
        .groups()
        .iter()
        .filter(|g| g.label == EntityLabel::Person)
        .map(|g| g.name.clone())
        .collect()
}

/// Enter on a typed line: the correction it makes, if what was typed is good.
fn typed(m: &mut Model) -> Effect {
    let Some(popup) = m.corrections.popup.as_mut() else {
        return Effect::None;
    };
    let Some(input) = popup.input.clone() else {
        return Effect::None;
    };
    let text = input.text.trim().to_owned();
    let optional = (!text.is_empty()).then(|| text.clone());
    if matches!(input.purpose, Purpose::DateValue | Purpose::AddDate)
        && let Some(value) = &optional
        && let Err(e) = check_timex(value)
    {
        popup.error = Some(e);
        return Effect::None;
    }
    let range = match &popup.about {
        About::Selection(range) => range.clone(),
        About::Annotation(i) => match m.annotations.get(*i) {
            Some(a) => a.span.clone(),
            None => return Effect::None,
        },
    };
    let change = match (input.purpose, optional) {
        (Purpose::AddDate, value) => Change::AddDate { value },
        (Purpose::AddQuote, speaker) => Change::AddQuote { speaker },
        (_, None) => return Effect::None,
        (Purpose::MoveToGroup, Some(group)) => Change::MoveToGroup { group },
        (Purpose::MergeInto, Some(into)) => Change::MergeGroups { into },
        (Purpose::Rename, Some(name)) => Change::RenameGroup { name },
        (Purpose::Speaker, Some(name)) => Change::Speaker { name },
        (Purpose::DateValue, Some(value)) => Change::DateValue { value },
    };
    made(m, range, change)
}

/// A correction chosen in the popup: kept in the article's corrections, or, made general,
/// in the lexicon (the effect writes it); applied at once either way.
fn made(m: &mut Model, range: Range<usize>, change: Change) -> Effect {
    let general = m.corrections.popup.take().is_some_and(|p| p.general);
    let text = &m.article.text;
    let surface = text.get(range.clone()).unwrap_or("").to_owned();
    let entry = general.then(|| lexicon_entry(&surface, &change)).flatten();
    if let Some(entry) = entry {
        m.corrections.changed = true;
        m.corrections.lexicon.insert(entry.clone());
        m.status.message = Some(format!(
            "“{surface}”: {} in every article",
            change.describe()
        ));
        recorrect(m);
        return Effect::SaveCorrections(Some(entry));
    }
    let detected = detected(m, &range, &change);
    let text = &m.article.text;
    let Some(book) = m.corrections.book.as_mut() else {
        m.status.message = Some(match &m.corrections.problem {
            Some(p) => format!("corrections cannot be kept: {p}"),
            None => "corrections cannot be kept here".into(),
        });
        return Effect::None;
    };
    let target = Target::from_range(text, range, &CodePoints::new(text));
    let said = format!("“{surface}”: {}", change.describe());
    book.add(Correction::new(target, &detected, change, Timestamp::now()));
    m.corrections.changed = true;
    recorrect(m);
    let undo = m.keymap.label(super::Action::UndoCorrection);
    m.status.message = Some(format!("{said} ({undo} undoes)"));
    Effect::SaveCorrections(None)
}

/// The lexicon entry a general correction makes, if it is one the lexicon can hold.
fn lexicon_entry(surface: &str, change: &Change) -> Option<Entry> {
    let name = surface.to_owned();
    Some(match change {
        Change::EntityKind { label } | Change::AddEntity { label } => Entry::Kind(name, *label),
        Change::NotEntity => Entry::Never(name),
        Change::MoveToGroup { group: full }
        | Change::MergeGroups { into: full }
        | Change::RenameGroup { name: full } => Entry::Group(name, full.clone()),
        _ => return None,
    })
}

/// What the detectors said of the passage, in a few words.
fn detected(m: &Model, range: &Range<usize>, change: &Change) -> String {
    let found = m.annotations.overlapping(range.clone()).find_map(|i| {
        let a = m.annotations.get(i)?;
        (a.span == *range && a.kind() == change.kind()).then_some(a)
    });
    match found.map(|a| &a.kind) {
        Some(AnnotationKind::Entity { label, group }) => {
            let name = m.annotations.group(*group).map_or("", |g| g.name.as_str());
            format!("{} in {name}", label.as_str())
        }
        Some(AnnotationKind::Date(d)) => d.value.clone().unwrap_or_else(|| "unresolved".into()),
        Some(AnnotationKind::Quote(q)) => {
            format!("said by {}", q.speaker.as_deref().unwrap_or("unknown"))
        }
        None => String::new(),
    }
}
