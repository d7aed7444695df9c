//! The document's own metadata: title, reference, date and place.

use std::ops::Range;
use std::sync::OnceLock;

use liasse_dates::{Date, Precision};
use liasse_records as rec;
use liasse_records::DocumentKind as K;
use liasse_text::{Block, BlockKind};
use regex::Regex;

use crate::doc::Doc;
use crate::mentions::when_of;

/// The document's date: its value, where it was read, and the anchor for relative dates.
pub(crate) struct DocDate {
    pub when: rec::When,
    pub span: rec::Span,
    pub anchor: Date,
    /// Given by a label (`Date : jeudi 21 novembre 2024`): the meeting's date, not the day of
    /// writing.
    pub labelled: bool,
}

#[derive(Default)]
pub(crate) struct Meta {
    pub title: Option<(String, rec::Span)>,
    pub reference: Option<(String, rec::Span)>,
    pub reference_date: Option<rec::When>,
    pub date: Option<DocDate>,
    pub place: Option<(String, rec::Span)>,
}

/// How many blocks from the top count as the document's header.
const HEADER_BLOCKS: usize = 15;

struct Patterns {
    labelled_date: Regex,
    labelled_place: Regex,
    /// A byline by its verb, anywhere: "Publié dans Yabiladi le …", "Mis à jour le …".
    byline_word: Regex,
    /// A byline by its shape, at the start of a line: "Par X |", "Hespress FR |", "RABAT (MAP) –".
    byline_head: Regex,
    dateline: Regex,
    /// A known city, then its venue or a dash, then the date: "Niamey, Hôtel Gaweye – 17 et 18
    /// juin 2025", "Dakar – 3 mai 2025", "Abidjan, Hôtel Ivoire, 4 juin 2025".
    venue_dateline: Regex,
    reference: Regex,
    /// A letterhead line above the title: the state (`ROYAUME DU MAROC`), its motto
    /// (`Un Peuple – Un But – Une Foi`), the issuing ministry or office.
    letterhead: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        labelled_date: re(r"(?i)^\W*(?:dates?|p[ée]riode)(?:\s+et\s+lieu)?\s*:\s*"),
        labelled_place: re(r"(?i)^\W*lieu\s*:\s*(.+?)[\s.;]*$"),
        byline_word: re(r"(?i)(?-u:\b)(?:publi[ée]|mis\s+en\s+ligne|post[ée]|mis\s+[àa]\s+jour)\s+(?:(?:dans|sur|par)\s+(.+?)\s+)?le\s+"),
        byline_head: re(r"(?i)^\W*par\s+\p{Lu}[\p{L}.'\- ]{1,60}?\s*[|,–—·•-]\s*(?:le\s+)?|^\W*\p{Lu}[\p{L}.'\- ]{1,40}?\s*\|\s*(?:publi[ée]\s+)?(?:le\s+)?|^\W*\p{Lu}[\p{L}'\- ]{1,30}\s*\(\p{Lu}{2,8}\)\s*[–—-]\s*"),
        dateline: re(r"(?i)^\W*(?:fait\s+)?(?:[àa]\s+)?(\p{Lu}[\p{L}'’\- ]{1,40}?)(?:\s*\([^()\n,;:]{2,40}\))?\s*,\s*(?:le\s+)?(?:\p{L}+\s+)?\d|^\W*fait\s+[àa]\s+(\p{Lu}[\p{L}'’\- ]{1,40}?)\s*,|^[^,\n]{1,60}?\s[–—-]\s+((?-i:\p{Lu})[\p{L}'’\-]+(?: (?-i:\p{Lu})[\p{L}'’\-]+)?)\s*,\s*(?:le\s+)?(?:\p{L}+\s+)?\d"),
        // Latin letters only: a city's name is written in them, and the pattern stays small.
        venue_dateline: re(r"^[\s*•#>\-–—]*([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]+(?: [A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]+)?)(?:\s*\([^()\n,;:]{2,40}\))?(?:\s*,\s*[^,\n–—0-9]{2,60}?)?(?:\s+[–—-]\s+|\s*,\s*)(?:(?:[Ll]es?|[Dd]u)\s+)?(?:[A-Za-zÀ-ÖØ-öø-ÿ]+\s+)?\d"),
        reference: re(r"(?i)(?-u:\b)(?:(?:ares|com|sec|swd|join)\s*\(\s*\d{4}\s*\)\s*\d+(?:\s+final)?)|(?-u:\b)r[ée]f(?:[ée]rence)?s?(?:\s*\.|\s*:|\s+n[°o])\s*(?:n[°o]\s*)?:?\s*([A-Z0-9][A-Za-z0-9/._\-]{2,}(?:\([^)]*\)[A-Za-z0-9/._\-]*)?)|^\s*n[°o]\s*:?\s*(\d[A-Za-z0-9._\-]*(?:\s*/\s*[A-Za-z0-9._\-]+)+)\s*$"),
        letterhead: re(r"(?i)^(?:(?:royaume|r[ée]publique|[ée]tat|principaut[ée]|f[ée]d[ée]ration|gouvernement)\s+\S[^:–—]{0,60}|(?:minist[èe]re|ministre|secr[ée]tariat|direction|ambassade|consulat|cabinet|bureau|d[ée]partement|division|unit[ée])\s.{0,200}|\p{L}+(?:\s+\p{L}+){0,2}(?:\s*[–—-]\s*\p{L}+(?:\s+\p{L}+){0,2}){2,3})$"),
    })
}

