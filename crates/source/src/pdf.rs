//! PDF → text, page by page, through pdf-extract (built on lopdf), with lopdf's own extraction
//! as a fallback when pdf-extract fails or panics on a file.

use std::collections::HashMap;

use crate::{Note, SourceError};

/// The text of a PDF: pages joined by a form feed, the byte offset where each page starts,
/// notes about what was repaired, and whether the lines wrapped by the margin are joined
/// (they are, unless the fallback extractor, which knows no geometry, read the file).
pub(crate) fn extract(bytes: &[u8]) -> Result<(String, Vec<usize>, Vec<Note>, bool), SourceError> {
    let mut notes = Vec::new();
    let doc =
        lopdf::Document::load_mem(bytes).map_err(|e| SourceError::PdfBroken(e.to_string()))?;
    let encrypted = doc.is_encrypted();
    // pdf-extract reads more fonts right but has known panics on real files: one bad file must
    // cost only itself.
    let primary = guarded(|| pages_of(bytes));
    let mut lines_joined = true;
    let pages: Vec<String> = match primary {
        Ok(Ok(pages)) if !pages.is_empty() => pages,
        other => {
            lines_joined = false;
            if encrypted {
                return Err(SourceError::PdfEncrypted);
            }
            let why = match other {
                Ok(Err(e)) => e.to_string(),
                Ok(Ok(_)) => "no page".to_owned(),
                Err(_) => "it stopped on an unexpected construct".to_owned(),
            };
            notes.push(Note {
                code: "pdf-fallback",
                message: format!("the main PDF text extractor failed ({why}); lopdf's simpler extraction was used, spacing may be rougher"),
            });
            let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
            numbers
                .iter()
                .map(|n| {
                    guarded(std::panic::AssertUnwindSafe(|| doc.extract_text(&[*n])))
                        .ok()
                        .and_then(Result::ok)
                        .unwrap_or_default()
                })
                .collect()
        }
    };
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(SourceError::PdfNoText);
    }
    let pages: Vec<String> = pages.iter().map(|p| expand_ligatures(p)).collect();
    let pages = strip_running_lines(pages, &mut notes);
    let mut text = String::new();
    let mut starts = Vec::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        let body = p.trim_matches('\n');
        if i > 0 {
            match goes_on_across(&text, body) {
                Some(joiner) => text.push_str(joiner),
                None => text.push_str("\n\u{c}\n"),
            }
        }
        starts.push(text.len());
        text.push_str(body);
    }
    Ok((text, starts, notes, lines_joined))
}

/// How the last line of a page goes on at the top of the next (`" "`, or `""` after a word
/// broken at its hyphen), when it does: the next page starts in lowercase, and the line above
/// does not end a sentence or clause. The page break then parts no paragraph, row or cell.
fn goes_on_across(above: &str, next: &str) -> Option<&'static str> {
    let last = above.rsplit('\n').next().unwrap_or("").trim_end();
    let first = next.chars().next()?;
    let ends = last.ends_with(['.', '!', '?', ':', ';']);
    if !first.is_lowercase() || ends || last.is_empty() {
        return None;
    }
    let hyphen = last.ends_with('-')
        && last[..last.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
    Some(if hyphen { "" } else { " " })
}

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run a PDF extractor that may panic on a malformed file, catching its panic; while it runs,
/// [`crate::in_guarded_extraction`] is true on this thread, so a panic hook can keep quiet
/// about a panic that is caught and reported as a note.
fn guarded<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> std::thread::Result<T> {
    GUARDED.with(|g| g.set(true));
    let out = std::panic::catch_unwind(f);
    GUARDED.with(|g| g.set(false));
    out
}

/// Whether this thread is inside a guarded PDF extraction (see [`guarded`]).
pub(crate) fn in_guarded() -> bool {
    GUARDED.with(std::cell::Cell::get)
}

/// The text of each page, through pdf-extract's interpreter and [`Text`].
fn pages_of(bytes: &[u8]) -> Result<Vec<String>, pdf_extract::OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        // The empty user password opens most "encrypted" files (restrictions, not secrecy).
        doc.decrypt("")?;
    }
    expand_width_ranges(&mut doc);
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut out = Text::default();
    for n in numbers {
        pdf_extract::output_doc_page(&doc, &mut out, n)?;
    }
    Ok(out.finish())
}

/// The most glyphs one range of a font's widths may cover once expanded (a CID is two bytes).
const MAX_WIDTH_RANGE: i64 = 65_536;

/// Rewrite each CID font's widths (`/W`) given as ranges, `c_first c_last w` (as Chrome and
/// Skia write them), in the list form, `c [w w …]`. pdf-extract reads the list form only: for a
/// range it reads no width, every glyph of the font is drawn zero wide, and the geometry
/// (where a word ends, where a line wraps) is lost.
fn expand_width_ranges(doc: &mut pdf_extract::Document) {
    use pdf_extract::Object;
    let as_num = |o: &Object| match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    };
    // The arrays to rewrite: the font's own, or the object its reference points to.
    let mut targets: Vec<(pdf_extract::ObjectId, Option<pdf_extract::ObjectId>)> = Vec::new();
    for (&id, object) in &doc.objects {
        let Ok(dict) = object.as_dict() else { continue };
        let cid_font = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"CIDFontType2" || n == b"CIDFontType0");
        match dict.get(b"W") {
            Ok(Object::Array(_)) if cid_font => targets.push((id, None)),
            Ok(Object::Reference(r)) if cid_font => targets.push((id, Some(*r))),
            _ => {}
        }
    }
    for (font, referenced) in targets {
        let array = match referenced {
            Some(r) => doc.objects.get_mut(&r).and_then(|o| o.as_array_mut().ok()),
            None => doc
                .objects
                .get_mut(&font)
                .and_then(|o| o.as_dict_mut().ok())
                .and_then(|d| d.get_mut(b"W").ok())
                .and_then(|o| o.as_array_mut().ok()),
        };
        let Some(array) = array else { continue };
        if !array
            .windows(3)
            .any(|w| w.iter().all(|o| as_num(o).is_some()))
        {
            continue;
        }
        let mut out: Vec<Object> = Vec::with_capacity(array.len());
        let mut i = 0;
        while i < array.len() {
            match (array.get(i), array.get(i + 1), array.get(i + 2)) {
                (Some(first), Some(Object::Array(list)), _) => {
                    out.push(first.clone());
                    out.push(Object::Array(list.clone()));
                    i += 2;
                }
                (Some(first), Some(last), Some(w)) => {
                    let (Some(a), Some(b), Some(w)) = (as_num(first), as_num(last), as_num(w))
                    else {
                        break;
                    };
                    let (a, b) = (a as i64, b as i64);
                    if a < 0 || b < a || b - a >= MAX_WIDTH_RANGE {
                        break;
                    }
                    out.push(Object::Integer(a));
                    out.push(Object::Array(vec![
                        Object::Real(w as f32);
                        (b - a + 1) as usize
                    ]));
                    i += 3;
                }
                _ => break,
            }
        }
        *array = out;
    }
}

