//! Date mentions from liasse-dates → the output contract.

use std::ops::Range;

use liasse_dates::{Date, Kind, Mention, Precision, Value};
use liasse_records as rec;

use crate::doc::Doc;

/// A value as the contract's `When`.
pub fn when_of(v: &Value) -> rec::When {
    rec::When {
        edtf: v.edtf.clone(),
        start: v.start.to_string(),
        end: v.end.to_string(),
        precision: match v.precision {
            Precision::Day => rec::Precision::Day,
            Precision::Month => rec::Precision::Month,
            Precision::Quarter => rec::Precision::Quarter,
            Precision::Semester => rec::Precision::Semester,
            Precision::Season => rec::Precision::Season,
            Precision::Year => rec::Precision::Year,
            Precision::Years => rec::Precision::Years,
        },
        time_start: v.time_start.map(|t| t.to_string()),
        time_end: v.time_end.map(|t| t.to_string()),
    }
}

/// The value of a date mention as an event's `When`, with the time of day the sentence
/// `within` gives that day: a time mention right before the date or the first one after it,
/// if it carries the same day (`le 5 mars 2013 à 10h`, `à 10h le 5 mars`). `mentions` is in
/// text order and holds `m`.
pub fn event_when(mentions: &[Mention], m: &Mention, within: &Range<usize>) -> Option<rec::When> {
    let v = m.value.as_ref()?;
    let mut when = when_of(v);
    if v.precision != Precision::Day || v.start != v.end {
        return Some(when);
    }
    let at = mentions.partition_point(|x| x.start < m.start);
    let before = at
        .checked_sub(1)
        .map(|k| &mentions[k])
        .filter(|x| x.kind == Kind::Time && x.start >= within.start);
    let after = mentions[at..]
        .iter()
        .skip_while(|x| x.start < m.end)
        .take_while(|x| x.start < within.end)
        .find(|x| x.kind == Kind::Time);
    let time = before
        .into_iter()
        .chain(after)
        .find(|t| t.value.as_ref().is_some_and(|tv| tv.start == v.start));
    if let Some((a, b)) = time.and_then(|t| t.time) {
        when.time_start = Some(a.to_string());
        when.time_end = b.map(|b| b.to_string());
    }
    Some(when)
}

/// A mention as the contract's `DateMention`, with the given span.
pub fn to_record_mention(m: &Mention, span: rec::Span) -> rec::DateMention {
    rec::DateMention {
        text: span.text.clone(),
        span,
        kind: match m.kind {
            Kind::Date => rec::MentionKind::Date,
            Kind::Range => rec::MentionKind::Range,
            Kind::Time => rec::MentionKind::Time,
            Kind::Duration => rec::MentionKind::Duration,
            Kind::Frequency => rec::MentionKind::Frequency,
        },
        when: m.value.as_ref().map(when_of),
        relative: m.relative,
        approximate: m.approximate,
        deadline: m.deadline,
        duration: m.duration.clone(),
        time_start: m.time.map(|(a, _)| a.to_string()),
        time_end: m.time.and_then(|(_, b)| b).map(|b| b.to_string()),
    }
}

impl Doc<'_> {
    /// A mention found in the normalised text, with its span mapped back to the source.
    pub fn date_mention(&self, m: &Mention) -> rec::DateMention {
        let span = self.span_of_norm(m.start..m.end);
        let mut r = to_record_mention(m, span);
        r.text = liasse_text::clean_inline(&self.norm.text[m.start..m.end]);
        r
    }
}

/// What `liasse dates` prints for one input line.
pub fn dates_line(line: &str, anchor: Option<Date>) -> rec::DatesLine {
    let mentions = liasse_dates::scan(line, anchor)
        .iter()
        .map(|m| {
            to_record_mention(
                m,
                rec::Span::new(m.start as u32, m.end as u32, None, &line[m.start..m.end]),
            )
        })
        .collect();
    rec::DatesLine {
        text: line.to_owned(),
        mentions,
    }
}
