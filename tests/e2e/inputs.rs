//! Inputs that must neither hang gloss nor fill its memory, and the one-line messages
//! for what it refuses: the real binary, without a terminal, each run under a deadline.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{gloss_bin, sample_path};

/// Long enough for a debug build on a busy machine; an unbounded read takes gigabytes
/// well before it.
const DEADLINE: Duration = Duration::from_secs(20);

/// What a run printed on standard error and how it ended.
struct Ran {
    code: Option<i32>,
    stderr: String,
}

/// Runs gloss with `args` and `stdin`, failing the test if it is still running after
/// [`DEADLINE`] (it is killed then).
fn run(args: &[&str], stdin: Stdio, home: &Path) -> Ran {
    let mut child = Command::new(gloss_bin())
        .args(args)
        .current_dir(home)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gloss");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll gloss") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gloss {args:?} still running after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr piped")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    Ran {
        code: status.code(),
        stderr: stderr.replace(&home.display().to_string(), "HOME"),
    }
}

fn dev_zero() -> Stdio {
    Stdio::from(std::fs::File::open("/dev/zero").expect("/dev/zero"))
}

/// `gloss ARGS` refused with exit status 2: its message.
fn refused(args: &[&str], stdin: Stdio, home: &Path) -> String {
    let ran = run(args, stdin, home);
    assert_eq!(ran.code, Some(2), "gloss {args:?}: {}", ran.stderr);
    assert_eq!(ran.stderr.lines().count(), 1, "one line: {}", ran.stderr);
    ran.stderr
}

#[test]
fn endless_and_special_inputs_are_refused_at_once() {
    let home = tempfile::tempdir().expect("temp home");
    let dir = home.path();
    let fifo = dir.join("fifo.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    std::fs::write(dir.join("zero-base.toml"), "extends = \"/dev/zero\"\n").expect("write");
    // Before: each of these grew to gigabytes of memory or (the FIFO) blocked for ever.
    let shown = [
        refused(&["-"], dev_zero(), dir),
        refused(&["annotate", "-"], dev_zero(), dir),
        refused(&["--config", "/dev/zero"], Stdio::null(), dir),
        refused(&["--config", "fifo.toml"], Stdio::null(), dir),
        refused(&["--theme", "/dev/zero"], Stdio::null(), dir),
        refused(&["--theme", "./zero-base.toml"], Stdio::null(), dir),
        refused(&["notes", "fifo.toml"], Stdio::null(), dir),
        refused(&["annotate", "--jsonl", "fifo.toml"], Stdio::null(), dir),
    ];
    insta::assert_snapshot!(shown.concat());
}

#[test]
fn messages_say_what_went_wrong_once() {
    let home = tempfile::tempdir().expect("temp home");
    let dir = home.path();
    std::fs::write(dir.join("a-file"), "x").expect("write");
    let json = dir.join("none.json");
    std::fs::write(&json, r#"{"type": "AnnotationCollection", "items": []}"#).expect("write");
    let sample = sample_path();
    let shown = [
        // Was: "the subcommand 'b.txt' cannot be used with '[FILE]'".
        refused(&["a.txt", "b.txt"], Stdio::null(), dir),
        // Was: "expected a date as YYYY-MM-DD, found '2020-02-30'".
        refused(&["--date", "2020-02-30", "x.txt"], Stdio::null(), dir),
        refused(&["--date", "2021-13-01", "x.txt"], Stdio::null(), dir),
        refused(&["--date", "2021-1-1", "x.txt"], Stdio::null(), dir),
        // Was: "…: File exists (os error 17): File exists (os error 17)".
        refused(
            &[
                "notes",
                &sample,
                "--notes",
                "a-file/n.toml",
                "--import",
                "w3c",
            ]
            .into_iter()
            .chain(json.to_str())
            .collect::<Vec<_>>(),
            Stdio::null(),
            dir,
        ),
        refused(&["--theme", "blue"], Stdio::null(), dir),
    ];
    insta::assert_snapshot!(shown.concat());
}

#[test]
fn a_closed_output_pipe_ends_gloss_quietly() {
    let mut child = Command::new(gloss_bin())
        .args(["annotate", &sample_path()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gloss");
    // The reader goes away before gloss writes, as `head -c 80` does after 80 bytes.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for gloss");
    // Was: "gloss: Broken pipe (os error 32)" and status 2.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}