/// One line of a page as drawn: where it starts and ends, and where its first word ends.
#[derive(Debug, Clone, Copy)]
struct Line {
    page: usize,
    /// The byte where the line starts in the text.
    start: usize,
    /// The byte of the newline before the line, when a single newline separates it from the
    /// line above (two mean a blank line: a paragraph's end, never a wrap).
    newline: Option<usize>,
    start_x: f64,
    first_word_end: Option<f64>,
    /// Where the text resumes after the line's first gap (a hanging indent's text).
    after_gap: Option<f64>,
    end_x: f64,
    /// The byte where the line ends in the text.
    end: usize,
    size: f64,
}

/// Plain text from pdf-extract's characters, laid out as pdf-extract's own plain text (a
/// newline where the baseline moves down, two where it moves down a lot, a space where a gap
/// opens between two runs), then mended with what the geometry tells:
///
/// - **Lines wrapped by the page's margin are one line**: where the first word of a line
///   would not have fit at the end of the line above, the break between them was the margin's,
///   not the author's, and it becomes a space. A paragraph, a heading, a list item or a table
///   row is then one line of text, as in a text file.
/// - **A tab stop is a tab**: a word processor sets the cells of a row at tab stops, and a
///   tab is what the segmenter reads as a cell boundary. Producers that write their spaces as
///   characters draw no gap between words: there, a gap that lands where gaps land again and
///   again (a tab stop) or is wider than a third of an em is a tab. Producers that place each
///   word on its own make gaps everywhere: there, only a gap of more than two ems is.
#[derive(Default)]
struct Text {
    text: String,
    /// Height of the page, to turn PDF coordinates (y up) into reading order (y down).
    height: f64,
    page: usize,
    /// Where each page's text ends.
    page_ends: Vec<usize>,
    last_end: f64,
    last_y: f64,
    first_char: bool,
    lines: Vec<Line>,
    /// Space characters drawn, gaps opened between runs where no space was drawn (a space is
    /// written there), and gaps opened after a drawn space.
    drawn_spaces: usize,
    gaps: usize,
    stretched: usize,
    /// The gaps that may be tab stops.
    wide: Vec<Gap>,
}

/// A gap between two runs of a line, after text that may end a cell.
#[derive(Debug, Clone, Copy)]
struct Gap {
    /// The byte of the space that stands for it.
    at: usize,
    /// Where the text resumes.
    x: f64,
    /// Its width in ems.
    ems: f64,
    /// Whether a space was drawn before it.
    after_space: bool,
}

impl Text {
    fn close_line(&mut self) {
        if let Some(l) = self.lines.last_mut() {
            l.end_x = self.last_end;
            l.end = self.text.len();
            if l.first_word_end.is_none() {
                l.first_word_end = Some(self.last_end);
            }
        }
    }

    /// Positions where gaps land, or indented lines start, at least three times, to the
    /// point: tab stops.
    fn tab_stops(&self, lefts: &[f64], plain: impl Fn(&Gap) -> bool) -> Vec<f64> {
        let mut at: Vec<i64> = self
            .wide
            .iter()
            .filter(|g| plain(g) && !ends_line(self.text.as_bytes(), g.at))
            .map(|g| g.x.round() as i64)
            .collect();
        at.extend(
            self.lines
                .iter()
                .filter(|l| l.start_x > lefts[l.page] + 0.5 * l.size)
                .map(|l| l.start_x.round() as i64),
        );
        at.sort_unstable();
        let mut stops = Vec::new();
        for run in at.chunk_by(|a, b| b - a <= 1) {
            if run.len() >= 3 {
                stops.push(run.iter().sum::<i64>() as f64 / run.len() as f64);
            }
        }
        stops
    }

