//! `arkivuttrekk.xml`: the extraction described in ADDML 8.3 after
//! Arkivverket's Noark 5 template (the standard's appendix "Eksempel på
//! arkivuttrekk.xml"): who made the archive, the period, the kind of
//! extraction, and per XML file its name, checksum, schemas and counts.
//! Beyond the template, a `DOKUMENT` data object names every document file
//! with its checksum, so every file of the extraction is described here.

use super::ids::sha256_hex;
use super::xml::Xml;
use super::{Counts, Period, DOCUMENTS};
use crate::model::Record;

pub const NAMESPACE: &str = "http://www.arkivverket.no/standarder/addml";

/// The ADDML text for the extraction's `files` (every file but this one).
pub fn write(
    record: &Record,
    period: Period,
    files: &[(String, Vec<u8>)],
    counts: Counts,
) -> String {
    let checksum_of = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| sha256_hex(b))
            .unwrap_or_default()
    };
    let creator = record
        .board
        .secretariat
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| record.board.name.clone());
    let mut x = Xml::new();
    let location = format!("{NAMESPACE} addml.xsd");
    x.open(
        "addml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", &location),
            ("name", "Noark 5-arkivuttrekk"),
        ],
    );
    x.open("dataset", &[]);
    x.leaf("description", "Noark 5-arkivuttrekk");
    x.open("reference", &[]);
    x.open("context", &[]);
    x.open("additionalElements", &[]);
    x.open("additionalElement", &[("name", "recordCreators")]);
    x.open("additionalElements", &[]);
    x.open("additionalElement", &[("name", "recordCreator")]);
    x.leaf("value", &creator);
    x.close();
    x.close();
    x.close();
    element(&mut x, "systemType", "Møtebehandling (Noark 5)");
    element(&mut x, "systemName", "pds");
    element(&mut x, "archive", &record.board.name);
    x.close();
    x.close();
    x.open("content", &[]);
    x.open("additionalElements", &[]);
    x.open("additionalElement", &[("name", "archivalPeriod")]);
    x.open("properties", &[]);
    property(&mut x, "startDate", &format!("{:04}-01-01", period.from));
    property(&mut x, "endDate", &format!("{:04}-12-31", period.to));
    x.close();
    x.close();
    x.close();
    x.close();
    x.close();

    x.open("dataObjects", &[]);
    x.open("dataObject", &[("name", "Noark 5-arkivuttrekk")]);
    x.open("properties", &[]);
    x.open("property", &[("name", "info")]);
    x.open("properties", &[]);
    x.open("property", &[("name", "type")]);
    x.leaf("value", "Noark 5");
    x.open("properties", &[]);
    property(&mut x, "version", "5.0");
    x.close();
    x.close();
    x.open("property", &[("name", "additionalInfo")]);
    x.open("properties", &[]);
    let exempt = counts.screened > 0;
    typed(
        &mut x,
        "boolean",
        "inneholderSkjermetInformasjon",
        if exempt { "true" } else { "false" },
    );
    typed(&mut x, "boolean", "omfatterDokumenterSomErKassert", "false");
    typed(
        &mut x,
        "boolean",
        "inneholderDokumenterSomSkalKasseres",
        "false",
    );
    typed(
        &mut x,
        "boolean",
        "inneholderVirksomhetsspesifikkeMetadata",
        "false",
    );
    typed(
        &mut x,
        "integer",
        "antallDokumentfiler",
        &counts.documents.to_string(),
    );
    x.close();
    x.close();
    x.close();
    x.close();
    x.close();

    x.open("dataObjects", &[]);
    x.open("dataObject", &[("name", "arkivstruktur")]);
    x.open("properties", &[]);
    file_and_schemas(&mut x, "arkivstruktur", &checksum_of);
    x.open("property", &[("name", "info")]);
    x.open("properties", &[]);
    occurrences(&mut x, "mappe", counts.meetings);
    occurrences(&mut x, "registrering", counts.registrations);
    occurrences(&mut x, "dokumentobjekt", counts.documents);
    x.close();
    x.close();
    x.close();
    x.close();
    if counts.changes > 0 {
        x.open("dataObject", &[("name", "endringslogg")]);
        x.open("properties", &[]);
        file_and_schemas(&mut x, "endringslogg", &checksum_of);
        x.open("property", &[("name", "info")]);
        x.open("properties", &[]);
        occurrences(&mut x, "endring", counts.changes);
        x.close();
        x.close();
        x.close();
        x.close();
    }
    x.open("dataObject", &[("name", DOCUMENTS)]);
    x.open("dataObjects", &[]);
    let prefix = format!("{DOCUMENTS}/");
    for (name, bytes) in files.iter().filter(|(n, _)| n.starts_with(&prefix)) {
        x.open("dataObject", &[("name", name)]);
        x.open("properties", &[]);
        x.open("property", &[("name", "file")]);
        x.open("properties", &[]);
        property(&mut x, "name", name);
        property(&mut x, "format", super::pdf_format(bytes));
        checksum(&mut x, &sha256_hex(bytes));
        x.close();
        x.close();
        x.close();
        x.close();
    }
    x.finish()
}

