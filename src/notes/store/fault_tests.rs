//! Faults injected into the notes store, each behind a promise of `docs/reliability.md`:
//! a save killed at any moment loses no saved note, corrupts nothing and leaves no file
//! behind; processes saving at once keep every note; a full disk and a read-only file
//! system leave the file as it was, say which file and why, keep the note and save it once
//! they can; a notes file edited by hand into something that does not parse is never
//! written over.
//!
//! The suite runs short versions. The figures in `docs/reliability.md` come from the long
//! ones, ignored by default:
//! `cargo test --lib notes::store::fault_tests -- --ignored --nocapture --test-threads=1`.
//! Tests named `*_child` are the processes the others start and kill.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use super::tests::{note, open_file};
use super::*;

const CRASH_FILE: &str = "GLOSS_NOTES_CRASH_CHILD";
const CRASH_ROUND: &str = "GLOSS_NOTES_CRASH_ROUND";

/// The child of the kill tests: saves one more note per loop, printing each id once its
/// save returned. Runs only when the parent sets [`CRASH_FILE`] (bounded, so it stops by
/// itself if never killed).
#[test]
#[ignore = "child process of the kill tests"]
fn crash_child() {
    let Some(file) = std::env::var_os(CRASH_FILE) else {
        return;
    };
    let round = std::env::var(CRASH_ROUND).unwrap_or_default();
    let mut opened = open_file(Path::new(&file));
    for i in 0..5000 {
        let mut n = note(&format!("round {round} note {i}"));
        n.id = format!("{round}-{i}");
        opened.notes.add(n);
        opened.store.save(&mut opened.notes).unwrap();
        println!("saved {round}-{i}");
    }
}

/// What a series of kills did to the notes file.
#[derive(Debug, Default, PartialEq, Eq)]
struct Kills {
    /// Notes whose save had returned before the kill (each must be on file).
    confirmed: usize,
    /// Of those, missing when the file was opened again.
    lost: usize,
    /// Opens after a kill that found the file or its backup broken.
    corrupt: usize,
    /// Files other than the notes, its backup and its lock file found after an open.
    left_after_open: usize,
    /// Files other than the notes and its backup after one more save at the end.
    left_at_end: usize,
}

/// Kills a saving child `rounds` times, 0 to 40 ms after its first save (varied per
/// round), with `on_file` notes saved beforehand; opens the file after each kill.
fn kill_saves(rounds: usize, on_file: usize) -> Kills {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crash.toml");
    let mut first = open_file(&file);
    for i in 0..on_file {
        let mut n = note(&format!("on file before the kills, {i}"));
        n.id = format!("before-{i}");
        first.notes.add(n);
    }
    first.store.save(&mut first.notes).unwrap();
    let mut must_have: Vec<String> = first.notes.notes().iter().map(|n| n.id.clone()).collect();
    let mut kills = Kills::default();
    let mut seed = u64::from(std::process::id()) ^ jiff::Timestamp::now().as_nanosecond() as u64;
    for round in 0..rounds {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let confirmed = kill_one_save(&file, round, Duration::from_micros((seed >> 33) % 40_000));
        kills.confirmed += confirmed.len();
        must_have.extend(confirmed);
        let reopened = open_file(&file);
        let backup_ok = fs::read_to_string(reopened.store.backup_file())
            .is_ok_and(|b| NotesFile::parse(&b, &file).is_ok());
        kills.corrupt += usize::from(reopened.problem.is_some() || !backup_ok);
        kills.lost += must_have
            .iter()
            .filter(|id| reopened.notes.get(id).is_none())
            .count();
        let left = leftovers(dir.path());
        kills.left_after_open += left.iter().filter(|n| !n.ends_with(".lock")).count();
    }
    // The lock file a killed holder may have left goes with the next save.
    let mut last = open_file(&file);
    last.notes.add(note("after the kills"));
    last.store.save(&mut last.notes).unwrap();
    kills.left_at_end = leftovers(dir.path()).len();
    kills
}

/// Starts a saving child on `file`, kills it `after` its first save returned, and gives
/// the ids of the notes whose save had returned by then.
fn kill_one_save(file: &Path, round: usize, after: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "notes::store::fault_tests::crash_child",
            "--ignored",
        ])
        .args(["--nocapture", "--test-threads=1"])
        .env(CRASH_FILE, file)
        .env(CRASH_ROUND, round.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(id) = line.strip_prefix("saved ") {
                let _ = tx.send(id.to_owned());
            }
        }
    });
    let first = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    std::thread::sleep(after);
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    std::iter::once(first).chain(rx.try_iter()).collect()
}

/// Files in `dir` other than a notes file and its backup.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !(n.ends_with(".toml") || n.ends_with(".toml.bak")))
        .collect();
    names.sort();
    names
}

#[test]
fn killed_mid_save_never_loses_a_saved_note() {
    let kills = kill_saves(8, 20);
    assert!(kills.confirmed >= 8, "{kills:?}");
    assert_eq!(
        (
            kills.lost,
            kills.corrupt,
            kills.left_after_open,
            kills.left_at_end
        ),
        (0, 0, 0, 0),
        "{kills:?}"
    );
}

