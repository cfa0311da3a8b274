//! The entity tagger's tokenizer: splits text into word and punctuation tokens as byte
//! ranges, the way CoNLL-2003 tokenised its news (so the tagger trained on it sees the same
//! units at run time).
//!
//! Words keep internal hyphens, apostrophes and periods ("al-Baghdadi", "O'Brien", "U.S.");
//! a possessive `'s` / `’s` is split off as its own token so it stays outside entity spans;
//! a trailing period joins a word only for initials and common abbreviations ("J.", "Gen.",
//! "Inc."). Tokens after a line break or a sentence-ending mark are flagged as sentence
//! starts, which the features use to discount capitalisation there; tokens after a blank
//! line as paragraph starts, which no name crosses.
//!
//! A text can be tokenised a paragraph range at a time ([`tokenize_into`]): a paragraph
//! break (a blank line) resets everything the tokenizer carries along except the previous
//! tokens, which it reads from the output, so the pieces add up to the whole text's tokens.

use std::ops::Range;

/// The token starts a sentence (or a line).
pub const SENT_START: u8 = 1;
/// The token begins with a letter or digit.
pub const WORD: u8 = 2;
/// The token's first character is uppercase.
pub const UPPER: u8 = 4;
/// The token has a digit.
pub const DIGIT: u8 = 8;
/// The token is the text's first or follows a blank line (always a sentence start too).
pub const PARA_START: u8 = 16;

/// One token: a byte range of the text and what kind of token it is. Offsets are `u32`
/// (texts up to 4 GiB) so a book's 700 000 tokens take 12 bytes each, not 24: the token
/// vector is the tagger's largest allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub flags: u8,
}

impl Token {
    /// A token over `start..end` (byte offsets below [`MAX_TEXT`]).
    pub fn new(start: usize, end: usize, flags: u8) -> Token {
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Token {
            start: at(start),
            end: at(end),
            flags,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span()).unwrap_or("")
    }

    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// Abbreviations that keep their trailing period (titles, name parts, company forms,
/// months): general English usage, compared case-insensitively.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "capt", "cpl", "pvt", "adm",
    "cmdr", "brig", "gov", "sen", "rep", "rev", "hon", "st", "jr", "sr", "inc", "corp", "co",
    "ltd", "bros", "mt", "ft", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "messrs", "mme", "mlle", "gov", "pres", "supt", "insp", "det",
    "fr", "sgt", "ave", "blvd", "plc", "cie", "dept", "univ",
];

/// Prefixes split off a capitalised word after a hyphen ("anti-ISIL", "pro-Russian").
const HYPHEN_PREFIXES: &[&str] = &[
    "anti", "pro", "non", "ex", "post", "pre", "mid", "neo", "pan", "trans", "inter", "pseudo",
    "quasi", "ultra", "un", "all", "then", "self",
];

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The longest text tokenised (bytes): token offsets are `u32`. Past it, the rest of a
/// text is left untokenised rather than given wrong offsets.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// Splits `text` into tokens. Never panics; every token is a non-empty, char-aligned range.
pub fn tokenize(text: &str) -> Vec<Token> {
    // English averages about one token per five bytes; room for one per four avoids a
    // reallocation of a book-sized vector.
    let mut tokens = Vec::with_capacity(text.len().min(MAX_TEXT) / 4 + 1);
    tokenize_into(text, 0..text.len(), &mut tokens);
    tokens
}

