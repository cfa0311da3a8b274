//! The re-anchoring suite: edits a reader's article goes through, with expected outcomes.

use super::*;
use crate::notes::selector::CodePoints;
use proptest::prelude::*;

const ARTICLE: &str = "The council met on Tuesday to discuss the budget.\n\n\
The mayor said the new bridge would open next spring, weeks later than planned.\n\n\
Residents asked whether the library hours would be cut again this year.";

fn target_of(text: &str, passage: &str) -> Target {
    let start = text.find(passage).unwrap();
    Target::from_range(text, start..start + passage.len(), &CodePoints::new(text))
}

fn anchored(text: &str, target: &Target) -> (Anchoring, Option<&'static str>) {
    let a = anchor(text, &CodePoints::new(text), target);
    let found = a.range().map(|r| &*text[r].to_owned().leak());
    (a, found)
}

#[test]
fn unchanged_text_is_exact() {
    let target = target_of(ARTICLE, "the new bridge would open");
    let (a, found) = anchored(ARTICLE, &target);
    assert!(matches!(a, Anchoring::Exact(_)), "{a:?}");
    assert_eq!(found, Some("the new bridge would open"));
}

#[test]
fn text_prepended_moves_the_note_to_the_same_words() {
    let target = target_of(ARTICLE, "the new bridge would open");
    let edited = format!("Updated at noon.\n\nA new introduction. {ARTICLE}");
    let (a, found) = anchored(&edited, &target);
    assert!(matches!(a, Anchoring::Moved(_)), "{a:?}");
    assert_eq!(found, Some("the new bridge would open"));
    assert_eq!(
        a.range().unwrap().start,
        edited.find("the new bridge").unwrap()
    );
}

#[test]
fn paragraph_moved_is_found_by_exact_text() {
    let paragraphs: Vec<&str> = ARTICLE.split("\n\n").collect();
    let edited = [paragraphs[2], paragraphs[0], paragraphs[1]].join("\n\n");
    let target = target_of(ARTICLE, "library hours would be cut");
    let (a, found) = anchored(&edited, &target);
    assert!(matches!(a, Anchoring::Moved(_)), "{a:?}");
    assert_eq!(found, Some("library hours would be cut"));
}

#[test]
fn typo_fixed_inside_the_passage_is_a_fuzzy_match() {
    let with_typo = ARTICLE.replace("weeks later", "weeks latre");
    let target = target_of(
        &with_typo,
        "would open next spring, weeks latre than planned",
    );
    let (a, found) = anchored(ARTICLE, &target);
    assert!(matches!(a, Anchoring::Fuzzy { errors: 2, .. }), "{a:?}");
    assert_eq!(
        found,
        Some("would open next spring, weeks later than planned")
    );
}

#[test]
fn typo_fixed_and_text_prepended() {
    let with_typo = ARTICLE.replace("discuss", "dicsuss");
    let target = target_of(&with_typo, "met on Tuesday to dicsuss the budget");
    let edited = format!("{}\n\n{ARTICLE}", "An editor's note. ".repeat(20));
    let (a, found) = anchored(&edited, &target);
    assert!(matches!(a, Anchoring::Fuzzy { .. }), "{a:?}");
    assert_eq!(found, Some("met on Tuesday to discuss the budget"));
}

#[test]
fn passage_deleted_is_detached_and_keeps_its_quote() {
    let target = target_of(ARTICLE, "Residents asked whether the library hours");
    let edited = ARTICLE.split("\n\nResidents").next().unwrap();
    let (a, found) = anchored(edited, &target);
    assert_eq!(a, Anchoring::Detached);
    assert_eq!(found, None);
    assert_eq!(
        target.quote.exact,
        "Residents asked whether the library hours"
    );
}

#[test]
fn passage_rewritten_beyond_a_quarter_is_detached() {
    let target = target_of(ARTICLE, "the new bridge would open next spring");
    let edited = ARTICLE.replace(
        "the new bridge would open next spring",
        "the tunnel opens in May",
    );
    assert_eq!(anchored(&edited, &target).0, Anchoring::Detached);
}

