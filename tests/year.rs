//! A board year: attendance recorded at meetings and shown as recorded,
//! draft minutes of a meeting not yet held, `missing-decision` and its
//! acknowledgement, default decisions, the decisions register, cancelled
//! and proposed notices, and invitations a calendar accepts (read back by
//! Python's `icalendar`).

#![expect(clippy::unwrap_used, reason = "a panic is how a test fails")]

mod common;
use common::*;
use std::path::Path;

const BOARD: &str = "board: Styret\n\
language: nb\n\
secretariat: Sekretariatet\n\
members:\n\
  - { name: Kari Nordmann, org: Org A, email: kari@example.org }\n\
  - { name: Ola Hansen, org: Org B }\n\
  - { name: Per Berg, org: Org C, email: per@example.org }\n\
chair: { name: Lise Leder, org: Org L, email: lise@example.org }\n";

/// Meeting 1 held with attendance, 2 held without it, 3 planned, 4
/// cancelled, 5 proposed; one case each in 1–3.
fn year(board: &str, meetings: &str) -> tempfile::TempDir {
    Record::new()
        .file("pds.yaml", board)
        .file("2021/meetings.yaml", meetings)
        .file(
            "2021/01-21-budsjett.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Budsjett\ntype: Beslutning\ndecision: Budsjettet ble vedtatt.\n---\n",
        )
        .file(
            "2021/02-21-status.md",
            "---\nnumber: 2/21\nmeeting: 2/2021\ntitle: Status\ntype: Orientering\n---\n",
        )
        .file(
            "2021/03-21-plan.md",
            "---\nnumber: 3/21\nmeeting: 3/2021\ntitle: Plan\ntype: Beslutning\nproposed_decision: Planen vedtas.\n---\n",
        )
        .build()
}

