//! A program in a pseudo-terminal whose output is timestamped chunk by chunk, replayed into
//! a vt100 screen on demand: the time a screen state appeared is the arrival time of the
//! chunk that completed it, not the time a polling loop happened to look.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

type Log = Arc<Mutex<Vec<(Instant, Vec<u8>)>>>;

/// One running program, its output log and the screen replayed up to `seen` chunks.
pub struct Session {
    log: Log,
    seen: usize,
    parser: vt100::Parser,
    /// Arrival of the last chunk replayed.
    last: Option<Instant>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    pub spawned: Instant,
    _home: tempfile::TempDir,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

impl Session {
    /// Starts `program args` in a `cols`x`rows` terminal with an empty configuration home.
    pub fn spawn(program: &str, args: &[&str], cols: u16, rows: u16) -> anyhow::Result<Session> {
        let pair = native_pty_system().openpty(size(cols, rows))?;
        let home = tempfile::tempdir()?;
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home.path());
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        cmd.env("LESS", "");
        cmd.env("LESSHISTFILE", "-");
        cmd.env_remove("NO_COLOR");
        let mut reader = pair.master.try_clone_reader()?;
        let writer = pair.master.take_writer()?;
        let log: Log = Arc::default();
        let spawned = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        {
            let log = Arc::clone(&log);
            thread::spawn(move || {
                let mut buf = vec![0u8; 1 << 16];
                while let Ok(n @ 1..) = reader.read(&mut buf) {
                    let now = Instant::now();
                    if let Ok(mut log) = log.lock() {
                        log.push((now, buf[..n].to_vec()));
                    }
                }
            });
        }
        Ok(Session {
            log,
            seen: 0,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            last: None,
            writer,
            child,
            master: pair.master,
            spawned,
            _home: home,
        })
    }

    /// Replays the next logged chunk, if there is one; returns its arrival time.
    fn step(&mut self) -> Option<Instant> {
        let (at, bytes) = {
            let log = self.log.lock().ok()?;
            let (at, bytes) = log.get(self.seen)?;
            (*at, bytes.clone())
        };
        self.seen += 1;
        self.parser.process(&bytes);
        self.last = Some(at);
        Some(at)
    }

    /// Waits until `ready` holds; returns the arrival time of the chunk that made it hold.
    pub fn wait_until(
        &mut self,
        patience: Duration,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> Option<Instant> {
        let start = Instant::now();
        loop {
            while let Some(at) = self.step() {
                if ready(self.parser.screen()) {
                    return Some(at);
                }
            }
            if start.elapsed() > patience {
                return None;
            }
            thread::sleep(Duration::from_micros(200));
        }
    }

    /// Replays output until none has arrived for `quiet`; returns the last arrival time.
    pub fn settle(&mut self, quiet: Duration) -> Option<Instant> {
        let mut idle = Instant::now();
        loop {
            let mut any = false;
            while self.step().is_some() {
                any = true;
            }
            if any {
                idle = Instant::now();
            } else if idle.elapsed() >= quiet {
                return self.last;
            }
            thread::sleep(Duration::from_micros(500));
        }
    }

    /// Sends `keys` once the screen is quiet and returns the time until the screen changed
    /// and its frame was complete (the last chunk before `quiet` without output).
    pub fn key(&mut self, keys: &str, quiet: Duration) -> anyhow::Result<Option<Duration>> {
        self.settle(quiet);
        let before = self.parser.screen().contents_formatted();
        let sent = Instant::now();
        self.writer.write_all(keys.as_bytes())?;
        self.writer.flush()?;
        Ok(self.changed_since(sent, &before, quiet))
    }

    /// Resizes the terminal and times the redraw like [`Session::key`]: the time to the
    /// first change of the screen, and to the end of the output it caused.
    pub fn resize(
        &mut self,
        cols: u16,
        rows: u16,
        quiet: Duration,
    ) -> Option<(Duration, Duration)> {
        self.settle(quiet);
        let before = self.parser.screen().contents_formatted();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
        let sent = Instant::now();
        self.master.resize(size(cols, rows)).ok()?;
        let first = self.wait_until(Duration::from_secs(10), |s| {
            s.contents_formatted() != before
        })?;
        let end = self.settle(quiet)?;
        Some((first - sent, end.saturating_duration_since(sent)))
    }

    fn changed_since(&mut self, sent: Instant, before: &str, quiet: Duration) -> Option<Duration> {
        self.wait_until(Duration::from_secs(10), |s| {
            s.contents_formatted() != before
        })?;
        let end = self.settle(quiet)?;
        Some(end.saturating_duration_since(sent))
    }

    /// Sends keys without timing them.
    pub fn send(&mut self, keys: &str) -> anyhow::Result<()> {
        self.writer.write_all(keys.as_bytes())?;
        Ok(self.writer.flush()?)
    }

    /// The child's process id, for reading its peak memory.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
