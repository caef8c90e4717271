//! Multi-line values and flow collections (`[…]`, `{…}`) inside block
//! collections: where they run (`flow_runs`, for the formatter) and the
//! unindented continuation lines YAML 1.2 forbids but the parser accepts.

use super::{offset_of, Node, NodeKind, SyntaxError};

/// Whether the tree may hold a quoted or plain value, or a `[…]`/`{…}`
/// collection, that runs over more than one line: only then is the text read
/// a second time for `unindented_continuation`.
pub(super) fn may_continue_a_flow_node(node: &Node, text: &str) -> bool {
    match &node.kind {
        NodeKind::Seq(_) | NodeKind::Map(_) => {
            let rest = text.get(node.offset..).unwrap_or("");
            if rest.starts_with(['[', '{']) {
                let line = rest.split('\n').next().unwrap_or("");
                let opens = line.matches(['[', '{']).count();
                let closes = line.matches([']', '}']).count();
                if opens > closes || line.contains(['"', '\'', '#']) {
                    return true;
                }
            }
            let children: Vec<&Node> = match &node.kind {
                NodeKind::Seq(items) => items.iter().collect(),
                NodeKind::Map(entries) => entries.iter().flat_map(|(k, v)| [k, v]).collect(),
                _ => Vec::new(),
            };
            children
                .into_iter()
                .any(|c| may_continue_a_flow_node(c, text))
        }
        _ => text
            .get(node.offset..node.offset + node.len)
            .is_some_and(|s| s.contains('\n')),
    }
}

/// A quoted or plain value, or a `[…]`/`{…}` collection, that runs over
/// more than one line inside a block mapping or list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlowRun {
    /// Its first and last line (1-based).
    pub first: usize,
    pub last: usize,
    /// Its continuation lines must be indented more than this many spaces
    /// (the column of the mapping's keys or the list's dashes; -1 at the top).
    pub above: i64,
    /// A collection (whose comment lines may stand anywhere), not a value.
    pub collection: bool,
}

/// Every multi-line value or flow collection of a text that parses, outermost only.
pub fn flow_runs(text: &str) -> Vec<FlowRun> {
    use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle};
    let mut runs = Vec::new();
    // Columns of the block collections we are in.
    let mut blocks: Vec<i64> = Vec::new();
    // The first line of the flow collection we are in, and the indentation above it.
    let mut flow: Option<(usize, i64)> = None;
    let mut depth = 0usize;
    for next in Parser::new_from_str(text) {
        let Ok((event, span)) = next else {
            break;
        };
        let above = blocks.last().copied().unwrap_or(-1);
        match event {
            Event::SequenceStart(StructureStyle::Block, ..)
            | Event::MappingStart(StructureStyle::Block, ..)
                if depth == 0 =>
            {
                blocks.push(span.start.col() as i64);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if depth == 0 {
                    flow = Some((span.start.line(), above));
                }
                depth += 1;
            }
            Event::SequenceEnd | Event::MappingEnd if depth == 0 => {
                blocks.pop();
            }
            Event::SequenceEnd | Event::MappingEnd => {
                depth -= 1;
                if let (0, Some((first, above))) = (depth, flow) {
                    if span.end.line() > first {
                        runs.push(FlowRun {
                            first,
                            last: span.end.line(),
                            above,
                            collection: true,
                        });
                    }
                }
            }
            Event::Scalar(_, style, ..)
                if depth == 0
                    && span.end.line() > span.start.line()
                    && !matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) =>
            {
                runs.push(FlowRun {
                    first: span.start.line(),
                    last: span.end.line(),
                    above,
                    collection: false,
                });
            }
            _ => {}
        }
    }
    runs
}

impl FlowRun {
    /// Whether a continuation line must be indented (it holds text; a
    /// collection's comment lines may stand anywhere).
    pub fn needs_indent(&self, line: &str) -> bool {
        let rest = line
            .trim_start_matches([' ', '\t'])
            .trim_end_matches(['\n', '\r']);
        !(rest.is_empty() || (self.collection && rest.starts_with('#')))
    }

    /// The first continuation line (1-based) not indented enough.
    fn outdented_line(&self, text: &str) -> Option<usize> {
        text.lines()
            .enumerate()
            .skip(self.first)
            .take(self.last.saturating_sub(self.first))
            .find(|(_, line)| {
                let spaces = line.len() - line.trim_start_matches(' ').len();
                self.needs_indent(line) && (spaces as i64) <= self.above
            })
            .map(|(i, _)| i + 1)
    }
}

/// YAML 1.2 wants the continuation lines of a multi-line value or flow
/// collection inside a block mapping or list indented more than that
/// mapping's keys (or that list's dashes). The parser accepts them at the
/// left margin (yaml-test-suite QB6E); other YAML readers do not, so pds
/// refuses them too.
pub(super) fn unindented_continuation(text: &str) -> Option<SyntaxError> {
    flow_runs(text).into_iter().find_map(|run| {
        let line = run.outdented_line(text)?;
        let what = if run.collection {
            "a list or mapping in brackets"
        } else {
            "a value that runs over several lines"
        };
        Some(SyntaxError {
            message: format!(
                "{what} continues here at the left margin: indent its lines under their key"
            ),
            offset: Some(offset_of(text, line, 1)),
            line_col: Some((line, 1)),
        })
    })
}
