//! News articles scraped with their page: the article separated from the page around it, the
//! publication, the meeting reported, the next one announced, dated background.

use std::ops::Range;

use liasse_dates::{Kind, Mention};
use liasse_records as rec;

use crate::doc::Doc;
use crate::entities::Entities;
use crate::events::{capitalise, place_after, place_between, sentence, shorten, Out};
use crate::mentions::event_when;
use crate::meta::Meta;

/// Lines that belong to the page, not the article.
const FOOTER: &[&str] = &[
    "cliquez ici",
    "lire la suite",
    "lire aussi",
    "partager sur",
    "source :",
    "tous droits réservés",
    "© ",
];
const EMBED: &[&str] = &[
    "pic.twitter.com",
    "twitter.com/",
    "instagram.com/",
    "facebook.com/",
    "youtube.com/",
];

/// The ranges of the normalised text that are page, not article: everything before the title
/// (tickers, menus, "report this image" notices), embedded social posts, and the footer.
pub(crate) fn boilerplate(doc: &Doc, meta: &Meta) -> Vec<Range<usize>> {
    let text = &doc.norm.text;
    let mut out = Vec::new();
    let start = meta
        .title
        .as_ref()
        .map(|(_, s)| doc.norm.from_source(s.start as usize..s.end as usize).start)
        .unwrap_or(0);
    if start > 0 {
        out.push(0..start);
    }
    let mut pos = start;
    let mut footer = None;
    for line in text[start..].split_inclusive('\n') {
        let l = line.trim().to_lowercase();
        let r = pos..pos + line.len();
        if EMBED.iter().any(|e| l.contains(e))
            || (l.starts_with("— ") || l.starts_with("-- ")) && l.contains("(@")
        {
            out.push(r.clone());
        } else if footer.is_none() && FOOTER.iter().any(|f| l.starts_with(f)) {
            footer = Some(pos);
        }
        pos += line.len();
    }
    if let Some(f) = footer {
        out.push(f..text.len());
    }
    out
}

const MEETING_WORDS: &[&str] = &[
    "rencontre",
    "réunion",
    "réunis",
    "réuni",
    "s'est tenue",
    "ont tenu",
    "a tenu",
    "session",
    "entretien",
    "se sont retrouvés",
    "visite",
    "sommet",
    "conférence",
    "s'est entretenu",
    "se sont entretenus",
    "a rencontré",
    "ont rencontré",
    "a coprésidé",
    "ont coprésidé",
    "co-présidé",
    "au lancement",
    "lancement officiel",
    "cérémonie",
    "a inauguré",
    "ont inauguré",
    "atelier",
    "séminaire",
    "forum",
    // A visit to come: "le commissaire est attendu à Rabat la semaine prochaine".
    "est attendu à",
    "est attendue à",
    "sont attendus à",
    "sont attendues à",
    "se rendra à",
    "se rendra au",
    "se rendront à",
];
/// A reception is a meeting when someone is received: `a reçu mardi une délégation belge`,
/// not `a reçu un financement`.
const RECEIVED: &[&str] = &["a reçu", "ont reçu", "a accueilli", "ont accueilli"];
const RECEIVED_WHOM: &[&str] = &[
    "délégation",
    "homologue",
    "ambassad",
    "ministre",
    "m. ",
    "mme ",
    "secrétaire",
    "président",
];
const NEXT_WORDS: &[&str] = &[
    "prochaine réunion",
    "prochaine rencontre",
    "prochaine session",
    "prochain rendez-vous",
    "se retrouver",
    "prévue",
    "se réunira",
    "se réuniront",
    "se tiendra",
    "se tiendront",
    "de réunir",
    "de se réunir",
    "de tenir",
    "aura lieu",
    "auront lieu",
    "devrait se tenir",
    "devrait avoir lieu",
    "est annoncée",
    "est programmée",
];
const CREATION_WORDS: &[&str] = &[
    "créé",
    "créée",
    "lancé",
    "lancée",
    "institué",
    "instituée",
    "mis en place",
    "mise en place",
    "fondé",
    "fondée",
    "établi",
];

/// Words that recall an earlier meeting rather than report one.
const RECALLED: &[&str] = &[
    "dernière réunion",
    "précédente réunion",
    "précédente session",
    "dernière session",
    "s'était tenu",
    "s'étaient tenu",
    "avait eu lieu",
    "avaient eu lieu",
    "s'était réuni",
    "s'étaient réuni",
];

