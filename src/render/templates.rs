//! The one place that builds the Tera instances: built-in templates embedded
//! in the binary, overridden by name from the record's own `templates/`.

use crate::diag::Error;
use std::path::Path;
use tera::Tera;

/// The built-in templates, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("layout.html", include_str!("../../templates/layout.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("notice.html", include_str!("../../templates/notice.html")),
    ("notice.md", include_str!("../../templates/notice.md")),
    ("case.html", include_str!("../../templates/case.html")),
    ("case.md", include_str!("../../templates/case.md")),
    (
        "overview.html",
        include_str!("../../templates/overview.html"),
    ),
    ("overview.md", include_str!("../../templates/overview.md")),
    ("pack.html", include_str!("../../templates/pack.html")),
    ("pack.md", include_str!("../../templates/pack.md")),
    ("risks.html", include_str!("../../templates/risks.html")),
    ("risks.md", include_str!("../../templates/risks.md")),
    ("status.html", include_str!("../../templates/status.html")),
    ("status.md", include_str!("../../templates/status.md")),
    ("forums.html", include_str!("../../templates/forums.html")),
    ("forums.md", include_str!("../../templates/forums.md")),
    ("actions.html", include_str!("../../templates/actions.html")),
    ("actions.md", include_str!("../../templates/actions.md")),
    ("minutes.html", include_str!("../../templates/minutes.html")),
    ("minutes.md", include_str!("../../templates/minutes.md")),
];

/// Tera for Markdown output (values escaped as Markdown) and for HTML output
/// (values escaped as HTML).
pub struct Templates {
    pub md: Tera,
    pub html: Tera,
    /// Whether an HTML template names `description_html`: the built-in ones
    /// do not, so descriptions (up to 1 MiB each) are not rendered for them.
    pub description_html_used: bool,
}

/// Escapes text so that it cannot become Markdown or HTML markup, wherever a
/// template puts it: inline markup characters are escaped everywhere; line
/// breaks of every kind (LF, CR, NEL, U+2028/9) become spaces and other
/// control characters are dropped, so a value stays on its line; and what
/// would open a block at the start of a line or of a list item (`# `,
/// `- `, `+ `, `---`, `1. `, `1) `, indentation; `>` always) is escaped at the start of the value.
pub(crate) fn escape_markdown(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(text.len() + 8);
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    // Only where the next character lets a block start, or the value is a
    // thematic break (`---`): `#x`, `-5`, `--` and `01.12.2021` stay as
    // they are. (A setext underline needs a paragraph line above it in the
    // same block, which no value has, so `--` and `==` are safe.)
    let opens_block = |at: usize, c: char| {
        let rest = text.get(at + 1..).unwrap_or_default();
        rest.chars()
            .next()
            .is_none_or(|next| matches!(next, ' ' | '\t' | '\r' | '\n'))
            || (c == '-' && rest.len() >= 2 && rest.trim_end().chars().all(|r| r == c))
    };
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                buf.push('\\');
                buf.push(c);
            }
            '&' => buf.push_str("&amp;"),
            '#' | '-' | '+' if i == 0 && opens_block(0, c) => {
                buf.push('\\');
                buf.push(c);
            }
            '.' | ')' if i == digits && i > 0 && opens_block(i, '\0') => {
                buf.push('\\');
                buf.push(c);
            }
            ' ' | '\t' if i == 0 => buf.push_str("&#32;"),
            '\r' => {
                chars.next_if(|(_, c)| *c == '\n');
                buf.push(' ');
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => buf.push(' '),
            c if c.is_control() && c != '\t' => {}
            _ => buf.push(c),
        }
    }
    out.write_all(buf.as_bytes())
}

/// HTML escaping without Tera's `&#x2F;` for slashes, so case numbers stay readable.
pub(crate) fn escape_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' => buf.push_str("&quot;"),
            '\'' => buf.push_str("&#39;"),
            _ => buf.push(c),
        }
    }
    out.write_all(buf.as_bytes())
}

