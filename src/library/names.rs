//! Name keys: how entity names from different articles are compared. "Donald  Trump",
//! "donald trump" and "Donald Trump’s" share one key; so do "U.S." and "US".

/// The key of an entity name: lowercase letters and digits, words separated by one space,
/// a trailing possessive ('s) and dots inside abbreviations dropped.
pub fn key(name: &str) -> String {
    let name = name.trim();
    let name = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name);
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c == '.' {
            // "U.S." and "US" are one key: a dot joins, it does not separate.
            continue;
        }
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn spelling_variants_share_a_key() {
        assert_eq!(key("Donald  Trump"), "donald trump");
        assert_eq!(key("Donald Trump’s"), "donald trump");
        assert_eq!(key("U.S."), key("US"));
        assert_eq!(key("Bailey-Ross"), "bailey ross");
        assert_eq!(key("Émile Zola"), "émile zola");
        assert_eq!(key(" -- "), "");
        assert_ne!(key("Trump"), key("Donald Trump"));
    }
}
