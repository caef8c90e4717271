//! The word-level diff of two documents, and the lines of it shown: the
//! changed ones with a little context.

use similar::{ChangeTag, TextDiff};
use std::time::Duration;

/// A piece of a line of the document: as it was, taken out, or put in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Deleted(String),
    Inserted(String),
}

/// One line of the compared document: its pieces, or `None` for lines left
/// out between changes ("…").
pub type Line = Option<Vec<Piece>>;

/// Unchanged lines shown around a changed one.
const CONTEXT: usize = 2;

/// How long the word diff of one document may search for the smallest
/// diff; past it the diff is correct, only coarser (as `fmt --check`'s).
const DIFF_DEADLINE: Duration = Duration::from_millis(500);

/// The diff of two documents as shown: changed lines with context.
pub fn shown(old: &str, new: &str) -> Vec<Line> {
    with_context(lines(&words(old, new)))
}

/// The word-level diff of two texts: runs of words kept, taken out and put
/// in. A space between two changes joins them, so a rewritten sentence
/// reads as one deletion and one insertion, not word by word.
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_words(old, new);
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match runs.last_mut() {
            Some((tag, run)) if *tag == change.tag() => run.push_str(text),
            _ => runs.push((change.tag(), text.to_string())),
        }
    }
    // An equal run of spaces (no line break) between two changes joins them.
    let joins = |i: usize, runs: &[(ChangeTag, String)]| -> bool {
        let changed =
            |j: Option<&(ChangeTag, String)>| j.is_some_and(|(t, _)| *t != ChangeTag::Equal);
        matches!(runs.get(i), Some((ChangeTag::Equal, text))
            if !text.is_empty() && text.chars().all(|c| c.is_whitespace() && c != '\n'))
            && i > 0
            && changed(runs.get(i - 1))
            && changed(runs.get(i + 1))
    };
    let mut pieces = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    for (i, (tag, text)) in runs.iter().enumerate() {
        match tag {
            ChangeTag::Delete => deleted.push_str(text),
            ChangeTag::Insert => inserted.push_str(text),
            ChangeTag::Equal if joins(i, &runs) => {
                deleted.push_str(text);
                inserted.push_str(text);
            }
            ChangeTag::Equal => {
                flush(&mut pieces, &mut deleted, &mut inserted);
                pieces.push(Piece::Same(text.clone()));
            }
        }
    }
    flush(&mut pieces, &mut deleted, &mut inserted);
    pieces
}

fn flush(pieces: &mut Vec<Piece>, deleted: &mut String, inserted: &mut String) {
    if !deleted.is_empty() {
        pieces.push(Piece::Deleted(std::mem::take(deleted)));
    }
    if !inserted.is_empty() {
        pieces.push(Piece::Inserted(std::mem::take(inserted)));
    }
}

/// The pieces split into lines (a piece across a line break becomes one per line).
fn lines(pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    for piece in pieces {
        let (text, make): (&str, fn(String) -> Piece) = match piece {
            Piece::Same(t) => (t, Piece::Same),
            Piece::Deleted(t) => (t, Piece::Deleted),
            Piece::Inserted(t) => (t, Piece::Inserted),
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if !part.is_empty() {
                if let Some(line) = lines.last_mut() {
                    line.push(make(part.to_string()));
                }
            }
        }
    }
    while lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines
}

/// The changed lines with `CONTEXT` lines around them; `None` where lines
/// are left out.
fn with_context(lines: Vec<Vec<Piece>>) -> Vec<Line> {
    let changed: Vec<bool> = lines
        .iter()
        .map(|l| l.iter().any(|p| !matches!(p, Piece::Same(_))))
        .collect();
    let near = |i: usize| {
        let from = i.saturating_sub(CONTEXT);
        let to = (i + CONTEXT + 1).min(changed.len());
        changed.get(from..to).is_some_and(|w| w.contains(&true))
    };
    let mut out: Vec<Line> = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        if near(i) {
            out.push(Some(line));
        } else if !matches!(out.last(), Some(None)) {
            out.push(None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_is_deleted_and_inserted_in_place() {
        let pieces = words("The budget is 10 kroner.\n", "The budget is 12 kroner.\n");
        assert_eq!(
            pieces,
            vec![
                Piece::Same("The budget is ".into()),
                Piece::Deleted("10".into()),
                Piece::Inserted("12".into()),
                Piece::Same(" kroner.\n".into()),
            ]
        );
    }

    #[test]
    fn a_rewritten_phrase_is_one_deletion_and_one_insertion() {
        let pieces = words("a b c d\n", "a x y d\n");
        assert_eq!(
            pieces,
            vec![
                Piece::Same("a ".into()),
                Piece::Deleted("b c".into()),
                Piece::Inserted("x y".into()),
                Piece::Same(" d\n".into()),
            ]
        );
    }

    #[test]
    fn only_changed_lines_and_their_context_are_kept() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 10\n", "line ten\n");
        let shown = with_context(lines(&words(&old, &new)));
        // … 8 9 [10] 11 12 …
        assert_eq!(shown.len(), 7, "{shown:?}");
        assert_eq!(shown.first(), Some(&None));
        assert_eq!(shown.last(), Some(&None));
        assert_eq!(
            shown.get(1),
            Some(&Some(vec![Piece::Same("line 8".into())]))
        );
    }
}
