//! The file formats as data: per file kind, a table of its keys, each with
//! its type, whether it is required and one line of documentation. The
//! readers accept exactly these keys (`schema::Fields` looks every key up
//! here), unknown keys are matched against them for "did you mean", and the
//! docs and a JSON Schema can be printed from them.

use super::{action, board, case, forum, meeting, risk, status};

/// The keys of one YAML mapping: a file, or a part of one.
#[derive(Debug)]
pub struct Table {
    /// What messages call one: "case", "meeting", "pds.yaml".
    pub what: &'static str,
    pub fields: &'static [Field],
}

/// One key of a mapping.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    /// One line for the user's documentation of the format.
    pub doc: &'static str,
    pub need: Need,
    pub ty: Type,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
    /// Required unless the condition, in words, holds (the reader decides).
    RequiredUnless(&'static str),
}

/// What a value may be, in enough detail to print a JSON Schema from.
#[derive(Debug)]
pub enum Type {
    /// Any text (a YAML scalar).
    Text,
    /// Text in a fixed format, like a meeting number `7/2021`.
    Format {
        name: &'static str,
        /// A regular expression the text matches.
        pattern: &'static str,
        example: &'static str,
    },
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A whole number within the bounds, both included.
    Number {
        min: i64,
        max: i64,
    },
    Bool,
    /// One of a fixed set of words.
    OneOf(&'static [&'static str]),
    /// One of the case types `pds.yaml` names (a record's own words).
    CaseType,
    List(&'static Type),
    /// A mapping with the table's keys and no others.
    Map(&'static Table),
    /// A mapping whose keys the user chooses, each to a value of the type.
    MapOf(&'static Type),
    /// A mapping of label keys (those of the built-in label files,
    /// `model::labels::keys`) to words.
    Labels,
    /// Any one of the types.
    Either(&'static [Type]),
}

pub const MEETING_NUMBER: Type = Type::Format {
    name: "meeting number",
    pattern: "^[0-9]+/[0-9]{4}$",
    example: "7/2021",
};

pub const CASE_NUMBER: Type = Type::Format {
    name: "case number",
    pattern: "^[0-9]+/[0-9]{2}$",
    example: "43/21",
};

pub const TIME_SPAN: Type = Type::Format {
    name: "time span",
    pattern: "^[0-9]{1,2}:[0-9]{2}(-[0-9]{1,2}:[0-9]{2})?$",
    example: "13:00-15:00",
};

/// One kind of file in a record and the shape of what it holds.
#[derive(Debug)]
pub struct FileKind {
    /// The name `pds schema KIND` will take.
    pub name: &'static str,
    /// Where such files stand in the record.
    pub path: &'static str,
    pub doc: &'static str,
    pub ty: Type,
}

/// Every file kind a record holds.
pub const FILES: &[FileKind] = &[
    FileKind {
        name: "config",
        path: "pds.yaml",
        doc: "The board: its name, members, case types and acknowledged findings.",
        ty: Type::Map(&board::BOARD),
    },
    FileKind {
        name: "meetings",
        path: "<yyyy>/meetings.yaml",
        doc: "The year's board meetings, one list entry each.",
        ty: Type::List(&Type::Map(&meeting::MEETING)),
    },
    FileKind {
        name: "case",
        path: "<yyyy>/<nn>-<yy>-<slug>.md, drafts/<slug>.md",
        doc: "A case: this front matter between `---` lines, then its document in Markdown.",
        ty: Type::Map(&case::CASE),
    },
    FileKind {
        name: "risk",
        path: "risks/<id>.yaml",
        doc: "One risk of the risk register.",
        ty: Type::Map(&risk::RISK),
    },
    FileKind {
        name: "status",
        path: "status/<yyyy-mm-dd>.yaml",
        doc: "A program status report.",
        ty: Type::Map(&status::STATUS),
    },
    FileKind {
        name: "actions",
        path: "<yyyy>/actions.yaml",
        doc: "The year's action items, one list entry each.",
        ty: Type::List(&Type::Map(&action::ACTION)),
    },
    FileKind {
        name: "forums",
        path: "<yyyy>/forums.yaml",
        doc: "The program's items in other governance forums, one entry per forum meeting.",
        ty: Type::List(&Type::Map(&forum::FORUM_MEETING)),
    },
];

impl Field {
    pub const fn required(name: &'static str, ty: Type, doc: &'static str) -> Field {
        Field {
            name,
            doc,
            need: Need::Required,
            ty,
        }
    }

    pub const fn optional(name: &'static str, ty: Type, doc: &'static str) -> Field {
        Field {
            name,
            doc,
            need: Need::Optional,
            ty,
        }
    }

    /// Required unless `condition`, in words, holds; the reader checks it.
    pub const fn required_unless(
        name: &'static str,
        condition: &'static str,
        ty: Type,
        doc: &'static str,
    ) -> Field {
        Field {
            name,
            doc,
            need: Need::RequiredUnless(condition),
            ty,
        }
    }
}

impl Table {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        self.fields.iter().map(|f| f.name)
    }
}

impl Type {
    /// Every table this type holds, itself included, nested ones after.
    pub fn tables(&'static self, out: &mut Vec<&'static Table>) {
        match self {
            Type::List(t) | Type::MapOf(t) => t.tables(out),
            Type::Either(ts) => ts.iter().for_each(|t| t.tables(out)),
            Type::Map(table) if !out.iter().any(|t| std::ptr::eq(*t, *table)) => {
                out.push(table);
                table.fields.iter().for_each(|f| f.ty.tables(out));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
