//! The name of a numbered case file, `2021/05-21-slug.md`: the one place
//! that reads a case number from a file name and writes one into it.

use super::CaseNumber;
use std::fmt;

/// Where a numbered case lives, relative to the root: the folder of its
/// year, then its number with the sequence padded to two digits, then a slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFileName {
    pub number: CaseNumber,
    /// What follows the number, without `.md` (may be empty).
    pub slug: String,
}

impl CaseFileName {
    pub fn new(number: CaseNumber, slug: impl Into<String>) -> Self {
        CaseFileName {
            number,
            slug: slug.into(),
        }
    }

    /// Reads the number a file's name begins with (`2021/05-21-x.md` → 5/21);
    /// the folder is not looked at. `None` when the name begins with no number.
    pub fn parse(name: &str) -> Option<Self> {
        let base = name.rsplit('/').next()?;
        let mut parts = base.splitn(3, '-');
        let (seq, yy) = (parts.next()?, parts.next()?);
        let number = CaseNumber::parse(&format!("{seq}/{yy}")).ok()?;
        let rest = parts.next().unwrap_or_default();
        Some(Self::new(number, rest.strip_suffix(".md").unwrap_or(rest)))
    }

    /// Whether `name` is where a case of `number` belongs: in its year's
    /// folder, beginning with its padded number (`2021/05-21-…`).
    pub fn holds(name: &str, number: CaseNumber) -> bool {
        // Compared piece by piece, not written into a new string: `check`
        // asks it of every case. `{year}/{seq:02}-{yy:02}-`.
        let rest = name.as_bytes();
        let Some(rest) = strip_number(rest, u32::from(number.year()), 1) else {
            return false;
        };
        let Some(rest) = rest.strip_prefix(b"/") else {
            return false;
        };
        let Some(rest) = strip_number(rest, number.seq, 2) else {
            return false;
        };
        let Some(rest) = rest.strip_prefix(b"-") else {
            return false;
        };
        strip_number(rest, u32::from(number.yy), 2).is_some_and(|rest| rest.starts_with(b"-"))
    }

    /// The name a case of `number` should have, with `<slug>` for the slug:
    /// what a finding tells the user to rename a file to.
    pub fn pattern(number: CaseNumber) -> String {
        Self::new(number, "<slug>").to_string()
    }
}

/// `2021/05-21-`: what every file name of a case of a number begins with.
struct Stem(CaseNumber);

impl fmt::Display for Stem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        write!(f, "{}/{:02}-{:02}-", n.year(), n.seq, n.yy)
    }
}

/// `text` after `n` written in decimal with zeros to `width` digits, when
/// `text` begins with it.
fn strip_number(text: &[u8], n: u32, width: usize) -> Option<&[u8]> {
    let mut digits = [b'0'; 10];
    let mut len = 0;
    let mut rest = n;
    while rest > 0 || len < width.min(digits.len()) {
        let slot = digits.len().checked_sub(len + 1)?;
        *digits.get_mut(slot)? = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
    }
    let digits = digits.get(digits.len() - len..)?;
    // Byte by byte: a call to memcmp costs more than these few bytes.
    let (head, rest) = (text.get(..len)?, text.get(len..)?);
    head.iter().zip(digits).all(|(a, b)| a == b).then_some(rest)
}

impl fmt::Display for CaseFileName {
    /// `2021/05-21-slug.md`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}.md", Stem(self.number), self.slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_built_and_read_back() {
        let name = CaseFileName::new(CaseNumber::new(5, 21), "budsjett");
        assert_eq!(name.to_string(), "2021/05-21-budsjett.md");
        assert_eq!(CaseFileName::parse(&name.to_string()), Some(name));
        let big = CaseFileName::new(CaseNumber::new(143, 21), "x");
        assert_eq!(big.to_string(), "2021/143-21-x.md");
        assert_eq!(CaseFileName::parse("2021/143-21-x.md"), Some(big));
    }

    #[test]
    fn a_name_without_a_number_reads_as_none() {
        assert_eq!(CaseFileName::parse("drafts/utkast.md"), None);
        assert_eq!(CaseFileName::parse("2021/00-21-x.md"), None);
        assert_eq!(CaseFileName::parse("2021/5-2021-x.md"), None);
        // An unpadded number still reads (it reserves its number) …
        assert_eq!(
            CaseFileName::parse("2021/5-21-x.md").map(|n| n.number),
            Some(CaseNumber::new(5, 21))
        );
        // … but is not where the case belongs.
        assert!(!CaseFileName::holds(
            "2021/5-21-x.md",
            CaseNumber::new(5, 21)
        ));
    }

    #[test]
    fn a_case_belongs_in_its_years_folder_under_its_padded_number() {
        let n = CaseNumber::new(5, 21);
        assert!(CaseFileName::holds("2021/05-21-x.md", n));
        assert!(!CaseFileName::holds("2022/05-21-x.md", n));
        assert!(!CaseFileName::holds("2021/06-21-x.md", n));
        assert!(!CaseFileName::holds("2021/05-21.md", n));
        assert_eq!(CaseFileName::pattern(n), "2021/05-21-<slug>.md");
    }

    #[test]
    fn holds_is_a_comparison_with_the_written_stem() {
        let numbers: Vec<CaseNumber> = [0, 1, 5, 9, 10, 99, 100, 1234, u32::MAX]
            .into_iter()
            .flat_map(|seq| [0u8, 5, 21, 99].map(|yy| CaseNumber::new(seq, yy)))
            .collect();
        let mut names: Vec<String> = numbers
            .iter()
            .map(|n| format!("{}x.md", Stem(*n)))
            .collect();
        names.extend(
            [
                "2021/5-21-x.md",
                "2021/005-21-x.md",
                "2021/05-21",
                "",
                "2021/05-21x",
                "02021/05-21-x.md",
            ]
            .map(String::from),
        );
        for n in &numbers {
            for name in &names {
                let written = Stem(*n).to_string();
                assert_eq!(
                    CaseFileName::holds(name, *n),
                    name.starts_with(&written),
                    "{name} {n:?}"
                );
            }
        }
    }
}
