//! Document kind from the content: weighted cues (data/kinds.tsv) and table structure.

use std::sync::OnceLock;

use liasse_records as rec;
use liasse_records::DocumentKind as K;
use liasse_text::BlockKind;
use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::doc::Doc;

struct Cue {
    kind: K,
    weight: f32,
    cap: f32,
    re: Regex,
    /// The cue needs capitals (`\p{Lu}`): it runs on the text as written; the others run on a
    /// lowercased copy, without case-insensitive matching, which is much faster.
    cased: bool,
}

/// The cues, and one set per text they run on (as written, lowercased) that tells in a
/// single pass which of them match at all: most cues match nowhere in a given document, and
/// each would otherwise take a pass of its own.
struct Cues {
    cues: Vec<Cue>,
    /// Per set, the index in `cues` of each of its patterns.
    cased: (RegexSet, Vec<usize>),
    lower: (RegexSet, Vec<usize>),
}

const DATA: &str = include_str!("../data/kinds.tsv");

/// The most memory each set's lazy DFA may use. A set of all the cues thrashed at 3 MiB; on the
/// synthetic collection 4 and 8 MiB ran as fast; 8 leaves room for texts unlike it (a thrashing
/// lazy DFA hands the search to a much slower engine). The cache grows only as needed.
const SET_CACHE: usize = 8 << 20;

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let cues = parse_cues(DATA).unwrap_or_default();
        let set = |cased: bool| {
            let idx: Vec<usize> = (0..cues.len())
                .filter(|&i| cues[i].cased == cased)
                .collect();
            let set = RegexSetBuilder::new(idx.iter().map(|&i| cues[i].re.as_str()))
                .dfa_size_limit(SET_CACHE)
                .build()
                .unwrap_or_else(|_| RegexSet::empty());
            // Should the set not build, every cue runs on its own.
            if set.len() == idx.len() {
                (set, idx)
            } else {
                (RegexSet::empty(), Vec::new())
            }
        };
        Cues {
            cased: set(true),
            lower: set(false),
            cues,
        }
    })
}

fn parse_cues(data: &str) -> Result<Vec<Cue>, String> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.splitn(4, '\t').collect();
        let [kind, weight, cap, re] = cols[..] else {
            return Err(format!("kinds.tsv:{}: expected 4 columns", n + 1));
        };
        let kind =
            kind_of(kind).ok_or_else(|| format!("kinds.tsv:{}: unknown kind {kind}", n + 1))?;
        let weight = weight
            .parse()
            .map_err(|_| format!("kinds.tsv:{}: bad weight", n + 1))?;
        let cap = cap
            .parse()
            .map_err(|_| format!("kinds.tsv:{}: bad cap", n + 1))?;
        let cased = re.contains("\\p{Lu}");
        // A Unicode `\b` keeps the regex engine off its fast path on accented text; a boundary
        // that takes one character that is not a letter or a digit (or a line edge) counts the
        // same cues and stays fast.
        let re = re.replace(r"\b", r"(?:^|$|[^\p{L}\p{N}])");
        let re =
            Regex::new(&format!("(?m){re}")).map_err(|e| format!("kinds.tsv:{}: {e}", n + 1))?;
        out.push(Cue {
            kind,
            weight,
            cap,
            re,
            cased,
        });
    }
    Ok(out)
}

fn kind_of(s: &str) -> Option<K> {
    Some(match s {
        "agenda" => K::Agenda,
        "declaration" => K::Declaration,
        "annex" => K::Annex,
        "minutes" => K::Minutes,
        "announcement" => K::Announcement,
        "article" => K::Article,
        _ => return None,
    })
}

fn name(k: K) -> &'static str {
    match k {
        K::Agenda => "agenda",
        K::Declaration => "declaration",
        K::Annex => "annex",
        K::Minutes => "minutes",
        K::Announcement => "announcement",
        K::Article => "article",
        K::Unknown => "unknown",
    }
}

const KINDS: [K; 6] = [
    K::Agenda,
    K::Declaration,
    K::Annex,
    K::Minutes,
    K::Announcement,
    K::Article,
];

