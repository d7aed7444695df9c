//! Minutes: the meeting (subject, date, place), the participants, and their roles.

use liasse_records as rec;
use liasse_text::BlockKind;

use liasse_lexicon::Target;

use crate::doc::Doc;
use crate::entities::Entities;
use crate::events::Out;
use crate::meta::Meta;

/// Labels of those invited who did not attend: their entries are participant items under
/// that label (`Excusés`), not statements.
const ABSENT: &[&str] = &[
    "excusé",
    "excuse",
    "absent",
    "étaient absents",
    "etaient absents",
    "étaient excusés",
    "etaient excuses",
    "était excusé",
    "était absent",
];

/// What opens each section of minutes, and the kind of its list items.
const SECTIONS: &[(&str, rec::ItemKind)] = &[
    ("participants", rec::ItemKind::Participant),
    ("étaient présents", rec::ItemKind::Participant),
    ("etaient presents", rec::ItemKind::Participant),
    ("présents", rec::ItemKind::Participant),
    ("résumé du débat", rec::ItemKind::DebatePoint),
    ("resume du debat", rec::ItemKind::DebatePoint),
    ("débat", rec::ItemKind::DebatePoint),
    ("discussion", rec::ItemKind::DebatePoint),
    ("points examinés", rec::ItemKind::DebatePoint),
    ("points discutés", rec::ItemKind::DebatePoint),
    ("points abordés", rec::ItemKind::DebatePoint),
    ("décisions", rec::ItemKind::Decision),
    ("decisions", rec::ItemKind::Decision),
    ("relevé de conclusions", rec::ItemKind::Decision),
    ("releve de conclusions", rec::ItemKind::Decision),
    ("conclusions", rec::ItemKind::Decision),
    ("recommandations", rec::ItemKind::Decision),
];

/// A title that only names the genre: `COMPTE RENDU`, `Procès-verbal`, `Relevé de conclusions`.
fn names_the_genre(title: &str) -> bool {
    let l = crate::doc::lower(title.trim().trim_end_matches([':', '.']));
    [
        "compte rendu",
        "compte-rendu",
        "procès-verbal",
        "proces-verbal",
        "procès verbal",
        "relevé de conclusions",
        "releve de conclusions",
        "relevé de décisions",
        "aide-mémoire",
    ]
    .contains(&l.trim())
}

