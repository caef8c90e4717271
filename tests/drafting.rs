//! Drafting a case in git (issue 11): `render case` of a number two cases
//! carry.

mod common;
use common::*;

#[test]
fn render_case_of_a_number_two_cases_carry_names_both_and_writes_nothing() {
    let dir = Record::new().copy("cases", "cases").build();
    let d = dir.path().join("cases");
    let before = snapshot(dir.path()).unwrap();
    for args in [
        &["render", "case", "5/21"][..],
        &["render", "case", "5/21", "--format", "html"],
        &["render", "case", "5/21", "-o", "../out.md"],
    ] {
        let out = pds_in(&d, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        let err = stderr(&out);
        for file in [
            "2021/05-21-kommunikasjonsstrategi.md",
            "2021/05-21-plan-for-prosjektene-tillitstjenester-api-og-grunndata-og.md",
        ] {
            assert!(err.contains(file), "{args:?}: {err}");
        }
        assert!(err.contains("pds render pack 1/2021"), "{err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(snapshot(dir.path()).unwrap(), before, "{args:?} wrote");
    }
    // Other documents of the same record still render.
    for args in [
        &["render", "pack", "7/2021"][..],
        &["render", "case", "4/21"],
    ] {
        let out = pds_in(&d, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}
