//! The document being extracted: source, normalised text, blocks, diagnostics, and the helpers
//! every parser uses to turn ranges into spans and clean text.

use std::ops::Range;

use liasse_records as rec;
use liasse_text::{Block, Normalized};

/// One document in the pipeline.
pub struct Doc<'a> {
    /// The decoded source text: spans index it.
    pub src: &'a str,
    /// The normalised text: scanners run on it.
    pub norm: Normalized,
    /// Blocks of the source, in order.
    pub blocks: Vec<Block>,
    /// Where each page starts in `src` (paginated input only).
    pub pages: Vec<usize>,
    /// The normalised text in lowercase, character for character of the same byte length
    /// ([`lower`]), so any range of `norm.text` slices it too. Made once: classification,
    /// metadata and the genre parsers all search it.
    pub lower: String,
    diagnostics: Vec<rec::Diagnostic>,
}

impl<'a> Doc<'a> {
    pub fn new(src: &'a str) -> Doc<'a> {
        let norm = liasse_text::normalize(src);
        Doc {
            src,
            lower: lower(&norm.text),
            norm,
            blocks: liasse_text::segment(src),
            pages: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The lowercase of a range of the normalised text (see [`Doc::lower`]).
    pub fn lower_of(&self, r: Range<usize>) -> &str {
        self.lower.get(r).unwrap_or("")
    }

    /// A span of the source.
    pub fn span(&self, r: Range<usize>) -> rec::Span {
        let r = r.start.min(self.src.len())..r.end.min(self.src.len());
        let page = liasse_source::page_of(&self.pages, r.start);
        rec::Span::new(
            r.start as u32,
            r.end as u32,
            page,
            self.src.get(r).unwrap_or(""),
        )
    }

    /// The source span of a range of the normalised text.
    pub fn span_of_norm(&self, r: Range<usize>) -> rec::Span {
        self.span(self.norm.to_source(r))
    }

    /// The clean one-line text of a source range.
    pub fn clean(&self, r: Range<usize>) -> String {
        liasse_text::clean_inline(self.norm.slice_of_source(r))
    }

    /// [`Doc::clean`] in lowercase (as [`lower`] makes it), without lowercasing a copy.
    pub fn clean_lower(&self, r: Range<usize>) -> String {
        liasse_text::clean_inline(self.lower_of(self.norm.from_source(r)))
    }

    /// The normalised text of a source range (markup removed, layout kept).
    pub fn norm_of(&self, r: Range<usize>) -> &str {
        self.norm.slice_of_source(r)
    }

    pub fn diagnostic(
        &mut self,
        code: &str,
        severity: rec::Severity,
        message: String,
        span: Option<rec::Span>,
    ) {
        self.diagnostics.push(rec::Diagnostic {
            code: code.to_owned(),
            severity,
            message,
            span,
        });
    }

    pub fn take_diagnostics(&mut self) -> Vec<rec::Diagnostic> {
        std::mem::take(&mut self.diagnostics)
    }

    /// `fr`, `en`, or `und`, from the share of common function words.
    pub fn language(&self) -> &'static str {
        language(&self.norm.text, 20_000)
    }

    /// A PDF breaks its paragraphs into lines at the page's margin. Where a line runs to the
    /// margin and the next goes on with the same paragraph, the break is a space in the
    /// normalised text (and its lowercase), so that a role, a place or a name read across it
    /// is read whole. Byte for byte, so offsets and spans are unchanged. The source keeps its
    /// lines, but its blocks are cut as if the wrapped lines were one: a heading, a list item
    /// or a paragraph wrapped over three lines is one block, as in a text file.
    pub fn join_wrapped_lines(&mut self) {
        let soft = soft_breaks(&self.norm.text);
        if soft.is_empty() {
            return;
        }
        // A newline and a space are both one ASCII byte: the strings stay valid UTF-8 and keep
        // their length.
        for s in [&mut self.norm.text, &mut self.lower] {
            let mut bytes = std::mem::take(s).into_bytes();
            for &i in &soft {
                bytes[i] = b' ';
            }
            *s = String::from_utf8(bytes).unwrap_or_default();
        }
        let mut joined = self.src.as_bytes().to_vec();
        for &i in &soft {
            let r = self.norm.to_source(i..i + 1);
            if r.len() == 1 && joined[r.start] == b'\n' {
                joined[r.start] = b' ';
            }
        }
        if let Ok(joined) = String::from_utf8(joined) {
            self.blocks = liasse_text::segment(&joined);
        }
    }
}

/// The line breaks of `text` inside its paragraphs, as a PDF's text layer wraps them: after a
/// line that reaches near the widest lines of the text, before a line that is not blank and
/// does not open an item (`- `, `• `, `1. `, `a) `), neither line a table row.
fn soft_breaks(text: &str) -> Vec<usize> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|(_, l)| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if widths.len() < 10 {
        return Vec::new();
    }
    widths.sort_unstable();
    let margin = widths[widths.len() * 9 / 10];
    if margin < 40 {
        return Vec::new();
    }
    let opens_item = |l: &str| {
        let l = l.trim_start();
        l.starts_with(['-', '•', '*', '–', '—', '▪', '✓', '·'])
            || l.split_once(['.', ')', '°']).is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_alphanumeric())
            })
    };
    let mut out = Vec::new();
    for w in lines.windows(2) {
        let ((at, line), (_, next)) = (w[0], w[1]);
        let full = line.trim().chars().count() * 10 >= margin * 7;
        if full
            && !next.trim().is_empty()
            && !line.contains('\t')
            && !next.contains('\t')
            && !line.trim_end().ends_with(':')
            && !opens_item(next)
        {
            out.push(at + line.len());
        }
    }
    // Only a newline itself (a `\r\n` keeps its `\r`; the newline after it is the break).
    out.retain(|&i| text.as_bytes().get(i) == Some(&b'\n'));
    out
}