/// Loads the built-ins, then the record's `templates/*.md|html|css` over them.
pub fn load(root: &Path) -> Result<Templates, Error> {
    let mut sources: Vec<(String, String)> = BUILTIN
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect();
    let dir = root.join("templates");
    if dir.is_dir() {
        // The files are read through a folder that may itself be a link;
        // `read_text` only looks at links to the files.
        let real = dir
            .canonicalize()
            .map_err(|e| Error::io("read", "templates/", e))?;
        let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        if !real.starts_with(&real_root) {
            return Err(Error::Render(
                "templates/ is a link to a folder outside the record; pds does not follow it"
                    .into(),
            ));
        }
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| Error::io("read", &dir, e))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("md" | "html" | "css")
                )
            })
            .collect();
        names.sort();
        for path in names {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let text = crate::load::read_text(root, &path).map_err(|why| Error::Read {
                file: format!("templates/{name}"),
                why,
            })?;
            match sources.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => sources.push((name, text)),
            }
        }
    }
    let mut md = Tera::new();
    md.autoescape_on([".md"]);
    md.set_escape_fn(escape_markdown);
    md.add_raw_templates(
        sources
            .iter()
            .filter(|(n, _)| n.ends_with(".md"))
            .map(|(n, s)| (n.as_str(), s.as_str())),
    )
    .map_err(|e| template_error(&e, None))?;
    let mut html = Tera::new();
    html.autoescape_on([".html"]);
    html.set_escape_fn(escape_html);
    html.add_raw_templates(
        sources
            .iter()
            .filter(|(n, _)| n.ends_with(".html") || n.ends_with(".css"))
            .map(|(n, s)| (n.as_str(), s.as_str())),
    )
    .map_err(|e| template_error(&e, None))?;
    let description_html_used = sources
        .iter()
        .any(|(n, s)| n.ends_with(".html") && s.contains("description_html"));
    Ok(Templates {
        md,
        html,
        description_html_used,
    })
}

/// A Tera error with its whole chain: the template, line and what went
/// wrong; `template` is the file being filled, when there is one.
pub fn template_error(e: &tera::Error, template: Option<&str>) -> Error {
    let mut text = format!("template error: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!("\n  {s}"));
        source = s.source();
    }
    Error::Template {
        template: template.map(str::to_string),
        message: text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_markup() {
        let mut out = Vec::new();
        escape_markdown("a|b *c* <script> [x](y) ![i](j)", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r"a\|b \*c\* \<script\> \[x\](y) !\[i\](j)"
        );
    }

    #[test]
    fn markdown_escaping_keeps_a_value_on_its_line_and_out_of_blocks() {
        let escaped = |text: &str| {
            let mut out = Vec::new();
            escape_markdown(text, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(escaped("a\r# b\r\nc\nd\u{2028}e\u{7}f"), r"a # b c d ef");
        assert_eq!(escaped("# h"), r"\# h");
        assert_eq!(escaped("- i"), r"\- i");
        assert_eq!(escaped("+ i"), r"\+ i");
        assert_eq!(escaped("==="), "===");
        assert_eq!(escaped("12. i"), r"12\. i");
        assert_eq!(escaped("3) i"), r"3\) i");
        assert_eq!(escaped("    code"), "&#32;   code");
        assert_eq!(escaped("a - b # c 2. d"), "a - b # c 2. d");
        assert_eq!(escaped("2021"), "2021");
        assert_eq!(escaped("01.12.2021"), "01.12.2021");
        assert_eq!(escaped("12."), r"12\.");
        assert_eq!(escaped("#x -5"), "#x -5");
        assert_eq!(escaped("---"), r"\---");
        assert_eq!(escaped("--"), "--");
        assert_eq!(escaped("--x"), "--x");
        assert_eq!(escaped("-"), r"\-");
    }

    #[test]
    fn every_builtin_template_compiles() {
        let dir = tempfile::tempdir().unwrap();
        let t = load(dir.path()).unwrap();
        for (name, _) in BUILTIN {
            let has = t.md.get_template_names().any(|n| n == *name)
                || t.html.get_template_names().any(|n| n == *name);
            assert!(has, "{name} missing");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_templates_folder_linked_from_outside_the_record_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        let root = dir.path().join("record");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(outside.join("notice.md"), "SECRET {{ x }}").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("templates")).unwrap();
        let Err(e) = load(&root) else {
            panic!("a template was read from outside the record");
        };
        assert!(e.to_string().contains("outside the record"), "{e}");
    }

    #[test]
    fn a_record_template_overrides_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/notice.md"), "custom {{ x }}").unwrap();
        let t = load(dir.path()).unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("x", "a*b");
        assert_eq!(t.md.render("notice.md", &ctx).unwrap(), r"custom a\*b");
    }

    #[test]
    fn a_broken_override_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/notice.md"), "line\n{% if %}").unwrap();
        let err = load(dir.path()).err().unwrap();
        assert!(err.to_string().contains("notice.md"), "{err}");
    }

    #[test]
    fn a_fill_error_is_typed_with_the_template_it_filled() {
        let mut tera = Tera::new();
        tera.add_raw_templates([("x.md", "{{ nope }}")]).unwrap();
        let e = tera.render("x.md", &tera::Context::new()).unwrap_err();
        match template_error(&e, Some("x.md")) {
            Error::Template { template, message } => {
                assert_eq!(template.as_deref(), Some("x.md"));
                assert!(message.starts_with("template error: "), "{message}");
            }
            other => panic!("{other}"),
        }
    }
}
