//! Adding many articles at once (`gloss library add`, the scale bench): articles are
//! loaded, checked against the library and annotated on every core (rayon), while the
//! calling thread writes them one transaction each, in the order they finish. A text
//! already in the library is not annotated again. Memory stays flat: a bounded channel
//! holds at most a few articles between the workers and the writer.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::prelude::*;

use super::model::{RecordStatus, SourceRef};
use super::{Library, LibraryError};
use crate::annotation::AnnotationSet;
use crate::article::Article;
use crate::corrections::Corrector;
use crate::notes::identity::text_hash;

/// What became of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Recorded: added, updated (an edited file) or already there.
    Recorded(super::ArticleId, RecordStatus),
    /// It could not be read: the reason, in one line.
    Unreadable(String),
}

/// A loaded article waiting for the writer.
enum Loaded {
    /// New text: recorded with its annotations.
    New(SourceRef, Box<Article>, Box<AnnotationSet>),
    /// Its text is in the library already.
    Known(SourceRef, Box<Article>),
    Unreadable(String),
}

/// Imports every item: `load` turns one into an article (or says why it cannot) on a
/// worker thread; `report` hears each item's outcome, in the order they are written,
/// with the item's index; `corrector` corrects what is detected. Stops at the first
/// library error (a write that fails).
pub fn import<T, L, R>(
    library: &mut Library,
    items: &[T],
    corrector: &Corrector,
    load: L,
    mut report: R,
) -> Result<(), LibraryError>
where
    T: Sync,
    L: Fn(&T) -> Result<(SourceRef, Article), String> + Sync,
    R: FnMut(usize, &Outcome),
{
    let path = library.path().to_path_buf();
    let stopped = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, Loaded)>(2 * rayon::current_num_threads());
    std::thread::scope(|scope| {
        scope.spawn(|| {
            items.par_iter().enumerate().for_each_init(
                || Library::open(&path).ok(),
                |reader, (i, item)| {
                    // The writer stopped (a library error): nothing more is wanted.
                    if stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    let loaded = prepare(reader.as_ref(), corrector, load(item));
                    if tx.send((i, loaded)).is_err() {
                        stopped.store(true, Ordering::Relaxed);
                    }
                },
            );
            drop(tx);
        });
        for (i, loaded) in rx {
            match write(library, corrector, loaded) {
                Ok(outcome) => report(i, &outcome),
                Err(e) => {
                    stopped.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

/// Annotates an article unless its text is known already.
fn prepare(
    reader: Option<&Library>,
    corrector: &Corrector,
    loaded: Result<(SourceRef, Article), String>,
) -> Loaded {
    let (source, article) = match loaded {
        Ok(found) => found,
        Err(why) => return Loaded::Unreadable(why),
    };
    let known = reader
        .and_then(|lib| lib.find_by_hash(&text_hash(&article.text)).ok())
        .flatten()
        .is_some();
    match known {
        true => Loaded::Known(source, Box::new(article)),
        false => {
            let set = corrector.annotate(&article, source.file());
            Loaded::New(source, Box::new(article), Box::new(set))
        }
    }
}

fn write(
    library: &mut Library,
    corrector: &Corrector,
    loaded: Loaded,
) -> Result<Outcome, LibraryError> {
    let recorded = match loaded {
        Loaded::Unreadable(why) => return Ok(Outcome::Unreadable(why)),
        Loaded::New(source, article, set) => library.record(&source, &article, Some(&set), None)?,
        Loaded::Known(source, article) => {
            let recorded = library.record(&source, &article, None, None)?;
            if !recorded.annotated {
                // Known when checked, edited or removed since: annotate it after all.
                let set = corrector.annotate(&article, source.file());
                library.store_annotations(recorded.id, &article, &set)?;
            }
            recorded
        }
    };
    Ok(Outcome::Recorded(recorded.id, recorded.status))
}