pub(crate) fn parse(
    doc: &Doc,
    meta: &Meta,
    mentions: &[liasse_dates::Mention],
    ents: &mut Entities,
    out: &mut Out,
) {
    // The subject: "Objet : réunion du groupe thématique migration (GTM) …".
    let subject = doc.blocks.iter().find_map(|b| {
        let t = doc.clean(b.content.clone());
        let l = t.to_lowercase();
        // A heading alone ("Ordre du jour :", its items below) names no subject.
        ["objet", "sujet", "ordre du jour"].iter().find_map(|k| {
            l.strip_prefix(k)
                .map(|rest| rest.trim_start_matches([' ', ':']).trim_end().len())
                .filter(|&n| n >= 3)
                .map(|n| {
                    let at = t.len() - t.trim_end().len();
                    let end = t.len() - at;
                    (t[end - n..end].to_owned(), b.span.clone())
                })
        })
    });
    // Participants: the list items under a "Participants" / "Étaient présents" heading.
    let mut in_participants = false;
    for b in &doc.blocks {
        let t = doc.clean(b.content.clone()).to_lowercase();
        let is_item = matches!(b.kind, BlockKind::ListItem { .. });
        if t.contains("participants")
            || t.starts_with("étaient présents")
            || t.starts_with("présents")
            || t.starts_with("etaient presents")
        {
            in_participants = true;
            continue;
        }
        if in_participants && !is_item && !t.ends_with(':') && !t.starts_with("et ") {
            in_participants = false;
        }
        if in_participants {
            for p in ents.partners_in(doc.norm.from_source(b.span.clone())) {
                ents.add_role(&p, rec::Role::Participant);
            }
        }
    }
    items(doc, ents, out);
    // The sitting's own day when the body tells it apart from the date the minutes were
    // written ("Bamako, le 14 février 2024" over "La réunion s'est tenue le mardi 13 février").
    let held = held_on(doc, meta, mentions).map(|k| &mentions[k]);
    let Some(date) = &meta.date else { return };
    let (label, evidence) = match &subject {
        Some((s, r)) => (
            s.trim_end_matches('.').to_owned(),
            doc.norm.from_source(r.clone()),
        ),
        None => (
            match &meta.title {
                // "COMPTE RENDU" over "Réunion du Groupe thématique …": a title that names the
                // genre leaves the sitting to be named by the line under it.
                Some((t, span)) if names_the_genre(t) => {
                    crate::agenda::named_below(doc, span.end as usize).unwrap_or(t.clone())
                }
                Some((t, _)) => t.clone(),
                None => "Réunion".to_owned(),
            },
            match held {
                Some(h) => crate::events::sentence(&doc.norm.text, h.start),
                None => doc
                    .norm
                    .from_source(date.span.start as usize..date.span.end as usize),
            },
        ),
    };
    // A next meeting the minutes set ("se réuniront de nouveau au premier semestre 2020 à
    // Dakar", "la prochaine réunion se tiendra …").
    let text = &doc.norm.text;
    for m in mentions.iter().filter(|m| {
        m.value.is_some() && matches!(m.kind, liasse_dates::Kind::Date | liasse_dates::Kind::Range)
    }) {
        let s = crate::events::sentence(text, m.start);
        // A line break inside the sentence (a PDF wraps them) is a space to the words below.
        let sent = doc.lower_of(s.clone()).replace('\n', " ");
        // The sitting itself is the event below.
        let sitting = doc
            .norm
            .from_source(date.span.start as usize..date.span.end as usize);
        if m.start < sitting.end && sitting.start < m.end
            || held.is_some_and(|h| std::ptr::eq(h, m))
        {
            continue;
        }
        let set = [
            "se réuniront",
            "se réunira",
            "prochaine réunion",
            "se retrouveront",
            "prochaine session",
        ]
        .iter()
        .any(|k| sent.contains(k));
        // Another meeting the minutes name, held or to be held: "la deuxième réunion tenue à
        // Berlin le 14 octobre 2021", "de tenir la quatrième réunion à Berlin au premier
        // trimestre 2023", "la tenue d'un atelier technique à Rabat en septembre 2022".
        let other = crate::events::MEETING_NOUNS
            .iter()
            .any(|k| sent.contains(k))
            && HELD_BEFORE
                .iter()
                .chain(HELD_OR_TO_COME)
                .any(|k| sent.contains(k));
        // A meeting given its place and date in brackets: "Suivi des recommandations de la
        // première réunion (Nouakchott, 14 novembre 2024)".
        let bracketed =
            crate::events::bracketed_place(text, s.start, m.start).is_some_and(|(open, _)| {
                let from = crate::doc::window_start(text, open, 80).max(s.start);
                let before = doc.lower_of(from..open);
                crate::events::MEETING_NOUNS
                    .iter()
                    .any(|k| before.contains(k))
            });
        // A meeting named by its date: "le procès-verbal de la réunion du 14 novembre 2024".
        // Told again, it is the same meeting.
        let named = crate::events::named_by_date(doc, m)
            && !out.events.iter().any(|e| {
                e.kind == rec::EventKind::Meeting
                    && e.when
                        .as_ref()
                        .is_some_and(|w| m.value.as_ref().is_some_and(|v| w.edtf == v.edtf))
            });
        // A meeting to be held before a date ("d'organiser une session d'information à Thiès
        // avant la fin du mois de novembre") is that meeting, not a deadline.
        // The meeting in the clause of the date, not in another (`la dernière réunion avait eu
        // lieu en décembre et le groupe s'était engagé à produire … avant la fin du trimestre`).
        let by_deadline = m.deadline && (set || other) && {
            let before = &sent[..(m.start - s.start).min(sent.len())];
            let clause = [" et que ", " et qu'", " et de ", " et d'", ";", ", et "]
                .iter()
                .filter_map(|k| before.rfind(k).map(|i| i + k.len()))
                .max()
                .map_or(before, |i| &before[i..]);
            crate::events::MEETING_NOUNS
                .iter()
                .chain(&["se réuni"])
                .any(|k| clause.contains(k))
        };
        if by_deadline || !m.deadline && (set || other || bracketed || named) {
            out.meeting_told(doc, mentions, m, s, ents);
        }
    }
    let partners: Vec<String> = ents.partners.keys().cloned().collect();
    for p in &partners {
        ents.add_role(p, rec::Role::Participant);
    }
    let mut when = date.when.clone();
    if let Some(h) = held {
        let s = crate::events::sentence(text, h.start);
        if let Some(w) = crate::mentions::event_when(mentions, h, &s) {
            when = w;
        }
    }
    if when.precision == rec::Precision::Day && when.start == when.end && when.time_start.is_none()
    {
        // The hours written with the date ("s'est tenue le 9 juin 2022 …, de 10h00 à 13h30"),
        // or else those of the sentences that open and close the sitting.
        let at = match held {
            Some(h) => h.start,
            None => {
                doc.norm
                    .from_source(date.span.start as usize..date.span.end as usize)
                    .start
            }
        };
        let s = crate::events::sentence(text, at);
        let with_date = mentions
            .iter()
            .find(|m| m.kind == liasse_dates::Kind::Time && s.start <= m.start && m.end <= s.end)
            .and_then(|m| m.time);
        if let Some((a, b)) = with_date {
            when.time_start = Some(a.to_string());
            when.time_end = b.map(|b| b.to_string());
        }
        if when.time_start.is_none() {
            when.time_start = sitting_time(doc, mentions, OPENS);
        }
        if when.time_end.is_none() {
            when.time_end = sitting_time(doc, mentions, CLOSES);
        }
    }
    out.event(
        doc,
        rec::EventKind::Meeting,
        label,
        Some(when),
        meta.place.as_ref().map(|p| p.0.clone()),
        partners,
        evidence,
    );
    // "La prochaine réunion se tiendra le mardi 3 juin 2025 à 10 heures au même endroit": the
    // sitting's place.
    if let Some((place, _)) = &meta.place {
        for e in out
            .events
            .iter_mut()
            .filter(|e| e.kind == rec::EventKind::Meeting && e.place.is_none())
        {
            let said = doc.lower_of(
                doc.norm
                    .from_source(e.evidence.start as usize..e.evidence.end as usize),
            );
            if SAME_PLACE.iter().any(|k| said.contains(k)) {
                e.place = Some(place.clone());
            }
        }
    }
}

