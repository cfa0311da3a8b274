//! The notes tour of issue 4: open a copy of the sample, add a note with text, quit,
//! reopen (the note is listed and marked in the text), then insert a paragraph before the
//! passage in the article file and reopen: the note is still on the same words.

use std::path::Path;

use super::harness::{Session, gloss_bin, sample_path};

/// Opens `article` with notes under `data` (an XDG_DATA_HOME that outlives each session).
fn open(article: &Path, data: &Path) -> Session {
    let data = data.to_str().expect("utf-8 temp path");
    let article = article.to_str().expect("utf-8 temp path");
    let s = Session::spawn(gloss_bin(), &[article], &[("XDG_DATA_HOME", data)], 120, 35);
    s.wait_for_annotations();
    s
}

fn quit(mut s: Session) {
    s.send("q");
    assert!(s.wait_exit().success(), "gloss failed:\n{}", s.text());
}

/// The note is in the Notes tab on its passage, and its line in the article has the mark.
fn assert_note_shown(s: &mut Session) {
    s.send("4");
    s.wait_for_text("Remember this #e2e");
    s.wait_for_text("“The future of Canada");
    let screen = s.text();
    assert!(
        !screen.contains("detached"),
        "the note came loose:\n{screen}"
    );
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("✎The future of Canada")),
        "no margin mark on the noted line:\n{screen}"
    );
}

#[test]
fn a_note_survives_a_restart_and_an_edit_of_the_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    let data = dir.path().join("data");

    let mut s = open(&article, &data);
    s.send("a");
    s.wait_for_text("New note on");
    s.send("Remember this #e2e");
    s.wait_for_text("Remember this #e2e");
    s.send("\x13"); // Ctrl-s
    s.wait_for_text("notes saved");
    quit(s);
    let files: Vec<_> = std::fs::read_dir(data.join("gloss/notes"))
        .expect("the notes directory under XDG_DATA_HOME")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .collect();
    assert_eq!(files.len(), 1, "one notes file for the article");

    let mut s = open(&article, &data);
    assert_note_shown(&mut s);
    quit(s);

    // A paragraph inserted before the passage: the text's hash changes, the path does not.
    let text = std::fs::read_to_string(&article).expect("read the copy");
    let at = text.find("The future of Canada").expect("the passage");
    let edited = format!(
        "{}Editor's note: this story was updated overnight with new details.\n\n{}",
        &text[..at],
        &text[at..]
    );
    std::fs::write(&article, edited).expect("edit the copy");
    let mut s = open(&article, &data);
    s.wait_for_text("Editor's note");
    assert_note_shown(&mut s);
    quit(s);
}

#[test]
fn ctrl_e_hands_the_note_to_editor_and_takes_it_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    // An "editor" that appends a line to the file it is given, as a person would.
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '\\nfrom the editor #ext\\n' >> \"$1\"\n",
    )
    .expect("write the editor");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data = dir.path().join("data");
    let env = [
        ("XDG_DATA_HOME", data.to_str().expect("utf-8")),
        ("EDITOR", editor.to_str().expect("utf-8")),
        ("VISUAL", ""),
    ];
    let art = article.to_str().expect("utf-8");
    let mut s = Session::spawn(gloss_bin(), &[art], &env, 120, 35);
    s.wait_for_annotations();
    s.send("a");
    s.wait_for_text("New note on");
    s.send("typed here");
    s.wait_for_text("typed here");
    s.send("\x05"); // Ctrl-e
    s.wait_for_text("from the editor #ext");
    s.with_screen(|screen| assert!(screen.alternate_screen(), "back on the reader's screen"));
    s.send("\x13"); // Ctrl-s
    s.wait_for_text("notes saved");
    s.send("4");
    s.wait_for_text("typed here");
    quit(s);
}

/// Issue 10: when the notes cannot be saved, quitting writes them to a recovery file under
/// the data directory, readable by the user only (not in /tmp for every user to read), and
/// the status bar says where; the file imports back.
#[cfg(unix)]
#[test]
fn unsaved_notes_go_to_a_private_recovery_file_under_the_data_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    std::fs::copy(sample_path(), &article).expect("copy the sample");
    let data = dir.path().join("data");
    // A file where the notes directory would be: every save fails.
    std::fs::create_dir_all(data.join("gloss")).expect("data dir");
    std::fs::write(data.join("gloss/notes"), "not a directory").expect("blocker");
    let env = [("XDG_DATA_HOME", data.to_str().expect("utf-8 temp path"))];
    let art = article.to_str().expect("utf-8 temp path");
    let mut s = Session::spawn(gloss_bin(), &[art], &env, 220, 30);
    s.wait_for_text("Entities");
    s.send("a");
    s.wait_for_text("New note on");
    s.send("Keep me #rescue");
    s.wait_for_text("Keep me #rescue");
    s.send("\x13"); // Ctrl-s
    s.wait_for_text("notes not saved");
    s.send("q");
    s.wait_for_text("a copy is in");
    let recovery = data.join("gloss/recovery");
    let files: Vec<_> = std::fs::read_dir(&recovery)
        .expect("the recovery directory under XDG_DATA_HOME")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    let mode = std::fs::metadata(file).expect("stat").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{}", file.display());
    assert!(
        s.text().contains(&file.display().to_string()),
        "the status bar does not name {}:\n{}",
        file.display(),
        s.text()
    );
    let json = std::fs::read_to_string(file).expect("read the recovery file");
    assert!(json.contains("Keep me #rescue"), "{json}");
    s.send("q");
    assert!(s.wait_exit().success(), "gloss failed:\n{}", s.text());
}
