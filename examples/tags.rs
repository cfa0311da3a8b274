//! Prints each capitalised token of standard input with its first- and second-pass tags
//! (a debugging aid for the tagger): `cargo run --example tags < text.txt`.

use std::io::Read;

use gloss::detect::entities::{features::DocFeatures, model, tokens};

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let toks = tokens::tokenize(&text);
    let mut doc = DocFeatures::new(&text, &toks);
    let (Some(m1), Some(m2)) = (model::shipped(), model::shipped_second()) else {
        return Ok(());
    };
    let first = m1.tag(&text, &toks, &doc);
    doc.set_hints(&toks, &first);
    let second = m2.tag(&text, &toks, &doc);
    for (i, t) in toks.iter().enumerate() {
        if first[i] != 0 || second[i] != 0 {
            println!(
                "{:>6} {:<20} {} {}",
                t.start(),
                t.text(&text),
                first[i],
                second[i]
            );
        }
    }
    Ok(())
}
