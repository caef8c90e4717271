//! The parser's errors said in the words of someone editing the file, at
//! the place an editor shows: its own API names, limits and position
//! suffixes are translated or dropped.

use super::{offset_of, SyntaxError, MAX_ALIAS_EVENTS, MAX_DEPTH, MAX_NODES};

/// The `SyntaxError` for a failure of the parser on `text`.
pub(super) fn syntax_error(err: &serde_saphyr::Error, text: &str) -> SyntaxError {
    let location = err.location();
    let mut line_col = location
        .filter(|l| l.line() > 0)
        .map(|l| (l.line() as usize, l.column().max(1) as usize));
    let mut message = limit_message(err)
        .or_else(|| plain_message(err))
        .unwrap_or_else(|| clean_message(&err.to_string()));
    if matches!(err, serde_saphyr::Error::MultipleDocuments { .. }) {
        line_col = second_document(text).or(line_col);
    }
    if message.contains("tab") {
        if let Some(at) = first_indenting_tab(text) {
            line_col = Some(at);
            message = "a tab where indentation is meant: indent with spaces".into();
        }
    }
    let offset = line_col.map(|(line, col)| offset_of(text, line, col));
    SyntaxError {
        message,
        offset,
        line_col,
    }
}

/// The parser's words for errors that name its own API (`from_str_multiple`,
/// `DuplicateKeyPolicy`), said in the words of someone editing the file.
fn plain_message(err: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::Error;
    let mut err = err;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = err {
        err = error;
    }
    Some(match err {
        Error::MultipleDocuments { .. } => {
            "two YAML documents in one file: a second `---` starts another; a file holds one".into()
        }
        Error::DuplicateMappingKey { key: Some(k), .. } => format!("key `{k}` given twice"),
        Error::DuplicateMappingKey { key: None, .. } => "a key given twice".into(),
        Error::IndentationError {
            required, actual, ..
        } => format!("indented {actual} spaces where {required} are expected"),
        _ => return None,
    })
}

/// Line and column of the `---` that starts a second document.
fn second_document(text: &str) -> Option<(usize, usize)> {
    let mut content = false;
    text.lines().enumerate().find_map(|(i, line)| {
        let marker = line == "---" || line.starts_with("--- ") || line.starts_with("---\t");
        if marker && content {
            return Some((i + 1, 1));
        }
        let trimmed = line.trim();
        content |= !marker
            && !trimmed.is_empty()
            && !trimmed.starts_with('#')
            && !trimmed.starts_with('%');
        None
    })
}

/// Line and column of the first tab in a line's indentation.
fn first_indenting_tab(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let col = line.get(..indent)?.find('\t')?;
        let rest = line.get(indent..).unwrap_or("");
        (!rest.is_empty() && !rest.starts_with('#')).then_some((i + 1, col + 1))
    })
}

/// What to tell the user when the text broke one of the limits above; the
/// parser's own words name its internals (`Nodes { nodes: 200001 }`).
fn limit_message(err: &serde_saphyr::Error) -> Option<String> {
    use serde_saphyr::budget::BudgetBreach;
    use serde_saphyr::Error;
    let mut err = err;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = err {
        err = error;
    }
    let aliases = format!(
        "aliases (`*name`) expand to more than {MAX_ALIAS_EVENTS} values; write the values out"
    );
    let deep = format!("lists and mappings nest more than {MAX_DEPTH} levels deep");
    Some(match err {
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => deep,
            BudgetBreach::Nodes { .. } => {
                format!("the file holds more than {MAX_NODES} values (aliases expanded)")
            }
            BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => aliases,
            _ => "the file is too large to read safely".into(),
        },
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => aliases,
        _ if err.to_string().contains("recursion limit exceeded") => deep,
        _ => return None,
    })
}

/// The parser's message without its own position suffix (we print positions ourselves).
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let cut = first
        .find(" at line ")
        .map(|i| &first[..i])
        .unwrap_or(first);
    cut.trim_end_matches(':').trim().to_string()
}
