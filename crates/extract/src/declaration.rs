//! Joint declarations: parties, preamble, numbered objectives under their sections, signature,
//! signatories, and the past events the preamble dates.

use std::ops::Range;

use liasse_dates::Mention;
use liasse_records as rec;
use liasse_text::BlockKind;

use crate::doc::Doc;
use crate::entities::Entities;
use crate::events::{dated_in, find_word, lower, sentence, shorten, Out};
use crate::mentions::when_of;
use crate::meta::Meta;

/// Verbs in capitals that open a consideration of the preamble.
const PREAMBLE: &[&str] = &[
    "reconnaissant",
    "soulignant",
    "agissant",
    "rappelant",
    "prenant acte",
    "considérant",
    "considerant",
    "conscients",
    "conscient",
    "réaffirmant",
    "reaffirmant",
    "notant",
    "saluant",
    "s'inspirant",
    "tenant compte",
    "réitérant",
    "convaincus",
    "déterminés",
    "résolus",
    "se félicitant",
    "exprimant",
    "accueillant",
    "désireux",
    "attachés",
];

/// The words that end the preamble and open the operative part.
const OPERATIVE: &[&str] = &[
    "ont décidé",
    "ont convenu",
    "sont convenus",
    "sont convenues",
    "décident",
    "conviennent",
    "ont adopté",
    "adoptent",
    // The parties speaking for themselves: "Nous, Ministres …, Décidons :".
    "décidons",
    "convenons",
    "avons décidé",
    "avons convenu",
    "sommes convenus",
    "nous engageons",
    // Over a list: "Les deux Parties s'engagent à :".
    "s'engagent à :",
    "s'engagent à:",
    "s'engagent :",
    "s'engagent à ce qui suit",
];

/// What an undertaking of the parties reads like.
const COMMITMENTS: &[&str] = &[
    "seront associé",
    "sera associé",
    "entendent",
    "s'engagent",
    "s'engage",
    "se réunir",
    "une réunion sera",
    "réaffirment leur intention",
    "œuvrera",
    "oeuvrera",
    "contribuer à la mise en œuvre",
    "veiller à",
];

fn commitments() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| crate::literals(aho_corasick::MatchKind::LeftmostFirst, COMMITMENTS))
}

/// Event kinds for what a preamble dates, by keyword.
const DATED_KINDS: &[(&str, rec::EventKind)] = &[
    ("mission", rec::EventKind::Mission),
    ("réunion", rec::EventKind::Meeting),
    ("sommet", rec::EventKind::Meeting),
    ("conférence", rec::EventKind::Meeting),
    ("rencontre", rec::EventKind::Meeting),
    ("visite", rec::EventKind::Meeting),
    ("séminaire", rec::EventKind::Meeting),
    ("atelier", rec::EventKind::Meeting),
    ("session", rec::EventKind::Meeting),
    ("forum", rec::EventKind::Meeting),
    ("communication", rec::EventKind::Publication),
    ("rapport", rec::EventKind::Publication),
    ("signé", rec::EventKind::Signature),
    ("signée", rec::EventKind::Signature),
    ("signés", rec::EventKind::Signature),
    ("signées", rec::EventKind::Signature),
    ("conclu", rec::EventKind::Signature),
    ("conclue", rec::EventKind::Signature),
    // An instrument adopted that day: "le Plan d'action de Cadix adopté le 3 mai 2018".
    ("adopté", rec::EventKind::Signature),
    ("adoptée", rec::EventKind::Signature),
    ("adoptés", rec::EventKind::Signature),
    ("adoptées", rec::EventKind::Signature),
    ("réuni", rec::EventKind::Meeting),
    ("réunie", rec::EventKind::Meeting),
    ("réunis", rec::EventKind::Meeting),
    ("réunies", rec::EventKind::Meeting),
    ("tenu", rec::EventKind::Meeting),
    ("tenue", rec::EventKind::Meeting),
];

/// The first words of an instrument that is signed, and that a day may name (`l'accord du 5
/// juin 1996`).
const INSTRUMENTS: &[&str] = &[
    "accord",
    "mémorandum",
    "memorandum",
    "déclaration",
    "convention",
    "protocole",
    "arrangement",
    "traité",
    "lettre d'intention",
];

/// The first words of the other instruments a preamble lists (besides [`INSTRUMENTS`]): where a
/// list of instruments names the next one.
const INSTRUMENT_HEADS: &[&str] = &[
    "plan",
    "pacte",
    "charte",
    "feuille de route",
    "stratégie",
    "cadre",
    "programme",
    "agenda",
    "partenariat",
    "processus",
    "communiqué",
    "résolution",
    "conclusions",
];

/// The participles of [`DATED_KINDS`] that tell a body met ("du Comité technique conjoint
/// réuni à Palerme les 3 et 4 février 2025"): the event is named after what comes before them.
const MET: &[&str] = &["réuni", "réunie", "réunis", "réunies", "tenu", "tenue"];

