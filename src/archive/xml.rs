//! A small XML writer for the extraction's files: elements in the order the
//! code gives them, two-space indentation, every text and attribute value
//! escaped. The element names are the schemas' own, written in the code,
//! so only values need escaping; a character XML 1.0 does not allow
//! (a control character from the record) becomes U+FFFD.

/// An XML document being written, element by element.
pub struct Xml {
    out: String,
    open: Vec<&'static str>,
}

impl Xml {
    /// A document with its declaration.
    pub fn new() -> Self {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    /// Opens `name` with its attributes (values escaped).
    pub fn open(&mut self, name: &'static str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
        }
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the element opened last.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// `<name>value</name>` on one line.
    pub fn leaf(&mut self, name: &'static str, value: &str) {
        self.leaf_with(name, &[], value);
    }

    /// `<name attr="…">value</name>` on one line.
    pub fn leaf_with(&mut self, name: &'static str, attrs: &[(&str, &str)], value: &str) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, v) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, v, true);
            self.out.push('"');
        }
        self.out.push('>');
        escape_into(&mut self.out, value, false);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// The document, every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

impl Default for Xml {
    fn default() -> Self {
        Self::new()
    }
}

/// Appends `s` escaped for XML text (or, with `attribute`, a quoted value).
fn escape_into(out: &mut String, s: &str, attribute: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            // Kept as written: a raw CR would be read back as a LF, and in an
            // attribute a tab or LF would be read back as a space.
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// A character XML 1.0 allows in a document (`Char` of the spec, less the
/// tab, LF and CR handled above).
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_control_characters_replaced() {
        let mut x = Xml::new();
        x.open("a", &[("n", "\"x\" & <y>\n")]);
        x.leaf("b", "1 < 2 & 3 > 2\u{1}\r");
        let s = x.finish();
        assert_eq!(
            s,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a n=\"&quot;x&quot; &amp; &lt;y&gt;&#10;\">\n  <b>1 &lt; 2 &amp; 3 &gt; 2\u{FFFD}&#13;</b>\n</a>\n"
        );
    }
}
