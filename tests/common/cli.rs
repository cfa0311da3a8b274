//! Running the real `gloss` binary in a sandbox for the command-line tests
//! (`cli_notes`, `cli_library`, `cli_corrections`): its home, data and config
//! directories all inside one temporary directory, so nothing of the user's is read or
//! written.

use std::path::Path;
use std::process::{Command, Output};

/// `gloss ARGS` with `home` as its home, data (`home/data`) and config (`home/config`)
/// directories, run from `cwd` when one is given.
pub fn gloss_in(home: &Path, cwd: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gloss"));
    command
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    command.output().expect("run gloss")
}

/// The standard output of a run that must succeed (else the test fails with its stderr).
pub fn stdout_of_success(out: Output, args: &[&str]) -> String {
    assert!(
        out.status.success(),
        "gloss {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}
