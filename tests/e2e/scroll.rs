//! Scrolling in the real binary: a line is written as a terminal scroll (a scroll region
//! over the article's rows) and the side pane it drags along is put back, so scrolling
//! down and up again leaves exactly the screen it started from, colours included.

use super::harness::{Session, sample_path};

/// The screen with its colours and attributes, for comparing whole frames. Not where the
/// (hidden) cursor was left: that depends on which cells the last write happened to touch.
fn formatted(s: &Session) -> String {
    s.with_screen(rows)
}

fn rows(screen: &vt100::Screen) -> String {
    let cols = screen.size().1.get();
    screen
        .rows_formatted(0, cols)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sends `key` and waits until the screen differs from `before`.
fn press(s: &mut Session, key: &str, before: &str) {
    s.send(key);
    s.wait_for(&format!("the frame after {key:?}"), |screen| {
        rows(screen) != before
    });
}

/// Waits until the screen has not changed for a while.
fn settle(s: &Session) -> String {
    let mut last = formatted(s);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(150));
        let now = formatted(s);
        if now == last {
            return now;
        }
        last = now;
    }
}

#[test]
fn a_line_down_is_a_terminal_scroll_and_back_up_restores_the_screen() {
    let sample = sample_path();
    let mut s = Session::gloss(&[&sample], 100, 20);
    s.wait_for_annotations();
    let start = settle(&s);
    let written = s.raw_output().len();
    press(&mut s, "j", &start);
    let down = settle(&s);
    let out = String::from_utf8_lossy(&s.raw_output()[written..]).into_owned();
    // The article pane is rows 1-19; the status bar below it is not scrolled.
    assert!(out.contains("\x1b[1;19r\x1b[1S\x1b[r"), "{out:?}");
    press(&mut s, "k", &down);
    assert_eq!(settle(&s), start, "down and up again: the same screen");
    // A page down and back up paints the article's rows in place.
    press(&mut s, " ", &start);
    let page = settle(&s);
    press(&mut s, "b", &page);
    assert_eq!(
        settle(&s),
        start,
        "a page down and up again: the same screen"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}
