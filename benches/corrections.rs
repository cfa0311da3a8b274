//! Applying corrections and a 1,000-entry lexicon on a whole book (War and Peace) against
//! detecting it: the budget is under 5% of detection time. The lexicon and the
//! corrections are made from the book's own detected names (a third of them always of
//! another kind, a third never an entity, a third one group), so they hit as a reader's
//! would; nothing names a particular text. Skipped with a message when the book is not on
//! disk (set `GLOSS_BOOK`).

#[path = "common/book.rs"]
mod book;
use book::{BOOK, find_book};

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::annotation::{AnnotationSet, EntityLabel};
use gloss::article::Article;
use gloss::corrections::{Change, Correction, Lexicon, apply};
use gloss::ingest::{self, LoadOptions, Source};
use gloss::notes::{CodePoints, Target};

/// A lexicon file of `n` entries made from the set's group names.
fn lexicon_of(set: &AnnotationSet, n: usize) -> Lexicon {
    let mut seen = std::collections::HashSet::new();
    let names: Vec<&str> = set
        .groups()
        .iter()
        .map(|g| g.name.as_str())
        .filter(|name| seen.insert(*name))
        .take(n)
        .collect();
    let quoted = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut never = Vec::new();
    let (mut kind, mut group) = (String::from("[kind]\n"), String::from("[group]\n"));
    for (i, name) in names.iter().enumerate() {
        match i % 3 {
            0 => kind.push_str(&format!("{} = \"misc\"\n", quoted(name))),
            1 => never.push(quoted(name)),
            _ => group.push_str(&format!("{} = {}\n", quoted(name), quoted(names[0]))),
        }
    }
    let file = format!("never = [{}]\n{kind}{group}", never.join(", "));
    let lexicon = Lexicon::parse(&file, Path::new("bench-lexicon.toml"));
    lexicon.unwrap_or_else(|e| panic!("the bench's lexicon: {e}"))
}

/// `n` corrections spread over the book's entity mentions (kinds, splits, removals).
fn corrections_of(text: &str, set: &AnnotationSet, n: usize) -> Vec<Correction> {
    let cps = CodePoints::new(text);
    let entities: Vec<_> = set.items().iter().filter(|a| a.group().is_some()).collect();
    let step = (entities.len() / n.max(1)).max(1);
    let now = jiff::Timestamp::UNIX_EPOCH;
    entities
        .iter()
        .step_by(step)
        .take(n)
        .enumerate()
        .map(|(i, a)| {
            let change = match i % 3 {
                0 => Change::EntityKind {
                    label: EntityLabel::Org,
                },
                1 => Change::SplitOff,
                _ => Change::NotEntity,
            };
            Correction::new(
                Target::from_range(text, a.span.clone(), &cps),
                "",
                change,
                now,
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let book: Option<Article> =
        find_book().and_then(|p| ingest::load(&Source::Path(p), &LoadOptions::default()).ok());
    let Some(book) = book else {
        eprintln!("corrections bench skipped: ../{BOOK} not found (set GLOSS_BOOK)");
        return;
    };
    let text = book.text.as_str();
    let detected = gloss::detect::detect_article(&book);
    let lexicon = lexicon_of(&detected, 1000);
    let corrections = corrections_of(text, &detected, 100);
    eprintln!(
        "corrections bench: {} annotations, {} groups, {} lexicon entries, {} corrections",
        detected.len(),
        detected.groups().len(),
        lexicon.len(),
        corrections.len()
    );
    let mut group = c.benchmark_group("corrections_war_and_peace");
    group.sample_size(10);
    group.bench_function("detect", |b| {
        b.iter(|| gloss::detect::detect_article(black_box(&book)))
    });
    group.bench_function("apply_lexicon_1000", |b| {
        b.iter_batched(
            || detected.clone(),
            |mut set| apply(&mut set, text, &[], &lexicon),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("apply_lexicon_1000_and_100_corrections", |b| {
        b.iter_batched(
            || detected.clone(),
            |mut set| apply(&mut set, text, &corrections, &lexicon),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
