//! Quote detection and speaker attribution.

use crate::annotation::{Annotation, EntityGroup};

/// Finds the direct quotations of `text`; `entities` (sorted entity mentions) and `groups`
/// let speakers be linked to people.
pub fn detect(_text: &str, _entities: &[Annotation], _groups: &[EntityGroup]) -> Vec<Annotation> {
    Vec::new()
}
