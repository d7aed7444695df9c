//! Annex tables of initiatives: one initiative per row, with its section, objective, partners,
//! text, implementing bodies, status and date.
//!
//! Exports from word processors are messy in ways every such table is; each is handled by a
//! general rule: empty leading cells repeat the row above; a row holding only the tail of a cell
//! broken across a page is joined to the row above; partner codes are found by their content
//! wherever they stand (a shifted column, a cell that also holds the initiative); an objective
//! number outside its bold marks is still a number.

use std::ops::Range;
use std::sync::OnceLock;

use liasse_dates::Mention;
use liasse_lexicon::lexicon;
use liasse_records as rec;
use liasse_text::BlockKind;
use regex::Regex;

use crate::doc::Doc;
use crate::events::{dated_in, sentence, shorten, Out};
use crate::mentions::when_of;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Section,
    /// `N°`: the objective's number on its own.
    Number,
    Objective,
    Partner,
    Initiative,
    Bodies,
    /// `Échéance`, `Délai`, `Calendrier`: when the row is due.
    Deadline,
    /// `Statut`, `État d'avancement`: how far the row has got.
    Status,
    /// `Indicateur`, `Budget`, `Observations`: what the table says of a row besides what it
    /// is, who does it and when; not the initiative's text.
    Other,
}

/// One initiative being assembled.
struct Draft {
    section: Option<String>,
    objective: Option<(String, String)>,
    partners: Vec<String>,
    /// Normalised ranges of its text (tails appended).
    text: Vec<Range<usize>>,
    bodies_cell: Option<Range<usize>>,
    /// Source range of its rows.
    rows: Range<usize>,
    status: Option<rec::InitiativeStatus>,
    as_of: Option<rec::When>,
    /// The date of its deadline cell, with the cell.
    deadline: Option<(rec::When, Range<usize>)>,
    /// Bodies named among the partners ("FR, SN, OIM").
    extra_bodies: Vec<String>,
    /// The row's reference (`A.1`), when its number column does not number objectives.
    reference: Option<String>,
}

struct Patterns {
    codes: Regex,
    numbered: Regex,
    /// `Objectif 1 : …` written above the table rows it heads.
    objective_heading: Regex,
    /// An objective column's cell that only refers to one by its number: `Obj. 2`,
    /// `Objectif 3`, `OS 1.2`, `O2`, `2`.
    objective_ref: Regex,
    trailing_bodies: Regex,
    /// A fiche's heading: `Initiative 1.1 – Création d'un guichet …`, `Action n° 3 : …`.
    fiche_heading: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        codes: crate::pattern(r"^\s*([A-Z]{2,3}(?:\s*[/,+&-]\s*[A-Z]{2,3})*)\s*$"),
        numbered: crate::pattern(r"^\s*(\d{1,3})\s*[.)]\s+"),
        objective_heading: crate::pattern(
            r"^\W*(?i:objectif|orientation|axe)(?i:\s+(?:strat[ée]gique|sp[ée]cifique|op[ée]rationnel(?:le)?|prioritaire))?\s+(?:n[°o]\s*)?(\d{1,3})\s*[:.–—-]\s*(\S.*)$",
        ),
        objective_ref: crate::pattern(
            r"^\s*(?:(?i:objectifs?|obj|os|o)\s*\.?\s*(?:n[°o]\s*)?)?(\d{1,2}(?:\.\d{1,2})?)\s*$",
        ),
        trailing_bodies: crate::pattern(r"\(\s*([^()]*(?:\([^()]*\)[^()]*)*?)\s*\)\s*[.;]?\s*$"),
        fiche_heading: crate::pattern(
            r"^\W*(?i:initiative|action|activit[ée]|projet|mesure|fiche)(?i:\s+n[°o]\.?)?\s*(\d{1,3}(?:\.\d{1,3}){0,2})\s*[:.–—-]\s*(\S.*)$",
        ),
    })
}

/// Partner codes of a cell (`UE`, `ES`, `UE/IT`), if the cell is nothing else.
fn codes(s: &str) -> Option<Vec<String>> {
    let c = patterns().codes.captures(s)?;
    let mut out = Vec::new();
    for code in c.get(1)?.as_str().split(['/', ',', '+', '&', '-']) {
        out.push(lexicon().resolve_code(code.trim())?.to_owned());
    }
    Some(out)
}

/// The state a cell's token names in full (`Espagne`, `la Tunisie`), if it names one and
/// nothing else.
fn state_named(s: &str) -> Option<String> {
    let found = lexicon().find(s);
    let [m] = found.as_slice() else {
        return None;
    };
    let rest = |r: &str| r.trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
    let before = s[..m.start].trim().to_lowercase();
    match m.target {
        liasse_lexicon::Target::Partner(p)
            if matches!(before.as_str(), "" | "la" | "le" | "les" | "l'") && rest(&s[m.end..]) =>
        {
            Some(p.to_owned())
        }
        _ => None,
    }
}

