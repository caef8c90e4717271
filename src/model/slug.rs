//! Slugs for file names and identifiers: `Sentralt styringsdokument for steg 2`
//! → `sentralt-styringsdokument-for-steg-2`.

/// Lowercase ASCII words joined by `-`; Norwegian letters folded (æ → ae,
/// ø → o, å → a), at most `max` characters, cut at a word boundary.
pub fn slug(text: &str, max: usize) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => folded.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => folded.push('o'),
            'å' | 'ä' | 'á' | 'à' | 'â' => folded.push('a'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'ü' | 'ú' | 'ù' => folded.push('u'),
            'í' | 'ì' | 'ï' => folded.push('i'),
            'ß' => folded.push_str("ss"),
            c if c.is_ascii_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    let mut out = String::new();
    for word in folded.split_whitespace() {
        if !out.is_empty() && out.len() + 1 + word.len() > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out.truncate(max);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_norwegian_letters_and_cuts_at_words() {
        assert_eq!(
            slug("Sentralt styringsdokument for steg 2", 60),
            "sentralt-styringsdokument-for-steg-2"
        );
        assert_eq!(
            slug(
                "Drifts- og forvaltningskostnader som følge av leveranser",
                40
            ),
            "drifts-og-forvaltningskostnader-som"
        );
        assert_eq!(
            slug(
                "Tillitsmodell/dokumentdeling ved Vestland fylkeskommune SF",
                60
            ),
            "tillitsmodell-dokumentdeling-ved-vestland-fylkeskommune-sf"
        );
        assert_eq!(slug("Bjørn Nilsen", 60), "bjorn-nilsen");
        assert_eq!(slug("Ærlig på Åpning", 60), "aerlig-pa-apning");
        assert_eq!(slug("!!!", 60), "");
    }
}
