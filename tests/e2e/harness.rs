//! A real pseudo-terminal harness: runs the real `gloss` binary in a PTY (portable-pty),
//! feeds its output to a terminal emulator (vt100) and lets tests type keys and read the
//! screen the way a person would.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long a test waits for a screen state before failing with a dump of the screen.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// One running program in a pseudo-terminal.
pub struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    _home: tempfile::TempDir,
}

/// The path of the binary under test, built by cargo for integration tests.
pub fn gloss_bin() -> &'static str {
    env!("CARGO_BIN_EXE_gloss")
}

/// The bundled sample article, by path.
pub fn sample_path() -> String {
    format!(
        "{}/sample-data/canada-iraq-mission-2020-01-06.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

impl Session {
    /// Runs `program args` in a `cols`x`rows` terminal with a clean configuration home.
    pub fn spawn(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let home = tempfile::tempdir().expect("temporary home");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("spawn in the pseudo-terminal");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        {
            let screen = Arc::clone(&screen);
            let raw = Arc::clone(&raw);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            screen.lock().expect("screen lock").process(&buf[..n]);
                            raw.lock().expect("raw lock").extend_from_slice(&buf[..n]);
                        }
                    }
                }
            });
        }
        Session {
            screen,
            raw,
            writer,
            child,
            master: pair.master,
            _home: home,
        }
    }

    /// Runs gloss with `args` in a terminal of the given size.
    pub fn gloss(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::spawn(gloss_bin(), args, &[], cols, rows)
    }

    /// Runs gloss through `sh`, then prints the terminal modes with `stty -a` so a test can
    /// check that gloss left the terminal as it found it (all printed once the output
    /// holds `end-of-stty`).
    pub fn gloss_then_stty(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let script = format!(
            "'{}' {}; echo \"exit=$?\"; stty -a; echo end-of-stty",
            gloss_bin(),
            args.iter()
                .map(|a| format!("'{a}'"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        Session::spawn("sh", &["-c", &script], env, cols, rows)
    }

    /// Types raw bytes (keys) into the terminal.
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// The screen's text, one line per row.
    pub fn text(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// Runs `f` on the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.screen.lock().expect("screen lock").screen())
    }

    /// Everything the program wrote, as bytes.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().expect("raw lock").clone()
    }

    /// Waits until `ready` holds for the screen, or panics with the screen's contents.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.with_screen(&ready) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {what}; the screen shows:\n{}",
            self.text()
        );
    }

    /// Waits until the screen contains `needle`.
    pub fn wait_for_text(&self, needle: &str) {
        self.wait_for(&format!("{needle:?} on screen"), |s| {
            s.contents().contains(needle)
        });
    }

    /// Waits until the reader shows the sample article with its annotations in (detection
    /// runs beside the first frames): keys that walk annotations need them.
    pub fn wait_for_annotations(&self) {
        self.wait_for("the sample annotated", |s| {
            let text = s.contents();
            text.contains("Iraq") && !text.contains("etecting…")
        });
    }

    /// Waits until the raw output contains `needle` (for text printed after the TUI exits).
    pub fn wait_for_output(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if String::from_utf8_lossy(&self.raw_output()).contains(needle) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {needle:?} in the output; it was:\n{}",
            String::from_utf8_lossy(&self.raw_output())
        );
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pseudo-terminal");
        self.screen
            .lock()
            .expect("screen lock")
            .screen_mut()
            .set_size(nz(rows), nz(cols));
    }

    /// The process id of the program run (for [`Session::gloss_then_stty`], the shell's).
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the program's process id")
    }

    /// Waits for the program to end and returns its exit status.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                // Let the reader thread drain what was written last.
                thread::sleep(Duration::from_millis(100));
                return status;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!(
            "the program did not exit; the screen shows:\n{}",
            self.text()
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// A terminal dimension, at least 1.
fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

/// Checks that `stty -a` output (printed after gloss exited) shows a sane, cooked terminal:
/// canonical mode and echo back on, i.e. raw mode was left.
pub fn assert_terminal_cooked(output: &str) {
    let stty = output.rsplit("exit=").next().unwrap_or(output);
    let words: Vec<&str> = stty.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            words.contains(&mode),
            "terminal left with -{mode} (raw mode not restored); stty said:\n{stty}"
        );
    }
}

/// Sends the signal named `name` ("TERM", "CONT"...) to process `pid`, as `kill -s` does.
pub fn kill(name: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args(["-s", name, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -s {name} {pid} failed");
}

/// The process whose parent is `parent` (gloss under the shell of
/// [`Session::gloss_then_stty`]), once it has started; Linux's /proc.
pub fn child_of(parent: u32) -> u32 {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        for entry in std::fs::read_dir("/proc").expect("read /proc").flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            if process_state(pid).is_some_and(|(_, ppid)| ppid == parent) {
                return pid;
            }
        }
        thread::sleep(Duration::from_millis(20));
    }
    panic!("no child of process {parent} appeared");
}

/// A process's state letter ('S' sleeping, 'T' stopped...) and parent, from /proc.
pub fn process_state(pid: u32) -> Option<(char, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ppid ...": the name may hold spaces and parentheses.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let ppid = fields.next()?.parse().ok()?;
    Some((state, ppid))
}