    /// The text of each page, with wrapped lines joined and tab stops as tabs.
    fn finish(mut self) -> Vec<String> {
        self.close_line();
        let pages = self.page_ends.len();
        // Each page's margins: the left one where its lines start, the right one where most
        // full lines end.
        // (The lines come page by page, in order.)
        let mut lefts = vec![f64::MAX; pages];
        let mut rights = vec![0.0_f64; pages];
        for lines in self.lines.chunk_by(|a, b| a.page == b.page) {
            let page = lines[0].page;
            let mut ends: Vec<f64> = lines
                .iter()
                .map(|l| l.end_x)
                .filter(|&x| x < 10_000.0)
                .collect();
            if ends.is_empty() || page >= pages {
                continue;
            }
            ends.sort_by(f64::total_cmp);
            rights[page] = ends[ends.len() * 19 / 20];
            lefts[page] = lines.iter().map(|l| l.start_x).fold(f64::MAX, f64::min);
        }
        let glyph_spaced = self.drawn_spaces >= 2 * self.gaps && self.drawn_spaces > 0;
        // Justified lines stretch one space in ten or more; a tab drawn as a space is rarer.
        let justified = self.stretched * 10 > self.drawn_spaces;
        // Where a gap may be a tab stop: after a stretched space, only when it is very wide.
        let plain = |g: &Gap| glyph_spaced && !(g.after_space && justified);
        let stops = if glyph_spaced {
            self.tab_stops(&lefts, plain)
        } else {
            Vec::new()
        };
        let on_stop = |x: f64| stops.iter().any(|s| (s - x).abs() <= 1.5);
        // Default tab stops are evenly spaced (every eight characters in a browser's plain
        // text, every 1.25 cm in a word processor): the stops between and past those found go
        // on at that step.
        let grid = even_step(&stops);
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        for g in &self.wide {
            // A gap before the space a browser draws at the end of a wrapped line is no cell.
            if ends_line(&bytes, g.at) {
                continue;
            }
            let tab = if plain(g) {
                g.ems > 0.35 || on_stop(g.x)
            } else {
                g.ems > 2.0
            };
            if tab {
                bytes[g.at] = b'\t';
            }
        }
        // A byte to drop when the pages are cut out (a newline that joins without a space).
        // (The text has no NUL of its own: `output_character` leaves them out.)
        const DROP: u8 = 0;
        let near = |a: f64, b: f64| (a - b).abs() <= 1.5;
        // Where the row that holds byte `at` starts and ends, with the joins made so far.
        let row = |bytes: &[u8], at: usize| {
            let start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| at + i);
            start..end
        };
        let has_tab = |bytes: &[u8], at: usize| bytes[row(bytes, at)].contains(&b'\t');
        let at_stop = |l: &Line| l.start_x > lefts[l.page] + 0.5 * l.size && on_stop(l.start_x);
        // Some producers wrap by a count of characters, not by width (a script that prints a
        // text wrapped at 90 characters): the longest line of words is the count.
        let counts: Vec<(usize, usize)> = self
            .lines
            .iter()
            .map(|l| {
                let text = String::from_utf8_lossy(&bytes[l.start..l.end]);
                let first_word = text.split([' ', '\t']).next().unwrap_or("");
                (text.chars().count(), first_word.chars().count())
            })
            .collect();
        let columns = self
            .lines
            .iter()
            .zip(&counts)
            .filter(|(l, _)| bytes[l.start..l.end].iter().filter(|&&b| b == b' ').count() >= 2)
            .map(|(_, c)| c.0)
            .max()
            .unwrap_or(0);
        // Whether the first word of a line would have fit at the end of the line above, by
        // its width and by its length.
        let by_width = |above: &Line, line: &Line| {
            let word = line.first_word_end.unwrap_or(line.end_x) - line.start_x;
            above.end_x + 0.25 * line.size + word > rights[line.page] + 0.5
        };
        let by_length = |i: usize| counts[i - 1].0 + 1 + counts[i].1 > columns;
        // Which of the two the producer wrapped by: a line that goes on in lowercase goes on
        // from the line above, and the rule that tells more of those breaks is the producer's.
        // (In a monospaced font the two tell the same: then either tells.)
        let (mut width_told, mut length_told) = (0, 0);
        for i in 1..self.lines.len() {
            let (above, line) = (&self.lines[i - 1], &self.lines[i]);
            let goes_on = String::from_utf8_lossy(&bytes[line.start..line.end])
                .starts_with(char::is_lowercase);
            if line.newline.is_some() && above.page == line.page && goes_on {
                width_told += usize::from(by_width(above, line));
                length_told += usize::from(by_length(i));
            }
        }
        for i in 1..self.lines.len() {
            let (above, line) = (self.lines[i - 1], self.lines[i]);
            let Some(at) = line.newline else { continue };
            if above.page != line.page {
                continue;
            }
            let word = line.first_word_end.unwrap_or(line.end_x) - line.start_x;
            let (needs, joiner) = if line.start_x <= lefts[line.page] + 0.5 * line.size
                || near(line.start_x, above.start_x)
                || above.after_gap.is_some_and(|x| near(x, line.start_x))
            {
                (above.end_x + 0.25 * line.size + word, b' ')
            } else if at_stop(&line) && has_tab(&bytes, above.start) {
                // A tab that did not fit at the end of the line above starts this one, or
                // a new row starts with an empty cell: only a tab stop left on the line above
                // for the word tells the first from the second.
                let after = above.end_x + 0.05 * line.size;
                let found = stops.iter().copied().find(|&s| s > after);
                let on_grid = grid.and_then(|(at, step)| next_on_grid(at, step, after));
                match found.into_iter().chain(on_grid).reduce(f64::min) {
                    Some(s) => (s + word, b'\t'),
                    None => (f64::MAX, b'\t'),
                }
            } else {
                continue;
            };
            // What reads as the author's break whatever the geometry: before an item of a
            // list, after a colon, and after the end of a sentence or clause before a capital
            // (items of a preamble, one per line, each as wide as the page).
            let authored = joiner == b' '
                && (opens_item(&bytes[line.start..line.end])
                    || closes_clause(&bytes[above.start..at], &bytes[line.start..line.end]));
            let overflows = if joiner == b'\t' {
                needs > rights[line.page] + 0.5
            } else if width_told > length_told {
                by_width(&above, &line)
            } else if length_told > width_told {
                by_length(i)
            } else {
                by_width(&above, &line) || by_length(i)
            };
            // A text where no line goes on in lowercase from a full line above was not wrapped
            // by its margin: its longest lines only look full (a text file printed as is).
            let wrapped = joiner == b'\t' || width_told + length_told > 0;
            if overflows && !authored && wrapped {
                let (before, after) = (bytes[at - 1], bytes.get(at + 1).copied().unwrap_or(b' '));
                // No second space; no space inside a word broken at its hyphen.
                let hyphen = before == b'-'
                    && at >= 2
                    && bytes[at - 2].is_ascii_alphabetic()
                    && after.is_ascii_lowercase();
                bytes[at] = if joiner == b' ' && (before == b' ' || hyphen) {
                    DROP
                } else {
                    joiner
                };
            }
        }
        // Tabs to put before a row that starts at a tab stop: its leading empty cells. A row
        // with a tab, or under one, is a table's; an indented paragraph is not.
        let mut leading: Vec<(usize, usize)> = Vec::new();
        let mut above_row: Option<usize> = None;
        for line in &self.lines {
            let starts_row = line.start == 0 || bytes[line.start - 1] == b'\n';
            if !starts_row {
                continue;
            }
            if at_stop(line)
                && (has_tab(&bytes, line.start) || above_row.is_some_and(|a| has_tab(&bytes, a)))
            {
                leading.push((
                    line.start,
                    stops_before(&stops, lefts[line.page], line.start_x),
                ));
            }
            above_row = Some(line.start);
        }
        if glyph_spaced {
            expanded_tabs(&mut bytes, &self.lines, DROP);
        }
        // Cut the pages out, with the leading tabs in and the dropped bytes out.
        let mut pages_text = Vec::with_capacity(pages);
        let mut leading = leading.into_iter().peekable();
        let mut start = 0;
        for &end in &self.page_ends {
            let mut page = Vec::with_capacity(end - start);
            for (i, &b) in bytes.iter().enumerate().take(end).skip(start) {
                while let Some(&(at, n)) = leading.peek() {
                    if at > i {
                        break;
                    }
                    page.extend(std::iter::repeat_n(b'\t', n));
                    leading.next();
                }
                if b != DROP {
                    page.push(b);
                }
            }
            start = end;
            pages_text.push(String::from_utf8(page).unwrap_or_default());
        }
        pages_text
    }
}

