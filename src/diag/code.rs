//! The stable finding codes of `pds check`, each with its severity and the
//! one-paragraph description that `pds check --explain CODE` prints.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $description:literal;)*) => {
        /// A finding's stable code (SPEC §4.1).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];
            pub const NAMES: &'static [&'static str] = &[$($name),*];

            /// The code as users write it: `duplicate-case`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }

            /// What the finding means and how to resolve it.
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => $description),* }
            }

            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    YamlSyntax = "yaml-syntax", Error,
        "A YAML file, or a case file's front matter, does not parse. The finding points at the place the parser stopped. Nothing else in that file is checked until it parses.";
    FrontMatter = "front-matter", Error,
        "A case file must start with a `---` line, hold its YAML front matter, and close it with another `---` line before the Markdown body.";
    UnknownField = "unknown-field", Error,
        "A key the schema does not know, usually a typo. The nearest known key is suggested. The file formats are documented in docs/formats.md.";
    MissingField = "missing-field", Error,
        "A required key is absent: a meeting needs `number` and `date`; a case needs `number`, `meeting`, `title` and `type` (or `parts`) unless its status is `draft`.";
    InvalidValue = "invalid-value", Error,
        "A value of the wrong type, or outside its set (a case type not in `case_types`, a status, a date that does not exist). The nearest valid value is suggested.";
    CaseNumberFormat = "case-number-format", Error,
        "A case number must be `<n>/<yy>` with n at least 1, for example `43/21`. `05/21` is read as `5/21`.";
    MeetingNumberFormat = "meeting-number-format", Error,
        "A meeting number must be `<n>/<yyyy>` with n at least 1, for example `7/2021`.";
    DuplicateCase = "duplicate-case", Error,
        "Two or more cases carry the same number. Every case needs its own number; give one of them the next free number (`pds next`). An old, accepted duplicate can be acknowledged in pds.yaml.";
    CaseGap = "case-gap", Error,
        "A number between 1 and the year's highest case number is carried by no case. Withdrawn cases keep their numbers, so a gap means a number was skipped. An old, accepted gap can be acknowledged in pds.yaml.";
    CaseOrder = "case-order", Error,
        "Within one number year, a case of a later meeting has a lower number than a case of an earlier meeting: numbers must follow the meetings. A duplicate number is not also reported out of order, nor are the cases of meetings whose own dates are out of order (meeting-order).";
    CaseYearMismatch = "case-year-mismatch", Error,
        "The case number's year (`/21`) is not the year of the meeting the case belongs to.";
    UnknownMeeting = "unknown-meeting", Error,
        "A case names a meeting that no `<yyyy>/meetings.yaml` holds. The nearest existing meeting is suggested.";
    DuplicateMeeting = "duplicate-meeting", Error,
        "Two meetings carry the same number. Each meeting of a year needs its own number: 1/2021, 2/2021, …";
    MeetingGap = "meeting-gap", Error,
        "A meeting number of the year is missing: meetings of a year are numbered 1, 2, 3, … without holes.";
    MeetingOrder = "meeting-order", Error,
        "Meeting dates must increase with meeting numbers, and a meeting's number year, date year and year folder must agree.";
    FileName = "file-name", Warning,
        "A case file's name or year folder does not match its number: case 5/21 belongs in `2021/05-21-<slug>.md`; a case without a number belongs in `drafts/`.";
    StandingItem = "standing-item", Warning,
        "A meeting's first or last case is not the standing item configured in pds.yaml `standing_items` (for example `Godkjenning av innkalling` first, `Eventuelt` last).";
    DuplicateId = "duplicate-id", Error,
        "Two risks, or two action items, share an id. Ids are how status reports and minutes refer to them, so each must be unique.";
    UnknownReference = "unknown-reference", Error,
        "A reference by id (a risk, case, meeting, forum or member) names nothing in the record.";
    StaleAcknowledgement = "stale-acknowledgement", Warning,
        "An `acknowledged` entry in pds.yaml matches no finding: the problem it accepted is gone, so the entry can be removed.";
    OverdueAction = "overdue-action", Warning,
        "An open action item whose due date is before the next planned meeting: close it (`status: done`) or give it a new due date before the board meets.";
    InvalidShortcode = "invalid-shortcode", Error,
        "A case body embeds a generated block (`{{ status(date=\"2021-11-24\") }}`) that pds does not know, or with arguments it cannot use. The known blocks are status, risks, overview, forums and actions.";
    Unreadable = "unreadable", Error,
        "A file of the record cannot be read: it is not UTF-8 text, holds binary data, is larger than 1 MiB, or cannot be opened.";
    NumberTaken = "number-taken", Error,
        "With `--base`: a case number this tree adds is carried by a different case on the base revision (two branches took the same next number). Renumber this tree's case: `pds renumber <CASE> --next` (or a number the help names) renames its file, rewrites its `number` and every reference to it.";
    HeldCaseChanged = "held-case-changed", Error,
        "With `--base`: a case of a meeting that was held on the base revision was renumbered, moved to another meeting, removed, or its proposed decision changed, or a case was put on such a meeting's agenda; once the meeting's minutes are approved there, any change to its cases' front matter or bodies. The record of a held meeting is frozen; its `decision` and `status` may be written until the minutes are approved.";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_by_name() {
        for &code in Code::ALL {
            assert_eq!(Code::from_name(code.as_str()), Some(code));
            assert!(code.description().len() > 40, "{code} needs a description");
        }
        assert_eq!(Code::ALL.len(), 25);
    }

    #[test]
    fn severities_follow_the_spec() {
        assert_eq!(Code::FileName.severity(), Severity::Warning);
        assert_eq!(Code::StandingItem.severity(), Severity::Warning);
        assert_eq!(Code::StaleAcknowledgement.severity(), Severity::Warning);
        assert_eq!(Code::DuplicateCase.severity(), Severity::Error);
    }
}
