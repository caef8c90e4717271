//! The risk register: one `risks/<id>.yaml` per risk.

use super::names::named_enum;
use super::At;
use crate::diag::SourceFile;

named_enum! {
    pub enum RiskStatus ("risk status") {
        Open = "open",
        Closed = "closed",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub text: String,
    /// ✓ when done, ❑ when not.
    pub done: bool,
}

#[derive(Debug, Clone)]
pub struct Risk {
    pub id: At<u32>,
    pub title: String,
    /// 1–5.
    pub probability: Option<u8>,
    /// 1–5.
    pub consequence: Option<u8>,
    pub status: RiskStatus,
    /// Shown as "(ny)".
    pub new: bool,
    /// Shown in the register table; otherwise named in the text below it.
    pub listed: At<bool>,
    pub measures: Vec<Measure>,
    /// Endring/kommentar.
    pub comment: Option<String>,
    pub file: SourceFile,
}
