//! End-to-end tests of quote detection on short invented passages.

use super::*;

fn show(text: &str) -> String {
    detect(text, &[], &[])
        .iter()
        .map(|a| {
            let AnnotationKind::Quote(q) = &a.kind else {
                return String::new();
            };
            format!(
                "{} <- {}",
                &text[a.span.clone()],
                q.speaker.as_deref().unwrap_or("unknown")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn smoke() {
    let t = "“It will be tame,” Trump said. “We won’t leave.”";
    assert_eq!(
        show(t),
        "“It will be tame,” <- Trump\n“We won’t leave.” <- Trump"
    );
}
