//! Byte offsets <-> Unicode code point offsets (Python `str` indices), the unit of the JSON
//! formats. The only place in gloss that counts code points.

/// A checkpoint is recorded about every this many bytes, bounding the scan per lookup.
const STRIDE: usize = 128;

/// An index over one text answering byte <-> code point questions in O(log n + STRIDE).
#[derive(Debug)]
pub struct CodePoints<'a> {
    text: &'a str,
    /// `(byte, code points before it)` at char boundaries, increasing; starts with `(0, 0)`.
    /// Empty when the text is ASCII, where both units agree.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> CodePoints<'a> {
        if text.is_ascii() {
            return CodePoints {
                text,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut next = 0;
        for (count, (byte, _)) in text.char_indices().enumerate() {
            if byte >= next {
                checkpoints.push((byte, count));
                next = byte + STRIDE;
            }
        }
        CodePoints { text, checkpoints }
    }

    /// The code point offset of byte `byte`; a byte inside a character counts as the start
    /// of that character, and bytes past the end as the end.
    pub fn to_code_point(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.checkpoints.is_empty() {
            return byte;
        }
        let i = self
            .checkpoints
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let (at, count) = self.checkpoints.get(i).copied().unwrap_or((0, 0));
        count + self.text[at..byte].chars().count()
    }

    /// The byte offset of code point `cp` (the text's length when past the end).
    pub fn to_byte(&self, cp: usize) -> usize {
        if self.checkpoints.is_empty() {
            return cp.min(self.text.len());
        }
        let i = self
            .checkpoints
            .partition_point(|&(_, c)| c <= cp)
            .saturating_sub(1);
        let (at, count) = self.checkpoints.get(i).copied().unwrap_or((0, 0));
        self.text[at..]
            .char_indices()
            .nth(cp - count)
            .map_or(self.text.len(), |(b, _)| at + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mixed_scripts() {
        let text = "aé中😀e\u{301}!";
        let cp = CodePoints::new(text);
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        assert_eq!(bytes, vec![0, 1, 3, 6, 10, 11, 13]);
        for (i, b) in bytes.iter().enumerate() {
            assert_eq!(cp.to_code_point(*b), i);
            assert_eq!(cp.to_byte(i), *b);
        }
        assert_eq!(cp.to_code_point(text.len()), 7);
        assert_eq!(cp.to_byte(7), text.len());
        assert_eq!(cp.to_byte(100), text.len());
        assert_eq!(cp.to_code_point(7), 3, "inside 😀 counts as its start");
    }

    #[test]
    fn ascii_is_the_identity() {
        let cp = CodePoints::new("hello");
        assert_eq!(cp.to_code_point(3), 3);
        assert_eq!(cp.to_byte(9), 5);
    }

    #[test]
    fn long_text_crosses_checkpoints() {
        let text = "中a😀".repeat(500);
        let cp = CodePoints::new(&text);
        assert_eq!(cp.to_code_point(text.len()), 1500);
        assert_eq!(cp.to_byte(1499), text.len() - 4);
    }

    proptest! {
        #[test]
        fn round_trip_on_every_boundary(text in "[a-zé\u{301}\u{308}中文日本😀👩\u{200d}🔬\n ]{0,1500}") {
            let cp = CodePoints::new(&text);
            let mut count = 0;
            for (b, _) in text.char_indices() {
                prop_assert_eq!(cp.to_code_point(b), count);
                prop_assert_eq!(cp.to_byte(count), b);
                count += 1;
            }
            prop_assert_eq!(cp.to_code_point(text.len()), text.chars().count());
            prop_assert_eq!(cp.to_byte(count), text.len());
        }
    }
}
