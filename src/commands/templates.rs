//! `pds templates eject`: the built-in templates, copied out for overriding.

use super::{print, Env, UsageError};
use crate::cli::TemplatesCommand;
use crate::render::templates::BUILTIN;

pub fn run(env: &Env, cmd: &TemplatesCommand) -> Result<i32, UsageError> {
    match cmd {
        TemplatesCommand::Eject { dir } => {
            let dir = match dir {
                Some(d) => d.clone(),
                None => env.root()?.join("templates"),
            };
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
            let mut written = 0;
            for (name, text) in BUILTIN {
                let path = dir.join(name);
                if path.exists() {
                    eprintln!(
                        "kept {} (it exists; pds never overwrites a template)",
                        path.display()
                    );
                    continue;
                }
                crate::write::atomic_create(&path, text.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                written += 1;
            }
            if !env.quiet {
                print(&format!("wrote {written} templates to {}\n", dir.display()));
            }
            Ok(0)
        }
    }
}