pub(crate) fn parse(
    doc: &mut Doc,
    meta: &Meta,
    mentions: &[Mention],
    ents: &mut Entities,
    exclude: &[Range<usize>],
    out: &mut Out,
) {
    let text = doc.norm.text.clone();
    let inside = |m: &Mention| !exclude.iter().any(|x| x.start <= m.start && m.end <= x.end);
    for m in mentions.iter().filter(|m| !inside(m)) {
        doc.diagnostic(
            "outside-article-body",
            rec::Severity::Info,
            "this date is in the page around the article (ticker, menu, embed or footer), not in the article".into(),
            Some(doc.span_of_norm(m.start..m.end)),
        );
    }
    let title = meta.title.as_ref().map(|t| t.0.clone());
    if let Some(date) = &meta.date {
        let ev = doc
            .norm
            .from_source(date.span.start as usize..date.span.end as usize);
        let source = source_name(&text, ev.start);
        let label = match (&title, source) {
            (Some(t), Some(s)) => format!("Publication dans {s} : {t}"),
            (Some(t), None) => format!("Publication : {t}"),
            (None, _) => "Publication".to_owned(),
        };
        out.event(
            doc,
            rec::EventKind::Publication,
            label,
            Some(date.when.clone()),
            None,
            Vec::new(),
            sentence(&text, ev.start),
        );
    }
    // Each delegation, with its members.
    let mut from = 0;
    while let Some(i) = doc.lower[from..].find("délégation") {
        let at = from + i;
        let s = sentence(&text, at);
        if !exclude.iter().any(|x| x.start <= at && at < x.end) {
            let members = ents.people_in(doc, s.clone());
            if !members.is_empty() {
                let label: String = text[at..s.end]
                    .split([',', ':'])
                    .next()
                    .unwrap_or("")
                    .split(" était")
                    .next()
                    .unwrap_or("")
                    .split(" incluait")
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_owned();
                let idx = out.item(
                    doc,
                    rec::ItemKind::Participant,
                    None,
                    Some(label),
                    &text[s.clone()],
                    s.clone(),
                );
                out.items[idx].people = members;
                out.items[idx].partners = ents.partners_in(s.clone());
            }
        }
        from = s.end.max(at + 1);
    }
    let body_partners: Vec<String> = ents.partners.keys().cloned().collect();
    let mut reported = false;
    let mut reported_when: Option<rec::When> = None;
    let mut reported_at = (0, None);
    for m in mentions
        .iter()
        .filter(|m| inside(m) && m.value.is_some() && matches!(m.kind, Kind::Date | Kind::Range))
    {
        // The publication date itself (its mention may start at "le" where the byline's starts
        // at the number).
        if meta.date.as_ref().is_some_and(|d| {
            let r = doc
                .norm
                .from_source(d.span.start as usize..d.span.end as usize);
            r.start < m.end && m.start < r.end
        }) {
            continue;
        }
        let s = sentence(&text, m.start);
        if is_dateline(&text, s.start, m) {
            continue;
        }
        let sent = doc.lower_of(s.clone()).replace('\n', " ");
        let when = event_when(mentions, m, &s);
        let is_day = m
            .value
            .as_ref()
            .is_some_and(|v| v.precision == liasse_dates::Precision::Day);
        if [
            "ont signé",
            "a signé",
            "avaient signé",
            "avait signé",
            "déjà signé",
            "également signé",
            "ont paraphé",
            "a paraphé",
            "signent",
            "signeront",
            "signature de",
            "signature d'",
            "la signature,",
            "signé le",
            "signée le",
        ]
        .iter()
        .any(|w| sent.contains(w))
            && is_day
        {
            // The place after the date, or after the verb that follows it ("Il y a un an jour
            // pour jour, les deux pays avaient signé à Rosso un protocole").
            let after_verb = || {
                let rel = m.end - s.start;
                let k = sent.get(rel..)?.find("signé")? + rel + "signé".len();
                let k = k + sent[k..].len() - sent[k..].trim_start_matches(['e', 's']).len();
                place_after(&text, s.start + k, s.end)
            };
            let place = place_after(&text, m.end, s.end)
                .or_else(after_verb)
                .or_else(|| place_between(&text, s.start, m.start));
            out.event(
                doc,
                rec::EventKind::Signature,
                shorten(&text[s.clone()]),
                when,
                place,
                ents.partners_in(s.clone()),
                s,
            );
        } else if CREATION_WORDS.iter().any(|w| sent.contains(w)) {
            out.event(
                doc,
                rec::EventKind::Other,
                shorten(&text[s.clone()]),
                when,
                place_after(&text, m.end, s.end),
                ents.partners_in(s.clone()),
                s,
            );
        } else if let Some(at) = {
            // "ont convenu de tenir la prochaine réunion à Madrid": the words that name the
            // meeting first, then the verb.
            let before = &sent[..m.start - s.start];
            let first = |named: bool| {
                NEXT_WORDS
                    .iter()
                    .filter(|w| w.starts_with("prochain") == named)
                    .filter_map(|w| before.find(w))
                    .min()
            };
            first(true).or_else(|| first(false))
        }
        .filter(|_| !is_day_in_past(m, meta))
        {
            // The keyword before the date names the meeting: "prochaine réunion du GMMP, prévue …".
            let named = sent[at..].starts_with("prochaine") || sent[at..].starts_with("prochain ");
            let label = if named {
                let phrase = &text[s.start + at..m.start];
                let phrase = phrase.split(',').next().unwrap_or(phrase);
                Some(shorten(capitalise(phrase.trim()).as_str()))
            } else if [
                "se réuni",
                "se tiendr",
                "de réunir",
                "de se réunir",
                "de tenir",
                "aura lieu",
                "auront lieu",
                "devrait",
                "est annoncée",
                "est programmée",
            ]
            .iter()
            .any(|w| sent[at..].starts_with(w))
            {
                // "Un comité de suivi se réunira … fin novembre à Rome": the sentence says it.
                Some(shorten(&text[s.clone()]))
            } else {
                // "la réunion de haut niveau Maroc-Espagne, prévue les 6 et 7 mars": the
                // meeting the verb is said of.
                crate::announcement::MEETING_WORDS
                    .iter()
                    .filter_map(|w| sent[..at].rfind(w))
                    .max()
                    .map(|noun| {
                        crate::announcement::meeting_phrase(&text[s.start + noun..s.start + at])
                    })
                    .filter(|p| p.split_whitespace().count() >= 2)
                    // "prévue" said of a meeting the sentence names only by a word of two
                    // ("la réunion, prévue …"); said of no meeting ("Les élections
                    // législatives, prévues en novembre"), it is no meeting.
                    .or_else(|| {
                        (!sent[at..].starts_with("prévue")
                            || crate::events::MEETING_NOUNS
                                .iter()
                                .any(|w| sent[..at].contains(w)))
                        .then(|| "Prochaine réunion".to_owned())
                    })
            };
            if let Some(label) = label {
                let place = place_between(&text, s.start + at, m.start)
                    .or_else(|| place_after(&text, m.end, s.end));
                out.event(
                    doc,
                    rec::EventKind::Meeting,
                    label,
                    when,
                    place,
                    ents.partners_in(s.clone()),
                    s,
                );
            }
        } else if (MEETING_WORDS.iter().any(|w| sent.contains(w))
            || RECEIVED.iter().any(|w| sent.contains(w))
                && RECEIVED_WHOM.iter().any(|w| sent.contains(w)))
            && (is_day || sent.contains("visite"))
        {
            // The meeting the article reports, told again in another sentence, is one event.
            if reported_when
                .as_ref()
                .is_some_and(|w| Some(w) == when.as_ref())
            {
                continue;
            }
            // A meeting the article recalls is not the one it reports: `La dernière réunion de
            // ce groupe s'était tenue à Rabat le 18 octobre 2023`.
            let recalled = RECALLED.iter().any(|w| sent.contains(w));
            let first = !reported && is_day && !recalled;
            let label = if first {
                title.clone().unwrap_or_else(|| shorten(&text[s.clone()]))
            } else {
                shorten(&text[s.clone()])
            };
            let place = place_after(&text, m.end, s.end)
                .or_else(|| place_between(&text, s.start, m.start))
                .or_else(|| {
                    // The dateline's place: "Rabat, 17 mai 2023 – Le ministre a reçu mardi …".
                    mentions
                        .iter()
                        .find(|d| d.start >= s.start && d.end <= m.start)
                        .filter(|d| is_dateline(&text, s.start, d))
                        .map(|d| {
                            text[s.start..d.start]
                                .trim_end()
                                .trim_end_matches(',')
                                .to_owned()
                        })
                });
            let partners = if first {
                body_partners.clone()
            } else {
                ents.partners_in(s.clone())
            };
            if first {
                reported_when = when.clone();
                reported_at = (s.start, place.clone());
            }
            if first {
                for p in &partners {
                    ents.add_role(p, rec::Role::Participant);
                }
            }
            reported |= first;
            out.event(
                doc,
                rec::EventKind::Meeting,
                label,
                when,
                place,
                partners,
                s,
            );
        }
    }
    if let Some(when) = reported_when.filter(|w| w.precision == rec::Precision::Day) {
        let (at, place) = reported_at;
        signed_there(doc, mentions, ents, exclude, (at, when, place), out);
    }
}

