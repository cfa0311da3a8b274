//! The head of a big file: the bytes the reader's first screen is made from, cut where the
//! loaders would have cut anyway (a paragraph break), so the article built from them is a
//! prefix of the whole article.
//!
//! A 30 MB book takes ~100 ms to read and split into blocks, `less` shows its first page in
//! a few milliseconds: the reader loads [`HEAD_BYTES`] first, draws them, and swaps in the
//! whole article when a worker thread has loaded it (`docs/performance.md`,
//! *The head of a big file first*).

/// Files at least this big (bytes) are opened head first. Smaller ones load whole in a few
/// milliseconds, and the reader annotates them before its first frame.
pub const HEAD_FROM: u64 = 1024 * 1024;

/// How much of a big file the first screen is made from: more than any terminal shows
/// (a 500x200 screen of prose is ~100 KB only with no wrapping at all; a page of text is
/// 2-10 KB), little enough to load in well under a millisecond.
pub const HEAD_BYTES: usize = 64 * 1024;

/// Where to cut `head`, the first bytes of a longer text, so that what comes before the cut
/// loads exactly as it does in the whole text: after the last blank line (a line of ASCII
/// whitespace only, such as the `\r` of a CRLF file); failing that, after the last line
/// break (the last paragraph may then be shown cut short until the whole text is in);
/// failing that (one huge line), before an incomplete UTF-8 sequence at the end, so
/// decoding does not report a replacement the file does not have.
/// Public (as `ingest::cut_head`) for the `head_loader` fuzz target, which checks that
/// what comes before the cut loads as a prefix of the whole.
pub fn cut(head: &[u8]) -> usize {
    let mut breaks = memchr::memrchr_iter(b'\n', head);
    let Some(last) = breaks.next() else {
        return complete_utf8_len(head);
    };
    // Lines from the end: `end` is the line break closing the line after `start`.
    let mut end = last;
    for start in breaks {
        if head[start + 1..end].iter().all(u8::is_ascii_whitespace) {
            // Keep the line break that ends the paragraph before the blank line.
            return start + 1;
        }
        end = start;
    }
    last + 1
}

/// The length of `bytes` without a trailing UTF-8 sequence that its last bytes only begin.
fn complete_utf8_len(bytes: &[u8]) -> usize {
    let len = bytes.len();
    // A sequence is at most four bytes: its leading byte is among the last four.
    for back in 1..=len.min(4) {
        let byte = bytes[len - back];
        if byte & 0xC0 == 0x80 {
            continue; // a continuation byte: keep looking for the leading one
        }
        let needed = match byte {
            0xF0..=0xF7 => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            _ => 1,
        };
        return if needed > back { len - back } else { len };
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, IngestError, LoadOptions, Source, from_bytes, load_head};
    use proptest::prelude::*;

    #[test]
    fn cuts_after_the_last_blank_line() {
        let head = b"One.\n\nTwo.\nstill two\n\nThree is cu";
        assert_eq!(&head[..cut(head)], b"One.\n\nTwo.\nstill two\n");
        let crlf = b"One.\r\n\r\nTwo is cu";
        assert_eq!(&crlf[..cut(crlf)], b"One.\r\n");
    }

    #[test]
    fn without_a_blank_line_cuts_after_a_line_break_or_before_a_split_character() {
        assert_eq!(cut(b"line one\nline tw"), 9);
        let text = "abc é".as_bytes();
        assert_eq!(cut(&text[..text.len() - 1]), 4, "half of é is left out");
        assert_eq!(cut(text), text.len(), "a whole é is kept");
        assert_eq!(cut("😀".as_bytes()), 4);
        assert_eq!(cut(&"😀".as_bytes()[..3]), 0);
        assert_eq!(cut(b""), 0);
    }

    fn plain(bytes: &[u8]) -> crate::article::Article {
        from_bytes(bytes, Format::Plain, "t.txt", &LoadOptions::default()).expect("plain text")
    }

    #[test]
    fn a_big_file_loads_head_first_and_a_small_one_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paragraph = "It was the best of times, it was the worst of times.\n\n";
        let big = dir.path().join("big-book.txt");
        let text = format!(
            "date 2020-01-06\n{}",
            paragraph.repeat(HEAD_FROM as usize / 50)
        );
        std::fs::write(&big, &text).expect("write");
        let options = LoadOptions::default();
        let head = load_head(&big, &options)
            .expect("loads")
            .expect("big: a head");
        let whole = crate::ingest::load(&Source::Path(big.clone()), &options).expect("loads");
        assert!(head.text.len() <= HEAD_BYTES && head.text.len() > HEAD_BYTES - 100);
        assert!(whole.text.starts_with(&head.text));
        assert!(whole.blocks.starts_with(&head.blocks));
        assert_eq!(
            (head.meta.title.as_deref(), head.meta.date),
            (Some("big-book"), whole.meta.date)
        );
        assert!(head.meta.date.is_some());

        let small = dir.path().join("small.txt");
        std::fs::write(&small, paragraph).expect("write");
        assert_eq!(load_head(&small, &options), Ok(None));
        let binary = dir.path().join("big.bin");
        std::fs::write(&binary, vec![0u8; HEAD_FROM as usize]).expect("write");
        assert!(matches!(
            load_head(&binary, &options),
            Err(IngestError::Binary { .. })
        ));
        let missing = dir.path().join("missing.txt");
        assert!(matches!(
            load_head(&missing, &options),
            Err(IngestError::Open { .. })
        ));
        assert!(matches!(
            load_head(dir.path(), &options),
            Err(IngestError::Directory { .. })
        ));
    }

    proptest! {
        /// The article made from a head of a plain text, cut at a blank line, is a prefix
        /// of the whole article: the same text up to its end and the same blocks (the
        /// reader swaps one for the other without moving what is on screen).
        #[test]
        fn a_head_cut_at_a_blank_line_loads_as_a_prefix_of_the_whole(
            text in "([A-Za-zé ]{1,12}(\r?\n){1,3}|(> |- |1\\. |    |  )[a-z]{1,5}\n|[ \t]+\n){1,30}",
            take in 0usize..400,
        ) {
            let bytes = text.as_bytes();
            let head = &bytes[..take.min(bytes.len())];
            let at = cut(head);
            // Cut at a blank line: the line after the cut is whitespace and ends.
            let blank_next = head[at..]
                .iter()
                .position(|&b| b == b'\n')
                .is_some_and(|end| head[at..at + end].iter().all(u8::is_ascii_whitespace));
            prop_assume!(blank_next);
            let (part, whole) = (plain(&head[..at]), plain(bytes));
            // A first line taken as the title needs a second paragraph to be one.
            prop_assume!(part.meta.title == whole.meta.title);
            prop_assert!(part.warnings.is_empty());
            prop_assert!(whole.text.starts_with(&part.text), "{:?} / {:?}", part.text, whole.text);
            prop_assert!(whole.blocks.starts_with(&part.blocks), "{:?} / {:?}", part.blocks, whole.blocks);
        }
    }
}
