//! The layers of ARCHITECTURE.md hold in the code: every `crate::` path in
//! `src/` points down the layer list, which this test reads from the
//! document itself, so the map and the code cannot drift apart. Also the
//! invariants that a text search can see: the model does no I/O, and only
//! the write path renames files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a panic is how a test fails"
)] // a panic is how a test fails

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The layer of each top-level module, from the numbered list under
/// `## Layers`: `2. `load` — …` puts `load` on layer 2. Only the backticked
/// names before the dash are modules.
fn layers(architecture: &str) -> BTreeMap<String, usize> {
    let section = architecture
        .split("\n## ")
        .find(|s| s.starts_with("Layers"))
        .expect("ARCHITECTURE.md has a `## Layers` section");
    let mut layers = BTreeMap::new();
    for line in section.lines() {
        let Some((number, rest)) = line.split_once(". ") else {
            continue;
        };
        let Ok(level) = number.trim().parse::<usize>() else {
            continue;
        };
        let names = rest.split(" — ").next().unwrap_or_default();
        for name in names.split('`').skip(1).step_by(2) {
            let before = layers.insert(name.to_string(), level);
            assert!(before.is_none(), "`{name}` stands on two layers");
        }
    }
    layers
}

/// The top-level modules each `crate::` path of `code` names, with its
/// line: `crate::model::Record`, `use crate::{diag::Code, model::{A, B}}`
/// and `crate::load::load(…)` alike. Comments and the unit tests at the end
/// of a file (`#[cfg(test)] mod tests`) are left out: a unit test may build
/// its record through any layer.
fn references(code: &str) -> Vec<(usize, String)> {
    let code = match code.find("#[cfg(test)]\nmod tests") {
        Some(at) => &code[..at],
        None => code,
    };
    let code: String = code
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let line = code[..at].matches('\n').count() + 1;
        let after = &code[at + "crate::".len()..];
        match after.strip_prefix('{') {
            // A group: the first name of each item at its top level.
            Some(group) => {
                let (mut depth, mut name, mut item_start) = (0usize, String::new(), true);
                for c in group.chars() {
                    if item_start {
                        if ident(c) || (c.is_whitespace() && name.is_empty()) {
                            name.extend(Some(c).filter(|&c| ident(c)));
                            continue;
                        }
                        if !name.is_empty() {
                            found.push((line, std::mem::take(&mut name)));
                        }
                        item_start = false;
                    }
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => item_start = true,
                        _ => {}
                    }
                }
            }
            None => {
                let name: String = after.chars().take_while(|&c| ident(c)).collect();
                if !name.is_empty() {
                    found.push((line, name));
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `src/load/case.rs` → `load`.
fn module_of(rel: &Path) -> String {
    let first = rel.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.strip_suffix(".rs").unwrap_or(&name).to_string()
}

fn src_files() -> Vec<(PathBuf, String)> {
    let src = Path::new(ROOT).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&src).unwrap().to_path_buf();
            let text = std::fs::read_to_string(&path).unwrap();
            (rel, text)
        })
        .collect()
}

#[test]
fn the_reference_reader_sees_every_form_of_path() {
    let code =
        "use crate::diag::Code;\nuse crate::{\n    model::{A, B},\n    load, yaml::{self},\n};\n\
                // crate::commands in a comment\nfn f() { crate::render::x(); }\n\
                #[cfg(test)]\nmod tests {\n    use crate::run;\n}\n";
    let names: Vec<(usize, String)> = references(code);
    let names: Vec<(usize, &str)> = names.iter().map(|(l, n)| (*l, n.as_str())).collect();
    assert_eq!(
        names,
        [
            (1, "diag"),
            (2, "model"),
            (2, "load"),
            (2, "yaml"),
            (7, "render")
        ]
    );
}

#[test]
fn the_layer_list_is_read_from_the_document() {
    let doc = "# A\n\n## Layers\n\nBottom first.\n\n0. `diag` — bottom\n1. `model`, `yaml` — data, see `x.rs`\n2. `load`\n\n## Other\n\n3. `nothing`\n";
    let layers = layers(doc);
    let expected: BTreeMap<String, usize> = [("diag", 0), ("model", 1), ("yaml", 1), ("load", 2)]
        .into_iter()
        .map(|(n, l)| (n.to_string(), l))
        .collect();
    assert_eq!(layers, expected);
}

