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
    let mut text =
        serde_json::to_string_pretty(&output).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
