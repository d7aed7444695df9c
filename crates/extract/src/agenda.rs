//! Agendas: the meeting, its sessions and breaks with their time slots, and who leads each item.

use std::sync::OnceLock;

use liasse_dates::{Kind, Mention, Precision};
use liasse_records as rec;
use liasse_text::BlockKind;
use regex::Regex;

use crate::doc::Doc;
use crate::entities::Entities;
use crate::events::Out;
use crate::mentions::when_of;
use crate::meta::Meta;

fn lead() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| crate::pattern(r"(?i)\(\s*(?:lead|chef de file|pilote)\s*:?\s*([^)]+)\)"))
}

fn is_break(label: &str) -> bool {
    let l = label.to_lowercase();
    [
        "pause",
        "déjeuner",
        "dejeuner",
        "café",
        "cafe",
        "lunch",
        "dîner",
        "diner",
        "cocktail",
        "coffee",
    ]
    .iter()
    .any(|w| l.contains(w))
}

pub(crate) fn parse(
    doc: &Doc,
    meta: &Meta,
    mentions: &[Mention],
    ents: &mut Entities,
    out: &mut Out,
) {
    let text = &doc.norm.text;
    let place = meta.place.as_ref().map(|p| p.0.clone());
    // Leads: "(Lead Maroc)", "(*Lead UE*)".
    let mut leads: Vec<(usize, Vec<String>)> = Vec::new();
    for c in lead().captures_iter(text) {
        let (Some(all), Some(who)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let ids = ents.partners_in(who.range());
        for id in &ids {
            ents.add_role(id, rec::Role::Lead);
        }
        leads.push((all.start(), ids));
    }
    // The parties named in the title ("ROYAUME DU MAROC – UNION EUROPÉENNE").
    let title_range = meta
        .title
        .as_ref()
        .map(|(_, s)| doc.norm.from_source(s.start as usize..s.end as usize));
    let mut parties = title_range
        .clone()
        .map(|r| ents.partners_in(r))
        .unwrap_or_default();
    for p in &parties {
        ents.add_role(p, rec::Role::Party);
    }
    for (_, ids) in &leads {
        for id in ids {
            if !parties.contains(id) {
                parties.push(id.clone());
            }
        }
    }
    // The meeting itself.
    if let Some(date) = &meta.date {
        let label = meta
            .title
            .as_ref()
            .map_or_else(|| "Réunion".to_owned(), |t| t.0.clone());
        // "Programme provisoire" over "Séminaire sous-régional sur …": a title that names the
        // genre leaves the meeting to be named by the heading line under it.
        let label = match &meta.title {
            Some((t, span)) if names_the_genre(t) => {
                named_below(doc, span.end as usize).unwrap_or(label)
            }
            _ => label,
        };
        let evidence = title_range.clone().unwrap_or_else(|| {
            doc.norm
                .from_source(date.span.start as usize..date.span.end as usize)
        });
        let mut when = date.when.clone();
        // A meeting over several days listed in the agenda spans them.
        if let Some(last) = mentions
            .iter()
            .filter(|m| m.kind == Kind::Time)
            .filter_map(|m| m.value.as_ref())
            .map(|v| v.end)
            .max()
        {
            if last.to_string() > when.end {
                when.end = last.to_string();
                when.edtf = format!("{}/{}", when.start, when.end);
            }
        }
        out.event(
            doc,
            rec::EventKind::Meeting,
            label,
            Some(when),
            place.clone(),
            parties.clone(),
            evidence,
        );
    }
    items(doc, meta, mentions, ents, out);

    // Sessions and breaks: one per time slot (a range of times, or a time that starts its
    // line or table row: `12h30 | Déjeuner`), labelled by the line that names it.
    let starts_line = |m: &Mention| {
        let line_start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
        text[line_start..m.start]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '*' | '•'))
    };
    let times: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            m.kind == Kind::Time && m.time.is_some_and(|t| t.1.is_some()) || {
                m.kind == Kind::Time && starts_line(m)
            }
        })
        .collect();
    for (n, m) in times.iter().enumerate() {
        let label = slot_label(doc, m);
        let kind = if is_break(&label) {
            rec::EventKind::Break
        } else {
            rec::EventKind::Session
        };
        let next = times.get(n + 1).map_or(text.len(), |x| x.start);
        let mut partners: Vec<String> = Vec::new();
        for (at, ids) in &leads {
            if *at > m.end && *at < next {
                for id in ids {
                    if !partners.contains(id) {
                        partners.push(id.clone());
                    }
                }
            }
        }
        out.event(
            doc,
            kind,
            label,
            m.value.as_ref().map(when_of),
            place.clone(),
            partners,
            m.start..m.end,
        );
    }
    recalled_meetings(doc, meta, mentions, ents, out);
}

