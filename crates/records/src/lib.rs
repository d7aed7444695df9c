//! The output contract of liasse: every type that is written as JSON, the schema version, and the
//! JSON Schema generated from these types.
//!
//! This is the only crate that derives `Serialize`; the stages build these values and never
//! serialise their own internal types. Field names are a compatibility promise: fields may gain
//! siblings, but none is renamed or dropped without bumping [`SCHEMA_VERSION`].
//!
//! ```
//! use liasse_records::{Span, When, Precision};
//! let when = When::day_range((2012, 10, 18), (2012, 10, 19));
//! assert_eq!(when.edtf, "2012-10-18/2012-10-19");
//! assert_eq!(when.precision, Precision::Day);
//! let span = Span::new(3, 8, None, "hello");
//! assert_eq!(serde_json::to_value(&span).unwrap()["text"], "hello");
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod twofold;

/// Version of the JSON output contract. Bumped only when a field is renamed or removed.
pub const SCHEMA_VERSION: u32 = 1;

/// A slice of the decoded source text: byte offsets `start..end` and the exact text they hold.
///
/// Offsets index the decoded source text (for UTF-8 input without BOM, the file's own bytes).
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// 1-based page number for paginated input (PDF), else null.
    pub page: Option<u32>,
    /// Exactly `source[start..end]`.
    pub text: String,
}

impl Span {
    pub fn new(start: u32, end: u32, page: Option<u32>, text: impl Into<String>) -> Span {
        Span {
            start,
            end,
            page,
            text: text.into(),
        }
    }
}

/// How precise a [`When`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Semester,
    Season,
    Year,
    /// A range of whole years, such as `2021/2027`.
    Years,
}

/// A resolved point or interval in time.
///
/// `edtf` is the Extended Date/Time Format string (Library of Congress); `start` and `end` are
/// always full, inclusive calendar days (`YYYY-MM-DD`) so tools can filter without parsing EDTF.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct When {
    pub edtf: String,
    pub start: String,
    pub end: String,
    pub precision: Precision,
    /// `HH:MM`, when a time of day is known.
    pub time_start: Option<String>,
    /// `HH:MM`, the end of a time range.
    pub time_end: Option<String>,
}

impl When {
    /// A single day.
    pub fn day((y, m, d): (i32, u8, u8)) -> When {
        let s = format!("{y:04}-{m:02}-{d:02}");
        When {
            edtf: s.clone(),
            start: s.clone(),
            end: s,
            precision: Precision::Day,
            time_start: None,
            time_end: None,
        }
    }

    /// An inclusive range of days.
    pub fn day_range(a: (i32, u8, u8), b: (i32, u8, u8)) -> When {
        let s = format!("{:04}-{:02}-{:02}", a.0, a.1, a.2);
        let e = format!("{:04}-{:02}-{:02}", b.0, b.1, b.2);
        When {
            edtf: format!("{s}/{e}"),
            start: s,
            end: e,
            precision: Precision::Day,
            time_start: None,
            time_end: None,
        }
    }
}

/// The genre of a document, decided from its content.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    Agenda,
    Declaration,
    Annex,
    Minutes,
    Announcement,
    Article,
    Unknown,
}

/// The container format the text was read from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Pdf,
}

/// A part of a document of another kind, such as the annex table carried by a declaration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Part {
    pub kind: DocumentKind,
    pub title: Option<String>,
    pub span: Span,
}

/// Where each piece of the document block was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentEvidence {
    pub title: Option<Span>,
    pub reference: Option<Span>,
    pub date: Option<Span>,
    pub place: Option<Span>,
}

/// What the document is: identity, format, genre and its own metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentInfo {
    /// Stable identifier derived from the content hash (first 16 hex digits of the SHA-256).
    pub id: String,
    /// The path as given on the command line (or as found under a given directory).
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub format: Format,
    /// WHATWG name of the encoding the bytes were decoded from (`UTF-8`, `windows-1252`, …).
    pub encoding: String,
    pub kind: DocumentKind,
    pub parts: Vec<Part>,
    /// ISO 639-1 code, or `und` when undetermined.
    pub language: String,
    pub title: Option<String>,
    /// An archive or document reference such as `Ares(2022)6560133`.
    pub reference: Option<String>,
    /// The date of the reference, when the document gives one beside it.
    pub reference_date: Option<When>,
    /// The document's own date (signature, publication, dateline).
    pub date: Option<When>,
    pub place: Option<String>,
    pub evidence: DocumentEvidence,
}