/// The figure of `docs/reliability.md`: 1,000 kills of a save with 200 notes on file.
#[test]
#[ignore = "about two minutes: run for the figures of docs/reliability.md"]
fn a_thousand_kills_mid_save() {
    let start = std::time::Instant::now();
    let kills = kill_saves(1000, 200);
    println!(
        "figures: 1000 kills, 200 notes on file: {} saves confirmed before a kill, {} lost, \
         {} corrupt opens, {} files left after an open, {} after the next save ({:.0} s)",
        kills.confirmed,
        kills.lost,
        kills.corrupt,
        kills.left_after_open,
        kills.left_at_end,
        start.elapsed().as_secs_f64()
    );
    assert_eq!(
        (
            kills.lost,
            kills.corrupt,
            kills.left_after_open,
            kills.left_at_end
        ),
        (0, 0, 0, 0)
    );
}

const WRITER_FILE: &str = "GLOSS_NOTES_WRITER_FILE";
const WRITER_ID: &str = "GLOSS_NOTES_WRITER_ID";
const WRITER_NOTES: &str = "GLOSS_NOTES_WRITER_NOTES";

/// The child of the concurrent-writer tests: adds and saves notes one at a time.
#[test]
#[ignore = "child process of the concurrent-writer tests"]
fn writer_child() {
    let Some(file) = std::env::var_os(WRITER_FILE) else {
        return;
    };
    let id = std::env::var(WRITER_ID).unwrap_or_default();
    let count: usize = std::env::var(WRITER_NOTES).unwrap().parse().unwrap();
    let mut opened = open_file(Path::new(&file));
    for i in 0..count {
        let mut n = note(&format!("writer {id}, note {i}"));
        n.id = format!("{id}-{i}");
        opened.notes.add(n);
        opened.store.save(&mut opened.notes).unwrap();
    }
}

/// `pairs` times, two processes each save `count` notes one by one into one new file at
/// the same time; gives the notes found on file over all pairs.
fn concurrent_writers(pairs: usize, count: usize) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut kept = 0;
    for pair in 0..pairs {
        let file = dir.path().join(format!("pair-{pair}.toml"));
        let children: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|id| {
                Command::new(std::env::current_exe().unwrap())
                    .args(["--exact", "notes::store::fault_tests::writer_child"])
                    .args(["--ignored", "--test-threads=1"])
                    .env(WRITER_FILE, &file)
                    .env(WRITER_ID, id)
                    .env(WRITER_NOTES, count.to_string())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success(), "a writer failed");
        }
        let on_file = open_file(&file);
        assert!(on_file.problem.is_none(), "{:?}", on_file.problem);
        kept += on_file.notes.len();
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }
    kept
}

#[test]
fn processes_saving_at_once_keep_every_note() {
    assert_eq!(concurrent_writers(2, 15), 2 * 2 * 15);
}

/// The figure of `docs/reliability.md`: 50 pairs of processes saving 50 notes each.
#[test]
#[ignore = "a minute or two: run for the figures of docs/reliability.md"]
fn fifty_pairs_of_concurrent_writers() {
    let kept = concurrent_writers(50, 50);
    println!("figures: 50 pairs of writers, 50 notes each: {kept} of 5000 notes on file");
    assert_eq!(kept, 5000);
}

/// Six ways a hand edit breaks a notes file; each is found on open, refused on save and
/// left byte for byte as it was, with no backup or temporary written beside it, while the
/// note made meanwhile stays in memory.
#[test]
fn a_notes_file_broken_by_hand_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    let mut saved = open_file(&good);
    saved.notes.add(note("a note saved by gloss"));
    saved.store.save(&mut saved.notes).unwrap();
    let whole = fs::read(&good).unwrap();
    let kinds: [(&str, Vec<u8>); 6] = [
        (
            "a TOML syntax error",
            b"version = 1\ntext_hash = \"x\"\n[[note]\n".to_vec(),
        ),
        (
            "a value of the wrong type",
            b"version = \"one\"\ntext_hash = \"x\"\n".to_vec(),
        ),
        (
            "a note without its passage",
            b"version = 1\ntext_hash = \"x\"\n\n[[note]]\nid = \"a\"\n".to_vec(),
        ),
        (
            "a newer format",
            b"version = 99\ntext_hash = \"x\"\n".to_vec(),
        ),
        (
            "bytes that are not UTF-8",
            b"version = 1\ntext_hash = \"\xff\xfe\"\n".to_vec(),
        ),
        (
            "a file cut off mid-note",
            whole[..whole.len() * 2 / 3].to_vec(),
        ),
    ];
    for (kind, bytes) in kinds {
        let sub = dir.path().join(kind.replace(' ', "-"));
        fs::create_dir(&sub).unwrap();
        let file = sub.join("n.toml");
        fs::write(&file, &bytes).unwrap();
        let mut opened = open_file(&file);
        let problem = opened
            .problem
            .take()
            .unwrap_or_else(|| panic!("{kind}: opened"));
        assert!(problem.to_string().contains("n.toml"), "{kind}: {problem}");
        let id = opened.notes.add(note("made meanwhile"));
        let err = opened.store.save(&mut opened.notes).unwrap_err();
        assert!(err.to_string().contains("n.toml"), "{kind}: {err}");
        assert_eq!(fs::read(&file).unwrap(), bytes, "{kind}: written over");
        assert_eq!(leftovers(&sub), Vec::<String>::new(), "{kind}");
        assert!(!opened.store.backup_file().exists(), "{kind}: a backup");
        assert!(
            opened.notes.is_dirty() && opened.notes.get(&id).is_some(),
            "{kind}"
        );
    }
}