fn element(x: &mut Xml, name: &str, value: &str) {
    x.open("additionalElement", &[("name", name)]);
    x.leaf("value", value);
    x.close();
}

fn property(x: &mut Xml, name: &str, value: &str) {
    x.open("property", &[("name", name)]);
    x.leaf("value", value);
    x.close();
}

fn typed(x: &mut Xml, data_type: &str, name: &str, value: &str) {
    x.open("property", &[("dataType", data_type), ("name", name)]);
    x.leaf("value", value);
    x.close();
}

fn checksum(x: &mut Xml, value: &str) {
    x.open("property", &[("name", "checksum")]);
    x.open("properties", &[]);
    property(x, "algorithm", "SHA-256");
    property(x, "value", value);
    x.close();
    x.close();
}

/// `property name="file"`: the file's name, format and checksum.
fn file(x: &mut Xml, name: &str, sha: &str) {
    x.open("property", &[("name", "file")]);
    x.open("properties", &[]);
    property(x, "name", name);
    xml_format(x);
    checksum(x, sha);
    x.close();
    x.close();
}

fn xml_format(x: &mut Xml) {
    x.open("property", &[("name", "format")]);
    x.leaf("value", "XML");
    x.open("properties", &[]);
    property(x, "version", "1.0");
    x.close();
    x.close();
}

/// `property name="schema"` (`main` for the file's own schema).
/// The `file` property of `<name>.xml` and its schemas: `<name>.xsd` (main)
/// and metadatakatalog.xsd, each with its checksum.
fn file_and_schemas(x: &mut Xml, name: &str, checksum_of: &dyn Fn(&str) -> String) {
    let (xml, xsd) = (format!("{name}.xml"), format!("{name}.xsd"));
    file(x, &xml, &checksum_of(&xml));
    schema(x, &xsd, &checksum_of(&xsd), true);
    schema(
        x,
        "metadatakatalog.xsd",
        &checksum_of("metadatakatalog.xsd"),
        false,
    );
}

fn schema(x: &mut Xml, name: &str, sha: &str, main: bool) {
    x.open("property", &[("name", "schema")]);
    if main {
        x.leaf("value", "main");
    }
    x.open("properties", &[]);
    file(x, name, sha);
    x.open("property", &[("name", "type")]);
    x.leaf("value", "XML Schema");
    x.open("properties", &[]);
    property(x, "version", "1.0");
    x.close();
    x.close();
    x.close();
    x.close();
}

fn occurrences(x: &mut Xml, element: &str, n: usize) {
    x.open("property", &[("name", "numberOfOccurrences")]);
    x.leaf("value", element);
    x.open("properties", &[]);
    property(x, "elementPath", &format!("//{element}"));
    typed(x, "integer", "value", &n.to_string());
    x.close();
    x.close();
}
