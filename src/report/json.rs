//! `--format json`: exactly the object of SPEC §4.2.

use super::Summary;
use crate::diag::Finding;
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    related: Vec<JsonRelated<'a>>,
    acknowledged: bool,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    acknowledged: usize,
}

pub fn render(findings: &[Finding], summary: &Summary) -> String {
    let mut text = Vec::new();
    if let Err(e) = write(findings, summary, &mut text) {
        return format!("{{\"error\": \"{e}\"}}\n");
    }
    String::from_utf8(text).unwrap_or_default()
}

/// `render` into `out`, as it is made.
pub fn write(
    findings: &[Finding],
    summary: &Summary,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let output = Output {
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                code: f.code.as_str(),
                severity: f.severity.as_str(),
                message: &f.message,
                file: f.at.file.name(),
                line: f.at.line(),
                column: f.at.column(),
                related: f
                    .related
                    .iter()
                    .map(|r| JsonRelated {
                        file: r.at.file.name(),
                        line: r.at.line(),
                        column: r.at.column(),
                        message: &r.message,
                    })
                    .collect(),
                acknowledged: f.is_acknowledged(),
            })
            .collect(),
        summary: JsonSummary {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            acknowledged: summary.acknowledged,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    out.write_all(b"\n")
}
