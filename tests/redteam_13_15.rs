//! Red-team regressions for issues 13 (PDF), 14 (archive) and 15 (site and
//! serve): what a hostile user or a newcomer found broken, each pinned by
//! what the user notices.

mod common;
use common::*;
use std::path::Path;
use std::time::Duration;

/// A small board with one held meeting, two cases (one exempt) and a
/// planned meeting; `board` is its name as written in pds.yaml.
fn small_record(board: &str) -> tempfile::TempDir {
    Record::new()
        .file(
            "pds.yaml",
            format!("board: \"{board}\"\nsecretariat: Sekretariatet\nchair: {{ name: Leder, org: Org }}\nmembers:\n  - {{ name: Medlem, org: Org }}\n  - {{ name: Annen, org: Org }}\n"),
        )
        .file(
            "2021/meetings.yaml",
            "- number: 1/2021\n  date: 2021-03-01\n  place: Oslo\n  status: held\n  present: [Leder, Medlem, Annen]\n  minute_taker: Sekretær\n\
             - number: 2/2021\n  date: 2021-06-01\n  status: planned\n",
        )
        .file(
            "2021/01-21-personalsak.md",
            "---\nnumber: 1/21\nmeeting: 1/2021\ntitle: Personalsak\ntype: Beslutning\n\
             status: decided\nexempt: Offl. § 13\ndecision: Vedtatt\n---\nDet interne saksfremlegget.\n",
        )
        .file(
            "2021/02-21-status.md",
            "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Status\ntype: Orientering\n\
             status: decided\ndecision: Tatt til orientering\n---\nÅpent saksfremlegg.\n",
        )
        .build()
}

/// `pds archive` in `dir`, given the time a few PDFs take.
fn archive(dir: &Path, args: &[&str]) -> std::process::Output {
    output_within(
        pds_command(dir).arg("archive").args(args),
        Duration::from_secs(300),
    )
}

