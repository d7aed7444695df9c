//! Normalisation: one clean, searchable text, and the way back to the source.

use std::ops::Range;

use unicode_normalization::{
    char::canonical_combining_class, is_nfc_quick, IsNormalized, UnicodeNormalization,
};

use crate::offsets::{Builder, OffsetMap};

/// A normalised text and the maps back to the source it was made from.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    passes: Vec<OffsetMap>,
}

impl Normalized {
    /// Map a byte range of the normalised text to the source.
    pub fn to_source(&self, r: Range<usize>) -> Range<usize> {
        let (mut s, mut e) = (r.start, r.end.max(r.start));
        for m in self.passes.iter().rev() {
            s = m.start_to_source(s);
            e = m.end_to_source(e);
        }
        s..e.max(s)
    }

    /// Map a byte range of the source to the normalised text.
    pub fn from_source(&self, r: Range<usize>) -> Range<usize> {
        let (mut s, mut e) = (r.start, r.end.max(r.start));
        for m in &self.passes {
            s = m.start_from_source(s);
            e = m.end_from_source(e);
        }
        s..e.max(s)
    }

    /// The normalised text of a source range.
    pub fn slice_of_source(&self, r: Range<usize>) -> &str {
        let n = self.from_source(r);
        self.text.get(n).unwrap_or("")
    }

    /// True when the normalised text is the source, byte for byte.
    pub fn is_identity(&self) -> bool {
        self.passes.iter().all(OffsetMap::is_identity)
    }
}

/// The most passes normalisation makes. Every pass that edits makes the text shorter, so the
/// passes always stop; real text settles in one or two. Markup hidden by control characters and
/// nested deeper than this (only a fuzzer writes that) is not fully removed.
const MAX_PASSES: usize = 64;

/// Normalise a decoded source text.
///
/// - line endings: CRLF, CR, U+2028/2029, form feeds → `\n`;
/// - spaces: NBSP, narrow NBSP, thin and other Unicode spaces → ` ` (tabs are kept: they
///   separate table cells); zero-width spaces, soft hyphens, BOMs and control characters removed;
/// - Unicode NFC, cluster by cluster;
/// - HTML entities decoded; inline HTML tags removed, block tags (`<p>`, `<li>`, `<br>`, …)
///   turned into line breaks; Markdown heading marks (`###`) and emphasis (`**…**`, `(*…*)`)
///   removed;
/// - a word hyphenated across a line break (`exem-\nple`) rejoined.
///
/// Normalising the result again changes nothing.
pub fn normalize(source: &str) -> Normalized {
    let mut passes = Vec::new();
    let mut text: Option<String> = None;
    for _ in 0..MAX_PASSES {
        let input = text.as_deref().unwrap_or(source);
        let (out, map, again) = pass(input);
        let edited = !map.is_identity();
        if edited {
            passes.push(map);
            text = Some(out);
        }
        if !again {
            break;
        }
    }
    Normalized {
        text: text.unwrap_or_else(|| source.to_owned()),
        passes,
    }
}

/// One left-to-right pass. Returns the text, its map, and whether an edit may have exposed
/// something a further pass would change.
fn pass(src: &str) -> (String, OffsetMap, bool) {
    pass_with(src, true)
}

