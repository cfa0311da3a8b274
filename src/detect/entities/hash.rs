//! Allocation-free hashing of words and features for the tagger: FNV-1a over the
//! (lowercased) characters, finished with a 64-bit mixer, and an identity hasher for maps
//! whose keys are already such hashes.

use std::hash::{BuildHasherDefault, Hasher};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A strong 64-bit finaliser (splitmix64), so nearby inputs land far apart.
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Incremental FNV-1a over chars.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(FNV_OFFSET)
    }
}

impl Fnv {
    pub fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    /// Pushes `c` lowercased ("É" -> "é").
    pub fn push_lower(&mut self, c: char) {
        if c.is_ascii() {
            self.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                self.push(l);
            }
        }
    }

    pub fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// The hash of `word` lowercased; the curly apostrophe counts as the straight one.
pub fn word_hash_lower(word: &str) -> u64 {
    // Fast path for ASCII, checked as it goes: the same bytes `push_lower` would feed.
    let mut h = FNV_OFFSET;
    for b in word.bytes() {
        if !b.is_ascii() {
            return word_hash_lower_unicode(word);
        }
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(FNV_PRIME);
    }
    mix(h)
}

fn word_hash_lower_unicode(word: &str) -> u64 {
    let mut h = Fnv::default();
    for c in word.chars() {
        h.push_lower(if c == '’' { '\'' } else { c });
    }
    h.finish()
}

/// The hash of `word` as written.
pub fn word_hash_exact(word: &str) -> u64 {
    let mut h = Fnv::default();
    for c in word.chars() {
        h.push(if c == '’' { '\'' } else { c });
    }
    h.finish()
}

/// Folds the next token's hash into a phrase hash (order matters).
pub fn combine(phrase: u64, token: u64) -> u64 {
    mix(phrase.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ token)
}

/// A hasher that passes a `u64` key through: the keys are hashes already.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b) ^ (self.0 >> 56);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdentityHasher = BuildHasherDefault<PassThrough>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_hash_ignores_case_and_apostrophe_style() {
        assert_eq!(word_hash_lower("Canada"), word_hash_lower("CANADA"));
        assert_eq!(word_hash_lower("O’Brien"), word_hash_lower("o'brien"));
        assert_ne!(word_hash_exact("Canada"), word_hash_exact("canada"));
        assert_ne!(word_hash_lower("ab"), word_hash_lower("ba"));
        let mut slow = Fnv::default();
        "MiXed".chars().for_each(|c| slow.push_lower(c));
        assert_eq!(
            slow.finish(),
            word_hash_lower("MiXed"),
            "the ASCII fast path agrees"
        );
    }

    #[test]
    fn combine_depends_on_order() {
        let (a, b) = (word_hash_lower("new"), word_hash_lower("york"));
        assert_ne!(combine(combine(0, a), b), combine(combine(0, b), a));
    }
}
