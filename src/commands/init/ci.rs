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

/// The GitHub workflow: on a pull request, check against its base and post
/// `pds diff` as a comment; on main, check; always fmt --check. The record
/// is `repo` from the repository's top. The branch names come in through
/// the environment, never into the script's text.
pub(super) fn workflow(repo: &str) -> String {
    let repo_word = shell_word(repo);
    let run = |cmd: &str| scalar(&format!("pds --repo {repo_word} {cmd}"));
    WORKFLOW_TEXT
        .replace(
            "{CHECK_BASE}",
            &run("check --base \"origin/$BASE_REF\" --format github"),
        )
        .replace("{CHECK}", &run("check --format github"))
        .replace("{FMT}", &run("fmt --check"))
        .replace(
            "{DIFF}",
            &run("diff --base \"origin/$BASE_REF\" --format md -o \"$RUNNER_TEMP/pds-diff.md\""),
        )
        // Last: the folder's name is only shown, never read for a placeholder.
        .replace("{FOLDER}", &printable(repo, &[]))
}

const WORKFLOW_TEXT: &str = r#"# Written by `pds init`: checks the board's record ({FOLDER} from the
# repository's top) on every pull request and on pushes to main, and posts
# the cases a pull request changes, compared word by word, as its comment.
name: pds
on:
  pull_request:
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # check --base compares with the base branch
      - uses: dtolnay/rust-toolchain@stable
      - name: Install pds
        # Where your pds comes from: its git repository, or --path to a copy.
        run: cargo install --locked --git https://example.org/your-org/pds pds
      - name: Check the record against the pull request's base
        if: github.event_name == 'pull_request'
        run: {CHECK_BASE}
        env:
          BASE_REF: ${{ github.base_ref }}
      - name: Check the record
        if: github.event_name != 'pull_request'
        run: {CHECK}
      - name: Formatting
        run: {FMT}
  diff:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write # to comment
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: dtolnay/rust-toolchain@stable
      - name: Install pds
        run: cargo install --locked --git https://example.org/your-org/pds pds
      - name: Compare the cases with the pull request's base
        run: {DIFF}
        env:
          BASE_REF: ${{ github.base_ref }}
      - name: Post the comparison on the pull request
        # A fork's pull request gets a read-only token: no comment there.
        if: github.event.pull_request.head.repo.full_name == github.repository
        env:
          GH_TOKEN: ${{ github.token }}
          GH_REPO: ${{ github.repository }}
          PR: ${{ github.event.pull_request.number }}
        run: |
          gh pr comment "$PR" --edit-last --body-file "$RUNNER_TEMP/pds-diff.md" ||
            gh pr comment "$PR" --body-file "$RUNNER_TEMP/pds-diff.md"
"#;

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