/// What kind of temporal expression a mention is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A calendar date, month, year, part of a year, or a set of them.
    Date,
    /// A range between two dates.
    Range,
    /// A time of day or a time range.
    Time,
    /// A length of time (`pendant 3 mois`): never a date.
    Duration,
    /// A repetition (`deux fois par an`): never a date.
    Frequency,
}

/// A temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    pub text: String,
    pub span: Span,
    pub kind: MentionKind,
    /// The resolved value; null for durations, frequencies, and relative expressions that had
    /// no anchor to resolve against.
    pub when: Option<When>,
    /// Resolved against an anchor (the document's date or an earlier date), not written in full.
    pub relative: bool,
    /// `début`, `fin`, `mi-`, `courant`: the value is the enclosing period.
    pub approximate: bool,
    /// `avant le`, `au plus tard`, `d'ici`: a limit rather than an occurrence.
    pub deadline: bool,
    /// ISO 8601 duration for durations (`P3M`), else null.
    pub duration: Option<String>,
    /// `HH:MM` for time mentions, also when no date could be attached.
    pub time_start: Option<String>,
    pub time_end: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meeting,
    Session,
    Break,
    Mission,
    Signature,
    Deadline,
    Publication,
    Registration,
    Other,
}

/// Something that happened or will happen at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub label: String,
    pub when: Option<When>,
    pub place: Option<String>,
    /// Partner ids.
    pub partners: Vec<String>,
    pub evidence: Span,
}

/// A numbered point of a declaration (an orientation, an objective).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Objective {
    pub id: String,
    /// The number as written (`12`, `3.2`, `b`).
    pub number: String,
    pub section: Option<String>,
    pub text: String,
    pub evidence: Span,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum InitiativeStatus {
    Proposed,
    Ongoing,
    Completed,
}

/// A row of an annex table: what a partner proposes under an objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Initiative {
    pub id: String,
    /// The number of the objective it serves.
    pub objective: Option<String>,
    /// The objective as the annex words it (it may drift from the declaration's wording).
    pub objective_text: Option<String>,
    pub section: Option<String>,
    pub partners: Vec<String>,
    pub text: String,
    pub implementing_bodies: Vec<String>,
    pub status: Option<InitiativeStatus>,
    pub as_of: Option<When>,
    /// When the table says it is due (an `Échéance`, `Délai` or `Calendrier` column).
    #[serde(default)]
    pub deadline: Option<When>,
    /// The row's own reference in the table (`A.1`, `3`, `1.2`), from a `N°` or `Réf.` column
    /// that does not number objectives.
    #[serde(default)]
    pub reference: Option<String>,
    pub evidence: Span,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// A point of an agenda (with `parent` for sub-items, `partners` for its leads).
    AgendaItem,
    /// A consideration of a declaration's preamble; `label` is its leading verb.
    Consideration,
    /// A goal the document sets (a declaration's objectives clause, an announcement's aims).
    Goal,
    /// What a speaker said, in minutes; `people` holds the speaker.
    Statement,
    /// A presentation given at a meeting.
    Presentation,
    /// A point raised in the debate.
    DebatePoint,
    /// A decision or conclusion taken.
    Decision,
    /// A participant as the document lists it; `label` is the group it is listed under.
    Participant,
    /// A working group announced or formed.
    WorkingGroup,
    /// An undertaking of the parties (`seront associées à la mise en œuvre`, `entendent se
    /// réunir au moins deux fois par an`), with the agencies and partners it names.
    Commitment,
}

/// A structural element of a document that is not a dated event: agenda points, preamble
/// considerations, goals, statements, decisions, participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    /// The number or letter as written, when the item is numbered.
    pub number: Option<String>,
    /// A short qualifier: a consideration's leading verb, a participant's group, a speaker.
    pub label: Option<String>,
    pub text: String,
    /// The id of the item it belongs to.
    pub parent: Option<String>,
    /// Partner ids (an agenda item's leads, a participant's state).
    pub partners: Vec<String>,
    /// Agency ids it names.
    pub agencies: Vec<String>,
    /// Person ids (a statement's speaker).
    pub people: Vec<String>,
    pub evidence: Span,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Signatory,
    Party,
    Lead,
    /// Chairs alone (`présidée par`); `co-chair` when chairs are several.
    Chair,
    CoChair,
    Participant,
    Member,
    ImplementingPartner,
    Host,
    Organiser,
    Mentioned,
}

/// A state or union taking part in what the document records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Partner {
    /// ISO 3166-1 alpha-2, `EU` for the European Union, `AU` for the African Union.
    pub id: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub mentions: Vec<Span>,
}

/// An institution, agency, ministry or programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Agency {
    pub id: String,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: Option<String>,
    /// The authority-file id, or null when the body is not in the authority file.
    pub authority: Option<String>,
    /// Partner id of the state the body belongs to, when known.
    pub country: Option<String>,
    pub mentions: Vec<Span>,
}

