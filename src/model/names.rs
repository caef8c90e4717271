//! One name table per model enum: the words a file, a listing and a template
//! spell its values with, written once.

use std::fmt;

/// A model enum spelled by a fixed set of words.
pub trait Named: Copy + PartialEq + 'static {
    /// What one value is called in messages ("meeting status").
    const WHAT: &'static str;
    /// Every value with its word, in the order the docs list them.
    const ALL: &'static [(&'static str, Self)];
    /// The words alone, in the same order.
    const NAMES: &'static [&'static str];

    /// The value a word names.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

/// A word that names no value of the enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    pub what: &'static str,
    pub given: String,
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a valid {} (expected one of: {})",
            self.given,
            self.what,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

/// Declares a model enum with its words: `Variant = "word"`. Gives it the
/// [`Named`] table, `as_str`, `FromStr` and `Display`.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $name:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $ty {
            $($(#[$vmeta])* $variant),+
        }

        impl $ty {
            /// The word files and outputs spell this value with.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl $crate::model::names::Named for $ty {
            const WHAT: &'static str = $what;
            const ALL: &'static [(&'static str, Self)] = &[$(($name, $ty::$variant)),+];
            const NAMES: &'static [&'static str] = &[$($name),+];
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::model::names::UnknownName;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$ty as $crate::model::names::Named>::from_name(s).ok_or_else(|| {
                    $crate::model::names::UnknownName {
                        what: $what,
                        given: s.to_string(),
                        expected: <$ty as $crate::model::names::Named>::NAMES,
                    }
                })
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use named_enum;

#[cfg(test)]
mod tests {
    use super::Named;
    use crate::model::{
        ActionStatus, CaseStatus, ForumStatus, Language, Light, MeetingKind, MeetingStatus,
        RiskStatus,
    };

    /// Every word reads back as its value, and the value writes as its word.
    fn round_trips<T: Named + std::fmt::Debug + std::str::FromStr + std::fmt::Display>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for ((name, value), listed) in T::ALL.iter().zip(T::NAMES) {
            assert_eq!(name, listed);
            assert_eq!(value.to_string(), *name);
            assert_eq!(T::from_name(name), Some(*value));
            assert!(name.parse::<T>().is_ok());
        }
        assert!("no such word".parse::<T>().is_err());
    }

    #[test]
    fn every_enum_round_trips_through_its_words() {
        round_trips::<MeetingKind>();
        round_trips::<MeetingStatus>();
        round_trips::<CaseStatus>();
        round_trips::<RiskStatus>();
        round_trips::<Light>();
        round_trips::<Language>();
        round_trips::<ForumStatus>();
        round_trips::<ActionStatus>();
    }

    #[test]
    fn words_are_what_files_spell() {
        assert_eq!(
            MeetingStatus::NAMES,
            ["planned", "proposed", "held", "approved", "cancelled"]
        );
        assert_eq!(MeetingKind::NAMES, ["ordinary", "extraordinary"]);
        assert_eq!(
            CaseStatus::NAMES,
            ["draft", "ready", "decided", "withdrawn"]
        );
        assert_eq!(RiskStatus::NAMES, ["open", "closed"]);
        assert_eq!(Light::NAMES, ["green", "yellow", "red"]);
        assert_eq!(Language::NAMES, ["nb", "nn", "en"]);
        assert_eq!(ForumStatus::NAMES, ["planned", "held"]);
        assert_eq!(ActionStatus::NAMES, ["open", "done"]);
        let err = "hold".parse::<MeetingStatus>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "`hold` is not a valid meeting status (expected one of: planned, proposed, held, approved, cancelled)"
        );
    }
}