pub(crate) fn parse(
    doc: &Doc,
    meta: &Meta,
    mentions: &[Mention],
    ents: &mut Entities,
    body: Range<usize>,
    out: &mut Out,
) {
    let text = &doc.norm.text;
    let blocks: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.span.start >= body.start && b.span.end <= body.end)
        .collect();
    let norm = |b: &liasse_text::Block| doc.norm.from_source(b.span.clone());
    // Each block's clean text in lowercase, made once for the passes below.
    let lowered: Vec<String> = blocks
        .iter()
        .map(|b| doc.clean_lower(b.content.clone()))
        .collect();

    // The operative part starts at "ONT DÉCIDÉ …".
    let operative = lowered.iter().position(|l| is_operative(l));
    let first_preamble = lowered
        .iter()
        .position(|l| PREAMBLE.iter().any(|p| l.starts_with(p)));

    // Parties: what the opening paragraph (before the first consideration, or before the
    // operative line when nothing is considered: "Nous, Ministres …, Décidons :") names.
    let title_end = meta.title.as_ref().map_or(0, |(_, s)| s.end as usize);
    for b in blocks
        .iter()
        .take(first_preamble.or(operative).unwrap_or(0))
    {
        if b.span.start < title_end {
            continue;
        }
        let r = norm(b);
        let parties: Vec<&'static str> = crate::entities::matches_in(&ents.matches, r.clone())
            .iter()
            .filter(|m| m.end <= r.end)
            .filter_map(|m| match m.target {
                // "Ministre des Affaires étrangères, de l'Union européenne et de la Coopération":
                // a union in a minister's title is a portfolio, not a party.
                liasse_lexicon::Target::Partner(p)
                    if !(matches!(p, "EU" | "AU") && in_ministers_title(text, m.start)) =>
                {
                    Some(p)
                }
                _ => None,
            })
            .collect();
        for p in parties {
            ents.add_role(p, rec::Role::Party);
        }
    }
    // Signatories: "Pour le Royaume de Belgique".
    let mut signatories = Vec::new();
    for (b, l) in blocks.iter().zip(&lowered) {
        if l.starts_with("pour l") && l.len() < 120 {
            for p in ents.partners_in(norm(b)) {
                ents.add_role(&p, rec::Role::Signatory);
                if !signatories.contains(&p) {
                    signatories.push(p);
                }
            }
        }
    }
    // The signature: "Fait à Luxembourg, le sept juin deux mille treize".
    if let (Some(date), Some(b)) = (
        &meta.date,
        lowered
            .iter()
            .position(|l| l.starts_with("fait "))
            .map(|i| blocks[i]),
    ) {
        let partners = if signatories.is_empty() {
            ents.partners.keys().cloned().collect()
        } else {
            signatories.clone()
        };
        let label = meta.title.as_ref().map_or_else(
            || "Signature".to_owned(),
            |(t, _)| format!("Signature : {t}"),
        );
        out.event(
            doc,
            rec::EventKind::Signature,
            label,
            Some(date.when.clone()),
            meta.place.as_ref().map(|p| p.0.clone()),
            partners,
            norm(b),
        );
    }

    // Considerations, each with its leading verb; the goals of the operative clause.
    let preamble_end = operative.unwrap_or(blocks.len());
    for (b, l) in blocks
        .iter()
        .zip(&lowered)
        .take(preamble_end)
        .skip(first_preamble.unwrap_or(preamble_end))
    {
        let content = doc.clean(b.content.clone());
        let Some(verb) = PREAMBLE
            .iter()
            .filter(|p| l.starts_with(*p))
            .max_by_key(|p| p.len())
        else {
            continue;
        };
        // The verb as written: its words in capitals, or the verb of the list.
        let caps: Vec<&str> = content
            .split_whitespace()
            .take_while(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            })
            .collect();
        let label = if caps.is_empty() {
            content[..verb.len().min(content.len())].to_owned()
        } else {
            caps.join(" ")
        };
        out.item(
            doc,
            rec::ItemKind::Consideration,
            None,
            Some(label),
            &content,
            norm(b),
        );
    }
    if let Some(op) = operative {
        for b in blocks.iter().skip(op + 1) {
            match &b.kind {
                BlockKind::ListItem { number: None, .. } => {
                    out.item(
                        doc,
                        rec::ItemKind::Goal,
                        None,
                        None,
                        &doc.clean(b.content.clone()),
                        norm(b),
                    );
                }
                _ => break,
            }
        }
    }

    // Commitments: the sentences of the operative part (and of what follows it) in which the
    // parties undertake something, with the agencies and partners they name.
    if let Some(op) = operative {
        let from = norm(blocks[op]).end;
        let to = norm(blocks[blocks.len() - 1]).end;
        let mut seen_end = 0;
        // Leftmost cue first, the earlier of the list on a tie; the search goes on after it.
        for hit in commitments().find_iter(doc.lower_of(from..to)) {
            let s = sentence(text, from + hit.start());
            if s.start < seen_end {
                continue;
            }
            seen_end = s.end;
            let idx = out.item(
                doc,
                rec::ItemKind::Commitment,
                None,
                None,
                &text[s.clone()],
                s.clone(),
            );
            out.items[idx].partners = ents.partners_in(s.clone());
            out.items[idx].agencies = crate::entities::matches_in(&ents.matches, s.clone())
                .iter()
                .filter_map(|m| match m.target {
                    liasse_lexicon::Target::Body(b) if m.end <= s.end => Some(b.to_owned()),
                    _ => None,
                })
                .fold(Vec::new(), |mut v, b| {
                    if !v.contains(&b) {
                        v.push(b);
                    }
                    v
                });
        }
    }

    // Meetings the operative part sets: "Sa première réunion se tiendra au cours du deuxième
    // trimestre 2024", "le comité se réunira à Dakar en mars 2025".
    if let Some(op) = operative {
        let r = norm(blocks[op]).end..norm(blocks[blocks.len() - 1]).end;
        // A meeting set for a deadline ("de se réunir … au plus tard en décembre 2025 à
        // Bruxelles") is a meeting, told once.
        for m in dated_in(mentions, &r) {
            let s = sentence(text, m.start);
            let sent = doc.lower_of(s.clone()).replace('\n', " ");
            let meeting = [
                "réunion",
                "session",
                "comité",
                "réunira",
                "réuniront",
                "se réunir",
                "sommet",
                "atelier",
                "séminaire",
                "conférence",
                "forum",
            ]
            .iter()
            .any(|w| sent.contains(w));
            let set = [
                "se tiendra",
                "se tiendront",
                "se réunira",
                "se réuniront",
                "aura lieu",
                "auront lieu",
                "sera organisée",
                "sera convoquée",
                "de tenir",
                "se tenir",
                "se réunir",
                // A listed undertaking: "– tenir la deuxième session … au cours du second
                // semestre 2025", "– organiser un atelier régional en mars 2026".
                "tenir la ",
                "tenir le ",
                "tenir une ",
                "tenir un ",
                "organiser la ",
                "organiser le ",
                "organiser une ",
                "organiser un ",
                // "une réunion annuelle de la commission mixte, la prochaine à Rabat en mars".
                "la prochaine",
                "prochaine réunion",
                "prochaine session",
            ]
            .iter()
            .any(|w| sent.contains(w));
            if meeting && set {
                out.meeting_told(doc, mentions, m, s, ents);
            }
        }
    }

    // What the preamble dates: missions, meetings, communications become events; instruments
    // ("accord … en vigueur depuis mars 2000") stay dated mentions.
    // Over the whole preamble at once: in a PDF a date may straddle two lines.
    let preamble_end = operative.unwrap_or(blocks.len());
    // A joint communiqué tells what happened in plain paragraphs before "ont convenu": they
    // are its preamble.
    let opening = blocks
        .iter()
        .position(|b| b.span.start >= title_end)
        .unwrap_or(preamble_end);
    let preamble_start = match first_preamble {
        // "Nous, ministres …, réunis à Niamey les 17 et 18 septembre 2025, …": the opening
        // paragraph tells the meeting the declaration closes.
        Some(first)
            if lowered[opening.min(first)..first]
                .iter()
                .any(|l| MET.iter().any(|w| find_word(l, w).is_some())) =>
        {
            opening.min(first)
        }
        Some(first) => first,
        None if operative.is_some() => opening,
        None => preamble_end,
    };
    // The operative line's own lead, before its verb: "À l'occasion de la visite officielle en
    // Espagne de …, du 27 au 28 août 2024, les deux Gouvernements ont adopté …".
    let lead_end = operative.and_then(|op| {
        let r = norm(blocks[op]);
        let l = doc.lower_of(r.clone());
        OPERATIVE
            .iter()
            .filter_map(|w| l.find(w))
            .min()
            .filter(|&i| i > 0)
            .map(|i| r.start + i)
    });
    if preamble_start < preamble_end || lead_end.is_some() {
        let start = if preamble_start < preamble_end {
            norm(blocks[preamble_start]).start
        } else {
            norm(blocks[preamble_end]).start
        };
        let end = lead_end.unwrap_or_else(|| norm(blocks[preamble_end - 1]).end);
        let r = start..end;
        let dated: Vec<&Mention> = dated_in(mentions, &r).collect();
        for m in &dated {
            let s = sentence(text, m.start);
            let before = lower(&text[s.start..m.start]);
            // The keyword nearest before the date decides (as a word: "mission", not "Commission").
            let kind = last_dated_keyword(&before);
            let Some((at, kind, keyword)) = kind else {
                // An instrument named by its date: "la déclaration d'intention conjointe du
                // 16 janvier 2024" was signed that day.
                if let Some(at) = instrument_of_date(&before, &lower(&text[m.start..m.end])) {
                    let label =
                        format!("Signature : {}", event_label(&text[s.start + at..m.start]));
                    let when = m.value.as_ref().map(when_of);
                    let partners = ents.partners_in(s.start + at..m.start);
                    out.event(
                        doc,
                        rec::EventKind::Signature,
                        label,
                        when,
                        None,
                        partners,
                        s,
                    );
                }
                continue;
            };
            if m.value
                .as_ref()
                .is_some_and(|v| v.precision != liasse_dates::Precision::Day)
            {
                continue;
            }
            let phrase_start = s.start + at;
            // The label runs from the keyword to the first date after it ("missions de l'UE au
            // Maroc le 13 octobre 2011, le 6 décembre 2011 …" → "Mission de l'UE au Maroc").
            let first_date = dated
                .iter()
                .map(|d| d.start)
                .filter(|&d| d > phrase_start)
                .min()
                .unwrap_or(m.start);
            let phrase = &text[phrase_start..first_date];
            let met = MET.contains(&keyword);
            // The declaration's own meeting ("Les Ministres, réunis à Tunis le 17 mars 2025")
            // is its signature's.
            if met
                && meta
                    .date
                    .as_ref()
                    .zip(m.value.as_ref())
                    .is_some_and(|(d, v)| d.when == when_of(v))
            {
                continue;
            }
            let (label, place) = if kind == rec::EventKind::Signature || met {
                // "Rappelant le Mémorandum d'entente signé à Madrid le 1er juillet 2003": the
                // instrument before the verb, the place after it.
                let verb = PREAMBLE
                    .iter()
                    .filter(|p| before.starts_with(*p))
                    .map(|p| p.len())
                    .max()
                    .unwrap_or(0);
                let instrument = text[s.start + verb..phrase_start].trim();
                // The last of instruments listed: "le Processus de Rabat et le Plan d'action
                // conjoint de La Valette adopté …" names the Plan.
                let instrument = [" et ", ", "]
                    .iter()
                    .flat_map(|sep| {
                        ["le ", "la ", "l'", "l’"]
                            .iter()
                            .filter_map(move |article| {
                                let at = instrument.rfind(&format!("{sep}{article}"))?;
                                let named =
                                    instrument[at + sep.len() + article.len()..].to_lowercase();
                                // Another instrument, not a party: "entre le Royaume du Maroc et
                                // le Royaume d'Espagne" is one Mémorandum's.
                                INSTRUMENTS
                                    .iter()
                                    .chain(INSTRUMENT_HEADS)
                                    .any(|h| named.starts_with(h))
                                    .then_some(at + sep.len())
                            })
                    })
                    .max()
                    .filter(|_| !met)
                    .map_or(instrument, |i| &instrument[i..])
                    .trim_start_matches(|c: char| c.is_alphabetic() && c.is_lowercase())
                    .trim_start_matches(['\'', '’', ' ']);
                // What met is the body named, not its work ("des travaux du Comité …"); "Nous,
                // ministres …" are the ministers.
                let instrument = match instrument.find(char::is_uppercase) {
                    Some(i) if met => &instrument[i..],
                    _ => instrument,
                };
                let instrument = ["Nous, ", "Nous "]
                    .iter()
                    .find_map(|w| instrument.strip_prefix(w))
                    .unwrap_or(instrument)
                    .trim_end_matches([',', ' ']);
                if instrument.split_whitespace().count() < 2 {
                    continue;
                }
                let verb_end = phrase_start + text[phrase_start..].find(' ').unwrap_or(0);
                let what = if met { "Réunion" } else { "Signature" };
                (
                    format!("{what} : {}", event_label(instrument)),
                    // "de la tenue, le 15 octobre 2024 à Conakry, de la première session".
                    crate::events::place_after(text, verb_end, m.start)
                        .or_else(|| crate::events::place_after(text, m.end, s.end)),
                )
            } else {
                // "une visite officielle à Nouakchott, du 18 au 19 avril 2024".
                // Or after the date: "du séminaire des 4 et 5 juin 2024 à Madrid".
                let place = phrase
                    .rmatch_indices([' ', ','])
                    .find_map(|(i, _)| {
                        crate::events::place_after(text, phrase_start + i, first_date)
                    })
                    .or_else(|| crate::events::place_after(text, m.end, s.end));
                (event_label(phrase), place)
            };
            let partners = ents.partners_in(phrase_start..first_date);
            // The same visit told twice (the communiqué's subtitle, then its first paragraph):
            // one event, at the city the second names.
            let when = m.value.as_ref().map(when_of);
            if let Some(same) = out
                .events
                .iter_mut()
                .find(|e| e.kind == kind && e.when == when && kind != rec::EventKind::Signature)
            {
                let city = |p: &Option<String>| {
                    p.as_deref()
                        .is_some_and(|p| liasse_lexicon::lexicon().state_of_place(p).is_some())
                };
                if !city(&same.place) && city(&place) {
                    same.place = place;
                }
                continue;
            }
            out.event(doc, kind, label, when, place, partners, m.start..m.end);
        }
    }
}