/// Every arrow between top-level modules points down ARCHITECTURE.md's
/// layer list; every module of `src/` stands on it, and every name on it is a
/// module, so the document cannot fall behind the code.
#[test]
fn imports_point_down_the_layers_of_architecture_md() {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md at the top of the repository");
    let layers = layers(&doc);
    let files = src_files();
    let modules: BTreeSet<String> = files
        .iter()
        .map(|(rel, _)| module_of(rel))
        .filter(|m| m != "lib" && m != "main")
        .collect();
    let listed: BTreeSet<String> = layers.keys().cloned().collect();
    assert_eq!(
        modules, listed,
        "the modules of src/ (left) and the layers of ARCHITECTURE.md (right) differ"
    );

    let mut arrows: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (rel, text) in &files {
        let from = module_of(rel);
        if from == "lib" || from == "main" {
            continue;
        }
        for (line, to) in references(text) {
            if to != from && layers.contains_key(&to) {
                arrows
                    .entry((from.clone(), to))
                    .or_default()
                    .push(format!("src/{}:{line}", rel.display()));
            }
        }
    }
    let pairs: Vec<String> = arrows
        .keys()
        .filter(|(a, b)| a < b && arrows.contains_key(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{a} <-> {b}"))
        .collect();
    println!("{} import cycle pairs: {pairs:?}", pairs.len());
    let up: Vec<String> = arrows
        .iter()
        .filter(|((from, to), _)| layers[to] >= layers[from])
        .map(|((from, to), at)| {
            format!(
                "{from} (layer {}) -> {to} (layer {}) at {}",
                layers[from],
                layers[to],
                at.join(", ")
            )
        })
        .collect();
    assert!(
        up.is_empty(),
        "imports that do not point down the layers of ARCHITECTURE.md:\n  {}",
        up.join("\n  ")
    );
}

/// The model and the diagnostics are pure: what they know came in as text.
#[test]
fn the_model_does_no_io() {
    let io = [
        "fs::",
        "File::",
        "env::",
        "process::",
        "net::",
        "io::Read",
        "io::Write",
    ];
    let mut found = Vec::new();
    for (rel, text) in src_files() {
        if !["model", "diag"].contains(&module_of(&rel).as_str()) {
            continue;
        }
        for (line, code) in references_free_lines(&text) {
            for word in io.iter().filter(|w| has_path(code, w)) {
                found.push(format!("src/{}:{line}: {word}", rel.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "I/O in the model:\n  {}",
        found.join("\n  ")
    );
}

/// Every file pds writes into a record is a temporary file renamed into
/// place, by the write path alone.
#[test]
fn only_the_write_path_renames_files() {
    let renames = ["fs::rename", ".persist(", ".persist_noclobber("];
    let mut found = Vec::new();
    for (rel, text) in src_files() {
        if module_of(&rel) == "write" {
            continue;
        }
        for (line, code) in references_free_lines(&text) {
            for word in renames.iter().filter(|w| has_path(code, w)) {
                found.push(format!("src/{}:{line}: {word}", rel.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "files renamed outside src/write:\n  {}",
        found.join("\n  ")
    );
}

/// The lines of `code` without comments and without the unit tests at its end.
fn references_free_lines(code: &str) -> Vec<(usize, &str)> {
    let code = match code.find("#[cfg(test)]\nmod tests") {
        Some(at) => &code[..at],
        None => code,
    };
    code.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or_default()))
        .collect()
}

/// Whether `code` holds `path` as a path of its own (`fs::` in `std::fs::read`),
/// not as the end of a longer name (`File::` in `SourceFile::new`).
fn has_path(code: &str, path: &str) -> bool {
    code.match_indices(path).any(|(at, _)| {
        !path.starts_with(|c: char| c.is_alphanumeric())
            || !code[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}