/// [`pass`], with or without the run of plain bytes (the same result: a property test compares
/// both).
#[inline]
fn pass_with(src: &str, fast: bool) -> (String, OffsetMap, bool) {
    let bytes = src.as_bytes();
    let mut b = Builder::new(src);
    let mut again = false;
    let mut i = 0;
    let mut line_start = true;
    // Printable ASCII that no rule below edits, and (after such a byte) spaces and tabs.
    let plain = |b: u8| (0x21..0x7f).contains(&b) && !matches!(b, b'#' | b'&' | b'<' | b'*' | b'-');
    while i < bytes.len() {
        let c = bytes[i];
        // A run of plain bytes (most of a text) is kept as it is, in a tight loop; its last
        // byte goes the general way when a non-ASCII character follows (it may start a cluster).
        if fast && plain(c) {
            let mut j = i + 1;
            while j < bytes.len() && (plain(bytes[j]) || matches!(bytes[j], b' ' | b'\t')) {
                j += 1;
            }
            if j < bytes.len() && bytes[j] >= 0x80 {
                j -= 1;
            }
            if j > i {
                line_start = false;
                i = j;
                continue;
            }
        }
        match c {
            b'\n' => {
                line_start = true;
                i += 1;
                continue;
            }
            b'\r' => {
                let len = if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                b.replace(i..i + len, "\n");
                line_start = true;
                i += len;
                continue;
            }
            b' ' | b'\t' => {
                i += 1;
                continue;
            }
            0x0C => {
                b.replace(i..i + 1, "\n");
                line_start = true;
                i += 1;
                continue;
            }
            0x00..=0x1F | 0x7F => {
                b.replace(i..i + 1, "");
                again = true;
                i += 1;
                continue;
            }
            b'#' if line_start => {
                if let Some(end) = heading_marks(src, i) {
                    b.replace(i..end, "");
                    again = true;
                    i = end;
                    line_start = false;
                    continue;
                }
            }
            b'&' => {
                if let Some((end, decoded)) = entity(src, i) {
                    b.replace(i..end, &decoded);
                    again = true;
                    i = end;
                    line_start = false;
                    continue;
                }
            }
            b'<' => {
                if let Some((end, with)) = tag(bytes, i) {
                    b.replace(i..end, with);
                    again = true;
                    i = end;
                    line_start = with == "\n";
                    continue;
                }
            }
            b'*' => {
                let end = i + bytes[i..].iter().take_while(|&&x| x == b'*').count();
                if end - i <= 3 && is_emphasis(src, i, end) {
                    b.replace(i..end, "");
                    again = true;
                }
                i = end;
                line_start = false;
                continue;
            }
            b'-' => {
                if let Some(end) = hyphen_break(src, i) {
                    b.replace(i..end, "");
                    again = true;
                    i = end;
                    line_start = false;
                    continue;
                }
            }
            _ if c >= 0x80 => {
                let ch = src[i..].chars().next().unwrap_or('\u{fffd}');
                let len = ch.len_utf8();
                match ch {
                    '\u{a0}'
                    | '\u{202f}'
                    | '\u{2000}'..='\u{200a}'
                    | '\u{205f}'
                    | '\u{3000}'
                    | '\u{1680}' => {
                        b.replace(i..i + len, " ");
                    }
                    '\u{2028}' | '\u{2029}' | '\u{85}' => {
                        b.replace(i..i + len, "\n");
                        line_start = true;
                        i += len;
                        continue;
                    }
                    '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{80}'..='\u{9f}' => {
                        b.replace(i..i + len, "");
                        again = true;
                    }
                    _ => {
                        // NFC, one cluster (a starter and the marks that follow it) at a time.
                        let end = cluster_end(src, i + len);
                        let cluster = &src[i..end];
                        if is_nfc_quick(cluster.chars()) != IsNormalized::Yes {
                            let nfc: String = cluster.nfc().collect();
                            if nfc != cluster {
                                b.replace(i..end, &nfc);
                                again = true;
                            }
                        }
                        i = end;
                        line_start = false;
                        continue;
                    }
                }
                i += len;
                if !ch.is_whitespace() {
                    line_start = false;
                }
                continue;
            }
            _ => {}
        }
        // An ASCII starter followed by combining marks ("e\u{301}") is one NFC cluster.
        if bytes.get(i + 1).is_some_and(|&n| n >= 0x80) {
            let end = cluster_end(src, i + 1);
            if end > i + 1 {
                let cluster = &src[i..end];
                let nfc: String = cluster.nfc().collect();
                if nfc != cluster {
                    b.replace(i..end, &nfc);
                    again = true;
                }
                line_start = false;
                i = end;
                continue;
            }
        }
        line_start = false;
        i += 1;
    }
    let (out, map) = b.finish();
    (out, map, again)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn cluster_end(src: &str, mut i: usize) -> usize {
    while let Some(ch) = src[i..].chars().next() {
        if canonical_combining_class(ch) == 0 {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

/// `### ` (one to six `#`, then a space or tab), repeated, at the start of a line.
fn heading_marks(src: &str, mut i: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut matched = None;
    loop {
        let hashes = bytes[i..].iter().take_while(|&&x| x == b'#').count();
        if hashes == 0 || hashes > 6 {
            return matched;
        }
        let spaces: usize = src[i + hashes..]
            .chars()
            .take_while(|&c| c.is_whitespace() && !is_line_break(c))
            .map(char::len_utf8)
            .sum();
        if spaces == 0 {
            return matched;
        }
        i += hashes + spaces;
        matched = Some(i);
    }
}

/// An HTML entity at `i` (`&eacute;`, `&#233;`, `&#xE9;`), and what it stands for.
fn entity(src: &str, i: usize) -> Option<(usize, String)> {
    let rest = &src.as_bytes()[i + 1..];
    let len = rest
        .iter()
        .take(33)
        .take_while(|x| x.is_ascii_alphanumeric() || **x == b'#')
        .count();
    if len == 0 || rest.get(len) != Some(&b';') {
        return None;
    }
    let end = i + 1 + len + 1;
    let candidate = &src[i..end];
    let decoded = htmlize::unescape(candidate);
    if decoded == candidate {
        return None;
    }
    Some((end, decoded.into_owned()))
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// An HTML tag or comment at `i`, and what replaces it: a line break for block elements,
/// nothing for inline ones.
fn tag(bytes: &[u8], i: usize) -> Option<(usize, &'static str)> {
    const MAX_TAG: usize = 2048;
    let rest = &bytes[i..];
    if rest.starts_with(b"<!--") {
        let end = find(rest, b"-->", MAX_TAG)?;
        return Some((i + end + 3, ""));
    }
    let mut j = 1;
    if rest.get(j) == Some(&b'/') {
        j += 1;
    }
    let name_start = j;
    if !rest.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    while rest
        .get(j)
        .is_some_and(|x| x.is_ascii_alphanumeric() || *x == b'-')
    {
        j += 1;
    }
    let name = std::str::from_utf8(&rest[name_start..j])
        .ok()?
        .to_ascii_lowercase();
    // Any whitespace after the name opens the attributes (form feeds and Unicode spaces too):
    // a later pass turns those into plain spaces or line breaks without asking for another
    // pass, and the result must not read differently then.
    let next = (1..=4)
        .rev()
        .find_map(|n| std::str::from_utf8(rest.get(j..j + n)?).ok())
        .and_then(|s| s.chars().next())?;
    match next {
        '>' => {}
        c if c == '/' || c.is_whitespace() => {
            // Attributes: up to the next '>' with no '<' before it.
            let k = rest[j..]
                .iter()
                .take(MAX_TAG)
                .position(|&x| x == b'>' || x == b'<')?;
            if rest[j + k] != b'>' {
                return None;
            }
            j += k;
        }
        _ => return None,
    }
    let with = if BLOCK_TAGS.contains(&name.as_str()) {
        "\n"
    } else {
        ""
    };
    Some((i + j + 1, with))
}

fn find(hay: &[u8], needle: &[u8], limit: usize) -> Option<usize> {
    hay.windows(needle.len())
        .take(limit)
        .position(|w| w == needle)
}

/// A run of one to three `*` touching a word on either side is emphasis, not text.
fn is_emphasis(src: &str, start: usize, end: usize) -> bool {
    let before = src[..start].chars().next_back();
    let after = src[end..].chars().next();
    let touches = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    touches(before) || touches(after)
}

/// `-` ending a line between two lowercase letters: the end of what to delete (the hyphen, the
/// line break and the next line's indentation).
fn hyphen_break(src: &str, i: usize) -> Option<usize> {
    let before = src[..i].chars().next_back()?;
    if !(before.is_alphabetic() && before.is_lowercase()) {
        return None;
    }
    let bytes = src.as_bytes();
    let mut j = i + 1;
    // Any line break: \n, \r\n, \r, a form feed, U+2028… (all become \n).
    match src[j..].chars().next() {
        Some('\r') => {
            j += 1;
            if bytes.get(j) == Some(&b'\n') {
                j += 1;
            }
        }
        Some(c) if is_line_break(c) => j += c.len_utf8(),
        _ => return None,
    }
    // The next line's indentation, Unicode spaces included (see `tag`).
    while let Some(c) = src[j..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace() && !is_line_break(*c))
    {
        j += c.len_utf8();
    }
    let next = src[j..].chars().next()?;
    (next.is_alphabetic() && next.is_lowercase()).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(src: &str, expected: &str) {
        let n = normalize(src);
        assert_eq!(n.text, expected, "normalising {src:?}");
    }

    #[test]
    fn table_of_normalisations() {
        check("a\r\nb\rc", "a\nb\nc");
        check("17\u{a0}mars\u{202f}2022", "17 mars 2022");
        check("li\u{200b}bre\u{ad}ment", "librement");
        check("e\u{301}te\u{301}", "été");
        check("caf&eacute; &amp; th&#233; &#xE9;", "café & thé é");
        check("<b>UE</b>\t<i>(Office)</i>", "UE\t(Office)");
        check("<p>un</p><p>deux</p>", "\nun\n\ndeux\n");
        check("a<br/>b", "a\nb");
        check(
            "### **Migration et développement**",
            "Migration et développement",
        );
        check("(*Lead Maroc*)", "(Lead Maroc)");
        check("2 * 3 et * liste", "2 * 3 et * liste");
        check("exem-\n  ple et Maroc-\nUE", "exemple et Maroc-\nUE");
        check("a < b et c > d", "a < b et c > d");
        check("x<!-- note -->y", "xy");
        check("page\u{c}suivante", "page\nsuivante");
    }

    #[test]
    fn spans_map_back_through_markup() {
        let src = "<b>Rabat</b>, le 17&nbsp;mars";
        let n = normalize(src);
        assert_eq!(n.text, "Rabat, le 17 mars");
        let r = n.to_source(0..5);
        assert_eq!(&src[r], "Rabat");
        let start = n.text.find("17").unwrap();
        let r = n.to_source(start..n.text.len());
        assert_eq!(&src[r], "17&nbsp;mars");
        assert_eq!(n.slice_of_source(0..12), "Rabat");
    }

    /// Found by the fuzzer: a tag name followed by an entity for a no-break space.
    #[test]
    fn regression_tag_with_unicode_space_after_its_name() {
        let once = normalize("<p&nbsp;\u{b}>p<");
        assert_eq!(normalize(&once.text).text, once.text);
        assert_eq!(normalize("a-\n\u{a0}b").text, "ab");
        // and a form feed ending a hyphenated line
        let once = normalize("( zl-\u{c} z");
        assert_eq!(normalize(&once.text).text, once.text);
        // and a form feed after a tag name
        let once = normalize("<p\u{c}LLL>");
        assert_eq!(normalize(&once.text).text, once.text);
    }

    #[test]
    fn nested_escapes_settle_in_further_passes() {
        check("&amp;lt;b&amp;gt;x", "x");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn the_plain_run_changes_nothing(
            s in "([a-zA-Z0-9.,é<>/&;#*\\- \n\r\t\u{a0}\u{b}\u{c}\u{301}\u{200b}’]|\\PC){0,40}"
        ) {
            proptest::prop_assert_eq!(pass_with(&s, true), pass_with(&s, false));
        }

        #[test]
        fn normalising_twice_changes_nothing(s in "[a-zé<>/&;#*\\- \n\r\t\u{a0}\u{b}\u{c}\u{301}\u{200b}bipLnsp]{0,40}") {
            let once = normalize(&s);
            let twice = normalize(&once.text);
            proptest::prop_assert_eq!(&twice.text, &once.text);
        }

        #[test]
        fn mapped_spans_are_on_char_boundaries(s in "\\PC{0,60}", a in 0usize..80, b in 0usize..80) {
            let n = normalize(&s);
            let len = n.text.len();
            let (mut a, mut b) = (a.min(len), b.min(len));
            if a > b { std::mem::swap(&mut a, &mut b); }
            while !n.text.is_char_boundary(a) { a -= 1; }
            while !n.text.is_char_boundary(b) { b += 1; }
            let r = n.to_source(a..b);
            proptest::prop_assert!(r.start <= r.end && r.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            let back = n.from_source(0..s.len());
            proptest::prop_assert_eq!(back, 0..len);
        }
    }
}