/// Scores per kind, with the cues that fired (indices into the cue table, and the table rows).
pub(crate) fn scores(doc: &Doc) -> Vec<(K, f32, Vec<Signal>)> {
    let text = &doc.norm.text;
    let lower = &doc.lower;
    let all = cues();
    let mut out: Vec<(K, f32, Vec<Signal>)> = KINDS.iter().map(|k| (*k, 0.0, Vec::new())).collect();
    // Which cues match at all: one pass per set instead of one per cue (unknown for the cues
    // of a set that did not build).
    let mut matched: Vec<Option<bool>> = all
        .cues
        .iter()
        .map(|c| {
            let (_, idx) = if c.cased { &all.cased } else { &all.lower };
            (!idx.is_empty()).then_some(false)
        })
        .collect();
    for ((set, idx), text) in [(&all.cased, text.as_str()), (&all.lower, lower.as_str())] {
        for p in set.matches(text).iter() {
            matched[idx[p]] = Some(true);
        }
    }
    for (i, cue) in all.cues.iter().enumerate() {
        let text = if cue.cased {
            text.as_str()
        } else {
            lower.as_str()
        };
        // No cue counts past its cap.
        let enough = (cue.cap / cue.weight).ceil().max(1.0) as usize;
        let n = match matched[i] {
            Some(false) => continue,
            Some(true) if enough == 1 => 1.0,
            _ => cue.re.find_iter(text).take(enough).count() as f32,
        };
        if n == 0.0 {
            continue;
        }
        let add = (n * cue.weight).min(cue.cap);
        if let Some(slot) = out.iter_mut().find(|(k, _, _)| *k == cue.kind) {
            slot.1 += add;
            slot.2.push(Signal::Cue(i));
        }
    }
    let rows = table_rows(doc).count();
    if rows >= 3 {
        if let Some(slot) = out.iter_mut().find(|(k, _, _)| *k == K::Annex) {
            slot.1 += if rows >= 8 { 4.0 } else { 2.0 };
            slot.2.push(Signal::Rows(rows));
        }
    }
    out
}

/// What made a kind score: a cue of the table, or table rows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Signal {
    Cue(usize),
    Rows(usize),
}

impl Signal {
    /// As the diagnostic shows it: the cue's first match, quoted, or the number of rows.
    fn describe(self, doc: &Doc) -> String {
        match self {
            Signal::Cue(i) => {
                let cue = &cues().cues[i];
                let text = if cue.cased {
                    &doc.norm.text
                } else {
                    &doc.lower
                };
                let m = cue.re.find(text).map_or("", |m| m.as_str());
                format!("{:?}", liasse_text::clean_inline(m))
            }
            Signal::Rows(n) => format!("{n} table rows"),
        }
    }
}

fn table_rows<'d>(doc: &'d Doc) -> impl Iterator<Item = usize> + 'd {
    doc.blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match &b.kind {
            BlockKind::TableRow { cells }
                if cells.iter().filter(|c| !c.is_empty()).count() >= 2 =>
            {
                Some(i)
            }
            _ => None,
        })
}

/// The kind of a document and its parts (an annex table carried by a declaration).
pub(crate) fn classify(doc: &mut Doc) -> (K, Vec<rec::Part>) {
    let mut s = scores(doc);
    s.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, best_score) = (s[0].0, s[0].1);
    let second = s[1].1;
    let mut kind = if best_score >= 2.0 { best } else { K::Unknown };
    let mut parts = Vec::new();
    // A declaration followed by its annex table: one document of kind declaration, with a part.
    let annex_score = s.iter().find(|x| x.0 == K::Annex).map_or(0.0, |x| x.1);
    if (kind == K::Declaration || kind == K::Annex) && annex_score >= 4.0 {
        let decl_score = s
            .iter()
            .find(|x| x.0 == K::Declaration)
            .map_or(0.0, |x| x.1);
        if decl_score >= 6.0 {
            kind = K::Declaration;
            if let Some(part) = annex_part(doc) {
                parts.push(part);
            }
        }
    }
    // A declaration's own annex is a part of it, not a rival kind.
    let second = if parts.is_empty() {
        second
    } else {
        s.iter()
            .filter(|x| x.0 != K::Annex && x.0 != best)
            .map(|x| x.1)
            .fold(0.0, f32::max)
    };
    let unsure = kind == K::Unknown || best_score < 4.0 || second >= best_score * 0.75;
    if unsure {
        let summary: Vec<String> = s
            .iter()
            .filter(|x| x.1 > 0.0)
            .map(|(k, v, sig)| {
                let sig: Vec<String> = sig.iter().map(|s| s.describe(doc)).collect();
                format!("{} {v:.1} ({})", name(*k), sig.join(", "))
            })
            .collect();
        let message = if summary.is_empty() {
            "no cue of any known kind; classified as unknown".to_owned()
        } else {
            format!(
                "classified as {} on weak or mixed cues: {}",
                name(kind),
                summary.join("; ")
            )
        };
        doc.diagnostic("kind-uncertain", rec::Severity::Info, message, None);
    }
    (kind, parts)
}

