//! The documents, one file each: the views its template sees (the
//! templates' API, so every field is documented) and the `Renderer` method
//! that builds them and fills the template.

pub mod actions;
mod body;
pub mod case;
pub mod decisions;
pub mod forums;
pub mod invite;
pub mod minutes;
pub mod notice;
pub mod overview;
pub mod pack;
pub mod risks;
pub mod status;

#[cfg(test)]
mod tests {
    use crate::render::templates::BUILTIN;
    use std::path::Path;

    /// Each built-in document template has its file here, named after it:
    /// a new document gets its own file, not a place in another's.
    #[test]
    fn every_document_template_has_its_file() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render/doc");
        for (name, _) in BUILTIN {
            let Some(document) = name.strip_suffix(".md") else {
                continue;
            };
            assert!(
                dir.join(format!("{document}.rs")).is_file(),
                "templates/{name} has no src/render/doc/{document}.rs"
            );
        }
    }
}
