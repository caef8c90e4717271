//! The extraction's identifiers and checksums: every `systemID` a UUID v5
//! of the board and what it names (the same record, the same UUIDs), every
//! checksum SHA-256 in lower-case hex, as Noark 5 asks (M705, M706).

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Makes the `systemID`s of one board's extraction.
pub struct Ids {
    namespace: Uuid,
}

impl Ids {
    /// The namespace of `board`: a UUID v5 of its name.
    pub fn new(board: &str) -> Self {
        Ids {
            namespace: Uuid::new_v5(
                &Uuid::NAMESPACE_URL,
                format!("urn:pds:board:{board}").as_bytes(),
            ),
        }
    }

    /// The UUID of `kind` (`meeting`, `case`, …) named `key` (`1/2021`, `5/21 2021/05-21-x.md`).
    pub fn id(&self, kind: &str, key: &str) -> String {
        Uuid::new_v5(&self.namespace, format!("{kind}\n{key}").as_bytes())
            .hyphenated()
            .to_string()
    }
}

/// SHA-256 of `bytes`, lower-case hex without separators.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `s` is a UUID as the schemas' `ID` type writes it (8-4-4-4-12 hex).
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = Ids::new("Styret");
        assert_eq!(
            a.id("meeting", "1/2021"),
            Ids::new("Styret").id("meeting", "1/2021")
        );
        assert_ne!(a.id("meeting", "1/2021"), a.id("meeting", "2/2021"));
        assert_ne!(
            a.id("meeting", "1/2021"),
            Ids::new("Rådet").id("meeting", "1/2021")
        );
        assert!(is_uuid(&a.id("case", "5/21")));
        assert!(!is_uuid("not-a-uuid"));
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
