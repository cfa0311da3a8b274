//! The page's bytes to text: a byte-order mark wins, then the charset a `<meta>` in the
//! first 1,024 bytes declares (the HTML standard's prescan, simplified: `charset=` inside a
//! `<meta` tag), then the charset the HTTP `Content-Type` header gave (for a fetched page),
//! then UTF-8 when the bytes are valid UTF-8, then Windows-1252 (what
//! browsers assume for an undeclared legacy page). Bytes that are valid UTF-8 with
//! non-ASCII text in them are UTF-8 whatever the page declares: a page saved again as
//! UTF-8 often keeps its old `<meta charset=gb2312>`, and text in a legacy encoding is
//! almost never valid UTF-8 by chance. Decoding is `encoding_rs`'s, the
//! WHATWG Encoding Standard browsers follow: a declared `iso-8859-1` is read as
//! Windows-1252, as browsers do, so curly quotes and dashes survive.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far the `<meta charset>` prescan looks, as the HTML standard says.
const PRESCAN: usize = 1024;

/// The decoded text and, when bytes could not be decoded, a warning for the status bar.
pub(crate) struct Decoded<'a> {
    /// Borrowed from the bytes when they are UTF-8 already (no copy of a big page).
    pub text: std::borrow::Cow<'a, str>,
    pub warning: Option<String>,
}

/// Decodes a page's bytes (see the module doc for the order of evidence).
#[cfg(test)]
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    decode_with(bytes, None)
}

/// Decodes a page's bytes, `transport` being the encoding its HTTP header named, used when
/// the page has no byte-order mark and declares none itself.
pub(crate) fn decode_with<'a>(
    bytes: &'a [u8],
    transport: Option<&'static Encoding>,
) -> Decoded<'a> {
    let utf8 = || std::str::from_utf8(bytes).is_ok();
    let encoding = match Encoding::for_bom(bytes) {
        Some((bom, _)) => bom,
        None => match declared(&bytes[..bytes.len().min(PRESCAN)]).or(transport) {
            Some(said) if said != UTF_8 && !bytes.is_ascii() && utf8() => UTF_8,
            Some(said) => said,
            None if utf8() => UTF_8,
            None => WINDOWS_1252,
        },
    };
    // A page that declares UTF-16 in a meta but has no BOM is ASCII-compatible bytes in
    // practice: the standard reads it as UTF-8.
    let encoding = if encoding.is_ascii_compatible()
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
    {
        encoding
    } else {
        UTF_8
    };
    let (text, used, had_errors) = encoding.decode(bytes);
    Decoded {
        text,
        warning: had_errors.then(|| {
            format!(
                "the page is not valid {}: bad bytes were replaced",
                used.name()
            )
        }),
    }
}

/// The encoding a `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
/// in `head` names, if any and if known.
/// [`decode_with`] taking the bytes by value: a page that is UTF-8 already becomes the text
/// without a copy (less a byte-order mark), and a transcoded page's bytes are freed as
/// soon as its text is made, so a large page is not held twice.
pub(crate) fn decode_owned(
    bytes: Vec<u8>,
    transport: Option<&'static Encoding>,
) -> (String, Option<String>) {
    let (text, warning) = {
        let decoded = decode_with(&bytes, transport);
        let text = match decoded.text {
            std::borrow::Cow::Borrowed(text) => {
                let start = text.as_ptr() as usize - bytes.as_ptr() as usize;
                Err(start..start + text.len())
            }
            std::borrow::Cow::Owned(text) => Ok(text),
        };
        (text, decoded.warning)
    };
    let text = match text {
        Ok(text) => text,
        Err(within) => {
            let mut bytes = bytes;
            bytes.truncate(within.end);
            bytes.drain(..within.start);
            // Valid UTF-8 (the decoder borrowed it as such); the fallback never runs.
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    };
    (text, warning)
}

fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..end]) {
                    return Some(e);
                }
            }
        }
        from = tag_end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_saved_again_as_utf8_is_utf8_whatever_its_meta_says() {
        let page =
            "<meta http-equiv=Content-Type content='text/html; charset=gb2312'><p>中文报道</p>";
        assert!(decode(page.as_bytes()).text.contains("中文报道"));
        // The same words in GBK stay GBK.
        let mut gbk = b"<meta charset=gb2312><p>".to_vec();
        gbk.extend(b"\xd6\xd0\xce\xc4</p>");
        assert!(decode(&gbk).text.contains("中文"));
        let latin = b"<meta charset=iso-8859-1><p>caf\xe9</p>";
        assert!(decode(latin).text.contains("café"));
    }

    #[test]
    fn bytes_by_value_decode_as_bytes_by_reference_do() {
        let pages: [&[u8]; 4] = [
            b"\xEF\xBB\xBF<p>caf\xC3\xA9 with a byte-order mark</p>",
            b"<meta charset=utf-8><p>caf\xC3\xA9</p>",
            b"<meta charset=windows-1252><p>\x93Caf\xe9\x94</p>",
            b"<p>not UTF-8 \xff\xfe at all</p>",
        ];
        for page in pages {
            let by_reference = decode(page);
            let (text, warning) = decode_owned(page.to_vec(), None);
            assert_eq!(text, by_reference.text, "{page:?}");
            assert_eq!(warning, by_reference.warning, "{page:?}");
        }
        assert!(
            !decode_owned(pages[0].to_vec(), None)
                .0
                .starts_with('\u{feff}')
        );
    }

    #[test]
    fn windows_1252_declared_or_not_is_not_mojibake() {
        let body = b"<p>\x93Caf\xe9\x94 \x96 na\xefve</p>";
        let declared = [b"<meta charset=\"windows-1252\">".as_slice(), body].concat();
        assert!(
            decode(&declared)
                .text
                .contains("\u{201c}Café\u{201d} – naïve")
        );
        let latin1 = [
            b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>".as_slice(),
            body,
        ]
        .concat();
        assert!(
            decode(&latin1)
                .text
                .contains("\u{201c}Café\u{201d} – naïve")
        );
        // Undeclared and not UTF-8: read as Windows-1252, no warning.
        let plain = decode(body);
        assert!(plain.text.contains("Café"));
        assert!(plain.warning.is_none());
    }

    #[test]
    fn the_http_charset_decodes_an_undeclared_page_but_not_a_declared_one() {
        let body = b"<p>caf\xe9 \xe0 \xc0</p>";
        let latin2 = Encoding::for_label(b"iso-8859-2");
        // Undeclared: the header's ISO-8859-2 reads 0xE9 0xE0 0xC0 as é ŕ Ŕ, not é à À.
        assert_eq!(decode_with(body, latin2).text, "<p>café ŕ Ŕ</p>");
        // The page's own <meta> wins over the header.
        let declared = [b"<meta charset=windows-1252>".as_slice(), body].concat();
        assert!(
            decode_with(&declared, latin2)
                .text
                .ends_with("<p>café à À</p>")
        );
        // Valid UTF-8 under a wrong header: the header still decides, as browsers do.
        assert_eq!(decode_with("é".as_bytes(), None).text, "é");
    }

    #[test]
    fn bom_and_utf8_win() {
        let utf16 = [b"\xFF\xFE".as_slice(), b"<\0p\0>\0\xe9\0"].concat();
        assert_eq!(decode(&utf16).text, "<p>é");
        let utf8 = "<meta charset=utf-8><p>é</p>".as_bytes();
        assert!(decode(utf8).text.ends_with("<p>é</p>"));
        let bad = b"<meta charset=utf-8><p>\xff</p>";
        assert!(decode(bad).warning.is_some());
    }
}
