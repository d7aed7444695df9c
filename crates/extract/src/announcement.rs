//! Announcements: the announced meeting (dates, place, country), its chairs and host, the
//! earlier meeting it follows.

use liasse_dates::Mention;
use liasse_records as rec;

use crate::doc::Doc;
use crate::entities::Entities;
use crate::events::{dated_in, find_all, place_after, sentence, shorten, Out};
use crate::mentions::event_when;
use crate::meta::Meta;

pub(crate) const MEETING_WORDS: &[&str] = &[
    "réunion",
    "rencontre",
    "conférence",
    "sommet",
    "atelier",
    "séminaire",
    "forum",
    "session",
    "dialogue",
    "colloque",
    "symposium",
    "congrès",
    "table ronde",
    "table-ronde",
    "webinaire",
    "visioconférence",
    // A mission by its kind (not "Chef de mission"): a meeting of the field.
    "mission conjointe",
    "mission de terrain",
    "mission technique",
    "mission d'évaluation",
    "mission de suivi",
    "mission d'identification",
    "mission de haut niveau",
];
const FUTURE: &[&str] = &[
    "aura lieu",
    "auront lieu",
    "se tiendra",
    "se tiendront",
    "se déroulera",
    "organise",
    "organisera",
    "accueillera",
    "est prévue",
    "sera organisée",
    "sera organisé ",
    "réunira",
    "prévu à",
    "prévue à",
    "prévu le",
    "prévue le",
    "prévu du",
    "prévue du",
    "prévu au",
    "prévue au",
    "prévu en",
    "prévue en",
    "prévu pour",
    "prévue pour",
    "prévus les",
    "prévue les",
    "prévu les",
    "programmée",
    "programmé ",
];
/// Titles that name the genre, not the meeting: the announced meeting is then labelled by the
/// words that name it in its sentence.
const GENERIC_TITLES: &[&str] = &[
    "communiqué",
    "communique",
    "avis",
    "annonce",
    "invitation",
    "note d'information",
    "note aux médias",
    "note aux medias",
    "information",
    "actualité",
    "actualites",
    "actualités",
];
const PAST: &[&str] = &[
    "précédente",
    "dernière",
    "a eu lieu",
    "ont eu lieu",
    "s'est tenue",
    "lors de la",
    "fait suite",
    "faisant suite",
    "suite à",
];