/// Meetings an agenda's items name as held before it: "Examen du rapport de la deuxième
/// réunion du CTS tenue à Kigali en octobre 2022". Dated to the day or the month, before the
/// agenda's own date, in a sentence that names a meeting and says it was held.
fn recalled_meetings(doc: &Doc, meta: &Meta, mentions: &[Mention], ents: &Entities, out: &mut Out) {
    let Some(own) = meta.date.as_ref() else {
        return;
    };
    let text = &doc.norm.text;
    for m in mentions {
        let Some(v) = m.value.as_ref().filter(|v| {
            matches!(v.precision, Precision::Day | Precision::Month)
                && v.end.to_string() < own.when.start
        }) else {
            continue;
        };
        if m.deadline || !matches!(m.kind, Kind::Date | Kind::Range) || v.start > v.end {
            continue;
        }
        let s = crate::events::sentence(text, m.start);
        let sent = doc.lower_of(s.clone());
        if crate::events::MEETING_NOUNS
            .iter()
            .any(|k| sent.contains(k))
            && crate::minutes::HELD_BEFORE.iter().any(|k| sent.contains(k))
        {
            out.meeting_told(doc, mentions, m, s, ents);
        }
    }
}

/// The name of a time slot: the rest of its own line, else the line above it (a heading such
/// as "PAUSE CAFE"), else the line below.
fn slot_label(doc: &Doc, m: &Mention) -> String {
    let text = &doc.norm.text;
    let line_start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[m.end..].find('\n').map_or(text.len(), |i| m.end + i);
    // A table row's cells: the first one with words other than the time's.
    let row = &text[line_start..line_end];
    if row.contains('\t') || row.trim_start().starts_with('|') {
        let cell = text[m.end..line_end]
            .split(['|', '\t'])
            .map(|c| liasse_text::clean_inline(c.trim()))
            .find(|c| c.chars().filter(|c| c.is_alphabetic()).count() >= 3);
        if let Some(cell) = cell {
            return cell;
        }
    }
    let own = format!("{} {}", &text[line_start..m.start], &text[m.end..line_end]);
    let own = liasse_text::clean_inline(
        own.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == ':' || c == '–'),
    );
    if own.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
        return own;
    }
    let above = text[..line_start]
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim();
    let below = text[line_end..]
        .trim_start()
        .split('\n')
        .next()
        .unwrap_or("")
        .trim();
    let candidate = if !above.is_empty() && above.chars().count() < 140 && !above.ends_with('.') {
        above
    } else {
        below
    };
    liasse_text::clean_inline(candidate.trim_start_matches(['-', '•', ' ']))
}

/// A title that names the document's genre, not its meeting: `Programme provisoire`,
/// `PROJET D'ORDRE DU JOUR`, `Agenda`.
fn names_the_genre(title: &str) -> bool {
    let l = title.to_lowercase();
    let l = l
        .trim_start_matches("projet d'")
        .trim_start_matches("projet de ");
    ["programme", "ordre du jour", "agenda"]
        .iter()
        .any(|g| l.starts_with(g))
        && l.split_whitespace().count() <= 4
}

/// The first of the three lines after `from` (a source offset) that names a meeting, short
/// and without a final stop: `Séminaire sous-régional sur la protection des enfants migrants`.
pub(crate) fn named_below(doc: &Doc, from: usize) -> Option<String> {
    // The words an announcement's meeting is named by, and the bodies a programme may head.
    let meeting = crate::announcement::MEETING_WORDS.iter().chain(&[
        "comité",
        "groupe de travail",
        "table ronde",
    ]);
    doc.blocks
        .iter()
        .filter(|b| b.span.start >= from)
        .take(3)
        .map(|b| doc.clean(b.content.clone()))
        .find(|l| {
            let lower = l.to_lowercase();
            l.chars().count() < 160
                && !l.ends_with('.')
                && meeting.clone().any(|w| lower.contains(w))
        })
}

