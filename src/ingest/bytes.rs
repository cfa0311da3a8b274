//! From raw bytes to one `String` with `\n` line endings: byte-order marks, UTF-16,
//! binary sniffing and lossy UTF-8 decoding.
//!
//! This is the only place ingest looks at bytes; everything after it works on `&str`.

use std::borrow::Cow;

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
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    let mut warnings = Vec::new();
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_lossy(rest, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Cow::Owned(utf16_lossy(rest, u16::from_le_bytes, &mut warnings))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Cow::Owned(utf16_lossy(rest, u16::from_be_bytes, &mut warnings))
    } else {
        utf8_lossy(bytes, &mut warnings)?
    };
    Ok(Decoded {
        text: normalise_newlines(text).into_owned(),
        warnings,
    })
}

/// True when the start of a file says binary: a NUL byte in its first [`SNIFF_LEN`] bytes,
/// unless a UTF-16 byte-order mark explains the NULs.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    !(bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"))
        && bytes[..bytes.len().min(SNIFF_LEN)].contains(&0)
}

fn utf8_lossy<'a>(bytes: &'a [u8], warnings: &mut Vec<String>) -> Result<Cow<'a, str>, NotText> {
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => {
            // Count maximal invalid runs, not bytes: "at N places" is what a reader can check.
            let places = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            warnings.push(replaced_warning(places));
            Ok(String::from_utf8_lossy(bytes))
        }
    }
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

/// `\r\n` and lone `\r` become `\n`; text without `\r` is returned as is.
fn normalise_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
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
}
