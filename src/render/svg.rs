//! Inline SVG pictures for HTML output: traffic lights, the risk matrix and
//! the deliverables timeline. Text in them is escaped; they hold no script.

use crate::model::{Light, Timeline};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn color(light: Light) -> &'static str {
    match light {
        Light::Green => "#2e9e4f",
        Light::Yellow => "#f2c230",
        Light::Red => "#d33b3b",
    }
}

/// A traffic light: a filled circle with the colour's name as its title,
/// hidden from screen readers because its word stands beside it (WCAG 1.4.1:
/// the colour is never the only sign).
pub fn light(light: Light, name: &str) -> String {
    format!(
        r##"<svg class="light" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><title>{n}</title><circle cx="9" cy="9" r="7.5" fill="{c}" stroke="#00000033"/></svg>"##,
        n = esc(name),
        c = color(light)
    )
}

/// Probability (rows, 5 at the top) × consequence (columns), each risk's id in its cell.
pub fn risk_matrix(risks: &[(u32, u8, u8)], probability: &str, consequence: &str) -> String {
    let cell = 44;
    let left = 34;
    let top = 8;
    let size = cell * 5;
    let mut s = format!(
        r#"<svg class="risk-matrix" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{p} × {c}"><title>{p} × {c}</title>"#,
        w = left + size + 8,
        h = top + size + 36,
        p = esc(probability),
        c = esc(consequence)
    );
    for p in 1..=5u32 {
        for c in 1..=5u32 {
            let score = p * c;
            let fill = match score {
                0..=4 => color(Light::Green),
                5..=12 => color(Light::Yellow),
                _ => color(Light::Red),
            };
            let x = left + (c - 1) * cell;
            let y = top + (5 - p) * cell;
            s.push_str(&format!(
                r##"<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" fill-opacity="0.55" stroke="#ffffff"/>"##
            ));
            let ids: Vec<String> = risks
                .iter()
                .filter(|(_, rp, rc)| u32::from(*rp) == p && u32::from(*rc) == c)
                .map(|(id, _, _)| id.to_string())
                .collect();
            if !ids.is_empty() {
                s.push_str(&format!(
                    r#"<text x="{}" y="{}" text-anchor="middle" font-size="11" font-weight="600">{}</text>"#,
                    x + cell / 2,
                    y + cell / 2 + 4,
                    esc(&ids.join(", "))
                ));
            }
        }
        s.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="11">{p}</text>"#,
            left - 10,
            top + (5 - p) * cell + cell / 2 + 4
        ));
    }
    for c in 1..=5u32 {
        s.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="middle" font-size="11">{c}</text>"#,
            left + (c - 1) * cell + cell / 2,
            top + size + 14
        ));
    }
    s.push_str(&format!(
        r#"<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>"#,
        left + size / 2,
        top + size + 30,
        esc(consequence)
    ));
    s.push_str(&format!(
        r#"<text x="10" y="{}" text-anchor="middle" font-size="11" transform="rotate(-90 10 {})">{}</text>"#,
        top + size / 2,
        top + size / 2,
        esc(probability)
    ));
    s.push_str("</svg>");
    s
}

/// One bar per project across the years of the timeline.
pub fn timeline(t: &Timeline) -> String {
    let name_w = 150.0;
    let year_w = 110.0;
    let row_h = 26.0;
    let years = u32::from(t.to.saturating_sub(t.from)) + 1;
    let width = name_w + year_w * f64::from(years) + 4.0;
    let height = 24.0 + row_h * t.projects.len() as f64 + 4.0;
    let start = f64::from(t.from);
    let pos = |d: crate::model::Date| {
        let frac = f64::from(d.year) - start
            + (f64::from(d.month) - 1.0) / 12.0
            + (f64::from(d.day) - 1.0) / 365.0;
        name_w + frac.clamp(0.0, f64::from(years)) * year_w
    };
    let mut s = format!(
        r#"<svg class="timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="timeline"><title>{}–{}</title>"#,
        t.from, t.to
    );
    for i in 0..years {
        let x = name_w + f64::from(i) * year_w;
        s.push_str(&format!(
            r##"<line x1="{x}" y1="0" x2="{x}" y2="{height}" stroke="#c9ced6"/><text x="{}" y="15" text-anchor="middle" font-size="12" font-weight="600">{}</text>"##,
            x + year_w / 2.0,
            u32::from(t.from) + i
        ));
    }
    for (i, p) in t.projects.iter().enumerate() {
        let y = 24.0 + row_h * i as f64;
        s.push_str(&format!(
            r##"<text x="0" y="{}" font-size="12">{}</text>"##,
            y + row_h / 2.0 + 4.0,
            esc(&p.name),
        ));
        // A deliverable without a bar is named only: no bar is drawn that
        // the record does not give.
        if let Some((from, to)) = p.bar {
            let (x1, x2) = (pos(from), pos(to));
            s.push_str(&format!(
                r##"<rect x="{x1:.1}" y="{}" width="{:.1}" height="{}" rx="4" fill="#1f4e79" fill-opacity="0.8"/>"##,
                y + 5.0,
                (x2 - x1).max(2.0),
                row_h - 10.0
            ));
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_escape_their_text_and_place_risks() {
        let svg = risk_matrix(&[(13, 4, 5), (18, 4, 5)], "<p>", "K");
        assert!(svg.contains("13, 18"));
        assert!(svg.contains("&lt;p&gt;"));
        assert!(!svg.contains("<p>"));
        assert!(light(Light::Red, "rød").contains("#d33b3b"));
    }
}
