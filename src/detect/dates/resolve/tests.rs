//! Tests of the resolver: one table per rule.
use super::*;