/// Numbered objectives of the operative part, each under the last section heading above it.
pub(crate) fn objectives(doc: &Doc, body: Range<usize>) -> Vec<rec::Objective> {
    let blocks: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.span.start >= body.start && b.span.end <= body.end)
        .collect();
    let operative = blocks
        .iter()
        .position(|b| is_operative(&doc.clean_lower(b.content.clone())));
    let mut out = Vec::new();
    // Points lettered "a)", "b)" are the objectives only where no point is numbered (else they
    // are sub-points).
    let lettered = !blocks.iter().skip(operative.map_or(0, |i| i + 1)).any(|b| {
        matches!(&b.kind, BlockKind::ListItem { number: Some(n), .. } if n.chars().all(|c| c.is_ascii_digit()))
    });
    let start = operative.map_or(0, |i| i + 1);
    // In a text of articles, or of no numbered points, a list it calls its objectives is
    // them (not where its items are a numbered point's sub-points).
    let named_list = objectives_listed(doc, &blocks[start..], false);
    let articles = articles(doc, &blocks[start..]);
    if articles.len() >= 2 {
        return if named_list.len() >= 2 {
            named_list
        } else {
            articles
        };
    }
    let named = named_points(doc, &blocks[start..], POINT_WORDS);
    if named.len() >= 2 {
        return named;
    }
    // A communiqué numbers its paragraphs: when "Les deux parties ont convenu :" is one of them,
    // the points are the dashes under it, in their order, and the paragraphs after it are not.
    // The dashes or bullets under the operative line, numbered in their order.
    // A line right under an item, not itself an item, goes on with it (a PDF wraps them).
    let listed = |op: usize| -> Vec<rec::Objective> {
        let mut points: Vec<(Range<usize>, Range<usize>)> = Vec::new();
        for b in &blocks[op + 1..] {
            match b.kind {
                BlockKind::ListItem { number: None, .. } => {
                    points.push((b.content.clone(), b.span.clone()));
                }
                // Only when the item is unfinished: "Fait à …" after "… en mars 2025." is not.
                BlockKind::Paragraph
                    if b.blank_before == 0
                        && points.last().is_some_and(|(c, _)| {
                            !doc.clean(c.clone()).ends_with(['.', ';', '!', '?'])
                        }) =>
                {
                    if let Some(last) = points.last_mut() {
                        last.0.end = b.content.end;
                        last.1.end = b.span.end;
                    }
                }
                _ => break,
            }
        }
        points
            .into_iter()
            .enumerate()
            .map(|(k, (content, span))| rec::Objective {
                id: String::new(),
                number: (k + 1).to_string(),
                section: None,
                text: doc.clean(content),
                evidence: doc.span(span),
            })
            .collect()
    };
    if let Some(op) = operative {
        let numbered_paragraph = matches!(&blocks[op].kind,
            BlockKind::ListItem { number: Some(n), .. } if n.chars().all(|c| c.is_ascii_digit()));
        if numbered_paragraph {
            return listed(op);
        }
    }
    let mut section: Option<String> = None;
    let mut i = start;
    while i < blocks.len() {
        let b = blocks[i];
        match &b.kind {
            BlockKind::Heading(_) => section = Some(heading_text(doc, b)),
            BlockKind::Paragraph if is_section_line(doc, b) && next_is_numbered(&blocks, i) => {
                section = Some(heading_text(doc, b))
            }
            BlockKind::ListItem {
                number: Some(n), ..
            } if n.chars().all(|c| c.is_ascii_digit()) || (lettered && n.len() == 1) => {
                let mut end = b.content.end;
                // Lines that continue the item directly below it.
                while let Some(next) = blocks.get(i + 1) {
                    if next.blank_before == 0 && matches!(next.kind, BlockKind::Paragraph) {
                        end = next.span.end;
                        i += 1;
                    } else {
                        break;
                    }
                }
                let r = b.content.start..end;
                out.push(rec::Objective {
                    id: String::new(),
                    number: n.clone(),
                    section: section.clone(),
                    text: doc.clean(r.clone()),
                    evidence: doc.span(b.span.start..end),
                });
            }
            _ => {}
        }
        i += 1;
    }
    if out.is_empty() && named_list.len() >= 2 {
        return named_list;
    }
    if out.is_empty() {
        let points = roman_points(doc, &blocks[start..]);
        if points.len() >= 2 {
            return points;
        }
    }
    // Nothing numbered: "Conviennent de :" over bullets, two or more, are the points. The
    // line over them may be a later operative line than the first ("… les deux Gouvernements
    // ont adopté la présente déclaration." then "Les deux Parties conviennent de :").
    if out.is_empty() {
        if let Some(op) = operative {
            let later = blocks
                .iter()
                .enumerate()
                .skip(op + 1)
                .filter(|(_, b)| is_operative(&doc.clean_lower(b.content.clone())))
                .map(|(k, _)| k);
            for k in std::iter::once(op).chain(later) {
                let points = listed(k);
                if points.len() >= 2 {
                    return points;
                }
            }
        }
    }
    out
}