#[test]
fn repeated_phrase_is_told_apart_by_its_context() {
    let text = "He said yes. Later, asked again, he said yes. Then he left.";
    let second = text.rfind("he said yes").unwrap();
    let cps = CodePoints::new(text);
    let target = Target::from_range(text, second..second + 11, &cps);
    // Text inserted between the two: the old position now holds neither occurrence.
    let edited = text.replace("Later,", "Much later, after a long pause,");
    let a = anchor(&edited, &CodePoints::new(&edited), &target);
    assert_eq!(
        a.range().unwrap().start,
        edited.rfind("he said yes").unwrap()
    );
}

#[test]
fn anchor_all_and_retarget_record_the_new_position() {
    use crate::notes::model::{Motivation, Note, NoteSet};
    let target = target_of(ARTICLE, "the budget");
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let mut set = NoteSet::default();
    let id = set.add(Note::new(Motivation::Highlighting, "", target, now));
    set.mark_saved();
    let edited = format!("Preface.\n\n{ARTICLE}");
    let anchors = anchor_all(&set, &edited);
    retarget(&mut set, &edited, &anchors);
    let note = set.get(&id).unwrap();
    assert_eq!(
        note.target.position.start,
        edited.find("the budget").unwrap()
    );
    assert!(!set.is_dirty());
}

fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,8}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random insertions and deletions that do not touch the passage: the note is found on
    /// the same words, shifted by what changed before it.
    #[test]
    fn edits_away_from_a_note_keep_it_on_the_same_words(
        words in prop::collection::vec(word(), 40..120),
        note_at in 0.0..1.0f64,
        note_len in 3usize..8,
        edits in prop::collection::vec((0.0..1.0f64, 0usize..30, "[a-z .\n]{0,40}"), 1..12),
    ) {
        let text = words.join(" ");
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices(' ').map(|(i, _)| i + 1))
            .collect();
        let first = ((starts.len() - note_len) as f64 * note_at) as usize;
        let note = starts[first]..starts[first + note_len] - 1;
        let target = Target::from_range(&text, note.clone(), &CodePoints::new(&text));

        // Edit positions outside the passage, applied from the end so earlier positions stay
        // valid; deletions are clipped to the passage and to the next edit.
        let outside = text.len() - note.len();
        let mut positions: Vec<(usize, usize, String)> = edits
            .into_iter()
            .map(|(at, del, ins)| {
                let p = (outside as f64 * at) as usize;
                let p = if p < note.start { p } else { p - note.start + note.end };
                (p, del, ins)
            })
            .collect();
        positions.sort_by_key(|(p, _, _)| std::cmp::Reverse(*p));
        let mut edited = text.clone();
        let mut limit = text.len();
        let mut shift: isize = 0;
        for (p, del, ins) in positions {
            let cap = if p < note.start { note.start.min(limit) } else { limit };
            let del = del.min(cap.saturating_sub(p));
            edited.replace_range(p..p + del, &ins);
            if p < note.start {
                shift += ins.len() as isize - del as isize;
            }
            limit = p;
        }
        let expected = (note.start as isize + shift) as usize;
        let a = anchor(&edited, &CodePoints::new(&edited), &target);
        prop_assert_eq!(a.range(), Some(expected..expected + note.len()), "{:?}", a);
    }
}

#[test]
fn typo_fixed_and_moved_beyond_the_near_search() {
    let with_typo = ARTICLE.replace("weeks later", "weeks latre");
    let target = target_of(&with_typo, "next spring, weeks latre than planned");
    let filler: String = (0..3000).map(|i| format!("w{i} ")).collect();
    let edited = format!("{filler}\n\n{ARTICLE}");
    let (a, found) = anchored(&edited, &target);
    assert!(matches!(a, Anchoring::Fuzzy { .. }), "{a:?}");
    assert_eq!(found, Some("next spring, weeks later than planned"));
}

#[test]
fn a_short_quote_at_its_old_position_by_chance_is_not_taken() {
    let text = "I said yes. You said yes.";
    let p = text.rfind("yes").unwrap();
    let target = Target::from_range(text, p..p + 3, &CodePoints::new(text));
    // The edit puts another "yes" exactly at the old offset.
    let edited = format!("{}yes {text}", "z".repeat(p));
    let (a, _) = anchored(&edited, &target);
    assert_eq!(a, Anchoring::Moved(p + 4 + p..p + 4 + p + 3));
}