const MEETINGS: &str = "\
- number: 1/2021
  date: 2021-02-10
  time: \"10:00-12:00\"
  place: Møterom 1
  status: held
  present: [Kari Nordmann, Lise Leder]
  absent:
    - Per Berg
    - { name: Ola Hansen, substitute: \"Siri Vara, Org B\" }
  guests: [\"Gunn Gjest, prosjektleder\"]
  minute_taker: Sekretariatet
- number: 2/2021
  date: 2021-03-10
  status: held
- number: 3/2021
  date: 2021-06-10
  time: \"13:00-15:00\"
  place: Møterom 2
  status: planned
- number: 4/2021
  date: 2021-09-10
  status: cancelled
- number: 5/2021
  date: 2021-10-10
  time: \"09:00\"
  status: proposed
";

fn render(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let out = pds_in(dir, &all);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn check_json(dir: &Path) -> serde_json::Value {
    let out = pds_in(dir, &["check", "--format", "json"]);
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn findings<'a>(json: &'a serde_json::Value, code: &str) -> Vec<&'a serde_json::Value> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

#[test]
fn minutes_show_the_recorded_attendance_and_nothing_else() {
    let dir = year(BOARD, MEETINGS);
    for format in ["md", "html"] {
        let held = render(dir.path(), &["minutes", "1/2021", "--format", format]);
        for shown in [
            "Kari Nordmann, Org A",
            "Lise Leder, Org L",
            "Per Berg, Org C",
            "Ola Hansen, Org B (vara: Siri Vara, Org B)",
            "Gunn Gjest, prosjektleder",
            "Referent",
            "Sekretariatet",
            "Andre til stede",
        ] {
            assert!(held.contains(shown), "{format}: {shown}\n{held}");
        }
        // Only who was recorded present is under "Til stede".
        let present = held.split("Til stede").nth(1).unwrap();
        let present = present.split("Forfall").next().unwrap();
        assert!(!present.contains("Per Berg"), "{format}:\n{held}");
        assert!(!present.contains("Ola Hansen"), "{format}:\n{held}");

        // A held meeting that records no attendance invents none: no member
        // is listed, nor the board's chair as Møteleder.
        let bare = render(dir.path(), &["minutes", "2/2021", "--format", format]);
        assert!(
            bare.contains("Oppmøte ikke registrert"),
            "{format}:\n{bare}"
        );
        for name in ["Kari Nordmann", "Ola Hansen", "Per Berg", "Lise Leder"] {
            assert!(!bare.contains(name), "{format}: {name} invented:\n{bare}");
        }
        // The same for a meeting still ahead.
        let ahead = render(dir.path(), &["minutes", "3/2021", "--format", format]);
        assert!(
            ahead.contains("Oppmøte ikke registrert"),
            "{format}:\n{ahead}"
        );
        assert!(!ahead.contains("Kari Nordmann"), "{format}:\n{ahead}");
    }
    // The notice still lists every invitee.
    let notice = render(dir.path(), &["notice", "2/2021"]);
    assert!(notice.contains("Ola Hansen, Org B"), "{notice}");
}

#[test]
fn an_unknown_name_in_attendance_gets_the_nearest_name() {
    let meetings = MEETINGS.replace(
        "present: [Kari Nordmann, Lise Leder]",
        "present: [Kari Nordman, Lise Leder, Per Berg]",
    );
    let dir = year(BOARD, &meetings);
    let json = check_json(dir.path());
    let unknown = findings(&json, "unknown-reference");
    assert_eq!(unknown.len(), 1, "{json:#}");
    assert!(
        unknown[0]["message"]
            .as_str()
            .unwrap()
            .contains("`Kari Nordman` is present at meeting 1/2021"),
        "{json:#}"
    );
    assert_eq!(unknown[0]["file"], "2021/meetings.yaml");
    assert_eq!(unknown[0]["line"], 6);
    let out = pds_in(dir.path(), &["check"]);
    assert!(
        stdout(&out).contains("did you mean `Kari Nordmann`?"),
        "{}",
        stdout(&out)
    );
    // Per Berg is both present and absent.
    let both = findings(&json, "invalid-value");
    assert_eq!(both.len(), 1, "{json:#}");
    assert!(
        both[0]["message"]
            .as_str()
            .unwrap()
            .contains("`Per Berg` is both present at and absent from meeting 1/2021"),
        "{json:#}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn minutes_of_a_meeting_not_yet_held_are_a_draft_in_every_format() {
    let dir = year(BOARD, MEETINGS);
    let md = render(dir.path(), &["minutes", "3/2021"]);
    assert!(md.starts_with("# Protokoll – Utkast\n"), "{md}");
    // It shows what is proposed, not a decision.
    assert!(
        md.contains("**Forslag til vedtak:** Planen vedtas."),
        "{md}"
    );
    let html = render(dir.path(), &["minutes", "3/2021", "--format", "html"]);
    assert!(
        html.contains(r#"<p class="draft-banner" role="note">Utkast</p>"#),
        "{html}"
    );
    assert!(html.contains(".draft-banner {"), "the mark is styled");
    assert!(html.contains("<title>Utkast – Protokoll 3/2021"), "{html}");
    // Held minutes are not a draft.
    let held = render(dir.path(), &["minutes", "1/2021", "--format", "html"]);
    assert!(!held.contains("Utkast"), "{held}");
}

#[test]
fn a_held_meeting_without_decisions_is_a_warning_until_acknowledged() {
    let dir = year(BOARD, MEETINGS);
    let json = check_json(dir.path());
    let missing = findings(&json, "missing-decision");
    assert_eq!(missing.len(), 1, "{json:#}");
    assert_eq!(missing[0]["severity"], "warning");
    assert_eq!(
        missing[0]["message"],
        "meeting 2/2021 was held, but 1 of its cases has no decision: 2/21"
    );
    assert_eq!(missing[0]["line"], 12);
    // Minutes say so, never "Ikke behandlet".
    let minutes = render(dir.path(), &["minutes", "2/2021"]);
    assert!(minutes.contains("Vedtak ikke registrert"), "{minutes}");
    assert!(!minutes.contains("Ikke behandlet"), "{minutes}");
    let out = pds_in(dir.path(), &["check", "--explain", "missing-decision"]);
    assert!(
        stdout(&out).contains("default_decisions"),
        "{}",
        stdout(&out)
    );

    // One entry acknowledges a run of meetings.
    let acknowledged = format!(
        "{BOARD}acknowledged:\n  - finding: missing-decision\n    number: 1/2021\n    through: 3/2021\n    note: Kilden gir ikke vedtakene.\n"
    );
    write(dir.path(), "pds.yaml", &acknowledged);
    let json = check_json(dir.path());
    let missing = findings(&json, "missing-decision");
    assert_eq!(missing[0]["acknowledged"], true, "{json:#}");
    assert_eq!(json["summary"]["warnings"], 0, "{json:#}");
    assert_eq!(json["summary"]["acknowledged"], 1, "{json:#}");
    let out = pds_in(dir.path(), &["check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // A run that ends before the meeting does not cover it.
    write(
        dir.path(),
        "pds.yaml",
        acknowledged.replace("through: 3/2021", "through: 1/2021"),
    );
    let json = check_json(dir.path());
    assert_eq!(
        findings(&json, "missing-decision")[0]["acknowledged"],
        false
    );
    assert_eq!(
        findings(&json, "stale-acknowledgement").len(),
        1,
        "{json:#}"
    );

    // A run must end later in the same year.
    write(
        dir.path(),
        "pds.yaml",
        acknowledged.replace("through: 3/2021", "through: 1/2020"),
    );
    let json = check_json(dir.path());
    let bad = findings(&json, "invalid-value");
    assert!(
        bad[0]["message"]
            .as_str()
            .unwrap()
            .contains("`through: 1/2020` does not end a run that starts at 1/2021"),
        "{json:#}"
    );
}

#[test]
fn an_information_case_takes_the_boards_default_decision() {
    let board =
        format!("{BOARD}default_decisions:\n  Orientering: Saken ble tatt til orientering.\n");
    let dir = year(&board, MEETINGS);
    let json = check_json(dir.path());
    assert!(findings(&json, "missing-decision").is_empty(), "{json:#}");
    let minutes = render(dir.path(), &["minutes", "2/2021"]);
    assert!(
        minutes.contains("**Vedtak:** Saken ble tatt til orientering."),
        "{minutes}"
    );
    // A type the board does not have is refused, with the nearest.
    write(
        dir.path(),
        "pds.yaml",
        format!("{BOARD}default_decisions:\n  Orienterng: Tatt til orientering.\n"),
    );
    let out = pds_in(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("`Orienterng` is not one of the board's case types"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("did you mean `Orientering`?"));
}

#[test]
fn the_decisions_register_lists_every_decided_case_in_number_order() {
    let board =
        format!("{BOARD}default_decisions:\n  Orientering: Saken ble tatt til orientering.\n");
    let dir = year(&board, MEETINGS);
    std::fs::remove_file(dir.path().join("2021/03-21-plan.md")).unwrap();
    write(
        dir.path(),
        "2021/04-21-plan.md",
        "---\nnumber: 4/21\nmeeting: 3/2021\ntitle: Plan\ntype: Beslutning\n---\n",
    );
    write(
        dir.path(),
        "2021/03-21-personal.md",
        "---\nnumber: 3/21\nmeeting: 2/2021\ntitle: Personalsak\ntype: Beslutning\nexempt: Offl. § 13\ndecision: HEMMELIG-VEDTAK\n---\n",
    );
    let md = render(dir.path(), &["decisions", "2021"]);
    assert!(md.starts_with("# Vedtaksprotokoll 2021\n"), "{md}");
    assert!(
        md.contains("| 1/21 | 1/2021 | 10.02.2021 | Budsjett | Budsjettet ble vedtatt. |"),
        "{md}"
    );
    assert!(
        md.contains("| 2/21 | 2/2021 | 10.03.2021 | Status | Saken ble tatt til orientering. |"),
        "{md}"
    );
    assert!(md.contains("HEMMELIG-VEDTAK"), "internal: the decision");
    // In number order; the planned meeting's case has no decision yet.
    let at = |n: &str| md.find(&format!("| {n} |")).unwrap();
    assert!(at("1/21") < at("2/21") && at("2/21") < at("3/21"), "{md}");
    assert!(!md.contains("| 4/21 |"), "{md}");
    // --public: the exempt case was decided, and nothing more.
    for format in ["md", "html"] {
        let public = render(dir.path(), &["decisions", "--public", "--format", format]);
        assert!(!public.contains("HEMMELIG"), "{format}:\n{public}");
        assert!(
            public.contains("Vedtak fattet – unntatt offentlighet (Offl. § 13)"),
            "{format}:\n{public}"
        );
        assert!(public.contains("Budsjettet ble vedtatt."), "{format}");
    }
    // Another year has none.
    let none = render(dir.path(), &["decisions", "2020"]);
    assert!(none.contains("Ingen vedtak registrert"), "{none}");
    // The real record's register names no decision it does not have.
    let out = pds(&["--repo", "cases", "render", "decisions", "2021"]);
    assert!(stdout(&out).contains("Ingen vedtak registrert"));
}

#[test]
fn a_cancelled_meeting_notice_says_so_and_a_proposed_one_is_marked() {
    let dir = year(BOARD, MEETINGS);
    let md = render(dir.path(), &["notice", "4/2021"]);
    assert!(md.starts_with("# Møteinnkalling – AVLYST\n"), "{md}");
    let html = render(dir.path(), &["notice", "4/2021", "--format", "html"]);
    assert!(
        html.contains(r#"<p class="status-banner cancelled" role="note">AVLYST</p>"#),
        "{html}"
    );
    assert!(
        html.contains("<title>Møteinnkalling 4/2021 – AVLYST"),
        "{html}"
    );
    let md = render(dir.path(), &["notice", "5/2021"]);
    assert!(md.contains("**Foreslått møte – ikke bekreftet**"), "{md}");
    let html = render(dir.path(), &["notice", "5/2021", "--format", "html"]);
    assert!(html.contains("status-banner proposed"), "{html}");
    // A planned meeting has neither mark.
    let planned = render(dir.path(), &["notice", "3/2021", "--format", "html"]);
    assert!(!planned.contains("class=\"status-banner"), "{planned}");
    // English words.
    let en = year(&BOARD.replace("language: nb", "language: en"), MEETINGS);
    assert!(render(en.path(), &["notice", "4/2021"]).contains("CANCELLED"));
    // The real record's 8/2021 is proposed, as in the source document.
    let out = pds(&["--repo", "cases", "render", "notice", "8/2021"]);
    assert!(stdout(&out).contains("Foreslått møte"), "{}", stdout(&out));
}

#[test]
fn the_real_records_minutes_of_6_2021_say_what_is_recorded() {
    let out = pds(&["--repo", "cases", "render", "minutes", "6/2021"]);
    let text = stdout(&out);
    assert!(text.contains("Oppmøte ikke registrert"), "{text}");
    assert_eq!(text.matches("Vedtak ikke registrert").count(), 7, "{text}");
    for invented in ["Ikke behandlet", "Ole Johan Kvan", "Lucie Aunan", "Utkast"] {
        assert!(!text.contains(invented), "{invented}:\n{text}");
    }
    let out = pds(&["--repo", "cases", "check", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

/// What Python's `icalendar` reads in an .ics, as JSON; `None` where it is
/// not installed (then the test says what it skipped, and fails on CI).
fn icalendar(ics: &str) -> Option<serde_json::Value> {
    let script = r#"
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
event = cal.walk("VEVENT")[0]
zones = [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")]
def when(name):
    v = event.get(name)
    if v is None:
        return None
    d = v.dt
    out = {"value": d.isoformat(), "params": dict(v.params)}
    if hasattr(d, "utcoffset") and d.utcoffset() is not None:
        out["utc"] = d.astimezone(__import__("datetime").timezone.utc).isoformat()
    return out
attendees = event.get("ATTENDEE") or []
if not isinstance(attendees, list):
    attendees = [attendees]
print(json.dumps({
    "prodid": str(cal.get("PRODID")),
    "zones": zones,
    "start": when("DTSTART"),
    "end": when("DTEND"),
    "sequence": int(event.get("SEQUENCE")),
    "status": str(event.get("STATUS")),
    "organizer": str(event.get("ORGANIZER")) if event.get("ORGANIZER") else None,
    "attendees": [[str(a), a.params.get("PARTSTAT")] for a in attendees],
}))
"#;
    if !tool_or_skip(
        python_has("icalendar"),
        "python3 with icalendar",
        "the invitation was not read by an independent parser",
    ) {
        return None;
    }
    use std::io::Write;
    let mut child = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "icalendar refused:\n{ics}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn an_invitation_has_its_time_zone_mailto_people_and_a_real_all_day_end() {
    let dir = year(BOARD, MEETINGS);
    let ics = render(dir.path(), &["invite", "1/2021"]);
    assert!(
        ics.contains("\r\nDTSTART;TZID=Europe/Oslo:20210210T100000\r\n"),
        "{ics}"
    );
    assert!(ics.contains(&format!(
        "\r\nPRODID:-//pds//pds {}//NB\r\n",
        env!("CARGO_PKG_VERSION")
    )));
    // Without git: SEQUENCE 0.
    assert!(ics.contains("\r\nSEQUENCE:0\r\n"), "{ics}");
    // Ola has no e-mail: named in the description, not an attendee.
    assert!(!ics.contains("urn:"), "{ics}");
    assert!(ics.replace("\r\n ", "").contains("Ola Hansen\\, Org B"));
    if let Some(cal) = icalendar(&ics) {
        assert_eq!(cal["zones"], serde_json::json!(["Europe/Oslo"]), "{cal:#}");
        assert_eq!(cal["start"]["params"]["TZID"], "Europe/Oslo", "{cal:#}");
        // 10:00 in Oslo in February is 09:00 UTC, by the VTIMEZONE's rules.
        assert_eq!(cal["start"]["utc"], "2021-02-10T09:00:00+00:00", "{cal:#}");
        assert_eq!(cal["end"]["utc"], "2021-02-10T11:00:00+00:00", "{cal:#}");
        assert_eq!(cal["organizer"], "mailto:lise@example.org", "{cal:#}");
        assert_eq!(
            cal["attendees"],
            serde_json::json!([
                ["mailto:kari@example.org", "NEEDS-ACTION"],
                ["mailto:per@example.org", "DECLINED"]
            ]),
            "{cal:#}"
        );
        assert_eq!(cal["status"], "CONFIRMED");
    }
    // Summer time: 13:00 in June is 11:00 UTC.
    let ics = render(dir.path(), &["invite", "3/2021"]);
    if let Some(cal) = icalendar(&ics) {
        assert_eq!(cal["start"]["utc"], "2021-06-10T11:00:00+00:00", "{cal:#}");
    }
    // All day: DTEND is the next day.
    let ics = render(dir.path(), &["invite", "2/2021"]);
    assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20210310\r\n"), "{ics}");
    assert!(ics.contains("\r\nDTEND;VALUE=DATE:20210311\r\n"), "{ics}");
    if let Some(cal) = icalendar(&ics) {
        assert_eq!(cal["start"]["value"], "2021-03-10", "{cal:#}");
        assert_eq!(cal["end"]["value"], "2021-03-11", "{cal:#}");
    }
    // The life of the meeting.
    let ics = render(dir.path(), &["invite", "4/2021"]);
    assert!(ics.contains("\r\nSTATUS:CANCELLED\r\n"), "{ics}");
    let ics = render(dir.path(), &["invite", "5/2021"]);
    assert!(ics.contains("\r\nSTATUS:TENTATIVE\r\n"), "{ics}");
}

#[test]
fn another_time_zone_is_written_with_its_rules_and_an_unknown_one_refused() {
    let dir = year(&format!("{BOARD}timezone: Europe/London\n"), MEETINGS);
    let ics = render(dir.path(), &["invite", "3/2021"]);
    assert!(
        ics.contains("\r\nDTSTART;TZID=Europe/London:20210610T130000\r\n"),
        "{ics}"
    );
    if let Some(cal) = icalendar(&ics) {
        assert_eq!(cal["zones"], serde_json::json!(["Europe/London"]));
        assert_eq!(cal["start"]["utc"], "2021-06-10T12:00:00+00:00", "{cal:#}");
    }
    let dir = year(&format!("{BOARD}timezone: UTC\n"), MEETINGS);
    let ics = render(dir.path(), &["invite", "3/2021"]);
    assert!(ics.contains("\r\nDTSTART:20210610T130000Z\r\n"), "{ics}");
    assert!(!ics.contains("VTIMEZONE"), "{ics}");
    let dir = year(&format!("{BOARD}timezone: Europe/Olso\n"), MEETINGS);
    let out = pds_in(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("did you mean `Europe/Oslo`?"),
        "{}",
        stdout(&out)
    );
    // A bad e-mail address never reaches an invitation.
    let dir = year(
        &BOARD.replace("kari@example.org", "\"kari@example.org\\r\\nX-EVIL:1\""),
        MEETINGS,
    );
    let out = pds_in(dir.path(), &["check"]);
    assert!(
        stdout(&out).contains("is not an e-mail address"),
        "{}",
        stdout(&out)
    );
    let ics = render(dir.path(), &["invite", "1/2021"]);
    assert!(!ics.contains("X-EVIL:1\r\n"), "{ics}");
}

#[test]
fn the_sequence_grows_when_date_time_or_place_change_in_git() {
    let dir = year(BOARD, MEETINGS);
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);
    let sequence = |m: &str| {
        let ics = render(root, &["invite", m]);
        let line = ics.lines().find(|l| l.starts_with("SEQUENCE:")).unwrap();
        line.trim_end().to_string()
    };
    assert_eq!(sequence("3/2021"), "SEQUENCE:0");
    // Another meeting's change and a change of status that leaves the
    // calendar's STATUS as it was (planned and held are both CONFIRMED)
    // leave 3/2021 as it was.
    let edit = |from: &str, to: &str, message: &str| {
        let text = std::fs::read_to_string(root.join("2021/meetings.yaml")).unwrap();
        assert!(text.contains(from), "{from}");
        write(root, "2021/meetings.yaml", text.replacen(from, to, 1));
        git(root, &["commit", "-q", "-am", message]);
    };
    edit("date: 2021-09-10", "date: 2021-09-11", "move 4");
    edit("status: planned", "status: held", "status of 3");
    assert_eq!(sequence("3/2021"), "SEQUENCE:0");
    edit(
        "time: \"13:00-15:00\"",
        "time: \"14:00-16:00\"",
        "time of 3",
    );
    assert_eq!(sequence("3/2021"), "SEQUENCE:1");
    edit("place: Møterom 2", "place: Møterom 3", "place of 3");
    edit("date: 2021-06-10", "date: 2021-06-11", "date of 3");
    assert_eq!(sequence("3/2021"), "SEQUENCE:3");
    assert_eq!(sequence("4/2021"), "SEQUENCE:1");
    // A move made on a branch and merged counts once.
    let main = git(root, &["rev-parse", "--abbrev-ref", "HEAD"]);
    git(root, &["checkout", "-q", "-b", "move"]);
    edit("time: \"14:00-16:00\"", "time: \"15:00-17:00\"", "later");
    git(root, &["checkout", "-q", main.trim()]);
    git(root, &["merge", "-q", "--no-ff", "-m", "merge", "move"]);
    assert_eq!(sequence("3/2021"), "SEQUENCE:4");
    // An uncommitted move counts too: the invitation rendered now is newer.
    let text = std::fs::read_to_string(root.join("2021/meetings.yaml")).unwrap();
    write(
        root,
        "2021/meetings.yaml",
        text.replace("place: Møterom 3", "place: Møterom 4"),
    );
    assert_eq!(sequence("3/2021"), "SEQUENCE:5");
    if let Some(cal) = icalendar(&render(root, &["invite", "3/2021"])) {
        assert_eq!(cal["sequence"], 5);
    }
}

#[test]
fn nynorsk_minutes_say_what_is_not_recorded_in_nynorsk() {
    let dir = year(&BOARD.replace("language: nb", "language: nn"), MEETINGS);
    let minutes = render(dir.path(), &["minutes", "2/2021"]);
    assert!(minutes.contains("Oppmøte ikkje registrert"), "{minutes}");
    assert!(minutes.contains("Vedtak ikkje registrert"), "{minutes}");
    assert!(!minutes.contains("handsama"), "{minutes}");
    let register = render(dir.path(), &["decisions"]);
    assert!(register.starts_with("# Vedtaksprotokoll\n"), "{register}");
    let ics = render(dir.path(), &["invite", "1/2021"]);
    assert!(ics.contains("//NN\r\n"), "{ics}");
}
