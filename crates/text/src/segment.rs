//! Segmentation: the source text as a sequence of blocks (headings, paragraphs, list items,
//! table rows with their cells), each with its span in the source.
//!
//! Segmentation reads the decoded *source*, where the structure is still visible (`###`,
//! `**bold**`, `<b>…</b>`, tabs between cells, list bullets); record text is then taken from the
//! normalised text of each block's span.

use std::ops::Range;

/// How a heading was marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// `#` to `######`; the level is the number of `#`.
    Markdown(u8),
    /// The whole line is bold (`**…**` or `<b>…</b>`).
    Bold,
    /// The whole line is in capitals.
    Caps,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Heading(HeadingStyle),
    Paragraph,
    /// A bulleted or numbered line. `depth` counts nesting (indentation, stacked bullets);
    /// `number` is the number or letter as written (`12`, `b`), for numbered items.
    ListItem {
        depth: u8,
        marker: String,
        number: Option<String>,
    },
    /// A line of tab-separated cells.
    TableRow {
        cells: Vec<Range<usize>>,
    },
}

/// One block of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The whole line, without surrounding whitespace.
    pub span: Range<usize>,
    /// The content after any heading marks or list marker.
    pub content: Range<usize>,
    /// 0-based line number of the block's first line.
    pub line: usize,
    /// Blank lines before this block (0 when it follows the previous block directly).
    pub blank_before: usize,
}

/// Split a source text into blocks, one per non-empty line.
pub fn segment(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut blank = 0;
    for (line_no, line) in lines(src).enumerate() {
        let text = &src[line.clone()];
        if text.trim().is_empty() || is_only_markup(text) {
            blank += 1;
            continue;
        }
        // A Markdown table's rule under its header (`|---|:---:|`) separates nothing.
        if is_table_rule(text) {
            continue;
        }
        let span = trim_range(src, line.clone());
        let kind;
        let mut content = span.clone();
        if text.contains('\t') && text.trim_matches(is_space).contains('\t')
            || text.starts_with('\t')
        {
            kind = BlockKind::TableRow {
                cells: cells(src, line.clone()),
            };
        } else if let Some(cells) = pipe_cells(src, span.clone()) {
            kind = BlockKind::TableRow { cells };
        } else if let Some((style, inner)) = markdown_heading(src, span.clone()) {
            kind = BlockKind::Heading(style);
            content = inner;
        } else if let Some((depth, marker, number, inner)) = list_item(src, line.clone()) {
            kind = BlockKind::ListItem {
                depth,
                marker,
                number,
            };
            content = inner;
        } else if let Some((style, inner)) = heading(src, span.clone()) {
            kind = BlockKind::Heading(style);
            content = inner;
        } else {
            kind = BlockKind::Paragraph;
        }
        blocks.push(Block {
            kind,
            span,
            content,
            line: line_no,
            blank_before: blank,
        });
        blank = 0;
    }
    blocks
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Byte ranges of the lines of `src`, without their line terminators.
pub fn lines(src: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = src.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' && bytes[end] != 0x0C
        {
            end += 1;
        }
        pos = end;
        if pos < bytes.len() {
            pos += if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
        }
        Some(start..end)
    })
}

/// The range without leading and trailing whitespace.
pub fn trim_range(src: &str, r: Range<usize>) -> Range<usize> {
    let s = &src[r.clone()];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

/// Lines holding nothing but tags or emphasis marks (`</ul>`, `**`) count as blank.
fn is_only_markup(text: &str) -> bool {
    let mut rest = text.trim();
    while !rest.is_empty() {
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(e) => rest = rest[e + 1..].trim_start(),
                None => return false,
            }
        } else if rest.starts_with('*') || rest.starts_with('#') {
            rest = rest[1..].trim_start();
        } else if rest.starts_with("&nbsp;") {
            rest = rest[6..].trim_start();
        } else {
            return false;
        }
    }
    true
}