/// Can `text` match the byline pattern at all? Each of its forms needs one of these marks or
/// words; the pattern itself is costly, and most lines of a document are not bylines.
fn may_be_byline(text: &str) -> bool {
    may_hold(
        text,
        &['|', '('],
        &["publi", "ligne", "post", "jour", "par"],
    )
}

/// The bylines of a line, in order: a shape at its start (unless a verb form starts there too),
/// then every verb form after it. The two patterns are searched apart because together they
/// make one automaton too large for the fast engine.
fn bylines<'t>(p: &Patterns, text: &'t str) -> Vec<regex::Match<'t>> {
    let mut out = Vec::new();
    let mut from = 0;
    if p.byline_word.find(text).is_none_or(|w| w.start() > 0) {
        if let Some(h) = p.byline_head.find(text) {
            from = h.end();
            out.push(h);
        }
    }
    // A verb form is never empty, so each search starts past the last.
    while let Some(m) = p.byline_word.find_at(text, from) {
        from = m.end();
        out.push(m);
    }
    out
}

/// Does `text` hold one of `chars`, or one of the lowercase `words` in any case? A cheap
/// necessary condition checked before a costly case-insensitive pattern.
fn may_hold(text: &str, chars: &[char], words: &[&str]) -> bool {
    if text.contains(chars) {
        return true;
    }
    let lower = crate::doc::lower(text);
    words.iter().any(|w| lower.contains(w))
}

fn re(s: &str) -> Regex {
    crate::pattern(s)
}

/// The normalised text of a block and its offset in the normalised text.
fn block_text<'d>(doc: &'d Doc, b: &Block) -> (usize, &'d str) {
    let r = doc.norm.from_source(b.span.clone());
    (r.start, &doc.norm.text[r])
}

pub(crate) fn metadata(doc: &mut Doc, kind: K) -> Meta {
    let mut meta = Meta::default();
    reference(doc, &mut meta);
    date_and_place(doc, kind, &mut meta);
    title(doc, kind, &mut meta);
    meta
}

fn reference(doc: &Doc, meta: &mut Meta) {
    let p = patterns();
    for b in doc.blocks.iter().take(HEADER_BLOCKS) {
        let (off, text) = block_text(doc, b);
        let Some(c) = may_hold(text, &['(', '°'], &["ref", "réf"])
            .then(|| p.reference.captures(text))
            .flatten()
        else {
            continue;
        };
        // The labelled form captures the reference; the Ares/COM form is the whole match.
        let Some(m) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(0)) else {
            continue;
        };
        let value = liasse_text::clean_inline(m.as_str());
        let value = value.trim_end_matches(['.', ',', ';', '-']).to_owned();
        let span = doc.span_of_norm(off + m.start()..off + m.start() + value.len().min(m.len()));
        meta.reference = Some((value, span));
        // The date written beside the reference ("Ares(2022)6560133 - 22/09/2022").
        let rest = &text[m.end()..];
        if let Some(d) = liasse_dates::scan(rest, None)
            .into_iter()
            .find(|d| d.value.is_some())
        {
            meta.reference_date = d.value.as_ref().map(when_of);
        }
        return;
    }
}

/// A day-precision absolute date in `text` at or after `from`: (value, range in `text`).
fn first_day(text: &str, from: usize) -> Option<(liasse_dates::Value, Range<usize>)> {
    liasse_dates::scan(&text[from..], None)
        .into_iter()
        .find_map(|m| {
            let v = m.value?;
            (v.precision == Precision::Day && !m.relative && !m.deadline)
                .then_some((v, from + m.start..from + m.end))
        })
}

fn set_date(doc: &Doc, meta: &mut Meta, off: usize, v: liasse_dates::Value, r: Range<usize>) {
    let anchor = v.start;
    meta.date = Some(DocDate {
        when: when_of(&v),
        span: doc.span_of_norm(off + r.start..off + r.end),
        anchor,
        labelled: false,
    });
}

fn set_place(doc: &Doc, meta: &mut Meta, off: usize, text: &str, r: Range<usize>) {
    let raw = &text[r.clone()];
    let trimmed = raw.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    if trimmed.is_empty() || trimmed.len() > 160 {
        return;
    }
    let lead = raw.len() - raw.trim_start().len();
    let start = off + r.start + lead;
    meta.place = Some((
        liasse_text::clean_inline(trimmed),
        doc.span_of_norm(start..start + trimmed.len()),
    ));
}

