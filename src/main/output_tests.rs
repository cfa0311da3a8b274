use std::io::Write;

use super::*;

/// What an active [`Visible`] makes of `chunks` written one after another.
fn through(chunks: &[&[u8]]) -> String {
    let mut out = Visible::new(Vec::new(), true);
    for chunk in chunks {
        out.write_all(chunk).expect("write to a Vec");
    }
    String::from_utf8(out.inner).expect("UTF-8 out")
}

#[test]
fn controls_are_shown_not_sent() {
    let title = "\u{1b}]0;pwned\u{7}";
    let clipboard = "\u{1b}]52;c;aGk=\u{1b}\\";
    let csi_c1 = "\u{9b}31m red";
    let shown = [
        visible(&format!("unknown theme '{title}'")),
        visible(clipboard),
        visible(csi_c1),
        visible("cr\roverwrites, del\u{7f}, nul\0"),
    ];
    insta::assert_snapshot!(shown.join("\n"), @r"
    unknown theme '^[]0;pwned^G'
    ^[]52;c;aGk=^[\
    M-^[31m red
    cr^Moverwrites, del^?, nul^@
    ");
}

#[test]
fn text_lines_and_tabs_pass_unchanged() {
    let text = "Zoë said «héllo»\tto 東京 ¢ ¿\n— and left. 🎉\n";
    assert_eq!(visible(text), text);
}

#[test]
fn a_c1_control_split_between_writes_is_still_caught() {
    assert_eq!(through(&[b"a\xC2", b"\x9Bb"]), "aM-^[b");
    assert_eq!(through(&[b"\xC2", b"\xA2!"]), "¢!");
    // A lead byte before another lead byte (not UTF-8): neither slips a C1 through.
    assert_eq!(
        String::from_utf8_lossy(&{
            let mut out = Visible::new(Vec::new(), true);
            out.write_all(b"\xC2\xC2\x9B").expect("write");
            out.inner
        }),
        "\u{FFFD}M-^["
    );
}

#[test]
fn an_inactive_writer_keeps_the_bytes() {
    let mut out = Visible::new(Vec::new(), false);
    out.write_all(b"\x1b]0;title\x07").expect("write");
    assert_eq!(out.inner, b"\x1b]0;title\x07");
}

proptest::proptest! {
    #[test]
    fn no_control_survives(text in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}a\\n]{0,40}", cut in 0usize..64) {
        let bytes = text.as_bytes();
        let cut = cut.min(bytes.len());
        let out = through(&[&bytes[..cut], &bytes[cut..]]);
        proptest::prop_assert!(
            !out.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{out:?}"
        );
        proptest::prop_assert_eq!(&out, &visible(&text));
    }
}
