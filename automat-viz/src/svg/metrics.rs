//! How wide text is, without a font at hand.
//!
//! The SVG names Helvetica, Arial and Liberation Sans, which share these advance widths (the
//! Helvetica AFM metrics, in thousandths of the font size). A character outside ASCII counts
//! as a full em, so an estimate errs wide, never narrow: a label may sit a little far from its
//! neighbour, but never on top of it.

/// Advance widths of the printable ASCII characters, `' '` to `'~'`.
const ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// The estimated width of `text` set in `size`-pixel sans-serif, in pixels.
pub fn width(text: &str, size: f64) -> f64 {
    let thousandths: u32 = text
        .chars()
        .map(|ch| match u32::from(ch) {
            code @ 32..=126 => u32::from(ASCII[(code - 32) as usize]),
            _ => 1000,
        })
        .sum();
    f64::from(thousandths) * size / 1000.0
}

/// The widest of `lines` at `size`.
pub fn widest<S: AsRef<str>>(lines: &[S], size: f64) -> f64 {
    lines
        .iter()
        .map(|line| width(line.as_ref(), size))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::width;

    #[test]
    fn widths_follow_helvetica() {
        assert!((width("Locked", 10.0) - 32.24).abs() < 1e-9);
        assert!((width("→", 12.0) - 12.0).abs() < 1e-9);
        assert!(width("WWW", 12.0) > width("iii", 12.0) * 3.0);
    }
}
