//! Pictures from the record in an HTML document: each distinct picture
//! read once, within its limits, and inlined as a `data:` URI in a CSS rule;
//! anything else left out with a warning.

use crate::diag::Error;
use base64::Engine;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// Where pictures may be read from: the record's root, and the folder of the
/// file whose Markdown this is; and the document they are inlined into.
#[derive(Debug, Clone)]
pub struct ImageBase {
    pub root: PathBuf,
    pub dir: PathBuf,
    /// The Markdown's file, relative to the record, for warnings and errors.
    pub file: String,
    pub pictures: Pictures,
}

/// The largest picture pds inlines.
pub const MAX_PICTURE_BYTES: u64 = 10 * 1024 * 1024;

/// The most picture bytes one document inlines, each distinct picture
/// counted once: past it, rendering stops with an error naming the case.
pub const MAX_INLINED_BYTES: u64 = 20 * 1024 * 1024;

/// What `src` of an inlined picture says while ammonia works; it becomes
/// `class="pds-picture-N"` after.
pub(crate) const PICTURE_MARK: &str = " src=\"#pds-picture-";

/// The pictures of one document: each distinct picture is inlined once, as
/// a CSS rule showing it on `img.pds-picture-N` (`content: url(data:…)`),
/// however often it is shown. Shared (`Arc<Mutex>`) because ammonia's
/// attribute filter, which meets the pictures, must be `Send + Sync + 'static`.
#[derive(Debug, Clone, Default)]
pub struct Pictures(Arc<Mutex<Inlined>>);

#[derive(Debug, Default)]
struct Inlined {
    by_path: BTreeMap<PathBuf, usize>,
    css: String,
    bytes: u64,
    warnings: Vec<String>,
    /// The first picture past the limit: the file and the picture, as printed.
    error: Option<(String, String)>,
}

impl Pictures {
    fn with<T>(&self, f: impl FnOnce(&mut Inlined) -> T) -> T {
        let mut inlined = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut inlined)
    }

    /// The CSS rules that show the pictures, one per distinct picture.
    pub fn css(&self) -> String {
        self.with(|p| p.css.clone())
    }

    /// Pictures left out, each said once: "2021/01-21-x.md: …".
    pub fn warnings(&self) -> Vec<String> {
        self.with(|p| p.warnings.clone())
    }

    /// Set when the pictures would pass `MAX_INLINED_BYTES`.
    pub fn error(&self) -> Option<Error> {
        self.with(|p| p.error.clone())
            .map(|(file, picture)| Error::Pictures {
                file,
                picture,
                limit_mib: MAX_INLINED_BYTES >> 20,
            })
    }

    pub(crate) fn warn(&self, base: &ImageBase, src: &str, why: &str) {
        let text = format!("{}: picture {} {why}", shown(&base.file), shown(src));
        self.with(|p| {
            if !p.warnings.contains(&text) {
                p.warnings.push(text);
            }
        });
    }
}

/// Inlines a picture from inside the record into the document, once; the
/// `src` that marks it. Anything else is left out with a warning.
pub(crate) fn picture(base: &ImageBase, src: &str) -> Option<String> {
    let (path, mime) = locate(base, src)?;
    if let Some(n) = base.pictures.with(|p| p.by_path.get(&path).copied()) {
        return Some(format!("#pds-picture-{n}"));
    }
    let bytes = read(base, src, &path)?;
    base.pictures.with(|p| {
        if p.bytes + bytes.len() as u64 > MAX_INLINED_BYTES {
            p.error
                .get_or_insert_with(|| (shown(&base.file), shown(src)));
            return None;
        }
        let n = p.by_path.len() + 1;
        p.bytes += bytes.len() as u64;
        p.css.push_str(&format!(
            "img.pds-picture-{n} {{ content: url(data:{mime};base64,{}); }}\n",
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        ));
        p.by_path.insert(path, n);
        Some(format!("#pds-picture-{n}"))
    })
}

/// A picture from inside the record, by the same rules as `picture`: its
/// file, MIME type and bytes; anything else is left out with a warning.
pub(crate) fn load(base: &ImageBase, src: &str) -> Option<(PathBuf, &'static str, Vec<u8>)> {
    let (path, mime) = locate(base, src)?;
    let bytes = read(base, src, &path)?;
    Some((path, mime, bytes))
}

/// The file a picture's `src` names, when it is inside the record, and its
/// MIME type, when it is a raster format.
fn locate(base: &ImageBase, src: &str) -> Option<(PathBuf, &'static str)> {
    let decoded = percent_decode(src);
    let rel = Path::new(&decoded);
    let inside = |path: &Path| {
        let root = base.root.canonicalize().ok()?;
        path.starts_with(&root).then_some(())
    };
    let Some(path) = (!rel.is_absolute())
        .then(|| base.dir.join(rel).canonicalize().ok())
        .flatten()
        .filter(|path| inside(path).is_some())
    else {
        base.pictures
            .warn(base, src, "is not a file inside the record: left out");
        return None;
    };
    let mime = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        // SVG can carry script; only raster formats are inlined.
        _ => {
            base.pictures
                .warn(base, src, "is not PNG, JPEG, GIF or WebP: left out");
            return None;
        }
    };
    Some((path, mime))
}

/// A picture's bytes, when it is a regular file within `MAX_PICTURE_BYTES`.
fn read(base: &ImageBase, src: &str, path: &Path) -> Option<Vec<u8>> {
    // A FIFO or device would block or never end: only regular files are read.
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    if !regular {
        base.pictures
            .warn(base, src, "is not a regular file: left out");
        return None;
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PICTURE_BYTES + 1).read_to_end(&mut bytes));
    if read.is_err() {
        base.pictures.warn(base, src, "cannot be read: left out");
        return None;
    }
    if bytes.len() as u64 > MAX_PICTURE_BYTES {
        base.pictures.warn(
            base,
            src,
            &format!("is larger than {} MiB: left out", MAX_PICTURE_BYTES >> 20),
        );
        return None;
    }
    Some(bytes)
}

/// A picture's address or file name as a message shows it: control
/// characters (and quotes, backslashes) escaped.
fn shown(src: &str) -> String {
    src.chars().flat_map(char::escape_debug).collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            if let Some(hex) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(hex);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::to_html;

    #[test]
    fn pictures_outside_the_record_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("record");
        std::fs::create_dir_all(root.join("2021")).unwrap();
        std::fs::write(root.join("2021/fig.png"), [0x89, b'P', b'N', b'G']).unwrap();
        std::fs::write(dir.path().join("secret.png"), b"secret").unwrap();
        let base = ImageBase {
            root: root.clone(),
            dir: root.join("2021"),
            file: "2021/01-21-x.md".into(),
            pictures: Pictures::default(),
        };
        let html = to_html(
            "![f](fig.png) ![s](../../secret.png) ![a](/etc/passwd.png)",
            "",
            Some(&base),
        );
        assert!(
            html.contains("<img class=\"pds-picture-1\" alt=\"f\">"),
            "{html}"
        );
        assert_eq!(
            base.pictures.css(),
            "img.pds-picture-1 { content: url(data:image/png;base64,iVBORw==); }\n"
        );
        assert!(!html.contains("src="), "{html}");
        assert!(!base.pictures.css().contains("c2VjcmV0"));
        assert_eq!(
            base.pictures.warnings().len(),
            2,
            "{:?}",
            base.pictures.warnings()
        );
    }
}
