//! Reading typed values out of a YAML node tree, reporting every schema problem
//! (unknown, missing and invalid fields) as a finding instead of stopping.

use super::table::{Need, Table};
use crate::diag::{nearest, Code, Finding, Findings, Location, SourceFile};
use crate::model::Named;
use crate::yaml::{Node, NodeKind};

/// The file being read and the sink for what is wrong with it.
pub struct Ctx<'a> {
    pub file: &'a SourceFile,
    /// The file's whole text, which offsets count from (the file may have
    /// left it on disk: `SourceFile::left_on_disk`).
    pub text: &'a str,
    /// Byte offset of the YAML text within the file (front matter starts after `---`).
    pub base: usize,
    /// The YAML text the nodes' offsets refer to.
    pub yaml: &'a str,
    pub findings: &'a mut Findings,
}

impl Ctx<'_> {
    pub fn at(&self, node: &Node) -> Location {
        Location::in_text(self.file, self.text, self.base + node.offset, node.len)
    }

    pub fn report(&mut self, code: Code, node: &Node, message: impl Into<String>) -> &mut Finding {
        let at = self.at(node);
        self.findings.push(Finding::new(code, at, message));
        // The finding just pushed; callers add help or a subject to it.
        self.last()
    }

    fn last(&mut self) -> &mut Finding {
        let idx = self.findings.len() - 1;
        #[expect(
            clippy::unwrap_used,
            reason = "a finding was pushed on the line before"
        )]
        self.findings.iter_mut().nth(idx).unwrap()
    }

    /// A scalar as text; anything else is `invalid-value`.
    pub fn text(&mut self, node: &Node, what: &str) -> Option<String> {
        match node.scalar_text(self.yaml) {
            Some(t) => Some(t.into_owned()),
            None if node.is_null() => None,
            None => {
                let found = node.kind.type_name();
                self.report(
                    Code::InvalidValue,
                    node,
                    format!("{what} must be text, not {found}"),
                );
                None
            }
        }
    }

    /// One of a fixed set of words, with the nearest suggested.
    pub fn one_of(&mut self, node: &Node, what: &str, allowed: &[&str]) -> Option<String> {
        let text = self.text(node, what)?;
        if let Some(found) = allowed.iter().find(|a| **a == text) {
            return Some(found.to_string());
        }
        let help = match nearest(&text, allowed.iter().copied()) {
            Some(n) => format!("did you mean `{n}`?"),
            None => format!("expected one of: {}", allowed.join(", ")),
        };
        self.report(
            Code::InvalidValue,
            node,
            format!("`{text}` is not a valid {what}"),
        )
        .help = Some(help);
        None
    }

    /// A value of a model enum, by one of its words (the nearest suggested).
    pub fn word<T: Named>(&mut self, node: &Node) -> Option<T> {
        let word = self.one_of(node, T::WHAT, T::NAMES)?;
        T::from_name(&word)
    }

    pub fn bool(&mut self, node: &Node, what: &str) -> Option<bool> {
        match node.kind {
            NodeKind::Bool(b) => Some(b),
            _ => {
                self.report(
                    Code::InvalidValue,
                    node,
                    format!("{what} must be true or false"),
                );
                None
            }
        }
    }

    pub fn int(
        &mut self,
        node: &Node,
        what: &str,
        range: std::ops::RangeInclusive<i128>,
    ) -> Option<i128> {
        match node.kind {
            NodeKind::Int(i) if range.contains(&i) => Some(i),
            _ => {
                self.report(
                    Code::InvalidValue,
                    node,
                    format!(
                        "{what} must be a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ),
                );
                None
            }
        }
    }

    /// A list; a lone scalar is not accepted.
    pub fn seq<'n>(&mut self, node: &'n Node, what: &str) -> &'n [Node] {
        match &node.kind {
            NodeKind::Seq(items) => items,
            NodeKind::Null => &[],
            other => {
                let found = other.type_name();
                self.report(
                    Code::InvalidValue,
                    node,
                    format!("{what} must be a list, not {found}"),
                );
                &[]
            }
        }
    }
}

/// `what` as messages name any one of its kind: "a case", "an invitee";
/// a file ("pds.yaml") or a key ("`standing_items`") is named as it is.
fn a(what: &str) -> String {
    if what.contains('.') {
        what.to_string()
    } else if what.contains('_') {
        format!("`{what}`")
    } else if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {what}")
    } else {
        format!("a {what}")
    }
}

/// `what` as messages name the one at hand: "this case", "pds.yaml".
fn this(what: &str) -> String {
    if what.contains(['.', '_']) {
        a(what)
    } else {
        format!("this {what}")
    }
}

/// The keys of one YAML mapping, read one by one by the keys of its
/// [`Table`]; what is left at `finish` is unknown.
pub struct Fields<'n> {
    node: &'n Node,
    entries: &'n [(Node, Node)],
    used: Vec<bool>,
    table: &'static Table,
    what: &'static str,
}

impl<'n> Fields<'n> {
    pub fn new(ctx: &mut Ctx, node: &'n Node, table: &'static Table) -> Option<Self> {
        Self::new_as(ctx, node, table, table.what)
    }