fn date_and_place(doc: &mut Doc, kind: K, meta: &mut Meta) {
    let p = patterns();
    let blocks: Vec<Block> = doc.blocks.clone();
    let header = blocks.len().min(HEADER_BLOCKS);
    // 1. Labelled: "Date et lieu : 24 décembre 2008 au siège du …", "Date : …", "Lieu : …".
    for b in &blocks[..header] {
        let (off, text) = block_text(doc, b);
        if let Some(m) = text
            .contains(':')
            .then(|| p.labelled_date.find(text))
            .flatten()
        {
            if let Some((v, r)) = first_day(text, m.end()) {
                set_date(doc, meta, off, v, r.clone());
                if let Some(d) = &mut meta.date {
                    d.labelled = true;
                }
                if meta.place.is_none() {
                    let after = &text[r.end..];
                    let skip = after.len()
                        - after
                            .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
                            .len();
                    let after_t = &after[skip..];
                    let prep = ["au ", "à ", "a ", "en ", "dans "]
                        .iter()
                        .find(|pre| after_t.to_lowercase().starts_with(**pre));
                    if let Some(pre) = prep {
                        let s = r.end + skip + pre.len();
                        set_place(doc, meta, off, text, s..text.len());
                    }
                }
            }
        }
        if let Some(c) = text
            .contains(':')
            .then(|| p.labelled_place.captures(text))
            .flatten()
        {
            if let Some(g) = c.get(1) {
                set_place(doc, meta, off, text, g.range());
            }
        }
    }
    if meta.date.is_some() {
        return;
    }
    // 2. A byline: "Publié dans Yabiladi le 30 - 11 - 2024".
    for b in &blocks {
        let (off, text) = block_text(doc, b);
        if text.len() > 300 {
            continue;
        }
        // Every byline form on the line: "Hespress FR | Mis à jour le …" has two.
        if !may_be_byline(text) {
            continue;
        }
        for m in bylines(p, text) {
            if let Some((v, r)) = first_day(text, m.end()) {
                if r.start <= m.end() + 2 {
                    set_date(doc, meta, off, v, r);
                    return;
                }
            }
        }
    }
    // 3. A dateline: "Rabat, le 17 Mars 2022", "Fait à Luxembourg, le sept juin deux mille treize".
    //    A signature line ("Fait à") anywhere wins over a header dateline for declarations.
    let mut candidates: Vec<&Block> = blocks[..header].iter().collect();
    if kind == K::Declaration || kind == K::Unknown {
        candidates.splice(
            0..0,
            blocks.iter().filter(|b| {
                let (off, text) = block_text(doc, b);
                let l = doc.lower_of(off..off + text.len()).trim_start();
                l.strip_prefix("fait")
                    .is_some_and(|rest| rest.starts_with(char::is_whitespace))
            }),
        );
    }
    let signs_only = !matches!(kind, K::Declaration | K::Unknown);
    for b in candidates {
        let (off, text) = block_text(doc, b);
        // A dispatch's dateline opens its first paragraph: "Dakar, le 14 mars 2024 (APS) –
        // Le ministre …". Only the line's opening is read.
        let text = if text.len() > 200 {
            &text[..crate::doc::window_end(text, 0, 100)]
        } else {
            text
        };
        // Other genres say when they happened before where they were signed (step 6).
        if signs_only
            && doc
                .lower_of(off..off + text.len())
                .trim_start()
                .starts_with("fait ")
        {
            continue;
        }
        let Some(c) = text
            .contains(',')
            .then(|| p.dateline.captures(text))
            .flatten()
        else {
            if let Some((place, v, r)) = venue_dateline(p, text) {
                set_date(doc, meta, off, v, r);
                set_place(doc, meta, off, text, place);
                return;
            }
            continue;
        };
        let Some(place) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)) else {
            continue;
        };
        let Some((v, r)) = first_day(text, place.end()) else {
            continue;
        };
        // The date must follow the place closely ("Rabat, le 17 …").
        if r.start > place.end() + 24 {
            continue;
        }
        set_date(doc, meta, off, v, r);
        set_place(doc, meta, off, text, place.range());
        return;
    }
    // 4. A short line of the header (before the first long paragraph) holding a full date,
    //    standing alone (a wrapped line of a paragraph, as PDFs give them, does not count).
    for (i, b) in blocks[..header.min(8)].iter().enumerate() {
        let alone =
            (i == 0 || b.blank_before > 0) && blocks.get(i + 1).is_none_or(|n| n.blank_before > 0);
        let (off, text) = block_text(doc, b);
        // Or a line of the title's stack that opens on its date: "COMPTE RENDU" / "Réunion
        // du Groupe …" / "Lundi 7 avril 2025 – Visioconférence".
        let opens = || {
            text.len() <= 120
                && first_day(text, 0).is_some_and(|(_, r)| {
                    text[..r.start]
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
                })
        };
        if !alone && !opens() {
            continue;
        }
        if text.len() > 200 {
            break;
        }
        if text.len() > 120
            || signs_only
                && doc
                    .lower_of(off..off + text.len())
                    .trim_start()
                    .starts_with("fait ")
        {
            continue;
        }
        if let Some((v, r)) = first_day(text, 0) {
            set_date(doc, meta, off, v, r);
            doc.diagnostic(
                "date-guessed",
                rec::Severity::Info,
                "the document's date is the first full date of its header; no dateline or label gives it".into(),
                meta.date.as_ref().map(|d| d.span.clone()),
            );
            return;
        }
    }
    // 5. Minutes and announcements open on the sitting: "La troisième réunion … s'est tenue le
    //    jeudi 9 juin 2022 au siège du Ministère à Rabat".
    if matches!(kind, K::Minutes | K::Announcement) {
        for b in &blocks[..header] {
            let (off, text) = block_text(doc, b);
            let lower = doc.lower_of(off..off + text.len());
            let Some((verb, verb_len)) = SITTING
                .iter()
                .filter_map(|w| Some((lower.find(w)?, w.len())))
                .min()
            else {
                continue;
            };
            // The date in the sentence of the verb, after it or just before it.
            let from = text[..verb].rfind(". ").map_or(0, |k| k + 2);
            let to = text[verb..].find(". ").map_or(text.len(), |k| verb + k + 1);
            let Some((v, r)) = first_day(&text[..to], from) else {
                continue;
            };
            set_date(doc, meta, off, v, r.clone());
            // The place after the date, or after the verb when the date opens the sentence
            // ("L'an deux mille vingt-cinq et le jeudi six mars, à dix heures, s'est réuni dans
            // la salle de réunion de la Direction, à Niamey, le Comité …").
            let after_verb = (verb > r.end).then_some(verb + verb_len);
            for from in std::iter::once(r.end).chain(after_verb) {
                if meta.place.is_some() {
                    break;
                }
                if let Some(place) = crate::events::place_after(text, from, to) {
                    if let Some(k) = text[from..to].find(place.as_str()) {
                        let at = from + k;
                        set_place(doc, meta, off, text, at..at + place.len());
                    }
                }
            }
            return;
        }
    }
    // 6. The signature line of any document: "Fait à Rabat, le 10 juin 2022", or a dateline
    //    that closes it ("Bamako, le 4 novembre 2024" over the signatory, below a header too
    //    long for step 3 to reach, as a PDF's wrapped lines make it).
    for b in blocks.iter().rev().take(8) {
        let (off, text) = block_text(doc, b);
        let l = doc.lower_of(off..off + text.len()).trim_start();
        if text.len() > 200 || !l.starts_with("fait ") && text.len() > 80 {
            continue;
        }
        if let Some(c) = p.dateline.captures(text) {
            let Some(place) = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)) else {
                continue;
            };
            if let Some((v, r)) =
                first_day(text, place.end()).filter(|(_, r)| r.start <= place.end() + 24)
            {
                set_date(doc, meta, off, v, r);
                if meta.place.is_none() {
                    set_place(doc, meta, off, text, place.range());
                }
                return;
            }
        }
    }
}