/// Words that hold a meeting where the sitting was held.
const SAME_PLACE: &[&str] = &[
    "au même endroit",
    "au même lieu",
    "dans la même salle",
    "dans les mêmes locaux",
    "au même siège",
];

/// Words that say the sitting the minutes tell was held: `s'est tenue le …`.
const WAS_HELD: &[&str] = &[
    "s'est tenue",
    "s'est tenu ",
    "se sont tenus",
    "se sont tenues",
    "a eu lieu",
    "ont eu lieu",
    "s'est déroulée",
    "s'est déroulé ",
    "se sont déroulés",
    "se sont déroulées",
    "s'est réuni",
    "se sont réunis",
    "se sont réunies",
    "a été organisée",
    "a été organisé ",
    "s'est ouverte",
];

/// The mention of the day the sitting was held, when the minutes were dated another day: the
/// first in the body's first half whose sentence says a meeting `s'est tenue`, `a eu lieu` on
/// that day or days, up to two months before the minutes' date (not a meeting before it: `la
/// précédente réunion`, `avait eu lieu`). Its index in `mentions`.
fn held_on(doc: &Doc, meta: &Meta, mentions: &[liasse_dates::Mention]) -> Option<usize> {
    let date = meta.date.as_ref()?;
    let text = &doc.norm.text;
    let header = doc
        .norm
        .from_source(date.span.start as usize..date.span.end as usize);
    let k = mentions.iter().position(|m| {
        let Some(v) = m.value.as_ref() else {
            return false;
        };
        if !matches!(m.kind, liasse_dates::Kind::Date | liasse_dates::Kind::Range)
            || v.precision != liasse_dates::Precision::Day
            || m.start * 2 > text.len()
            || m.start < header.end && header.start < m.end
        {
            return false;
        }
        let s = crate::events::sentence(text, m.start);
        let sent = doc.lower_of(s.clone()).replace('\n', " ");
        let before = &sent[..(m.start - s.start).min(sent.len())];
        WAS_HELD.iter().any(|k| sent.contains(k))
            && (crate::events::MEETING_NOUNS
                .iter()
                .any(|k| before.contains(k))
                || before.contains("réuni"))
            && !["précédent", "dernière réunion", "avait", "prochain"]
                .iter()
                .any(|k| sent.contains(k))
    })?;
    let v = mentions[k].value.as_ref()?;
    let days = date.anchor.to_days() - v.start.to_days();
    (0..=62).contains(&days).then_some(k)
}

