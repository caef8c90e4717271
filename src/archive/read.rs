//! `pds archive --check DIR`: re-reads an extraction and reports every
//! problem: a file missing or changed (its SHA-256 against what
//! `arkivuttrekk.xml` and `arkivstruktur.xml` say), a size or count that
//! does not match, a schema that is not Arkivverket's own, XML that is not
//! well-formed or not the structure pds writes, a document nobody describes.
//! pds cannot validate against the XSDs itself (no maintained Rust crate
//! validates XML Schema 1.0); it checks what it wrote, and the README shows
//! `xmllint --schema` for the full validation.

use super::ids::is_uuid;
use super::{addml, changes, schemas, structure, DOCUMENTS};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One problem of an extraction: the file (relative to the extraction) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub message: String,
}

fn problem(file: &str, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        message: message.into(),
    }
}

/// An element read back: its local name, attributes, text and children.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.trim())
    }

    /// Every element below (and including) this one, depth first.
    fn walk<'e>(&'e self, out: &mut Vec<&'e Element>) {
        out.push(self);
        for c in &self.children {
            c.walk(out);
        }
    }

    fn all(&self) -> Vec<&Element> {
        let mut out = Vec::new();
        self.walk(&mut out);
        out
    }

    /// ADDML: the child `property` named `name`.
    fn property(&self, name: &str) -> Option<&Element> {
        self.child("properties")?
            .children
            .iter()
            .find(|p| p.name == "property" && p.attr("name") == Some(name))
    }
}

/// How deep an extraction's XML may nest (pds writes at most about 12 levels).
const MAX_DEPTH: usize = 64;

/// Parses `text` into its root element, or says why it is not well-formed XML.
fn parse(text: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Element> = vec![Element::default()];
    let bad =
        |at: u64, e: &dyn std::fmt::Display| format!("not well-formed XML (at byte {at}): {e}");
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| bad(at, &e))?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let mut element = Element {
                    name: start.local_name().as_ref().to_string(),
                    ..Element::default()
                };
                for attr in start.attributes() {
                    let attr = attr.map_err(|e| bad(at, &e))?;
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| bad(at, &e))?;
                    element
                        .attrs
                        .push((attr.key.as_ref().to_string(), value.into_owned()));
                }
                if stack.len() > MAX_DEPTH {
                    return Err(format!("nested deeper than {MAX_DEPTH} elements"));
                }
                stack.push(element);
                if empty {
                    close(&mut stack);
                }
            }
            Event::End(_) => close(&mut stack),
            Event::Text(t) => {
                let s = t.xml10_content();
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&s);
                }
            }
            Event::CData(t) => {
                let s = t.xml10_content();
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| bad(at, &e))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.xml10_content();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| bad(at, &format!("unknown entity &{name};")))?
                            .to_string()
                    }
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack.pop().unwrap_or_default();
    if !stack.is_empty() {
        return Err("not well-formed XML: an element is not closed".into());
    }
    match document.children.len() {
        1 => Ok(document.children.pop().unwrap_or_default()),
        0 => Err("not well-formed XML: no root element".into()),
        _ => Err("not well-formed XML: more than one root element".into()),
    }
}

/// Ends the element on top of the stack: it becomes its parent's last child.
fn close(stack: &mut Vec<Element>) {
    if stack.len() < 2 {
        return;
    }
    if let Some(done) = stack.pop() {
        if let Some(parent) = stack.last_mut() {
            parent.children.push(done);
        }
    }
}