/// A declaration written in articles (`Article 1er – Migration légale`, `Article 2 :`,
/// `ARTICLE III`): each article is a point, its number as written (`1er` and `premier` are
/// `1`), its text the paragraphs under it (or its title when none), its title the section.
/// Points numbered inside an article are its sub-points.
fn articles(doc: &Doc, blocks: &[&liasse_text::Block]) -> Vec<rec::Objective> {
    let heads: Vec<(usize, ArticleHead)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| Some((i, article_heading(&doc.clean(b.content.clone()))?)))
        .collect();
    let mut out = Vec::new();
    for (k, (i, head)) in heads.iter().enumerate() {
        let end = heads.get(k + 1).map_or(blocks.len(), |h| h.0);
        // The article's paragraphs, up to the next article or a line that closes the text.
        let body: Vec<&&liasse_text::Block> = blocks[i + 1..end]
            .iter()
            .take_while(|b| {
                let l = doc.clean_lower(b.content.clone());
                !l.starts_with("fait à")
                    && !l.starts_with("fait a ")
                    && !l.starts_with("pour le ")
                    && !l.starts_with("pour la ")
            })
            .collect();
        let to = body
            .last()
            .map_or(blocks[*i].content.end, |l| l.content.end);
        let text = match head.text_at {
            // Its heading's line, without the heading, and the paragraphs under it.
            Some(at) => doc.clean(blocks[*i].content.start..to).split_off(at),
            None => match body.first() {
                Some(f) => doc.clean(f.content.start..to),
                None => doc.clean(blocks[*i].content.clone()),
            },
        };
        out.push(rec::Objective {
            id: String::new(),
            number: head.number.clone(),
            section: head.title.clone(),
            text,
            evidence: doc.span(blocks[*i].span.start..to),
        });
    }
    out
}

