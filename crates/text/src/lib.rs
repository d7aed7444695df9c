//! Text → clean text and blocks, with provenance.
//!
//! - [`normalize`] makes one clean, searchable text out of a decoded source (Unicode NFC, spaces,
//!   line endings, HTML entities and tags, Markdown marks, hyphenation) and keeps an offset map,
//!   so every range of the normalised text maps back to the exact source bytes.
//! - [`segment`] splits the source into blocks (headings, paragraphs, list items, table rows and
//!   cells), each with its source span.
//! - [`clean_inline`] and [`clean_lines`] tidy the text of a record.
//!
//! ```
//! let src = "<b>Rabat</b>, le 17&nbsp;Mars 2022";
//! let n = liasse_text::normalize(src);
//! assert_eq!(n.text, "Rabat, le 17 Mars 2022");
//! let at = n.text.find("17").unwrap();
//! assert_eq!(&src[n.to_source(at..n.text.len())], "17&nbsp;Mars 2022");
//! ```

mod normalize;
mod offsets;
mod segment;

pub use normalize::{normalize, Normalized};
pub use offsets::OffsetMap;
pub use segment::{lines, segment, trim_range, Block, BlockKind, HeadingStyle};

/// Collapse all whitespace (line breaks included) into single spaces and trim.
pub fn clean_inline(s: &str) -> String {
    // `split_whitespace` (Unicode White_Space), with runs of ASCII bytes that are neither
    // space nor control (most of a text) skipped in a tight loop.
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let plain = |b: u8| b > b' ' && b < 0x7f;
    let ascii_space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let mut i = 0;
    while i < bytes.len() {
        // Skip whitespace.
        let b = bytes[i];
        if b.is_ascii() {
            if ascii_space(b) {
                i += 1;
                continue;
            }
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
        }
        // A word: up to the next whitespace.
        let start = i;
        loop {
            while i < bytes.len() && plain(bytes[i]) {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else { break };
            if b.is_ascii() {
                if ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[start..i]);
    }
    out
}

/// Keep line structure (one item a line, for lists) but collapse spaces within lines and drop
/// empty lines.
pub fn clean_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let l = clean_inline(line);
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning() {
        assert_eq!(clean_inline("  a \t b\n\n c "), "a b c");
        assert_eq!(
            clean_inline("é\u{a0}à\u{2009}\u{3000}ü\u{85}x\u{b}y\u{c}z\u{1c}w"),
            "é à ü x y z\u{1c}w"
        );
        assert_eq!(clean_inline(""), "");
        assert_eq!(clean_inline(" \u{2028} "), "");
        assert_eq!(clean_lines(" a  b \n\n \n c\t"), "a b\nc");
    }

    proptest::proptest! {
        /// The same as joining `split_whitespace` with single spaces, on any text.
        #[test]
        fn clean_inline_is_split_whitespace_joined(
            s in "([a-zé \t\n\r\u{a0}\u{85}\u{b}\u{c}\u{1c}\u{2000}-\u{200b}\u{3000}\u{feff}]|\\PC){0,40}"
        ) {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(clean_inline(&s), expected);
        }
    }
}