/// A path an extraction names (`dokumenter/2021/x.pdf`) that stays inside it:
/// relative, no `..`, no empty or `.` parts, no backslash.
fn inside(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

/// Checks the extraction in `dir`; every problem found, none when it holds.
pub fn check(dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let read = |name: &str, problems: &mut Vec<Problem>| -> Option<Vec<u8>> {
        let mut file = open_file(dir, name, problems)?;
        let mut bytes = Vec::new();
        match std::io::Read::read_to_end(
            &mut std::io::Read::take(&mut file, MAX_XML + 1),
            &mut bytes,
        ) {
            Ok(_) if bytes.len() as u64 > MAX_XML => {
                problems.push(problem(
                    name,
                    format!("is larger than {} MiB: not a file pds wrote", MAX_XML >> 20),
                ));
                None
            }
            Ok(_) => Some(bytes),
            Err(e) => {
                problems.push(problem(name, format!("cannot be read: {e}")));
                None
            }
        }
    };
    // A document: its SHA-256 and size, read piece by piece (it may be large).
    let digest = |name: &str, problems: &mut Vec<Problem>| -> Option<(String, u64)> {
        let file = open_file(dir, name, problems)?;
        match sha256_of(file) {
            Ok(found) => Some(found),
            Err(e) => {
                problems.push(problem(name, format!("cannot be read: {e}")));
                None
            }
        }
    };
    let xml = |name: &str, problems: &mut Vec<Problem>| -> Option<Element> {
        let bytes = read(name, problems)?;
        let Ok(text) = String::from_utf8(bytes) else {
            problems.push(problem(name, "is not UTF-8"));
            return None;
        };
        match parse(&text) {
            Ok(root) => Some(root),
            Err(why) => {
                problems.push(problem(name, why));
                None
            }
        }
    };

    // The schemas: Arkivverket's own, unchanged (requirement 6.4.18).
    for name in [
        "addml.xsd",
        "arkivstruktur.xsd",
        "metadatakatalog.xsd",
        "endringslogg.xsd",
    ] {
        if name == "endringslogg.xsd" && !dir.join("endringslogg.xml").exists() {
            continue;
        }
        if let (Some(bytes), Some(official)) = (read(name, &mut problems), schemas::get(name)) {
            if bytes != official {
                problems.push(problem(name, "differs from Arkivverket's schema of that name (N5 v5.0 / ADDML 8.3): only the official schemas may be deposited"));
            }
        }
    }

    // arkivuttrekk.xml: every file it names, with its checksum, and the counts.
    let mut counted: BTreeMap<String, u64> = BTreeMap::new();
    let mut described: BTreeSet<String> = BTreeSet::new();
    if let Some(root) = xml("arkivuttrekk.xml", &mut problems) {
        if root.name != "addml" || root.attr("xmlns") != Some(addml::NAMESPACE) {
            problems.push(problem(
                "arkivuttrekk.xml",
                format!(
                    "is not an ADDML description: its root is <{}>, not <addml xmlns=\"{}\">",
                    root.name,
                    addml::NAMESPACE
                ),
            ));
        }
        for p in root.all() {
            if p.name == "property" && p.attr("name") == Some("file") {
                let name = p.property("name").and_then(|n| n.child_text("value"));
                let sum = p
                    .property("checksum")
                    .and_then(|c| c.property("value"))
                    .and_then(|v| v.child_text("value"));
                let Some(name) = name else {
                    problems.push(problem(
                        "arkivuttrekk.xml",
                        "a file property without a name",
                    ));
                    continue;
                };
                if !inside(name) {
                    problems.push(problem(
                        "arkivuttrekk.xml",
                        format!("names {name}, a path outside the extraction"),
                    ));
                    continue;
                }
                described.insert(name.to_string());
                let Some((found, _)) = digest(name, &mut problems) else {
                    continue;
                };
                match sum {
                    Some(sum) if sum.eq_ignore_ascii_case(&found) => {}
                    Some(sum) => problems.push(problem(name, format!("checksum: its SHA-256 is {found}, arkivuttrekk.xml says {sum}: the file was changed after the deposit was made"))),
                    None => problems.push(problem("arkivuttrekk.xml", format!("gives no checksum for {name}"))),
                }
            }
            if p.name == "property" && p.attr("name") == Some("numberOfOccurrences") {
                let element = p.child_text("value").unwrap_or_default().to_string();
                let value = p.property("value").and_then(|v| v.child_text("value"));
                match value.and_then(|v| v.parse::<u64>().ok()) {
                    Some(n) => {
                        counted.insert(element, n);
                    }
                    None => problems.push(problem(
                        "arkivuttrekk.xml",
                        format!("the count of {element} is not a number"),
                    )),
                }
            }
        }
        for required in [
            "arkivstruktur.xml",
            "arkivstruktur.xsd",
            "metadatakatalog.xsd",
        ] {
            if !described.contains(required) {
                problems.push(problem(
                    "arkivuttrekk.xml",
                    format!("does not describe {required}"),
                ));
            }
        }
    }

    // arkivstruktur.xml: the structure, every document object's file, the counts.
    let mut referenced: BTreeSet<String> = BTreeSet::new();
    let mut system_ids: BTreeSet<String> = BTreeSet::new();
    if let Some(root) = xml("arkivstruktur.xml", &mut problems) {
        if root.name != "arkiv" || root.attr("xmlns") != Some(structure::NAMESPACE) {
            problems.push(problem("arkivstruktur.xml", format!("is not a Noark 5 archive structure: its root is <{}>, not <arkiv xmlns=\"{}\">", root.name, structure::NAMESPACE)));
        }
        let all = root.all();
        let ids = &mut system_ids;
        for e in all.iter().filter(|e| e.name == "systemID") {
            let id = e.text.trim();
            if !is_uuid(id) {
                problems.push(problem(
                    "arkivstruktur.xml",
                    format!("systemID {id} is not a UUID"),
                ));
            } else if !ids.insert(id.to_ascii_lowercase()) {
                problems.push(problem(
                    "arkivstruktur.xml",
                    format!("systemID {id} is given twice"),
                ));
            }
        }
        for folder in all.iter().filter(|e| e.name == "mappe") {
            let id = folder.child_text("mappeID").unwrap_or("?");
            if folder.attr("xsi:type") != Some("moetemappe") {
                problems.push(problem(
                    "arkivstruktur.xml",
                    format!("folder {id} is not a meeting folder (xsi:type=\"moetemappe\")"),
                ));
            }
            let last_registration = folder
                .children
                .iter()
                .rposition(|c| c.name == "registrering");
            let number = folder.children.iter().position(|c| c.name == "moetenummer");
            match (last_registration, number) {
                (_, None) => problems.push(problem("arkivstruktur.xml", format!("meeting folder {id} has no moetenummer"))),
                (Some(r), Some(n)) if n < r => problems.push(problem("arkivstruktur.xml", format!("meeting folder {id}: moetenummer stands before its registrations; the schema puts a moetemappe's own elements after them"))),
                _ => {}
            }
        }
        for object in all.iter().filter(|e| e.name == "dokumentobjekt") {
            let Some(path) = object.child_text("referanseDokumentfil") else {
                problems.push(problem(
                    "arkivstruktur.xml",
                    "a dokumentobjekt without referanseDokumentfil",
                ));
                continue;
            };
            if !inside(path) {
                problems.push(problem(
                    "arkivstruktur.xml",
                    format!("referanseDokumentfil {path} is a path outside the extraction"),
                ));
                continue;
            }
            referenced.insert(path.to_string());
            if object.child_text("sjekksumAlgoritme") != Some("SHA256") {
                problems.push(problem(
                    "arkivstruktur.xml",
                    format!("the checksum of {path} is not SHA256"),
                ));
            }
            let Some((sum, size)) = digest(path, &mut problems) else {
                continue;
            };
            match object.child_text("sjekksum") {
                Some(s) if s.eq_ignore_ascii_case(&sum) => {}
                Some(s) => problems.push(problem(path, format!("checksum: its SHA-256 is {sum}, arkivstruktur.xml says {s}: the document was changed after the deposit was made"))),
                None => problems.push(problem("arkivstruktur.xml", format!("gives no sjekksum for {path}"))),
            }
            let size = size.to_string();
            match object.child_text("filstoerrelse") {
                Some(s) if s == size => {}
                s => problems.push(problem(
                    path,
                    format!(
                        "size: it has {size} bytes, arkivstruktur.xml says {}",
                        s.unwrap_or("nothing")
                    ),
                )),
            }
        }
        for (element, found) in [
            ("mappe", all.iter().filter(|e| e.name == "mappe").count()),
            (
                "registrering",
                all.iter().filter(|e| e.name == "registrering").count(),
            ),
            (
                "dokumentobjekt",
                all.iter().filter(|e| e.name == "dokumentobjekt").count(),
            ),
        ] {
            match counted.get(element) {
                Some(&n) if n == found as u64 => {}
                Some(&n) => problems.push(problem(
                    "arkivstruktur.xml",
                    format!("count: it holds {found} {element}, arkivuttrekk.xml says {n}"),
                )),
                None => problems.push(problem(
                    "arkivuttrekk.xml",
                    format!("does not count {element}"),
                )),
            }
        }
    }

    // endringslogg.xml, when there is one.
    if dir.join("endringslogg.xml").exists() {
        if let Some(root) = xml("endringslogg.xml", &mut problems) {
            if root.name != "endringslogg" || root.attr("xmlns") != Some(changes::NAMESPACE) {
                problems.push(problem("endringslogg.xml", "is not a Noark 5 change log"));
            }
            let found = root.children.iter().filter(|c| c.name == "endring").count();
            for change in root.children.iter().filter(|c| c.name == "endring") {
                let target = change.child_text("referanseArkivenhet").unwrap_or_default();
                if !system_ids.contains(&target.to_ascii_lowercase()) {
                    problems.push(problem("endringslogg.xml", format!("a change refers to {target}, which no systemID in arkivstruktur.xml has")));
                }
            }
            if found == 0 {
                problems.push(problem("endringslogg.xml", "holds no change (the schema wants at least one; with none the file is left out)"));
            }
            match counted.get("endring") {
                Some(&n) if n == found as u64 => {}
                Some(&n) => problems.push(problem(
                    "endringslogg.xml",
                    format!("count: it holds {found} endring, arkivuttrekk.xml says {n}"),
                )),
                None => problems.push(problem("arkivuttrekk.xml", "does not count endring")),
            }
            if !described.contains("endringslogg.xml") {
                problems.push(problem(
                    "arkivuttrekk.xml",
                    "does not describe endringslogg.xml",
                ));
            }
        }
    }

    // Every document file is described by a dokumentobjekt.
    for file in files_under(dir, DOCUMENTS) {
        if !referenced.contains(&file) {
            problems.push(problem(
                &file,
                "no dokumentobjekt in arkivstruktur.xml describes it",
            ));
        }
    }
    // Every other file is described by arkivuttrekk.xml (all but itself and
    // its schema); not looked for when it describes nothing (a folder that is
    // not an extraction, a home folder given by mistake, is not listed whole).
    let others = if described.is_empty() {
        Vec::new()
    } else {
        files_under(dir, "")
    };
    for file in others {
        let document = file.starts_with(&format!("{DOCUMENTS}/")) || file == DOCUMENTS;
        let own = matches!(file.as_str(), "arkivuttrekk.xml" | "addml.xsd");
        if !document && !own && !described.contains(&file) {
            problems.push(problem(
                &file,
                "arkivuttrekk.xml does not describe it: a file that is not part of the extraction",
            ));
        }
    }
    once_per_file(problems)
}

/// The largest XML file `--check` reads whole (pds writes a few MiB for decades of meetings).
const MAX_XML: u64 = 256 << 20;

/// Opens the regular file `name` of the extraction in `dir`; a symbolic link
/// (to a file outside, to `/dev/zero`), a folder or a device is a problem, as
/// is a path through a linked folder: an extraction holds plain files only.
fn open_file(dir: &Path, name: &str, problems: &mut Vec<Problem>) -> Option<std::fs::File> {
    let path = dir.join(name);
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            problems.push(problem(
                name,
                "missing: the extraction names it, but it is not there",
            ));
            return None;
        }
        Err(e) => {
            problems.push(problem(name, format!("cannot be read: {e}")));
            return None;
        }
    };
    let through_link = match (path.canonicalize(), dir.canonicalize()) {
        (Ok(full), Ok(top)) => full != top.join(name),
        _ => true,
    };
    if meta.file_type().is_symlink() || through_link {
        problems.push(problem(
            name,
            "is a symbolic link (or lies in a linked folder): an extraction holds plain files only, so it was not read",
        ));
        return None;
    }
    if !meta.is_file() {
        problems.push(problem(
            name,
            "is not a plain file (a folder, device or pipe), so it was not read",
        ));
        return None;
    }
    match std::fs::File::open(&path) {
        Ok(file) => Some(file),
        Err(e) => {
            problems.push(problem(name, format!("cannot be read: {e}")));
            None
        }
    }
}

