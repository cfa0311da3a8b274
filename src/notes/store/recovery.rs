//! The recovery file: where the notes go when they cannot be saved and the reader quits.
//! It is written under the data directory (`$XDG_DATA_HOME/gloss/recovery/`, by default
//! `~/.local/share/gloss/recovery/`), else under the state directory
//! (`$XDG_STATE_HOME/gloss/recovery/`, by default `~/.local/state/gloss/recovery/`), never in
//! a shared temporary directory: notes are private, so the file is readable by its owner
//! only (mode 0600, in a directory created 0700) and never replaces an existing file.

use std::ffi::OsString;
use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::location::xdg_dir;

/// The directories a recovery file may go to, in order of preference, from the
/// environment.
pub fn recovery_dirs() -> Vec<PathBuf> {
    let var = std::env::var_os;
    recovery_dirs_from(var("XDG_DATA_HOME"), var("XDG_STATE_HOME"), var("HOME"))
}

/// [`recovery_dirs`] for given `XDG_DATA_HOME`, `XDG_STATE_HOME` and `HOME` values.
pub fn recovery_dirs_from(
    data: Option<OsString>,
    state: Option<OsString>,
    home: Option<OsString>,
) -> Vec<PathBuf> {
    let data = xdg_dir(data, home.clone(), ".local/share");
    let state = xdg_dir(state, home, ".local/state");
    let mut dirs: Vec<PathBuf> = [data, state]
        .into_iter()
        .flatten()
        .map(|base| base.join("gloss").join("recovery"))
        .collect();
    dirs.dedup();
    dirs
}

/// Writes `bytes` to a new file named `name` (or `name` with a number added when that is
/// taken) in the first of `dirs` that takes it. Returns the file's path, or every
/// directory's error.
pub fn write_recovery(dirs: &[PathBuf], name: &str, bytes: &[u8]) -> Result<PathBuf, String> {
    let mut errors = Vec::new();
    for dir in dirs {
        match write_in(dir, name, bytes) {
            Ok(path) => return Ok(path),
            Err(e) => errors.push(format!("{}: {e}", dir.display())),
        }
    }
    Err(match errors.is_empty() {
        true => "no directory for a recovery file: neither XDG_DATA_HOME nor HOME is set".into(),
        false => format!("cannot write a recovery file in {}", errors.join("; ")),
    })
}

fn write_in(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    private_dir_builder().create(dir)?;
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) => (stem, format!(".{ext}")),
        None => (name, String::new()),
    };
    for n in 0..100 {
        let path = match n {
            0 => dir.join(name),
            n => dir.join(format!("{stem}-{n}{ext}")),
        };
        let mut file = match create_private(&path) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            other => other?,
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        if let Err(e) = written {
            drop(file);
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        return Ok(path);
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{name} and 99 numbered names are taken"),
    ))
}

/// A new file only its owner can read and write; an existing file (or a symbolic link
/// planted in its place) is an error, never followed or overwritten.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

fn private_dir_builder() -> DirBuilder {
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_directory_first_then_state_relative_xdg_ignored() {
        let os = |s: &str| Some(OsString::from(s));
        assert_eq!(
            recovery_dirs_from(os("/d"), os("/s"), os("/h")),
            [
                PathBuf::from("/d/gloss/recovery"),
                PathBuf::from("/s/gloss/recovery")
            ]
        );
        assert_eq!(
            recovery_dirs_from(os("rel"), None, os("/h")),
            [
                PathBuf::from("/h/.local/share/gloss/recovery"),
                PathBuf::from("/h/.local/state/gloss/recovery")
            ]
        );
        assert!(recovery_dirs_from(None, None, None).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn written_for_the_owner_only_never_over_a_file_and_falls_back() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let blocked = tmp.path().join("blocked");
        fs::write(&blocked, "a file where the directory would go").unwrap();
        let state = tmp.path().join("state").join("gloss").join("recovery");
        let dirs = [blocked.join("recovery"), state.clone()];
        let first = write_recovery(&dirs, "r.json", b"{}").unwrap();
        assert_eq!(first, state.join("r.json"));
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&first), 0o600);
        assert_eq!(mode(&state), 0o700);
        let second = write_recovery(&dirs, "r.json", b"[]").unwrap();
        assert_eq!(second, state.join("r-1.json"));
        assert_eq!(fs::read(&first).unwrap(), b"{}");
        let err = write_recovery(&dirs[..1], "r.json", b"{}").unwrap_err();
        assert!(err.contains("blocked/recovery: "), "{err}");
    }
}
