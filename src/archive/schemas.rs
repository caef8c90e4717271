//! The official Noark 5 schemas, embedded: every extraction carries them
//! (requirement 6.4.16: each XML file's schema goes into the deposit, and
//! 6.4.18: only Arkivverket's own, unchanged). Their origin is in
//! `schemas/README.md`.

/// (file name, bytes) of each schema an extraction holds.
pub const ALL: &[(&str, &[u8])] = &[
    ("addml.xsd", include_bytes!("schemas/addml.xsd")),
    (
        "arkivstruktur.xsd",
        include_bytes!("schemas/arkivstruktur.xsd"),
    ),
    (
        "endringslogg.xsd",
        include_bytes!("schemas/endringslogg.xsd"),
    ),
    (
        "metadatakatalog.xsd",
        include_bytes!("schemas/metadatakatalog.xsd"),
    ),
];

/// The bytes of the schema `name`, if pds carries it.
pub fn get(name: &str) -> Option<&'static [u8]> {
    ALL.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}
