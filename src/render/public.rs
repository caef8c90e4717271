//! `render --public` fails closed: the record is checked first (by the
//! command), by the same rules as `pds check`, and an error that is not acknowledged refuses the
//! render. A case whose exemption is written wrongly (`exempt: [..]`, a
//! misspelt `Exempt:`) loads as a case without one, and would otherwise be
//! published whole. Only then is the public view made (`model::public`),
//! and that view is all a public document is rendered from.

use crate::diag::{Finding, Severity};
use crate::model::Record;
use crate::report::printable;

/// How many of the errors that refuse a render are named; the rest are counted.
const SHOWN: usize = 20;

/// Why a public render writes nothing: the text to print, ending in a newline.
#[derive(Debug)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Makes the checked record's public view, with the record's findings (of
/// the whole record, acknowledged ones marked) for the renderer; or refuses,
/// naming every error that is not acknowledged.
pub fn prepare(record: Record, findings: Vec<Finding>) -> Result<(Record, Vec<Finding>), Refusal> {
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error && !f.is_acknowledged())
        .collect();
    if !errors.is_empty() {
        return Err(refusal(
            "--public renders nothing while the record has {}: a file written wrongly could publish what is exempt",
            &errors,
        ));
    }
    Ok((crate::model::public::view(record), findings))
}

/// The report of the errors that refuse a command: `lead` with its `{}`
/// replaced by how many errors there are ("an error that is not
/// acknowledged"), then each error at its file, line and column.
pub fn refusal(lead: &str, errors: &[&Finding]) -> Refusal {
    let n = errors.len();
    let count = if n == 1 {
        "an error that is not acknowledged".to_string()
    } else {
        format!("{n} errors that are not acknowledged")
    };
    let mut text = format!("error: {}\n", lead.replacen("{}", &count, 1));
    for f in errors.iter().take(SHOWN) {
        text.push_str(&format!(
            "  {}:{}:{}: {}: {}\n",
            printable(f.at.file.name(), &[]),
            f.at.line(),
            f.at.column(),
            f.code.as_str(),
            printable(&f.message, &[]),
        ));
    }
    if n > SHOWN {
        text.push_str(&format!("  … and {} more\n", n - SHOWN));
    }
    text.push_str(
        "help: `pds check` shows each with its fix; correct them, or acknowledge them in pds.yaml\n",
    );
    Refusal(text)
}
