//! Tests of the line breaker: examples, widths, and the fast wrapper against the
//! reference one.

use super::reference::wrap_by_segments;
use super::*;

fn lines(text: &str, avail: usize) -> Vec<&str> {
    let mut out = Vec::new();
    wrap(text, 0, avail, &mut out);
    out.into_iter().map(|r| &text[r]).collect()
}

#[test]
fn words_fill_the_line_and_spaces_at_breaks_are_dropped() {
    assert_eq!(
        lines("the quick brown fox jumps", 10),
        vec!["the quick", "brown fox", "jumps"]
    );
    assert_eq!(lines("a  b", 1), vec!["a", "b"]);
}

#[test]
fn cjk_without_spaces_wraps_at_two_columns_per_character() {
    assert_eq!(
        lines("日本語の文章です", 6),
        vec!["日本語", "の文章", "です"]
    );
}

#[test]
fn a_long_word_is_broken_between_graphemes() {
    assert_eq!(lines("abcdefgh xy", 3), vec!["abc", "def", "gh", "xy"]);
    // e + combining acute stays one cluster.
    assert_eq!(
        lines("e\u{301}e\u{301}e\u{301}", 2),
        vec!["e\u{301}e\u{301}", "e\u{301}"]
    );
}

#[test]
fn a_wide_grapheme_at_width_one_gets_its_own_line() {
    assert_eq!(lines("日本", 1), vec!["日", "本"]);
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(lines(&format!("{family}{family}"), 1), vec![family, family]);
}

#[test]
fn newlines_are_hard_breaks_and_keep_indentation() {
    assert_eq!(
        lines("fn x() {\n    y\n\n}", 40),
        vec!["fn x() {", "    y", "", "}"]
    );
    assert_eq!(lines("a\r\nb", 40), vec!["a", "b"]);
}

#[test]
fn a_combining_mark_after_a_space_stays_with_it() {
    assert_eq!(lines("ab \u{6DF}!", 1), vec!["a", "b", " \u{6DF}", "!"]);
}

fn reference(text: &str, avail: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    wrap_by_segments(text, 0, avail, &mut out);
    out
}

#[test]
fn indentation_is_content_even_when_too_wide() {
    assert_eq!(lines("a\n  日本", 1), vec!["a", " ", " ", "日", "本"]);
}

proptest::proptest! {
    #[test]
    fn fast_wrap_matches_the_reference(
        pieces in proptest::collection::vec(proptest::prop_oneof![
            "[a-z]{1,9}", "[a-z]{15,40}", " ", "  ", "\n", "\t", "-", "—", "/", "!", "\\(", "\\)", "\"", ",",
            "日本語", "\u{1F468}\u{200D}\u{1F469}", "e\u{301}", "\u{3000}", "[0-9]{1,6}", "'", "\\?", "%", "\\$", "1\\.5", "\u{1F1EB}\u{1F1F7}", "\u{200B}", "«", "»", "“", "”", "\u{a0}", "\\.", ":",
            proptest::strategy::Strategy::prop_map(proptest::char::any(), String::from),
        ], 0..40),
        avail in 1usize..40,
    ) {
        let text = pieces.concat();
        let mut fast = Vec::new();
        wrap(&text, 0, avail, &mut fast);
        proptest::prop_assert_eq!(fast, reference(&text, avail), "{:?}", text);
    }
}

#[test]
fn line_ends_are_found_on_bytes() {
    let t = "a—b\u{85}c\u{2028}d\re";
    assert_eq!(find_line_end(t, 0), Some(5));
    assert_eq!(find_line_end(t, 6), Some(8));
    assert_eq!(find_line_end(t, 12), Some(12));
    assert_eq!(find_line_end(t, 13), None);
    assert_eq!(find_line_end("€", 0), None);
}

#[test]
fn empty_text_is_one_empty_line() {
    assert_eq!(lines("", 10), vec![""]);
}

#[test]
fn widths_follow_ratatui() {
    assert_eq!(str_width("abc"), 3);
    assert_eq!(str_width("日本"), 4);
    assert_eq!(str_width("\t"), 0);
    assert_eq!(str_width("\u{1F468}\u{200D}\u{1F469}"), 2);
    assert_eq!(str_width("e\u{301}x\t"), 2);
}

#[test]
fn str_width_is_the_sum_of_grapheme_widths() {
    let samples = [
        "“Well, Prince,” said he — «voilà» 日本 e\u{301}\r\n",
        "\u{600}a\u{301}b",
        "#\u{FE0F}\u{20E3}!",
        "x\u{200D}\u{1F600}",
        "a\u{FF9E}b\u{FF76}\u{FF9F}",
        "1\u{FE0F}2",
    ];
    for s in samples {
        assert_eq!(
            str_width(s),
            s.graphemes(true).map(grapheme_width).sum::<usize>(),
            "{s:?}"
        );
    }
}
