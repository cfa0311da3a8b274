//! Terminal set-up and restoration: raw mode, the alternate screen and mouse capture on the
//! way in, all three undone on every way out — a normal return, an error (the guard's
//! `Drop`) and a panic (a hook that restores before the panic message is printed, so the
//! message lands on the normal screen where the reader can see it).

use std::fs::File;
use std::io::{self, Stdout, Write};
use std::panic;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use super::present::Presenter;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

pub type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Gathers a frame's output and hands it to the terminal in one write when ratatui flushes
/// at the end of the frame: one system call instead of one per KiB (stdout's line buffer),
/// so the terminal gets the frame at once. Output not flushed when it is dropped — a
/// frame cut short by a panic, after the terminal was already restored — is discarded,
/// not written over the user's shell.
pub struct FrameWriter {
    buffer: Vec<u8>,
    out: Out,
}

/// Where frames go: standard output's own file descriptor, written directly (std's
/// `Stdout` line buffer would copy a frame and may split it in two writes), or `Stdout`
/// itself if the descriptor cannot be duplicated.
enum Out {
    #[cfg_attr(not(unix), allow(dead_code))]
    File(File),
    Stdout(Stdout),
}

impl FrameWriter {
    fn new() -> FrameWriter {
        let stdout = io::stdout();
        #[cfg(unix)]
        let out = match std::os::fd::AsFd::as_fd(&stdout).try_clone_to_owned() {
            Ok(fd) => Out::File(File::from(fd)),
            Err(_) => Out::Stdout(stdout),
        };
        #[cfg(not(unix))]
        let out = Out::Stdout(stdout);
        FrameWriter {
            buffer: Vec::with_capacity(64 * 1024),
            out,
        }
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let written = match &mut self.out {
            Out::File(file) => file.write_all(&self.buffer),
            Out::Stdout(stdout) => {
                let mut out = stdout.lock();
                out.write_all(&self.buffer).and_then(|()| out.flush())
            }
        };
        // Written or not, this frame is over: a failed write is reported, not repeated.
        self.buffer.clear();
        written
    }
}

/// Whether the terminal is in the reader's state. Restoring happens once: the panic hook
/// restores, then unwinding drops the guard, and a second "leave the alternate screen"
/// would move the cursor back above the panic message just printed.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Owns the terminal while the reader runs; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Term,
    /// What is on screen, and how frames get there.
    pub presenter: Presenter,
}

impl TerminalGuard {
    /// Installs the panic hook, then enters raw mode, the alternate screen and mouse capture.
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        if let Err(e) = execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        ) {
            restore();
            return Err(e);
        }
        // The size is the model's, from resize events, set by the presenter on each frame:
        // asking the terminal for it on every frame costs two system calls per key.
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::default()),
        };
        match Terminal::with_options(CrosstermBackend::new(FrameWriter::new()), options) {
            Ok(mut terminal) => {
                // A failed hide only leaves a visible cursor: not worth refusing to start.
                let _ = terminal.hide_cursor();
                Ok(TerminalGuard {
                    terminal,
                    presenter: Presenter::default(),
                })
            }
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves the alternate screen, disables mouse capture and raw mode. Every step is tried
/// even when an earlier one fails: a half-restored terminal is worse than an ignored error.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen
    );
    let _ = execute!(stdout, ratatui::crossterm::cursor::Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Chains a restoring step in front of the current panic hook (once per process).
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Whether the terminal is in the reader's state (not given back to `$EDITOR` or to the
/// shell, nor restored yet).
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// Gives the terminal back for a while (to run `$EDITOR`): as [`restore`].
pub fn suspend() {
    restore();
}

/// Takes the terminal again after [`suspend`]: the next frame is painted whole. Returns
/// the terminal's size (columns, rows).
pub fn resume(guard: &mut TerminalGuard) -> io::Result<(u16, u16)> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Clear(ClearType::All)
    )?;
    let _ = guard.terminal.hide_cursor();
    // The presenter writes only what differs from what it believes is on screen: the
    // screen is blank now, so the next frame is painted whole.
    guard.presenter.forget();
    // The terminal may have been resized meanwhile, with no event for it.
    ratatui::crossterm::terminal::size()
}