/// Words that say a meeting was held (with a space where a word may end others: `retenue`):
/// the minutes' other meetings, an agenda's items (`la deuxième réunion … tenue à Kigali`).
pub(crate) const HELD_BEFORE: &[&str] = &[
    " tenue",
    " tenu ",
    "a eu lieu",
    "avait eu lieu",
    "ont eu lieu",
    "s'est tenue",
    "s'était tenue",
    "s'est déroulée",
    "s'était déroulée",
];

/// Words that say a meeting will be held, or was carried out (besides [`HELD_BEFORE`]), with a
/// space where a word may end others (`obtenir`).
const HELD_OR_TO_COME: &[&str] = &[
    " tenir",
    "se tiendra",
    "se tiendront",
    "organiser",
    "organisera",
    "organisée",
    "organisé ",
    "effectuée",
    "aura lieu",
    "prévue le",
    "prévu le",
    "prévue du",
    "prévu du",
    "prévue à",
    "prévu à",
];

const OPENS: &[&str] = &["ouverte", "ouvert", "ouvre", "debute", "commence"];
const CLOSES: &[&str] = &["levee", "close", "cloturee", "prend fin"];
const PAUSES: &[&str] = &["suspendue", "reprise", "reprend", "reprennent"];

/// The time of day of the first time mention whose sentence opens or closes the sitting
/// (`La séance est ouverte à quinze heures`, `levée à 18h30`): `words` in the folded sentence.
fn sitting_time(doc: &Doc, mentions: &[liasse_dates::Mention], words: &[&str]) -> Option<String> {
    mentions
        .iter()
        .filter(|m| m.kind == liasse_dates::Kind::Time)
        .find(|m| tells_sitting(doc, m, words))
        .and_then(|m| m.time)
        .map(|(a, _)| a.to_string())
}

/// Whether the sentence of `m` tells of the sitting with one of `words`: "La séance a été
/// levée à 13h30" (whole words of the folded sentence: "ouverte", not "couverte").
fn tells_sitting(doc: &Doc, m: &liasse_dates::Mention, words: &[&str]) -> bool {
    let s = crate::events::sentence(&doc.norm.text, m.start);
    let sent = format!(" {} ", liasse_lexicon::fold(&doc.norm.text[s]).text);
    let has = |w: &str| sent.contains(&format!(" {w} "));
    (has("seance") || has("reunion") || has("session") || has("travaux"))
        && words.iter().any(|w| has(w))
}

/// The hours at which minutes open, pause and close their sitting are of the sitting's day
/// (the day it was held, or else the document's date), whatever date the text named last:
/// "La séance a été levée à 13h30" after a decision due "avant le 31 décembre 2022". A
/// sentence that names its own day keeps it.
pub(crate) fn sitting_times(doc: &Doc, meta: &Meta, mentions: &mut [liasse_dates::Mention]) {
    let held = held_on(doc, meta, mentions).and_then(|k| mentions[k].value.as_ref());
    let Some(day) = held
        .filter(|v| v.start == v.end)
        .map(|v| v.start)
        .or_else(|| {
            meta.date
                .as_ref()
                .filter(|d| d.when.precision == rec::Precision::Day && d.when.start == d.when.end)
                .map(|d| d.anchor)
        })
    else {
        return;
    };
    let text = &doc.norm.text;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.kind != liasse_dates::Kind::Time
            || ![OPENS, CLOSES, PAUSES]
                .iter()
                .any(|w| tells_sitting(doc, m, w))
        {
            continue;
        }
        let s = crate::events::sentence(text, m.start);
        let dated = mentions.iter().any(|d| {
            d.kind != liasse_dates::Kind::Time
                && s.start <= d.start
                && d.end <= s.end
                && d.value
                    .as_ref()
                    .is_some_and(|v| v.precision == liasse_dates::Precision::Day)
        });
        if dated {
            continue;
        }
        if let Some(v) = mentions[i].value.as_mut() {
            v.start = day;
            v.end = day;
            v.edtf = day.to_string();
        }
    }
}