/// A list the text itself calls its objectives: the items right under a line that names
/// them and opens a list (`Les Parties s'engagent à poursuivre les objectifs suivants :`, `Les
/// objectifs de la coopération sont :`) or a heading that names them (`Objectifs de
/// l'atelier`), numbered or lettered as written (`a`, `b`; in their
/// order when bulleted, unless `numbered_only`: then a bullet ends the list), under the title of
/// the article that holds them: the first such list; nothing when none.
fn objectives_listed(
    doc: &Doc,
    blocks: &[&liasse_text::Block],
    numbered_only: bool,
) -> Vec<rec::Objective> {
    let mut section = None;
    for (i, b) in blocks.iter().enumerate() {
        // Only a line that may head an article or name objectives is cleaned and read.
        let low = doc.lower_of(doc.norm.from_source(b.content.clone()));
        let low = low.trim_start();
        if !low.contains("objectif")
            && !["art", "point", "paragraphe"]
                .iter()
                .any(|w| low.starts_with(w))
        {
            continue;
        }
        let line = doc.clean(b.content.clone());
        if let Some(head) = article_heading(&line) {
            section = head.title;
            continue;
        }
        let l = line.to_lowercase();
        // Or a heading that names them: "Objectifs de l'atelier", "OBJECTIFS SPÉCIFIQUES".
        let heading = l.starts_with("objectifs") && l.split_whitespace().count() <= 6;
        if matches!(b.kind, BlockKind::ListItem { .. })
            || !(l.ends_with(':') && crate::events::find_word(&l, "objectifs").is_some() || heading)
        {
            continue;
        }
        let mut out: Vec<rec::Objective> = Vec::new();
        for item in &blocks[i + 1..] {
            let BlockKind::ListItem { number, .. } = &item.kind else {
                break;
            };
            if numbered_only && number.is_none() {
                break;
            }
            out.push(rec::Objective {
                id: String::new(),
                number: number
                    .clone()
                    .unwrap_or_else(|| (out.len() + 1).to_string()),
                section: section.clone(),
                text: doc.clean(item.content.clone()),
                evidence: doc.span(item.span.clone()),
            });
        }
        if out.len() >= 2 {
            return out;
        }
    }
    Vec::new()
}

/// The words that name a point by its kind: `Objectif 1 :`, `Engagement 2 –`, `Axe 3 :`.
const POINT_WORDS: &[&str] = &[
    // The longer forms first; the objectives' own words first of all (`OBJECTIVE_WORDS`).
    "Objectif spécifique ",
    "OBJECTIF SPÉCIFIQUE ",
    "Objectif stratégique ",
    "OBJECTIF STRATÉGIQUE ",
    "Objectif opérationnel ",
    "Objectif ",
    "OBJECTIF ",
    "Axe stratégique ",
    "Engagement ",
    "ENGAGEMENT ",
    "Axe ",
    "AXE ",
    "Priorité ",
    "PRIORITÉ ",
    "Mesure ",
    "Recommandation ",
];

/// Paragraphs numbered in capital Roman numerals, in their order from `I` (`I. Faciliter la
/// mobilité …`, `II – Mettre en place …`), each with the lines right under it: the points of a
/// declaration that numbers nothing else, numbered as written. A short line that does not end
/// as a sentence (`I. CONTEXTE`, `II. Migration légale`) heads a section, not a point.
fn roman_points(doc: &Doc, blocks: &[&liasse_text::Block]) -> Vec<rec::Objective> {
    let mut out: Vec<rec::Objective> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = blocks[i];
        i += 1;
        if !matches!(b.kind, BlockKind::Paragraph) {
            continue;
        }
        let line = doc.clean(b.content.clone());
        let Some((number, text_at)) = roman_enumerator(&line) else {
            continue;
        };
        if roman_value(number) != Some(out.len() as u32 + 1) {
            continue;
        }
        let mut end = b.span.end;
        while blocks
            .get(i)
            .is_some_and(|n| n.blank_before == 0 && matches!(n.kind, BlockKind::Paragraph))
        {
            end = blocks[i].span.end;
            i += 1;
        }
        let all = doc.clean(b.content.start..end);
        let text = all.get(text_at..).unwrap_or_default().trim().to_owned();
        if text.split_whitespace().count() < 8 && !text.ends_with(['.', ';']) {
            continue;
        }
        out.push(rec::Objective {
            id: String::new(),
            number: number.to_owned(),
            section: None,
            text,
            evidence: doc.span(b.span.start..end),
        });
    }
    out
}

/// `II. Mettre …`, `IV) …`, `III – …`: the numeral and where the text after it starts.
fn roman_enumerator(line: &str) -> Option<(&str, usize)> {
    let n = line.len() - line.trim_start_matches(['I', 'V', 'X']).len();
    if n == 0 || n > 5 {
        return None;
    }
    let after = &line[n..];
    let rest = [". ", ") ", " – ", " — ", " - ", ".\t", "\t"]
        .iter()
        .find_map(|sep| after.strip_prefix(sep))?;
    let rest = rest.trim_start();
    rest.starts_with(char::is_alphabetic)
        .then(|| (&line[..n], line.len() - rest.len()))
}

/// The value of a Roman numeral in capitals, when it is well formed (`IV`, not `IIII`).
fn roman_value(s: &str) -> Option<u32> {
    const TABLE: [&str; 21] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    TABLE
        .iter()
        .position(|r| *r == s)
        .filter(|&k| k > 0)
        .map(|k| k as u32)
}

/// The words of [`POINT_WORDS`] that name an objective as such.
const OBJECTIVE_WORDS: &[&str] = POINT_WORDS.split_at(7).0;

