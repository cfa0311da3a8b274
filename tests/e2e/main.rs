//! End-to-end tours of the real `gloss` binary in a real pseudo-terminal: start-up on the
//! sample, keyboard navigation, resize, quitting, errors and panics. Each test leaves the
//! terminal as it found it or fails.

mod annotate;
mod big;
mod corrections;
mod detection;
mod fetch;
mod harness;
mod injection;
mod inputs;
mod library;
mod library_tour;
mod links;
mod notes;
mod resizes;
mod scroll;
#[cfg(target_os = "linux")]
mod signals;

use harness::{Session, assert_terminal_cooked, sample_path};

const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";

#[test]
fn opens_the_sample_and_quits_with_q_restoring_the_terminal() {
    let sample = sample_path();
    let mut s = Session::gloss_then_stty(&[&sample], &[], 120, 35);
    s.wait_for_annotations();
    s.wait_for_text("Donald Trump");
    s.with_screen(|screen| {
        assert!(
            screen.alternate_screen(),
            "the reader draws on the alternate screen"
        )
    });
    s.send("q");
    s.wait_for_output("exit=0");
    s.wait_for_output("end-of-stty");
    let out = String::from_utf8_lossy(&s.raw_output()).into_owned();
    assert!(
        out.contains(LEAVE_ALTERNATE_SCREEN),
        "the alternate screen was not left"
    );
    s.with_screen(|screen| {
        assert!(!screen.alternate_screen());
        assert!(!screen.hide_cursor(), "the cursor was left hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture left on"
        );
    });
    assert_terminal_cooked(&out);
}

#[test]
fn without_a_file_the_bundled_sample_opens() {
    let mut s = Session::gloss(&[], 120, 35);
    s.wait_for_text("Donald Trump");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn tab_reaches_a_quote_and_its_row_is_selected_in_the_quotes_tab() {
    let mut s = Session::gloss(&[&sample_path()], 140, 40);
    s.wait_for_annotations();
    // Tab walks every annotation in text order; the first quote comes after a few dozen.
    let mut found = false;
    for _ in 0..200 {
        let before = status_line(&s);
        s.send("\t");
        // Wait for the frame that answers this key before sending the next one.
        let start = std::time::Instant::now();
        while status_line(&s) == before && start.elapsed() < std::time::Duration::from_secs(5) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        if status_line(&s).to_lowercase().contains("quote") {
            found = true;
            break;
        }
    }
    assert!(found, "no quote reached with Tab; screen:\n{}", s.text());
    // The side pane switched to the Quotes tab and the selected row is the quote's.
    s.wait_for("the quote's row selected", |screen| {
        selected_side_row(screen).is_some_and(|row| row.contains("when the situation"))
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn resizing_down_to_a_tiny_terminal_and_back_keeps_drawing() {
    let mut s = Session::gloss(&[&sample_path()], 120, 35);
    s.wait_for_annotations();
    for (cols, rows) in [(60, 20), (20, 5), (5, 2), (100, 30)] {
        s.resize(cols, rows);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    s.wait_for_annotations();
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_panic_restores_the_terminal_and_reports_it() {
    let sample = sample_path();
    let s = Session::gloss_then_stty(&[&sample], &[("GLOSS_TEST_PANIC", "1")], 100, 30);
    s.wait_for_output("end-of-stty");
    let out = String::from_utf8_lossy(&s.raw_output()).into_owned();
    assert!(
        out.contains("panicked"),
        "the panic message was not printed:\n{out}"
    );
    assert!(
        !out.contains("exit=0"),
        "a panic must not exit with status 0"
    );
    assert!(out.contains(LEAVE_ALTERNATE_SCREEN));
    s.with_screen(|screen| {
        assert!(!screen.alternate_screen());
        assert!(!screen.hide_cursor());
    });
    assert_terminal_cooked(&out);
}

#[test]
fn a_missing_file_is_one_line_exit_2_and_leaves_the_terminal_untouched() {
    let s = Session::gloss_then_stty(&["no/such/article.txt"], &[], 100, 30);
    s.wait_for_output("end-of-stty");
    let out = String::from_utf8_lossy(&s.raw_output()).into_owned();
    assert!(
        !out.contains(ENTER_ALTERNATE_SCREEN),
        "the TUI started for a missing file"
    );
    assert!(out.contains("exit=2"), "wrong exit status:\n{out}");
    let message: Vec<&str> = out
        .split("exit=")
        .next()
        .unwrap_or("")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(message.len(), 1, "the error is not one line: {message:?}");
    assert!(
        message[0].contains("no/such/article.txt"),
        "the error does not name the file: {}",
        message[0]
    );
    assert_terminal_cooked(&out);
}

/// The last row of the screen: the status bar.
fn status_line(s: &Session) -> String {
    s.with_screen(|screen| {
        let (rows, cols) = size(screen);
        screen.contents_between(rows - 1, 0, rows - 1, cols)
    })
}

/// The text of the side pane row drawn as selected, with the line after it (reversed, with a background or marked
/// with the selection arrow), if any. The side pane is found by its tab bar ("Ent 36", its
/// first tab, on the first row).
fn selected_side_row(screen: &vt100::Screen) -> Option<String> {
    let (rows, cols) = size(screen);
    let side_start = {
        let line = screen.contents_between(0, 0, 0, cols);
        line.rfind(" Ent")
            .map(|byte| line[..byte].chars().count() as u16)?
    };
    (1..rows.saturating_sub(1)).find_map(|row| {
        let text = screen.contents_between(row, side_start, row, cols);
        let cell = screen.cell(row, side_start + 1)?;
        let selected =
            text.contains('▸') || cell.inverse() || cell.bgcolor() != vt100::Color::Default;
        // A quote's row is two lines: the speaker (marked), then the opening words.
        let next = screen.contents_between(row + 1, side_start, row + 1, cols);
        selected.then(|| format!("{text}\n{next}"))
    })
}

/// The screen's (rows, columns).
fn size(screen: &vt100::Screen) -> (u16, u16) {
    let (rows, cols) = screen.size();
    (rows.get(), cols.get())
}

/// The kinds of colour the screen's cells use: (RGB, palette index past the sixteen).
fn colour_kinds(screen: &vt100::Screen) -> (bool, bool) {
    let (rows, cols) = size(screen);
    let (mut rgb, mut wide_palette) = (false, false);
    for cell in (0..rows).flat_map(|r| (0..cols).filter_map(move |c| screen.cell(r, c))) {
        for colour in [cell.fgcolor(), cell.bgcolor()] {
            rgb |= matches!(colour, vt100::Color::Rgb(..));
            wide_palette |= matches!(colour, vt100::Color::Idx(16..));
        }
    }
    (rgb, wide_palette)
}

#[test]
fn the_theme_is_drawn_in_the_colours_the_terminal_has() {
    // (TERM, COLORTERM) -> RGB colours sent, palette colours past the sixteen sent.
    let cases = [
        ("xterm-256color", "truecolor", (true, false)),
        ("xterm-256color", "", (false, true)),
        ("xterm", "", (false, false)),
    ];
    for (term, colorterm, expected) in cases {
        let env = [("TERM", term), ("COLORTERM", colorterm)];
        let mut s = Session::spawn(harness::gloss_bin(), &[&sample_path()], &env, 120, 35);
        s.wait_for_text("Donald Trump");
        assert_eq!(
            s.with_screen(colour_kinds),
            expected,
            "TERM={term} COLORTERM={colorterm:?}"
        );
        s.send("q");
        assert!(s.wait_exit().success());
    }
}
