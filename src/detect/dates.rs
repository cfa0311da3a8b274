//! Date detection and normalisation to TIMEX3 values against the publication date.

use jiff::civil::Date;

use crate::annotation::Annotation;

/// Finds the date expressions of `text`, resolving relative ones against `anchor`.
pub fn detect(_text: &str, _anchor: Option<Date>) -> Vec<Annotation> {
    Vec::new()
}