/// Appends the tokens of `text[range]` to `out`, with offsets into the whole `text`.
///
/// `range` should start at the text's start or at a paragraph start (just after a blank
/// line's `\n`, as [`super::chunks`] cuts), and `out` should end with the tokens before it
/// (a closing quote at a paragraph start looks back at them): then tokenising a text range
/// by range gives the same tokens as tokenising it whole. Bytes past [`MAX_TEXT`] are left
/// untokenised; a range not on char boundaries is narrowed to them.
pub fn tokenize_into(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    let floor = |mut i: usize| {
        i = i.min(text.len()).min(MAX_TEXT);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (base, end) = (floor(range.start), floor(range.end));
    let Some(part) = text.get(base..end) else {
        return;
    };
    let tokens = out;
    let bytes = part.as_bytes();
    let mut pos = 0;
    let mut sent_start = true;
    // Line breaks since the last token: two mean a blank line between (a new paragraph).
    let mut breaks = 2;
    let mut line_start = 0;
    while let Some(&b) = bytes.get(pos) {
        // Spaces are the commonest byte after letters: pass them without decoding.
        if b == b' ' {
            pos += 1;
            continue;
        }
        let Some(c) = char_at(part, pos) else { break };
        let start = pos;
        pos += c.len_utf8();
        if is_space(c) {
            if c == '\n' {
                sent_start |= line_ends_sentence(&part[line_start..start], &part[pos..]);
                line_start = pos;
                breaks += 1;
            }
            continue;
        }
        let mut flags = if sent_start { SENT_START } else { 0 };
        if breaks >= 2 {
            flags |= PARA_START;
        }
        breaks = 0;
        sent_start = false;
        let mut end = pos;
        if is_alnum(c) {
            let mut internal_period = false;
            // Extend over letters/digits and single joiners between them.
            loop {
                // Most words are ASCII letters: skip them without decoding.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                let Some(d) = char_at(part, end) else { break };
                if is_alnum(d) {
                    end += d.len_utf8();
                    continue;
                }
                // A combining accent ("Zoe\u{308}") or other extender is part of the
                // letter before it: the word goes on to the end of that cluster.
                if !d.is_ascii() && !is_punctuation_block(d) {
                    let cluster_end = grapheme_end(part, end);
                    if cluster_end > end {
                        end = cluster_end;
                        continue;
                    }
                }
                if !(matches!(d, '-' | '.' | '&') || is_apostrophe(d)) {
                    break;
                }
                let after = end + d.len_utf8();
                let next = char_at(part, after);
                if !next.is_some_and(is_alnum) {
                    break;
                }
                // A possessive or contraction after an apostrophe is split off below.
                if is_apostrophe(d) && is_clitic(&part[after..]) {
                    break;
                }
                // "US-trained": an acronym before a lowercase word stands alone;
                // "anti-ISIL": so does a name after a prefix.
                if d == '-' {
                    let head = &part[start..end];
                    let acronym_head = next.is_some_and(char::is_lowercase)
                        && head.chars().count() >= 2
                        && head.chars().all(char::is_uppercase);
                    let prefix_head = next.is_some_and(char::is_uppercase)
                        && HYPHEN_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(head));
                    if acronym_head || prefix_head {
                        break;
                    }
                }
                internal_period |= d == '.';
                end = after;
            }
            // A trailing period belongs to initials, dotted acronyms and abbreviations.
            if bytes.get(end) == Some(&b'.') {
                let single = end == pos && c.is_alphabetic();
                if single || internal_period || is_abbreviation(&part[start..end]) {
                    end += 1;
                }
            }
            flags |= WORD;
            if c.is_uppercase() {
                flags |= UPPER;
            }
            if bytes[start..end].iter().any(u8::is_ascii_digit) {
                flags |= DIGIT;
            }
            tokens.push(Token::new(base + start, base + end, flags));
        } else if is_apostrophe(c) && is_clitic(&part[pos..]) {
            // "'s", "’s", "'ll": the clitic letters join the apostrophe.
            while let Some(d) = char_at(part, end).filter(|d| d.is_alphabetic()) {
                end += d.len_utf8();
            }
            tokens.push(Token::new(base + start, base + end, flags));
        } else {
            // Punctuation: a run of the same mark is one token ("--", "...").
            while char_at(part, end) == Some(c) {
                end += c.len_utf8();
            }
            tokens.push(Token::new(base + start, base + end, flags));
            // Only quotes, brackets and dashes can pass a sentence start on.
            let passes_on = matches!(
                c,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '—' | '”' | '’' | ')'
            );
            if matches!(c, '.' | '!' | '?') || (passes_on && sent_start_pending(tokens, text)) {
                sent_start = true;
            }
        }
        pos = end;
    }
}

/// The grapheme boundary at or after `at` in `part` (`at` when it is one).
fn grapheme_end(part: &str, at: usize) -> usize {
    let mut cursor = unicode_segmentation::GraphemeCursor::new(at, part.len(), true);
    if cursor.is_boundary(part, 0).unwrap_or(true) {
        return at;
    }
    cursor.next_boundary(part, 0).ok().flatten().unwrap_or(at)
}

/// Quotation marks, dashes and the like (U+2010 to U+2027), common in prose and neither
/// letters nor spaces: told apart without Unicode table look-ups.
fn is_punctuation_block(c: char) -> bool {
    ('\u{2010}'..='\u{2027}').contains(&c)
}

/// `char::is_whitespace`, quicker on ASCII and punctuation.
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c == '\u{b}'
    } else {
        !is_punctuation_block(c) && c.is_whitespace()
    }
}

/// `char::is_alphanumeric`, quicker on ASCII and punctuation.
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_punctuation_block(c) && c.is_alphanumeric()
    }
}

/// The char at byte `i` of `s` (a char boundary), decoding only past ASCII.
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Whether a line break ends a sentence: after a short line (a headline, a dateline, one
/// sentence per line as in CoNLL), after closing punctuation, or before a blank line; a
/// long line of hard-wrapped prose runs on into the next.
fn line_ends_sentence(line: &str, rest: &str) -> bool {
    let line = line.trim_end();
    // The next line is read last: most lines are decided without it.
    line.len() < 60
        || line.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '\'', ')'])
        || rest.split('\n').next().is_some_and(|l| l.trim().is_empty())
}

/// Whether the token after the last one starts a sentence: a closing quote or bracket right
/// after a sentence end, or an opening one at a sentence start.
fn sent_start_pending(tokens: &[Token], text: &str) -> bool {
    let Some(last_token) = tokens.last() else {
        return false;
    };
    let last = last_token.text(text);
    // An opening quote or bracket that starts a sentence passes the start on ("“Ah, ...").
    if last_token.is(SENT_START)
        && matches!(last, "\"" | "“" | "‘" | "'" | "(" | "[" | "-" | "--" | "—")
    {
        return true;
    }
    let before = tokens
        .len()
        .checked_sub(2)
        .map_or("", |k| tokens[k].text(text));
    matches!(last, "\"" | "”" | "’" | "'" | ")")
        && matches!(before.chars().last(), Some('.' | '!' | '?'))
}

/// Whether `rest` (the text after an apostrophe) starts an English clitic: `s`, `ll`, `re`,
/// `ve`, `d`, `m`, `t` followed by a non-letter.
fn is_clitic(rest: &str) -> bool {
    let letters: usize = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 2 {
        return false;
    }
    let after = rest[letters..].chars().next();
    if after.is_some_and(|c| c.is_alphanumeric()) {
        return false;
    }
    matches!(
        rest[..letters].to_ascii_lowercase().as_str(),
        "s" | "ll" | "re" | "ve" | "d" | "m" | "t"
    )
}

#[cfg(test)]
mod tests;
