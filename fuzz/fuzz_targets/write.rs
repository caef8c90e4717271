//! The write path's edits and verification: `new meeting` on any
//! meetings.yaml and `schedule` on any draft, as the commands run them.
//! Asserts: no panic; what the verification accepts parses to the old values
//! plus exactly the change; and a file that loads cleanly is never refused.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pds::load::{load_file, FileKind};
use pds::model::{CaseNumber, Date, MeetingNumber, TimeSpan};
use pds::write::edit::{add_meeting, schedule, NewMeeting};
use pds::write::verify::{verify, Intent};
use pds::yaml::{self, NodeKind};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let types: Vec<String> = pds::model::board::DEFAULT_CASE_TYPES
        .iter()
        .map(|s| s.to_string())
        .collect();
    if mode % 2 == 0 {
        // The place: the text's last line, control characters and all.
        let place = text.rsplit('\n').next().unwrap_or("").to_string();
        let meeting = NewMeeting {
            number: MeetingNumber::new(9, 2021),
            date: Date::parse("2021-12-31").unwrap(),
            time: TimeSpan::parse("13:00-15:00"),
            place: Some(place.clone()),
            extraordinary: mode % 4 == 0,
        };
        let old_items = yaml::parse(text.strip_prefix('\u{feff}').unwrap_or(&text))
            .ok()
            .map(|n| n.as_seq().map_or(0, <[_]>::len));
        let (loaded, found) =
            load_file("2021/meetings.yaml", text.clone(), FileKind::Meetings, &types);
        let clean = loaded && found.is_empty();
        let root_ok = yaml::parse(text.strip_prefix('\u{feff}').unwrap_or(&text))
            .is_ok_and(|n| n.is_null() || n.as_seq().is_some());
        let result = add_meeting(Some(&text), &meeting).and_then(|(new, values)| {
            let intent = Intent {
                kind: FileKind::Meetings,
                case_types: &types,
                old: Some(&text),
                values,
                body: None,
                numbers_as_values: false,
            };
            verify("2021/meetings.yaml", &new, &intent).map(|()| new)
        });
        match result {
            Ok(new) => {
                let tree = yaml::parse(new.strip_prefix('\u{feff}').unwrap_or(&new)).unwrap();
                let items = tree.as_seq().unwrap();
                assert_eq!(Some(items.len() - 1), old_items, "{new:?}");
                let last = items.last().unwrap().as_map().unwrap();
                let got = last
                    .iter()
                    .find(|(k, _)| k.kind == NodeKind::Str("place".into()))
                    .map(|(_, v)| v.kind.clone());
                assert_eq!(got, Some(NodeKind::Str(place)), "{new:?}");
            }
            Err(why) => assert!(
                !(clean && root_ok),
                "a meetings.yaml that loads cleanly was refused: {why}\n{text:?}"
            ),
        }
    } else {
        // What `pds schedule` takes: a draft (no number) of a known type,
        // here one that loads without a finding.
        let file = pds::source::SourceFile::new("drafts/x.md", "drafts/x.md", text.clone());
        let mut found = pds::check::finding::Findings::default();
        let clean = pds::load::case::parse(&file, &types, &mut found).is_some_and(|c| {
            c.number.is_none() && !matches!(c.kind, pds::model::CaseKind::Unknown)
        }) && found.is_empty();
        let result = schedule(&text, CaseNumber::new(48, 21), MeetingNumber::new(8, 2021))
            .and_then(|s| {
                let intent = Intent {
                    kind: FileKind::Case,
                    case_types: &types,
                    old: Some(&text),
                    values: s.values,
                    body: Some(s.body),
                    numbers_as_values: false,
                };
                verify("2021/48-21-x.md", &s.text, &intent).map(|()| s.text)
            });
        match result {
            Ok(new) => {
                let (loaded, _) = load_file("2021/48-21-x.md", new, FileKind::Case, &types);
                assert!(loaded);
            }
            Err(why) => assert!(
                !clean,
                "a draft that loads cleanly was refused: {why}\n{text:?}"
            ),
        }
    }
});