pub(crate) fn parse(
    doc: &Doc,
    meta: &Meta,
    mentions: &[Mention],
    ents: &mut Entities,
    out: &mut Out,
) {
    let text = &doc.norm.text;
    let all = 0..text.len();
    let mut main_done = false;
    let mut main_when: Option<rec::When> = None;
    // The dateline's date, in the normalised text: the day of writing, not of the meeting.
    let dateline = meta.date.as_ref().map(|d| {
        doc.norm
            .from_source(d.span.start as usize..d.span.end as usize)
    });
    // A header dated over several days (`Dakar, 22-23 mai 2024`) dates the meeting announced,
    // not the writing: a meeting the text says is coming at another date is another one.
    let header_span = meta
        .date
        .as_ref()
        .filter(|d| d.when.start != d.when.end)
        .map(|d| d.when.clone());
    for m in dated_in(mentions, &all) {
        if m.deadline {
            continue;
        }
        let s = sentence(text, m.start);
        // "Tunis, le 4 février 2025 — L'OIM organise, du 18 au 20 février, un atelier": the
        // sentence that opens on the dateline tells its meeting by the date after it.
        if dateline
            .as_ref()
            .is_some_and(|d| d.start <= m.start && m.end <= d.end)
            && dated_in(mentions, &(m.end..s.end)).next().is_some()
        {
            continue;
        }
        let sent = doc.lower_of(s.clone()).replace('\n', " ");
        let meeting = MEETING_WORDS.iter().any(|w| sent.contains(w));
        if !meeting {
            continue;
        }
        let future = FUTURE.iter().any(|w| sent.contains(w));
        let past = PAST.iter().any(|w| sent.contains(w));
        let place = place_after(text, m.end, s.end);
        // A meeting the labels date (`Date : jeudi 21 novembre 2024`) is the one announced: a
        // meeting a sentence dates otherwise is another one (`la réunion … prévue à Abuja en
        // mars 2025`).
        let labelled = meta.date.as_ref().filter(|d| d.labelled).map(|d| &d.when);
        let other = header_span
            .as_ref()
            .or(labelled)
            .is_some_and(|h| event_when(mentions, m, &s).as_ref() != Some(h));
        if future && !main_done && !other {
            main_done = true;
            // "Une réunion … aura lieu les 5 et 6 juillet 2022": the subject is the label.
            // The title names the meeting; without one, the subject of "… aura lieu".
            let verb = FUTURE
                .iter()
                .filter_map(|w| sent.find(w))
                .min()
                .unwrap_or(m.start - s.start)
                .min(m.start - s.start);
            let subject = text[s.start..s.start + verb].trim();
            let generic = meta.title.as_ref().is_some_and(|t| {
                let l = t.0.to_lowercase();
                GENERIC_TITLES.iter().any(|g| l.starts_with(g))
            });
            let named = named_meeting(text, &sent, &s, m);
            let label = match &meta.title {
                Some(_) if generic && named.is_some() => named.unwrap_or_default(),
                Some(t) => t.0.clone(),
                None if subject.chars().filter(|c| c.is_alphabetic()).count() > 8 => {
                    shorten(subject)
                }
                None => shorten(&text[s.clone()]),
            };
            // Host: the state named in the place clause after the date ("à Abidjan, en Côte
            // d'Ivoire", "à Madrid, Espagne").
            let clause_end = [", afin", ", pour", ". "]
                .iter()
                .filter_map(|k| text[m.end..s.end].find(k))
                .min()
                .map_or(s.end, |i| m.end + i);
            for p in ents.partners_in(m.end..clause_end) {
                ents.add_role(&p, rec::Role::Host);
            }
            let partners = ents.partners.keys().cloned().collect();
            main_when = event_when(mentions, m, &s);
            out.event(
                doc,
                rec::EventKind::Meeting,
                label,
                main_when.clone(),
                place,
                partners,
                s.clone(),
            );
        } else if future && main_when.as_ref() != event_when(mentions, m, &s).as_ref() {
            // Another meeting announced with it: "Une conférence de presse se tiendra le
            // mercredi 25 septembre", "au Forum mondial …, prévu à Genève en janvier 2025".
            let label =
                named_meeting(text, &sent, &s, m).unwrap_or_else(|| shorten(&text[s.clone()]));
            let place = place.or_else(|| crate::events::place_between(text, s.start, m.start));
            let kind = if label.to_lowercase().starts_with("mission") {
                rec::EventKind::Mission
            } else {
                rec::EventKind::Meeting
            };
            out.event(
                doc,
                kind,
                label,
                event_when(mentions, m, &s),
                place,
                ents.partners_in(s.clone()),
                s.clone(),
            );
        } else if past
            // A past meeting is dated to the day or month; a span of years in its sentence is
            // something else ("le plan de travail pour la période 2025-2026").
            && m.value.as_ref().is_some_and(|v| {
                !matches!(
                    v.precision,
                    liasse_dates::Precision::Year | liasse_dates::Precision::Years
                )
            })
        {
            let label = shorten(&text[s.clone()]);
            let place = place.or_else(|| place_before(text, s.start, m.start));
            out.event(
                doc,
                rec::EventKind::Meeting,
                label,
                event_when(mentions, m, &s),
                place,
                Vec::new(),
                m.start..m.end,
            );
        }
    }
    // A concept note or invitation that gives its meeting's date and place as labels ("Date :
    // du 5 au 7 juin 2024", "Lieu : …") and tells no sentence of it: the meeting is there.
    if !main_done {
        if let Some(date) = &meta.date {
            let at = doc
                .norm
                .from_source(date.span.start as usize..date.span.end as usize);
            // Named by the title, or else by the first line before the date naming a meeting.
            let generic = meta.title.as_ref().is_none_or(|t| {
                let l = t.0.to_lowercase();
                GENERIC_TITLES.iter().any(|g| l.starts_with(g)) || l.starts_with("note")
            });
            // The nearest such line: above it, the body that holds the meeting (`Processus de
            // Rabat`, `Dialogue euro-africain …`).
            let named = doc
                .blocks
                .iter()
                .map(|b| doc.norm.from_source(b.content.clone()))
                .take_while(|r| r.end <= at.start)
                .map(|r| liasse_text::clean_inline(&text[r]))
                .filter(|l| {
                    let l = l.to_lowercase();
                    l.len() < 200
                        && MEETING_WORDS
                            .iter()
                            .any(|w| l.starts_with(w) || l.contains(&format!(" {w}")))
                })
                .last();
            let label = match (&meta.title, named) {
                (Some(t), _) if !generic => Some(t.0.clone()),
                (_, Some(n)) => Some(shorten(without_label(&n))),
                _ => None,
            };
            if let Some(label) = label {
                let partners = ents.partners.keys().cloned().collect();
                // Its hours, labelled on the next line (`Heure : 10h00 – 12h30`).
                let next_line_end = text[at.end..]
                    .match_indices('\n')
                    .nth(1)
                    .map_or(text.len(), |(i, _)| at.end + i);
                let when = mentions
                    .iter()
                    .find(|m| m.start == at.start)
                    .and_then(|m| event_when(mentions, m, &(at.start..next_line_end)))
                    .filter(|w| w.start == date.when.start && w.end == date.when.end)
                    .unwrap_or_else(|| date.when.clone());
                out.event(
                    doc,
                    rec::EventKind::Meeting,
                    label,
                    Some(when),
                    meta.place.as_ref().map(|p| p.0.clone()),
                    partners,
                    at,
                );
            }
        }
    }
    // The aims: what follows a line starting with "Objectif(s)", up to the next short line.
    let mut in_goals = false;
    // Whether the aims so far are a list: the first paragraph after it ends them.
    let mut listed = false;
    for b in &doc.blocks {
        let content = doc.clean(b.content.clone());
        let lower = content.to_lowercase();
        let short = content.len() < 90 && !content.ends_with('.');
        // "Objectifs :", and a line that announces them: "Les objectifs de l'atelier sont les
        // suivants :", "L'atelier vise à :".
        let announces = content.len() < 140
            && content.ends_with(':')
            && [
                "objectif",
                "vise à",
                "visent à",
                "a pour but",
                "ont pour but",
            ]
            .iter()
            .any(|w| lower.contains(w));
        if lower.starts_with("objectif") && short || announces {
            in_goals = true;
            listed = false;
            // "Objectifs : discuter des défis …" is itself a goal.
            if let Some((_, rest)) = content.split_once(':') {
                if !rest.trim().is_empty() {
                    out.item(
                        doc,
                        rec::ItemKind::Goal,
                        None,
                        None,
                        rest,
                        doc.norm.from_source(b.content.clone()),
                    );
                }
            }
            continue;
        }
        if in_goals {
            // A short line closes the aims, and so does the next numbered heading ("3.
            // Participants attendus"), which reads as a short numbered item without a stop.
            let heading = matches!(
                &b.kind,
                liasse_text::BlockKind::ListItem {
                    number: Some(_),
                    ..
                }
            ) && content.len() < 60
                && !content.ends_with([';', ',', '.']);
            let item = matches!(b.kind, liasse_text::BlockKind::ListItem { .. });
            if short && !item || heading || listed && !item {
                in_goals = false;
                continue;
            }
            listed |= item;
            out.item(
                doc,
                rec::ItemKind::Goal,
                None,
                None,
                &content,
                doc.norm.from_source(b.content.clone()),
            );
        }
    }
    // Working groups: "Deux groupes de travail seront formés pour …".
    let mut from = 0;
    while let Some(i) = doc.lower[from..]
        .find("groupes de travail")
        .or_else(|| doc.lower[from..].find("groupe de travail"))
    {
        let at = from + i;
        let s = sentence(text, at);
        out.item(
            doc,
            rec::ItemKind::WorkingGroup,
            None,
            None,
            &text[s.clone()],
            s.clone(),
        );
        from = s.end.max(at + 1);
    }

    // Who does what, from the words around them:
    // "coprésidée par l'Espagne … et le Maroc", "sera présidée par la Côte d'Ivoire",
    // "organisée par …", and "L'OIT et l'Union africaine organisent …" (the subject acts).
    let after = |ents: &mut Entities, keys: &[&str], role: rec::Role, skip_co: bool| {
        for key in keys {
            for at in find_all(text, key) {
                if skip_co && (text[..at].ends_with("co") || text[..at].ends_with("co-")) {
                    continue;
                }
                let from = at + key.len();
                for p in ents.partners_in(from..sentence(text, from).end) {
                    ents.add_role(&p, role);
                }
            }
        }
    };
    after(
        ents,
        &[
            "coprésidée par",
            "co-présidée par",
            "coprésidé par",
            "co-présidé par",
            "présidée conjointement par",
            "coprésidence",
        ],
        rec::Role::CoChair,
        false,
    );
    after(
        ents,
        &["présidée par", "présidé par"],
        rec::Role::Chair,
        true,
    );
    after(
        ents,
        &["organisée par", "organisé par", "à l'initiative de"],
        rec::Role::Organiser,
        false,
    );
    after(
        ents,
        &[
            "réunira ",
            "réuniront ",
            "rassemblera ",
            "rassembleront ",
            "avec la participation de",
            // "Prendront part à cette rencontre des délégations de l'Italie …"
            "rendront part ",
            "rendra part ",
            "articiperont ",
            "articipera ",
            "sont attendus ",
            "sont attendues ",
        ],
        rec::Role::Participant,
        false,
    );
    for (keys, role) in [
        (
            &[
                " organisent ",
                " organise ",
                " organiseront ",
                " organisera ",
            ][..],
            rec::Role::Organiser,
        ),
        (&[" accueillera ", " accueilleront "][..], rec::Role::Host),
    ] {
        for key in keys {
            for at in find_all(text, key) {
                for p in ents.partners_in(sentence(text, at).start..at) {
                    ents.add_role(&p, role);
                }
            }
        }
    }
}

