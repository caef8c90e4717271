//! Site benchmark: how long `pds site` takes for the real record (`cases/`,
//! goal under 2 s) and for a generated record of 10,000 cases (goal under
//! 30 s: issue 15). Best of three runs for the real record, of two for the
//! large one; wall time, warm cache.
//!
//! `cargo bench --bench site`; `cargo bench --bench site -- 20000` for other sizes.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark that cannot run should stop loudly"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A record of `cases` cases: 1,000 a year, 40 to a held meeting, each a
/// decided case with a ~1 KB body (standing items first and last).
fn generate(root: &Path, cases: u32) {
    if root.join("pds.yaml").exists() {
        return;
    }
    std::fs::create_dir_all(root).unwrap();
    std::fs::write(
        root.join("pds.yaml"),
        "board: Benchmark board\nchair: { name: Chair, org: Org }\nmembers:\n  - { name: A, org: B }\nstanding_items: { first: Godkjenning, last: Eventuelt }\n",
    )
    .unwrap();
    let words = [
        "programstyret",
        "leveranse",
        "samhandling",
        "NILAR",
        "kostnader",
        "sektor",
    ];
    let (per_year, per_meeting) = (1000, 40);
    let mut made = 0;
    for year in 2000u32.. {
        if made == cases {
            break;
        }
        let dir = root.join(year.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        let mut meetings = String::new();
        for m in 1..=per_year / per_meeting {
            let (month, day) = (1 + (m - 1) / 3, 1 + ((m - 1) % 3) * 9);
            writeln!(
                meetings,
                "- number: {m}/{year}\n  date: {year}-{month:02}-{day:02}\n  status: held"
            )
            .unwrap();
        }
        std::fs::write(dir.join("meetings.yaml"), meetings).unwrap();
        for n in 1..=per_year {
            if made == cases {
                break;
            }
            made += 1;
            let title = match (n - 1) % per_meeting {
                0 => "Godkjenning av innkalling".to_string(),
                p if p == per_meeting - 1 => "Eventuelt".to_string(),
                _ => format!("Sak nummer {n} om samhandling"),
            };
            let mut body = String::from("## Hensikt med saken\n\n");
            let mut i: u32 = n * 7919 + year;
            while body.len() < 1000 {
                i = i.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                body.push_str(words.get((i >> 16) as usize % words.len()).unwrap());
                body.push(' ');
            }
            std::fs::write(
                dir.join(format!("{n:02}-{:02}-sak-{n}.md", year % 100)),
                format!(
                    "---\nnumber: {n}/{:02}\nmeeting: {}/{year}\ntitle: {title}\ntype: Drøfting\nstatus: decided\ndecision: Vedtatt som foreslått.\n---\n{body}\n",
                    year % 100,
                    (n - 1) / per_meeting + 1
                ),
            )
            .unwrap();
        }
    }
}

/// Best wall time of `runs` runs of `pds site`.
fn measure(repo: &Path, out: &Path, runs: u32) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_pds"))
            .arg("--repo")
            .arg(repo)
            .arg("site")
            .arg("-o")
            .arg(out)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "pds site failed: {status}");
        best = best.min(start.elapsed());
    }
    best
}

fn main() {
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("site-bench");
    std::fs::create_dir_all(&base).unwrap();
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let real = measure(&cases, &base.join("site-cases"), 3);
    println!(
        "pds site, real record (cases/): {:.2} s (goal < 2 s)",
        real.as_secs_f64()
    );
    let requested: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    for n in if requested.is_empty() {
        vec![10_000]
    } else {
        requested
    } {
        let root = base.join(format!("record-{n}"));
        generate(&root, n);
        let took = measure(&root, &base.join(format!("site-{n}")), 2);
        let pages = walkdir::WalkDir::new(base.join(format!("site-{n}")))
            .into_iter()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .count();
        println!(
            "pds site, {n} generated cases: {:.2} s for {pages} pages (goal < 30 s)",
            took.as_secs_f64()
        );
    }
}