/// A document of the extraction replaced by a link to `/dev/zero` made
/// `--check` read forever until the machine killed it; a link to a file
/// outside was hashed as if it were deposited. Links and folders through
/// links are findings now, and nothing behind them is read.
#[cfg(unix)]
#[test]
fn check_does_not_follow_a_link_inside_the_extraction() {
    let record = small_record("Styret");
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("deposit");
    let made = archive(record.path(), &["-o", dir.to_str().unwrap()]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let ok = archive(record.path(), &["--check", dir.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));

    let copy = out.path().join("elsewhere");
    // The deposited documents, copied as they are (not a record).
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .arg(dir.join("dokumenter"))
        .arg(&copy)
        .status()
        .unwrap();
    assert!(copied.success());
    let doc = dir.join("dokumenter/2021/saker/02-21-status.pdf");
    std::fs::remove_file(&doc).unwrap();
    link(&dir, "dokumenter/2021/saker/02-21-status.pdf", "/dev/zero");
    let checked = output_within(
        pds_command(record.path())
            .args(["archive", "--check"])
            .arg(&dir),
        Duration::from_secs(20),
    );
    assert_eq!(checked.status.code(), Some(1), "{}", stdout(&checked));
    assert!(
        stdout(&checked).contains("02-21-status.pdf: is a symbolic link"),
        "{}",
        stdout(&checked)
    );

    // The whole documents folder a link to a copy elsewhere: not read either.
    std::fs::remove_dir_all(dir.join("dokumenter")).unwrap();
    link(&dir, "dokumenter", &copy);
    let checked = archive(record.path(), &["--check", dir.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(1), "{}", stdout(&checked));
    assert!(
        stdout(&checked)
            .contains("01-21-personalsak.pdf: is a symbolic link (or lies in a linked folder)"),
        "{}",
        stdout(&checked)
    );
}

/// A file put into the extraction after the deposit (beside
/// arkivstruktur.xml) passed `--check`: arkivuttrekk.xml describes every
/// file, so one it does not describe is a finding.
#[test]
fn check_names_a_file_the_extraction_does_not_describe() {
    let record = small_record("Styret");
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("deposit");
    let made = archive(record.path(), &["-o", dir.to_str().unwrap()]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    write(&dir, "notes.txt", "added later\n");
    let checked = archive(record.path(), &["--check", dir.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(1), "{}", stdout(&checked));
    assert!(
        stdout(&checked).contains("notes.txt: arkivuttrekk.xml does not describe it"),
        "{}",
        stdout(&checked)
    );
    assert!(
        stdout(&checked).contains("1 problem in"),
        "only the added file: {}",
        stdout(&checked)
    );
}

/// A board, place or title with an emoji (no built-in font has one) stopped
/// every PDF of the record, and so the whole archive, with exit 2 ("PDF/A-2b
/// error: the text could not be displayed"): a value the template prints
/// (the running header's board) was not named as the Markdown's are.
#[test]
fn an_emoji_in_the_board_name_is_named_in_the_pdf_not_a_failure() {
    let record = small_record("Styret 🎉");
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("pack.pdf");
    let printed = pds_in(
        record.path(),
        &[
            "render",
            "pack",
            "1/2021",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(printed.status.code(), Some(0), "{}", stderr(&printed));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let dir = out.path().join("deposit");
    let made = archive(record.path(), &["-o", dir.to_str().unwrap()]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
}

/// A pasted 17,000-character URL stopped the case's PDF ("a PDF string is
/// longer than 32767 characters"), and with it the pack and the archive; a
/// link to a 9,000-character address stopped it too ("URL is too long").
/// The long run is broken across lines, the long link printed unlinked.
#[test]
fn a_very_long_word_or_link_prints_instead_of_failing_the_pdf() {
    let record = small_record("Styret");
    write(
        record.path(),
        "2021/02-21-status.md",
        format!(
            "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Status\ntype: Orientering\n\
             status: decided\ndecision: Tatt til orientering\n---\nSee https://example.org/?q={}\n\n\
             [the report](https://example.org/{})\n",
            "x".repeat(17_000),
            "y".repeat(9_000)
        ),
    );
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("case.pdf");
    let printed = pds_in(
        record.path(),
        &[
            "render",
            "case",
            "2/21",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(printed.status.code(), Some(0), "{}", stderr(&printed));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

/// A newcomer's record with no meeting yet could not print its first draft
/// ("PDF/A-2b error: missing document date"), nor could any record with a
/// `SOURCE_DATE_EPOCH` past the year 9999: PDF/A needs a date, and there was
/// none. The record's date is used then, or a fixed one, never the clock.
#[test]
fn a_draft_prints_in_a_record_with_no_meeting_and_a_wild_source_date_epoch_is_ignored() {
    let record = Record::new()
        .file("pds.yaml", "board: Styret\n")
        .file(
            "drafts/utkast.md",
            "---\ntitle: Utkast\ntype: Orientering\n---\nTekst.\n",
        )
        .build();
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("draft.pdf");
    let args = [
        "render",
        "case",
        "drafts/utkast.md",
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ];
    let first = pds_in(record.path(), &args);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let bytes = std::fs::read(&pdf).unwrap();
    std::fs::remove_file(&pdf).unwrap();
    let again = pds_in(record.path(), &args);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes, "the same bytes again");

    let small = small_record("Styret");
    let case = out.path().join("case.pdf");
    let wild = output_within(
        pds_command(small.path())
            .env("SOURCE_DATE_EPOCH", "99999999999999")
            .args(["render", "case", "1/21", "--format", "pdf", "-o"])
            .arg(&case),
        HANG,
    );
    assert_eq!(wild.status.code(), Some(0), "{}", stderr(&wild));
}

/// One broken picture (a PNG cut short, a GIF named .jpg) stopped the whole
/// PDF with "failed to decode image … (line 51 of the filled page)", naming
/// neither the picture nor the case, and so the pack and the archive. It is
/// left out with a warning naming it, as a picture outside the record is.
#[test]
fn a_broken_picture_is_left_out_with_a_warning_not_a_failed_pdf() {
    let record = small_record("Styret");
    write(record.path(), "2021/cut.png", b"\x89PNG\r\n\x1a\ncut short");
    write(record.path(), "2021/photo.jpg", b"GIF89a not a jpeg");
    write(
        record.path(),
        "2021/02-21-status.md",
        "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Status\ntype: Orientering\n\
         status: decided\ndecision: Tatt til orientering\n---\n![chart](cut.png)\n\n![photo](photo.jpg)\n",
    );
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("pack.pdf");
    let printed = pds_in(
        record.path(),
        &[
            "render",
            "pack",
            "1/2021",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(printed.status.code(), Some(0), "{}", stderr(&printed));
    for picture in ["cut.png", "photo.jpg"] {
        assert!(
            stderr(&printed).contains(&format!(
                "02-21-status.md: picture {picture} cannot be read"
            )),
            "{}",
            stderr(&printed)
        );
    }
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

/// A 2.6 MB PNG of 30,000 × 30,000 pixels (a decompression bomb) took
/// 2.7 GB of memory and 45 s to print; a picture whose header says more than
/// 100 million pixels is left out, named, before it is decoded.
#[test]
fn a_picture_of_too_many_pixels_is_left_out_before_it_is_decoded() {
    let record = small_record("Styret");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&30_000u32.to_be_bytes());
    png.extend_from_slice(&30_000u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    write(record.path(), "2021/huge.png", &png);
    write(
        record.path(),
        "2021/02-21-status.md",
        "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Status\ntype: Orientering\n\
         status: decided\ndecision: Tatt til orientering\n---\n![map](huge.png)\n",
    );
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("case.pdf");
    let printed = pds_in(
        record.path(),
        &[
            "render",
            "case",
            "2/21",
            "--format",
            "pdf",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(printed.status.code(), Some(0), "{}", stderr(&printed));
    assert!(
        stderr(&printed).contains("picture huge.png has 900 million pixels"),
        "{}",
        stderr(&printed)
    );
}

/// A table cell taller than a page was cut off in the PDF without a word
/// (every cell was kept on one page, for the agenda's rows): the words at its
/// end were lost. A cell too long for one page may now split; every word
/// reaches the page.
#[test]
fn a_table_cell_taller_than_a_page_loses_no_words_in_the_pdf() {
    if !tool_or_skip(on_path("pdftotext"), "pdftotext", "the PDF was not read") {
        return;
    }
    let record = small_record("Styret");
    let long: Vec<String> = (0..2000).map(|i| format!("ord{i}")).collect();
    write(
        record.path(),
        "2021/02-21-status.md",
        format!(
            "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Status\ntype: Orientering\n\
             status: decided\ndecision: Tatt til orientering\n---\n\
             | a | b |\n|---|---|\n| kort | {} SLUTTORD |\n",
            long.join(" ")
        ),
    );
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("case.pdf");
    let printed = pds_in(
        record.path(),
        &["render", "case", "2/21", "-o", pdf.to_str().unwrap()],
    );
    assert_eq!(printed.status.code(), Some(0), "{}", stderr(&printed));
    // Only what lies on the A4 page (595 × 842 pt): text pushed below the
    // page's foot is in the file but no one sees it.
    let text = std::process::Command::new("pdftotext")
        .args(["-x", "0", "-y", "0", "-W", "595", "-H", "842"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("ord1999"),
        "the cell's last words are missing"
    );
    assert!(text.contains("SLUTTORD"), "the cell's last word is missing");
}

/// `exempt: true` (a yes where the legal basis belongs) was accepted, and the
/// deposit and the public documents printed "Unntatt offentlighet (true)". It
/// is a finding now, like an empty basis; the case stays exempt.
#[test]
fn exempt_true_names_no_legal_basis_and_is_a_finding() {
    for value in ["true", "yes", "Nei"] {
        let record = small_record("Styret");
        write(
            record.path(),
            "2021/02-21-status.md",
            format!(
                "---\nnumber: 2/21\nmeeting: 1/2021\ntitle: Status\ntype: Orientering\n\
                 exempt: {value}\nstatus: decided\ndecision: Tatt til orientering\n---\nTekst.\n"
            ),
        );
        let out = pds_in(record.path(), &["check"]);
        assert_eq!(out.status.code(), Some(1), "{value}: {}", stdout(&out));
        assert!(
            stdout(&out).contains("names no legal basis"),
            "{value}: {}",
            stdout(&out)
        );
        // Nothing is published while it stands: --public refuses the record.
        let public = pds_in(record.path(), &["render", "minutes", "1/2021", "--public"]);
        assert_eq!(
            public.status.code(),
            Some(1),
            "{value}: {}",
            stdout(&public)
        );
        assert!(
            !stdout(&public).contains("Tatt til orientering"),
            "{value}: {}",
            stdout(&public)
        );
    }
}