/// A line without its label and the genre before the meeting's name: `Objet : Invitation –
/// Webinaire thématique …` is `Webinaire thématique …`.
fn without_label(line: &str) -> &str {
    let mut rest = line;
    if let Some((label, after)) = rest.split_once(':') {
        if label.split_whitespace().count() <= 2 && !after.trim().is_empty() {
            rest = after.trim_start();
        }
    }
    let lower = rest.to_lowercase();
    for g in GENERIC_TITLES {
        if let Some(after) = rest.get(g.len()..).filter(|_| lower.starts_with(g)) {
            let after = after.trim_start();
            if let Some(name) = after.strip_prefix(['–', '—', '-', ':']) {
                if !name.trim().is_empty() {
                    return name.trim_start();
                }
            }
        }
    }
    rest
}

/// The meeting a sentence names, from its first meeting noun to the end of the phrase (or to
/// the date `m` when the date comes after the noun); none when that is a word alone.
fn named_meeting(
    text: &str,
    sent: &str,
    s: &std::ops::Range<usize>,
    m: &Mention,
) -> Option<String> {
    let at = MEETING_WORDS.iter().filter_map(|w| sent.find(w)).min()?;
    let from = s.start + at;
    let to = if m.start > from { m.start } else { s.end };
    Some(meeting_phrase(&text[from..to])).filter(|p| p.split_whitespace().count() >= 2)
}