/// Words that say a text was signed.
const SIGNED: &[&str] = &[
    "ont signé",
    "a signé",
    "ont paraphé",
    "a paraphé",
    "ont procédé à la signature",
    "a été signé",
    "a été signée",
    "ont été signés",
    "ont été signées",
];

/// Words that put what a sentence tells at the reported meeting.
const THERE: &[&str] = &[
    "à l'issue de",
    "au terme de",
    "à cette occasion",
    "en marge de",
    "au cours de cette",
    "au cours de la rencontre",
    "au cours de l'entretien",
    "lors de cette",
    "dans la foulée",
];

/// A signature told after the reported meeting with no date of its own (no day, nothing dated
/// before its verb), but at it: "À l'issue de l'entretien, les deux parties ont signé un
/// mémorandum d'entente, qui prévoit … dès 2026" is a signature on the meeting's day and at
/// its place (`reported`: where its sentence starts, when and where it was).
fn signed_there(
    doc: &Doc,
    mentions: &[Mention],
    ents: &Entities,
    exclude: &[Range<usize>],
    reported: (usize, rec::When, Option<String>),
    out: &mut Out,
) {
    let text = &doc.norm.text;
    let mut last = None;
    for w in SIGNED {
        for at in crate::events::find_all(&doc.lower, w) {
            let s = sentence(text, at);
            if s.start <= reported.0
                || last == Some(s.start)
                || exclude.iter().any(|x| x.start <= at && at < x.end)
                || crate::events::dated_in(mentions, &s).any(|m| {
                    m.start < at
                        || m.value
                            .as_ref()
                            .is_some_and(|v| v.precision == liasse_dates::Precision::Day)
                })
            {
                continue;
            }
            let sent = doc.lower_of(s.clone()).replace('\n', " ");
            if !THERE.iter().any(|k| sent.contains(k)) {
                continue;
            }
            last = Some(s.start);
            out.event(
                doc,
                rec::EventKind::Signature,
                shorten(&text[s.clone()]),
                Some(reported.1.clone()),
                reported.2.clone(),
                ents.partners_in(s.clone()),
                s,
            );
        }
    }
}

