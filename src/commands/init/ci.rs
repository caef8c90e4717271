//! The CI files `pds init` writes at the top of the git repository: a GitHub
//! workflow and a pre-commit configuration, each naming the record with
//! `--repo` from there, so a record in a subfolder works.

use super::shell_word;
use crate::report::printable;
use crate::write::edit::{quoted, scalar};

/// Where GitHub reads workflows, from the repository's top.
pub(super) const WORKFLOW: &str = ".github/workflows/pds.yml";
/// Where pre-commit reads its configuration, from the repository's top.
pub(super) const PRE_COMMIT: &str = ".pre-commit-config.yaml";

/// The GitHub workflow: check (against the pull request's base) and fmt
/// --check, on the record at `repo` from the repository's top.
pub(super) fn workflow(repo: &str) -> String {
    let repo_word = shell_word(repo);
    let run = |cmd: &str| scalar(&format!("pds --repo {repo_word} {cmd}"));
    format!(
        "# Written by `pds init`: checks the board's record ({} from the\n\
         # repository's top) on every pull request and on pushes to main.\n\
         name: pds\n\
         on:\n  pull_request:\n  push:\n    branches: [main]\n\
         jobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n\
         \x20     - uses: actions/checkout@v4\n\
         \x20       with:\n\
         \x20         fetch-depth: 0 # check --base compares with the base branch\n\
         \x20     - uses: dtolnay/rust-toolchain@stable\n\
         \x20     - name: Install pds\n\
         \x20       # Where your pds comes from: its git repository, or --path to a copy.\n\
         \x20       run: cargo install --locked --git https://example.org/your-org/pds pds\n\
         \x20     - name: Check the record against the pull request's base\n\
         \x20       if: github.event_name == 'pull_request'\n\
         \x20       run: {}\n\
         \x20       env:\n\
         \x20         BASE_REF: ${{{{ github.base_ref }}}}\n\
         \x20     - name: Check the record\n\
         \x20       if: github.event_name != 'pull_request'\n\
         \x20       run: {}\n\
         \x20     - name: Formatting\n\
         \x20       run: {}\n",
        printable(repo, &[]),
        run("check --base \"origin/$BASE_REF\" --format github"),
        run("check --format github"),
        run("fmt --check"),
    )
}

/// The pre-commit configuration: pds check and pds fmt --check on the
/// record's files, run with the pds on PATH.
pub(super) fn pre_commit(repo: &str, prefix: &str) -> String {
    format!(
        "# Written by `pds init`: pds check and pds fmt --check before every commit\n\
         # that touches the board's record. `pre-commit install` turns it on;\n\
         # `pre-commit run --all-files` runs it now. The hooks run the pds on your\n\
         # PATH; pds's own .pre-commit-hooks.yaml has the same two, built by pre-commit.\n\
         repos:\n\
         \x20 - repo: local\n\
         \x20   hooks:\n{}",
        pre_commit_hooks(repo, prefix)
    )
}

/// The two hooks, indented for a `hooks:` list under `repos:`.
pub(super) fn pre_commit_hooks(repo: &str, prefix: &str) -> String {
    let files = scalar(&format!("^{}.*\\.(md|ya?ml)$", regex_escape(prefix)));
    let args = format!("[--repo, {}]", flow_item(repo));
    format!(
        "\x20     - id: pds-check\n\
         \x20       name: pds check\n\
         \x20       entry: pds check\n\
         \x20       language: system\n\
         \x20       args: {args}\n\
         \x20       pass_filenames: false\n\
         \x20       files: {files}\n\
         \x20     - id: pds-fmt\n\
         \x20       name: pds fmt --check\n\
         \x20       entry: pds fmt --check\n\
         \x20       language: system\n\
         \x20       args: {args}\n\
         \x20       files: {files}\n"
    )
}

/// A text as an item of a YAML flow list: quoted unless it is plain and
/// holds none of the flow indicators.
fn flow_item(s: &str) -> String {
    let plain = scalar(s);
    if plain.contains(|c| ",[]{}".contains(c)) {
        quoted(s)
    } else {
        plain
    }
}

/// `s` as a literal in a Python regular expression (pre-commit's `files:`).
fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c.is_ascii_punctuation() && !"/_-".contains(c)) || c == ' ' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_and_patterns_keep_odd_folder_names_literal() {
        assert_eq!(shell_word("cases"), "cases");
        assert_eq!(shell_word("my board's"), "'my board'\\''s'");
        assert_eq!(regex_escape("a.b (c)"), "a\\.b\\ \\(c\\)");
    }

    #[test]
    fn the_ci_files_are_yaml_for_any_folder_name() {
        for repo in ["cases", ".", "a b", "x: y", "q\"'[]{},#&*", "line\nbreak"] {
            let prefix = format!("{repo}/");
            for text in [workflow(repo), pre_commit(repo, &prefix)] {
                let tree =
                    crate::yaml::parse(&text).unwrap_or_else(|e| panic!("{repo:?}: {e:?}\n{text}"));
                assert!(tree.as_map().is_some(), "{text}");
            }
        }
    }
}