/// The words that name a meeting, from its noun to the end of its phrase: "atelier régional
/// sur la migration de main-d'œuvre équitable en Afrique du Nord." → "Atelier régional sur la
/// migration de main-d'œuvre équitable en Afrique du Nord".
pub(crate) fn meeting_phrase(from_noun: &str) -> String {
    let mut end = from_noun.len();
    for stop in [
        ",",
        ";",
        ":",
        ". ",
        " aura ",
        " auront ",
        " se tiendra",
        " sera ",
        " est ",
        " sont ",
        " qui ",
        " prévu",
        " programmé",
        " afin ",
        " à l'",
        " à ",
        " au ",
        " dans ",
        " avec ",
        " sous ",
        " en présence",
    ] {
        if let Some(i) = from_noun.find(stop) {
            end = end.min(i);
        }
    }
    let phrase = from_noun[..end].trim().trim_end_matches('.');
    crate::events::shorten(&crate::events::capitalise(phrase))
}

/// "la réunion de Tunis, qui a eu lieu en novembre 2019": a capitalised place named after
/// "de" or "à" before the date.
fn place_before(text: &str, from: usize, to: usize) -> Option<String> {
    let seg = &text[from..to];
    let i = [" à ", " de ", " d'"]
        .iter()
        .filter_map(|p| seg.rfind(p).map(|i| i + p.len()))
        .max()?;
    let name: Vec<&str> = seg[i..]
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let name = name.join(" ");
    let name = name.trim_end_matches([',', '.']);
    (!name.is_empty() && crate::entities::is_place_name(name)).then(|| name.to_owned())
}