/// The points of the agenda: list items and the lines under them, nested by indentation, each
/// with its leads; slot lines and their labels are sessions, not points.
fn items(doc: &Doc, meta: &Meta, mentions: &[Mention], ents: &Entities, out: &mut Out) {
    let text = &doc.norm.text;
    let header_end = [
        meta.date.as_ref().map(|d| d.span.end),
        meta.reference.as_ref().map(|r| r.1.end),
        meta.title.as_ref().map(|t| t.1.end),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0) as usize;
    // The header runs to the line that names the genre, when the top has one: the venue
    // under the date (`Bâtiment Justus Lipsius, salle 50.2`) is no item.
    let genre_line = doc.blocks.iter().take(15).find(|b| {
        let lower = doc.clean(b.content.clone()).to_lowercase();
        ["ordre du jour", "projet d'ordre", "programme"]
            .iter()
            .any(|w| lower.starts_with(w))
    });
    let header_end = genre_line.map_or(header_end, |b| header_end.max(b.span.end));
    let dated = |r: &std::ops::Range<usize>| {
        mentions.iter().any(|m| {
            m.start >= r.start
                && m.end <= r.end
                && (m.kind == Kind::Time
                    || m.value
                        .as_ref()
                        .is_some_and(|v| v.precision == liasse_dates::Precision::Day))
        })
    };
    let blocks: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.span.start >= header_end)
        .collect();
    // (depth, item index) of the open items.
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut last_list_depth: Option<u8> = None;
    for (i, b) in blocks.iter().enumerate() {
        let r = doc.norm.from_source(b.span.clone());
        let content = doc.clean(b.content.clone());
        let lower = content.to_lowercase();
        if content.is_empty()
            || dated(&r)
            || lower.starts_with("ordre du jour")
            || lower.starts_with("projet d'ordre")
            || lower.starts_with("programme")
        {
            stack.clear();
            last_list_depth = None;
            continue;
        }
        // The label of a slot: the line just before a time slot.
        let labels_slot = blocks.get(i + 1).is_some_and(|n| {
            let nr = doc.norm.from_source(n.span.clone());
            mentions.iter().any(|m| {
                m.kind == Kind::Time
                    && m.start >= nr.start
                    && m.end <= nr.end
                    && doc.clean(n.content.clone()).len() < 40
            })
        });
        let leads: Vec<String> = lead()
            .captures_iter(&text[r.clone()])
            .filter_map(|c| c.get(1))
            .flat_map(|g| ents.partners_in(r.start + g.start()..r.start + g.end()))
            .collect();
        let without_lead = lead().replace_all(&content, "").trim().to_owned();
        // A line holding only a lead belongs to the item above it.
        if without_lead.is_empty() {
            if let Some(&(_, idx)) = stack.last() {
                for l in leads {
                    if !out.items[idx].partners.contains(&l) {
                        out.items[idx].partners.push(l);
                    }
                }
            }
            continue;
        }
        let (depth, number) = match &b.kind {
            // A table's header row ("| Horaire | Activité | Intervenant |") names columns.
            BlockKind::TableRow { cells }
                if cells.iter().all(|c| c.len() < 30)
                    && blocks
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.kind, BlockKind::TableRow { .. })) =>
            {
                continue
            }
            BlockKind::ListItem { depth, number, .. } => {
                last_list_depth = Some(*depth);
                (*depth, number.clone())
            }
            BlockKind::Heading(_) if labels_slot => continue,
            BlockKind::Heading(_) => {
                // A heading after the last slot closes the agenda ("CONCLUSIONS").
                stack.clear();
                last_list_depth = None;
                let after_slots = !mentions
                    .iter()
                    .any(|m| m.kind == Kind::Time && m.start > r.end);
                if !after_slots {
                    continue;
                }
                (0, None)
            }
            _ if labels_slot => continue,
            _ => (last_list_depth.map_or(0, |d| d + 1), None),
        };
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            stack.pop();
        }
        let parent = stack.last().map(|(_, idx)| out.items[*idx].id.clone());
        let idx = out.item(
            doc,
            rec::ItemKind::AgendaItem,
            number,
            None,
            &without_lead,
            r,
        );
        out.items[idx].parent = parent;
        out.items[idx].partners = leads;
        stack.push((depth, idx));
    }
}
