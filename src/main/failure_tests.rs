use anyhow::Context;

use super::*;

/// The shape that printed its cause twice: the source in the message and as `source()`.
#[derive(Debug, thiserror::Error)]
#[error("cannot write notes file {file}: {source}")]
struct SaysItsSource {
    file: &'static str,
    #[source]
    source: io::Error,
}

#[test]
fn a_cause_already_in_the_message_is_said_once() {
    let full = anyhow::Error::new(SaysItsSource {
        file: "n.toml",
        source: io::Error::from_raw_os_error(28),
    });
    let directory = anyhow::Error::new(SaysItsSource {
        file: "notes/",
        source: io::Error::from_raw_os_error(21),
    });
    let context = Err::<(), _>(io::Error::from_raw_os_error(13))
        .context("cannot open 'a.json'")
        .expect_err("fails");
    let shown = [message(&full), message(&directory), message(&context)];
    insta::assert_snapshot!(shown.join("\n"), @r"
    cannot write notes file n.toml: No space left on device (os error 28)
    cannot write notes file notes/: Is a directory (os error 21)
    cannot open 'a.json': Permission denied (os error 13)
    ");
}

#[test]
fn a_closed_pipe_is_recognised_through_context_and_serde() {
    let pipe = || io::Error::from(io::ErrorKind::BrokenPipe);
    let direct = anyhow::Error::new(pipe());
    let wrapped = Err::<(), _>(pipe()).context("writing").expect_err("fails");
    let json = anyhow::Error::new(serde_json::Error::io(pipe()));
    assert!(is_broken_pipe(&direct));
    assert!(is_broken_pipe(&wrapped));
    assert!(is_broken_pipe(&json));
    assert!(!is_broken_pipe(&anyhow::anyhow!(
        "broken pipe, in words only"
    )));
    assert!(!is_broken_pipe(&anyhow::Error::new(
        io::Error::from_raw_os_error(28)
    )));
}
