//! From raw bytes to one `String` with `\n` line endings: byte-order marks, UTF-16,
//! binary sniffing and lossy UTF-8 decoding.
//!
//! This is the only place ingest looks at bytes; everything after it works on `&str`.

/// How many leading bytes are inspected for NUL bytes (the same rule git and ripgrep use
/// to call a file binary).
pub(crate) const SNIFF_LEN: usize = 8 * 1024;

/// Decoded text plus the warnings decoding produced.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotText {
    /// NUL bytes near the start: an image, an archive, an executable.
    Binary,
}

/// Decodes `bytes` as text.
///
/// - A UTF-8 byte-order mark is dropped.
/// - A UTF-16 byte-order mark (LE or BE) selects UTF-16, decoded lossily.
/// - Otherwise a NUL byte in the first 8 KiB means binary: [`NotText::Binary`].
/// - Otherwise UTF-8, with invalid sequences replaced by U+FFFD and a warning saying at how
///   many places.
///
/// Line endings are normalised to `\n` (CRLF and lone CR), so the loaders see one form.
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    decode_vec(bytes.to_vec())
}

/// [`decode`] taking the bytes by value: UTF-8 text is normalised in place and validated
/// once, so a large file is neither copied nor scanned twice.
pub(crate) fn decode_vec(mut bytes: Vec<u8>) -> Result<Decoded, NotText> {
    let mut warnings = Vec::new();
    let utf16: Option<fn([u8; 2]) -> u16> = if bytes.starts_with(b"\xFF\xFE") {
        Some(u16::from_le_bytes)
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(u16::from_be_bytes)
    } else {
        None
    };
    if let Some(unit) = utf16 {
        let text = utf16_lossy(&bytes[2..], unit, &mut warnings);
        return Ok(Decoded {
            text: normalise_string(text),
            warnings,
        });
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    // Sniff before normalising: dropping `\r` bytes would move later bytes into the window.
    if looks_binary(&bytes[bom..]) {
        return Err(NotText::Binary);
    }
    bytes.drain(..bom);
    // Normalising before validating is safe: `\r` and `\n` are ASCII, so no sequence is
    // joined or split, and invalid runs stay apart (an ASCII byte remains between them).
    normalise_in_place(&mut bytes);
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            // Count maximal invalid runs, not bytes: "at N places" is what a reader can check.
            let places = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            warnings.push(replaced_warning(places));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    Ok(Decoded { text, warnings })
}

/// True when the start of a file says binary: a NUL byte in its first [`SNIFF_LEN`] bytes,
/// unless a UTF-16 byte-order mark explains the NULs.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    !(bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"))
        && bytes[..bytes.len().min(SNIFF_LEN)].contains(&0)
}

fn utf16_lossy(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut places = usize::from(bytes.len() % 2 == 1);
    let mut text = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            places += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if places > 0 {
        warnings.push(replaced_warning(places).replace("UTF-8", "UTF-16"));
    }
    text
}

fn replaced_warning(places: usize) -> String {
    let plural = if places == 1 { "" } else { "s" };
    format!("invalid UTF-8 replaced at {places} place{plural}")
}

/// [`normalise_in_place`] for decoded UTF-16 (a rare path: it validates again).
fn normalise_string(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut bytes = text.into_bytes();
    normalise_in_place(&mut bytes);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `\r\n` and lone `\r` become `\n`, in place: one SIMD scan for `\r` (memchr), the runs
/// between them moved down; bytes without `\r` are left untouched.
fn normalise_in_place(bytes: &mut Vec<u8>) {
    let Some(mut read) = memchr::memchr(b'\r', bytes) else {
        return;
    };
    let mut write = read;
    // Invariant: `bytes[read]` is a `\r`, everything before `write` is normalised.
    while read < bytes.len() {
        bytes[write] = b'\n';
        write += 1;
        read += if bytes.get(read + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        let next = memchr::memchr(b'\r', &bytes[read..]).map_or(bytes.len(), |i| read + i);
        bytes.copy_within(read..next, write);
        write += next - read;
        read = next;
    }
    bytes.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        decode(bytes).map(|d| d.text).unwrap_or_default()
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(text(b"a\r\nb\rc\n\r\n"), "a\nb\nc\n\n");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(text("\u{feff}héllo".as_bytes()), "héllo");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&le), "hé\n");
        assert_eq!(text(&be), "hé");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_counted_warning() {
        let decoded = decode(b"caf\xE9 and \xFF\xFE x \xC3").expect("text");
        assert_eq!(decoded.text, "caf\u{fffd} and \u{fffd}\u{fffd} x \u{fffd}");
        // \xFF\xFE is two invalid sequences in one run: utf8_chunks reports each separately.
        assert_eq!(
            decoded.warnings,
            vec!["invalid UTF-8 replaced at 4 places".to_string()]
        );
        let one = decode(b"a\xFFb").expect("text");
        assert_eq!(
            one.warnings,
            vec!["invalid UTF-8 replaced at 1 place".to_string()]
        );
    }

    #[test]
    fn valid_text_has_no_warning() {
        assert!(
            decode("plain ✓".as_bytes())
                .expect("text")
                .warnings
                .is_empty()
        );
    }

    #[test]
    fn nul_bytes_near_the_start_mean_binary() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(NotText::Binary)
        );
        let mut late = vec![b'a'; SNIFF_LEN];
        late.push(0);
        assert!(
            decode(&late).is_ok(),
            "a NUL past the sniffed prefix is kept as text"
        );
    }

    proptest::proptest! {
        /// In-place normalisation equals the obvious two replacements.
        #[test]
        fn in_place_newlines_equal_the_reference(text in "[a\r\né]{0,40}") {
            let mut bytes = text.clone().into_bytes();
            normalise_in_place(&mut bytes);
            let reference = text.replace("\r\n", "\n").replace('\r', "\n");
            proptest::prop_assert_eq!(bytes, reference.into_bytes());
        }
    }
}