/// The states a partner cell's entry names: codes (`ES`, `UE/IT`) or a name (`Espagne`).
fn state_of(entry: &str) -> Option<Vec<String>> {
    codes(entry).or_else(|| state_named(entry).map(|s| vec![s]))
}

/// Add `states` to a row's `partners`, each once.
fn add_states(partners: &mut Vec<String>, states: Vec<String>) {
    for s in states {
        if !partners.contains(&s) {
            partners.push(s);
        }
    }
}

/// The lowercase of the first 16 characters of `s`: enough to test the header words of
/// `data/columns.tsv` (none is longer; a test checks it) without lowercasing a whole cell (every
/// cell of every row is tested).
fn lower_head(s: &str) -> String {
    s.chars().take(16).flat_map(char::to_lowercase).collect()
}

/// The header words of `data/columns.tsv`: (column, whether the cell must be the word whole,
/// the words), in the order they are tried.
type HeaderWords = Vec<(Col, bool, Vec<&'static str>)>;

fn header_words() -> &'static HeaderWords {
    static WORDS: OnceLock<HeaderWords> = OnceLock::new();
    WORDS
        .get_or_init(|| parse_header_words(include_str!("../data/columns.tsv")).unwrap_or_default())
}

fn parse_header_words(data: &'static str) -> Result<HeaderWords, String> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let [col, how, words] = line.splitn(3, '\t').collect::<Vec<_>>()[..] else {
            return Err(format!("columns.tsv:{}: expected 3 columns", n + 1));
        };
        let col = match col {
            "section" => Col::Section,
            "number" => Col::Number,
            "deadline" => Col::Deadline,
            "status" => Col::Status,
            "objective" => Col::Objective,
            "partner" => Col::Partner,
            "initiative" => Col::Initiative,
            "bodies" => Col::Bodies,
            "other" => Col::Other,
            _ => return Err(format!("columns.tsv:{}: unknown column {col}", n + 1)),
        };
        let whole = match how {
            "whole" => true,
            "prefix" => false,
            _ => return Err(format!("columns.tsv:{}: unknown match {how}", n + 1)),
        };
        out.push((col, whole, words.split('|').collect()));
    }
    Ok(out)
}

fn header_col(s: &str) -> Option<Col> {
    let l = lower_head(s);
    let whole = l.trim_end_matches([' ', '.', ':']);
    header_words().iter().find_map(|(col, is_whole, words)| {
        words
            .iter()
            .any(|w| {
                if *is_whole {
                    whole == *w
                } else {
                    l.starts_with(w)
                }
            })
            .then_some(*col)
    })
}

fn status_of(heading: &str) -> Option<rec::InitiativeStatus> {
    let l = heading.to_lowercase();
    if l.contains("nouveau")
        || l.contains("nouvelle")
        || l.contains("propos")
        || l.contains("prévu")
        || l.contains("lancer")
        || l.contains("non démarr")
        || l.contains("planifi")
    {
        Some(rec::InitiativeStatus::Proposed)
    } else if l.contains("en cours") || l.contains("engagé") {
        Some(rec::InitiativeStatus::Ongoing)
    } else if l.contains("achev")
        || l.contains("termin") && !l.contains("détermin")
        || l.contains("réalisé")
        || l.contains("clôtur")
    {
        Some(rec::InitiativeStatus::Completed)
    } else {
        None
    }
}

