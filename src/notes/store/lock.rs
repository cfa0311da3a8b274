//! Serialising saves between gloss processes: an advisory lock (`flock` on Unix, via std's
//! `File::try_lock`) on a hidden `.FILE.lock` beside the notes file, held across
//! read-merge-write so that two processes saving at once cannot both merge the same old
//! version and drop each other's notes. The kernel releases it when a process dies, so a
//! `kill -9` never leaves a stale lock. The holder removes the lock file before releasing
//! it, so none is left beside the notes (one left by a killed holder goes with the next
//! save); whoever locks a file that was removed meanwhile starts again on the new one.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another process's save (which takes milliseconds) before
/// giving up with an error; the notes stay in memory for a retry.
const WAIT: Duration = Duration::from_secs(3);

/// Held while saving; dropping it removes the lock file and releases the lock.
#[derive(Debug)]
pub struct SaveLock {
    file: File,
    path: PathBuf,
}

/// The lock file of a notes file.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{}.lock", name.unwrap_or_default()))
}

impl SaveLock {
    /// Waits (up to a few seconds) for the save lock of `target`.
    pub fn acquire(target: &Path) -> io::Result<SaveLock> {
        let path = lock_path(target);
        let deadline = Instant::now() + WAIT;
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)?;
            match file.try_lock() {
                // Locked the file that is still there: ours until dropped.
                Ok(()) if same_file(&file, &path) => return Ok(SaveLock { file, path }),
                // Locked a file its previous holder removed: try the one there now.
                Ok(()) => continue,
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

impl Drop for SaveLock {
    fn drop(&mut self) {
        // Removed while still locked: a process waiting on this file finds it gone once it
        // gets the lock, and starts again on a new one. Best effort: a lock file left
        // behind costs nothing but its name.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether `path` still names the file `file` has open.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Elsewhere an open file cannot be removed, so the name always names the open file.
#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
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
        assert!(
            !lock_path(&target).exists(),
            "the holder removes the lock file"
        );
        assert!(file.try_lock().is_ok());
        assert!(lock_path(&target).ends_with(".n.toml.lock"));
    }

    #[test]
    fn one_holder_at_a_time_while_lock_files_come_and_go() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("n.toml");
        let inside = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (target, inside) = (target.clone(), inside.clone());
                std::thread::spawn(move || {
                    for _ in 0..200 {
                        let _lock = SaveLock::acquire(&target).unwrap();
                        let before = inside.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        assert_eq!(before, 0, "two holders at once");
                        std::thread::yield_now();
                        inside.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        assert!(!lock_path(&target).exists());
    }
}
