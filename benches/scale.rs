//! Scale benchmark: generated records of 10k–100k cases (25 meetings a year,
//! ~1 KB bodies). Prints wall time (best of 3, warm cache) of `cat` over the
//! files, `pds check`, and `pds render notice`, and peak memory of pds.
//!
//! `cargo bench` runs all sizes; `cargo bench -- 10000` only the given ones.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark that cannot run should stop loudly"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MEETINGS_PER_YEAR: u32 = 25;
const CASES_PER_YEAR: u32 = 1000;

fn body(seed: u32) -> String {
    let words = [
        "programstyret",
        "tilslutning",
        "leveranse",
        "styringsdokument",
        "samhandling",
        "prosjekt",
        "NILAR",
        "forvaltning",
        "kostnader",
        "gjennomføring",
        "sektor",
        "kjernejournal",
    ];
    let mut s = String::from("## Hensikt med saken\n\n");
    let mut i = seed;
    while s.len() < 1000 {
        i = i.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        s.push_str(words[(i >> 16) as usize % words.len()]);
        s.push(if i.is_multiple_of(13) { '\n' } else { ' ' });
    }
    s.push('\n');
    s
}

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
    let years = cases.div_ceil(CASES_PER_YEAR);
    let per_meeting = CASES_PER_YEAR / MEETINGS_PER_YEAR;
    let mut made = 0;
    for y in 0..years {
        let year = 2000 + y;
        let dir = root.join(year.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        let mut meetings = String::new();
        for m in 1..=MEETINGS_PER_YEAR {
            let month = 1 + (m - 1) / 3;
            let day = 1 + ((m - 1) % 3) * 9;
            writeln!(meetings, "- number: {m}/{year}\n  date: {year}-{month:02}-{day:02}\n  time: \"13:00-15:00\"\n  place: Møterom\n  status: held").unwrap();
        }
        std::fs::write(dir.join("meetings.yaml"), meetings).unwrap();
        for n in 1..=CASES_PER_YEAR {
            if made == cases {
                break;
            }
            made += 1;
            let meeting = (n - 1) / per_meeting + 1;
            let pos = (n - 1) % per_meeting;
            let title = match pos {
                0 => "Godkjenning av innkalling".to_string(),
                p if p == per_meeting - 1 => "Eventuelt".to_string(),
                _ => format!("Sak nummer {n} om samhandling"),
            };
            let text = format!(
                "---\nnumber: {n}/{yy:02}\nmeeting: {meeting}/{year}\ntitle: {title}\ntype: Drøfting\ndescription: Beskrivelse av sak {n}\nstatus: decided\n---\n{}",
                body(n + y * 7919),
                yy = year % 100
            );
            std::fs::write(
                dir.join(format!("{n:02}-{:02}-sak-{n}.md", year % 100)),
                text,
            )
            .unwrap();
        }
    }
}

/// Best wall time of three runs, and the peak RSS (KiB) GNU time reports, if present.
fn measure(program: &str, args: &[&str]) -> (Duration, Option<u64>) {
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let status = Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(
            status.code().is_some_and(|c| c <= 1),
            "{program} {args:?} failed: {status}"
        );
        best = best.min(start.elapsed());
    }
    let rss = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse().ok())
        });
    (best, rss)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let pds = env!("CARGO_BIN_EXE_pds");
    let requested: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if requested.is_empty() {
        vec![10_000, 20_000, 50_000, 100_000]
    } else {
        requested
    };
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scale-records");

    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let cases = cases.to_str().unwrap();
    let (pack, _) = measure(
        pds,
        &[
            "--repo", cases, "render", "pack", "7/2021", "--format", "html",
        ],
    );
    let (check_real, _) = measure(pds, &["--repo", cases, "check"]);
    println!(
        "real record (cases/): render pack 7/2021 --format html {:.1} ms; check {:.1} ms",
        ms(pack),
        ms(check_real)
    );
    // The PDF pack, typeset by the built-in Typst (goal: under 1 s on 2 cores).
    let pdf = std::env::temp_dir().join(format!("pds-bench-pack-{}.pdf", std::process::id()));
    let (pdf_pack, pdf_rss) = measure(
        pds,
        &[
            "--repo",
            cases,
            "render",
            "pack",
            "7/2021",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let pdf_bytes = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_file(&pdf);
    println!(
        "real record (cases/): render pack 7/2021 --format pdf {:.1} ms ({} kB, peak {} MB)\n",
        ms(pdf_pack),
        pdf_bytes / 1024,
        pdf_rss.map(|k| k / 1024).unwrap_or(0)
    );

    println!(
        "{:>8} {:>9} {:>9} {:>10} {:>6} {:>9} {:>12} {:>11}",
        "cases", "MB", "cat ms", "check ms", "×cat", "µs/case", "check peak", "notice ms"
    );
    for n in sizes {
        let root = base.join(n.to_string());
        generate(&root, n);
        let root_s = root.to_str().unwrap();
        let bytes: u64 = walkdir::WalkDir::new(&root)
            .into_iter()
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum();
        let (cat, _) = measure(
            "sh",
            &[
                "-c",
                &format!("find '{root_s}' -type f -print0 | xargs -0 cat > /dev/null"),
            ],
        );
        let (check, rss) = measure(pds, &["--repo", root_s, "check"]);
        let mid = format!(
            "{}/{}",
            MEETINGS_PER_YEAR / 2,
            2000 + n.div_ceil(CASES_PER_YEAR) / 2
        );
        let (notice, _) = measure(pds, &["--repo", root_s, "render", "notice", &mid]);
        println!(
            "{:>8} {:>9.1} {:>9.1} {:>10.1} {:>6.2} {:>9.2} {:>9} MB {:>11.1}",
            n,
            bytes as f64 / 1e6,
            ms(cat),
            ms(check),
            ms(check) / ms(cat),
            ms(check) * 1000.0 / f64::from(n),
            rss.map(|k| (k / 1024).to_string())
                .unwrap_or_else(|| "?".into()),
            ms(notice)
        );
    }
}