/// A dateline opening a paragraph, `Rabat, 17 mai 2023 –` or `Dakar, le 3 mars (APS) -`: the
/// date the story was filed, not the date of what it tells.
fn is_dateline(text: &str, sentence_start: usize, m: &Mention) -> bool {
    let before = text[sentence_start..m.start].trim_end();
    let Some(place) = before.strip_suffix(',') else {
        return false;
    };
    let after = text[m.end..].trim_start();
    (1..=4).contains(&place.split_whitespace().count())
        && !place.chars().any(|c| c.is_ascii_digit())
        && place.chars().next().is_some_and(char::is_uppercase)
        && after.starts_with(['–', '—', '-', '(', ':'])
}

/// A date at or before publication cannot be the next meeting.
fn is_day_in_past(m: &Mention, meta: &Meta) -> bool {
    match (&m.value, &meta.date) {
        (Some(v), Some(d)) => v.end.to_string() <= d.when.start,
        _ => false,
    }
}

/// "Publié dans Yabiladi le …" → "Yabiladi".
fn source_name(text: &str, date_at: usize) -> Option<String> {
    let line_start = text[..date_at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..date_at];
    let l = line.to_lowercase();
    let i = l.find(" dans ").or_else(|| l.find(" sur "))?;
    let after = line[i..].trim_start();
    let after = after.split_once(' ')?.1;
    let name = after
        .trim_end()
        .strip_suffix(" le")
        .unwrap_or(after.trim_end())
        .trim();
    (!name.is_empty() && name.len() < 60).then(|| name.to_owned())
}