/// Points named by their kind and number, each opening its own line: `Objectif 1 : Améliorer
/// la collecte …`. The point is the rest of the line and the lines right under it (no blank
/// between), or, when the line holds only the heading, the paragraph under it.
/// `words` are the kinds looked for (a prefix of [`POINT_WORDS`] or all of them); a number may
/// be dotted (`Objectif spécifique 1.2 :`).
fn named_points(doc: &Doc, blocks: &[&liasse_text::Block], words: &[&str]) -> Vec<rec::Objective> {
    let mut out: Vec<rec::Objective> = Vec::new();
    // The kinds' first words in lowercase: a line that opens on none is not cleaned.
    let heads: Vec<String> = words
        .iter()
        .filter_map(|w| w.split(' ').next())
        .map(str::to_lowercase)
        .collect();
    for (i, b) in blocks.iter().enumerate() {
        let low = doc.lower_of(doc.norm.from_source(b.content.clone()));
        let low = low.trim_start_matches(|c: char| !c.is_alphanumeric());
        if !heads.iter().any(|h| low.starts_with(h.as_str())) {
            continue;
        }
        let line = doc.clean(b.content.clone());
        let Some(rest) = words.iter().find_map(|w| line.strip_prefix(w)) else {
            continue;
        };
        let (number, after) = match rest.strip_prefix("1er") {
            Some(after) => ("1".to_owned(), after),
            None => match dotted_number(rest) {
                Some(len) => (rest[..len].to_owned(), &rest[len..]),
                None => continue,
            },
        };
        let after = after.trim_start();
        let sep = match [":", "–", "—", "-", "."]
            .iter()
            .find(|s| after.starts_with(**s))
        {
            Some(sep) => *sep,
            // "Objectif 1" alone on its line.
            None if after.is_empty() => "",
            None => continue,
        };
        if out.iter().any(|o| o.number == number) {
            continue;
        }
        let on_line = after[sep.len()..].trim();
        let mut end = i;
        // The lines right under it, up to the next point.
        while blocks.get(end + 1).is_some_and(|n| {
            n.blank_before == 0
                && matches!(n.kind, BlockKind::Paragraph)
                && !POINT_WORDS
                    .iter()
                    .any(|w| doc.clean(n.content.clone()).starts_with(w))
        }) {
            end += 1;
        }
        let text = if on_line.is_empty() {
            // The heading alone: the lines right under it, or the paragraph after a blank.
            let under = if end > i {
                Some(blocks[i + 1].content.start..blocks[end].content.end)
            } else {
                blocks
                    .get(end + 1)
                    .filter(|n| {
                        matches!(n.kind, BlockKind::Paragraph)
                            && !POINT_WORDS
                                .iter()
                                .any(|w| doc.clean(n.content.clone()).starts_with(w))
                    })
                    .map(|n| {
                        end += 1;
                        n.content.clone()
                    })
            };
            match under {
                Some(r) => doc.clean(r),
                None => continue,
            }
        } else {
            // The line from its text on, and the lines under it.
            let at = on_line.as_ptr() as usize - line.as_ptr() as usize;
            let all = doc.clean(b.content.start..blocks[end].content.end);
            all.get(at..).unwrap_or(on_line).to_owned()
        };
        out.push(rec::Objective {
            id: String::new(),
            number,
            section: None,
            text,
            evidence: doc.span(b.span.start..blocks[end].span.end),
        });
    }
    out
}

/// The length of the number opening `s`: one to three digits, and more groups after dots
/// (`2`, `1.2`, `3.1.4`; not the `.` that ends `2.` before its text).
fn dotted_number(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut len = digits(0);
    if !(1..=3).contains(&len) {
        return None;
    }
    while b.get(len) == Some(&b'.') && (1..=3).contains(&digits(len + 1)) {
        len += 1 + digits(len + 1);
    }
    Some(len)
}

/// The objectives other genres name by their number, each opening its line (`Objectif 1 :
/// achever l'équipement …`, `Objectif spécifique 2 –` in minutes or a concept note), or those
/// of a numbered list under a line that calls them objectives (`Les objectifs retenus sont :`
/// over `1. …`, `2. …`). Bullets are not numbered points: nothing from them.
pub(crate) fn named_objectives(doc: &Doc) -> Vec<rec::Objective> {
    if !doc.lower.contains("objectif") {
        return Vec::new();
    }
    let blocks: Vec<&liasse_text::Block> = doc.blocks.iter().collect();
    let named = named_points(doc, &blocks, OBJECTIVE_WORDS);
    if named.len() >= 2 {
        return named;
    }
    let listed = objectives_listed(doc, &blocks, true);
    if listed.len() >= 2 {
        return listed;
    }
    Vec::new()
}

/// An article's heading line.
#[derive(Debug, PartialEq)]
struct ArticleHead {
    /// As written, `1er` and `premier` as `1`.
    number: String,
    title: Option<String>,
    /// Where the article's text starts in the line, when it is written on its heading's line
    /// (`Article 2 – Les deux Parties mettent en place, avant le 30 juin 2025, un …`).
    text_at: Option<usize>,
}

/// The words that head an article: `Article 2`, `Art. 2`, and `Point 2` or `Paragraphe 2` in
/// the declarations that call their articles so.
const ARTICLE_WORDS: &[&str] = &[
    "Article ",
    "ARTICLE ",
    "Art. ",
    "ART. ",
    "Point ",
    "POINT ",
    "Paragraphe ",
    "PARAGRAPHE ",
];

/// `Article 1er – Migration légale` → 1, title `Migration légale`; `ARTICLE 2` → 2;
/// `Article premier :` → 1; `Article 3 – Les Parties s'engagent à …` → 3, its text on the line.
/// Not `Article 3 du règlement …` (a reference).
fn article_heading(line: &str) -> Option<ArticleHead> {
    let rest = ARTICLE_WORDS.iter().find_map(|w| line.strip_prefix(w))?;
    let (number, after) = rest
        .split_once([' ', ':', '.', '–', '—', '-'])
        .unwrap_or((rest, ""));
    let number = match number.to_lowercase().as_str() {
        "1er" | "premier" | "1ᵉʳ" => "1".to_owned(),
        n if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() && n.len() <= 3 => n.to_owned(),
        _ if number.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) && !number.is_empty() => {
            number.to_owned()
        }
        _ => return None,
    };
    let title = after
        .trim_start_matches([' ', ':', '.', '–', '—', '-'])
        .trim();
    // A heading does not run on as a sentence about another text.
    if title.starts_with(char::is_lowercase) {
        return None;
    }
    // A sentence after the number is the article itself: a long line, or one of many words
    // that ends as a sentence does.
    let words = title.split_whitespace().count();
    if line.len() > 120 || words >= 8 && title.ends_with(['.', ';']) {
        let separated = after.trim_start().starts_with([':', '.', '–', '—', '-']);
        let text = after.trim_start_matches([' ', ':', '.', '–', '—', '-']);
        return separated.then(|| ArticleHead {
            number,
            title: None,
            text_at: Some(line.len() - text.len()),
        });
    }
    Some(ArticleHead {
        number,
        title: (!title.is_empty()).then(|| title.trim_end_matches('.').to_owned()),
        text_at: None,
    })
}

/// Does a block (clean, lowercase) open the operative part: one of [`OPERATIVE`] at its
/// start or after a space?
fn is_operative(l: &str) -> bool {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let ac = AC.get_or_init(|| crate::literals(aho_corasick::MatchKind::Standard, OPERATIVE));
    ac.find_overlapping_iter(l)
        .any(|m| m.start() == 0 || l[..m.start()].ends_with(' '))
}