/// Parse the table rows inside `part` (a source range). Returns, for entity resolution, the
/// normalised range of each initiative with the state it belongs to.
pub(crate) fn parse(
    doc: &mut Doc,
    mentions: &[Mention],
    part: Range<usize>,
    declaration: &[rec::Objective],
    out: &mut Out,
) -> Vec<(Range<usize>, String)> {
    let p = patterns();
    let mut layout = vec![Col::Section, Col::Objective, Col::Partner, Col::Initiative];
    let mut status = None;
    let mut as_of = None;
    let mut section: Option<String> = None;
    let mut objective: Option<(String, String)> = None;
    let mut objective_from = 0;
    let mut drafts: Vec<Draft> = Vec::new();
    // Each objective's number, section and cell where the table first states it.
    let mut stated: Vec<(String, Option<String>, Range<usize>)> = Vec::new();
    // The objectives headings state (`Objectif 1 : …`), by number: stated even with no row.
    let mut headings: Vec<(String, String)> = Vec::new();
    // Whether the last draft is a fiche its labelled lines still fill.
    let mut fiche_open = false;
    let blocks: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.span.start >= part.start && b.span.end <= part.end)
        .cloned()
        .collect();
    for b in &blocks {
        let BlockKind::TableRow { cells } = &b.kind else {
            // "Partie 2 : projets en cours au 25/03/2013"
            let t = doc.clean(b.content.clone());
            // "Objectif 1 : Renforcer les voies légales": the objective of the rows below.
            if let Some(c) = p.objective_heading.captures(&t) {
                let n = c.get(1).map_or("", |g| g.as_str()).to_owned();
                let body = c.get(2).map_or("", |g| g.as_str()).trim().to_owned();
                if !stated.iter().any(|(k, _, _)| *k == n) {
                    stated.push((n.clone(), section.clone(), b.content.clone()));
                    headings.push((n.clone(), body.clone()));
                }
                objective = Some((n, body));
                objective_from = drafts.len();
                fiche_open = false;
                continue;
            }
            // A fiche: its heading opens an initiative, the labelled lines under it fill it.
            if let Some(c) = p.fiche_heading.captures(&t) {
                let nr = doc.norm.from_source(b.content.clone());
                let title = c.get(2).map_or("", |g| g.as_str());
                let text = doc.norm.text[nr.clone()]
                    .find(title)
                    .map_or(nr.clone(), |i| nr.start + i..nr.end);
                drafts.push(Draft {
                    section: section.clone(),
                    objective: objective.clone(),
                    partners: Vec::new(),
                    text: vec![text],
                    bodies_cell: None,
                    rows: b.span.clone(),
                    status,
                    as_of: as_of.clone(),
                    deadline: None,
                    extra_bodies: Vec::new(),
                    reference: c.get(1).map(|g| g.as_str().to_owned()),
                });
                fiche_open = true;
                continue;
            }
            if fiche_open {
                if let Some(d) = drafts.last_mut() {
                    if fill_fiche(doc, mentions, b, &t, d) {
                        continue;
                    }
                }
            }
            let head = lower_head(&t);
            if head.starts_with("partie") || head.starts_with("tableau") {
                if let Some(s) = status_of(&t) {
                    status = Some(s);
                    let r = doc.norm.from_source(b.span.clone());
                    as_of = dated_in(mentions, &r)
                        .next()
                        .and_then(|m| m.value.as_ref())
                        .map(when_of);
                }
            }
            continue;
        };
        fiche_open = false;
        let texts: Vec<String> = cells.iter().map(|c| doc.clean(c.clone())).collect();
        // A header row names the columns.
        let mut header: Vec<Option<Col>> = texts.iter().map(|t| header_col(t)).collect();
        // "État" names the status beside a partner column, the partner otherwise.
        if !header.contains(&Some(Col::Partner)) {
            for h in header.iter_mut().filter(|h| **h == Some(Col::Status)) {
                *h = Some(Col::Partner);
            }
        }
        if header.iter().filter(|h| h.is_some()).count() >= 2 && texts.iter().all(|t| t.len() < 40)
        {
            layout = header
                .iter()
                .map(|h| h.unwrap_or(Col::Initiative))
                .collect();
            continue;
        }
        let col_of = |i: usize| layout.get(i).copied().unwrap_or(Col::Initiative);
        let mut partners: Option<Vec<String>> = None;
        let mut row_objective: Option<(String, String)> = None;
        let mut row_section: Option<String> = None;
        let mut text: Vec<Range<usize>> = Vec::new();
        let mut bodies_cell = None;
        let mut tails: Vec<(Col, Range<usize>)> = Vec::new();
        let mut after_partner = false;
        let mut row_number: Option<String> = None;
        let mut objective_ref: Option<(String, Range<usize>)> = None;
        let mut row_objective_text: Option<String> = None;
        let mut row_status = None;
        let mut row_deadline = None;
        let mut extra_bodies: Vec<String> = Vec::new();
        let mut sub_numbered = false;
        let mut reference: Option<String> = None;
        for (i, (cell, t)) in cells.iter().zip(&texts).enumerate() {
            if t.is_empty() {
                continue;
            }
            let nr = doc.norm.from_source(cell.clone());
            if let Some(c) = codes(t) {
                partners = Some(c);
                after_partner = true;
                continue;
            }
            // The columns a header names for what they hold.
            match col_of(i) {
                Col::Number => {
                    let n = t.trim_end_matches(['.', ')']).trim();
                    let digits =
                        (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit());
                    // Beside an objective column, the objective's number; else the row's own.
                    if digits && layout.contains(&Col::Objective) {
                        row_number = Some(n.to_owned());
                        continue;
                    }
                    if is_reference(n) {
                        reference = Some(n.to_owned());
                    }
                    // "1.2": the second initiative under objective 1, stated above the table.
                    if let Some((o, k)) = n.split_once('.') {
                        let digits = |x: &str| {
                            (1..=3).contains(&x.len()) && x.chars().all(|c| c.is_ascii_digit())
                        };
                        if digits(o) && digits(k) {
                            sub_numbered = true;
                            continue;
                        }
                    }
                    if reference.is_some() {
                        continue;
                    }
                }
                Col::Other => continue,
                // "Obj. 2": the row's objective by its number (the number column is then
                // the row's own).
                Col::Objective if p.objective_ref.is_match(t) => {
                    objective_ref = p
                        .objective_ref
                        .captures(t)
                        .and_then(|c| c.get(1))
                        .map(|g| (g.as_str().to_owned(), cell.clone()));
                    row_objective_text = Some(t.clone());
                    continue;
                }
                Col::Objective if layout.contains(&Col::Number) => {
                    row_objective_text = Some(t.clone());
                    continue;
                }
                Col::Deadline => {
                    row_deadline = dated_in(mentions, &nr)
                        .find_map(|m| m.value.as_ref())
                        .map(|v| (when_of(v), cell.clone()));
                    // A schedule that says where the initiative stands ("en cours", "achevé").
                    if row_deadline.is_none() {
                        row_status = status_of(t);
                    }
                    continue;
                }
                Col::Status => {
                    row_status = status_of(t);
                    continue;
                }
                // "FR, SN, OIM", "Niger, Tchad – Frontex, OIM", "Niger et Mali": the states are
                // the partners, the rest bodies.
                Col::Partner => {
                    let tokens = list_entries(t);
                    let states: Vec<String> = tokens
                        .iter()
                        .filter_map(|x| state_of(x))
                        .flatten()
                        .collect();
                    // Codes and acronyms only: a sentence that names states is text.
                    let short = tokens.iter().all(|x| {
                        x.len() <= 16 && x.split_whitespace().count() <= 2 || state_of(x).is_some()
                    });
                    // Bodies alone ("OIM, GIZ") in the partners' column of a header: the row's
                    // partners are bodies, not states.
                    let named_column = layout.contains(&Col::Partner);
                    if (!states.is_empty() || named_column && reference.is_some()) && short {
                        extra_bodies.extend(
                            tokens
                                .iter()
                                .filter(|x| state_of(x).is_none())
                                .map(|x| (*x).to_owned()),
                        );
                        // Two partners' columns (`Pays concernés`, `Partenaires techniques`)
                        // give the row the states of both.
                        add_states(partners.get_or_insert_with(Vec::new), states);
                        after_partner = true;
                        continue;
                    }
                }
                _ => {}
            }
            // A cell that starts with the partner code and goes on with the initiative.
            let first_line = doc.norm.text[nr.clone()]
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            if let Some(c) = codes(first_line) {
                if let Some(at) = doc.norm.text[nr.clone()].find(first_line) {
                    partners = Some(c);
                    after_partner = true;
                    let rest = nr.start + at + first_line.len()..nr.end;
                    if !doc.norm.text[rest.clone()].trim().is_empty() {
                        text.push(rest);
                    }
                    continue;
                }
            }
            if let Some(m) = p.numbered.captures(t) {
                let n = m.get(1).map_or("", |g| g.as_str()).to_owned();
                let body = t[m.get(0).map_or(0, |g| g.end())..].to_owned();
                if !stated.iter().any(|(k, _, _)| *k == n) {
                    stated.push((n.clone(), None, cell.clone()));
                }
                row_objective = Some((n, body));
                continue;
            }
            match col_of(i) {
                Col::Bodies => bodies_cell = Some(nr),
                _ if after_partner => text.push(nr),
                Col::Section if i == 0 => row_section = Some(t.clone()),
                c => tails.push((c, nr)),
            }
        }
        if let Some((n, at)) = objective_ref {
            if !stated.iter().any(|(k, _, _)| *k == n) {
                stated.push((n.clone(), None, at));
            }
            row_objective = Some((n, row_objective_text.take().unwrap_or_default()));
        } else if let Some(n) = row_number {
            if !stated.iter().any(|(k, _, _)| *k == n) {
                let at = cells
                    .iter()
                    .zip(&texts)
                    .find(|(_, t)| t.as_str() == row_objective_text.as_deref().unwrap_or(""))
                    .map_or(b.content.clone(), |(c, _)| c.clone());
                stated.push((n.clone(), None, at));
            }
            row_objective = Some((n, row_objective_text.take().unwrap_or_default()));
        }
        let starts_row = partners.is_some()
            || row_objective.is_some()
            || row_section.is_some()
            || sub_numbered
            || reference.is_some();
        if !starts_row {
            // The tail of a cell broken across a page: joined to the row above.
            for (c, r) in tails
                .into_iter()
                .chain(text.into_iter().map(|r| (Col::Initiative, r)))
            {
                match c {
                    // The objective's tail belongs to every row under that objective.
                    Col::Section | Col::Objective => {
                        let tail = liasse_text::clean_inline(&doc.norm.text[r]);
                        if let Some((_, o)) = &mut objective {
                            o.push(' ');
                            o.push_str(&tail);
                        }
                        for d in drafts.iter_mut().skip(objective_from) {
                            d.objective.clone_from(&objective);
                        }
                    }
                    _ => {
                        if let Some(d) = drafts.last_mut() {
                            d.text.push(r);
                        }
                    }
                }
            }
            if let Some(d) = drafts.last_mut() {
                d.rows.end = b.span.end;
            }
            continue;
        }
        if let Some(s) = row_section {
            section = Some(s);
            objective = None;
        }
        if let Some(o) = row_objective {
            if let Some(st) = stated.iter_mut().find(|(k, _, _)| *k == o.0) {
                st.1.clone_from(&section);
            }
            objective = Some(o);
            objective_from = drafts.len();
        }
        // Cells after the objective that are not the partner are the initiative.
        for (c, r) in tails {
            if c == Col::Initiative || c == Col::Partner {
                text.push(r);
            }
        }
        drafts.push(Draft {
            section: section.clone(),
            objective: objective.clone(),
            partners: partners.unwrap_or_default(),
            text,
            bodies_cell,
            rows: b.span.clone(),
            status: row_status.or(status),
            as_of: as_of.clone(),
            deadline: row_deadline,
            extra_bodies,
            reference,
        });
    }

    // The annex's objective of a number should read as the declaration's: archivists need to
    // see where the two drifted apart.
    let mut drift_seen = std::collections::BTreeSet::new();
    // Whether an objective reads the same in the annex, once per (number, annex text): every
    // initiative under an objective carries the same pair.
    let mut same: std::collections::HashMap<(String, String), bool> =
        std::collections::HashMap::new();
    // An annex on its own (or one that numbers objectives its declaration does not) states
    // its objectives: they are the document's, worded as the annex words them (with the tail
    // of a cell broken across a page).
    for (n, section, cell) in stated {
        if declaration.iter().any(|o| o.number == n) {
            continue;
        }
        let Some(text) = drafts
            .iter()
            .filter_map(|d| d.objective.as_ref())
            .rfind(|(k, _)| *k == n)
            .map(|(_, t)| t.clone())
            .or_else(|| {
                headings
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, t)| t.clone())
            })
        else {
            continue;
        };
        out.objectives.push(rec::Objective {
            id: String::new(),
            number: n,
            section,
            text,
            evidence: doc.span(cell),
        });
    }
    let mut contexts = Vec::new();
    for d in drafts {
        let norm_text: Vec<String> = d
            .text
            .iter()
            .map(|r| doc.norm.text[r.clone()].to_owned())
            .collect();
        let mut text = liasse_text::clean_lines(&norm_text.join("\n"));
        text = text
            .lines()
            .map(|l| l.trim_start_matches(['•', '-', '▪', '◦', '·', ' ']).trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let mut bodies = Vec::new();
        if let Some(r) = &d.bodies_cell {
            bodies.extend(split_bodies(&doc.norm.text[r.clone()]));
        } else if let Some(c) = p.trailing_bodies.captures(&text) {
            let inner = c.get(1).map_or("", |g| g.as_str());
            if looks_like_bodies(inner) {
                bodies = split_bodies(inner);
                let cut = c.get(0).map_or(text.len(), |g| g.start());
                text = text[..cut].trim_end().to_owned();
            }
        }
        if text.is_empty() && d.partners.is_empty() {
            continue;
        }
        if let (Some((n, annex_text)), false) = (&d.objective, declaration.is_empty()) {
            if let Some(decl) = declaration.iter().find(|o| &o.number == n) {
                let same = *same
                    .entry((n.clone(), annex_text.clone()))
                    .or_insert_with(|| same_text(&decl.text, annex_text));
                if !same && drift_seen.insert(n.clone()) {
                    let span = doc.span(d.rows.clone());
                    doc.diagnostic(
                        "objective-drift",
                        rec::Severity::Warning,
                        {
                            let (a, b) = divergence(annex_text, &decl.text);
                            format!("objective {n} reads differently in the annex: \"{a}\" where the declaration has \"{b}\"")
                        },
                        Some(span),
                    );
                }
            }
        }
        let nr = doc.norm.from_source(d.rows.clone());
        if let Some(state) = d.partners.iter().find(|p| *p != "EU" && *p != "AU") {
            contexts.push((nr.clone(), state.clone()));
        }
        // Dated projects inside the initiative's cells ("lancé le 18.12.2012"): a day, not the
        // year of a convention it cites.
        for r in &d.text {
            for m in dated_in(mentions, r) {
                if m.deadline
                    || m.value
                        .as_ref()
                        .is_some_and(|v| v.precision != liasse_dates::Precision::Day)
                {
                    continue;
                }
                let s = sentence(&doc.norm.text, m.start);
                let s = s.start.max(r.start)..s.end.min(r.end);
                out.event(
                    doc,
                    rec::EventKind::Other,
                    shorten(&doc.norm.text[s.clone()]),
                    m.value.as_ref().map(when_of),
                    None,
                    d.partners.clone(),
                    s,
                );
            }
        }
        bodies.extend(d.extra_bodies.iter().cloned());
        // The row's deadline: an event of its own, labelled by what is due.
        if let Some((when, cell)) = &d.deadline {
            let r = doc.norm.from_source(cell.clone());
            let label = if text.is_empty() {
                "Échéance".to_owned()
            } else {
                shorten(text.lines().next().unwrap_or(""))
            };
            out.event(
                doc,
                rec::EventKind::Deadline,
                label,
                Some(when.clone()),
                None,
                d.partners.clone(),
                r,
            );
        }
        out.initiatives.push(rec::Initiative {
            id: String::new(),
            objective: d.objective.as_ref().map(|(n, _)| n.clone()),
            objective_text: d.objective.as_ref().map(|(_, t)| t.clone()),
            section: d.section.clone(),
            partners: d.partners.clone(),
            text,
            implementing_bodies: bodies,
            status: d.status,
            as_of: d.as_of.clone(),
            deadline: d.deadline.as_ref().map(|(w, _)| w.clone()),
            reference: d.reference.clone(),
            evidence: doc.span(d.rows.clone()),
        });
    }
    contexts
}

