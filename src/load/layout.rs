//! Where a record is and what its files are: the folder holding pds.yaml,
//! which path holds which `FileKind`, and the walk that lists them in sorted
//! order (all of them, or a `Scope`'s).

use super::Workers;
use std::path::{Path, PathBuf};

/// The marker file of a record.
pub const BOARD_FILE: &str = "pds.yaml";

/// The folder holding `pds.yaml`: `start` or the nearest folder above it.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .find(|dir| dir.join(BOARD_FILE).is_file())
        .map(Path::to_path_buf)
}

/// What a file of the record holds, judged by where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Board,
    Meetings,
    Case,
    Draft,
    Risk,
    Status,
    Forums,
    Actions,
}

/// Classifies a path relative to the root, or `None` for files pds does not read.
pub fn classify(rel: &str) -> Option<FileKind> {
    let Some((folder, name)) = rel.split_once('/') else {
        return (rel == BOARD_FILE).then_some(FileKind::Board);
    };
    if name.contains('/') {
        return None;
    }
    match folder {
        year if is_year(year) => match name {
            "meetings.yaml" => Some(FileKind::Meetings),
            "actions.yaml" => Some(FileKind::Actions),
            "forums.yaml" => Some(FileKind::Forums),
            n if n.ends_with(".md") => Some(FileKind::Case),
            _ => None,
        },
        "drafts" if name.ends_with(".md") => Some(FileKind::Draft),
        "risks" if name.ends_with(".yaml") => Some(FileKind::Risk),
        "status" if name.ends_with(".yaml") => Some(FileKind::Status),
        _ => None,
    }
}

pub fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Which part of a record a command needs: a year's folder and the small
/// registers (risks, status reports, every year's forums and actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub year: u16,
}

/// The files of one year's documents, in sorted order.
pub(super) fn walk_scoped(root: &Path, scope: Scope, workers: &Workers) -> Vec<Listed> {
    // Only the year's folder and the registers are listed; other years are
    // only asked for their forums and actions.
    let year = scope.year.to_string();
    list(root, workers, |name| {
        if name == year || name == "risks" || name == "status" {
            Descend::Whole
        } else if is_year(name) {
            Descend::Registers
        } else {
            Descend::Not
        }
    })
}

/// The record's files in sorted order, with what each holds.
pub(super) fn walk(root: &Path, workers: &Workers) -> Vec<Listed> {
    list(root, workers, |name| {
        if is_year(name) || ["drafts", "risks", "status"].contains(&name) {
            Descend::Whole
        } else {
            Descend::Not
        }
    })
}

/// A file of the record: its path relative to the root (`/` between
/// names), what it holds, and its path when its name is not UTF-8 (the
/// relative path names it with U+FFFD, and cannot find it again).
pub(super) type Listed = (String, FileKind, Option<PathBuf>);

/// What of a folder at the record's top is listed.
enum Descend {
    Not,
    /// Every file in it.
    Whole,
    /// Only its actions.yaml and forums.yaml.
    Registers,
}

