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
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
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
        assert_eq!(clean_lines(" a  b \n\n \n c\t"), "a b\nc");
    }
}