/// `|---|:---:|---|`: the rule under a Markdown table's header.
fn is_table_rule(text: &str) -> bool {
    let t = text.trim();
    t.starts_with('|')
        && t.contains("---")
        && t.bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// The cells of a Markdown table row (`| a | b | c |`): the text between the pipes, trimmed.
/// A line needs its leading and trailing pipe and two cells at least.
fn pipe_cells(src: &str, span: Range<usize>) -> Option<Vec<Range<usize>>> {
    let text = &src[span.clone()];
    if text.len() < 3 || !text.starts_with('|') || !text.ends_with('|') {
        return None;
    }
    let mut out = Vec::new();
    let mut start = span.start + 1;
    for (i, b) in text.bytes().enumerate().skip(1) {
        if b == b'|' {
            out.push(trim_range(src, start..span.start + i));
            start = span.start + i + 1;
        }
    }
    (out.len() >= 2).then_some(out)
}

fn cells(src: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    for (i, b) in src[line.clone()].bytes().enumerate() {
        if b == b'\t' {
            out.push(trim_range(src, start..line.start + i));
            start = line.start + i + 1;
        }
    }
    out.push(trim_range(src, start..line.end));
    out
}

const BOLD: &[(&str, &str)] = &[
    ("**", "**"),
    ("<b>", "</b>"),
    ("<strong>", "</strong>"),
    ("__", "__"),
];

fn markdown_heading(src: &str, span: Range<usize>) -> Option<(HeadingStyle, Range<usize>)> {
    let text = &src[span.clone()];
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with([' ', '\t']) {
        let inner = trim_range(src, span.start + hashes..span.end);
        let inner = strip_bold(src, inner.clone()).unwrap_or(inner);
        return Some((HeadingStyle::Markdown(hashes as u8), inner));
    }
    None
}

fn heading(src: &str, span: Range<usize>) -> Option<(HeadingStyle, Range<usize>)> {
    let text = &src[span.clone()];
    if let Some(inner) = strip_bold(src, span.clone()) {
        let t = &src[inner.clone()];
        // A bold run that is a whole line is a heading, unless it is a sentence ending in ':'
        // that introduces what follows on the same line (handled by the caller as paragraph).
        if !t.contains("**") && !t.contains("<b>") {
            return Some((HeadingStyle::Bold, inner));
        }
    }
    if is_caps_line(text) {
        return Some((HeadingStyle::Caps, span));
    }
    None
}

/// The range inside bold marks when the whole range is bold, looking through `<p>` wrappers.
fn strip_bold(src: &str, span: Range<usize>) -> Option<Range<usize>> {
    let mut span = span;
    // Peel block wrappers such as <p>…</p>.
    loop {
        let t = &src[span.clone()];
        if t.starts_with("<p>") && t.ends_with("</p>") && t.len() >= 7 {
            span = trim_range(src, span.start + 3..span.end - 4);
        } else {
            break;
        }
    }
    let t = &src[span.clone()];
    for (open, close) in BOLD {
        if t.len() > open.len() + close.len() && t.starts_with(open) && t.ends_with(close) {
            let inner = trim_range(src, span.start + open.len()..span.end - close.len());
            if !src[inner.clone()].is_empty() {
                return Some(inner);
            }
        }
    }
    None
}

/// A line whose letters are all capitals (at least four of them), such as `PAUSE CAFE`.
fn is_caps_line(text: &str) -> bool {
    if text.chars().count() > 160 {
        return false;
    }
    let mut letters = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 4
}

const BULLETS: &[char] = &[
    '-', '*', '•', '✓', '–', '—', '▪', '■', '□', '◦', '·', '→', '➢', '►', '✔', '●', '○',
    '\u{f0a7}', '\u{f0b7}',
];

/// A bulleted or numbered line: (depth, marker, number, content).
fn list_item(src: &str, line: Range<usize>) -> Option<(u8, String, Option<String>, Range<usize>)> {
    let text = &src[line.clone()];
    let indent = text.len() - text.trim_start_matches(is_space).len();
    let mut pos = line.start + indent;
    let mut markers = String::new();
    let mut bullets = 0u8;
    // Stacked bullets such as "- ✓".
    loop {
        let rest = &src[pos..line.end];
        let Some(c) = rest.chars().next() else { break };
        if BULLETS.contains(&c) {
            let after = rest[c.len_utf8()..].chars().next();
            if after.is_some_and(|a| a == ' ' || a == '\t' || a == '\u{a0}') {
                markers.push(c);
                bullets += 1;
                pos += c.len_utf8();
                pos += src[pos..line.end].len()
                    - src[pos..line.end].trim_start_matches(is_space).len();
                continue;
            }
        }
        break;
    }
    let mut number = None;
    let rest = &src[pos..line.end];
    if let Some((num, len)) = enumerator(rest) {
        number = Some(num);
        markers.push_str(&rest[..len]);
        pos += len;
        pos += src[pos..line.end].len() - src[pos..line.end].trim_start_matches(is_space).len();
    }
    if markers.is_empty() || pos >= line.end {
        return None;
    }
    // One space of indentation already nests (" - sous-point").
    let depth = indent.div_ceil(2) as u8 + bullets.saturating_sub(1);
    Some((
        depth,
        markers.trim().to_owned(),
        number,
        trim_range(src, pos..line.end),
    ))
}

/// `12.`, `12)`, `(12)`, `a)`, `b.`, `iv)` followed by a space; also inside bold (`**3.**`).
fn enumerator(rest: &str) -> Option<(String, usize)> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    let paren = bytes.first() == Some(&b'(');
    if paren {
        i += 1;
    }
    let start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() && i - start < 3 {
        i += 1;
    }
    let numeric = i > start;
    if !numeric {
        // A single letter or a short roman numeral.
        while i < bytes.len() && bytes[i].is_ascii_lowercase() && i - start < 4 {
            i += 1;
        }
        let word = &rest[start..i];
        let roman = word.chars().all(|c| "ivxl".contains(c));
        if i == start || (i - start > 1 && !roman) {
            return None;
        }
    }
    let num = rest[start..i].to_owned();
    // "1° de créer …", "2°) …": the numbering of French legal texts.
    if numeric && !paren {
        if let Some(after) = rest[i..]
            .strip_prefix('°')
            .or_else(|| rest[i..].strip_prefix('º'))
        {
            let after = after.strip_prefix(')').unwrap_or(after);
            let len = rest.len() - after.len();
            return after
                .starts_with([' ', '\t', '\u{a0}'])
                .then_some((num, len));
        }
    }
    let close = *bytes.get(i)?;
    let ok = if paren {
        close == b')'
    } else {
        close == b'.' || close == b')'
    };
    if !ok {
        return None;
    }
    i += 1;
    // A decimal such as "3.2" is not an enumerator followed by text.
    match bytes.get(i) {
        Some(b' ' | b'\t') => Some((num, i)),
        Some(0xC2) if bytes.get(i + 1) == Some(&0xA0) => Some((num, i)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(String, String)> {
        segment(src)
            .into_iter()
            .map(|b| {
                let k = match &b.kind {
                    BlockKind::Heading(s) => format!("heading {s:?}"),
                    BlockKind::Paragraph => "paragraph".into(),
                    BlockKind::ListItem {
                        depth,
                        marker,
                        number,
                    } => {
                        format!("item {depth} {marker} {number:?}")
                    }
                    BlockKind::TableRow { cells } => format!("row {}", cells.len()),
                };
                (k, src[b.content.clone()].to_owned())
            })
            .collect()
    }

    #[test]
    fn table_of_blocks() {
        let src = "### **Migration et développement**\n\n21. Renforcer la coopération.\n\
                   **Initiatives horizontales**\nPAUSE CAFE\n- ✓ MAEC ;\n - Coopération au niveau multilatéral ;\n\
                   Texte simple.\nSECTION\tOBJECTIF\tPartenaire\n\t\tcoordonnées par Frontex\n(1) premier point\nb) second\n";
        let got = kinds(src);
        let want: Vec<(&str, &str)> = vec![
            ("heading Markdown(3)", "Migration et développement"),
            ("item 0 21. Some(\"21\")", "Renforcer la coopération."),
            ("heading Bold", "Initiatives horizontales"),
            ("heading Caps", "PAUSE CAFE"),
            ("item 1 -✓ None", "MAEC ;"),
            ("item 1 - None", "Coopération au niveau multilatéral ;"),
            ("paragraph", "Texte simple."),
            ("row 3", "SECTION\tOBJECTIF\tPartenaire"),
            ("row 3", "coordonnées par Frontex"),
            ("item 0 (1) Some(\"1\")", "premier point"),
            ("item 0 b) Some(\"b\")", "second"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn blank_lines_are_counted_and_markup_only_lines_are_blank() {
        let blocks = segment("a\n\n\n</ul>\nb\r\nc");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1].blank_before, 3);
        assert_eq!(blocks[2].blank_before, 0);
        assert_eq!(blocks[2].line, 5);
    }

    #[test]
    fn markdown_tables_are_rows_of_cells() {
        let src = "| Objectif | Partenaire |\n|---|:---:|\n| **1. Faciliter.** | FR |\n| | DE |\n\
                   | un seul |\nUn | dans le texte |\n";
        let blocks = segment(src);
        let cells = |i: usize| match &blocks[i].kind {
            BlockKind::TableRow { cells } => {
                cells.iter().map(|c| &src[c.clone()]).collect::<Vec<_>>()
            }
            k => panic!("{k:?}"),
        };
        assert_eq!(cells(0), ["Objectif", "Partenaire"]);
        // The rule under the header is no block and no blank line.
        assert_eq!(cells(1), ["**1. Faciliter.**", "FR"]);
        assert_eq!(blocks[1].blank_before, 0);
        assert_eq!(cells(2), ["", "DE"]);
        // One cell, or pipes inside a sentence, are no table.
        assert_eq!(blocks[3].kind, BlockKind::Paragraph);
        assert_eq!(blocks[4].kind, BlockKind::Paragraph);
    }

    #[test]
    fn decimals_and_years_are_not_enumerators() {
        assert_eq!(kinds("3.2 millions de migrants")[0].0, "paragraph");
        assert_eq!(kinds("2013. Une année")[0].0, "paragraph");
        assert_eq!(kinds("15°C en moyenne")[0].0, "paragraph");
    }

    #[test]
    fn degree_signs_number_the_points_of_legal_texts() {
        let got = kinds(
            "1° de créer un cadre ;
2°) d'harmoniser ;
3º de tenir ;",
        );
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(
            got,
            [
                ("item 0 1° Some(\"1\")", "de créer un cadre ;"),
                ("item 0 2°) Some(\"2\")", "d'harmoniser ;"),
                ("item 0 3º Some(\"3\")", "de tenir ;"),
            ]
        );
    }
}
