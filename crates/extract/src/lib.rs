//! Documents → records: classification, document metadata, dates, and one module per document
//! kind.
//!
//! [`process`] runs the whole per-document pipeline: decode (liasse-source), normalise and
//! segment (liasse-text), scan dates (liasse-dates), classify, extract, and build the output
//! contract (liasse-records). It never fails on content: what it is unsure of becomes a
//! diagnostic. It fails only when the bytes are not a document (empty, binary, …).
//!
//! ```
//! let out = liasse_extract::process("note.txt", "Rabat, le 17 Mars 2022\n\nRéunion.".as_bytes(),
//!     &liasse_extract::Options::default()).unwrap();
//! assert_eq!(out.document.date.as_ref().unwrap().edtf, "2022-03-17");
//! assert_eq!(out.document.place.as_deref(), Some("Rabat"));
//! ```

mod agenda;
mod annex;
mod announcement;
mod article;
mod classify;
mod declaration;
mod doc;
mod entities;
mod events;
mod mentions;
mod meta;
mod minutes;

use liasse_records as rec;

pub use doc::Doc;
pub use mentions::{dates_line, to_record_mention};

/// Compile one of this crate's constant patterns. They are all compiled by the tests; should an
/// edit break one, it matches nothing rather than bringing the batch down.
///
/// Each pattern's lazy DFA may grow to 8 MiB (the default is 2): the patterns with Unicode
/// letter classes under `(?i)` (bylines, datelines) outgrow 2 MiB, and the regex engine then
/// gives up on the DFA for a slower one on every search. Measured on the lines of the 10 MB
/// collection: the byline head 135 ms → 6 ms, the dateline 109 ms → 5 ms. The cache only grows
/// as states are met: 0.2 MB more at the peak on the 10 MB collection.
pub(crate) fn pattern(s: &str) -> regex::Regex {
    regex::RegexBuilder::new(s)
        .dfa_size_limit(8 << 20)
        .build()
        .unwrap_or_else(|_| regex::Regex::new("$^").unwrap_or_else(|_| unreachable!()))
}

/// A matcher of a constant list of short words (literals always build).
pub(crate) fn literals<I, P>(kind: aho_corasick::MatchKind, words: I) -> aho_corasick::AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder()
        .match_kind(kind)
        .build(words)
        .unwrap_or_else(|_| unreachable!("a list of short literals always builds"))
}

/// The state of the document's place, from the cities the lexicon knows: "Tunis", "siège du
/// Ministère de l'Intérieur à Rabat", "Tunis, Ministère des Affaires sociales", "l'hôtel King
/// Fahd Palace de Dakar".
fn home_state(place: &str) -> Option<&'static str> {
    let lex = liasse_lexicon::lexicon();
    let after_a = place.rsplit_once(" à ").map(|(_, city)| city);
    let after_de = place.rsplit_once(" de ").map(|(_, city)| city);
    std::iter::once(place)
        .chain(after_a)
        .chain(after_de)
        .chain(place.split(','))
        .find_map(|c| lex.state_of_place(c))
}

/// The state a letterhead names on a line of its own at the top of the document (`RÉPUBLIQUE
/// DU NIGER`, `Burkina Faso`), when the document gives no place.
fn letterhead_state(doc: &doc::Doc) -> Option<&'static str> {
    doc.blocks.iter().take(3).find_map(|b| {
        let line = doc.clean(b.content.clone());
        match liasse_lexicon::lexicon().find(&line).as_slice() {
            [m] if m.start == 0 && m.end == line.len() => match m.target {
                liasse_lexicon::Target::Partner(p) if p != "EU" && p != "AU" => Some(p),
                _ => None,
            },
            _ => None,
        }
    })
}

/// The text of every fixture and seed document that reads as UTF-8, for the tests that
/// compare a fast path with the plain one.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let mut texts = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dirs = vec![root.join("fixtures"), root.join("seeds")];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            if e.path().is_dir() {
                dirs.push(e.path());
            } else if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    texts.sort();
    assert!(texts.len() > 20, "fixtures not found");
    texts
}

/// Options of the per-document pipeline.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub source: liasse_source::Options,
    /// Give up on a document that takes longer than this. Checked between the pipeline's
    /// stages (each stage is linear in the document), never inside a parser: without a limit
    /// no clock is read at all.
    pub time_limit: Option<std::time::Duration>,
}