/// The files pds reads at `root` and one folder down (`descend` says which
/// folders), by path relative to the root, sorted. Their paths are made
/// when they are read, not kept for 100,000 files at once.
///
/// By hand rather than walkdir: a record is two levels deep, its folders
/// are listed on every core, and each folder's names are sorted on their
/// own (a folder's name is never the start of another's, so the folders in
/// order, each in order, is the whole in order). Names starting with `.`
/// are passed over; a link is listed as a file (reading it decides whether
/// it may be followed).
fn list(root: &Path, workers: &Workers, descend: impl Fn(&str) -> Descend) -> Vec<Listed> {
    let Ok(top) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    // What stands at the top, by name: a file of the record, or a folder to list.
    let mut groups: Vec<(String, Group)> = Vec::new();
    for entry in top.flatten() {
        let os_name = entry.file_name();
        let name = os_name.to_string_lossy().into_owned();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let utf8 = os_name.to_str().is_some();
        if !kind.is_dir() {
            if let Some(kind) = classify(&name) {
                let path = (!utf8).then(|| entry.path());
                groups.push((name.clone(), Group::File((name, kind, path))));
            }
            continue;
        }
        match descend(&name) {
            Descend::Not => {}
            Descend::Whole => groups.push((name, Group::Folder(entry.path(), utf8))),
            Descend::Registers => {
                let files = ["actions.yaml", "forums.yaml"]
                    .into_iter()
                    .filter(|small| entry.path().join(small).is_file())
                    .filter_map(|small| {
                        let rel = format!("{name}/{small}");
                        let kind = classify(&rel)?;
                        Some((rel, kind, (!utf8).then(|| entry.path().join(small))))
                    })
                    .collect();
                groups.push((name, Group::Listed(files)));
            }
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let listed = workers.map(&groups, |(name, group), _| match group {
        Group::File(file) => vec![file.clone()],
        Group::Listed(files) => files.clone(),
        Group::Folder(path, utf8) => list_folder(name, path, *utf8),
    });
    listed.into_iter().flatten().collect()
}

/// One thing at the top of a record.
enum Group {
    File(Listed),
    /// A folder whose every file is listed, and whether its name is UTF-8.
    Folder(PathBuf, bool),
    /// A folder of which only these files are listed.
    Listed(Vec<Listed>),
}

/// The files of the folder `name` at `path`, sorted.
fn list_folder(name: &str, path: &Path, utf8: bool) -> Vec<Listed> {
    let Ok(inner) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for f in inner.flatten() {
        let os_file_name = f.file_name();
        let file_name = os_file_name.to_string_lossy();
        if file_name.starts_with('.') || !f.file_type().is_ok_and(|t| !t.is_dir()) {
            continue;
        }
        let rel = format!("{name}/{file_name}");
        if let Some(kind) = classify(&rel) {
            let odd = !utf8 || os_file_name.to_str().is_none();
            files.push((rel, kind, odd.then(|| f.path())));
        }
    }
    // By the names' bytes, as the file system holds them (walkdir's order
    // was): a name that is not UTF-8 is listed by U+FFFD, which sorts
    // elsewhere, and two such names may be listed alike.
    files.sort_unstable_by(|a, b| match (&a.2, &b.2) {
        // UTF-8 names in one folder: their paths are in the names' order.
        (None, None) => a.0.cmp(&b.0),
        _ => name_bytes(a).cmp(name_bytes(b)),
    });
    files
}

/// A listed file's name in its folder, as bytes on disk.
fn name_bytes(file: &Listed) -> &[u8] {
    match &file.2 {
        Some(path) => path.file_name().map_or(&[], |n| n.as_encoded_bytes()),
        None => file.0.rsplit('/').next().unwrap_or_default().as_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_classified_by_where_they_stand() {
        assert_eq!(classify("pds.yaml"), Some(FileKind::Board));
        assert_eq!(classify("2021/meetings.yaml"), Some(FileKind::Meetings));
        assert_eq!(classify("2021/43-21-x.md"), Some(FileKind::Case));
        assert_eq!(classify("drafts/x.md"), Some(FileKind::Draft));
        assert_eq!(classify("risks/13.yaml"), Some(FileKind::Risk));
        assert_eq!(classify("status/2021-11-24.yaml"), Some(FileKind::Status));
        assert_eq!(classify("2021/forums.yaml"), Some(FileKind::Forums));
        assert_eq!(classify("2021/actions.yaml"), Some(FileKind::Actions));
        assert_eq!(classify("README.md"), None);
        assert_eq!(classify("templates/notice.md"), None);
        assert_eq!(classify("2021/figur.png"), None);
        assert_eq!(classify("21/x.md"), None);
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_listed_in_the_order_of_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let year = dir.path().join("2021");
        std::fs::create_dir(&year).unwrap();
        // Bytes: a (61) < é (C3) < 🎉 (F0) < FE < FF; by U+FFFD (EF BF BD)
        // the last two came before the emoji.
        let names: [&[u8]; 5] = [
            b"a.md",
            "é.md".as_bytes(),
            "🎉.md".as_bytes(),
            b"\xfe.md",
            b"\xff.md",
        ];
        for name in names.iter().rev() {
            std::fs::write(year.join(std::ffi::OsStr::from_bytes(name)), "").unwrap();
        }
        let listed = list_folder("2021", &year, true);
        let bytes: Vec<&[u8]> = listed.iter().map(name_bytes).collect();
        assert_eq!(bytes, names);
    }
}
