//! SVG, laid out in pure Rust: no Graphviz needed.
//!
//! [`layout`] places everything; this module writes it out. Every piece of text goes through
//! [`Escaped`], the one escaper of this format. Numbers are written with one decimal, so the
//! same graph gives the same bytes on every run and platform. Tooltips are `<title>` elements,
//! which browsers show on hover.
//!
//! Rejected alternative: the `layout-rs` crate (0.1.3), which reads DOT and writes SVG. Fed
//! the TCP machine's DOT, it drew labels far from their edges, self-loops as long arcs across
//! neighbouring states, and ignored the DOT's styling (rounded boxes, fonts, the start point's
//! size). A layered layout of our own, with labels as ranked items as Graphviz places them,
//! is a few hundred lines, rules overlaps out by construction, and is tested for it.

mod layout;
mod metrics;

use crate::graph::{Graph, Group, State};
use crate::options::{MUTED, Options};
use layout::{
    DOC_SIZE, LABEL_SIZE, LEADING, NAME_SIZE, Path, Piece, Point, StateBox, TITLE_SIZE, TextBlock,
};
use std::fmt::{self, Display, Write};

/// The color of lines, borders and text.
const INK: &str = "#34495e";
/// The fill of state boxes.
const FILL: &str = "#eef3fb";
/// The fonts of every text, which share the widths `metrics` assumes.
const FONT: &str = "Helvetica, Arial, 'Liberation Sans', sans-serif";

/// Writes `graph` as a standalone SVG document to `out`.
///
/// # Errors
///
/// Only those of `out`.
pub fn write(graph: &Graph, options: &Options, out: &mut impl Write) -> fmt::Result {
    let drawing = layout::layout(graph, options);
    let arrow = format!("automat-{}-arrow", Id(&graph.name));
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}" fill="{INK}">"#,
        w = Num(drawing.width),
        h = Num(drawing.height),
        font = Escaped(FONT),
    )?;
    let mut title = graph.name.clone();
    if !graph.doc.is_empty() {
        title.push('\n');
        title.push_str(&graph.doc);
    }
    writeln!(out, "<title>{}</title>", Escaped(&title))?;
    writeln!(
        out,
        r#"<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker></defs>"#
    )?;
    writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#)?;
    writeln!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" font-weight="bold">{}</text>"#,
        Num(drawing.title.x),
        Num(baseline(drawing.title.y, 0, TITLE_SIZE)),
        Num(TITLE_SIZE),
        Escaped(&graph.name),
    )?;

    for (group, area) in &drawing.clusters {
        write_cluster(out, &graph.groups[*group], area)?;
    }
    for line in &drawing.lines {
        writeln!(out, "<g>")?;
        if !line.tooltip.is_empty() {
            writeln!(out, "<title>{}</title>", Escaped(&line.tooltip))?;
        }
        let dashes = if line.dashed {
            r#" stroke-dasharray="6 3""#
        } else {
            ""
        };
        writeln!(
            out,
            r#"<path d="{}" fill="none" stroke="{INK}" stroke-width="1.2"{dashes} marker-end="url(#{arrow})"/>"#,
            PathData(&line.path)
        )?;
        if let Some(label) = &line.label {
            text_block(out, label, LABEL_SIZE, "")?;
        }
        writeln!(out, "</g>")?;
    }
    if let Some(start) = drawing.start {
        writeln!(
            out,
            r#"<circle cx="{}" cy="{}" r="5"><title>start</title></circle>"#,
            Num(start.x),
            Num(start.y)
        )?;
    }
    for (state, area) in graph.states.iter().zip(&drawing.states) {
        write_state(out, state, area, options)?;
    }
    writeln!(out, "</svg>")
}

