//! The library as the reader holds it while an article is open: the open [`Library`]
//! for queries, the article's id (known at once, or coming from the thread that records
//! a new or big article), and the reading position to restore.

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use super::model::{ArticleId, Position};
use super::{Library, LibraryError};

/// How long saving the position on quit waits for a recording still under way.
const WAIT_FOR_RECORDING: Duration = Duration::from_secs(10);

/// The article's id: known, or still being recorded on a thread.
#[derive(Debug)]
pub enum Pending {
    Known(ArticleId),
    /// The recording thread sends the id (or why it failed) when it is done.
    Recording(Receiver<Result<ArticleId, LibraryError>>),
    /// Recording failed: the reason, for the status bar.
    Failed(String),
}

/// The reader's handle on the library.
#[derive(Debug)]
pub struct Session {
    library: Library,
    article: Pending,
    restore: Option<Position>,
    remember_position: bool,
}

impl Session {
    /// A session on `library` for the article `article`; `restore` is the position kept
    /// from last time; with `remember_position` off, none is restored or saved.
    pub fn new(
        library: Library,
        article: Pending,
        restore: Option<Position>,
        remember_position: bool,
    ) -> Session {
        Session {
            library,
            article,
            restore: restore.filter(|_| remember_position),
            remember_position,
        }
    }

    /// The open library, for the library view, search, entities and quotes.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The open library, for writes.
    pub fn library_mut(&mut self) -> &mut Library {
        &mut self.library
    }

    /// Where to open the article (a byte of its text), when a position was kept and the
    /// config keeps positions. `None` for a new article (or one read to byte 0).
    pub fn restore(&self) -> Option<Position> {
        self.restore.filter(|p| p.byte > 0)
    }

    /// The article's id, if its recording is done (never waits).
    pub fn article(&mut self) -> Option<ArticleId> {
        self.poll(Duration::ZERO)
    }

    /// Why recording the article failed, if it did (for the status bar; never waits).
    pub fn problem(&mut self) -> Option<&str> {
        self.poll(Duration::ZERO);
        match &self.article {
            Pending::Failed(why) => Some(why),
            _ => None,
        }
    }

    /// Keeps `byte` (the top of the screen) as the article's reading position, waiting
    /// (up to ten seconds) for its recording if that is still under way. Does nothing
    /// when the config does not keep positions.
    pub fn save_position(&mut self, byte: usize) -> Result<(), LibraryError> {
        if !self.remember_position {
            return Ok(());
        }
        match self.poll(WAIT_FOR_RECORDING) {
            Some(id) => self.library.set_position(id, byte),
            None => Ok(()),
        }
    }

    /// The id, waiting at most `wait` for the recording thread.
    fn poll(&mut self, wait: Duration) -> Option<ArticleId> {
        if let Pending::Recording(rx) = &self.article {
            let got = match wait.is_zero() {
                true => rx.try_recv().map_err(|e| match e {
                    std::sync::mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                    std::sync::mpsc::TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
                }),
                false => rx.recv_timeout(wait),
            };
            self.article = match got {
                Ok(Ok(id)) => Pending::Known(id),
                Ok(Err(e)) => Pending::Failed(e.to_string()),
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => {
                    Pending::Failed("the library: recording the article stopped".to_owned())
                }
            };
        }
        match self.article {
            Pending::Known(id) => Some(id),
            _ => None,
        }
    }
}
