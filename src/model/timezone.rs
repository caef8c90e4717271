//! The time zones a board's meetings may be held in (`timezone:` in
//! pds.yaml), each with the rules an invitation's VTIMEZONE states: its
//! standard offset and, for the zones of the EU's summer-time rule, the
//! summer time from the last Sunday of March to the last Sunday of October
//! at 01:00 UTC. A zone outside this table is refused where it is read, so
//! an invitation never names a zone it cannot describe.

/// A time zone pds can write into an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    /// The IANA name: `Europe/Oslo`.
    pub name: &'static str,
    /// Standard time's offset from UTC, in hours.
    pub offset: i8,
    /// Standard time's abbreviation: `CET`.
    pub standard: &'static str,
    /// Summer time's abbreviation (`CEST`); `None`: the zone keeps no summer time.
    pub summer: Option<&'static str>,
}

/// Every zone pds knows: UTC and the European zones of the EU summer-time rule.
pub const ZONES: &[Zone] = &[
    Zone::eu("Europe/Oslo", 1, "CET", "CEST"),
    Zone::eu("Europe/Stockholm", 1, "CET", "CEST"),
    Zone::eu("Europe/Copenhagen", 1, "CET", "CEST"),
    Zone::eu("Europe/Berlin", 1, "CET", "CEST"),
    Zone::eu("Europe/Amsterdam", 1, "CET", "CEST"),
    Zone::eu("Europe/Brussels", 1, "CET", "CEST"),
    Zone::eu("Europe/Paris", 1, "CET", "CEST"),
    Zone::eu("Europe/Helsinki", 2, "EET", "EEST"),
    Zone::eu("Europe/London", 0, "GMT", "BST"),
    Zone {
        name: "UTC",
        offset: 0,
        standard: "UTC",
        summer: None,
    },
];

/// The names of `ZONES`, as pds.yaml's `timezone` may be.
pub const ZONE_NAMES: &[&str] = &[
    "Europe/Oslo",
    "Europe/Stockholm",
    "Europe/Copenhagen",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/Paris",
    "Europe/Helsinki",
    "Europe/London",
    "UTC",
];

impl Zone {
    const fn eu(
        name: &'static str,
        offset: i8,
        standard: &'static str,
        summer: &'static str,
    ) -> Zone {
        Zone {
            name,
            offset,
            standard,
            summer: Some(summer),
        }
    }

    pub fn find(name: &str) -> Option<Zone> {
        ZONES.iter().copied().find(|z| z.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_are_the_zones() {
        let names: Vec<&str> = ZONES.iter().map(|z| z.name).collect();
        assert_eq!(names, ZONE_NAMES);
    }
}
