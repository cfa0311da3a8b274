use std::path::PathBuf;

use super::*;

/// A named pipe in a fresh directory (kept alive by the returned guard).
fn fifo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    (dir, path)
}

fn shown(e: ReadError, dir: &Path) -> String {
    e.to_string().replace(&dir.display().to_string(), "DIR")
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let (dir, path) = fifo();
    let e = read_file(&path, CONFIG_LIMIT).expect_err("a fifo");
    insta::assert_snapshot!(shown(e, dir.path()), @"cannot read 'DIR/pipe': it is a named pipe (FIFO), not a regular file");
}

#[test]
fn devices_and_directories_are_refused() {
    let e = read_file(Path::new("/dev/zero"), CONFIG_LIMIT).expect_err("a device");
    insta::assert_snapshot!(e.to_string(), @"cannot read '/dev/zero': it is a character device, not a regular file");
    let dir = tempfile::tempdir().expect("tempdir");
    let e = read_file(dir.path(), CONFIG_LIMIT).expect_err("a directory");
    insta::assert_snapshot!(shown(e, dir.path()), @"cannot read 'DIR': it is a directory, not a file");
    let e = read_file(&dir.path().join("none"), CONFIG_LIMIT).expect_err("missing");
    assert_eq!(e.problem, Problem::NotFound);
}

#[test]
fn a_file_past_the_limit_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.toml");
    std::fs::write(&path, vec![b'#'; 2048]).expect("write");
    let e = read_file(&path, 1024).expect_err("too large");
    insta::assert_snapshot!(shown(e, dir.path()), @"cannot read 'DIR/big.toml': it is larger than 1 KiB, the most gloss reads");
    assert_eq!(read_file(&path, 2048).expect("at the limit").len(), 2048);
}

#[test]
fn a_stream_is_capped() {
    let endless = std::io::repeat(b'a');
    let e = read_stream(endless, "<stdin>", 100_000).expect_err("capped");
    insta::assert_snapshot!(e.to_string(), @"cannot read '<stdin>': it is larger than 100000 bytes, the most gloss reads");
    let text = read_stream(&b"short text"[..], "<stdin>", 100).expect("reads");
    assert_eq!(text, b"short text");
}

#[test]
fn a_binary_stream_is_refused_after_its_head() {
    // An endless stream of NUL bytes: refused after the sniffed head, not read to the cap.
    let e = read_stream(std::io::repeat(0), "<stdin>", u64::MAX).expect_err("binary");
    insta::assert_snapshot!(e.to_string(), @"cannot read '<stdin>': it looks like a binary file, not text");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("text".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(
        read_stream(&utf16[..], "<stdin>", 100).expect("utf-16"),
        utf16
    );
}

#[test]
fn sizes_are_in_whole_units() {
    assert_eq!(human_size(CONFIG_LIMIT), "1 MiB");
    assert_eq!(human_size(ARTICLE_LIMIT), "256 MiB");
    assert_eq!(human_size(1500), "1500 bytes");
}

#[test]
fn io_reasons_are_lowercase_without_os_codes() {
    use std::io::{Error, ErrorKind};
    assert_eq!(
        io_reason(&Error::from(ErrorKind::PermissionDenied)),
        "permission denied"
    );
    assert_eq!(io_reason(&Error::other("Disk on fire")), "disk on fire");
    assert_eq!(
        io_reason(&Error::from_raw_os_error(28)),
        "no space left on device"
    );
}