/// Fill the fiche `d` with the labelled line `b` (its clean text `t`): `Partenaires : Tunisie,
/// France, OIM` (the states its partners, the rest its bodies), `Calendrier : d'ici juin 2026`
/// (its deadline, or its status, `en cours`), `Statut : …`, `Responsable : …` (its bodies),
/// `Description : …` (more of its text). Whether the line was a label of a fiche.
fn fill_fiche(
    doc: &Doc,
    mentions: &[Mention],
    b: &liasse_text::Block,
    t: &str,
    d: &mut Draft,
) -> bool {
    let Some((label, value)) = t.split_once(':') else {
        return false;
    };
    if label.len() > 40 || value.trim().is_empty() {
        return false;
    }
    let Some(col) = header_col(label.trim()) else {
        return false;
    };
    let nr = doc.norm.from_source(b.content.clone());
    let colon = doc.norm.text[nr.clone()].find(':').map_or(0, |i| i + 1);
    let value_range = nr.start + colon..nr.end;
    match col {
        Col::Partner => {
            let mut after_body = false;
            for x in list_entries(value) {
                match state_of(x) {
                    Some(states) => {
                        after_body = false;
                        add_states(&mut d.partners, states);
                    }
                    // A body's acronym in brackets after its name is that body again.
                    None if after_body && x.chars().all(|c| c.is_uppercase() || c == '-') => {}
                    None => {
                        after_body = true;
                        d.extra_bodies.push(x.to_owned());
                    }
                }
            }
        }
        Col::Deadline => {
            d.deadline = dated_in(mentions, &value_range)
                .find_map(|m| m.value.as_ref())
                .map(|v| (when_of(v), b.content.clone()));
            if d.deadline.is_none() {
                d.status = status_of(value).or(d.status);
            }
        }
        Col::Status => d.status = status_of(value).or(d.status),
        Col::Bodies => d.bodies_cell = Some(value_range),
        Col::Initiative => d.text.push(value_range),
        Col::Section | Col::Number | Col::Objective | Col::Other => {}
    }
    d.rows.end = b.span.end;
    true
}