/// Participants under their group, statements with their speaker, presentations, points of the
/// debate and decisions, each as an item.
fn items(doc: &Doc, ents: &Entities, out: &mut Out) {
    let text = &doc.norm.text;
    let mut section: Option<rec::ItemKind> = None;
    let mut group: Option<String> = None;
    let mut last_statement: Option<usize> = None;
    for b in &doc.blocks {
        let r = doc.norm.from_source(b.span.clone());
        let content = doc.clean(b.content.clone());
        let body = content.trim_start_matches(['✓', '-', '•', ' ']).to_owned();
        let is_item = matches!(b.kind, BlockKind::ListItem { .. });
        // A statement broken by a blank line goes on in a paragraph starting in lowercase.
        if let (Some(idx), BlockKind::Paragraph) = (last_statement, &b.kind) {
            if body.chars().next().is_some_and(char::is_lowercase) {
                out.items[idx].text.push(' ');
                out.items[idx].text.push_str(&body);
                let start = out.items[idx].evidence.start as usize;
                out.items[idx].evidence = doc.span(start..b.span.end);
                continue;
            }
        }
        last_statement = None;
        // A section title ("Décisions prises :", "#### Participants :", "Résumé du débat : …").
        let head = body.split(':').next().unwrap_or("").trim().to_lowercase();
        // A numbered heading ("2. Décisions") is a section title too.
        let numbered_heading = matches!(
            &b.kind,
            BlockKind::ListItem {
                number: Some(_),
                ..
            }
        ) && body.len() < 60
            && !body.contains(": ");
        // "Excusés : M. X (HCR), M. Y (UE)", "Étaient absents :": listed as the participants
        // are, under that label.
        let absent = ABSENT.iter().any(|k| head.starts_with(k));
        if absent && (!is_item || numbered_heading) && head.len() < 60 {
            let label = body.split(':').next().unwrap_or("").trim().to_owned();
            let inline = body
                .split_once(':')
                .map(|(_, rest)| rest.trim().trim_end_matches('.'))
                .filter(|rest| rest.len() > 3);
            match inline {
                Some(list) => {
                    inline_participants(doc, ents, out, &r, list, Some(label));
                    section = None;
                }
                None => {
                    section = Some(rec::ItemKind::Participant);
                    group = Some(label);
                }
            }
            continue;
        }
        if let Some((_, kind)) = SECTIONS.iter().find(|(k, _)| head.starts_with(k)) {
            if (!is_item || numbered_heading) && head.len() < 60 {
                group = None;
                // "Participants : Mauritanie (MAEC, ANAPEJ), Union européenne, OIM.": the
                // list is on the line.
                let inline = body
                    .split_once(':')
                    .map(|(_, rest)| rest.trim().trim_end_matches('.'))
                    .filter(|rest| rest.len() > 3);
                match inline {
                    Some(list) if *kind == rec::ItemKind::Participant => {
                        inline_participants(doc, ents, out, &r, list, None);
                        section = None;
                    }
                    _ => section = Some(*kind),
                }
                continue;
            }
        }
        // A statement or presentation: "M. X, role : what was said", "Présentation de … : …",
        // "Ouverture : Mme X, … a rappelé …".
        let colon = body
            .find(" :")
            .or_else(|| body.find(": "))
            .filter(|&c| c < 200 && c + 2 < body.len());
        if let Some(c) = colon {
            let head = body[..c].trim();
            let said = body[c..].trim_start_matches([' ', ':']);
            let mut speaker: Vec<String> = ents_people_in(doc, ents, &r, head);
            if speaker.is_empty() {
                let opening: String = said.chars().take(40).collect();
                speaker = ents_people_in(doc, ents, &r, &opening);
            }
            let presentation = head.to_lowercase().starts_with("présentation")
                || head.to_lowercase().starts_with("presentation");
            // "Le rapporteur : Name" attributes a text, it reports nothing said.
            let says_something = said.split_whitespace().count() > 5;
            if presentation || (!speaker.is_empty() && says_something) {
                let kind = if presentation {
                    rec::ItemKind::Presentation
                } else {
                    rec::ItemKind::Statement
                };
                let idx = out.item(doc, kind, None, Some(head.to_owned()), said, r.clone());
                out.items[idx].people = if presentation {
                    ents_people_in(doc, ents, &r, said)
                } else {
                    speaker
                };
                out.items[idx].agencies = agencies_in(ents, &r);
                last_statement = Some(idx);
                section = None;
                continue;
            }
        }
        // A paragraph ends a list of participants (headings inside it are groups or members),
        // and so does a numbered heading after a blank line that names no one ("1. Adoption de
        // l'ordre du jour" under a list of delegations).
        if section == Some(rec::ItemKind::Participant)
            && (matches!(b.kind, BlockKind::Paragraph)
                || numbered_heading
                    && b.blank_before > 0
                    && ents.partners_in(r.clone()).is_empty()
                    && agencies_in(ents, &r).is_empty()
                    && ents.people_in(doc, r.clone()).is_empty())
        {
            section = None;
        }
        match section {
            Some(rec::ItemKind::Participant) => {
                if !is_item && body.ends_with(':') {
                    group = Some(body.trim_end_matches([':', ' ']).to_owned());
                    continue;
                }
                if !is_item && body.len() > 200 {
                    section = None;
                    continue;
                }
                let what = (rec::ItemKind::Participant, None, group.clone());
                naming_item(
                    doc,
                    ents,
                    out,
                    what,
                    body.trim_end_matches([';', '.', ' ']),
                    &r,
                );
            }
            Some(kind) if is_item => {
                let number = match &b.kind {
                    BlockKind::ListItem { number, .. } => number.clone(),
                    _ => None,
                };
                naming_item(
                    doc,
                    ents,
                    out,
                    (kind, number, None),
                    body.trim_end_matches([';', ' ']),
                    &r,
                );
            }
            // Anything else ends the section.
            Some(_) if !text[r.clone()].trim().is_empty() => section = None,
            Some(_) => {}
            None => {}
        }
    }
}

