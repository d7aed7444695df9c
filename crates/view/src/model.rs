//! The records of one document's JSON, flattened for display: their type, a short value, a
//! longer detail and the spans of source text they come from.

use serde_json::Value;

/// The kinds of record a document's JSON holds, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordType {
    Document,
    Date,
    Event,
    Objective,
    Initiative,
    Partner,
    Agency,
    Person,
    Item,
    Diagnostic,
}

impl RecordType {
    pub const ALL: [RecordType; 10] = [
        RecordType::Document,
        RecordType::Date,
        RecordType::Event,
        RecordType::Objective,
        RecordType::Initiative,
        RecordType::Partner,
        RecordType::Agency,
        RecordType::Person,
        RecordType::Item,
        RecordType::Diagnostic,
    ];

    /// The key of the record list in the JSON (`dates`, `events`…; `document` for the
    /// document's own evidence).
    pub fn key(self) -> &'static str {
        match self {
            RecordType::Document => "document",
            RecordType::Date => "dates",
            RecordType::Event => "events",
            RecordType::Objective => "objectives",
            RecordType::Initiative => "initiatives",
            RecordType::Partner => "partners",
            RecordType::Agency => "agencies",
            RecordType::Person => "people",
            RecordType::Item => "items",
            RecordType::Diagnostic => "diagnostics",
        }
    }

    /// One record's type, in the singular.
    pub fn name(self) -> &'static str {
        match self {
            RecordType::Document => "document",
            RecordType::Date => "date",
            RecordType::Event => "event",
            RecordType::Objective => "objective",
            RecordType::Initiative => "initiative",
            RecordType::Partner => "partner",
            RecordType::Agency => "agency",
            RecordType::Person => "person",
            RecordType::Item => "item",
            RecordType::Diagnostic => "diagnostic",
        }
    }

    /// The letter that marks this type's evidence under a line of plain text.
    pub fn letter(self) -> char {
        match self {
            RecordType::Document => 'D',
            RecordType::Date => 'd',
            RecordType::Event => 'e',
            RecordType::Objective => 'o',
            RecordType::Initiative => 'i',
            RecordType::Partner => 'p',
            RecordType::Agency => 'a',
            RecordType::Person => 'n',
            RecordType::Item => 't',
            RecordType::Diagnostic => '!',
        }
    }

    /// Parse a type given by a user: singular or plural, any case.
    pub fn parse(s: &str) -> Option<RecordType> {
        let s = s.trim().to_lowercase();
        RecordType::ALL
            .into_iter()
            .find(|t| t.key() == s || t.name() == s)
    }
}

/// A range of the source text a record comes from (byte offsets) and the text it quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub page: Option<u64>,
}

/// One record, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub rtype: RecordType,
    /// Unique within the document: `dates-3`, `partners-0`, `document-title`.
    pub anchor: String,
    /// The value an archivist checks: an EDTF date, an objective number, a partner code…
    pub value: String,
    /// A longer description: the label, the text, the role.
    pub detail: String,
    pub spans: Vec<Span>,
}

/// Every record of a document's JSON, in type order then in the order of the JSON.
pub fn records(doc: &Value) -> Vec<Record> {
    let mut out = Vec::new();
    if let Some(evidence) = doc.pointer("/document/evidence").and_then(Value::as_object) {
        for (field, span) in evidence {
            let spans = spans_of(span);
            if spans.is_empty() {
                continue;
            }
            let value = match doc.pointer(&format!("/document/{field}")) {
                Some(Value::Object(o)) => o
                    .get("edtf")
                    .map(text)
                    .unwrap_or_else(|| Value::Object(o.clone()).to_string()),
                Some(v) => text(v),
                None => String::new(),
            };
            out.push(Record {
                rtype: RecordType::Document,
                anchor: format!("document-{}", slug(field)),
                value: field.clone(),
                detail: value,
                spans,
            });
        }
    }
    for rtype in RecordType::ALL.into_iter().skip(1) {
        let Some(list) = doc.get(rtype.key()).and_then(Value::as_array) else {
            continue;
        };
        for (i, r) in list.iter().enumerate() {
            let (value, detail) = describe(rtype, r);
            let mut spans = Vec::new();
            for key in ["evidence", "span", "mentions"] {
                if let Some(v) = r.get(key) {
                    spans.extend(spans_of(v));
                }
            }
            out.push(Record {
                rtype,
                anchor: format!("{}-{i}", rtype.key()),
                value,
                detail,
                spans,
            });
        }
    }
    out
}