/// Why an input could not be processed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error(transparent)]
    Source(#[from] liasse_source::SourceError),
    #[error("extraction took longer than {0} s (stopped after {1}); raise --max-seconds or split the document")]
    TooSlow(u64, &'static str),
}

/// The time limit of one document, checked between stages.
struct Budget(Option<(std::time::Instant, std::time::Duration)>);

impl Budget {
    fn new(limit: Option<std::time::Duration>) -> Budget {
        Budget(limit.map(|l| (std::time::Instant::now(), l)))
    }

    fn check(&self, stage: &'static str) -> Result<(), ExtractError> {
        match self.0 {
            Some((start, limit)) if start.elapsed() > limit => {
                Err(ExtractError::TooSlow(limit.as_secs(), stage))
            }
            _ => Ok(()),
        }
    }
}

/// Run the pipeline on the bytes of one document. `path` is recorded as given.
pub fn process(
    path: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<rec::DocumentOutput, ExtractError> {
    process_with_text(path, bytes, options).map(|(out, _)| out)
}

/// [`process`], also returning the decoded text every span indexes (for PDF and HTML, the
/// extracted text; `ingest` writes it beside the JSON when it differs from the file).
pub fn process_with_text(
    path: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<(rec::DocumentOutput, String), ExtractError> {
    process_hashed(path, bytes, liasse_source::sha256_hex(bytes), options)
}

/// [`process_with_text`] for a caller that has already hashed the bytes (`ingest` hashes each
/// input first, to pick its shard and to find unchanged documents): `sha256` must be
/// [`liasse_source::sha256_hex`] of `bytes`, since it becomes the document's id.
pub fn process_hashed(
    path: &str,
    bytes: &[u8],
    sha256: String,
    options: &Options,
) -> Result<(rec::DocumentOutput, String), ExtractError> {
    debug_assert_eq!(sha256, liasse_source::sha256_hex(bytes));
    let budget = Budget::new(options.time_limit);
    let id = liasse_source::document_id(&sha256);
    let mut source_options = options.source.clone();
    if source_options.file_name.is_none() {
        source_options.file_name = Some(path.to_owned());
    }
    let decoded = liasse_source::decode(bytes, &source_options)?;
    budget.check("decoding")?;
    let mut doc = Doc::new(&decoded.text);
    doc.pages.clone_from(&decoded.pages);
    if decoded.format == liasse_source::Format::Pdf && !decoded.lines_joined {
        doc.join_wrapped_lines();
    }
    for note in &decoded.notes {
        doc.diagnostic(
            note.code,
            rec::Severity::Warning,
            note.message.clone(),
            None,
        );
    }

    let (kind, parts) = classify::classify(&mut doc);
    let meta = meta::metadata(&mut doc, kind);
    let anchor = meta.date.as_ref().map(|d| d.anchor);
    budget.check("normalisation")?;
    let mut mentions = match anchor {
        Some(a) => liasse_dates::scan(&doc.norm.text, Some(a)),
        None => {
            let (mentions, years) = liasse_dates::scan_unanchored(&doc.norm.text);
            if let Some(y) = years {
                doc.diagnostic(
                    "years-guessed",
                    rec::Severity::Info,
                    format!(
                        "the document's date is not known: dates written without a year are \
                         read in the year of its first full date, {y}"
                    ),
                    None,
                );
            }
            mentions
        }
    };
    if kind == rec::DocumentKind::Minutes {
        minutes::sitting_times(&doc, &meta, &mut mentions);
    }
    budget.check("dates")?;
    let dates = mentions.iter().map(|m| doc.date_mention(m)).collect();

    // Genre parsers. What decides where entities are looked for and whose they are comes
    // first (an article's page around it, an annex row's partner); then entities; then the rest.
    let mut out = events::Out::default();
    let whole = 0..decoded.text.len();
    let annex = parts
        .iter()
        .find(|p| p.kind == rec::DocumentKind::Annex)
        .map(|p| p.span.start as usize..p.span.end as usize);
    let annex = if kind == rec::DocumentKind::Annex {
        Some(whole.clone())
    } else {
        annex
    };
    let body = match (&annex, kind) {
        (Some(a), rec::DocumentKind::Declaration) => 0..a.start,
        _ => whole.clone(),
    };
    let exclude = if kind == rec::DocumentKind::Article {
        article::boilerplate(&doc, &meta)
    } else {
        Vec::new()
    };
    if kind == rec::DocumentKind::Declaration {
        out.objectives = declaration::objectives(&doc, body.clone());
    } else if annex.is_none() {
        out.objectives = declaration::named_objectives(&doc);
    }
    let contexts = match &annex {
        Some(a) => annex::parse(
            &mut doc,
            &mentions,
            a.clone(),
            &out.objectives.clone(),
            &mut out,
        ),
        None => Vec::new(),
    };
    budget.check("annex")?;
    let home = meta
        .place
        .as_ref()
        .and_then(|p| home_state(&p.0))
        .or_else(|| letterhead_state(&doc));
    // A reference code names no body: "MDCMRE/DCI/2025/118" is not the DCI.
    let mut no_entities = exclude.clone();
    if let Some((_, r)) = &meta.reference {
        no_entities.push(doc.norm.from_source(r.start as usize..r.end as usize));
    }
    let mut ents = entities::find(&mut doc, &no_entities, &contexts, home);
    budget.check("entities")?;
    match kind {
        rec::DocumentKind::Declaration => {
            declaration::parse(&doc, &meta, &mentions, &mut ents, body, &mut out)
        }
        rec::DocumentKind::Agenda => agenda::parse(&doc, &meta, &mentions, &mut ents, &mut out),
        rec::DocumentKind::Minutes => minutes::parse(&doc, &meta, &mentions, &mut ents, &mut out),
        rec::DocumentKind::Announcement => {
            announcement::parse(&doc, &meta, &mentions, &mut ents, &mut out)
        }
        // A text of no known kind is read as prose, as an article is: the meetings and
        // signatures its sentences tell.
        rec::DocumentKind::Article | rec::DocumentKind::Unknown => {
            article::parse(&mut doc, &meta, &mentions, &mut ents, &exclude, &mut out)
        }
        rec::DocumentKind::Annex => {}
    }
    for i in &out.initiatives {
        for p in &i.partners {
            ents.add_role(p, rec::Role::ImplementingPartner);
        }
    }
    if annex.is_none() {
        annex::column_deadlines(&doc, &mentions, &ents, &mut out);
    }
    if kind != rec::DocumentKind::Agenda {
        events::schedule_lists(&doc, &mentions, &ents, annex.as_ref(), &mut out);
    }
    if matches!(
        kind,
        rec::DocumentKind::Minutes
            | rec::DocumentKind::Announcement
            | rec::DocumentKind::Article
            | rec::DocumentKind::Unknown
    ) {
        events::planned_activities(&doc, &mentions, &ents, annex.as_ref(), &mut out);
    }
    events::deadline_events(&doc, &mentions, &ents, &exclude, &mut out);
    out.finish();
    let (partners, agencies, people) = ents.into_records();

    let document = rec::DocumentInfo {
        id,
        path: path.to_owned(),
        sha256,
        bytes: bytes.len() as u64,
        format: match decoded.format {
            liasse_source::Format::Text => rec::Format::Text,
            liasse_source::Format::Html => rec::Format::Html,
            liasse_source::Format::Pdf => rec::Format::Pdf,
        },
        encoding: decoded.encoding.to_owned(),
        kind,
        parts,
        language: doc.language().to_owned(),
        title: meta.title.as_ref().map(|(t, _)| t.clone()),
        reference: meta.reference.as_ref().map(|(t, _)| t.clone()),
        reference_date: meta.reference_date.clone(),
        date: meta.date.as_ref().map(|d| d.when.clone()),
        place: meta.place.as_ref().map(|(t, _)| t.clone()),
        evidence: rec::DocumentEvidence {
            title: meta.title.as_ref().map(|(_, s)| s.clone()),
            reference: meta.reference.as_ref().map(|(_, s)| s.clone()),
            date: meta.date.as_ref().map(|d| d.span.clone()),
            place: meta.place.as_ref().map(|(_, s)| s.clone()),
        },
    };
    let output = rec::DocumentOutput {
        schema_version: rec::SCHEMA_VERSION,
        document,
        dates,
        events: out.events,
        objectives: out.objectives,
        initiatives: out.initiatives,
        partners,
        agencies,
        people,
        items: out.items,
        diagnostics: doc.take_diagnostics(),
    };
    Ok((output, decoded.text))
}