/// Rows whose cells a producer set apart with runs of spaces (a script that prints a
/// tab-separated text writes each tab as spaces): runs of three spaces or more, when at least
/// five rows hold two such runs between their cells, are tabs again (the first space a tab,
/// the others `drop`), and so are the spaces that start a row holding one (its empty cells:
/// one tab for each of the shortest run's length).
fn expanded_tabs(bytes: &mut [u8], lines: &[Line], drop: u8) {
    // The rows as they stand after the joins: from each line that starts one to its newline.
    let rows: Vec<std::ops::Range<usize>> = lines
        .iter()
        .filter(|l| l.start == 0 || bytes[l.start - 1] == b'\n')
        .map(|l| {
            let end = bytes[l.start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| l.start + i);
            l.start..end
        })
        .collect();
    // Each row's runs of spaces (three or more, `drop` bytes between them skipped, not the
    // spaces that end the row): where they start and how many spaces they hold.
    let runs_of = |bytes: &[u8], row: &std::ops::Range<usize>| -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = row.start;
        while i < row.end {
            if bytes[i] == b' ' {
                let start = i;
                let mut n = 0;
                while i < row.end && (bytes[i] == b' ' || bytes[i] == drop) {
                    n += usize::from(bytes[i] == b' ');
                    i += 1;
                }
                // Not the spaces that end a row.
                if n >= 3 && i < row.end {
                    runs.push((start, n));
                }
            } else {
                i += 1;
            }
        }
        runs
    };
    let inner = |row: &std::ops::Range<usize>, runs: &[(usize, usize)]| {
        runs.iter().filter(|(at, _)| *at > row.start).count()
    };
    let all: Vec<Vec<(usize, usize)>> = rows.iter().map(|r| runs_of(bytes, r)).collect();
    let table_rows = rows
        .iter()
        .zip(&all)
        .filter(|(r, runs)| inner(r, runs) >= 2)
        .count();
    if table_rows < 5 {
        return;
    }
    let unit = all
        .iter()
        .flatten()
        .map(|&(_, n)| n)
        .min()
        .unwrap_or(3)
        .max(3);
    for (row, runs) in rows.iter().zip(&all) {
        if inner(row, runs) == 0 {
            continue;
        }
        for &(at, n) in runs {
            let tabs = if at == row.start {
                (n + unit / 2) / unit
            } else {
                1
            };
            let mut left = tabs.max(1);
            for b in bytes[at..]
                .iter_mut()
                .take_while(|b| **b == b' ' || **b == drop)
            {
                if *b == b' ' {
                    *b = if left > 0 { b'\t' } else { drop };
                    left = left.saturating_sub(1);
                }
            }
        }
    }
}

/// Whether only spaces follow the gap at byte `at` on its line (a browser draws the space
/// that ends a wrapped line as a run of its own, after a gap its layout leaves).
fn ends_line(bytes: &[u8], at: usize) -> bool {
    bytes[at + 1..]
        .iter()
        .take_while(|&&b| b != b'\n')
        .all(|&b| b == b' ')
}

/// Whether a line opens an item of a list: a bullet or dash, or a number or letter closed by
/// `.`, `)` or `°` (`1.`, `a)`, `2°`), then a space.
fn opens_item(line: &[u8]) -> bool {
    let text = String::from_utf8_lossy(line);
    let t = text.trim_start();
    if t.starts_with(['-', '•', '*', '–', '—', '▪', '✓', '·', '◦', '➢', '►']) {
        return true;
    }
    t.split_once(['.', ')', '°']).is_some_and(|(n, rest)| {
        let n = n.trim_start_matches('(');
        !n.is_empty()
            && n.chars().count() <= 3
            && n.chars().all(char::is_alphanumeric)
            && rest.starts_with([' ', '\t'])
    })
}