/// A named person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub honorific: Option<String>,
    pub role: Option<String>,
    /// Agency id, when the role names one.
    pub organization: Option<String>,
    pub mentions: Vec<Span>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something a reader of the output should know: an uncertainty, a repair, an inconsistency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `kind-uncertain`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
}

/// The JSON written for one document (`DIR/<stem>.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentOutput {
    pub schema_version: u32,
    pub document: DocumentInfo,
    pub dates: Vec<DateMention>,
    pub events: Vec<Event>,
    pub objectives: Vec<Objective>,
    pub initiatives: Vec<Initiative>,
    pub partners: Vec<Partner>,
    pub agencies: Vec<Agency>,
    pub people: Vec<Person>,
    /// Agenda points, considerations, goals, statements, decisions, participants.
    pub items: Vec<Item>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What `liasse dates` prints for one line of input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DatesLine {
    pub text: String,
    pub mentions: Vec<DateMention>,
}

/// How many records of each type a document produced.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RecordCounts {
    pub dates: usize,
    pub events: usize,
    pub objectives: usize,
    pub initiatives: usize,
    pub partners: usize,
    pub agencies: usize,
    pub people: usize,
    pub items: usize,
    pub diagnostics: usize,
}

/// Apply `$m!(field, "type")` to each list of records of a [`DocumentOutput`], in the order of
/// its fields and of its JSON lines (the golden `output/records.jsonl` pins that order).
macro_rules! record_lists {
    ($m:ident) => {
        $m!(dates, "date");
        $m!(events, "event");
        $m!(objectives, "objective");
        $m!(initiatives, "initiative");
        $m!(partners, "partner");
        $m!(agencies, "agency");
        $m!(people, "person");
        $m!(items, "item");
        $m!(diagnostics, "diagnostic");
    };
}

impl DocumentOutput {
    pub fn counts(&self) -> RecordCounts {
        RecordCounts {
            dates: self.dates.len(),
            events: self.events.len(),
            objectives: self.objectives.len(),
            initiatives: self.initiatives.len(),
            partners: self.partners.len(),
            agencies: self.agencies.len(),
            people: self.people.len(),
            items: self.items.len(),
            diagnostics: self.diagnostics.len(),
        }
    }

    /// Serialise as pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        utf8(self.to_json_and_jsonl(true, false).0)
    }

    /// One JSON line per record, each with a `type` tag and the document id, in a fixed order:
    /// the document, then dates, events, objectives, initiatives, partners, agencies, people,
    /// items, diagnostics.
    pub fn to_jsonl(&self) -> String {
        utf8(self.to_json_and_jsonl(false, true).1)
    }

    /// [`DocumentOutput::to_json`] and [`DocumentOutput::to_jsonl`] together (each empty unless
    /// asked for), serialising each record once, as the UTF-8 bytes to write (no second pass
    /// to check what serde_json and ASCII make).
    ///
    /// Each record is serialised in one pass both compactly and laid out as `serde_json`'s
    /// pretty printer lays it out at its depth in the document ([`twofold`]); its JSON line is
    /// the compact object with the `type` tag and the document id put first (what
    /// `#[serde(flatten)]` into a tagged line writes). A test compares both with `serde_json`
    /// on every committed document.
    pub fn to_json_and_jsonl(&self, json: bool, jsonl: bool) -> (Vec<u8>, Vec<u8>) {
        if !json && !jsonl {
            return (Vec::new(), Vec::new());
        }
        let id = serde_json::to_string(&self.document.id).unwrap_or_default();
        // The JSON lines, or a scratch buffer for each compact record when no line is asked for.
        // Room for what a document usually gives, so that the buffers seldom grow and copy
        // themselves again: over the 1,726 documents of a 10 MB collection, its JSON lines take
        // 5 times its bytes and its laid-out JSON 6 times (about 710 and 890 bytes a record).
        // Capped by its records (2 and 2.5 KB each), as a PDF's bytes say little about its text.
        let mut records = 1;
        macro_rules! count {
            ($field:ident, $kind:literal) => {
                records += self.$field.len();
            };
        }
        record_lists!(count);
        let source = usize::try_from(self.document.bytes).unwrap_or(usize::MAX);
        let room = |asked: bool, per_byte: usize, per_record: usize| {
            let room = source
                .saturating_mul(per_byte)
                .min(records.saturating_mul(per_record));
            if asked {
                room
            } else {
                0
            }
        };
        let mut lines: Vec<u8> = Vec::with_capacity(room(jsonl, 6, 2048));
        let mut pretty: Vec<u8> = Vec::with_capacity(room(json, 8, 2560));
        let mut record =
            |kind: &str, r: &dyn erased::Record, depth: usize, pretty: &mut Vec<u8>| {
                if !jsonl {
                    lines.clear();
                }
                push_record(
                    &mut lines,
                    jsonl.then_some((kind, id.as_str())),
                    r,
                    json.then_some((pretty, depth)),
                );
            };
        if json {
            pretty.extend_from_slice(b"{\n  \"schema_version\": ");
            pretty.extend_from_slice(self.schema_version.to_string().as_bytes());
            pretty.extend_from_slice(b",\n  \"document\": ");
        }
        record("document", &self.document, 1, &mut pretty);
        macro_rules! list {
            ($field:ident, $kind:literal) => {
                if json {
                    pretty.extend_from_slice(
                        concat!(",\n  \"", stringify!($field), "\": [").as_bytes(),
                    );
                }
                for (i, r) in self.$field.iter().enumerate() {
                    if json {
                        if i > 0 {
                            pretty.push(b',');
                        }
                        twofold::newline(&mut pretty, 2);
                    }
                    record($kind, r, 2, &mut pretty);
                }
                if json {
                    if !self.$field.is_empty() {
                        twofold::newline(&mut pretty, 1);
                    }
                    pretty.push(b']');
                }
            };
        }
        record_lists!(list);
        if json {
            pretty.extend_from_slice(b"\n}\n");
        }
        if !jsonl {
            lines = Vec::new();
        }
        (pretty, lines)
    }
}

