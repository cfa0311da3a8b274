//! The terminal is restored however the reader was resized: rounds of random resizes,
//! down to 1x1 and up to 200x60, some while keys are typed, each round ending with `q`
//! and `stty -a`. The suite runs one short round; the figure of `docs/reliability.md`
//! comes from the long run, ignored by default:
//! `GLOSS_RESIZE_ROUNDS=25 cargo test --test e2e resizes -- --ignored --nocapture`.

use std::time::Duration;

use crate::harness::{Session, assert_terminal_cooked, sample_path};

/// One round: `resizes` random sizes (seeded), then quit; panics unless gloss exited 0
/// with the screen, cursor, mouse and terminal modes as they were.
fn round(seed: &mut u64, resizes: usize) {
    let sample = sample_path();
    let mut s = Session::gloss_then_stty(&[&sample], &[], 120, 35);
    s.wait_for_text("Iraq");
    let mut next = |below: u64| {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) % below
    };
    for i in 0..resizes {
        let (cols, rows) = match next(4) {
            0 => (1, 1),
            1 => (1 + next(6) as u16, 1 + next(4) as u16),
            _ => (1 + next(200) as u16, 1 + next(60) as u16),
        };
        s.resize(cols, rows);
        if i % 7 == 0 {
            s.send(["j", "\t", "]", "G", "s", "4", "?"][next(7) as usize]);
        }
        std::thread::sleep(Duration::from_millis(next(30)));
    }
    s.resize(100, 30);
    // q quits, or first closes the help overlay `?` may have left open (as in less).
    s.send("q");
    std::thread::sleep(Duration::from_millis(300));
    s.send("q");
    s.wait_for_output("end-of-stty");
    let out = String::from_utf8_lossy(&s.raw_output()).into_owned();
    assert!(out.contains("exit=0"), "{out}");
    s.with_screen(|screen| {
        assert!(!screen.alternate_screen() && !screen.hide_cursor());
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    assert_terminal_cooked(&out);
}

fn seed() -> u64 {
    u64::from(std::process::id()) ^ 0x9e37_79b9_7f4a_7c15
}

#[test]
fn random_resizes_down_to_one_by_one_restore_the_terminal() {
    round(&mut seed(), 20);
}

/// The figure: rounds of 70 resizes each (`GLOSS_RESIZE_ROUNDS`, default 25).
#[test]
#[ignore = "minutes: run for the figures of docs/reliability.md"]
fn many_rounds_of_random_resizes() {
    let rounds: usize = std::env::var("GLOSS_RESIZE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(25);
    let mut seed = seed();
    for _ in 0..rounds {
        round(&mut seed, 70);
    }
    println!(
        "figures: {rounds} rounds, {} resizes, terminal restored after every round",
        rounds * 70
    );
}
