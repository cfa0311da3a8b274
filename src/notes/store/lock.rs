//! Serialising saves between gloss processes: an advisory lock (`flock` on Unix, via std's
//! `File::try_lock`) on a hidden `.FILE.lock` beside the notes file, held across
//! read-merge-write so that two processes saving at once cannot both merge the same old
//! version and drop each other's notes. The kernel releases it when a process dies, so a
//! `kill -9` never leaves a stale lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another process's save (which takes milliseconds) before
/// giving up with an error; the notes stay in memory for a retry.
const WAIT: Duration = Duration::from_secs(3);

/// Held while saving; dropping it releases the lock.
#[derive(Debug)]
pub struct SaveLock {
    _file: File,
}

/// The lock file of a notes file.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{}.lock", name.unwrap_or_default()))
}

impl SaveLock {
    /// Waits (up to a few seconds) for the save lock of `target`.
    pub fn acquire(target: &Path) -> io::Result<SaveLock> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(target))?;
        let deadline = Instant::now() + WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(SaveLock { _file: file }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        "another gloss process is still saving these notes",
                    ));
                }
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("n.toml");
        let first = SaveLock::acquire(&target).unwrap();
        let file = File::open(lock_path(&target)).unwrap();
        assert!(matches!(file.try_lock(), Err(TryLockError::WouldBlock)));
        drop(first);
        assert!(file.try_lock().is_ok());
        assert!(lock_path(&target).ends_with(".n.toml.lock"));
    }
}
