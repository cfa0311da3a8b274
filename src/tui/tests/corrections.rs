//! Keys-to-state tours of corrections: a kind, a speaker picked from the article's people,
//! a group split off and undone, a date's value checked, a missed entity from the
//! selection, a correction made general (the lexicon), kept across a reopen; and
//! snapshots of the popup and the Corrections overlay.

use crate::annotation::{AnnotationKind, EntityLabel};
use crate::corrections::Entry;
use crate::notes::NotesLocation;
use crate::theme::Theme;

use super::super::effects::save_corrections;
use super::super::model::Model;
use super::super::notes::Selection;
use super::super::open_notes;
use super::super::update::{Effect, Msg, update};
use super::notes::press;
use super::{article, index_of, model, screen, span};

/// A reader whose notes (and so corrections) live under `dir`, annotations in.
fn with_corrections(dir: &tempfile::TempDir) -> Model {
    let mut m = model(100, 30);
    let location = NotesLocation::Directory(dir.path().join("notes"));
    let opened = open_notes(&article(), Ok(location), None);
    update(&mut m, Msg::NotesOpened(Box::new(opened)));
    m.corrections.lexicon_path = Some(dir.path().join("config").join("lexicon.toml"));
    m
}

fn on(m: &mut Model, needle: &str, nth: usize) {
    m.current = Some(index_of(m, needle, nth));
}

fn label_at(m: &Model, needle: &str, nth: usize) -> Option<EntityLabel> {
    match m.annotations.get(index_of(m, needle, nth))?.kind {
        AnnotationKind::Entity { label, .. } => Some(label),
        _ => None,
    }
}

fn group_name(m: &Model, needle: &str, nth: usize) -> String {
    let a = m.annotations.get(index_of(m, needle, nth));
    let g = a.and_then(|a| m.annotations.group(a.group()?));
    g.map_or_else(String::new, |g| g.name.clone())
}

fn speaker(m: &Model, needle: &str) -> (Option<String>, Option<String>) {
    match &m.annotations.get(index_of(m, needle, 0)).map(|a| &a.kind) {
        Some(AnnotationKind::Quote(q)) => {
            let group = q.speaker_group.and_then(|g| m.annotations.group(g));
            (q.speaker.clone(), group.map(|g| g.name.clone()))
        }
        _ => (None, None),
    }
}

const WINTER: &str = "“It has been a long winter for everyone who crosses the water.”";

#[test]
fn a_kind_a_speaker_and_a_grouping_are_corrected_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut m = with_corrections(&dir);
    on(&mut m, "Kelvin Harbour Bridge", 0);
    assert_eq!(press(&mut m, "c o"), vec![Effect::SaveCorrections(None)]);
    assert_eq!(
        label_at(&m, "Kelvin Harbour Bridge", 0),
        Some(EntityLabel::Org)
    );
    assert!(
        m.annotations
            .is_corrected(index_of(&m, "Kelvin Harbour Bridge", 0))
    );
    assert!(m.corrections.popup.is_none());

    on(&mut m, WINTER, 0);
    // Tab walks the article's people: Ana Ruiz, then Tom Okafor.
    press(&mut m, "c s Tab Tab Enter");
    assert_eq!(
        speaker(&m, WINTER),
        (Some("Tom Okafor".into()), Some("Tom Okafor".into()))
    );

    on(&mut m, "Ruiz", 1);
    press(&mut m, "c s");
    assert_eq!(group_name(&m, "Ruiz", 1), "Ruiz");
    assert_eq!(
        group_name(&m, "Ruiz", 2),
        "Ana Ruiz",
        "only that mention left"
    );
    save_corrections(&mut m, None).expect("saved");

    let reopened = with_corrections(&dir);
    assert_eq!(
        label_at(&reopened, "Kelvin Harbour Bridge", 0),
        Some(EntityLabel::Org)
    );
    assert_eq!(speaker(&reopened, WINTER).0.as_deref(), Some("Tom Okafor"));
    assert_eq!(group_name(&reopened, "Ruiz", 1), "Ruiz");
}

