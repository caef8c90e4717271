//! Scale benchmark: the table of issue 16 for the current build. Records of
//! 10,000 and 100,000 cases (about 2.4 KB a file, one duplicate and one gap a
//! year) are written by `benches/gen_corpus.py`; each line times pds, `cat`
//! of the same files (the floor: reading them) and the Python peer
//! `benches/pypds.py` (PyYAML), run after one another, median of three, with
//! wall time, CPU time (user + system) and peak memory from GNU time.
//!
//! `cargo bench` runs both sizes; `cargo bench -- 10000` only the given ones.
//! Without python3 (or PyYAML) the records come from a generator in this
//! file and the peer's column says it was skipped; without /usr/bin/time
//! (`apt-get install time`) only wall times are printed.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark that cannot run should stop loudly"
)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One run's figures: wall and CPU seconds, peak resident memory in KiB.
#[derive(Clone, Copy, Debug, Default)]
struct Run {
    wall: f64,
    cpu: Option<f64>,
    peak_kib: Option<u64>,
}

/// The median run (by wall time) of `times` runs of `program args`.
fn measure(times: usize, program: &str, args: &[&str]) -> Run {
    let mut runs: Vec<Run> = (0..times).map(|_| run_once(program, args)).collect();
    runs.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    runs[runs.len() / 2]
}

