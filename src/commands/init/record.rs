//! The record `pds init` writes: `pds.yaml`, the year's `meetings.yaml`
//! with one planned meeting, and an example draft, in the board's language.

use crate::load::{FileKind, BOARD_FILE};
use crate::model::Language;
use crate::write::edit::scalar;
use crate::write::verify::{map, text};
use crate::yaml::{Node, NodeKind};

/// What a file must load to, for the write path.
pub(super) struct Want {
    pub(super) kind: FileKind,
    pub(super) values: Node,
    pub(super) body: Option<String>,
}

/// The record's three files: path, text and the values it must load to.
pub(super) fn files(
    board: &str,
    language: Language,
    year: u16,
    words: &Words,
) -> Vec<(String, String, Want)> {
    let types: Vec<String> = words.case_types.iter().map(|t| scalar(t)).collect();
    let board_yaml = format!(
        "# The board. Every key: pds's docs/formats.md, section 3 (`pds.yaml`).\n\
         board: {}\n\
         language: {}\n\
         # secretariat: {}\n\
         # members:\n\
         #   - {{ name: {}, org: {} }}\n\
         # chair: {{ name: {}, org: {} }}\n\
         case_types: [{}]\n\
         # The first and last case of every meeting, checked when set:\n\
         # standing_items: {{ first: {}, last: {} }}\n",
        scalar(board),
        language.as_str(),
        words.secretariat,
        words.member.0,
        words.member.1,
        words.member.0,
        words.member.1,
        types.join(", "),
        words.standing.0,
        words.standing.1,
    );
    let board_values = map(vec![
        ("board", text(board)),
        ("language", text(language.as_str())),
        (
            "case_types",
            Node {
                kind: NodeKind::Seq(words.case_types.iter().map(|t| text(*t)).collect()),
                offset: 0,
                len: 0,
            },
        ),
    ]);
    let date = meeting_date(year);
    let meeting = format!("1/{year}");
    let meetings_yaml = format!(
        "# The meetings of {year}, one entry each (pds's docs/formats.md, section 4).\n\
         # `pds new meeting --date {year}-MM-DD` adds the next one.\n\
         - number: {meeting}\n  date: {date}\n  time: \"10:00-12:00\"\n  status: planned\n"
    );
    let meetings_values = Node {
        kind: NodeKind::Seq(vec![map(vec![
            ("number", text(&meeting)),
            ("date", text(&date)),
            ("time", text("10:00-12:00")),
            ("status", text("planned")),
        ])]),
        offset: 0,
        len: 0,
    };
    let body = (words.body)(words.slug, &meeting);
    let draft = format!(
        "---\ntitle: {}\ntype: {}\ndescription: {}\nstatus: draft\n---\n{body}",
        scalar(words.title),
        scalar(words.draft_type),
        scalar(words.description),
    );
    let draft_values = map(vec![
        ("title", text(words.title)),
        ("type", text(words.draft_type)),
        ("description", text(words.description)),
        ("status", text("draft")),
    ]);
    vec![
        (
            BOARD_FILE.to_string(),
            board_yaml,
            Want {
                kind: FileKind::Board,
                values: board_values,
                body: None,
            },
        ),
        (
            format!("{year}/meetings.yaml"),
            meetings_yaml,
            Want {
                kind: FileKind::Meetings,
                values: meetings_values,
                body: None,
            },
        ),
        (
            format!("drafts/{}.md", words.slug),
            draft,
            Want {
                kind: FileKind::Draft,
                values: draft_values,
                body: Some(body),
            },
        ),
    ]
}

/// The words of the example record, in the board's language.
pub(super) struct Words {
    pub(super) case_types: &'static [&'static str],
    pub(super) secretariat: &'static str,
    pub(super) member: (&'static str, &'static str),
    pub(super) standing: (&'static str, &'static str),
    pub(super) title: &'static str,
    pub(super) slug: &'static str,
    pub(super) draft_type: &'static str,
    pub(super) description: &'static str,
    pub(super) body: fn(&str, &str) -> String,
}

