//! The status bar's messages, kept: the last [`LOG_LEN`] of them in a [`MessageLog`] the
//! messages overlay shows in full (the status bar has one line and cuts a long message),
//! and [`cause_first`], which words an error so the part that matters comes first.

use std::collections::VecDeque;
use std::error::Error;

/// How many messages the log keeps.
pub const LOG_LEN: usize = 20;

/// The last messages shown in the status bar, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MessageLog {
    entries: VecDeque<String>,
}

impl MessageLog {
    /// Adds `message`, unless it is the last one again (a message stays on screen across
    /// updates until a key clears it); the oldest goes past [`LOG_LEN`].
    pub fn push(&mut self, message: &str) {
        if message.is_empty() || self.entries.back().is_some_and(|last| last == message) {
            return;
        }
        if self.entries.len() == LOG_LEN {
            self.entries.pop_front();
        }
        self.entries.push_back(message.to_owned());
    }

    /// The messages, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.entries.iter().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `error` worded cause first: "Permission denied (os error 13): cannot create the
/// directory of notes file /home/…" rather than the cause after a long path, where a
/// one-line status bar cuts it. An error whose text does not end with its innermost
/// cause's is left as it is.
pub fn cause_first(error: &(dyn Error + 'static)) -> String {
    let shown = error.to_string();
    let Some(mut root) = error.source() else {
        return shown;
    };
    while let Some(next) = root.source() {
        root = next;
    }
    let cause = root.to_string();
    match shown.strip_suffix(cause.as_str()) {
        Some(context) if !cause.is_empty() => {
            let context = context.trim_end().trim_end_matches(':').trim_end();
            format!("{cause}: {context}")
        }
        _ => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot create the directory of notes file /a/long/path/notes.toml: {source}")]
    struct Wrapped {
        source: std::io::Error,
    }

    #[test]
    fn the_cause_comes_first() {
        let e = Wrapped {
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
        };
        assert_eq!(
            cause_first(&e),
            "permission denied: cannot create the directory of notes file /a/long/path/notes.toml"
        );
        let plain = std::io::Error::other("disk on fire");
        assert_eq!(cause_first(&plain), "disk on fire");
    }

    #[test]
    fn the_log_keeps_the_last_messages_once_each() {
        let mut log = MessageLog::default();
        for i in 0..LOG_LEN + 5 {
            log.push(&format!("message {i}"));
            log.push(&format!("message {i}"));
        }
        log.push("");
        assert_eq!(log.len(), LOG_LEN);
        assert_eq!(log.iter().next(), Some("message 5"));
        assert_eq!(
            log.iter().last(),
            Some(format!("message {}", LOG_LEN + 4).as_str())
        );
    }
}
