//! The lexicon file: parsing, its errors, editing it in place, and applying it.

use super::*;
use crate::annotation::{AnnotationSet, Kind};
use crate::corrections::apply;
use crate::corrections::apply::tests::{TEXT, detected};

const FILE: &str = r#"# my names
never = ["Baghdad"]

[kind]
"Operation Impact" = "misc"   # not a place

[group]
"Iraqis" = "Iraqi"
DND = "Department of National Defense"
"#;

fn lexicon() -> Lexicon {
    Lexicon::parse(FILE, Path::new("lexicon.toml")).expect("parses")
}

fn applied(lexicon: &Lexicon) -> AnnotationSet {
    let mut set = detected(TEXT);
    apply(&mut set, TEXT, &[], lexicon);
    set
}

fn group_of<'a>(set: &'a AnnotationSet, word: &str) -> Option<&'a crate::annotation::EntityGroup> {
    let start = TEXT.find(word)?;
    let a = set
        .items()
        .iter()
        .find(|a| a.span == (start..start + word.len()))?;
    set.group(a.group()?)
}

#[test]
fn parses_the_three_kinds_of_entry() {
    let l = lexicon();
    assert_eq!(l.len(), 4);
    assert!(l.never.contains("Baghdad"));
    assert_eq!(l.kinds.get("Operation Impact"), Some(&EntityLabel::Misc));
    assert_eq!(
        l.groups.get("DND").map(String::as_str),
        Some("Department of National Defense")
    );
}

#[test]
fn applied_after_detection() {
    let set = applied(&lexicon());
    assert!(group_of(&set, "Baghdad").is_none(), "never an entity");
    assert_eq!(
        group_of(&set, "Operation Impact").map(|g| g.label),
        Some(EntityLabel::Misc)
    );
    assert_eq!(
        group_of(&set, "Iraqis").map(|g| g.name.as_str()),
        Some("Iraqi")
    );
    assert_eq!(
        group_of(&set, "Iraqi").map(|g| g.aliases.clone()),
        Some(vec!["Iraqis".to_owned()])
    );
    let dnd = group_of(&set, "DND").expect("still an entity");
    assert_eq!(
        (dnd.name.as_str(), dnd.label),
        ("Department of National Defense", EntityLabel::Org)
    );
    assert_eq!(set.of_kind(Kind::Entity).count(), 4);
    let marked = (0..set.len()).filter(|&i| set.is_corrected(i)).count();
    assert_eq!(marked, 3, "Operation Impact, Iraqis and DND changed");
}

#[test]
fn an_empty_lexicon_changes_nothing() {
    assert_eq!(applied(&Lexicon::default()), detected(TEXT));
}

#[test]
fn errors_name_file_line_and_column() {
    let err = |source: &str| {
        Lexicon::parse(source, Path::new("/c/lexicon.toml"))
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err("[kind]\n\"Iraq\" = \"plcae\"\n"),
        "/c/lexicon.toml:2:10: unknown kind 'plcae': expected person, org, place, norp or misc"
    );
    assert!(err("never = [\"\"]").starts_with("/c/lexicon.toml:1:10: a name cannot be empty"));
    assert!(
        err("[kinds]\n").starts_with("/c/lexicon.toml:1:2: unknown field `kinds`"),
        "{}",
        err("[kinds]\n")
    );
    assert!(err("never = 3").starts_with("/c/lexicon.toml:1:9: "));
}

#[test]
fn a_missing_file_is_an_empty_lexicon() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        Lexicon::load(&dir.path().join("lexicon.toml")),
        Ok(Lexicon::default())
    );
}

#[test]
fn entries_are_added_in_place_keeping_comments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("gloss").join("lexicon.toml");
    let added = add_entry(
        &path,
        &Entry::Kind("Operation Impact".into(), EntityLabel::Misc),
    );
    assert_eq!(added.map(|l| l.len()), Ok(1));
    std::fs::write(&path, FILE).expect("write");
    add_entry(&path, &Entry::Never("Loading".into())).expect("never");
    add_entry(&path, &Entry::Group("US".into(), "United States".into())).expect("group");
    let l = add_entry(&path, &Entry::Kind("Besmaya".into(), EntityLabel::Place)).expect("kind");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.starts_with("# my names\n") && text.contains("# not a place"),
        "{text}"
    );
    assert_eq!(l.len(), 7);
    assert_eq!(Lexicon::load(&path), Ok(l));
}

#[test]
fn a_broken_file_is_not_written_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("lexicon.toml");
    std::fs::write(&path, "[kind\n").expect("write");
    let err = add_entry(&path, &Entry::Never("X".into())).unwrap_err();
    assert!(err.starts_with(&format!("{}:1:", path.display())), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some("[kind\n")
    );
}

proptest::proptest! {
    /// Whatever the file holds, parsing returns, and errors name a place in the file.
    #[test]
    fn parse_never_panics(source in "(never = \\[\"a\"\\]\n)?(\\[(kind|group)\\]\n)?[\\[\\]a-zA-Z =\"\n0-9.#é]{0,120}") {
        if let Err(e) = Lexicon::parse(&source, Path::new("l")) {
            proptest::prop_assert!(e.line >= 1 && e.line <= source.lines().count() + 1);
        }
    }
}
