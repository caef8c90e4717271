//! Issue 11, item 1: `pds render case <DRAFT>` renders a draft (by its name
//! in drafts/ or by path) in every format, marked as a draft with "no number
//! yet" where its number would stand; a numbered case renders by its path
//! too, which is how one of two cases that share a number is rendered.

mod common;
use common::*;

const DRAFT: &str = "drafts/digital-strategy.md";

#[test]
fn a_draft_renders_by_its_name_marked_as_a_draft() {
    let rec = Record::copy_of(EN_BOARD).build();
    let d = rec.path();
    let out = pds_in(d, &["render", "case", "digital-strategy"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Draft: Digital strategy"), "{md}");
    assert!(md.contains("**Draft** (no number yet)"), "{md}");
    assert!(md.contains("| **Case** | *no number yet* |"), "{md}");

    let out = pds_in(
        d,
        &["render", "case", "digital-strategy", "--format", "html"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(
        html.contains(r#"<p class="draft-banner" role="note">Draft – no number yet</p>"#),
        "{html}"
    );
    assert!(
        html.contains(".draft-banner {"),
        "the banner is styled: {html}"
    );
    assert!(html.contains("<title>Draft Digital strategy"), "{html}");
}

#[test]
fn a_draft_renders_by_path_from_here_from_the_root_and_absolute() {
    let rec = Record::copy_of(EN_BOARD).build();
    let d = rec.path();
    let absolute = d.join(DRAFT);
    let absolute = absolute.to_str().unwrap();
    for (dir, arg) in [
        (d.to_path_buf(), DRAFT),
        (d.join("drafts"), "digital-strategy.md"),
        (d.join("2022"), DRAFT),
        (d.join("2022"), absolute),
    ] {
        let out = pds_in(&dir, &["render", "case", arg]);
        assert_eq!(out.status.code(), Some(0), "{arg}: {}", stderr(&out));
        assert!(stdout(&out).contains("no number yet"), "{arg}");
    }
}

#[test]
fn a_norwegian_draft_is_marked_utkast_in_every_format() {
    let rec = Record::copy_of("cases").build();
    let d = rec.path();
    let out = pds_in(d, &["new", "case", "--title", "Budsjett 2022"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = pds_in(d, &["render", "case", "budsjett-2022"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("**Utkast** (ikke nummerert ennå)"), "{md}");
    let target = tempfile::tempdir().unwrap();
    let html = target.path().join("utkast.html");
    let out = pds_in(
        d,
        &[
            "render",
            "case",
            "budsjett-2022",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(
        html.contains("draft-banner") && html.contains("Utkast"),
        "{html}"
    );
    // PDF: the same page, printed; refused before any work without -o.
    let out = pds_in(d, &["render", "case", "budsjett-2022", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("-o FILE"), "{}", stderr(&out));
}

#[test]
fn one_of_two_cases_sharing_a_number_renders_by_its_path() {
    let rec = Record::copy_of("cases").build();
    let d = rec.path();
    let out = pds_in(d, &["render", "case", "5/21"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Render one by its path"),
        "{}",
        stderr(&out)
    );
    let out = pds_in(
        d,
        &["render", "case", "2021/05-21-kommunikasjonsstrategi.md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# 5/21 Kommunikasjonsstrategi"), "{md}");
    assert!(!md.contains("Utkast"), "a numbered case is no draft: {md}");
}

#[test]
fn a_number_keeps_its_messages_and_an_unknown_draft_lists_the_drafts() {
    let rec = Record::copy_of(EN_BOARD).build();
    let d = rec.path();
    let out = pds_in(d, &["render", "case", "2/2022"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`2/2022` is not a case number"),
        "{}",
        stderr(&out)
    );
    let out = pds_in(d, &["render", "case", "no-such-draft"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains(DRAFT), "{}", stderr(&out));
}