/// A row's reference in a number column: `3`, `A.1`, `B2`, `1.2.3`, `II-4` (a digit, and
/// nothing but letters, digits and separators, short).
fn is_reference(s: &str) -> bool {
    (1..=10).contains(&s.len())
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/'))
        && s.chars().filter(char::is_ascii_alphabetic).count() <= 3
}

/// The content of a final parenthesis names bodies unless it reads like a remark: it starts
/// with a capital, or it is mostly the name of a known body ("office des étrangers").
fn looks_like_bodies(s: &str) -> bool {
    let t = s.trim();
    let lower = t.to_lowercase();
    let remark = [
        "voir",
        "cf",
        "p.ex",
        "par ex",
        "y inclus",
        "y compris",
        "en collaboration",
        "ci-dessus",
        "à confirmer",
        "web site",
        "site",
    ];
    if remark.iter().any(|r| lower.starts_with(r)) {
        return false;
    }
    let known: usize = lexicon().find(t).iter().map(|m| m.end - m.start).sum();
    t.chars().next().is_some_and(char::is_uppercase) || known * 10 >= t.len() * 6
}

/// Where two texts part: a few words of context from the first differing word of each.
fn divergence(a: &str, b: &str) -> (String, String) {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let same = wa
        .iter()
        .zip(&wb)
        .take_while(|(x, y)| liasse_lexicon::fold(x).text == liasse_lexicon::fold(y).text)
        .count();
    let from = same.saturating_sub(2);
    let take = |w: &[&str]| {
        let part: Vec<&str> = w.iter().skip(from).take(10).copied().collect();
        let lead = if from > 0 { "…" } else { "" };
        let tail = if from + 10 < w.len() { "…" } else { "" };
        format!("{lead}{}{tail}", part.join(" "))
    };
    (take(&wa), take(&wb))
}