/// Bytes made of serde_json's output and ASCII, so valid UTF-8, as a string.
fn utf8(v: Vec<u8>) -> String {
    String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Write `r` compactly onto `lines`: as its JSON line when given its type and the document id
/// (JSON-encoded), else as the bare object; and pretty at a depth when asked.
fn push_record(
    lines: &mut Vec<u8>,
    line: Option<(&str, &str)>,
    r: &dyn erased::Record,
    pretty: Option<(&mut Vec<u8>, usize)>,
) {
    let Some((kind, id)) = line else {
        r.write(lines, pretty);
        return;
    };
    lines.extend_from_slice(b"{\"type\":\"");
    lines.extend_from_slice(kind.as_bytes());
    lines.extend_from_slice(b"\",\"document\":");
    lines.extend_from_slice(id.as_bytes());
    // The record, an object, is written in place; its fields then follow the tag and the id:
    // its opening brace becomes their comma (or goes, if it has no field).
    let at = lines.len();
    r.write(lines, pretty);
    if lines.len() == at + 2 {
        lines.truncate(at);
        lines.push(b'}');
    } else {
        lines[at] = b',';
    }
    lines.push(b'\n');
}

mod erased {
    /// A record serialised compactly, and also pretty at a depth when asked.
    pub trait Record {
        fn write(&self, compact: &mut Vec<u8>, pretty: Option<(&mut Vec<u8>, usize)>);
    }

    impl<T: serde::Serialize> Record for T {
        fn write(&self, compact: &mut Vec<u8>, pretty: Option<(&mut Vec<u8>, usize)>) {
            // Serialising these plain structs cannot fail (no maps with non-string keys); were
            // one to, it would be written as an empty object, keeping the JSON whole.
            let at = compact.len();
            let ok = match pretty {
                Some((pretty, depth)) => {
                    let from = pretty.len();
                    let ok = crate::twofold::write(self, compact, pretty, depth).is_ok();
                    if !ok {
                        pretty.truncate(from);
                        pretty.extend_from_slice(b"{}");
                    }
                    ok
                }
                None => serde_json::to_writer(&mut *compact, self).is_ok(),
            };
            if !ok {
                compact.truncate(at);
                compact.extend_from_slice(b"{}");
            }
        }
    }
}

/// A record's JSON line as first written: the record flattened into a tagged line. The
/// reference [`DocumentOutput::to_jsonl`] is tested against.
#[cfg(test)]
#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'a str,
    document: &'a str,
    #[serde(flatten)]
    record: &'a T,
}

#[cfg(test)]
fn line<T: Serialize>(out: &mut String, kind: &str, document: &str, record: &T) {
    let l = Line {
        kind,
        document,
        record,
    };
    // Serialising these plain structs to a String cannot fail (no maps with non-string keys).
    if let Ok(s) = serde_json::to_string(&l) {
        out.push_str(&s);
        out.push('\n');
    }
}

