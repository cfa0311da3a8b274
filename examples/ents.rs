//! Prints the entity mentions and groups of a text given on standard input (a debugging aid):
//! `echo "US President Donald Trump spoke." | cargo run --example ents`.

use std::io::Read;

use gloss::annotation::AnnotationKind;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let (anns, groups) = gloss::detect::entities::detect(&text);
    for a in &anns {
        if let AnnotationKind::Entity { label, group } = a.kind {
            println!(
                "{:>6}..{:<6} {:<6} {:?} (group {group})",
                a.span.start,
                a.span.end,
                label.as_str(),
                &text[a.span.clone()]
            );
        }
    }
    for g in &groups {
        println!(
            "group {} {} {:?} aliases {:?}",
            g.id,
            g.label.as_str(),
            g.name,
            g.aliases
        );
    }
    Ok(())
}
