//! Entity detection: people, organisations, places (and nationalities as NORP), with
//! mentions of the same entity grouped.

use crate::annotation::{Annotation, EntityGroup};

/// Finds the entity mentions of `text` and the groups they belong to.
pub fn detect(_text: &str) -> (Vec<Annotation>, Vec<EntityGroup>) {
    (Vec::new(), Vec::new())
}
