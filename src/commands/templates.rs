//! `pds templates eject`: the built-in templates and the words of the
//! record's language (`labels.yaml`), copied out for overriding.

use super::{print, Env};
use crate::cli::TemplatesCommand;
use crate::diag::Error;
use crate::model::Language;
use crate::render::templates::{BUILTIN, LABELS_FILE};
use crate::report::printable;
use crate::write::RecordWriter;

pub fn run(env: &Env, cmd: &TemplatesCommand) -> Result<i32, Error> {
    match cmd {
        TemplatesCommand::Eject { dir } => {
            // The words in the record's language (nb outside a record).
            let language = env
                .root()
                .map(|root| crate::load::load_headers(&root).0.board.language)
                .unwrap_or(Language::Nb);
            let files: Vec<(&str, &str)> = BUILTIN
                .iter()
                .copied()
                .chain([(LABELS_FILE, crate::model::labels::file(language))])
                .collect();
            let shown = |p: &std::path::Path| printable(&p.display().to_string(), &[]).into_owned();
            let mut written = 0;
            let kept = |path: &std::path::Path| {
                eprintln!(
                    "kept {} (it exists; pds never overwrites a template)",
                    shown(path)
                );
            };
            let shown_dir = match dir {
                // A folder the user names: written as asked, never over a file.
                Some(dir) => {
                    std::fs::create_dir_all(dir).map_err(|e| Error::io("make", dir, e))?;
                    for (name, text) in &files {
                        let path = dir.join(name);
                        if std::fs::symlink_metadata(&path).is_ok() {
                            kept(&path);
                            continue;
                        }
                        crate::write::atomic_create(&path, text.as_bytes())
                            .map_err(|e| Error::io("write", &path, e))?;
                        written += 1;
                    }
                    shown(dir)
                }
                // The record's templates/: through the write path, so a
                // templates/ linked out of the record is refused.
                None => {
                    let root = env.root()?;
                    let dir = root.join("templates");
                    let writer = RecordWriter::open(&root)?;
                    for (name, text) in &files {
                        let rel = format!("templates/{name}");
                        let path = writer.target(&rel, crate::write::place::Kind::Other)?;
                        if std::fs::symlink_metadata(&path).is_ok() {
                            kept(&dir.join(name));
                            continue;
                        }
                        writer.create_other(&rel, text.as_bytes())?;
                        written += 1;
                    }
                    shown(&dir)
                }
            };
            if !env.quiet {
                print(&format!("wrote {written} templates to {shown_dir}\n"));
            }
            Ok(0)
        }
    }
}