/// `fr`, `en`, or `und`, from the share of common function words among the first `limit`
/// pieces of the text split at every character that is not a letter.
fn language(text: &str, limit: usize) -> &'static str {
    const FR: &[&str] = &[
        "le", "la", "les", "des", "du", "et", "est", "une", "dans", "pour", "avec", "sur", "par",
        "au", "aux",
    ];
    const EN: &[&str] = &[
        "the", "and", "of", "to", "in", "is", "for", "with", "on", "by", "that", "are",
    ];
    // The function words are short and ASCII, so a word is compared as one number: its bytes,
    // ASCII-lowercased, packed into a u32 (only ASCII letters lowercase to the ASCII letters of
    // the lists; a non-ASCII byte never packs to a listed word).
    const fn pack(w: &[u8]) -> u32 {
        let mut key = 0u32;
        let mut i = 0;
        while i < w.len() {
            key = (key << 8) | w[i].to_ascii_lowercase() as u32;
            i += 1;
        }
        key
    }
    const fn keys<const N: usize>(words: &[&str]) -> [u32; N] {
        let mut out = [0; N];
        let mut i = 0;
        while i < N {
            // At most 4 bytes, or the key would not hold the word (checked at compile time).
            assert!(!words[i].is_empty() && words[i].len() <= 4);
            out[i] = pack(words[i].as_bytes());
            i += 1;
        }
        out
    }
    const FR_KEYS: [u32; FR.len()] = keys(FR);
    const EN_KEYS: [u32; EN.len()] = keys(EN);
    let (mut fr, mut en) = (0usize, 0usize);
    let mut count = |w: &str| {
        if w.is_empty() || w.len() > 4 {
            return;
        }
        let key = pack(w.as_bytes());
        if FR_KEYS.contains(&key) {
            fr += 1;
        } else if EN_KEYS.contains(&key) {
            en += 1;
        }
    };
    // The pieces of `split(|c| !c.is_alphabetic())`, with ASCII bytes classified without
    // decoding.
    let bytes = text.as_bytes();
    let (mut i, mut start, mut pieces) = (0, 0, 0);
    while i < bytes.len() && pieces < limit {
        let b = bytes[i];
        let (letter, len) = if b.is_ascii() {
            (b.is_ascii_alphabetic(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphabetic(), c.len_utf8())
        };
        if !letter {
            count(&text[start..i]);
            pieces += 1;
            start = i + len;
        }
        i += len;
    }
    if pieces < limit {
        count(&text[start..]);
    }
    if fr + en < 3 {
        "und"
    } else if fr >= en * 2 {
        "fr"
    } else if en >= fr * 2 {
        "en"
    } else {
        "und"
    }
}

