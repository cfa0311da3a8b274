//! Signals while the reader runs: SIGTERM, SIGHUP, SIGINT and SIGQUIT end gloss the way
//! quitting does (terminal restored, pending notes saved, exit status 128 + the signal);
//! SIGTSTP suspends it as Ctrl-z does. A thread waits for them (signal-hook's safe
//! iterator) and hands them to the loop, which acts between two frames.
//!
//! Two exceptions are decided on that thread, because the loop is blocked at those times:
//! while `$EDITOR` runs, SIGINT and SIGQUIT are the editor's (Ctrl-c in vi reaches the whole
//! process group) and are ignored, as `system(3)` does; and SIGTSTP while the terminal is
//! not the reader's (the editor, or before the first frame) stops gloss at once, so the
//! shell's job control sees the job stop.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::{Handle, Signals};
use signal_hook::low_level::emulate_default_handler;

use super::terminal;

/// What a signal asks of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// End: restore the terminal, save, exit with 128 + this signal's number.
    Terminate(i32),
    /// Give the terminal back and stop until continued (`fg`).
    Suspend,
}

/// How the reader ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The reader quit.
    Quit,
    /// A signal ended it: the process exits with `status` (128 + the signal) after
    /// printing `notice` (where notes that could not be saved went), if any.
    Signalled { status: i32, notice: Option<String> },
    /// The reader asked to see this entity across the library (its canonical name and
    /// kind); its notes are saved.
    Elsewhere {
        name: String,
        label: crate::annotation::EntityLabel,
    },
}

/// Whether an external program (`$EDITOR`) runs in the foreground for gloss.
static CHILD_RUNS: AtomicBool = AtomicBool::new(false);

/// Runs `f` (which runs an external program on the terminal) with SIGINT and SIGQUIT left
/// to that program.
pub fn while_child_runs<T>(f: impl FnOnce() -> T) -> T {
    CHILD_RUNS.store(true, Ordering::SeqCst);
    let out = f();
    CHILD_RUNS.store(false, Ordering::SeqCst);
    out
}

/// The signals being watched; dropping it stops the watching thread.
pub struct SignalWatch {
    rx: Receiver<Signal>,
    handle: Handle,
}

impl SignalWatch {
    /// Starts watching (replacing the default actions, which would leave the terminal in
    /// raw mode on the alternate screen).
    pub fn start() -> io::Result<SignalWatch> {
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP])?;
        let handle = signals.handle();
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            for number in signals.forever() {
                let Some(signal) = meaning(number) else {
                    continue;
                };
                // The receiver is gone once the reader has ended: nothing left to do.
                if tx.send(signal).is_err() {
                    break;
                }
            }
        });
        Ok(SignalWatch { rx, handle })
    }

    /// The next signal received and not yet handled, if any.
    pub fn next(&self) -> Option<Signal> {
        self.rx.try_recv().ok()
    }
}

impl Drop for SignalWatch {
    fn drop(&mut self) {
        self.handle.close();
    }
}

/// What `number` means now; the cases the loop cannot wait for are handled here.
fn meaning(number: i32) -> Option<Signal> {
    match number {
        SIGINT | SIGQUIT if CHILD_RUNS.load(Ordering::SeqCst) => None,
        SIGTSTP if !terminal::is_active() => {
            stop();
            None
        }
        SIGTSTP => Some(Signal::Suspend),
        other => Some(Signal::Terminate(other)),
    }
}

/// Stops the process as SIGTSTP's default action does; returns once it is continued.
pub fn stop() {
    // Only fails for a signal it does not know, and it knows SIGTSTP.
    let _ = emulate_default_handler(SIGTSTP);
}