/// The bodies of a parenthesis, one per `;`, as written ("Mis en œuvre par …" included: no
/// text of the table is lost).
fn split_bodies(s: &str) -> Vec<String> {
    let s = s.trim().trim_end_matches(['.', ';']);
    s.split(';')
        .map(liasse_text::clean_inline)
        .map(|b| b.trim_end_matches(['.', ',']).trim().to_owned())
        .filter(|b| !b.is_empty())
        .collect()
}

/// Tables outside an annex whose header row names a schedule column (`Échéance`, `Délai`,
/// `Calendrier`), as minutes' tables of decisions have: each row's date in that column is a
/// deadline, labelled by the row's first cell of words. A row whose date is told already (a
/// meeting it sets, `Tenir la prochaine réunion … | septembre 2025`) adds nothing.
/// Header words of a column that says what is due, in a table of decisions.
const ACTION_HEADS: &[&str] = &[
    "action",
    "décision",
    "decision",
    "recommandation",
    "mesure",
    "activité",
    "activite",
    "tâche",
    "tache",
];

pub(crate) fn column_deadlines(
    doc: &Doc,
    mentions: &[Mention],
    ents: &crate::entities::Entities,
    out: &mut Out,
) {
    let words = header_words()
        .iter()
        .filter(|(col, ..)| *col == Col::Deadline)
        .flat_map(|(_, _, ws)| ws.iter());
    let mut deadline_col: Option<usize> = None;
    // The column that says what is due (`Décisions / Actions`, `Recommandations`): the label.
    let mut action_col: Option<usize> = None;
    for b in &doc.blocks {
        let BlockKind::TableRow { cells } = &b.kind else {
            deadline_col = None;
            continue;
        };
        // Until a header names the column, a row without its word is none (and is not cleaned).
        if deadline_col.is_none() {
            let row = doc.lower_of(doc.norm.from_source(b.span.clone()));
            if !words.clone().any(|w| row.contains(w)) {
                continue;
            }
        }
        let texts: Vec<String> = cells.iter().map(|c| doc.clean(c.clone())).collect();
        let header: Vec<Option<Col>> = texts.iter().map(|t| header_col(t)).collect();
        if header.iter().filter(|h| h.is_some()).count() >= 2 && texts.iter().all(|t| t.len() < 40)
        {
            deadline_col = header.iter().position(|h| *h == Some(Col::Deadline));
            action_col = texts.iter().position(|t| {
                let l = lower_head(t);
                ACTION_HEADS.iter().any(|w| l.starts_with(w))
            });
            continue;
        }
        let Some(cell) = deadline_col.and_then(|k| cells.get(k)) else {
            continue;
        };
        let Some(m) = dated_in(mentions, &doc.norm.from_source(cell.clone())).next() else {
            continue;
        };
        let words = |t: &String| t.split_whitespace().count() >= 2;
        let Some(label) = action_col
            .and_then(|k| texts.get(k))
            .filter(|t| words(t))
            .or_else(|| {
                texts
                    .iter()
                    .zip(cells)
                    .find(|(t, c)| *c != cell && words(t))
                    .map(|(t, _)| t)
            })
            .cloned()
        else {
            continue;
        };
        let when = m.value.as_ref().map(when_of);
        let row = doc.norm.from_source(b.span.clone());
        // A meeting read in the row's words ("Organiser une session d'information | GIZ |
        // Décembre 2025") is the row's deadline: the column says what its date is.
        let row_span = doc.span_of_norm(row.clone());
        out.events.retain(|e| {
            !(e.kind == rec::EventKind::Meeting
                && e.when == when
                && row_span.start <= e.evidence.start
                && e.evidence.end <= row_span.end)
        });
        if out.holds_date(&when, &doc.span_of_norm(m.start..m.end)) {
            continue;
        }
        let partners = ents.partners_in(row.clone());
        out.event(
            doc,
            rec::EventKind::Deadline,
            label,
            when,
            None,
            partners,
            row,
        );
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        liasse_lexicon::fold(s)
            .text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    key(a) == key(b)
}

/// The entries of a partners' cell: split at `,` `/` `;` `+`, at brackets (`Espagne (Guardia
/// Civil)`), at spaced dashes and at ` et `.
fn list_entries(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices() {
        if i < start {
            continue;
        }
        let sep = match c {
            ',' | '/' | ';' | '+' | '(' | ')' => Some(c.len_utf8()),
            // Not "et" inside a name: "Office français de l'immigration et de l'intégration".
            ' ' => ["– ", "- ", "— ", "et "]
                .iter()
                .find(|s| {
                    let after = &t[i + 1..];
                    after.starts_with(*s)
                        && !(**s == "et "
                            && ["de ", "du ", "des ", "d'", "d’"]
                                .iter()
                                .any(|d| after[3..].starts_with(d)))
                })
                .map(|s| 1 + s.len()),
            _ => None,
        };
        if let Some(len) = sep {
            out.push(t[start..i].trim());
            start = i + len;
        }
    }
    out.push(t[start..].trim());
    out.retain(|x| !x.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::{header_col, is_reference, list_entries, lower_head, status_of, Col};
    use liasse_records as rec;

    #[test]
    fn partner_cells_split_into_entries() {
        assert_eq!(
            list_entries("Niger, Tchad – Frontex, OIM"),
            ["Niger", "Tchad", "Frontex", "OIM"]
        );
        assert_eq!(
            list_entries("Niger et Mali / GIZ + Enabel ;"),
            ["Niger", "Mali", "GIZ", "Enabel"]
        );
        assert_eq!(
            list_entries("Guinée-Bissau - Sénégal"),
            ["Guinée-Bissau", "Sénégal"]
        );
        assert_eq!(list_entries("Etats-Unis"), ["Etats-Unis"]);
        // A body in brackets after its state.
        assert_eq!(
            list_entries("Mauritanie, Espagne (Guardia Civil)"),
            ["Mauritanie", "Espagne", "Guardia Civil"]
        );
        // "et" inside a body's name does not part it.
        assert_eq!(
            list_entries("Suisse, Office français de l'immigration et de l'intégration (OFII)"),
            [
                "Suisse",
                "Office français de l'immigration et de l'intégration",
                "OFII"
            ]
        );
    }

    #[test]
    fn a_schedule_still_to_be_set_is_no_status() {
        assert_eq!(status_of("à déterminer"), None);
        assert_eq!(status_of("Terminé"), Some(rec::InitiativeStatus::Completed));
        assert_eq!(status_of("en cours"), Some(rec::InitiativeStatus::Ongoing));
    }

    #[test]
    fn header_words_parse_and_fit_the_cells_head() {
        let words = super::parse_header_words(include_str!("../data/columns.tsv"));
        let words = words.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(words.len(), 11);
        for (_, _, ws) in &words {
            for w in ws {
                assert!(
                    w.chars().count() <= 16,
                    "{w} is longer than lower_head keeps"
                );
                assert_eq!(*w, w.to_lowercase(), "{w} is not lowercase");
            }
        }
        assert!(super::parse_header_words("nowhere\tprefix\tx").is_err());
    }

    #[test]
    fn objective_headings_above_a_table() {
        let cases = [
            ("Objectif 1 : Renforcer les voies légales", Some("1")),
            ("Axe stratégique 2 : Protection des migrants", Some("2")),
            ("OBJECTIF SPÉCIFIQUE 3 – Réintégration", Some("3")),
            ("Orientation n° 4. Suivi", Some("4")),
            ("Axe 5 : Gouvernance", Some("5")),
            ("Objectif général : réduire la migration irrégulière", None),
            ("Axe routier 2 : Dakar – Bamako", None),
        ];
        for (line, want) in cases {
            let got = super::patterns()
                .objective_heading
                .captures(line)
                .and_then(|c| c.get(1))
                .map(|g| g.as_str());
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn row_references() {
        for r in ["3", "A.1", "B2", "1.2.3", "II-4", "12"] {
            assert!(is_reference(r), "{r}");
        }
        for r in ["A", "", "Action", "2024 et 2025", "ABCD1"] {
            assert!(!is_reference(r), "{r}");
        }
    }

    #[test]
    fn header_cells_by_their_first_words() {
        let cases = [
            ("PARTENAIRES", Some(Col::Partner)),
            ("État membre", Some(Col::Partner)),
            // Alone, the status; a header row without a partner column reads it as the
            // partner (see `parse`).
            ("ÉTAT", Some(Col::Status)),
            ("État d'avancement", Some(Col::Status)),
            ("Statut", Some(Col::Status)),
            ("N°", Some(Col::Number)),
            ("No.", Some(Col::Number)),
            ("Échéance", Some(Col::Deadline)),
            ("Délai de réalisation", Some(Col::Deadline)),
            ("Nature", None),
            ("Opérateur(s) de mise en œuvre", Some(Col::Bodies)),
            ("Mise en œuvre", Some(Col::Bodies)),
            ("INSTITUTIONS RESPONSABLES", Some(Col::Bodies)),
            ("Objectif du Pacte", Some(Col::Objective)),
            ("Domaine", Some(Col::Section)),
            ("Activités", Some(Col::Initiative)),
            ("Calendrier", Some(Col::Deadline)),
            ("Σ partenaire", None),
            ("Réf.", Some(Col::Number)),
            ("Structure responsable", Some(Col::Bodies)),
            ("Intitulé de l'initiative", Some(Col::Initiative)),
            ("Indicateur", Some(Col::Other)),
            ("Budget (€)", Some(Col::Other)),
        ];
        for (cell, col) in cases {
            assert_eq!(header_col(cell), col, "{cell}");
        }
        // Only the head of a long cell is lowercased.
        let long = format!("INITIATIVE {}", "X".repeat(1000));
        assert_eq!(lower_head(&long), "initiative xxxxx");
        assert_eq!(header_col(&long), Some(Col::Initiative));
    }
}