#[test]
fn undo_brings_back_what_was_detected() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut m = with_corrections(&dir);
    on(&mut m, "Port Authority", 0);
    press(&mut m, "c x");
    assert!(
        m.annotations
            .items()
            .iter()
            .all(|a| a.span != span("Port Authority", 0))
    );
    assert_eq!(press(&mut m, "U"), vec![Effect::SaveCorrections(None)]);
    assert_eq!(label_at(&m, "Port Authority", 0), Some(EntityLabel::Org));
    assert_eq!(m.annotations.corrected_count(), 0);
    assert_eq!(press(&mut m, "U"), vec![]);
    assert_eq!(m.status.message.as_deref(), Some("no correction to undo"));
}

#[test]
fn a_date_value_is_checked_before_it_is_taken() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut m = with_corrections(&dir);
    on(&mut m, "Tuesday", 0);
    press(&mut m, "c v s o o n Enter");
    let popup = m.corrections.popup.as_ref().expect("still open");
    assert!(
        popup.error.as_deref().is_some_and(|e| e.contains("'soon'")),
        "{popup:?}"
    );
    let shot = screen(&m, &Theme::default());
    assert!(shot.contains("TIMEX3 value: soon"), "{shot}");
    press(
        &mut m,
        "Backspace Backspace Backspace Backspace 2 0 2 1 - 0 3 - 0 9",
    );
    let shot = screen(&m, &Theme::default());
    assert!(
        shot.contains("resolves to 2021-03-09 (Tuesday 9 March 2021)"),
        "{shot}"
    );
    press(&mut m, "Enter");
    let date = m
        .annotations
        .get(index_of(&m, "Tuesday", 0))
        .map(|a| a.kind.clone());
    assert!(
        matches!(&date, Some(AnnotationKind::Date(d)) if d.value.as_deref() == Some("2021-03-09")),
        "{date:?}"
    );
}

#[test]
fn a_missed_entity_is_added_from_the_selection_and_spans_grow() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut m = with_corrections(&dir);
    m.notes.selection = Some(Selection {
        range: span("the city", 0),
    });
    press(&mut m, "c o");
    assert_eq!(label_at(&m, "the city", 0), Some(EntityLabel::Org));
    on(&mut m, "Norvale Steel", 0);
    press(&mut m, "c [");
    assert_eq!(
        label_at(&m, "from Norvale Steel", 0),
        Some(EntityLabel::Org)
    );
}

#[test]
fn a_correction_made_general_goes_to_the_lexicon() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut m = with_corrections(&dir);
    on(&mut m, "Norvale Steel", 0);
    let effects = press(&mut m, "c ! x");
    let entry = Entry::Never("Norvale Steel".into());
    assert_eq!(effects, vec![Effect::SaveCorrections(Some(entry.clone()))]);
    assert!(
        m.annotations
            .items()
            .iter()
            .all(|a| a.span != span("Norvale Steel", 0))
    );
    let said = save_corrections(&mut m, Some(&entry)).expect("lexicon written");
    assert!(said.contains("lexicon.toml"), "{said}");
    let other = with_corrections(&tempfile::tempdir().expect("temp dir"));
    assert!(
        other
            .annotations
            .items()
            .iter()
            .any(|a| a.span == span("Norvale Steel", 0))
    );
    let mut second = with_corrections(&tempfile::tempdir().expect("temp dir"));
    let path = m.corrections.lexicon_path.clone().expect("path");
    second.corrections.lexicon = crate::corrections::Lexicon::load(&path).expect("lexicon");
    super::super::update::correct::recorrect(&mut second);
    assert!(
        second
            .annotations
            .items()
            .iter()
            .all(|a| a.span != span("Norvale Steel", 0))
    );
}

#[test]
fn the_popup_and_the_corrections_list_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut m = with_corrections(&dir);
    on(&mut m, "Kelvin Harbour Bridge", 0);
    press(&mut m, "c");
    insta::assert_snapshot!("correct_popup", screen(&m, &Theme::default()));
    press(&mut m, "l");
    on(&mut m, "Ruiz", 1);
    press(&mut m, "c s C");
    insta::assert_snapshot!("corrections_list", screen(&m, &Theme::default()));
    press(&mut m, "Esc 1");
    let shot = screen(&m, &Theme::default());
    assert!(
        shot.contains("✎Kelvin Harbour Bridge") || shot.contains("▸Kelvin Harbour Bridge"),
        "{shot}"
    );
}