/// A dateline that names its venue, or sets its date off with a dash, after a known city:
/// the city's range, and the date. A city not in the lexicon's places is no dateline here, so
/// a title such as `Atelier régional – 17 juin 2025` gives no place.
fn venue_dateline(
    p: &Patterns,
    text: &str,
) -> Option<(Range<usize>, liasse_dates::Value, Range<usize>)> {
    if !text.contains(['–', '—', '-', ',']) {
        return None;
    }
    let c = p.venue_dateline.captures(text)?;
    let (whole, city) = (c.get(0)?, c.get(1)?);
    liasse_lexicon::lexicon().state_of_place(city.as_str())?;
    let (v, r) = first_day(text, city.end()).filter(|(_, r)| r.start < whole.end())?;
    Some((city.range(), v, r))
}

/// Verbs that tell a sitting took place, in the opening of minutes.
const SITTING: &[&str] = &[
    "s'est tenue",
    "s'est tenu ",
    "s'est réuni",
    "se sont réunis",
    "a eu lieu",
    "ont eu lieu",
    "s'est déroulée",
    "s'est déroulé ",
    "se tient",
    "se sont tenus",
    "se sont tenues",
];

/// Words a title line may end with when it continues on the next line.
const CONTINUES: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "et", "entre", "en", "pour", "sur", "au", "aux", "à",
    "d'", "l'", "avec", "dans", "par",
];

/// Words a title line may start with when it continues the previous line.
const CONTINUATIONS: &[&str] = &[
    "et",
    "ou",
    "de",
    "du",
    "des",
    "entre",
    "en",
    "à",
    "au",
    "aux",
    "avec",
    "dans",
    "par",
    "pour",
    "sur",
    "établissant",
    "etablissant",
    "portant",
    "relatif",
    "relative",
    "relatifs",
    "relatives",
    "concernant",
    "instituant",
    "visant",
    "sur",
];