/// The spans in a value: a span object, a list of them, or a map of them.
fn spans_of(v: &Value) -> Vec<Span> {
    match v {
        Value::Object(o) => {
            let start = o.get("start").and_then(Value::as_u64);
            let end = o.get("end").and_then(Value::as_u64);
            match (start, end) {
                (Some(start), Some(end)) => vec![Span {
                    start: usize::try_from(start).unwrap_or(usize::MAX),
                    end: usize::try_from(end).unwrap_or(usize::MAX),
                    text: o.get("text").map(text).unwrap_or_default(),
                    page: o.get("page").and_then(Value::as_u64),
                }],
                _ => o.values().flat_map(spans_of).collect(),
            }
        }
        Value::Array(a) => a.iter().flat_map(spans_of).collect(),
        _ => Vec::new(),
    }
}

/// A short value and a longer detail for one record.
fn describe(rtype: RecordType, r: &Value) -> (String, String) {
    let s = |key: &str| r.get(key).map(text).unwrap_or_default();
    let edtf = |key: &str| r.pointer(&format!("/{key}/edtf")).map(text);
    let join = |key: &str| {
        r.get(key)
            .and_then(Value::as_array)
            .map(|a| a.iter().map(text).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    };
    let both = |a: String, b: String| match (a.is_empty(), b.is_empty()) {
        (true, _) => b,
        (_, true) => a,
        _ => format!("{a} · {b}"),
    };
    match rtype {
        RecordType::Date => {
            let mut value = edtf("when")
                .or_else(|| r.get("duration").map(text).filter(|d| !d.is_empty()))
                .unwrap_or_else(|| "unresolved".into());
            for flag in ["relative", "approximate", "deadline"] {
                if r.get(flag).and_then(Value::as_bool) == Some(true) {
                    value.push(' ');
                    value.push_str(flag);
                }
            }
            let times = [s("time_start"), s("time_end")]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("–");
            if !times.is_empty() {
                value = format!("{value} {times}");
            }
            (value, both(s("kind"), s("text")))
        }
        RecordType::Event => {
            let mut value = edtf("when").unwrap_or_else(|| "undated".into());
            let place = s("place");
            if !place.is_empty() {
                value = format!("{value} @ {place}");
            }
            (value, both(s("kind"), s("label")))
        }
        RecordType::Objective => (format!("#{}", s("number")), both(s("section"), s("text"))),
        RecordType::Initiative => (
            format!("{} × #{}", join("partners"), s("objective")),
            s("text"),
        ),
        RecordType::Partner => (s("id"), both(s("name"), join("roles"))),
        RecordType::Agency => {
            let acronym = s("acronym");
            let value = if acronym.is_empty() {
                s("name")
            } else {
                format!("{} ({acronym})", s("name"))
            };
            (value, both(s("kind"), s("country")))
        }
        RecordType::Person => (s("name"), both(s("role"), s("organization"))),
        RecordType::Item => {
            let number = s("number");
            let value = if number.is_empty() {
                s("kind")
            } else {
                format!("{} {number}", s("kind"))
            };
            (value, both(s("label"), s("text")))
        }
        RecordType::Diagnostic => (both(s("code"), s("severity")), s("message")),
        RecordType::Document => (String::new(), String::new()),
    }
}

/// A JSON value as display text: strings bare, null empty, anything else as JSON.
pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A value on one line (whitespace runs made single spaces), cut to `max` characters with an
/// ellipsis.
pub fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Letters, digits, `-` and `_` only: safe in an HTML id and a URL fragment.
pub fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Is this span usable on `text`: in bounds, on character boundaries, not empty?
pub fn span_fits(text: &str, start: usize, end: usize) -> bool {
    start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// A text divided at every span boundary: for each piece, the spans that cover it (indices into
/// `spans`) and the innermost of them (the shortest, then the latest to start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub covering: Vec<usize>,
    pub innermost: Option<usize>,
}

/// Cut `text` at the boundaries of `spans` (`(start, end)` pairs; spans that do not fit the
/// text are ignored). Linear in the text plus `n log n` in the spans.
pub fn pieces(text: &str, spans: &[(usize, usize)]) -> Vec<Piece> {
    let mut bounds: Vec<(usize, bool, usize)> = Vec::with_capacity(spans.len() * 2);
    for (i, &(s, e)) in spans.iter().enumerate() {
        if span_fits(text, s, e) {
            bounds.push((s, true, i));
            bounds.push((e, false, i));
        }
    }
    // Ends before starts at the same offset.
    bounds.sort_by_key(|&(pos, is_start, i)| (pos, is_start, i));
    let mut active: std::collections::BTreeSet<(usize, std::cmp::Reverse<usize>, usize)> =
        std::collections::BTreeSet::new();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut k = 0;
    while pos < text.len() {
        while k < bounds.len() && bounds[k].0 == pos {
            let (_, is_start, i) = bounds[k];
            let (s, e) = spans[i];
            let key = (e - s, std::cmp::Reverse(s), i);
            if is_start {
                active.insert(key);
            } else {
                active.remove(&key);
            }
            k += 1;
        }
        let next = bounds.get(k).map_or(text.len(), |b| b.0.min(text.len()));
        let mut covering: Vec<usize> = active.iter().map(|&(_, _, i)| i).collect();
        let innermost = covering.first().copied();
        covering.sort_unstable();
        out.push(Piece {
            start: pos,
            end: next,
            covering,
            innermost,
        });
        pos = next;
    }
    out
}

/// Line and column (both from 1, the column in characters) of each byte offset of a text.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let from = self.starts[line];
        let col = text
            .get(from..offset.min(text.len()))
            .map_or(1, |s| s.chars().count() + 1);
        (line + 1, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_prefer_the_innermost_span() {
        let text = "le 5 mars à Rabat";
        // An item over everything, a date inside it.
        let spans = [(0, text.len()), (3, 9)];
        let p = pieces(text, &spans);
        let shape: Vec<_> = p
            .iter()
            .map(|p| (&text[p.start..p.end], p.innermost))
            .collect();
        assert_eq!(
            shape,
            [("le ", Some(0)), ("5 mars", Some(1)), (" à Rabat", Some(0))]
        );
        assert_eq!(p[1].covering, [0, 1]);
    }

    #[test]
    fn pieces_ignore_spans_that_do_not_fit() {
        let text = "été";
        let p = pieces(text, &[(1, 2), (0, 99), (2, 2), (0, 2)]);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].start, p[0].end, p[0].innermost), (0, 2, Some(3)));
        assert_eq!((p[1].start, p[1].end, p[1].innermost), (2, 5, None));
        assert!(pieces("", &[(0, 0)]).is_empty());
    }

    #[test]
    fn one_line_flattens_and_cuts() {
        assert_eq!(one_line(" a\n\tb  c ", 10), "a b c");
        assert_eq!(one_line("abcdef", 4), "abc…");
        assert_eq!(one_line("été", 3), "été");
    }

    #[test]
    fn lines_and_columns() {
        let text = "ab\nçé x\n";
        let l = Lines::new(text);
        assert_eq!(l.locate(text, 0), (1, 1));
        assert_eq!(l.locate(text, 3), (2, 1));
        assert_eq!(l.locate(text, 8), (2, 4));
    }

    #[test]
    fn records_of_a_minimal_and_of_an_older_document() {
        let doc: Value = serde_json::json!({
            "document": {"title": "T", "evidence": {"title": {"start": 0, "end": 1, "text": "T"}}},
            "dates": [{"text": "5 mars", "span": {"start": 3, "end": 9, "text": "5 mars"},
                       "when": {"edtf": "2022-03-05"}, "approximate": true}],
            "partners": [{"id": "MA", "name": "Maroc", "roles": ["host"],
                          "mentions": [{"start": 12, "end": 17, "text": "Maroc"}]}],
            "future_records": [{"anything": 1}]
        });
        let r = records(&doc);
        let shown: Vec<_> = r
            .iter()
            .map(|r| (r.anchor.as_str(), r.value.as_str(), r.spans.len()))
            .collect();
        assert_eq!(
            shown,
            [
                ("document-title", "title", 1),
                ("dates-0", "2022-03-05 approximate", 1),
                ("partners-0", "MA", 1)
            ]
        );
        assert_eq!(r[2].detail, "Maroc · host");
        assert!(records(&Value::Null).is_empty());
    }
}
