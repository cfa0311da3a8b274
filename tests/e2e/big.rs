//! A book-sized file (over `ingest::HEAD_FROM`) opens head first: its first screen shows
//! at once, and the first key acts on the whole text, loaded meanwhile on a thread.

use super::harness::Session;

#[test]
fn a_big_file_shows_its_head_and_the_first_key_reaches_its_end() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = dir.path().join("long-book.txt");
    let mut text = String::from("Chapter One begins the long book.\n\n");
    let paragraph = "The river ran past the mill and the miller counted sacks of grain \
                     while the rain fell on the roofs of the quiet town.\n\n";
    while text.len() < 1_300_000 {
        text.push_str(paragraph);
    }
    text.push_str("Here the long book ends at last.\n");
    std::fs::write(&book, &text).expect("write the book");
    let mut s = Session::gloss(&[book.to_str().expect("utf-8 temp path")], 100, 30);
    s.wait_for_text("Chapter One begins the long book.");
    // `G` goes to the end of the whole text, which the head alone does not have.
    s.send("G");
    s.wait_for_text("Here the long book ends at last.");
    s.send("q");
    assert!(s.wait_exit().success());
}
