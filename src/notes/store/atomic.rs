//! Crash-safe file replacement: write a temporary file in the same directory, fsync it,
//! rename it over the target, fsync the directory. A reader (or a reboot) sees either the
//! old file or the new one, never a torn or empty one. Temporaries are named after the
//! writing process, so the temporaries of a writer that was killed are recognised and
//! swept by the next write or open of the same file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Temporary files older than this are leftovers of a killed process, not a live save, even
/// when it cannot be told whether their writer still runs (a live save takes milliseconds).
const STALE_AFTER: Duration = Duration::from_secs(120);

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The directory holding `path` (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    format!(".{}.", name.unwrap_or_default())
}

/// Replaces `path` with `bytes` atomically. On error the target is untouched and the
/// temporary file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    remove_stale_temps(path);
    let dir = parent_dir(path);
    // Unique per process and per call, so two gloss processes never share a temporary.
    let tmp = dir.join(format!(
        "{}{}.{}.tmp",
        temp_prefix(path),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename in `dir` durable (on Unix a directory can be opened and fsynced).
fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()
    } else {
        Ok(())
    }
}

/// Removes temporary files of `path` left by writers that died (best effort: a leftover
/// costs disk space, never correctness). A temporary is certainly stale when the process
/// named in it is gone, or when it is older than [`STALE_AFTER`]; this process's own
/// temporaries (a save in progress on another thread) are left alone.
pub fn remove_stale_temps(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    let now = SystemTime::now();
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(writer) = temp_writer(&name.to_string_lossy(), &prefix) else {
            continue;
        };
        let old = || {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE_AFTER))
        };
        let stale = match writer {
            Some(pid) if pid == own => false,
            Some(pid) => process_gone(pid) || old(),
            None => old(),
        };
        if stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// For a temporary of the file with `prefix`: `Some(writer)`, the process id in its name
/// when it has one (`.NAME.PID.N.tmp`); `None` for any other file.
fn temp_writer(name: &str, prefix: &str) -> Option<Option<u32>> {
    let middle = name.strip_prefix(prefix)?.strip_suffix(".tmp")?;
    let (pid, counter) = middle.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    Some(match digits(pid) && digits(counter) {
        true => pid.parse().ok(),
        false => None,
    })
}

/// Whether process `pid` certainly no longer exists. Known where `/proc` lists processes
/// (Linux); elsewhere nothing is certain and only the age bound applies.
fn process_gone(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("n.toml");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn temporaries_of_a_dead_writer_are_swept_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("n.toml");
        // A process id that is certainly not running: above Linux's pid_max ceiling.
        let dead = dir.path().join(".n.toml.4194305.0.tmp");
        let live = dir
            .path()
            .join(format!(".n.toml.{}.7.tmp", std::process::id()));
        let other_file = dir.path().join(".m.toml.4194305.0.tmp");
        let unrelated = dir.path().join(".n.toml.notes.tmp");
        for path in [&dead, &live, &other_file, &unrelated] {
            fs::write(path, b"partial").unwrap();
        }
        write_atomic(&file, b"one").unwrap();
        assert_eq!(dead.exists(), !Path::new("/proc/self").exists());
        assert!(live.exists(), "a save in progress in this process is kept");
        assert!(
            other_file.exists(),
            "another file's temporaries are its own business"
        );
        assert!(unrelated.exists(), "only names gloss makes are touched");
    }

    #[test]
    fn temp_names_are_recognised_exactly() {
        let prefix = ".n.toml.";
        assert_eq!(temp_writer(".n.toml.12.3.tmp", prefix), Some(Some(12)));
        assert_eq!(temp_writer(".n.toml.x.3.tmp", prefix), Some(None));
        assert_eq!(temp_writer(".n.toml.12.3", prefix), None);
        assert_eq!(temp_writer(".n.toml.bak", prefix), None);
        assert_eq!(temp_writer(".m.toml.12.3.tmp", prefix), None);
    }

    #[test]
    fn failure_leaves_the_target_alone() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir").join("n.toml");
        assert!(write_atomic(&missing, b"x").is_err());
        assert!(!missing.exists());
    }
}