impl Words {
    pub(super) fn of(language: Language) -> Self {
        match language.as_str() {
            "en" => Words {
                case_types: &["Approval", "Information", "Discussion", "Decision"],
                secretariat: "The Secretariat",
                member: ("Jane Doe", "Example Trust"),
                standing: ("Approval of notice", "Any other business"),
                title: "Example case",
                slug: "example-case",
                draft_type: "Decision",
                description: "A draft to try the loop on: render it, schedule it, or delete it.",
                body: |slug, meeting| {
                    format!(
                        "## Purpose\n\n\
                         A draft written by `pds init` to show how a case is made. See it as\n\
                         the board will:\n\n\
                         ```sh\npds render case {slug} --format html -o draft.html\n```\n\n\
                         Put it on the agenda of meeting {meeting}, with the next free case\n\
                         number:\n\n\
                         ```sh\npds schedule {slug} --meeting {meeting}\n```\n\n\
                         Or delete this file when you no longer need it.\n"
                    )
                },
            },
            "nn" => Words {
                case_types: &["Tilslutning", "Orientering", "Drøfting", "Avgjerd"],
                secretariat: "Sekretariatet",
                member: ("Kari Nordmann", "Etaten"),
                standing: ("Godkjenning av innkalling", "Eventuelt"),
                title: "Eksempelsak",
                slug: "eksempelsak",
                draft_type: "Orientering",
                description: "Eit utkast å øve på: vis det, gi det nummer, eller slett det.",
                body: |slug, meeting| {
                    format!(
                        "## Føremål med saka\n\n\
                         Eit utkast laga av `pds init` for å vise korleis ei sak blir til. Sjå\n\
                         det slik styret vil sjå det:\n\n\
                         ```sh\npds render case {slug} --format html -o utkast.html\n```\n\n\
                         Set det på sakslista for møte {meeting}, med neste ledige saksnummer:\n\n\
                         ```sh\npds schedule {slug} --meeting {meeting}\n```\n\n\
                         Eller slett fila når de ikkje treng henne.\n"
                    )
                },
            },
            _ => Words {
                case_types: &crate::model::board::DEFAULT_CASE_TYPES,
                secretariat: "Sekretariatet",
                member: ("Kari Nordmann", "Etaten"),
                standing: ("Godkjenning av innkalling", "Eventuelt"),
                title: "Eksempelsak",
                slug: "eksempelsak",
                draft_type: "Orientering",
                description: "Et utkast å øve på: vis det, gi det nummer, eller slett det.",
                body: |slug, meeting| {
                    format!(
                        "## Hensikt med saken\n\n\
                         Et utkast laget av `pds init` for å vise hvordan en sak blir til. Se\n\
                         det slik styret vil se det:\n\n\
                         ```sh\npds render case {slug} --format html -o utkast.html\n```\n\n\
                         Sett det på sakslisten for møte {meeting}, med neste ledige\n\
                         saksnummer:\n\n\
                         ```sh\npds schedule {slug} --meeting {meeting}\n```\n\n\
                         Eller slett filen når dere ikke trenger den.\n"
                    )
                },
            },
        }
    }
}

/// The first meeting's date: two weeks from today when that is still in
/// `year`, the last day of `year` when it is not; 1 February of any other year.
fn meeting_date(year: u16) -> String {
    let (this_year, days) = today();
    if year != this_year {
        return format!("{year}-02-01");
    }
    let in_two_weeks = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days + 14)));
    match in_two_weeks {
        Some(d) if d.format("%Y").to_string() == year.to_string() => {
            d.format("%Y-%m-%d").to_string()
        }
        _ => format!("{year}-12-31"),
    }
}

/// This year and the days since 1970-01-01, by the clock (UTC).
pub(super) fn today() -> (u16, u64) {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    let year = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .and_then(|d| d.format("%Y").to_string().parse().ok())
        .unwrap_or(1970);
    (year, days)
}