/// Is the name at `at` part of a minister's or ministry's title: `Ministre des Affaires
/// étrangères, de l'Union européenne`, the words between the title's head and it all
/// capitalised or links?
fn in_ministers_title(text: &str, at: usize) -> bool {
    let from = crate::doc::window_start(text, at, 120);
    let clause = &text[from..at];
    let clause = &clause[clause
        .rfind(['.', ';', ':', '\n', '('])
        .map_or(0, |i| i + 1)..];
    // A portfolio is a genitive: "de l'Union", not "et l'Union".
    if !["de l'", "de l’", "de la ", "du ", "des "]
        .iter()
        .any(|l| clause.ends_with(l))
    {
        return false;
    }
    let Some(head) = ["Ministre ", "Ministère ", "ministre ", "ministère "]
        .iter()
        .filter_map(|h| clause.rfind(h).map(|i| i + h.len()))
        .max()
    else {
        return false;
    };
    clause[head..]
        .split([' ', ',', '\''])
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(
                    w,
                    "de" | "des" | "du" | "d" | "la" | "l" | "le" | "les" | "et"
                )
                || w.ends_with("ères")
                || w.ends_with("ère")
                || w.ends_with("aux")
                || w.ends_with("ale")
                || w.ends_with("ales")
        })
}

/// Where the instrument that a day names starts in `before` (the sentence up to the date, in
/// lowercase), when it is named by that day: `l'accord de réadmission du 5 juin 1996`, `la
/// déclaration conjointe du 16 janvier 2024`. Not when a participle stands between them
/// (`l'accord entré en vigueur le 1er mars 2000`), nor far from it.
fn instrument_of_date(before: &str, date: &str) -> Option<usize> {
    let before = before.trim_end();
    if !date.starts_with("du ") && !before.ends_with(" du") {
        return None;
    }
    let clause = before.rfind([',', ';', ':', '(']).map_or(0, |i| i + 1);
    let at = INSTRUMENTS
        .iter()
        .filter_map(|w| last_word(&before[clause..], w).map(|i| clause + i))
        .max()?;
    let between: Vec<&str> = before[at..].split_whitespace().skip(1).collect();
    let participle = between
        .iter()
        .any(|w| ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e)));
    (between.len() <= 6 && !participle).then_some(at)
}

/// The last keyword of [`DATED_KINDS`] in `hay`, as [`last_word`] finds each (the one listed
/// last when two start at the same place): where it starts, its kind, the keyword.
fn last_dated_keyword(hay: &str) -> Option<(usize, rec::EventKind, &'static str)> {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let ac = AC.get_or_init(|| {
        crate::literals(
            aho_corasick::MatchKind::Standard,
            DATED_KINDS.iter().map(|(k, _)| k),
        )
    });
    ac.find_overlapping_iter(hay)
        .filter(|m| {
            let starts = !hay[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            starts && ends_word_or_plural(&hay[m.end()..])
        })
        .max_by_key(|m| (m.start(), m.pattern().as_usize()))
        .map(|m| {
            let (k, kind) = DATED_KINDS[m.pattern().as_usize()];
            (m.start(), kind, k)
        })
}

/// The last occurrence of `word` in `hay` as a whole word or its plural in `s`: `missions`
/// for `mission`, but not `réunion` for `réuni` nor `conclusions` for `conclu`.
fn last_word(hay: &str, word: &str) -> Option<usize> {
    let mut last = None;
    let mut from = 0;
    while let Some(i) = find_word(&hay[from..], word) {
        let end = from + i + word.len();
        if ends_word_or_plural(&hay[end..]) {
            last = Some(from + i);
        }
        from = end;
    }
    last
}

/// Does the text after a word end it, or its plural in `s`?
fn ends_word_or_plural(after: &str) -> bool {
    let after = after.strip_prefix('s').unwrap_or(after);
    !after.starts_with(char::is_alphabetic)
}

/// "missions de l'UE au Maroc le" → "Mission de l'UE au Maroc".
fn event_label(phrase: &str) -> String {
    let p = liasse_text::clean_inline(phrase);
    let p = p.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let mut words: Vec<&str> = p.split(' ').collect();
    while words.last().is_some_and(|w| {
        matches!(
            *w,
            "le" | "les" | "du" | "des" | "de" | "en" | "au" | "la" | "l'" | "d'"
        )
    }) {
        words.pop();
    }
    let p = words.join(" ");
    let mut chars = p.chars();
    let s = match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    };
    let s = s
        .replacen("Missions ", "Mission ", 1)
        .replacen("Communications ", "Communication ", 1);
    shorten(&s)
}

fn heading_text(doc: &Doc, b: &liasse_text::Block) -> String {
    doc.clean(b.content.clone())
}

/// A short line without final punctuation, standing alone: a section heading without marks.
fn is_section_line(doc: &Doc, b: &liasse_text::Block) -> bool {
    let t = doc.clean(b.content.clone());
    t.len() < 140
        && !t.ends_with(['.', ';', ':', ','])
        && t.chars().next().is_some_and(char::is_uppercase)
}

