//! The link settings of `config.toml`: `opener`, the command that opens a link outside
//! gloss (the link is its last argument), and `hyperlinks`, whether the reader marks
//! links as OSC 8 hyperlinks the terminal can open.
//!
//! `hyperlinks = "auto"` (the default) turns them on only where the environment says the
//! terminal understands OSC 8 (a terminal that does not may print the sequence's bytes):
//! `TERM_PROGRAM` of iTerm2, WezTerm, VS Code, Ghostty, Hyper, Tabby or Rio; `VTE_VERSION`
//! 0.50 or later (GNOME Terminal, Tilix, Terminator); kitty, foot, Alacritty, Ghostty and
//! WezTerm by `TERM` or their own variables; Konsole 20.12 or later; Windows Terminal
//! (`WT_SESSION`). Never under `TERM=linux` or `dumb`, nor inside screen or tmux, which
//! do not pass the sequence through by default.

use std::fmt;
use std::str::FromStr;

/// The `hyperlinks` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hyperlinks {
    #[default]
    Auto,
    Always,
    Never,
}

/// A `hyperlinks` value that is none of the three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownHyperlinks(String);

impl fmt::Display for UnknownHyperlinks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown hyperlinks setting '{}': expected \"auto\", \"always\" or \"never\"",
            self.0
        )
    }
}

impl FromStr for Hyperlinks {
    type Err = UnknownHyperlinks;

    fn from_str(s: &str) -> Result<Hyperlinks, UnknownHyperlinks> {
        match s {
            "auto" => Ok(Hyperlinks::Auto),
            "always" => Ok(Hyperlinks::Always),
            "never" => Ok(Hyperlinks::Never),
            other => Err(UnknownHyperlinks(other.to_string())),
        }
    }
}

impl Hyperlinks {
    /// Whether to write OSC 8 hyperlinks, `env` reading an environment variable.
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> bool {
        match self {
            Hyperlinks::Always => true,
            Hyperlinks::Never => false,
            Hyperlinks::Auto => terminal_understands_osc8(env),
        }
    }
}

/// Whether the environment names a terminal that understands OSC 8 (see the module doc).
pub fn terminal_understands_osc8(env: impl Fn(&str) -> Option<String>) -> bool {
    let term = env("TERM").unwrap_or_default();
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty());
    let number = |name: &str| env(name).and_then(|v| v.trim().parse::<u64>().ok());
    if term.is_empty() || term == "dumb" || term == "linux" {
        return false;
    }
    // A multiplexer sits between gloss and the terminal and drops the sequence.
    if set("TMUX") || set("STY") || term.starts_with("screen") || term.starts_with("tmux") {
        return false;
    }
    let program = env("TERM_PROGRAM").unwrap_or_default();
    const PROGRAMS: [&str; 8] = [
        "iTerm.app",
        "WezTerm",
        "vscode",
        "ghostty",
        "Hyper",
        "Tabby",
        "rio",
        "WarpTerminal",
    ];
    const TERMS: [&str; 6] = [
        "xterm-kitty",
        "xterm-ghostty",
        "wezterm",
        "foot",
        "alacritty",
        "contour",
    ];
    PROGRAMS.contains(&program.as_str())
        || TERMS.iter().any(|t| term.starts_with(t))
        || number("VTE_VERSION").is_some_and(|v| v >= 5000)
        || number("KONSOLE_VERSION").is_some_and(|v| v >= 201200)
        || set("KITTY_WINDOW_ID")
        || set("WT_SESSION")
}

/// The system's opener: `open` on macOS, `xdg-open` elsewhere.
pub fn default_opener() -> Vec<String> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    vec![program.to_string()]
}

/// An `opener` as written, checked: a program, then any arguments.
pub fn check_opener(words: Vec<String>) -> Result<Vec<String>, String> {
    match words.first() {
        Some(program) if !program.trim().is_empty() => Ok(words),
        _ => Err("opener: expected a program and its arguments, such as [\"xdg-open\"]".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn auto_trusts_only_terminals_known_to_understand_osc8() {
        let auto = |vars: &[(&str, &str)]| Hyperlinks::Auto.resolve(env(vars));
        assert!(auto(&[("TERM", "xterm-256color"), ("VTE_VERSION", "7600")]));
        assert!(auto(&[("TERM", "xterm-kitty")]));
        assert!(auto(&[
            ("TERM", "xterm-256color"),
            ("TERM_PROGRAM", "WezTerm")
        ]));
        assert!(auto(&[("TERM", "foot")]));
        assert!(!auto(&[("TERM", "xterm-256color")]), "an unknown xterm");
        assert!(!auto(&[
            ("TERM", "xterm-256color"),
            ("VTE_VERSION", "4200")
        ]));
        assert!(!auto(&[("TERM", "linux")]));
        assert!(!auto(&[("TERM", "dumb"), ("TERM_PROGRAM", "iTerm.app")]));
        assert!(!auto(&[]));
        let tmux = [
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/t,1,0"),
            ("TERM_PROGRAM", "WezTerm"),
        ];
        assert!(!auto(&tmux));
        assert!(!auto(&[
            ("TERM", "screen.xterm-256color"),
            ("VTE_VERSION", "7600")
        ]));
        assert!(Hyperlinks::Always.resolve(env(&[("TERM", "linux")])));
        assert!(!Hyperlinks::Never.resolve(env(&[("TERM", "xterm-kitty")])));
    }

    #[test]
    fn settings_parse_and_say_what_they_expect() {
        assert_eq!("never".parse::<Hyperlinks>(), Ok(Hyperlinks::Never));
        let err = "yes".parse::<Hyperlinks>().unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown hyperlinks setting 'yes': expected \"auto\", \"always\" or \"never\""
        );
        assert!(check_opener(vec![]).is_err());
        assert!(check_opener(vec![" ".into()]).is_err());
        assert_eq!(
            check_opener(vec!["firefox".into(), "--new-tab".into()]),
            Ok(vec!["firefox".to_string(), "--new-tab".to_string()])
        );
    }
}