/// The JSON Lines record of an input that failed, written by `ingest --stdin` among the records
/// (`{"type": "error", "document": id or null, "path": …, "error": …}`) so a consumer that sees
/// only the stream knows what was lost.
pub fn error_line(document: Option<&str>, path: &str, error: &str) -> String {
    #[derive(Serialize)]
    struct ErrorLine<'a> {
        #[serde(rename = "type")]
        kind: &'a str,
        document: Option<&'a str>,
        path: &'a str,
        error: &'a str,
    }
    let mut s = serde_json::to_string(&ErrorLine {
        kind: "error",
        document,
        path,
        error,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

fn pretty<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// One input of a batch, as listed in `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ManifestEntry {
    pub path: String,
    /// Document id; null when the file could not be read.
    pub id: Option<String>,
    pub sha256: Option<String>,
    pub bytes: Option<u64>,
    pub format: Option<Format>,
    pub encoding: Option<String>,
    pub kind: Option<DocumentKind>,
    /// The JSON file written for this input, relative to the output directory.
    pub output: Option<String>,
    /// The text the spans index, when it is not the file itself (PDF, HTML, other encodings).
    pub text_output: Option<String>,
    pub records: Option<RecordCounts>,
    /// Why the input failed, or null.
    pub error: Option<String>,
}

/// Write `value` as pretty JSON nested in a list: every line, the first included, starts with
/// `indent`. Streams: a large value is never held as one string.
fn write_nested<W: std::io::Write + ?Sized, T: Serialize>(
    w: &mut W,
    value: &T,
    indent: &[u8],
) -> std::io::Result<()> {
    /// Inserts the indent at the start of each line; JSON strings hold no raw line break, so
    /// every `\n` byte ends a line of the layout.
    struct Indent<'a, W: ?Sized> {
        inner: &'a mut W,
        indent: &'a [u8],
    }
    impl<W: std::io::Write + ?Sized> std::io::Write for Indent<'_, W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let mut rest = buf;
            while let Some(i) = rest.iter().position(|&b| b == b'\n') {
                self.inner.write_all(&rest[..=i])?;
                self.inner.write_all(self.indent)?;
                rest = &rest[i + 1..];
            }
            self.inner.write_all(rest)?;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    w.write_all(indent)?;
    serde_json::to_writer_pretty(Indent { inner: w, indent }, value).map_err(std::io::Error::other)
}

/// `DIR/manifest.json`: what a run read and produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Manifest {
    pub tool: String,
    pub tool_version: String,
    pub schema_version: u32,
    pub inputs: Vec<ManifestEntry>,
}

impl Manifest {
    pub fn to_json(&self) -> String {
        pretty(self)
    }

    /// Write `manifest.json` one entry at a time (the same bytes as `to_json`), so a batch's
    /// entries need not be held in memory.
    pub fn write_json<W: std::io::Write + ?Sized>(
        w: &mut W,
        tool: &str,
        tool_version: &str,
        inputs: &mut dyn Iterator<Item = std::io::Result<ManifestEntry>>,
    ) -> std::io::Result<()> {
        let quote = |s: &str| serde_json::to_string(s).map_err(std::io::Error::other);
        write!(
            w,
            "{{\n  \"tool\": {},\n  \"tool_version\": {},\n  \"schema_version\": {SCHEMA_VERSION},\n  \"inputs\": [",
            quote(tool)?,
            quote(tool_version)?
        )?;
        let mut first = true;
        for entry in inputs {
            let entry = entry?;
            w.write_all(if first { b"\n" } else { b",\n" })?;
            first = false;
            write_nested(w, &entry, b"    ")?;
        }
        w.write_all(if first { b"]" } else { b"\n  ]" })?;
        w.write_all(b"\n}\n")
    }
}

/// Check every span of a document's output against the decoded source text it indexes: in
/// bounds, on character boundaries, `start <= end`, and `text` exactly the slice. Returns one
/// message per broken span (empty when all hold). Used by the tests of every fixture.
pub fn check_spans(source: &str, output: &DocumentOutput) -> Vec<String> {
    let mut problems = Vec::new();
    let value = serde_json::to_value(output).unwrap_or_default();
    walk(&value, "$", source, &mut problems);
    problems
}

fn walk(v: &serde_json::Value, path: &str, source: &str, problems: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            let is_span = map.contains_key("start")
                && map.contains_key("end")
                && map.contains_key("text")
                && map.contains_key("page");
            if is_span {
                let start = map["start"].as_u64().unwrap_or(u64::MAX) as usize;
                let end = map["end"].as_u64().unwrap_or(u64::MAX) as usize;
                let text = map["text"].as_str().unwrap_or("");
                match source.get(start..end) {
                    None => problems.push(format!(
                        "{path}: {start}..{end} is not a slice of the source ({} bytes)",
                        source.len()
                    )),
                    Some(slice) if slice != text => problems.push(format!(
                        "{path}: source[{start}..{end}] is {slice:?}, the span says {text:?}"
                    )),
                    Some(_) => {}
                }
            }
            for (k, child) in map {
                walk(child, &format!("{path}.{k}"), source, problems);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, &format!("{path}[{i}]"), source, problems);
            }
        }
        _ => {}
    }
}