fn next_is_numbered(blocks: &[&liasse_text::Block], i: usize) -> bool {
    blocks.get(i + 1).is_some_and(|n| {
        matches!(
            &n.kind,
            BlockKind::ListItem {
                number: Some(_),
                ..
            }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The points' numbers and texts are `want`.
    fn assert_points(points: Vec<rec::Objective>, want: &[(&str, &str)]) {
        let got: Vec<(String, String)> = points.into_iter().map(|o| (o.number, o.text)).collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn points_named_by_their_kind() {
        let text = "Objectif spécifique 1\nAméliorer la collecte des données.\n\nObjectif \
                    spécifique 2\n\nRenforcer les capacités.\n\nObjectif spécifique 3 : Mobiliser \
                    les\nressources.\n\nAxe 4 seulement cité.\n\nObjectif spécifique 3 : redit.\n";
        let doc = Doc::new(text);
        let blocks: Vec<&liasse_text::Block> = doc.blocks.iter().collect();
        assert_points(
            named_points(&doc, &blocks, POINT_WORDS),
            &[
                ("1", "Améliorer la collecte des données."),
                ("2", "Renforcer les capacités."),
                ("3", "Mobiliser les ressources."),
            ],
        );
        // One per line, a line right under another not its continuation; dotted numbers; in
        // other genres only the objectives' own words.
        let text = "Objectif 1 : achever l'équipement des postes ;\nObjectif spécifique 1.2 – \
                    former 300 agents\nd'ici le 30 septembre ;\nAxe 3 : équiper.\nObjectif 4. \
                    Suivre.\nObjectif général : réduire.\n";
        let doc = Doc::new(text);
        assert_points(
            named_objectives(&doc),
            &[
                ("1", "achever l'équipement des postes ;"),
                ("1.2", "former 300 agents d'ici le 30 septembre ;"),
                ("4", "Suivre."),
            ],
        );
    }

    #[test]
    fn points_numbered_in_roman_numerals() {
        let text = "I. CONTEXTE\n\nConvenons de ce qui suit :\n\nI. Faciliter la mobilité des \
                    travailleurs saisonniers d'ici décembre 2026 ;\n\nII – Mettre en place un \
                    mécanisme conjoint,\nopérationnel en 2026 ;\n\nIV. Créer un fonds commun.\n\n\
                    III) Créer un fonds commun pour la réintégration.\n\nVI. Suivi.\n";
        let doc = Doc::new(text);
        let blocks: Vec<&liasse_text::Block> = doc.blocks.iter().collect();
        assert_points(
            roman_points(&doc, &blocks),
            &[
                (
                    "I",
                    "Faciliter la mobilité des travailleurs saisonniers d'ici décembre 2026 ;",
                ),
                (
                    "II",
                    "Mettre en place un mécanisme conjoint, opérationnel en 2026 ;",
                ),
                ("III", "Créer un fonds commun pour la réintégration."),
            ],
        );
        for (numeral, value) in [
            ("I", Some(1)),
            ("IV", Some(4)),
            ("XIV", Some(14)),
            ("IIII", None),
            ("", None),
        ] {
            assert_eq!(roman_value(numeral), value, "{numeral}");
        }
    }

    #[test]
    fn article_headings() {
        // (line, number, title, the article's text on the line)
        type Heading<'a> = Option<(&'a str, Option<&'a str>, Option<&'a str>)>;
        let cases: &[(&str, Heading)] = &[
            (
                "Article 1er – Migration légale",
                Some(("1", Some("Migration légale"), None)),
            ),
            ("Article premier :", Some(("1", None, None))),
            ("ARTICLE 2", Some(("2", None, None))),
            (
                "Article 12. Entrée en vigueur.",
                Some(("12", Some("Entrée en vigueur"), None)),
            ),
            ("Article III - Suivi", Some(("III", Some("Suivi"), None))),
            ("Article 3 du règlement (UE) 2016/399", None),
            ("Articles 65-68", None),
            ("Article unique", None),
            ("Point 1 – Objet", Some(("1", Some("Objet"), None))),
            ("Art. 4 – Suivi", Some(("4", Some("Suivi"), None))),
            ("PARAGRAPHE 2", Some(("2", None, None))),
            ("Point 3 de l'ordre du jour", None),
            ("Pointe-Noire, le 3 mai 2025", None),
            (
                "Article premier – Les deux Parties renforcent la coopération entre leurs services.",
                Some((
                    "1",
                    None,
                    Some("Les deux Parties renforcent la coopération entre leurs services."),
                )),
            ),
            (
                "Article 4 : Un comité de suivi se réunit chaque année à tour de rôle ;",
                Some((
                    "4",
                    None,
                    Some("Un comité de suivi se réunit chaque année à tour de rôle ;"),
                )),
            ),
            // Without a mark after its number, a sentence is not an article's.
            (
                "Article 5 Les Parties se réunissent chaque année à tour de rôle dans leurs capitales.",
                None,
            ),
        ];
        for (line, want) in cases {
            let got = article_heading(line);
            let got = got.as_ref().map(|h| {
                (
                    h.number.as_str(),
                    h.title.as_deref(),
                    h.text_at.map(|at| &line[at..]),
                )
            });
            assert_eq!(got, *want, "{line:?}");
        }
    }

    #[test]
    fn the_last_dated_keyword_is_the_last_whole_word() {
        for (hay, want) in [
            ("rappelant les conclusions de la réunion ", Some("réunion")),
            ("du comité technique réuni à palerme ", Some("réuni")),
            ("des ministres réunis à tunis ", Some("réunis")),
            ("rappelant les missions de l'ue au maroc ", Some("mission")),
            ("la commission européenne ", None),
            ("l'accord conclu à rabat ", Some("conclu")),
            ("les conclusions ", None),
        ] {
            let got = last_dated_keyword(hay).map(|(_, _, k)| k);
            assert_eq!(got, want, "{hay:?}");
            // The same as the keyword-by-keyword search it replaces.
            let slow = DATED_KINDS
                .iter()
                .filter_map(|(k, _)| last_word(hay, k).map(|i| (i, *k)))
                .max_by_key(|x| x.0)
                .map(|x| x.1);
            assert_eq!(got, slow, "{hay:?}");
        }
    }

    #[test]
    fn unions_in_a_ministers_title() {
        for (text, want) in [
            (
                "M. Albares, Ministre des Affaires étrangères, de l'Union européenne",
                true,
            ),
            (
                "le Ministère de l'Europe et des Affaires étrangères, de l'Union européenne",
                true,
            ),
            (
                "le Ministre des Affaires étrangères et l'Union européenne",
                false,
            ),
            ("le Ministre, accompagné par l'Union européenne", false),
            (
                "Le Ministre a reçu la délégation de l'Union européenne",
                false,
            ),
            ("Les deux pays et l'Union européenne", false),
        ] {
            let at = text.find("Union").unwrap();
            assert_eq!(in_ministers_title(text, at), want, "{text:?}");
        }
    }

    #[test]
    fn instruments_named_by_their_day() {
        for (before, date, want) in [
            (
                "se référant à la déclaration d'intention conjointe ",
                "du 16 janvier 2024",
                true,
            ),
            ("rappelant l'accord de réadmission du", "5 juin 1996", true),
            ("rappelant les mémorandums ", "du 3 mai 2023", true),
            ("rappelant l'esprit ", "du 3 mai 2023", false),
            (
                "rappelant l'accord entré en vigueur ",
                "le 1er mars 2000",
                false,
            ),
            (
                "rappelant l'accord entré en vigueur ",
                "du 1er mars 2000",
                false,
            ),
            (
                "rappelant l'accord, en particulier la réunion ",
                "du 1er mars 2000",
                false,
            ),
            ("rappelant le rapport ", "du 1er mars 2000", false),
        ] {
            assert_eq!(
                instrument_of_date(before, date).is_some(),
                want,
                "{before:?} {date:?}"
            );
        }
    }

    #[test]
    fn operative_openings() {
        for (l, want) in [
            ("ont décidé ce qui suit :", true),
            ("les ministres ont décidé de", true),
            ("les ministres, ont convenu", true),
            ("ils décident", true),
            ("ont décidéé", true),
            ("xont décidé", false),
            ("reconnaissant le rôle", false),
            ("", false),
        ] {
            assert_eq!(is_operative(l), want, "{l}");
        }
    }

    #[test]
    fn commitment_cues_leftmost_then_first_listed() {
        let hits: Vec<(usize, &str)> = commitments()
            .find_iter("ils s'engagent à veiller à ce que la partie sera associé")
            .map(|m| (m.start(), COMMITMENTS[m.pattern().as_usize()]))
            .collect();
        // "s'engagent" is listed before "s'engage": the longer one wins at the same start.
        assert_eq!(
            hits,
            vec![(4, "s'engagent"), (18, "veiller à"), (46, "sera associé")]
        );
    }
}
