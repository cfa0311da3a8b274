//! Corrections of detections (issue 15): what the reader says the detectors got wrong
//! ("Operation Impact" is not a place, this quote is the general's, "Iraqi" and "Iraqis"
//! are one group) and the personal [`Lexicon`] of names corrected everywhere.
//!
//! Data flow: detection -> [`apply`] (the lexicon, then the article's corrections, each
//! placed on the current text by the notes' W3C selectors and re-anchoring) -> the
//! corrected [`crate::annotation::AnnotationSet`], whose changed items are marked
//! ([`crate::annotation::AnnotationSet::is_corrected`]). Corrections are kept per article by
//! the notes' store machinery in files of their own ([`file`]), never among the notes.
//!
//! ```
//! use gloss::annotation::{AnnotationKind, EntityLabel};
//! use gloss::corrections::{Change, Correction, Lexicon, apply};
//! use gloss::notes::{CodePoints, Target};
//!
//! let text = "Troops of Operation Impact left Baghdad.";
//! let mut set = gloss::detect::detect(text, None);
//! let start = text.find("Baghdad").ok_or("no Baghdad")?;
//! let target = Target::from_range(text, start..start + 7, &CodePoints::new(text));
//! let fix = Correction::new(target, "PLACE", Change::EntityKind { label: EntityLabel::Org },
//!     jiff::Timestamp::now());
//! apply(&mut set, text, &[fix], &Lexicon::default());
//! let i = set.items().iter().position(|a| &text[a.span.clone()] == "Baghdad").ok_or("gone")?;
//! assert!(set.is_corrected(i));
//! assert!(matches!(set.items()[i].kind, AnnotationKind::Entity { label: EntityLabel::Org, .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod apply;
pub mod book;
pub mod corrector;
pub mod file;
pub mod index;
pub mod lexicon;
pub mod model;
mod work;

pub use apply::{Placement, apply};
pub use book::CorrectionBook;
pub use corrector::{Corrected, Corrector};
pub use file::{CorrectionStore, CorrectionsFile, OpenedCorrections};
pub use lexicon::{Entry, Lexicon};
pub use model::{Change, Correction, CorrectionSet};

use crate::detect::dates::{TimelineKey, timeline_key};

/// Checks a TIMEX3 value typed by the reader with the date code's own parser, and gives
/// the first day it denotes (`None` for `PAST_REF` and the other references).
pub fn check_timex(value: &str) -> Result<Option<jiff::civil::Date>, String> {
    match timeline_key(value.trim()) {
        Some(TimelineKey::Dated { start, .. }) => Ok(Some(start)),
        Some(TimelineKey::Reference(_)) => Ok(None),
        None => Err(format!(
            "'{}' is not a TIMEX3 value gloss can place (2020-01-06, 2020-01, 2020-W02, 2014-SU, 199X, PAST_REF)",
            value.escape_debug()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_values_are_checked_and_resolved() {
        let day = |y, m, d| jiff::civil::Date::new(y, m, d).ok();
        assert_eq!(check_timex("2020-01-05"), Ok(day(2020, 1, 5)));
        assert_eq!(check_timex(" 2014-SU"), Ok(day(2014, 6, 1)));
        assert_eq!(check_timex("PRESENT_REF"), Ok(None));
        assert!(check_timex("next Tuesday").is_err());
        assert!(check_timex("2020-13-01").is_err());
    }
}