/// The SHA-256 (lower-case hex) and size of what `reader` gives, read in pieces.
fn sha256_of(mut reader: impl std::io::Read) -> std::io::Result<(String, u64)> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(buf.get(..n).unwrap_or_default());
        size += n as u64;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, size))
}

/// One problem of a kind per file: a document both XML files describe is
/// missing or changed once, not twice. The kind is the message's first word.
fn once_per_file(problems: Vec<Problem>) -> Vec<Problem> {
    let mut seen = BTreeSet::new();
    problems
        .into_iter()
        .filter(|p| {
            let kind = p
                .message
                .split([':', ' '])
                .next()
                .unwrap_or_default()
                .to_string();
            seen.insert((p.file.clone(), kind))
        })
        .collect()
}

/// The files under `dir/sub`, as paths relative to `dir`, sorted.
fn files_under(dir: &Path, sub: &str) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir.join(sub))
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            e.path()
                .strip_prefix(dir)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nesting_entities_and_empty_elements() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\"><b>x &lt; y&#65;</b><c/><d>t</d></a>",
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1 & 2"));
        assert_eq!(root.child_text("b"), Some("x < yA"));
        assert_eq!(root.children.len(), 3);
        assert_eq!(root.child_text("d"), Some("t"));
    }

    #[test]
    fn refuses_what_is_not_well_formed() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a></a><b/>").is_err());
        assert!(parse("<a>").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn paths_stay_inside() {
        assert!(inside("dokumenter/2021/x.pdf"));
        assert!(!inside("../x"));
        assert!(!inside("/etc/passwd"));
        assert!(!inside("a//b"));
    }
}