/// A mention of an entity in one document of a batch.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct EntityMention {
    /// Document id.
    pub document: String,
    pub span: Span,
}

/// One partner, agency or person across a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EntityEntry {
    pub id: String,
    pub name: String,
    /// `partner`, `agency` or `person`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The authority-file id (agencies), or null.
    pub authority: Option<String>,
    /// Ids of the documents it appears in.
    pub documents: Vec<String>,
    pub mentions: Vec<EntityMention>,
}

impl EntityEntry {
    /// Put its documents and mentions in order, documents once each.
    pub fn finish(&mut self) {
        self.documents.sort();
        self.documents.dedup();
        self.mentions.sort();
    }
}

/// One entity of `entities.json` for [`EntityIndex::write_json`]: everything but its mentions,
/// which are produced while it is written, and, when `documents` is given, its documents too.
pub struct EntityStream<'a> {
    /// The entity, its `mentions` left empty (and its `documents` too when they are streamed).
    pub head: EntityEntry,
    /// The ids of its documents, in order and once each, produced while it is written; `None`
    /// writes `head.documents`.
    pub documents: Option<Box<dyn Iterator<Item = std::io::Result<String>> + 'a>>,
    pub mentions: Mentions<'a>,
}

/// The mentions of an [`EntityStream`], in order.
pub enum Mentions<'a> {
    Items(Box<dyn Iterator<Item = std::io::Result<EntityMention>> + 'a>),
    /// Runs of consecutive mentions already laid out by [`EntityMention::layout`]; an empty
    /// run is skipped.
    Laid(Box<dyn Iterator<Item = std::io::Result<Vec<u8>>> + 'a>),
}

impl EntityMention {
    /// Mentions laid out as they sit in an entity of `entities.json` (eight spaces in, one
    /// after the other, separated by `,` and a line break), for [`Mentions::Laid`]: whoever
    /// extracts a document can lay out its mentions, and the index is then written by copying.
    pub fn layout(mentions: &[EntityMention]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        for (i, m) in mentions.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(b",\n");
            }
            write_nested(&mut out, m, b"        ")?;
        }
        Ok(out)
    }
}

impl From<EntityEntry> for EntityStream<'static> {
    fn from(mut e: EntityEntry) -> Self {
        let mentions = std::mem::take(&mut e.mentions);
        EntityStream {
            head: e,
            documents: None,
            mentions: Mentions::Items(Box::new(mentions.into_iter().map(Ok))),
        }
    }
}

impl EntityStream<'_> {
    /// Pretty JSON nested in the list (four spaces), as `to_json` lays it out.
    fn write<W: std::io::Write + ?Sized>(mut self, w: &mut W) -> std::io::Result<()> {
        let streamed = self.documents.is_some();
        if streamed {
            self.head.documents.clear();
        }
        let mut head = Vec::new();
        write_nested(&mut head, &self.head, b"    ")?;
        // The head ends with its (empty) documents and mentions; they are written in place.
        let tail: &[u8] = if streamed {
            b"[],\n      \"mentions\": []\n    }"
        } else {
            b"[]\n    }"
        };
        let Some(open) = head
            .len()
            .checked_sub(tail.len())
            .filter(|&i| head[i..] == *tail)
        else {
            return Err(std::io::Error::other("unexpected layout of an entity"));
        };
        w.write_all(&head[..open])?;
        if let Some(documents) = self.documents {
            let mut first = true;
            for d in documents {
                w.write_all(if first {
                    b"[\n        "
                } else {
                    b",\n        "
                })?;
                first = false;
                serde_json::to_writer(&mut *w, &d?).map_err(std::io::Error::other)?;
            }
            w.write_all(if first { b"[]" } else { b"\n      ]" })?;
            w.write_all(b",\n      \"mentions\": ")?;
        }
        let mut first = true;
        match self.mentions {
            Mentions::Items(items) => {
                for m in items {
                    let m = m?;
                    w.write_all(if first { b"[\n" } else { b",\n" })?;
                    first = false;
                    write_nested(w, &m, b"        ")?;
                }
            }
            Mentions::Laid(runs) => {
                for run in runs {
                    let run = run?;
                    if run.is_empty() {
                        continue;
                    }
                    w.write_all(if first { b"[\n" } else { b",\n" })?;
                    first = false;
                    w.write_all(&run)?;
                }
            }
        }
        w.write_all(if first {
            b"[]\n    }"
        } else {
            b"\n      ]\n    }"
        })
    }
}