/// Lowercase, keeping every character's byte length: a character whose lowercase is longer,
/// shorter or several characters (`İ`, `ẞ`) stays as it is, so offsets into `s` are offsets
/// into the result. ASCII takes a byte path.
pub(crate) fn lower(s: &str) -> String {
    // Every byte lowercased as ASCII in one pass, then each non-ASCII character rewritten in
    // place by its lowercase of the same length.
    let mut out = s.as_bytes().to_ascii_lowercase();
    let mut i = 0;
    while let Some(p) = out[i..].iter().position(|b| !b.is_ascii()) {
        let at = i + p;
        let Some(c) = s[at..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let mut l = c.to_lowercase();
        if let (Some(x), None) = (l.next(), l.next()) {
            if x.len_utf8() == len {
                x.encode_utf8(&mut out[at..at + len]);
            }
        }
        i = at + len;
    }
    // Each character was replaced by one of the same length: still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The start of a window of at most `len` bytes ending at `pos`: `pos - len`, moved forward to
/// the next character boundary (a window of a long text, not a scan of all of it).
pub(crate) fn window_start(text: &str, pos: usize, len: usize) -> usize {
    let mut from = pos.saturating_sub(len);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The end of a window of at most `len` bytes starting at `pos`: `pos + len` (or the text's
/// end), moved back to the previous character boundary.
pub(crate) fn window_end(text: &str, pos: usize, len: usize) -> usize {
    let mut to = pos.saturating_add(len).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    to
}

#[cfg(test)]
mod tests {
    use super::Doc;

    #[test]
    fn windows_end_on_character_boundaries() {
        // "é" is two bytes: a window may not cut it.
        let text = "abcé fin";
        assert_eq!(super::window_end(text, 0, 4), 3);
        assert_eq!(super::window_end(text, 0, 5), 5);
        assert_eq!(super::window_end(text, 2, 100), text.len());
        assert_eq!(super::window_start(text, 5, 2), 3);
        assert_eq!(super::window_start(text, 6, 2), 5);
    }

    #[test]
    fn lines_wrapped_at_the_margin_are_joined() {
        let filler =
            "Une ligne de texte ordinaire qui remplit la page jusqu'à sa marge droite, ici.\n";
        let text = format!(
            "{}Le ministre a reçu hier à Rabat M. Simon Fetet, son homologue, Directeur de\nl'Immigration au ministère de l'Intérieur.\n\nLes Parties conviennent de ce qui suit, en deux points :\n- renforcer la coopération;\n1. Point\nCourt\nSuite\n",
            filler.repeat(10)
        );
        let mut doc = Doc::new(&text);
        doc.join_wrapped_lines();
        let norm = &doc.norm.text;
        assert_eq!(norm.len(), text.len());
        assert!(norm.contains("Directeur de l'Immigration"), "{norm}");
        // The blocks are cut as if the wrapped lines were one: the sentence is one block.
        assert!(
            doc.blocks.iter().any(|b| text[b.span.clone()]
                .ends_with("Directeur de\nl'Immigration au ministère de l'Intérieur.")),
            "{:?}",
            doc.blocks
        );
        // A line that does not reach the margin, a label before a list, and a list item keep
        // their breaks; so does the blank line between paragraphs.
        assert!(norm.contains("Court\nSuite"));
        assert!(norm.contains("suit, en deux points :\n- renforcer"));
        assert!(norm.contains("l'Intérieur.\n\nLes"));
        assert_eq!(doc.lower, super::lower(norm));
        // Too few lines to know the margin: nothing is joined.
        let mut short =
            Doc::new("Une ligne assez longue pour être au bord de la page, mais seule\nsuite");
        short.join_wrapped_lines();
        assert!(short.norm.text.contains('\n'));
    }

    /// The guess as first written: `split` on non-letters, `take(limit)`.
    fn language_by_split(text: &str, limit: usize) -> &'static str {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .take(limit)
            .collect();
        let joined = words.join(" ");
        // Same counting on pieces that are now separated by single spaces.
        super::language(&joined, usize::MAX)
    }

    proptest::proptest! {
        #[test]
        fn language_scans_as_split_does(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "le", "LA", "The", "and", "of", "et", " ", "’", "é", "É", "Ω", "-", "\n",
                    "aux", "with", "x", "l'", "d’", "123", "\u{a0}", "états",
                ]),
                0..40,
            ),
            limit in 0usize..30,
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(super::language(&text, limit), language_by_split(&text, limit));
        }
    }

    /// [`super::lower`] as first written, a character at a time.
    fn lower_by_chars(s: &str) -> String {
        s.chars()
            .map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                    _ => c,
                }
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn lower_is_lowercase_char_by_char(s in "([A-Za-z0-9 .ÉéÀàÇçŒœİẞΣǅﬁßΩ👍Ⅻ\n]|\\PC){0,40}") {
            proptest::prop_assert_eq!(super::lower(&s), lower_by_chars(&s));
        }
    }

    #[test]
    fn lower_keeps_byte_offsets() {
        for s in ["", "ABC", "Équipe À ÉTÉ", "İstanbul ẞ Σ ǅ", "ﬁ ß Ω 👍 Ⅻ"] {
            let l = super::lower(s);
            assert_eq!(l.len(), s.len(), "{s}");
            for (a, b) in s
                .char_indices()
                .map(|(i, _)| i)
                .zip(l.char_indices().map(|(i, _)| i))
            {
                assert_eq!(a, b, "{s}");
            }
        }
        assert_eq!(super::lower("Équipe À ÉTÉ"), "équipe à été");
        assert_eq!(super::lower("İ ẞ Σ"), "İ ẞ σ");
        let d = Doc::new("Le PRÉSIDENT");
        assert_eq!(d.lower_of(3..d.norm.text.len()), "président");
    }

    #[test]
    fn language_from_function_words() {
        let lang = |t: &str| Doc::new(t).language();
        assert_eq!(lang("LE conseil ET la Commission, dans les ports"), "fr");
        assert_eq!(lang("The council AND the Commission, in the ports"), "en");
        assert_eq!(lang("Le council and la Commission, the end"), "und");
        assert_eq!(lang("Rabat 2024"), "und");
        // Accented capitals are not their ASCII look-alikes; long words never count.
        assert_eq!(lang("ÉT ÉT ÉT LES LESS"), "und");
        assert_eq!(lang("Dans l'Union, les États et LES institutions"), "fr");
    }
}