fn title(doc: &Doc, kind: K, meta: &mut Meta) {
    let p = patterns();
    // An article's title is the line just before its byline.
    if kind == K::Article {
        for (i, b) in doc.blocks.iter().enumerate() {
            let (_, text) = block_text(doc, b);
            if text.len() < 300 && may_be_byline(text) && !bylines(p, text).is_empty() && i > 0 {
                // Over the author's line ("Par Mamadou Ndiaye" / "Publié le …").
                let mut j = i - 1;
                while j > 0 && is_author_line(block_text(doc, &doc.blocks[j]).1) {
                    j -= 1;
                }
                let t = &doc.blocks[j];
                let clean = doc.clean(t.content.clone());
                if !clean.is_empty() && clean.len() < 250 {
                    meta.title = Some((clean, doc.span(t.content.clone())));
                    return;
                }
            }
        }
    }
    // Otherwise the leading heading lines, joined, after any letterhead; the letterhead
    // itself when nothing follows it.
    let top = letterhead(doc, p);
    if top > 0 && heading_lines(doc, top, meta) {
        return;
    }
    // A letter under its letterhead: its subject line, "Objet : Invitation à la réunion …".
    if top > 0 {
        if let Some(subject) = subject_line(doc) {
            meta.title = Some(subject);
            return;
        }
    }
    heading_lines(doc, 0, meta);
}

