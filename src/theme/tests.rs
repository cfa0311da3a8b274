//! Tests of theme loading, the shipped themes and error messages.

use super::*;

#[test]
fn default_is_dark() {
    assert_eq!(Theme::default().name(), "dark");
    assert_eq!(Theme::default(), Theme::load("dark").expect("built in"));
}
