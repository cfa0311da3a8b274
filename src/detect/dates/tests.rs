//! Tests of the whole date detector.
use super::*;