/// The annex carried by a declaration: from its introduction (`L'annexe …`, `Partie 1 : …`,
/// `Annexe`) or its first table row, to its last table row.
fn annex_part(doc: &Doc) -> Option<rec::Part> {
    let rows: Vec<usize> = table_rows(doc).collect();
    let first_row = *rows.first()?;
    let last_row = *rows.last()?;
    // The annex starts after the last signature line that precedes the table, at a block that
    // announces it; else at the first table row.
    let signed = (0..first_row)
        .rev()
        .find(|&i| {
            let t = doc.clean(doc.blocks[i].span.clone()).to_lowercase();
            t.starts_with("fait à") || t.starts_with("fait a ") || t.starts_with("pour l")
        })
        .unwrap_or(0);
    let start = (signed..first_row)
        .find(|&i| {
            let t = doc.clean(doc.blocks[i].content.clone()).to_lowercase();
            t.starts_with("annexe") || t.starts_with("l'annexe") || t.starts_with("partie ")
        })
        .unwrap_or(first_row);
    let title = (start..first_row)
        .find(|&i| {
            matches!(doc.blocks[i].kind, BlockKind::Heading(_))
                || doc.clean(doc.blocks[i].span.clone()).len() < 120
        })
        .map(|i| doc.clean(doc.blocks[i].content.clone()));
    let span = doc.span(doc.blocks[start].span.start..doc.blocks[last_row].span.end);
    Some(rec::Part {
        kind: K::Annex,
        title,
        span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_table_parses() {
        let c = parse_cues(DATA).unwrap();
        assert!(c.len() > 20);
        for k in KINDS {
            assert!(c.iter().any(|x| x.kind == k), "no cue for {}", name(k));
        }
    }

    /// Every cue run on its own over the whole text: what the sets must not change.
    fn scores_cue_by_cue(doc: &Doc) -> Vec<(K, f32)> {
        let mut out: Vec<(K, f32)> = KINDS.iter().map(|k| (*k, 0.0)).collect();
        for cue in &cues().cues {
            let text = if cue.cased {
                &doc.norm.text
            } else {
                &doc.lower
            };
            let enough = (cue.cap / cue.weight).ceil().max(1.0) as usize;
            let n = cue.re.find_iter(text).take(enough).count() as f32;
            if let Some(slot) = out.iter_mut().find(|(k, _)| *k == cue.kind) {
                slot.1 += (n * cue.weight).min(cue.cap);
            }
        }
        out
    }

    #[test]
    fn the_sets_score_as_each_cue_alone() {
        let c = cues();
        assert_eq!(
            c.cased.1.len() + c.lower.1.len(),
            c.cues.len(),
            "a set did not build"
        );
        let mut texts = crate::fixture_texts();
        texts.push(
            "Ordre du jour\nOrdre du jour\n9h00 - 10h30 a\nPAUSE CAFÉ\nIls ont décidé".into(),
        );
        texts.push(String::new());
        for t in &texts {
            let doc = Doc::new(t);
            let by_set: Vec<(K, f32)> = scores(&doc).iter().map(|(k, v, _)| (*k, *v)).collect();
            let mut alone = scores_cue_by_cue(&doc);
            let rows = table_rows(&doc).count();
            if rows >= 3 {
                if let Some(annex) = alone.iter_mut().find(|(k, _)| *k == K::Annex) {
                    annex.1 += if rows >= 8 { 4.0 } else { 2.0 };
                }
            }
            assert_eq!(by_set, alone, "{}", t.chars().take(80).collect::<String>());
        }
    }

    fn kind(text: &str) -> K {
        let mut doc = Doc::new(text);
        classify(&mut doc).0
    }

    #[test]
    fn kinds_of_short_documents() {
        assert_eq!(
            kind("Projet d'ordre du jour\n\n9h00 – 10h30 Ouverture\n\n10h30 - 11h PAUSE CAFE"),
            K::Agenda
        );
        assert_eq!(kind("COMPTE RENDU\n\nObjet : réunion\n\nParticipants :\n- OIM\n\nDécisions prises :\n- rien"), K::Minutes);
        assert_eq!(kind("La conférence aura lieu à Dakar. Elle sera coprésidée par le Sénégal. Inscription avant le 3 mai."), K::Announcement);
        assert_eq!(kind("Les chats dorment beaucoup."), K::Unknown);
    }
}