/// The participants a line lists after its label, one item each: the entries between commas
/// or semicolons outside brackets ("Mauritanie (MAEC, ANAPEJ), OIM").
fn inline_participants(
    doc: &Doc,
    ents: &Entities,
    out: &mut Out,
    line: &std::ops::Range<usize>,
    list: &str,
    label: Option<String>,
) {
    let text = &doc.norm.text;
    // Semicolons, when the line has them, part entries whose names hold commas.
    let entries = crate::entities::list_entries(list)
        .into_iter()
        .map(|r| &list[r]);
    // An entry in lowercase goes on with the name before it: "Ministère de l'Inclusion, de la
    // Sécurité sociale et des Migrations".
    let mut merged: Vec<&str> = Vec::new();
    for e in entries {
        let t = e.trim();
        match merged.last_mut() {
            Some(last) if t.starts_with(char::is_lowercase) => {
                let start = last.as_ptr() as usize - list.as_ptr() as usize;
                let end = t.as_ptr() as usize - list.as_ptr() as usize + t.len();
                *last = &list[start..end];
            }
            _ => merged.push(t),
        }
    }
    let mut at = line.start;
    for entry in merged.into_iter().filter(|e| !e.is_empty()) {
        // The entry's place in the line, when the line holds it as written.
        let r = text[at..line.end]
            .find(entry)
            .map_or(line.clone(), |k| at + k..at + k + entry.len());
        if r != *line {
            at = r.end;
        }
        let idx = naming_item(
            doc,
            ents,
            out,
            (rec::ItemKind::Participant, None, label.clone()),
            entry,
            &r,
        );
        out.items[idx].people = ents.people_in(doc, r.clone());
    }
}

/// An item (its kind, number and label) with the partners and agencies its text names.
fn naming_item(
    doc: &Doc,
    ents: &Entities,
    out: &mut Out,
    (kind, number, label): (rec::ItemKind, Option<String>, Option<String>),
    text: &str,
    r: &std::ops::Range<usize>,
) -> usize {
    let idx = out.item(doc, kind, number, label, text, r.clone());
    out.items[idx].partners = ents.partners_in(r.clone());
    out.items[idx].agencies = agencies_in(ents, r);
    idx
}

fn agencies_in(ents: &Entities, r: &std::ops::Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &ents.matches {
        if m.start >= r.start && m.end <= r.end {
            if let Target::Body(b) = m.target {
                if !out.iter().any(|x| x == b) {
                    out.push(b.to_owned());
                }
            }
        }
    }
    out
}

/// Ids of the people named in `part` of the block `r`.
fn ents_people_in(
    doc: &Doc,
    ents: &Entities,
    r: &std::ops::Range<usize>,
    part: &str,
) -> Vec<String> {
    let text = &doc.norm.text;
    let Some(at) = text[r.clone()].find(part) else {
        return Vec::new();
    };
    ents.people_in(doc, r.start + at..r.start + at + part.len())
}