    /// `what` names the thing for messages when the table serves several
    /// ("member", "chair" and "invitee" are each a person).
    pub fn new_as(
        ctx: &mut Ctx,
        node: &'n Node,
        table: &'static Table,
        what: &'static str,
    ) -> Option<Self> {
        match &node.kind {
            NodeKind::Map(entries) => Some(Fields {
                node,
                entries,
                used: vec![false; entries.len()],
                table,
                what,
            }),
            other => {
                let found = other.type_name();
                ctx.report(
                    Code::InvalidValue,
                    node,
                    format!(
                        "{} must be a mapping of keys to values, not {found}",
                        a(what)
                    ),
                );
                None
            }
        }
    }

    pub fn node(&self) -> &'n Node {
        self.node
    }

    /// The value of `key` as its table asks: a `missing-field` finding when a
    /// required key is absent or null.
    pub fn take(&mut self, ctx: &mut Ctx, key: &str) -> Option<&'n Node> {
        match self.table.field(key).map(|f| f.need) {
            Some(Need::Required) => self.require(ctx, key),
            _ => self.get(key),
        }
    }

    /// The value of a key required unless `exempt` (a draft's number).
    pub fn take_unless(&mut self, ctx: &mut Ctx, key: &str, exempt: bool) -> Option<&'n Node> {
        if exempt {
            self.get(key)
        } else {
            self.require(ctx, key)
        }
    }

    /// The value of `key`, if present and not null.
    pub fn get(&mut self, key: &str) -> Option<&'n Node> {
        self.get_raw(key).filter(|v| !v.is_null())
    }

    /// The value of `key` when the key is present, even if null (`items:`).
    /// A key its table does not hold is never read: the table is the format.
    pub fn get_raw(&mut self, key: &str) -> Option<&'n Node> {
        debug_assert!(
            self.table.field(key).is_some(),
            "`{key}` is read but not in the table of {}",
            self.table.what
        );
        self.table.field(key)?;
        let idx = self
            .entries
            .iter()
            .position(|(k, _)| matches!(&k.kind, NodeKind::Str(s) if s == key))?;
        if let Some(u) = self.used.get_mut(idx) {
            *u = true;
        }
        self.entries.get(idx).map(|(_, v)| v)
    }

    /// The value of `key`, or a `missing-field` finding on the mapping.
    pub fn require(&mut self, ctx: &mut Ctx, key: &str) -> Option<&'n Node> {
        let v = self.get(key);
        if v.is_none() {
            let at = self.first_key().unwrap_or(self.node);
            ctx.report(
                Code::MissingField,
                at,
                format!("{} has no `{key}`", this(self.what)),
            );
        }
        v
    }

    fn first_key(&self) -> Option<&'n Node> {
        self.entries.first().map(|(k, _)| k)
    }

    /// Reports every key not read, suggesting the nearest of the table's.
    pub fn finish(self, ctx: &mut Ctx) {
        for ((key, _), used) in self.entries.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let name = key
                .scalar_text(ctx.yaml)
                .map(|s| s.into_owned())
                .unwrap_or_else(|| "?".into());
            let what = a(self.what);
            let help = match nearest(&name, self.table.names()) {
                Some(n) => format!("did you mean `{n}`?"),
                None => {
                    let known: Vec<&str> = self.table.names().collect();
                    format!("known keys of {what}: {}", known.join(", "))
                }
            };
            ctx.report(
                Code::UnknownField,
                key,
                format!("unknown key `{name}` in {what}"),
            )
            .help = Some(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::table::{Field, Type};
    use crate::yaml;

    /// The messages of every schema finding in `yaml`, read as a `what`.
    fn messages(what: &'static str, text: &str, required: &'static str) -> Vec<String> {
        let file = SourceFile::new("x.yaml", "x.yaml", text.to_string());
        let node = yaml::parse(text).unwrap();
        let mut findings = Findings::default();
        let mut ctx = Ctx {
            file: &file,
            text,
            base: 0,
            yaml: text,
            findings: &mut findings,
        };
        // A table with the one required key, leaked: tables are `'static`.
        let fields = Box::leak(Box::new([Field {
            name: required,
            doc: "",
            need: Need::Required,
            ty: Type::Text,
        }]));
        let table = Box::leak(Box::new(Table { what, fields }));
        if let Some(mut f) = Fields::new(&mut ctx, &node, table) {
            f.take(&mut ctx, required);
            f.finish(&mut ctx);
        }
        findings
            .into_sorted()
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn messages_name_the_thing_with_the_right_article() {
        assert_eq!(
            messages("case", "nmae: x\n", "title"),
            ["unknown key `nmae` in a case", "this case has no `title`"]
        );
        assert_eq!(
            messages("acknowledgement", "x: 1\n", "note"),
            [
                "unknown key `x` in an acknowledgement",
                "this acknowledgement has no `note`"
            ]
        );
        assert_eq!(
            messages("pds.yaml", "secretary: x\n", "board"),
            [
                "unknown key `secretary` in pds.yaml",
                "pds.yaml has no `board`"
            ]
        );
        assert_eq!(
            messages("standing_items", "[first]\n", "first"),
            ["`standing_items` must be a mapping of keys to values, not a list"]
        );
    }
}