const DISK_DIR: &str = "GLOSS_NOTES_DISK_CHILD";

/// A full disk and a read-only file system, on a 256 KiB tmpfs mounted in a mount
/// namespace of the child's own (`unshare`, as an unprivileged user where user namespaces
/// are allowed): nothing to clean up, the mount goes with the child. Skipped, saying so,
/// where the namespace or the mount is refused.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_and_a_read_only_file_system_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let script = "mount -t tmpfs -o size=256k gloss-test \"$1\" || exit 77; shift; exec \"$@\"";
    let run = Command::new("unshare")
        .args(["--map-root-user", "--mount", "sh", "-c", script, "sh"])
        .arg(dir.path())
        .arg(&exe)
        .args([
            "--exact",
            "notes::store::fault_tests::disk_child",
            "--ignored",
        ])
        .args(["--nocapture", "--test-threads=1"])
        .env(DISK_DIR, dir.path())
        .output();
    let output = match run {
        Ok(output) => output,
        Err(e) => return eprintln!("skipped: cannot run unshare: {e}"),
    };
    let said = String::from_utf8_lossy(&output.stdout);
    if output.status.code() == Some(77) || !said.contains("running 1 test") {
        return eprintln!("skipped: no tmpfs in a namespace here: {output:?}");
    }
    let complained = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}\n{complained}");
    assert!(
        said.contains("disk full: ok") && said.contains("read-only: ok"),
        "{said}"
    );
    // The tmpfs was the child's: the directory on the real disk is untouched.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// The child of the disk test, inside its 256 KiB tmpfs.
#[test]
#[ignore = "child process of a_full_disk_and_a_read_only_file_system_lose_nothing"]
fn disk_child() {
    let Some(dir) = std::env::var_os(DISK_DIR) else {
        return;
    };
    let dir = Path::new(&dir);
    let file = dir.join("n.toml");
    let mut opened = open_file(&file);
    opened.notes.add(note("saved before the disk filled"));
    opened.store.save(&mut opened.notes).unwrap();
    disk_full(dir, &file, &mut opened);
    println!("disk full: ok");
    read_only(dir, &file, &mut opened);
    println!("read-only: ok");
}

/// Fills the disk, saves a note too big for what is left, then frees the space.
fn disk_full(dir: &Path, file: &Path, opened: &mut Opened) {
    let before = fs::read(file).unwrap();
    let filler = dir.join("filler");
    let mut f = fs::File::create(&filler).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut f, &block).is_ok() {}
    drop(f);
    let id = opened.notes.add(note(&"a long note. ".repeat(2000)));
    let err = opened.store.save(&mut opened.notes).unwrap_err();
    let said = err.to_string().to_lowercase();
    assert!(
        said.contains("n.toml") && said.contains("no space"),
        "{said}"
    );
    assert_eq!(fs::read(file).unwrap(), before, "the file changed");
    assert!(opened.notes.is_dirty() && opened.notes.get(&id).is_some());
    assert_eq!(leftovers(dir), ["filler"]);
    fs::remove_file(&filler).unwrap();
    opened.store.save(&mut opened.notes).unwrap();
    assert!(
        open_file(file).notes.get(&id).is_some(),
        "saved once there is room"
    );
}

/// Remounts the tmpfs read-only, saves a note, then makes it writable again.
fn read_only(dir: &Path, file: &Path, opened: &mut Opened) {
    let remount = |how: &str| {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(dir)
            .status()
            .unwrap();
        assert!(status.success(), "remount {how}");
    };
    let before = fs::read(file).unwrap();
    remount("ro");
    let id = opened.notes.add(note("made on a read-only file system"));
    let err = opened.store.save(&mut opened.notes).unwrap_err();
    let said = err.to_string().to_lowercase();
    assert!(
        said.contains("n.toml") && said.contains("read-only"),
        "{said}"
    );
    assert_eq!(fs::read(file).unwrap(), before);
    assert!(opened.notes.is_dirty() && opened.notes.get(&id).is_some());
    remount("rw");
    opened.store.save(&mut opened.notes).unwrap();
    assert!(open_file(file).notes.get(&id).is_some());
}