fn run_once(program: &str, args: &[&str]) -> Run {
    let gnu_time = Path::new("/usr/bin/time");
    let report = std::env::temp_dir().join(format!("pds-bench-time-{}", std::process::id()));
    let mut command = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-f")
            .arg("%e %U %S %M")
            .arg("-o")
            .arg(&report)
            .arg(program);
        c
    } else {
        Command::new(program)
    };
    let start = Instant::now();
    let status = command
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    let wall = start.elapsed().as_secs_f64();
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "{program} {args:?} failed: {status}"
    );
    let figures: Vec<f64> = std::fs::read_to_string(&report)
        .ok()
        .and_then(|t| t.lines().last().map(str::to_string))
        .map(|l| {
            l.split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let _ = std::fs::remove_file(&report);
    match figures[..] {
        [_, user, system, peak] => Run {
            wall,
            cpu: Some(user + system),
            peak_kib: Some(peak as u64),
        },
        _ => Run {
            wall,
            ..Run::default()
        },
    }
}

/// Whether python3 with PyYAML is here to run the generator and the peer.
fn python_here() -> bool {
    Command::new("python3")
        .args(["-c", "import yaml"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A record of `cases` cases at `root` (kept between runs).
fn generate(root: &Path, cases: u32, python: bool) {
    if root.join("pds.yaml").exists() {
        return;
    }
    let benches = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches");
    if python {
        let status = Command::new("python3")
            .arg(benches.join("gen_corpus.py"))
            .arg(root)
            .arg(cases.to_string())
            .arg("--errors")
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "gen_corpus.py failed");
    } else {
        generate_here(root, cases);
    }
}

/// What gen_corpus.py writes, near enough, for a machine without python3:
/// 25 meetings a year, 100 cases a meeting, one duplicate a year.
fn generate_here(root: &Path, cases: u32) {
    std::fs::create_dir_all(root).unwrap();
    std::fs::write(
        root.join("pds.yaml"),
        "board: Ytelsesstyret\nlanguage: nb\nchair:\n  name: Leder\n  org: Direktoratet\nmembers:\n  - name: Medlem\n    org: Organisasjon\n",
    )
    .unwrap();
    let words = [
        "programstyret",
        "tilslutning",
        "leveranse",
        "styringsdokument",
        "samhandling",
        "kjernejournal",
        "forvaltning",
        "kostnader",
    ];
    let mut seed = 42u32;
    let mut para = |n: usize| {
        let mut s = String::new();
        for _ in 0..n {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            s.push_str(words[(seed >> 16) as usize % words.len()]);
            s.push(' ');
        }
        s.trim_end().to_string() + "."
    };
    let (mut made, mut year) = (0, 1990);
    while made < cases {
        let yy = year % 100;
        let dir = root.join(year.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        let n_cases = (cases - made).min(2500);
        let mut meetings = String::new();
        for m in 1..=n_cases.div_ceil(100) {
            writeln!(
                meetings,
                "- number: {m}/{year}\n  date: {year}-{:02}-{:02}\n  time: \"13:00-15:00\"\n  place: Elektronisk møte",
                1 + (m - 1) / 3,
                1 + ((m - 1) % 3) * 9
            )
            .unwrap();
        }
        std::fs::write(dir.join("meetings.yaml"), meetings).unwrap();
        for i in 1..=n_cases {
            let num = if i == 10 { 9 } else { i };
            let body = format!(
                "## Hensikt med saken\n\n{}\n\n## Bakgrunn\n\n{}\n\n- {}\n- {}\n",
                para(40),
                para(60),
                para(8),
                para(8)
            );
            let text = format!(
                "---\nnumber: {num}/{yy:02}\nmeeting: {}/{year}\ntitle: Sak {i}\ntype: Drøfting\ndescription: {}\nstatus: decided\nproposed_decision: |\n  {}\n---\n{body}",
                1 + (i - 1) / 100,
                para(12),
                para(20)
            );
            std::fs::write(dir.join(format!("{num:02}-{yy:02}-sak-{i}.md")), text).unwrap();
        }
        made += n_cases;
        year += 1;
    }
}

/// A copy of `from` at `to` made canonical by `pds fmt` (timed: the raw corpus's `fmt`).
fn formatted_copy(pds: &str, from: &Path, to: &Path) -> Option<Run> {
    if to.join("pds.yaml").exists() {
        return None;
    }
    let status = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(status.success(), "cp -a failed");
    let fmt = run_once(pds, &["--repo", to.to_str().unwrap(), "fmt"]);
    // The files fmt wrote go to disk now, not while the next lines are timed.
    let _ = Command::new("sync").status();
    Some(fmt)
}

fn secs(s: f64) -> String {
    if s < 1.0 {
        format!("{:.0} ms", s * 1000.0)
    } else {
        format!("{s:.2} s")
    }
}

/// `wall, CPU, peak` as the table prints a run.
fn cell(r: &Run) -> String {
    let cpu = r.cpu.map_or("?".into(), secs);
    let peak = r
        .peak_kib
        .map_or("?".into(), |k| format!("{} MB", k.div_ceil(1024)));
    format!("{} wall, {cpu} CPU, {peak}", secs(r.wall))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn main() {
    let pds = env!("CARGO_BIN_EXE_pds");
    let requested: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if requested.is_empty() {
        vec![10_000, 100_000]
    } else {
        requested
    };
    let python = python_here();
    if !python {
        println!("python3 with PyYAML is not here: records from the bench's own generator, the Python peer skipped");
    }
    if !Path::new("/usr/bin/time").exists() {
        println!("/usr/bin/time is not here (apt-get install time): no CPU time or peak memory");
    }
    let peer = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/pypds.py");
    let peer = peer.to_str().unwrap();
    let base = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scale-records");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());

    println!(
        "pds {} on {cores} cores; median of 3 runs each, one after the other; load average before each line\n",
        env!("CARGO_PKG_VERSION")
    );
    println!(
        "| work | pds | `cat` of the same files | pds ÷ cat | Python peer | peer ÷ pds | load |"
    );
    println!("|---|---|---|---|---|---|---|");
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let real = real.to_str().unwrap();
    let load = load_average();
    let pack = measure(
        3,
        pds,
        &[
            "--repo", real, "render", "pack", "7/2021", "--format", "html",
        ],
    );
    println!(
        "| `render pack 7/2021 --format html`, the real record | {} | | | | | {load} |",
        cell(&pack)
    );
    // The PDF pack, typeset by the Typst built into pds (goal: under 1 s on 2 cores).
    let pdf = std::env::temp_dir().join(format!("pds-bench-pack-{}.pdf", std::process::id()));
    let pdf_pack = measure(
        3,
        pds,
        &[
            "--repo",
            real,
            "render",
            "pack",
            "7/2021",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    let pdf_kib = std::fs::metadata(&pdf).map(|m| m.len() / 1024).unwrap_or(0);
    let _ = std::fs::remove_file(&pdf);
    println!(
        "| `render pack 7/2021 --format pdf` ({pdf_kib} KiB), the real record | {} | | | | | {load} |",
        cell(&pdf_pack)
    );
    // check's wall time by size, for the growth line at the end.
    let mut check_walls: Vec<(u32, f64)> = Vec::new();
    for n in sizes {
        let raw = base.join(format!("{n}"));
        generate(&raw, n, python);
        let formatted = base.join(format!("{n}-formatted"));
        let fmt_raw = formatted_copy(pds, &raw, &formatted);
        let raw_s = raw.to_str().unwrap();
        let formatted_s = formatted.to_str().unwrap();
        let cases = format!("{n} cases");

        let load = load_average();
        let cat = measure(
            3,
            "sh",
            &[
                "-c",
                &format!("find '{raw_s}' -type f -exec cat {{}} + > /dev/null"),
            ],
        );
        let check = measure(3, pds, &["--repo", raw_s, "check", "--format", "json"]);
        check_walls.push((n, check.wall));
        let (peer_cell, ratio) = if python {
            let p = measure(
                3,
                "python3",
                &[peer, "--repo", raw_s, "check", "--format", "json"],
            );
            (cell(&p), format!("{:.1}×", p.wall / check.wall))
        } else {
            ("skipped (no python3/PyYAML)".into(), String::new())
        };
        println!(
            "| `check --format json`, {cases} | {} | {} | {:.2}× | {peer_cell} | {ratio} | {load} |",
            cell(&check),
            cell(&cat),
            check.wall / cat.wall
        );

        let load = load_average();
        let cat = measure(
            3,
            "sh",
            &[
                "-c",
                &format!("find '{formatted_s}' -type f -exec cat {{}} + > /dev/null"),
            ],
        );
        let fmt_check = measure(3, pds, &["--repo", formatted_s, "fmt", "--check"]);
        println!(
            "| `fmt --check`, {cases}, already formatted | {} | {} | {:.2}× | | | {load} |",
            cell(&fmt_check),
            cell(&cat),
            fmt_check.wall / cat.wall
        );
        match fmt_raw {
            Some(fmt) => println!(
                "| `fmt`, {cases} as generated (one run) | {} | | | | | |",
                cell(&fmt)
            ),
            None => println!(
                "| `fmt`, {cases} as generated | formatted by an earlier run (delete {formatted_s} to time it) | | | | | |"
            ),
        }

        let load = load_average();
        let year = 1990 + n.div_ceil(2500) / 2;
        let meeting = format!("7/{year}");
        let notice = measure(3, pds, &["--repo", raw_s, "render", "notice", &meeting]);
        println!(
            "| `render notice {meeting}`, {cases} | {} | | | | | {load} |",
            cell(&notice)
        );
    }
    // Growth: how much more check's wall time a larger record costs, against how many more cases it has.
    for pair in check_walls.windows(2) {
        if let [(small, t_small), (large, t_large)] = pair {
            println!(
                "\ngrowth of `check`: {}× the cases ({small} → {large}) took {:.1}× the wall time",
                large / small.max(&1),
                t_large / t_small
            );
        }
    }
}
