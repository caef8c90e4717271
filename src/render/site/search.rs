//! The search index: for each page, its address, title, kind and the words
//! it shows, written as `search-index.js` (a script, not JSON: a page opened
//! from `file://` may load a script but not fetch a file).
//!
//! Hand-written rather than elasticlunr-rs: the pages are a few thousand at
//! most, every word of a query must begin a word of the page, and that
//! needs no stemming (no Norwegian stemmer is in elasticlunr's set that
//! suits case numbers and names like NILAR), no scores worth a library, and
//! ~80 lines of JavaScript instead of elasticlunr's 30 KB.

use serde::Serialize;
use std::collections::BTreeSet;

/// One page in the index.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// The page's address from the site's folder.
    u: String,
    /// Its title.
    t: String,
    /// What it is (Case, Meeting).
    k: String,
    /// The distinct words it shows, lower case, space-separated.
    w: String,
}

impl Entry {
    /// The entry of the page at `path` showing `html`: the words of its
    /// text, tags and entities left out.
    pub fn new(path: &str, title: &str, kind: &str, html: &str) -> Self {
        let text = text_of(html);
        let mut seen = BTreeSet::new();
        let mut w = String::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|s| !s.is_empty())
        {
            let word = word.to_lowercase();
            if seen.insert(word.clone()) {
                if !w.is_empty() {
                    w.push(' ');
                }
                w.push_str(&word);
            }
        }
        Entry {
            u: path.to_string(),
            t: title.to_string(),
            k: kind.to_string(),
            w,
        }
    }
}

/// The text of `html`: tags dropped (the contents of `<style>` and
/// `<script>` too), the common entities decoded.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(rest.get(..lt).unwrap_or_default());
        out.push(' ');
        let tail = rest.get(lt..).unwrap_or_default();
        let lower = tail.get(..8).unwrap_or(tail).to_ascii_lowercase();
        let end = if lower.starts_with("<style") {
            tail.find("</style>").map(|i| i + 8)
        } else if lower.starts_with("<script") {
            tail.find("</script>").map(|i| i + 9)
        } else {
            tail.find('>').map(|i| i + 1)
        };
        rest = end.and_then(|e| tail.get(e..)).unwrap_or_default();
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
}

/// `search-index.js`: the index as a script setting `window.PDS_SEARCH`.
pub fn script(entries: &[Entry]) -> String {
    let json = serde_json::to_string(entries).unwrap_or_else(|_| "[]".into());
    format!("window.PDS_SEARCH = {json};\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_text_only() {
        let e = Entry::new(
            "sak/45-21/index.html",
            "45/21 NILAR",
            "Sak",
            "<style>.x{}</style><h1 class=\"t\">NILAR &amp; Innbygger</h1><p>nilar</p>",
        );
        assert_eq!(e.w, "nilar innbygger");
    }
}