/// `DIR/entities.json`: every partner, agency and person of a batch with all their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EntityIndex {
    pub schema_version: u32,
    pub partners: Vec<EntityEntry>,
    pub agencies: Vec<EntityEntry>,
    pub people: Vec<EntityEntry>,
}

impl EntityIndex {
    /// Add one document's entities.
    pub fn add(&mut self, doc: &DocumentOutput) {
        self.schema_version = SCHEMA_VERSION;
        let id = &doc.document.id;
        for p in &doc.partners {
            merge(
                &mut self.partners,
                &p.id,
                &p.name,
                "partner",
                None,
                id,
                &p.mentions,
            );
        }
        for a in &doc.agencies {
            merge(
                &mut self.agencies,
                &a.id,
                &a.name,
                "agency",
                a.authority.clone(),
                id,
                &a.mentions,
            );
        }
        for p in &doc.people {
            merge(
                &mut self.people,
                &p.id,
                &p.name,
                "person",
                None,
                id,
                &p.mentions,
            );
        }
    }

    /// Sort everything, so the file does not depend on the order documents were added in.
    pub fn finish(&mut self) {
        for list in [&mut self.partners, &mut self.agencies, &mut self.people] {
            list.sort_by(|a, b| a.id.cmp(&b.id));
            for e in list.iter_mut() {
                e.finish();
            }
        }
    }

    /// Write `entities.json` from its three lists, one entity at a time and each entity's
    /// mentions as they come, so neither a batch's index nor its most frequent entity need be
    /// held in memory: the same bytes as `to_json` of the finished index. Each list must come
    /// sorted by id, each entity's documents sorted and unique, its mentions sorted.
    pub fn write_json<'a, W: std::io::Write + ?Sized>(
        w: &mut W,
        lists: [&mut dyn Iterator<Item = std::io::Result<EntityStream<'a>>>; 3],
    ) -> std::io::Result<()> {
        write!(w, "{{\n  \"schema_version\": {SCHEMA_VERSION}")?;
        for (name, list) in ["partners", "agencies", "people"].into_iter().zip(lists) {
            write!(w, ",\n  \"{name}\": [")?;
            let mut first = true;
            for entity in list {
                let entity = entity?;
                w.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                entity.write(w)?;
            }
            w.write_all(if first { b"]" } else { b"\n  ]" })?;
        }
        w.write_all(b"\n}\n")
    }

    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

fn merge(
    list: &mut Vec<EntityEntry>,
    id: &str,
    name: &str,
    kind: &str,
    authority: Option<String>,
    doc: &str,
    spans: &[Span],
) {
    let entry = match list.iter_mut().position(|e| e.id == id) {
        Some(i) => &mut list[i],
        None => {
            list.push(EntityEntry {
                id: id.to_owned(),
                name: name.to_owned(),
                kind: kind.to_owned(),
                authority,
                documents: Vec::new(),
                mentions: Vec::new(),
            });
            let last = list.len() - 1;
            &mut list[last]
        }
    };
    entry.documents.push(doc.to_owned());
    entry.mentions.extend(spans.iter().map(|s| EntityMention {
        document: doc.to_owned(),
        span: s.clone(),
    }));
}

/// The JSON Schema (draft 2020-12) of one document's output, [`DocumentOutput`].
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(DocumentOutput);
    serde_json::to_value(schema).unwrap_or_default()
}

/// The JSON Schema of `entities.json`.
pub fn entities_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(EntityIndex);
    serde_json::to_value(schema).unwrap_or_default()
}

