//! `pds check`: every rule of SPEC §4 over a loaded record, one file per rule.
//!
//! Rules push findings and carry on; nothing here stops at the first problem.

mod acknowledge;
pub mod base;
pub mod blocks;
mod case_meetings;
mod case_numbers;
mod decisions;
mod file_names;
mod meetings;
mod references;
pub mod registers;
pub mod sequence;
mod standing_items;

pub use case_numbers::next_free;

use crate::diag::{Finding, Findings};
use crate::model::Record;

/// Runs every rule over the record and applies the board's acknowledgements.
pub fn check(record: &Record, mut findings: Findings) -> Vec<Finding> {
    case_numbers::check(record, &mut findings);
    meetings::check(record, &mut findings);
    case_meetings::check(record, &mut findings);
    file_names::check(record, &mut findings);
    standing_items::check(record, &mut findings);
    references::check(record, &mut findings);
    registers::check(record, &mut findings);
    blocks::check(record, &mut findings);
    decisions::check(record, &mut findings);
    let mut all = findings.into_sorted();
    acknowledge::apply(record, &mut all);
    all
}

#[cfg(test)]
mod tests;
