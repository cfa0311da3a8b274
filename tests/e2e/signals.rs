//! Signals through a real pseudo-terminal: SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the
//! terminal, keep what the reader wrote and exit with 128 + the signal; Ctrl-z suspends
//! gloss with the terminal given back, and continuing it paints the reader again.

use super::harness::{Session, assert_terminal_cooked, child_of, kill, process_state, sample_path};

/// The terminal as the shell had it: main screen, cursor shown, no mouse reporting.
fn assert_screen_restored(s: &Session, signal: &str) {
    s.with_screen(|screen| {
        assert!(
            !screen.alternate_screen(),
            "SIG{signal}: alternate screen left on"
        );
        assert!(!screen.hide_cursor(), "SIG{signal}: cursor left hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "SIG{signal}: mouse reporting left on"
        );
    });
}

#[test]
fn terminating_signals_restore_the_terminal_and_exit_with_128_plus_the_signal() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let mut s = Session::gloss_then_stty(&[&sample_path()], &[], 120, 35);
        s.wait_for_text("Donald Trump");
        kill(signal, child_of(s.pid()));
        s.wait_for_output(&format!("exit={}", 128 + number));
        s.wait_for_output("end-of-stty");
        assert_screen_restored(&s, signal);
        assert_terminal_cooked(&String::from_utf8_lossy(&s.raw_output()));
        s.wait_exit();
    }
}

#[test]
fn a_note_being_written_is_saved_when_sigterm_ends_gloss() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    let data = dir.path().join("data");
    let env = [("XDG_DATA_HOME", data.to_str().expect("utf-8"))];
    let art = article.to_str().expect("utf-8");
    let mut s = Session::spawn(super::harness::gloss_bin(), &[art], &env, 120, 35);
    s.wait_for_text("Entities");
    s.send("a");
    s.wait_for_text("New note on");
    s.send("written before the signal");
    s.wait_for_text("written before the signal");
    kill("TERM", s.pid());
    assert_eq!(s.wait_exit().exit_code(), 143);
    assert_screen_restored(&s, "TERM");
    let listed = std::process::Command::new(super::harness::gloss_bin())
        .args(["notes", art])
        .env("XDG_DATA_HOME", &data)
        .output()
        .expect("run gloss notes");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("written before the signal"),
        "the note was lost; gloss notes says:\n{listed}"
    );
}

#[test]
fn unsaved_notes_go_to_the_recovery_file_named_on_exit() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The notes file would be inside a regular file: every save fails.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "").expect("write the blocker");
    let notes = blocker.join("notes.toml");
    let notes = notes.to_str().expect("utf-8");
    let mut s = Session::gloss_then_stty(&["--notes", notes, &sample_path()], &[], 120, 35);
    s.wait_for_text("Entities");
    s.send("a");
    s.wait_for_text("New note on");
    s.send("kept through the signal");
    s.wait_for_text("kept through the signal");
    kill("TERM", child_of(s.pid()));
    s.wait_for_output("exit=143");
    s.wait_for_output("end-of-stty");
    assert_screen_restored(&s, "TERM");
    let out = String::from_utf8_lossy(&s.raw_output()).into_owned();
    let copy = out
        .split("a copy is in ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no recovery file named:\n{out}"));
    let saved = std::fs::read_to_string(copy).expect("the recovery file");
    let _ = std::fs::remove_file(copy);
    assert!(saved.contains("kept through the signal"), "{saved}");
}

/// Waits until process `pid` is stopped.
fn wait_stopped(pid: u32) {
    let start = std::time::Instant::now();
    while process_state(pid).is_none_or(|(state, _)| state != 'T') {
        assert!(
            start.elapsed() < super::harness::PATIENCE,
            "gloss did not stop: {:?}",
            process_state(pid)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_continuing_repaints() {
    let mut s = Session::gloss(&[&sample_path()], 120, 35);
    s.wait_for_text("Donald Trump");
    let pid = s.pid();
    // The key (raw mode turns Ctrl-z into one), then the signal sent from outside.
    for from_outside in [false, true] {
        match from_outside {
            false => s.send("\x1a"),
            true => kill("TSTP", pid),
        }
        s.wait_for("the shell's screen back", |screen| {
            !screen.alternate_screen()
        });
        assert_screen_restored(&s, "TSTP");
        wait_stopped(pid);
        kill("CONT", pid);
        s.wait_for("the reader's screen again", |screen| {
            screen.alternate_screen() && screen.contents().contains("Donald Trump")
        });
    }
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn an_interrupt_while_the_editor_runs_is_the_editor_s() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    // An "editor" that gets Ctrl-c (SIGINT to the process group reaches gloss too: here,
    // sent to gloss directly) and carries on writing.
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nkill -INT $PPID\nsleep 0.3\nprintf 'after the interrupt' >> \"$1\"\n",
    )
    .expect("write the editor");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data = dir.path().join("data");
    let env = [
        ("XDG_DATA_HOME", data.to_str().expect("utf-8")),
        ("EDITOR", editor.to_str().expect("utf-8")),
        ("VISUAL", ""),
    ];
    let mut s = Session::spawn(
        super::harness::gloss_bin(),
        &[&sample_path()],
        &env,
        120,
        35,
    );
    s.wait_for_text("Entities");
    s.send("a");
    s.wait_for_text("New note on");
    s.send("\x05"); // Ctrl-e
    s.wait_for_text("after the interrupt");
    s.send("\x13"); // Ctrl-s
    s.wait_for_text("notes saved");
    s.send("q");
    assert!(s.wait_exit().success(), "gloss ended:\n{}", s.text());
}