/// The JSON Schema of `manifest.json`.
pub fn manifest_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Manifest);
    serde_json::to_value(schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `to_jsonl` as first written: each record flattened into a tagged line by serde.
    fn jsonl_by_flatten(d: &DocumentOutput) -> String {
        let id = d.document.id.as_str();
        let mut out = String::new();
        line(&mut out, "document", id, &d.document);
        macro_rules! lines {
            ($field:ident, $kind:literal) => {
                for r in &d.$field {
                    line(&mut out, $kind, id, r);
                }
            };
        }
        record_lists!(lines);
        out
    }

    /// On every committed document: the pretty JSON is serde's, the lines are the flattened
    /// lines, and asking for both at once gives both.
    #[test]
    fn one_serialisation_gives_serdes_bytes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../output");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).expect("output/").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".json") || name == "manifest.json" || name == "entities.json" {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("read");
            let d: DocumentOutput = serde_json::from_str(&text).expect("document");
            assert_eq!(d.to_json(), pretty(&d), "{name}");
            assert_eq!(d.to_jsonl(), jsonl_by_flatten(&d), "{name}");
            assert_eq!(
                d.to_json_and_jsonl(true, true),
                (pretty(&d).into_bytes(), jsonl_by_flatten(&d).into_bytes())
            );
            assert_eq!(d.to_json_and_jsonl(false, false), (Vec::new(), Vec::new()));
            seen += 1;
        }
        assert!(seen >= 5);
    }

    /// Arbitrary JSON values, with the characters JSON writers must take care of.
    pub(crate) fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            "([a-z{}\\[\\],:\"\\\\ é\n\t]|\\PC){0,12}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map("([a-z{}:,\"\\\\]|\\PC){0,6}", inner, 0..5)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn when_day_and_range_are_inclusive_calendar_days() {
        let w = When::day((2013, 6, 7));
        assert_eq!(
            (w.edtf.as_str(), w.start.as_str(), w.end.as_str()),
            ("2013-06-07", "2013-06-07", "2013-06-07")
        );
        let r = When::day_range((2022, 7, 5), (2022, 7, 6));
        assert_eq!(r.edtf, "2022-07-05/2022-07-06");
    }

    #[test]
    fn schema_names_every_contract_field() {
        let s = schema().to_string();
        for field in [
            "schema_version",
            "document",
            "dates",
            "events",
            "objectives",
            "initiatives",
            "partners",
            "agencies",
            "people",
            "diagnostics",
            "edtf",
            "precision",
            "time_start",
            "implementing_bodies",
            "as_of",
            "honorific",
            "organization",
            "evidence",
            "page",
        ] {
            assert!(s.contains(&format!("\"{field}\"")), "schema lacks {field}");
        }
    }

    /// A record's JSON line: its fields after the tag and the id; a record without fields, or
    /// one that fails to serialise (a map with non-string keys), gives a line of the tag and
    /// the id alone, and an empty object in the pretty document: both stay whole JSON.
    #[test]
    fn a_record_line_is_whole_whatever_the_record() {
        #[derive(Serialize)]
        struct Empty {}
        let failing: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let cases: [(&dyn erased::Record, &str, &str); 3] = [
            (
                &serde_json::json!({"a": "\"", "b": [1]}),
                "{\"type\":\"t\",\"document\":\"d\",\"a\":\"\\\"\",\"b\":[1]}\n",
                "{\n    \"a\": \"\\\"\",\n    \"b\": [\n      1\n    ]\n  }",
            ),
            (&Empty {}, "{\"type\":\"t\",\"document\":\"d\"}\n", "{}"),
            (&failing, "{\"type\":\"t\",\"document\":\"d\"}\n", "{}"),
        ];
        for (r, line, laid_out) in cases {
            let (mut lines, mut pretty) = (b"x\n".to_vec(), b"[".to_vec());
            push_record(&mut lines, Some(("t", "\"d\"")), r, Some((&mut pretty, 1)));
            assert_eq!(String::from_utf8(lines).unwrap(), format!("x\n{line}"));
            assert_eq!(String::from_utf8(pretty).unwrap(), format!("[{laid_out}"));
            let v: serde_json::Value = line.trim_end().parse().unwrap();
            assert_eq!(
                (v["type"].as_str(), v["document"].as_str()),
                (Some("t"), Some("d"))
            );
        }
    }

    #[test]
    fn jsonl_lines_carry_type_and_document() {
        let out = DocumentOutput {
            schema_version: SCHEMA_VERSION,
            document: DocumentInfo {
                id: "abc".into(),
                path: "x.txt".into(),
                sha256: "00".into(),
                bytes: 1,
                format: Format::Text,
                encoding: "UTF-8".into(),
                kind: DocumentKind::Unknown,
                parts: vec![],
                language: "fr".into(),
                title: None,
                reference: None,
                reference_date: None,
                date: None,
                place: None,
                evidence: DocumentEvidence::default(),
            },
            dates: vec![],
            events: vec![],
            objectives: vec![],
            initiatives: vec![],
            partners: vec![],
            agencies: vec![],
            people: vec![],
            items: vec![],
            diagnostics: vec![Diagnostic {
                code: "c".into(),
                severity: Severity::Info,
                message: "m".into(),
                span: None,
            }],
        };
        let jsonl = out.to_jsonl();
        let lines: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["type"], "document");
        assert_eq!(lines[1]["type"], "diagnostic");
        assert_eq!(lines[1]["document"], "abc");
        assert_eq!(lines[1]["code"], "c");
    }
}