/// A line that only names an article's authors: `Par Mamadou Ndiaye`, `Par Awa Sy et Ali Ba`,
/// `Par La Rédaction`.
fn is_author_line(line: &str) -> bool {
    let line = line.trim();
    let Some(names) = ["Par ", "par ", "PAR "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
    else {
        return false;
    };
    names.chars().next().is_some_and(char::is_uppercase)
        && names.chars().count() <= 80
        && !names.contains([',', ';', ':', '!', '?', '|'])
        && !names.trim_end().ends_with('.')
        && names.split_whitespace().count() <= 8
}

/// A letter's subject in its header, `Objet : Invitation à la réunion …`, without the label.
fn subject_line(doc: &Doc) -> Option<(String, rec::Span)> {
    doc.blocks.iter().take(HEADER_BLOCKS).find_map(|b| {
        let clean = doc.clean(b.content.clone());
        let rest = ["Objet", "OBJET"]
            .iter()
            .find_map(|w| clean.strip_prefix(w))?
            .trim_start();
        let rest = rest.strip_prefix(':')?.trim();
        if rest.chars().filter(|c| c.is_alphabetic()).count() < 10 {
            return None;
        }
        // The span of the subject in the source: the block's content after the label's colon.
        let src = &doc.src[b.content.clone()];
        let colon = src.find(':')? + 1;
        let at = colon + (src[colon..].len() - src[colon..].trim_start().len());
        Some((
            rest.to_owned(),
            doc.span(b.content.start + at..b.content.end),
        ))
    })
}

/// How many blocks at the top are a letterhead (`ROYAUME DU MAROC`, `Ministère de …`), ended by
/// a blank line.
fn letterhead(doc: &Doc, p: &Patterns) -> usize {
    let mut top = 0;
    for (i, b) in doc.blocks.iter().enumerate().take(6) {
        let clean = doc.clean(b.content.clone());
        let dashes = clean.contains(" - ") || clean.contains(['–', '—']);
        let one = clean.len() < 240
            && !matches!(
                b.kind,
                BlockKind::ListItem { .. } | BlockKind::TableRow { .. }
            )
            && !clean.ends_with(['.', ':', ';', ','])
            && (p.letterhead.is_match(&clean)
                || names_a_body(&clean)
                || meta_reference_line(p, &clean));
        // A motto is all dashes; a state is none ("ROYAUME DU MAROC – UNION EUROPÉENNE" is a
        // title naming two parties).
        let state_or_office = one && !dashes;
        let motto = one && dashes && clean.split(['–', '—', '-']).count() >= 3;
        // Two parties alone on their line, a blank line under them (`UNION EUROPÉENNE – UNION
        // AFRICAINE`): the letterhead over the meeting's name.
        let parties = dashes
            && doc.blocks.get(i + 1).is_some_and(|n| n.blank_before > 0)
            && only_parties(&clean);
        if !(state_or_office || motto || parties) {
            break;
        }
        if doc.blocks.get(i + 1).is_some_and(|n| n.blank_before > 0) || motto {
            top = i + 1;
        }
    }
    top
}

/// A letter's number alone on its line, under its letterhead: `N° 0245/MID/DGPN/DPAF`.
fn meta_reference_line(p: &Patterns, line: &str) -> bool {
    line.contains('/')
        && line.len() < 80
        && p.reference
            .captures(line)
            .is_some_and(|c| c.get(2).is_some())
}

/// Whether a line only names two or more states or unions, joined by dashes.
fn only_parties(line: &str) -> bool {
    let found = liasse_lexicon::lexicon().find(line);
    let mut at = 0;
    let mut named = 0;
    for m in &found {
        if !matches!(m.target, liasse_lexicon::Target::Partner(_))
            || !line[at..m.start]
                .trim()
                .chars()
                .all(|c| matches!(c, '–' | '—' | '-'))
        {
            return false;
        }
        at = m.end;
        named += 1;
    }
    named >= 2 && line[at..].trim().is_empty()
}

/// Whether a line is only the name of a known organisation ("ORGANISATION INTERNATIONALE POUR
/// LES MIGRATIONS", "Haut-Commissariat des Nations unies pour les réfugiés (HCR)"): the issuer's
/// letterhead, as a ministry's is.
fn names_a_body(line: &str) -> bool {
    let line = line.trim();
    liasse_lexicon::lexicon().find(line).iter().any(|m| {
        matches!(m.target, liasse_lexicon::Target::Body(_))
            && m.start == 0
            && line[m.end..]
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .chars()
                .all(|c| c.is_uppercase() || c == '-')
    })
}

/// The heading lines from block `from`, joined into the title; whether there were any.
fn heading_lines(doc: &Doc, from: usize, meta: &mut Meta) -> bool {
    let mut parts: Vec<(String, Range<usize>)> = Vec::new();
    let mut start = from;
    for (i, b) in doc.blocks.iter().enumerate().skip(from) {
        let clean = doc.clean(b.content.clone());
        let is_meta = meta
            .reference
            .as_ref()
            .is_some_and(|(_, s)| overlaps(s, &b.span))
            || meta
                .date
                .as_ref()
                .is_some_and(|d| overlaps(&d.span, &b.span));
        // The dateline or the reference above the title ("Ouagadougou, le 10 juillet 2025"
        // over "AVIS DE RÉUNION") is passed over.
        if is_meta && parts.is_empty() && i == start && i < from + 2 {
            start = i + 1;
            continue;
        }
        // A letter's subject line is read as one ("Objet : Invitation …").
        let subject = crate::doc::lower(&clean)
            .strip_prefix("objet")
            .is_some_and(|r| r.trim_start().starts_with(':'));
        if is_meta || subject {
            break;
        }
        let heading = matches!(b.kind, BlockKind::Heading(_));
        let first_block = i == start;
        // Followed by a blank line, or by the dateline or reference right under it (a page's
        // h1 over its date).
        let next_blank = doc.blocks.get(i + 1).is_none_or(|n| {
            n.blank_before > 0
                || meta
                    .date
                    .as_ref()
                    .is_some_and(|d| overlaps(&d.span, &n.span))
                || meta
                    .reference
                    .as_ref()
                    .is_some_and(|(_, s)| overlaps(s, &n.span))
                // A dateline that is not the document's date (a declaration is dated where it
                // is signed): "Lisbonne, le 12 septembre 2024" under the page's h1.
                || {
                    let (_, next) = block_text(doc, n);
                    next.len() < 120 && patterns().dateline.is_match(next)
                }
        });
        let short = matches!(b.kind, BlockKind::Paragraph)
            && clean.chars().count() < 200
            && !clean.ends_with(['.', ':', ';', ','])
            && parts.is_empty();
        // A subtitle in quotes under the title: « Migration et développement ».
        let quoted = !parts.is_empty()
            && b.blank_before == 0
            && clean.starts_with(['«', '"', '“'])
            && clean.ends_with(['»', '"', '”']);
        if !(heading || quoted || (short && first_block && next_blank)) {
            break;
        }
        if !parts.is_empty() && b.blank_before > 1 {
            break;
        }
        parts.push((clean, b.content.clone()));
        if parts.len() >= 4 {
            break;
        }
    }
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    let mut title = String::new();
    for (i, (t, _)) in parts.iter().enumerate() {
        if i > 0 {
            let prev = parts[i - 1].0.to_lowercase();
            let continues = CONTINUES.iter().any(|w| {
                prev.ends_with(&format!(" {w}")) || prev.ends_with(w) && w.ends_with('\'')
            }) || t.chars().next().is_some_and(char::is_lowercase)
                || CONTINUATIONS
                    .iter()
                    .any(|w| t.to_lowercase().starts_with(&format!("{w} ")));
            title.push_str(if continues { " " } else { " — " });
        }
        title.push_str(t);
    }
    let span = doc.span(first.1.start..last.1.end);
    meta.title = Some((title, span));
    true
}

fn overlaps(s: &rec::Span, r: &Range<usize>) -> bool {
    (s.start as usize) < r.end && r.start < s.end as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        let p = patterns();
        assert_eq!(
            bylines(p, "Publié dans Yabiladi le 30 - 11 - 2024").len(),
            1
        );
        // Two forms on one line, in order; a verb form at the start wins over a shape.
        let two: Vec<&str> = bylines(p, "Hespress FR | Mis à jour le 3 mai")
            .iter()
            .map(|m| m.as_str())
            .collect();
        assert_eq!(two, ["Hespress FR | ", "Mis à jour le "]);
        let first: Vec<&str> = bylines(p, "Publié le 3 mai | x")
            .iter()
            .map(|m| m.as_str())
            .collect();
        assert_eq!(first, ["Publié le "]);
        // The cheap gates let through every byline form the pattern knows.
        for line in [
            "Publié dans Yabiladi le 30 - 11 - 2024",
            "MIS EN LIGNE le 3 mai 2024",
            "Par Jean Dupont | le 3 mai 2024",
            "Hespress FR | 3 mai 2024",
            "RABAT (MAP) – Le ministre",
        ] {
            assert!(
                !bylines(p, line).is_empty() && may_be_byline(line),
                "{line}"
            );
        }
        assert!(!may_be_byline("Rabat, le 17 Mars 2022"));
        assert!(may_hold("RÉF. : X-12", &['('], &["ref", "réf"]));
        assert!(p.dateline.is_match("Rabat, le 17 Mars 2022"));
        assert!(p
            .dateline
            .is_match("Fait à Luxembourg, le sept juin deux mille treize."));
        assert!(p.reference.is_match("Ref. Ares(2022)6560133 - 22/09/2022"));
        assert!(p.labelled_date.is_match("Date et lieu : 24 décembre 2008"));
    }

    fn meta_of(text: &str) -> Meta {
        let mut doc = Doc::new(text);
        let (kind, _) = crate::classify::classify(&mut doc);
        metadata(&mut doc, kind)
    }

    #[test]
    fn datelines_bylines_and_labels() {
        let m = meta_of("RÉUNION DU COMITÉ MIXTE\n\nDakar, le 3 mai 2019\n\nOrdre du jour");
        assert_eq!(m.date.unwrap().when.edtf, "2019-05-03");
        assert_eq!(m.place.unwrap().0, "Dakar");
        assert_eq!(m.title.unwrap().0, "RÉUNION DU COMITÉ MIXTE");
        // A dateline whose city is followed by its country in brackets, and dates a range.
        let m =
            meta_of("RÉUNION DU COMITÉ\nMadrid (Espagne), 9 – 10 décembre 2025\n\nORDRE DU JOUR");
        assert_eq!(m.date.unwrap().when.edtf, "2025-12-09/2025-12-10");
        assert_eq!(m.place.unwrap().0, "Madrid");
        // A dateline after the sitting's name, on a line of the header.
        let m = meta_of(
            "ORDRE DU JOUR\n\nTroisième session – Niamey, 21 et 22 octobre 2025\nHôtel Gaweye\n\n09 h 00 Ouverture",
        );
        assert_eq!(m.date.unwrap().when.edtf, "2025-10-21/2025-10-22");
        assert_eq!(m.place.unwrap().0, "Niamey");
        // A known city, then its venue or a dash, then the date.
        for (line, edtf) in [
            (
                "Niamey, Hôtel Gaweye – 17 et 18 juin 2025",
                "2025-06-17/2025-06-18",
            ),
            ("Dakar – 3 mai 2025", "2025-05-03"),
            ("Abidjan, Hôtel Ivoire, le 4 juin 2025", "2025-06-04"),
        ] {
            let m = meta_of(&format!("ATELIER NATIONAL\n{line}\n\nPROGRAMME"));
            assert_eq!(m.date.unwrap().when.edtf, edtf, "{line}");
            assert_eq!(
                m.place.map(|p| p.0),
                Some(line[..line.find([',', ' ']).unwrap()].to_owned())
            );
        }
        // A title is not a city.
        let m = meta_of("ATELIER NATIONAL\nAtelier régional – 17 juin 2025\n\nPROGRAMME");
        assert!(m.place.is_none());
        let m = meta_of("ORDRE DU JOUR\n\nSession 2 – bilan des actions, 12 mars 2024\n\nTexte.");
        assert!(m.place.is_none());
        // A dateline that closes a text whose header is too long to reach it.
        let body = "Une ligne de texte qui se poursuit.\n\n".repeat(20);
        let m = meta_of(&format!(
            "COMMUNIQUÉ\n\n{body}Bamako, le 4 novembre 2024\nLa Cellule de communication"
        ));
        assert_eq!(m.date.unwrap().when.edtf, "2024-11-04");
        assert_eq!(m.place.unwrap().0, "Bamako");
        // A page's h1 right over a dateline is its title, also when the signature dates it.
        let m = meta_of(
            "Déclaration conjointe sur la mobilité\nLisbonne, le 12 septembre 2024\nLes Parties,\n\nSont convenus de ce qui suit :\n\nFait à Lisbonne, le 12 septembre 2024.",
        );
        assert_eq!(m.title.unwrap().0, "Déclaration conjointe sur la mobilité");
        let m = meta_of("Un titre\nPublié le 02/03/2021 par Le Desk\n\nTexte.");
        assert_eq!(m.date.unwrap().when.edtf, "2021-03-02");
        let m =
            meta_of("NOTE D'INFORMATION\n\nDates : 24 et 25 février 2026\nLieu : Dakar\n\nTexte.");
        assert_eq!(m.date.unwrap().when.edtf, "2026-02-24/2026-02-25");
        let m =
            meta_of("PROCÈS-VERBAL\n\nDate : 5 janvier 2010\n\nLieu : Tunis, salle B.\n\nTexte.");
        assert_eq!(m.date.unwrap().when.edtf, "2010-01-05");
        assert_eq!(m.place.unwrap().0, "Tunis, salle B");
        // A dispatch's dateline opens its first, long paragraph.
        let m = meta_of(
            "Dakar, le 14 mars 2024 (APS) – Le ministre de l'Économie a présenté mardi le bilan \
             du programme national d'électrification rurale. Au cours des dix dernières années, \
             le taux d'accès à l'électricité a doublé, a-t-il indiqué devant la presse.",
        );
        assert_eq!(m.date.unwrap().when.edtf, "2024-03-14");
        assert_eq!(m.place.unwrap().0, "Dakar");
    }

    #[test]
    fn minutes_dated_by_their_sitting_or_their_signature() {
        let long =
            " Les participants ont examiné le programme de travail et les conclusions de la \
            réunion précédente, puis ont adopté les recommandations du groupe de suivi.";
        let m = meta_of(&format!(
            "PROCÈS-VERBAL DE LA RÉUNION\n\nLa réunion du groupe mixte s'est tenue le jeudi 9 juin \
             2022 au siège du Ministère de l'Intérieur à Rabat, de 10h00 à 13h30, sous la \
             présidence du Directeur.{long}\n\nFait à Rabat, le 10 juin 2022"
        ));
        assert_eq!(m.date.unwrap().when.edtf, "2022-06-09");
        assert_eq!(
            m.place.unwrap().0,
            "siège du Ministère de l'Intérieur à Rabat"
        );
        let m = meta_of(&format!(
            "PROCÈS-VERBAL DE LA RÉUNION\n\nLes participants ont été accueillis par le Directeur.\
             {long}{long}\n\nFait à Dakar, le 10 juin 2022\n\nLe Rapporteur"
        ));
        assert_eq!(m.date.unwrap().when.edtf, "2022-06-10");
        assert_eq!(m.place.unwrap().0, "Dakar");
    }

    #[test]
    fn titles_under_a_letterhead() {
        let title = |text: &str| meta_of(text).title.map(|t| t.0);
        let cases: &[(&str, &str)] = &[
            // The state and the ministry above the title, then a subtitle in quotes.
            (
                "ROYAUME DU MAROC\nMinistère de l'Intérieur\n\nSÉMINAIRE RÉGIONAL\n« La migration \
                 de travail »\n\nRabat, le 3 mai 2019\n\nTexte.",
                "SÉMINAIRE RÉGIONAL — « La migration de travail »",
            ),
            // A state and its motto.
            (
                "RÉPUBLIQUE DU SÉNÉGAL\nUn Peuple - Un But - Une Foi\n\nCOMPTE RENDU DE LA \
                 RÉUNION\n\nTexte.",
                "COMPTE RENDU DE LA RÉUNION",
            ),
            // A letter's number under the letterhead, then its dateline, over the title.
            (
                "MINISTÈRE DE L'INTÉRIEUR\nDirection générale de la Police nationale\n\nN° \
                 0245/MID/DGPN/DPAF\n\nOuagadougou, le 10 juillet 2025\n\nAVIS DE RÉUNION\n\n\
                 Le Directeur général informe les membres.",
                "AVIS DE RÉUNION",
            ),
            // Two parties joined by a dash are a title, not a letterhead.
            (
                "ROYAUME DU MAROC – UNION EUROPÉENNE\nRÉUNION DE HAUT NIVEAU\n\nTexte.",
                "ROYAUME DU MAROC – UNION EUROPÉENNE — RÉUNION DE HAUT NIVEAU",
            ),
            // Two parties alone over the meeting's name, a blank line between.
            (
                "UNION EUROPÉENNE – UNION AFRICAINE\n\nRéunion des hauts fonctionnaires sur la \
                 migration\nBruxelles, 12 et 13 décembre 2024\n\nTexte.",
                "Réunion des hauts fonctionnaires sur la migration",
            ),
            // A known organisation and its office over the title.
            (
                "ORGANISATION INTERNATIONALE POUR LES MIGRATIONS\nBureau régional pour l'Afrique \
                 de l'Ouest et du Centre\n\nNOTE D'INFORMATION\n\nTexte.",
                "NOTE D'INFORMATION",
            ),
            // Nothing after the letterhead: the letterhead is the title.
            (
                "ROYAUME DU MAROC\n\nLe comité s'est réuni.",
                "ROYAUME DU MAROC",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(title(text).as_deref(), Some(*want), "{text:?}");
        }
    }

    #[test]
    fn references_with_their_date() {
        let m = meta_of("TITRE\n\nRéf. : Ares(2019)123456 - 04/02/2019\n\nTexte.");
        assert_eq!(m.reference.unwrap().0, "Ares(2019)123456");
        assert_eq!(m.reference_date.unwrap().edtf, "2019-02-04");
        // A number alone on its line, with its offices: the letter's reference.
        let m = meta_of("MINISTÈRE DE LA JUSTICE\n\nN° 0245/MJ/SG\n\nAVIS\n\nTexte.");
        assert_eq!(m.reference.unwrap().0, "0245/MJ/SG");
        // Not a number inside a sentence.
        let m = meta_of("TITRE\n\nLe décret n° 2020/123 fixe les règles.\n\nTexte.");
        assert!(m.reference.is_none());
    }
}