/// A group's cluster: a dashed box, its name as the legend on the top border.
fn write_cluster(out: &mut impl Write, group: &Group, area: &StateBox) -> fmt::Result {
    writeln!(out, "<g>")?;
    if !group.doc.is_empty() {
        writeln!(out, "<title>{}</title>", Escaped(&group.doc))?;
    }
    writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="10" fill="none" stroke="{MUTED}" stroke-width="1.2" stroke-dasharray="4 3"/>"#,
        Num(area.x),
        Num(area.y),
        Num(area.width),
        Num(area.height),
    )?;
    let height = DOC_SIZE * LEADING;
    let legend = TextBlock {
        lines: vec![group.name.clone()],
        x: area.x + 16.0,
        y: area.y - height / 2.0,
        centered: false,
    };
    writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" fill="white"/>"#,
        Num(legend.x - 3.0),
        Num(legend.y),
        Num(metrics::width(&group.name, DOC_SIZE) + 6.0),
        Num(height),
    )?;
    text_block(out, &legend, DOC_SIZE, &format!(r#" fill="{MUTED}""#))?;
    writeln!(out, "</g>")
}

/// A state: its box (doubled when terminal, dashed when unreachable), name and doc line.
fn write_state(
    out: &mut impl Write,
    state: &State,
    area: &StateBox,
    options: &Options,
) -> fmt::Result {
    writeln!(out, "<g>")?;
    if !state.doc.is_empty() {
        writeln!(out, "<title>{}</title>", Escaped(&state.doc))?;
    }
    if state.is_marker() {
        let text = TextBlock {
            lines: vec![state.label()],
            x: area.x + area.width / 2.0,
            y: area.y + (area.height - NAME_SIZE * LEADING) / 2.0,
            centered: true,
        };
        text_block(
            out,
            &text,
            NAME_SIZE,
            &format!(r#" font-style="italic" fill="{MUTED}""#),
        )?;
        return writeln!(out, "</g>");
    }
    let dashes = if state.unreachable {
        r#" stroke-dasharray="5 3""#
    } else {
        ""
    };
    writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="{FILL}" stroke="{INK}" stroke-width="1.2"{dashes}/>"#,
        Num(area.x),
        Num(area.y),
        Num(area.width),
        Num(area.height),
    )?;
    if state.terminal {
        writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="5" fill="none" stroke="{INK}" stroke-width="1.2"{dashes}/>"#,
            Num(area.x + 3.0),
            Num(area.y + 3.0),
            Num(area.width - 6.0),
            Num(area.height - 6.0),
        )?;
    }
    let center = area.x + area.width / 2.0;
    let doc = options
        .docs
        .then(|| state.doc_line())
        .filter(|doc| !doc.is_empty());
    let lines_height = NAME_SIZE * LEADING + doc.map_or(0.0, |_| DOC_SIZE * LEADING);
    let top = area.y + (area.height - lines_height) / 2.0;
    let name = TextBlock {
        lines: vec![state.label()],
        x: center,
        y: top,
        centered: true,
    };
    text_block(out, &name, NAME_SIZE, "")?;
    if let Some(doc) = doc {
        let doc = TextBlock {
            lines: vec![doc.to_owned()],
            x: center,
            y: top + NAME_SIZE * LEADING,
            centered: true,
        };
        text_block(
            out,
            &doc,
            DOC_SIZE,
            r#" font-style="italic" fill-opacity="0.8""#,
        )?;
    }
    writeln!(out, "</g>")?;
    Ok(())
}

/// One `<text>` per line of `block`.
fn text_block(out: &mut impl Write, block: &TextBlock, size: f64, style: &str) -> fmt::Result {
    let anchor = if block.centered {
        r#" text-anchor="middle""#
    } else {
        ""
    };
    for (index, line) in block.lines.iter().enumerate() {
        writeln!(
            out,
            r#"<text x="{}" y="{}" font-size="{}"{anchor}{style}>{}</text>"#,
            Num(block.x),
            Num(baseline(block.y, index, size)),
            Num(size),
            Escaped(line),
        )?;
    }
    Ok(())
}

/// The baseline of line `index` of a block whose top is `top`: each line's box is `LEADING`
/// times the size, and the baseline sits 0.35 em below its middle (where sans-serif capitals
/// and lowercase look centered).
fn baseline(top: f64, index: usize, size: f64) -> f64 {
    let line = size * LEADING;
    let mut y = top + line / 2.0 + 0.35 * size;
    for _ in 0..index {
        y += line;
    }
    y
}

/// A path's `d` attribute.
struct PathData<'a>(&'a Path);

impl Display for PathData<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let point = |p: Point| format!("{},{}", Num(p.x), Num(p.y));
        write!(out, "M{}", point(self.0.start))?;
        for piece in &self.0.pieces {
            match *piece {
                Piece::Line(to) => write!(out, " L{}", point(to))?,
                Piece::Cubic(first, second, to) => {
                    write!(out, " C{} {} {}", point(first), point(second), point(to))?;
                }
            }
        }
        Ok(())
    }
}

/// A number with at most one decimal, never `-0`.
struct Num(f64);

impl Display for Num {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = format!("{:.1}", self.0);
        let text = text.strip_suffix(".0").unwrap_or(&text);
        if text == "-0" {
            out.write_str("0")
        } else {
            out.write_str(text)
        }
    }
}

/// Text for SVG content and attribute values: `&`, `<`, `>`, `"` and `'` as entities, control
/// characters other than line breaks (which XML does not allow) dropped.
pub(crate) struct Escaped<'a>(pub &'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ch in self.0.chars() {
            match ch {
                '&' => out.write_str("&amp;")?,
                '<' => out.write_str("&lt;")?,
                '>' => out.write_str("&gt;")?,
                '"' => out.write_str("&quot;")?,
                '\'' => out.write_str("&#39;")?,
                '\n' => out.write_char('\n')?,
                ch if ch.is_control() => {}
                ch => out.write_char(ch)?,
            }
        }
        Ok(())
    }
}

/// A name as part of an XML id: ASCII letters, digits and `_` as they are, anything else as
/// `-` and its code point in hex (Rust identifiers hold no `-`, so ids never collide).
struct Id<'a>(&'a str);

impl Display for Id<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ch in self.0.chars() {
            if ch.is_ascii_alphanumeric() || ch == '_' {
                out.write_char(ch)?;
            } else {
                write!(out, "-{:x}-", u32::from(ch))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Escaped, Id, Num};

    #[test]
    fn escapes_markup() {
        assert_eq!(
            Escaped("<a href=\"x\">&'b'\u{7}</a>").to_string(),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;b&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(Num(12.0).to_string(), "12");
        assert_eq!(Num(12.345).to_string(), "12.3");
        assert_eq!(Num(-0.01).to_string(), "0");
        assert_eq!(Num(-3.26).to_string(), "-3.3");
    }

    #[test]
    fn ids_are_xml_names() {
        assert_eq!(Id("tcp_2").to_string(), "tcp_2");
        assert_eq!(Id("r#état").to_string(), "r-23--e9-tat");
    }
}