/// Whether the text of a line ends a clause before an author's break: with a colon, or with
/// `.`, `;`, `!` or `?` (markup and spaces aside) before a `next` line that does not go on in
/// lowercase. `M.` or `Dr.` is an abbreviation, not an end.
fn closes_clause(line: &[u8], next: &[u8]) -> bool {
    let text = String::from_utf8_lossy(line);
    let next = String::from_utf8_lossy(next);
    let mut t = text.trim_end();
    // `</b>`, `</p>`: markup written as text.
    while let Some(rest) = t.strip_suffix('>') {
        match rest.rfind('<') {
            Some(i) if rest[i..].starts_with("</") => t = rest[..i].trim_end(),
            _ => break,
        }
    }
    // A closing tag never opens a line: the margin broke the line before it. Nor does an
    // aside in brackets (`… (arabe et français).` / `( <i>Ministère du Travail</i> )`, the
    // source a cell names after its sentence), markup written as text before it aside.
    let mut head = next.trim_start();
    while let Some(rest) = head.strip_prefix('<') {
        match rest.find('>') {
            Some(i) if !rest[..i].contains(' ') || rest.starts_with('/') => {
                head = rest[i + 1..].trim_start();
            }
            _ => break,
        }
    }
    if next.trim_start().starts_with("</") || head.starts_with(['(', '[']) {
        return false;
    }
    if t.ends_with(':') {
        return true;
    }
    // A heading in capitals does not wrap into a line in lowercase letters: `ATELIER RÉGIONAL
    // SUR LA PROTECTION …` / `Niamey (Niger), 4 – 6 mars 2025`.
    let letters = |s: &str, f: fn(char) -> bool| s.chars().filter(|&c| f(c)).count();
    let first_word = next.trim_start().split([' ', '\t']).next().unwrap_or("");
    if letters(t, char::is_lowercase) == 0
        && letters(t, char::is_uppercase) >= 12
        && letters(first_word, char::is_lowercase) > 0
    {
        return true;
    }
    let goes_on = next.trim_start().starts_with(char::is_lowercase);
    let last_word = t
        .trim_end_matches(['.', ';', '!', '?'])
        .rsplit([' ', '\t', '('])
        .next()
        .unwrap_or("");
    let abbreviation = t.ends_with('.') && last_word.chars().count() <= 2;
    t.ends_with(['.', ';', '!', '?']) && !goes_on && !abbreviation
}

/// The first stop and the step, when the stops found are evenly spaced (each gap a whole
/// number of the smallest, and at least three of them).
fn even_step(stops: &[f64]) -> Option<(f64, f64)> {
    if stops.len() < 3 {
        return None;
    }
    let step = stops
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::MAX, f64::min);
    let even = step > 1.0
        && stops.windows(2).all(|w| {
            let n = (w[1] - w[0]) / step;
            (n - n.round()).abs() * step <= 1.5
        });
    even.then(|| (stops[0], step))
}

/// The first stop after `x` on a grid that goes on from `at` every `step`.
fn next_on_grid(at: f64, step: f64, x: f64) -> Option<f64> {
    (x >= at).then(|| at + ((x - at) / step).floor() * step + step)
}

/// How many tab stops lie between the left margin and `x`, `x` included.
fn stops_before(stops: &[f64], left: f64, x: f64) -> usize {
    stops
        .iter()
        .filter(|&&s| s > left + 1.5 && s <= x + 1.5)
        .count()
        .max(1)
}

impl pdf_extract::OutputDev for Text {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &pdf_extract::MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.last_end = 100_000.0;
        self.last_y = 0.0;
        self.first_char = false;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.close_line();
        self.page_ends.push(self.text.len());
        self.page = self.page_ends.len();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        // The position after flipping the page, and the font size as the side of the square
        // of the same area as the transformed size.
        let (x, y) = (trm.m31, self.height - trm.m32);
        let sx = font_size * trm.m11 + font_size * trm.m21;
        let sy = font_size * trm.m12 + font_size * trm.m22;
        let size = (sx * sy).abs().sqrt();
        let page_start = self.lines.last().is_none_or(|l| l.page != self.page);
        let mut newlines = 0;
        if self.first_char && !page_start {
            // As pdf-extract's plain text: two newlines where the text moves down a lot and
            // back to the left (a new paragraph). Unlike it, a line that starts to the right
            // of where the line above ends is a line too, not the same line after a gap.
            let down = (y - self.last_y).abs();
            if down > size * 0.5 {
                newlines = 1 + usize::from(x < self.last_end && down > size * 1.5);
            }
            if newlines > 0 {
                self.close_line();
                for _ in 0..newlines {
                    self.text.push('\n');
                }
            }
            if newlines == 0 && x > self.last_end + size * 0.1 {
                // Next to a space drawn as a character (before or after the gap), the gap is
                // the space stretched (a justified line) or a tab drawn as a space: no second
                // space is written, and the drawn one is what may turn into a tab.
                let before = self.text.ends_with(' ');
                let after_space = before || char == " ";
                if after_space {
                    self.stretched += 1;
                } else {
                    self.gaps += 1;
                }
                let at = self.text.len() - usize::from(before);
                if ends_cell(&self.text[..at]) && size > 0.0 {
                    self.wide.push(Gap {
                        at,
                        x,
                        ems: (x - self.last_end) / size,
                        after_space,
                    });
                }
                if let Some(l) = self.lines.last_mut() {
                    l.first_word_end.get_or_insert(self.last_end);
                    l.after_gap.get_or_insert(x);
                }
                if !after_space {
                    self.text.push(' ');
                }
            }
        }
        if page_start || newlines > 0 {
            // (`end_page` closed the last line of the page before.)
            self.lines.push(Line {
                page: self.page,
                start: self.text.len(),
                newline: (newlines == 1).then(|| self.text.len() - 1),
                start_x: x,
                first_word_end: None,
                after_gap: None,
                end_x: x,
                end: self.text.len(),
                size,
            });
        } else if char == " " {
            if let Some(l) = self.lines.last_mut() {
                l.first_word_end.get_or_insert(self.last_end);
            }
        }
        if char == " " {
            self.drawn_spaces += 1;
        }
        if char.contains('\0') {
            self.text.push_str(&char.replace('\0', ""));
        } else {
            self.text.push_str(char);
        }
        self.first_char = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.first_char = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

/// Whether a gap after `text` may be a cell boundary: the line so far is more than a list's
/// bullet or number (`•`, `1.`, `a)`, `(iv)`),
/// which a hanging indent sets apart from its item the same way.
fn ends_cell(text: &str) -> bool {
    let line = text.rsplit('\n').next().unwrap_or("");
    if line.ends_with('\t') {
        return false;
    }
    let head = line.trim();
    let n = head.chars().count();
    let marker = n <= 6
        && (n == 1 && !head.chars().all(char::is_alphanumeric)
            || head.ends_with(['.', ')', '°', '-', '–']));
    n > 0 && !marker
}

/// Typographic ligatures (`ﬁ`, `ﬂ`, `ﬀ`, `ﬃ`, `ﬄ`, `ﬅ`, `ﬆ`) that some fonts map to one code
/// point: the letters they stand for, so "eﬃcacité" reads and matches as "efficacité".
fn expand_ligatures(s: &str) -> String {
    if !s.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

/// A line as it would repeat on every page: digits stand for any number.
fn shape(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn is_page_number(line: &str) -> bool {
    let t = line.trim().trim_matches(['-', '–', '—', ' ']);
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// Drop running headers and footers (a line repeated at the top or bottom of most pages) and
/// bare page numbers, so they do not end up inside record text.
fn strip_running_lines(pages: Vec<String>, notes: &mut Vec<Note>) -> Vec<String> {
    const EDGE: usize = 3;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for p in &pages {
        let lines: Vec<&str> = p.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut seen = std::collections::HashSet::new();
        for l in lines.iter().take(EDGE).chain(lines.iter().rev().take(EDGE)) {
            let s = shape(l);
            if seen.insert(s.clone()) {
                *counts.entry(s).or_insert(0) += 1;
            }
        }
    }
    let threshold = (pages.len() * 6).div_ceil(10).max(3);
    let running: std::collections::HashSet<String> = counts
        .into_iter()
        .filter(|(s, n)| *n >= threshold && !s.is_empty())
        .map(|(s, _)| s)
        .collect();
    let mut removed = 0;
    let out = pages
        .into_iter()
        .map(|p| {
            let lines: Vec<&str> = p.lines().collect();
            let non_empty: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, _)| i)
                .collect();
            // On a short page every line is at an edge: only bare page numbers go there.
            let depth = if non_empty.len() > 2 * EDGE { EDGE } else { 0 };
            let mut edge: std::collections::HashSet<usize> = non_empty
                .iter()
                .take(depth)
                .chain(non_empty.iter().rev().take(depth))
                .copied()
                .collect();
            edge.extend(
                non_empty
                    .first()
                    .copied()
                    .filter(|&i| is_page_number(lines[i])),
            );
            edge.extend(
                non_empty
                    .last()
                    .copied()
                    .filter(|&i| is_page_number(lines[i])),
            );
            lines
                .iter()
                .enumerate()
                .filter(|(i, l)| {
                    let drop =
                        edge.contains(i) && (running.contains(&shape(l)) || is_page_number(l));
                    removed += usize::from(drop);
                    !drop
                })
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    if removed > 0 {
        notes.push(Note {
            code: "pdf-running-lines",
            message: format!(
                "{removed} running header, footer or page-number line(s) left out of the text"
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::OutputDev;

    /// Draw `runs` on one page of a glyph-spaced producer: each run is `(x, baseline from the
    /// top, text)`, one run per text-showing operator, every character half an em wide at
    /// 10 points (5 points).
    fn page(runs: &[(f64, f64, &str)]) -> Vec<String> {
        page_in(runs, |_| 0.5)
    }

    /// [`page`] in a font whose characters are `width(c)` ems wide.
    fn page_in(runs: &[(f64, f64, &str)], width: impl Fn(char) -> f64) -> Vec<String> {
        let mut out = Text::default();
        let media = pdf_extract::MediaBox {
            llx: 0.0,
            lly: 0.0,
            urx: 600.0,
            ury: 800.0,
        };
        out.begin_page(1, &media, None).unwrap();
        for &(x, y, text) in runs {
            out.begin_word().unwrap();
            let mut at = x;
            for c in text.chars() {
                let trm = pdf_extract::Transform::row_major(1.0, 0.0, 0.0, 1.0, at, 800.0 - y);
                out.output_character(&trm, width(c), 0.0, 10.0, &c.to_string())
                    .unwrap();
                at += 10.0 * width(c);
            }
        }
        out.end_page().unwrap();
        out.finish()
    }

    #[test]
    fn lines_wrapped_by_the_margin_are_joined_and_the_authors_breaks_kept() {
        // 60 characters reach the margin at x = 350; lines 12 points apart.
        let text = page(&[
            (
                50.0,
                100.0,
                "Le ministre a reçu à Rabat son homologue, le Directeur de la",
            ),
            (
                50.0,
                112.0,
                "Migration, pour une séance de travail sur la coopération.",
            ),
            (50.0, 124.0, "Une ligne courte."),
            (
                50.0,
                136.0,
                "Suite qui tiendrait après la ligne courte, donc un autre",
            ),
            (
                50.0,
                148.0,
                "paragraphe, dont la ligne va jusqu'au bord de la page, ici;",
            ),
            (
                50.0,
                160.0,
                "Et un considérant qui commence par une capitale.",
            ),
            (
                50.0,
                172.0,
                "Les Parties conviennent de ce qui suit, en deux points, ici :",
            ),
            (
                50.0,
                184.0,
                "- renforcer la coopération, à partir de cette ligne-là, voir",
            ),
            (
                50.0,
                196.0,
                "1. Point numéroté qui ouvre un item de la liste des socio-",
            ),
            (50.0, 208.0, "professionnels."),
        ]);
        assert_eq!(
            text[0],
            "Le ministre a reçu à Rabat son homologue, le Directeur de la Migration, pour une \
             séance de travail sur la coopération.\nUne ligne courte.\nSuite qui tiendrait \
             après la ligne courte, donc un autre paragraphe, dont la ligne va jusqu'au bord de \
             la page, ici;\nEt un considérant qui commence par une capitale.\nLes Parties \
             conviennent de ce qui suit, en deux points, ici :\n- renforcer la coopération, à \
             partir de cette ligne-là, voir\n1. Point numéroté qui ouvre un item de la liste \
             des socio-professionnels."
        );
    }

    #[test]
    fn a_heading_in_capitals_and_a_text_never_wrapped_keep_their_lines() {
        // A heading in capitals as wide as the page, then a line in lowercase letters.
        let heading = (
            50.0,
            100.0,
            "ATELIER REGIONAL SUR LA PROTECTION DES ENFANTS MIGRANTS A",
        );
        let under = (50.0, 112.0, "Niamey (Niger), 4 - 6 mars 2025");
        let wrapped = [
            (
                50.0,
                136.0,
                "Le ministre a reçu à Rabat son homologue, le Directeur de la",
            ),
            (50.0, 148.0, "migration."),
        ];
        let text = page(&[heading, under, wrapped[0], wrapped[1]]);
        assert_eq!(
            text[0],
            "ATELIER REGIONAL SUR LA PROTECTION DES ENFANTS MIGRANTS A\nNiamey (Niger), 4 - 6 \
             mars 2025\n\nLe ministre a reçu à Rabat son homologue, le Directeur de la migration."
        );
        // No line goes on in lowercase from a full one: the full lines only look full.
        let text = page(&[
            (
                50.0,
                100.0,
                "Le ministre a reçu à Rabat son homologue, le Directeur de la",
            ),
            (50.0, 112.0, "Migration, pour une séance de travail."),
        ]);
        assert_eq!(
            text[0],
            "Le ministre a reçu à Rabat son homologue, le Directeur de la\nMigration, pour une \
             séance de travail."
        );
    }

    #[test]
    fn a_text_wrapped_by_a_count_of_characters_is_joined_by_that_count() {
        // Wrapped at 40 characters by a script, printed in a font where capitals are wide:
        // the lines that go on in lowercase are wrapped by count, not by width, so the line
        // of capitals, wide but short, ends where its author ended it.
        let wide = |c: char| {
            if c.is_uppercase() || c == 'm' || c == 'w' {
                0.9
            } else {
                0.5
            }
        };
        let text = page_in(
            &[
                (50.0, 100.0, "une phrase qui va à la ligne au bout de"),
                (50.0, 112.0, "mammouths, mémorables, comme maman, mon"),
                (50.0, 124.0, "ami qui continue sur la ligne suivante à"),
                (50.0, 136.0, "sa fin."),
                (50.0, 148.0, "AMBASSADE DU ROYAUME DU MAROC"),
                (50.0, 160.0, "Cette initiative est nouvelle."),
            ],
            wide,
        );
        assert_eq!(
            text[0],
            "une phrase qui va à la ligne au bout de mammouths, mémorables, comme maman, mon ami \
             qui continue sur la ligne suivante à sa fin.\nAMBASSADE DU ROYAUME DU MAROC\nCette \
             initiative est nouvelle."
        );
    }

    #[test]
    fn a_justified_line_has_one_space_between_its_words() {
        // Each word its own run, the space drawn at the start of the next one (or at the end
        // of the word) and stretched by a gap, as justifying producers write them.
        let mut runs = Vec::new();
        let mut x = 50.0;
        for (i, word) in "La délégation était composée de Simon Fetet, Directeur de l'Immigration"
            .split(' ')
            .enumerate()
        {
            let run = if i == 0 {
                word.to_owned()
            } else {
                format!(" {word}")
            };
            let width = 5.0 * run.chars().count() as f64;
            runs.push((x, 100.0, run));
            x += width + 3.0;
        }
        runs.push((50.0, 112.0, "Fin. ".to_owned()));
        runs.push((80.0, 112.0, "Suite.".to_owned()));
        let runs: Vec<(f64, f64, &str)> =
            runs.iter().map(|(x, y, t)| (*x, *y, t.as_str())).collect();
        assert_eq!(
            page(&runs)[0],
            "La délégation était composée de Simon Fetet, Directeur de l'Immigration\nFin. Suite."
        );
    }

    #[test]
    fn tab_stops_are_cells_and_wrapped_rows_are_one_line() {
        // Tab stops every 50 points from x = 100; the margin at x = 400.
        let text = page(&[
            (50.0, 100.0, "Section"),
            (100.0, 100.0, "Objectif"),
            (150.0, 100.0, "Partenaire"),
            (250.0, 100.0, "Initiative"),
            // A row whose last cell wraps, then a row with an empty first cell.
            (50.0, 112.0, "Mobilité"),
            (100.0, 112.0, "1. Améliorer"),
            (200.0, 112.0, "UE"),
            (250.0, 112.0, "Renforcement des moyens du"),
            (50.0, 124.0, "consulat."),
            (100.0, 136.0, "2. Simplifier"),
            (200.0, 136.0, "FR"),
            (250.0, 136.0, "Visas de circulation."),
            // A gap of one em after a list's bullet is no cell.
            (50.0, 148.0, "•"),
            (60.0, 148.0, "point"),
            (
                50.0,
                160.0,
                "Fin du tableau, un paragraphe où les mots sont séparés par des",
            ),
            (
                50.0,
                172.0,
                "espaces écrits comme des caractères, ce qui est le cas le plus",
            ),
            (50.0, 184.0, "courant."),
        ]);
        assert_eq!(
            text[0],
            "Section\tObjectif\tPartenaire\tInitiative\nMobilité\t1. Améliorer\tUE\t\
             Renforcement des moyens du consulat.\n\t2. Simplifier\tFR\tVisas de circulation.\n\
             • point\nFin du tableau, un paragraphe où les mots sont séparés par des espaces \
             écrits comme des caractères, ce qui est le cas le plus courant."
        );
    }

    #[test]
    fn a_fonts_width_ranges_are_written_as_lists() {
        use pdf_extract::{dictionary, Document, Object};
        let mut doc = Document::with_version("1.5");
        let w = |v: Vec<Object>| Object::Array(v);
        let listed = doc.add_object(w(vec![0.into(), 1.into(), 250.into()]));
        let font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "W" => w(vec![
                0.into(), 2.into(), 500.into(),
                5.into(), w(vec![600.into(), 700.into()]),
            ]),
        });
        // A font whose widths are an object of their own.
        doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "W" => Object::Reference(listed),
        });
        // A range too long to expand ends the list there (pdf-extract reads none of it).
        let huge = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType0",
            "W" => w(vec![0.into(), 1_000_000.into(), 500.into()]),
        });
        expand_width_ranges(&mut doc);
        let widths = |id| -> Vec<Object> {
            let o = doc.get_object(id).unwrap();
            match o.as_dict() {
                Ok(d) => d.get(b"W").unwrap().as_array().unwrap().clone(),
                Err(_) => o.as_array().unwrap().clone(),
            }
        };
        let r = |x: f32| Object::Real(x);
        assert_eq!(
            widths(font),
            [
                0.into(),
                w(vec![r(500.0), r(500.0), r(500.0)]),
                5.into(),
                w(vec![600.into(), 700.into()])
            ]
        );
        assert_eq!(widths(listed), [0.into(), w(vec![r(250.0), r(250.0)])]);
        assert!(widths(huge).is_empty());
    }

    #[test]
    fn a_browsers_wrapped_lines_and_tab_grid() {
        // The space a browser draws at the end of a wrapped line, after a gap, is no cell.
        assert!(ends_line(b"la \nsuite", 2));
        assert!(!ends_line(b"la \tsuite", 2));
        assert!(!ends_line(b"la suite", 2));
        // A closing tag never opens a line of its own.
        assert!(!closes_clause(b"des visas Schengen.", b"</b>\t<b>UE</b>"));
        assert!(closes_clause(b"des visas Schengen.", b"<b>UE</b>"));
        // Nor does an aside in brackets, the source a cell names after its sentence.
        assert!(!closes_clause(
            b"(arabe et fran\xc3\xa7ais).",
            b"( <i>Minist\xc3\xa8re</i> )"
        ));
        assert!(!closes_clause(
            b"juridique et social.",
            b"<i>(Programme th\xc3\xa9matique)</i>"
        ));
        // A number in brackets still opens an item of a list: the author's break stays.
        assert!(opens_item(b"(1) Deuxi\xc3\xa8me point"));
        assert!(opens_item(b"(iv) Quatri\xc3\xa8me point"));
        // Stops every 40 points from 90, some of them found: the others are on that grid.
        let grid = even_step(&[90.0, 130.0, 250.0]).unwrap();
        assert_eq!(grid, (90.0, 40.0));
        assert_eq!(next_on_grid(grid.0, grid.1, 500.0), Some(530.0));
        assert_eq!(next_on_grid(grid.0, grid.1, 131.0), Some(170.0));
        assert_eq!(even_step(&[90.0, 130.0, 195.0]), None);
        assert_eq!(even_step(&[90.0, 130.0]), None);
    }

    #[test]
    fn runs_of_spaces_between_cells_are_tabs_again() {
        // A table printed with each tab as four spaces, one run per row, in a text of prose.
        let mut runs: Vec<(f64, f64, String)> = vec![(
            50.0,
            88.0,
            "Titre    centré, puis du texte ordinaire.".to_owned(),
        )];
        for i in 0..5 {
            runs.push((
                50.0,
                100.0 + 12.0 * i as f64,
                format!("Section    {i}. Objectif    UE    Action."),
            ));
        }
        runs.push((50.0, 160.0, "        FR    Action française.".to_owned()));
        runs.push((50.0, 172.0, "Pour le Maroc    Pour l'Espagne.".to_owned()));
        let runs: Vec<(f64, f64, &str)> =
            runs.iter().map(|(x, y, t)| (*x, *y, t.as_str())).collect();
        let text = page(&runs);
        let lines: Vec<&str> = text[0].lines().collect();
        assert_eq!(lines[1], "Section\t0. Objectif\tUE\tAction.");
        // Two runs' worth of spaces open a row: two empty cells.
        assert_eq!(lines[6], "\t\tFR\tAction française.");
        // One run alone, in a document with a table, is a cell boundary too.
        assert_eq!(lines[7], "Pour le Maroc\tPour l'Espagne.");
        // Without five rows of cells, runs of spaces stay spaces.
        let text = page(&runs[..3]);
        assert!(text[0].contains("Section    1. Objectif"), "{text:?}");
    }

    #[test]
    fn a_line_that_goes_on_at_the_top_of_the_next_page_is_joined() {
        let above = "Titre\n\tUE\tReprendre les négociations et conciliant l'accord de";
        assert_eq!(goes_on_across(above, "réadmission UE-Maroc."), Some(" "));
        assert_eq!(
            goes_on_across("une coopération socio-", "professionnelle"),
            Some("")
        );
        // A sentence ended, a new row or paragraph, a capital: the page break stays.
        assert_eq!(goes_on_across("fin du texte.", "suite"), None);
        assert_eq!(goes_on_across(above, "\tFR\tAction"), None);
        assert_eq!(goes_on_across(above, "Article 3"), None);
    }

    #[test]
    fn running_headers_and_page_numbers_go() {
        let pages: Vec<String> = (1..=4)
            .map(|n| {
                let body: Vec<String> = (0..6)
                    .map(|k| format!("Ligne {} du corps, propre à la page.", n * 10 + k))
                    .collect();
                format!(
                    "Partenariat pour la mobilité – Annexe\n{}\n- {n} -",
                    body.join("\n")
                        .replace("Ligne", if n % 2 == 0 { "Ligne" } else { "Phrase" })
                )
            })
            .collect();
        let mut notes = Vec::new();
        let out = strip_running_lines(pages, &mut notes);
        assert!(
            out[1].starts_with("Ligne 20 du corps")
                && out[1].ends_with("Ligne 25 du corps, propre à la page."),
            "{}",
            out[1]
        );
        assert_eq!(notes[0].code, "pdf-running-lines");
    }

    #[test]
    fn ligatures_read_as_letters() {
        assert_eq!(
            expand_ligatures("e\u{fb03}cacité, \u{fb01}nancement"),
            "efficacité, financement"
        );
    }

    #[test]
    fn broken_pdfs_are_errors() {
        assert!(matches!(
            extract(b"%PDF-1.4\n1 0 obj\n<<"),
            Err(SourceError::PdfBroken(_))
        ));
    }
}
