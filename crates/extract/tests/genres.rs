//! What the genre parsers and the entity finder must get right, by value, on the seeds and on
//! sentences written for these tests.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;

use liasse_records as rec;

fn seed(name: &str) -> (String, rec::DocumentOutput) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains(name))
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let out = liasse_extract::process(name, &bytes, &liasse_extract::Options::default()).unwrap();
    (String::from_utf8(bytes).unwrap(), out)
}

fn fixture(path: &str) -> rec::DocumentOutput {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(path);
    text(&std::fs::read_to_string(path).unwrap())
}

fn text(s: &str) -> rec::DocumentOutput {
    liasse_extract::process("t.txt", s.as_bytes(), &liasse_extract::Options::default()).unwrap()
}

fn events(
    out: &rec::DocumentOutput,
    kind: rec::EventKind,
) -> Vec<(String, Option<String>, Option<String>)> {
    out.events
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| {
            let w = e.when.as_ref().map(|w| match (&w.time_start, &w.time_end) {
                (Some(a), Some(b)) => format!("{}T{a}/{b}", w.edtf),
                _ => w.edtf.clone(),
            });
            (e.label.clone(), w, e.place.clone())
        })
        .collect()
}

/// Each event's date and place.
fn when_and_place(
    events: &[(String, Option<String>, Option<String>)],
) -> Vec<(Option<&str>, Option<&str>)> {
    events
        .iter()
        .map(|e| (e.1.as_deref(), e.2.as_deref()))
        .collect()
}

fn when(out: &rec::DocumentOutput, kind: rec::EventKind) -> Vec<String> {
    events(out, kind).into_iter().filter_map(|e| e.1).collect()
}

/// Each person's name and role, in order.
fn names_and_roles(out: &rec::DocumentOutput) -> Vec<(&str, Option<&str>)> {
    out.people
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref()))
        .collect()
}

/// Each objective's number and text, in order.
fn numbered_texts(out: &rec::DocumentOutput) -> Vec<(&str, &str)> {
    out.objectives
        .iter()
        .map(|o| (o.number.as_str(), o.text.as_str()))
        .collect()
}

fn roles(out: &rec::DocumentOutput, id: &str) -> Vec<rec::Role> {
    out.partners
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.roles.clone())
        .unwrap_or_default()
}

#[test]
fn declaration_seed_objectives_sections_and_events() {
    let (_, out) = seed("001_");
    let numbers: Vec<String> = out.objectives.iter().map(|o| o.number.clone()).collect();
    let expected: Vec<String> = (1..=46).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    let section = |n: usize| out.objectives[n - 1].section.clone().unwrap();
    assert_eq!(section(1), "Mobilité, immigration régulière et intégration");
    assert!(section(12).starts_with("Prévention et lutte contre l'immigration irrégulière"));
    assert_eq!(section(21), "Migration et développement");
    assert_eq!(section(28), "Protection internationale");
    assert_eq!(section(37), "Initiatives horizontales");
    assert_eq!(section(46), "Mise en œuvre");
    assert!(out.objectives[39]
        .text
        .contains("FRONTEX, EUROPOL, CEPOL, EUROJUST, EASO et l'ETF"));

    let sig = events(&out, rec::EventKind::Signature);
    assert_eq!(sig.len(), 1);
    assert_eq!(
        (sig[0].1.as_deref(), sig[0].2.as_deref()),
        (Some("2013-06-07"), Some("Luxembourg"))
    );
    assert_eq!(
        when(&out, rec::EventKind::Mission),
        [
            "2011-10-13",
            "2011-12-06",
            "2012-05-28",
            "2012-10-18/2012-10-19",
            "2013-02-14/2013-02-15",
            "2013-02-28"
        ]
    );
    assert_eq!(when(&out, rec::EventKind::Deadline), ["2013-09"]);
    for id in [
        "MA", "EU", "DE", "BE", "ES", "FR", "IT", "NL", "PT", "SE", "GB",
    ] {
        assert!(
            roles(&out, id).contains(&rec::Role::Signatory),
            "{id} is a signatory"
        );
    }
    for id in ["frontex", "europol", "cepol", "eurojust", "easo", "etf"] {
        assert!(
            out.agencies.iter().any(|a| a.id == id),
            "{id} is named in point 40"
        );
    }
    // The implementation clause links its agencies to the partnership.
    let clause = out
        .items
        .iter()
        .find(|i| i.kind == rec::ItemKind::Commitment && i.text.contains("seront associées"))
        .unwrap();
    assert_eq!(
        clause.agencies,
        ["frontex", "europol", "cepol", "eurojust", "easo", "etf"]
    );
    let considerations = out
        .items
        .iter()
        .filter(|i| i.kind == rec::ItemKind::Consideration)
        .count();
    let goals = out
        .items
        .iter()
        .filter(|i| i.kind == rec::ItemKind::Goal)
        .count();
    assert_eq!((considerations, goals), (17, 4));
}

#[test]
fn annex_seed_every_row_and_no_text_lost() {
    let (src, out) = seed("001_");
    assert!(
        out.initiatives.len() >= 100,
        "{} initiatives",
        out.initiatives.len()
    );
    assert!(out
        .initiatives
        .iter()
        .all(|i| !i.partners.is_empty() && i.objective.is_some() && i.section.is_some()));
    let uk = out
        .initiatives
        .iter()
        .find(|i| i.text.starts_with("Offre d'une visite d'études"))
        .unwrap();
    assert_eq!(uk.partners, ["GB"]);
    let salemm = out
        .initiatives
        .iter()
        .find(|i| i.text.starts_with("SALEMM"))
        .unwrap();
    assert_eq!(salemm.partners, ["EU", "IT"]);
    assert_eq!(salemm.status, Some(rec::InitiativeStatus::Ongoing));
    let nl = out
        .initiatives
        .iter()
        .find(|i| {
            i.text
                .starts_with("Echange de bonnes pratiques dans le cadre de la réadmission")
        })
        .unwrap();
    assert_eq!(
        nl.implementing_bodies,
        ["Ministère de la Justice: service Rapatriement et Départ"]
    );
    // A cell broken across a page is joined to its row.
    let frontex = out
        .initiatives
        .iter()
        .find(|i| {
            i.text
                .starts_with("Proposition de Frontex de faire participer")
        })
        .unwrap();
    assert!(
        frontex
            .text
            .ends_with("coordonnées par Frontex, où approprié."),
        "{:?}",
        frontex.text
    );

    // Every non-empty cell's words are in some record.
    let key = |s: &str| {
        liasse_lexicon::fold(s)
            .text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let mut haystack = String::new();
    for i in &out.initiatives {
        // The initiative's text and its bodies, as the cell wrote them one after the other.
        haystack.push_str(&key(&i.text));
        for b in &i.implementing_bodies {
            haystack.push_str(&key(b));
        }
        haystack.push('|');
        for part in [
            i.objective_text.as_ref().unwrap_or(&String::new()),
            i.section.as_ref().unwrap_or(&String::new()),
        ] {
            haystack.push_str(&key(part));
            haystack.push('|');
        }
        // An objective cell reads "12. Renforcer …": its number and its wording together.
        haystack.push_str(&key(&format!(
            "{} {}",
            i.objective.clone().unwrap_or_default(),
            i.objective_text.clone().unwrap_or_default()
        )));
        for p in &i.partners {
            haystack.push_str(&key(p));
        }
    }
    let codes = ["UE", "UK", "EL"];
    let mut lost = Vec::new();
    for line in src.lines().filter(|l| l.contains('\t')) {
        for cell in line.split('\t') {
            // A cell may start with its partner code ("<b>UE</b> Proposition …").
            let norm = liasse_text::normalize(cell).text;
            let norm = norm.trim_start();
            let norm = match norm.split_once(char::is_whitespace) {
                Some((first, rest))
                    if first.len() <= 5
                        && first.chars().all(|c| c.is_ascii_uppercase() || c == '/') =>
                {
                    rest
                }
                _ => norm,
            };
            let clean = key(norm);
            let is_code = codes.contains(&cell.trim()) || clean.len() <= 5;
            let header = ["section", "objectif", "partenaire", "initiativeproposee"]
                .contains(&clean.as_str());
            if !clean.is_empty() && !is_code && !header && !haystack.contains(&clean) {
                lost.push(cell.chars().take(80).collect::<String>());
            }
        }
    }
    assert!(
        lost.is_empty(),
        "cells whose text is in no record: {lost:#?}"
    );
}

#[test]
fn agenda_seed_meeting_sessions_breaks_and_leads() {
    let (_, out) = seed("000_");
    assert_eq!(
        events(&out, rec::EventKind::Meeting)[0].1.as_deref(),
        Some("2022-03-17")
    );
    assert_eq!(
        events(&out, rec::EventKind::Meeting)[0].2.as_deref(),
        Some("Rabat")
    );
    assert_eq!(
        when(&out, rec::EventKind::Session),
        [
            "2022-03-17T09:00/11:00",
            "2022-03-17T11:15/12:45",
            "2022-03-17T14:00/17:00"
        ]
    );
    let breaks = events(&out, rec::EventKind::Break);
    assert_eq!(
        breaks.iter().map(|b| b.0.as_str()).collect::<Vec<_>>(),
        ["PAUSE CAFE", "PAUSE DEJEUNER"]
    );
    assert_eq!(
        when(&out, rec::EventKind::Break),
        ["2022-03-17T11:00/11:15", "2022-03-17T12:45/14:00"]
    );
    assert_eq!(out.document.reference.as_deref(), Some("Ares(2022)6560133"));
    assert!(
        roles(&out, "MA").contains(&rec::Role::Lead)
            && roles(&out, "EU").contains(&rec::Role::Lead)
    );
    let closing = out.items.last().unwrap();
    assert_eq!(closing.text, "CONCLUSIONS");
    let nested = out
        .items
        .iter()
        .find(|i| i.text.starts_with("Coopération au niveau multilatéral"))
        .unwrap();
    assert!(nested.parent.is_some());
}

#[test]
fn announcement_seed_meeting_chairs_and_deadline() {
    let (_, out) = seed("002_");
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(meetings[0].1.as_deref(), Some("2022-07-05/2022-07-06"));
    assert_eq!(meetings[0].2.as_deref(), Some("Madrid, Espagne"));
    assert_eq!(meetings[1].1.as_deref(), Some("2019-07"));
    assert_eq!(meetings[1].2.as_deref(), Some("Madrid"));
    assert_eq!(when(&out, rec::EventKind::Deadline), ["2022-06-21"]);
    assert!(
        roles(&out, "ES").contains(&rec::Role::CoChair)
            && roles(&out, "ES").contains(&rec::Role::Host)
    );
    assert!(roles(&out, "MA").contains(&rec::Role::CoChair));
}

#[test]
fn an_article_of_our_own_with_its_author_line_and_roles_without_commas() {
    let out = text("Migration : l'Espagne et le Sénégal renforcent leur coopération\n\nPar Mamadou Ndiaye\nPublié le 12/09/2024 à 18h45\n\nDakar, 12 sept (APS) - Le ministre sénégalais de l'Intérieur, Jean-Baptiste Tine, a reçu jeudi son homologue espagnol Fernando Grande-Marlaska.\n\nLe Premier ministre Ousmane Sonko avait évoqué la question lors de sa visite à Madrid, le 28 août dernier. Le Directeur Général Adjoint Mamadou Ba et le Coordonnateur Résident du SNU étaient présents, auprès du Ministre des Affaires Etrangères.\n");
    // The title is over the author's line, not the author.
    assert_eq!(
        out.document.title.as_deref(),
        Some("Migration : l'Espagne et le Sénégal renforcent leur coopération")
    );
    let people = names_and_roles(&out);
    assert_eq!(
        people,
        [
            ("Mamadou Ndiaye", None),
            (
                "Jean-Baptiste Tine",
                Some("ministre sénégalais de l'Intérieur")
            ),
            ("Fernando Grande-Marlaska", Some("homologue espagnol")),
            ("Ousmane Sonko", Some("Premier ministre")),
            // The title's words in capitals are the role's, not the name's.
            ("Mamadou Ba", Some("Directeur Général Adjoint")),
        ]
    );
    let national = text("Selon le coordonnateur National Sidi Ould Ahmed, le projet avance.");
    assert_eq!(
        names_and_roles(&national),
        [("Sidi Ould Ahmed", Some("coordonnateur National"))]
    );
    // A role with its complement, then the name, with no comma; the complement's words in
    // capitals go back to the role; a thing's or a place's name is no one.
    let other = text("Le ministre des Affaires Etrangères Nasser Bourita a reçu le représentant de l'OIM au Maroc Laurent De Boeck, en présence du président de la République Emmanuel Macron, du coordonnateur du programme Mobilité Talents et du Gouverneur de la Région de Niamey.");
    let people = names_and_roles(&other);
    assert_eq!(
        people,
        [
            ("Nasser Bourita", Some("ministre des Affaires Etrangères")),
            ("Laurent De Boeck", Some("représentant de l'OIM au Maroc")),
            ("Emmanuel Macron", Some("président de la République")),
        ]
    );
    // The place a date follows ends at its comma.
    let visit = out
        .events
        .iter()
        .find(|e| e.when.as_ref().is_some_and(|w| w.edtf == "2024-08-28"))
        .unwrap();
    assert_eq!(visit.place.as_deref(), Some("Madrid"));
}

#[test]
fn an_announcement_whose_first_sentence_opens_on_its_dateline() {
    let out = text("COMMUNIQUÉ DE PRESSE\n\nLancement du projet « Jeunesse et Mobilité »\n\nTunis, le 4 février 2025 — L'Agence tunisienne de coopération technique et l'OIM organisent, du mardi 18 au jeudi 20 février 2025, un atelier de lancement du projet.\n\nLes inscriptions sont ouvertes jusqu'au 10 février 2025. Une conférence de presse aura lieu le 20 février à 16 heures.\n");
    assert_eq!(
        out.document.date.as_ref().map(|d| d.edtf.as_str()),
        Some("2025-02-04")
    );
    // The day of writing is no meeting's.
    let dates: Vec<(rec::EventKind, &str)> = out
        .events
        .iter()
        .map(|e| (e.kind, e.when.as_ref().map_or("", |w| w.edtf.as_str())))
        .collect();
    assert_eq!(
        dates,
        [
            (rec::EventKind::Meeting, "2025-02-18/2025-02-20"),
            (rec::EventKind::Deadline, "2025-02-10"),
            (rec::EventKind::Meeting, "2025-02-20"),
        ]
    );
}

#[test]
fn a_concept_note_dated_in_its_header_and_a_later_conference_it_prepares() {
    let out = fixture("announcement/note_conceptuelle_voies_legales.txt");
    let meetings = events(&out, rec::EventKind::Meeting);
    // The header's days are the meeting's, named by the nearest line above them; the
    // conference it prepares, "prévue au second semestre 2025", is another.
    assert_eq!(
        meetings
            .first()
            .map(|e| (e.0.as_str(), e.1.as_deref(), e.2.as_deref())),
        Some((
            "Réunion thématique sur la migration de main-d'œuvre et les voies légales",
            Some("2024-05-22/2024-05-23"),
            Some("Dakar")
        ))
    );
    assert!(meetings
        .iter()
        .any(|e| e.0 == "Conférence ministérielle" && e.1.as_deref() == Some("2025-41")));
    assert_eq!(when(&out, rec::EventKind::Deadline), ["2024-04-30"]);
}

#[test]
fn an_article_telling_a_meeting_a_planned_one_and_a_visit_to_come() {
    let out = fixture("article/page_rencontre_et_visite_attendue.txt");
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        when_and_place(&meetings),
        [
            (Some("2024-02-13"), Some("Rabat")),
            (Some("2024-03-06/2024-03-07"), Some("Madrid")),
            // "est attendu à Rabat la semaine prochaine": a visit to come.
            (Some("2024-02-19/2024-02-25"), Some("Rabat")),
        ]
    );
    // The meeting "prévue les 6 et 7 mars prochains" is named by the words before the verb.
    assert_eq!(meetings[1].0, "Réunion de haut niveau (RHN) Maroc-Espagne");
}

#[test]
fn minutes_of_a_joint_committee_named_by_a_compound_adjective() {
    let out = fixture("minutes/pv_comite_mixte_senegalo_italien.txt");
    // "sénégalo-italien" names both states and neither alone: the directorate its director
    // heads is the home state's, that of the hotel in Dakar where the sitting was held.
    let paf = out
        .agencies
        .iter()
        .find(|a| a.name == "Police de l'Air et des Frontières")
        .unwrap();
    assert_eq!(paf.country.as_deref(), Some("SN"));
    let diop = out
        .people
        .iter()
        .find(|p| p.name == "Mamadou Diop")
        .unwrap();
    assert_eq!(diop.organization.as_deref(), Some(paf.id.as_str()));
    assert!(out.partners.iter().any(|p| p.id == "IT"));
    assert!(out.partners.iter().any(|p| p.id == "SN"));
    // A session to organise before the end of November is a meeting, not a deadline; the
    // protocol to finalise by 31 January is one.
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        when_and_place(&meetings),
        [
            (
                Some("2024-10-08T09:30/16:00"),
                Some("l'hôtel King Fahd Palace de Dakar")
            ),
            (Some("2024-03-14/2024-03-15"), Some("Rome")),
            (Some("2024-11"), Some("Thiès")),
            (Some("2025-40"), Some("Rome")),
        ]
    );
    assert_eq!(when(&out, rec::EventKind::Deadline), ["2025-01-31"]);
}

#[test]
fn a_bilateral_declaration_signed_by_a_minister_of_each_party() {
    let out = fixture("declaration/declaration_bilaterale_deux_signataires.txt");
    // Each party's block is three lines: its "Pour …" line, the name, the title; the first
    // block lies beyond the last four lines.
    assert_eq!(
        names_and_roles(&out),
        [
            (
                "Mohamed Salem Ould Merzoug",
                Some("Ministre des Affaires étrangères")
            ),
            (
                "José Manuel Albares",
                Some(
                    "Ministre des Affaires étrangères, de l'Union européenne et de la Coopération"
                )
            ),
        ]
    );
    let numbers: Vec<&str> = out.objectives.iter().map(|o| o.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    assert!(roles(&out, "MR").contains(&rec::Role::Signatory));
    assert!(roles(&out, "ES").contains(&rec::Role::Signatory));
    // Its first meeting "se tiendra avant la fin de l'année 2024": a meeting, not a deadline.
    assert!(when(&out, rec::EventKind::Meeting).contains(&"2024".to_owned()));
    assert!(when(&out, rec::EventKind::Deadline).is_empty());
}

#[test]
fn an_agenda_under_two_parties_with_its_venue_under_the_date() {
    let out = fixture("agenda/ordre_du_jour_annote_deux_parties.txt");
    // The parties' line is the letterhead; the meeting is the line under it.
    assert_eq!(
        out.document.title.as_deref(),
        Some("Réunion des hauts fonctionnaires sur la migration et la mobilité")
    );
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        meetings.first().map(|e| (e.0.as_str(), e.1.as_deref())),
        Some((
            "Réunion des hauts fonctionnaires sur la migration et la mobilité",
            Some("2024-12-12/2024-12-13")
        ))
    );
    // The venue under the date is the header's, not an agenda item.
    assert!(!out.items.iter().any(|i| i.text.contains("Justus Lipsius")));
    assert_eq!(events(&out, rec::EventKind::Session).len(), 7);
    assert_eq!(
        when(&out, rec::EventKind::Break),
        ["2024-12-12T12:30/14:00"]
    );
}

#[test]
fn an_annex_of_tables_under_their_objectives_and_a_national_guard() {
    let out = fixture("annex/matrice_objectifs_au_dessus_des_tableaux.txt");
    let rows: Vec<(Option<&str>, Vec<&str>, Option<&str>)> = out
        .initiatives
        .iter()
        .map(|i| {
            (
                i.objective.as_deref(),
                i.partners.iter().map(String::as_str).collect(),
                i.deadline.as_ref().map(|w| w.edtf.as_str()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("1"), vec!["TN", "DE", "BE"], Some("2024/2026")),
            (Some("1"), vec!["TN", "FR"], Some("2025-35")),
            (Some("2"), vec!["TN", "IT"], Some("2025-01/2026-12")),
            (Some("2"), vec!["TN"], Some("2025-06")),
        ]
    );
    let guard = out
        .agencies
        .iter()
        .find(|a| a.name == "Garde nationale")
        .unwrap();
    assert_eq!(guard.country.as_deref(), Some("TN"));
    // "Garde" heads a force only: the Keeper of the Seals is a minister.
    let out = text("Le Garde des Sceaux, ministre de la Justice, a reçu la Garde côtière.\n");
    let names: Vec<&str> = out.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Garde côtière"]);
}

#[test]
fn article_seed_boilerplate_meeting_and_delegations() {
    let (_, out) = seed("003_");
    assert_eq!(out.document.date.as_ref().unwrap().edtf, "2024-11-30");
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(meetings[0].1.as_deref(), Some("2024-11-29"));
    assert!(meetings[0].2.as_deref().unwrap().contains("Paris"));
    assert!(meetings
        .iter()
        .any(|m| m.1.as_deref() == Some("2025-33") && m.2.as_deref() == Some("France")));
    assert_eq!(when(&out, rec::EventKind::Other), ["2018-05"]);
    // Nothing from the ticker around the article.
    let ids: Vec<&str> = out.partners.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["FR", "MA"]);
    let fetet = out.people.iter().find(|p| p.name == "Simon Fetet").unwrap();
    assert!(fetet
        .role
        .as_deref()
        .unwrap()
        .starts_with("Directeur de l'Immigration au ministère de l'Intérieur"));
    assert_eq!(fetet.organization.as_deref(), Some("fr-interior"));
    let zerouali = out
        .people
        .iter()
        .find(|p| p.name == "Khalid Zerouali")
        .unwrap();
    assert_eq!(zerouali.organization.as_deref(), Some("ma-interior"));
    let members: usize = out
        .items
        .iter()
        .filter(|i| i.kind == rec::ItemKind::Participant)
        .map(|i| i.people.len())
        .sum();
    assert_eq!(members, 8);
    assert!(out
        .diagnostics
        .iter()
        .any(|d| d.code == "outside-article-body"));
}

#[test]
fn minutes_seed_people_participants_and_decisions() {
    let (_, out) = seed("004_");
    assert_eq!(when(&out, rec::EventKind::Meeting), ["2008-12-24"]);
    let names: Vec<&str> = out.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Youssef Amrani",
            "Mourad Wahba",
            "Johannes van der Klaauw",
            "Naïma Senhadji"
        ]
    );
    assert_eq!(
        out.people[0].role.as_deref(),
        Some("Secrétaire Général du MAEC")
    );
    assert_eq!(out.people[0].organization.as_deref(), Some("ma-maec"));
    let count = |k: rec::ItemKind| out.items.iter().filter(|i| i.kind == k).count();
    assert_eq!(
        (
            count(rec::ItemKind::Participant),
            count(rec::ItemKind::DebatePoint),
            count(rec::ItemKind::Decision)
        ),
        (19, 9, 4)
    );
    assert_eq!(count(rec::ItemKind::Statement), 2);
    for id in [
        "undp",
        "unhcr",
        "ilo-office",
        "unfpa",
        "unicef",
        "unifem",
        "uneca",
        "unaids",
        "iom",
        "ma-maec",
        "ma-ccme",
    ] {
        assert!(out.agencies.iter().any(|a| a.id == id), "{id}");
    }
    // The generic ministries of Moroccan minutes are Moroccan.
    assert!(out.agencies.iter().any(|a| a.id == "ma-interior"));
    assert!(out.agencies.iter().any(|a| a.id == "ma-justice"));
}

/// Sentences written for this test, in the style of the genre but in none of the seeds.
#[test]
fn entities_in_sentences_of_our_own() {
    let out = text("La délégation sénégalaise, conduite par M. Amadou Diallo, Directeur général des Sénégalais de l'Extérieur, a rencontré le HCR et l'OIM à Genève.");
    let p = &out.people[0];
    assert_eq!(
        (p.name.as_str(), p.honorific.as_deref()),
        ("Amadou Diallo", Some("M."))
    );
    assert_eq!(
        p.role.as_deref(),
        Some("Directeur général des Sénégalais de l'Extérieur")
    );
    assert!(out.partners.iter().any(|p| p.id == "SN"));
    assert!(
        out.agencies.iter().any(|a| a.id == "unhcr") && out.agencies.iter().any(|a| a.id == "iom")
    );

    let out = text("L'Office français de protection des réfugiés et apatrides (OFPRA) et le BAMF ont signé un protocole d'échange.");
    let ids: Vec<&str> = out.agencies.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["de-bamf", "fr-ofpra"]);

    let out = text("Mme Claire Dubois, Conseillère au Ministère de l'Europe et des Affaires étrangères, a présenté le rapport.");
    assert_eq!(out.people[0].organization.as_deref(), Some("fr-meae"));

    // A generic ministry takes the state named before it.
    let out = text("Les autorités espagnoles ont indiqué que le Ministère de l'Intérieur renforcera ses effectifs.");
    assert!(
        out.agencies.iter().any(|a| a.id == "es-interior"),
        "{:?}",
        out.agencies
    );

    // A body not in the authority file is kept, without authority.
    let out = text(
        "Le projet est mis en œuvre par l'Agence Nationale pour l'Emploi des Jeunes du Niger.",
    );
    let a = out
        .agencies
        .iter()
        .find(|a| a.name.starts_with("Agence Nationale pour l'Emploi"))
        .unwrap();
    assert_eq!(a.authority, None);

    // Two states' agencies of the same name: the acronym in brackets after it tells which.
    let out = text("Pour la partie mauritanienne : l'Agence nationale pour la promotion de l'emploi des jeunes (ANAPEJ). Pour la partie sénégalaise : l'Agence nationale pour la promotion de l'emploi des jeunes (ANPEJ).");
    let ids: Vec<(&str, usize)> = out
        .agencies
        .iter()
        .map(|a| (a.id.as_str(), a.mentions.len()))
        .collect();
    assert_eq!(ids, [("mr-anapej", 2), ("sn-anpej", 2)]);

    // Predecessor and successor are two entries.
    let out = text("Le Bureau européen d'appui en matière d'asile (EASO), devenu l'Agence de l'Union européenne pour l'asile, appuie la réforme.");
    let ids: Vec<&str> = out.agencies.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["easo", "euaa"]);

    // States in their long and adjective forms.
    let out = text("Les autorités mauritaniennes et le Royaume d'Espagne ont convenu d'une feuille de route avec la République du Mali.");
    let ids: Vec<&str> = out.partners.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["ES", "ML", "MR"]);

    // No person from a street name or a title alone.
    let out = text("Le siège se trouve rue Mohammed V, à côté du Directeur.");
    assert!(out.people.is_empty(), "{:?}", out.people);

    // A role written without its accents; a name ending in a Roman numeral; a head and the
    // acronym that names it; a body "auprès" another.
    let out = text("Modératrice : Mme Nezha El Ouafi, Secrétaire d'Etat.");
    assert_eq!(out.people[0].role.as_deref(), Some("Secrétaire d'Etat"));
    // A role written as a label before its holder, anywhere in the text; the next line's
    // label is not the role of the name above it.
    let out = text("PROCÈS-VERBAL DE LA RÉUNION\nNouakchott, le 14 mars 2024\n\nRapporteur : M. Ousmane Ba\nSecrétaire de séance : Mme Khadijetou Sy\nModérateur : Pr Amadou Sall (Université de Dakar)\nPrésident de séance : Awa Ndiaye, Directrice de l'Emploi\nLieu : Hôtel Azalaï, Nouakchott\n\nLa séance a été ouverte à 10 heures.\n\nLa séance a été levée à 13 heures.\n\nL'ordre du jour étant épuisé, les participants se sont séparés.\n\nFait à Nouakchott.\n");
    let people = names_and_roles(&out);
    assert_eq!(
        people,
        [
            ("Ousmane Ba", Some("Rapporteur")),
            ("Khadijetou Sy", Some("Secrétaire de séance")),
            ("Amadou Sall", Some("Modérateur")),
            ("Awa Ndiaye", Some("Directrice de l'Emploi")),
        ]
    );
    // A role title is a whole word (`Wali` is one, `Walid` a name); a place before a second
    // apposition ends neither the role nor is anyone; a body in brackets after a name is the
    // person's organisation.
    let out = text("Étaient présents :\n- M. Slim Ben Ammar, Gouverneur de Médenine, président de séance ;\n- M. Walid Chouchane (GIZ) ;\n- Mlle Amira Bouzid, assistante de projet.\n");
    let people: Vec<(&str, Option<&str>, Option<&str>)> = out
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.role.as_deref(),
                p.organization.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "Slim Ben Ammar",
                Some("Gouverneur de Médenine, président de séance"),
                None
            ),
            ("Walid Chouchane", None, Some("de-giz")),
            ("Amira Bouzid", Some("assistante de projet"), None),
        ]
    );
    // A byline's authors; a role after "du" before its holder.
    let out = text("Dakar et Bruxelles lancent un partenariat\nPar Aminata Diop et Moussa Ba | Publié le 12/03/2025\n\nLa cérémonie s'est déroulée en présence du ministre de la Formation professionnelle, Amadou Moustapha Ndieck Sarré, et de l'ambassadeur.\n");
    assert_eq!(
        names_and_roles(&out),
        [
            ("Aminata Diop", None),
            ("Moussa Ba", None),
            (
                "Amadou Moustapha Ndieck Sarré",
                Some("ministre de la Formation professionnelle")
            ),
        ]
    );
    // A portfolio's words after a minister's title are no one's name.
    let out = text("Programme\n09h00 – 09h45\tCérémonie d'ouverture\n\t- Allocution du Ministre de la Promotion de la Femme et de la Protection de l'Enfant\n");
    assert!(out.people.is_empty(), "{:?}", out.people);
    // Honorifics that stack.
    let out = text("Allocution de S.E. Mme Claudia Wiedey, Ambassadrice.");
    let p = &out.people[0];
    assert_eq!(
        (p.honorific.as_deref(), p.name.as_str()),
        (Some("S.E. Mme"), "Claudia Wiedey")
    );
    let out = text("Intervenants : le Centre Mohammed VI et le Programme FINCOME.");
    let names: Vec<&str> = out.agencies.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Centre Mohammed VI"), "{names:?}");
    assert!(names.contains(&"Programme FINCOME"), "{names:?}");
    let out =
        text("Le Ministère Délégué auprès du Chef du Gouvernement du Maroc a présenté le bilan.");
    let names: Vec<&str> = out.agencies.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ministère Délégué auprès du Chef du Gouvernement du Maroc"]
    );

    // A role, then an honorific and the name; the buttons of a web page are no one.
    let out = text("Rabat, 17 mai 2023 – Le ministre délégué chargé des Marocains résidant à l'étranger, M. Karim Idrissi, a reçu mardi une délégation.\n\nPartager : Facebook Twitter\n");
    let people = names_and_roles(&out);
    assert_eq!(
        people,
        [(
            "Karim Idrissi",
            Some("ministre délégué chargé des Marocains résidant à l'étranger")
        )]
    );
    // "mardi" in a sentence in the past: the Tuesday before the document's date.
    assert!(
        out.dates
            .iter()
            .any(|d| d.text == "mardi" && d.when.as_ref().unwrap().edtf == "2023-05-16"),
        "{:?}",
        out.dates
    );

    // A ministry's name stops where a known body begins; with no state around it, the
    // document's city tells whose it is; known ministries are named without their qualifier.
    let out = text("Tunis, le 2 septembre 2024\n\nLe Ministère des Affaires sociales et l'Organisation internationale du Travail (OIT) organisent un atelier.\n");
    let agencies: Vec<(&str, &str)> = out
        .agencies
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    assert_eq!(
        agencies,
        [
            ("ilo", "Organisation internationale du travail"),
            ("tn-social", "Ministère des Affaires sociales")
        ]
    );
}

#[test]
fn minutes_of_our_own_dated_under_their_title_with_a_list_of_participants() {
    let out = text("COMPTE RENDU\nRéunion du Groupe thématique « Migration et Développement »\nLundi 7 avril 2025 – Visioconférence (Teams)\n\nParticipants : Aïssatou Sow (OIM), Jean Dupont (Expertise France), Fatima Zahra El Idrissi (Ministère de l'Intérieur, Maroc), Pedro Sánchez Ruiz (AECID).\n\n1. Point sur le projet\nM. Sánchez Ruiz a indiqué que l'AECID lancera un appel en juin prochain.\n\nProchaine réunion : lundi 5 mai 2025, même heure.\n");
    // The date is the line of the title's stack that opens on it; the sitting is named by the
    // line under a title that only names the genre.
    assert_eq!(
        out.document.date.as_ref().map(|d| d.edtf.as_str()),
        Some("2025-04-07")
    );
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        meetings
            .iter()
            .map(|m| (m.0.as_str(), m.1.as_deref()))
            .collect::<Vec<_>>(),
        [
            (
                "Réunion du Groupe thématique « Migration et Développement »",
                Some("2025-04-07")
            ),
            (
                "Prochaine réunion : lundi 5 mai 2025, même heure.",
                Some("2025-05-05")
            ),
        ]
    );
    // Participants without honorifics, each with the body in brackets; "M. Sánchez Ruiz" is
    // the participant told before; a ministry followed by its state after a comma is that
    // state's.
    let people: Vec<(&str, Option<&str>)> = out
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.organization.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Aïssatou Sow", Some("iom")),
            ("Jean Dupont", Some("fr-expertise")),
            ("Fatima Zahra El Idrissi", Some("ma-interior")),
            ("Pedro Sánchez Ruiz", Some("es-aecid")),
        ]
    );
    assert_eq!(out.people[3].mentions.len(), 2);
}

#[test]
fn a_declaration_of_our_own_with_objectives_named_by_their_kind() {
    let out = text("DÉCLARATION DE NIAMEY\nsur la migration de main-d'œuvre\n\nNiamey, le 18 septembre 2025\n\nNous, ministres en charge de l'emploi du Mali, du Niger et du Togo, réunis à Niamey les 17 et 18 septembre 2025,\n\nReconnaissant le rôle de la mobilité de la main-d'œuvre ;\n\nDécidons de :\n\nObjectif 1 : Améliorer la collecte et le partage des données sur les migrations de main-d'œuvre.\n\nObjectif 2 : Renforcer la reconnaissance mutuelle\ndes qualifications.\n\nObjectif 3 : Mobiliser les ressources.\n\nNous chargeons la Commission de la CEDEAO d'assurer le suivi de la présente déclaration.\n\nFait à Niamey, le 18 septembre 2025.\n");
    let objectives: Vec<(&str, &str)> = numbered_texts(&out);
    assert_eq!(
        objectives,
        [
            (
                "1",
                "Améliorer la collecte et le partage des données sur les migrations de main-d'œuvre."
            ),
            ("2", "Renforcer la reconnaissance mutuelle des qualifications."),
            ("3", "Mobiliser les ressources."),
        ]
    );
    // The meeting the opening paragraph tells, over two days, besides the signature.
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        meetings
            .iter()
            .map(|m| (m.1.as_deref(), m.2.as_deref()))
            .collect::<Vec<_>>(),
        [(Some("2025-09-17/2025-09-18"), Some("Niamey"))]
    );
}

#[test]
fn minutes_written_the_day_after_the_sitting_with_a_roster_and_a_schedule() {
    let out = fixture("minutes/compte_rendu_redige_le_lendemain_liste_de_presence.txt");
    // Written in Bamako on the 14th, of the sitting held on the 13th, closed at 13:00 that day.
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        when_and_place(&meetings),
        [
            (Some("2024-02-13"), Some("Bamako")),
            (Some("2024-04-15"), None),
            (Some("2024-05"), None),
        ]
    );
    let sitting = out
        .events
        .iter()
        .find(|e| e.kind == rec::EventKind::Meeting)
        .unwrap();
    assert_eq!(
        sitting.when.as_ref().unwrap().time_end.as_deref(),
        Some("13:00")
    );
    // The schedule the participants agreed on: one event a step.
    let labels: Vec<(&str, &str)> = out
        .events
        .iter()
        .filter(|e| e.evidence.text.len() < 80)
        .map(|e| (e.label.as_str(), e.when.as_ref().unwrap().edtf.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("Atelier de lancement", "2024-04-15"),
            ("Consultations régionales", "2024-05/2024-06"),
            ("Validation technique", "2024-35"),
            ("Adoption en Conseil des ministres", "2024-12-31"),
        ]
    );
    // The roster names two more people, with their function and body; those told in the text
    // already are not named twice, whatever the order of their names.
    let people: Vec<(&str, Option<&str>, Option<&str>)> = out
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.role.as_deref(),
                p.organization.as_deref(),
            )
        })
        .collect();
    assert_eq!(people.len(), 6);
    assert!(people.contains(&(
        "SIDIBÉ Fatoumata",
        Some("Administratrice de programme"),
        Some("unhcr")
    )));
    assert!(people.iter().any(|p| p.0 == "DUPONT Claire"));
    let attaher = out
        .people
        .iter()
        .find(|p| p.name == "Mossa AG ATTAHER")
        .unwrap();
    assert_eq!(attaher.mentions.len(), 2);
}

#[test]
fn a_call_for_applications_with_its_schedule_as_a_list() {
    let out = fixture("announcement/appel_candidatures_calendrier.txt");
    // Every step of the list is an event (the interviews, told as a meeting of the call by
    // the prose reading, keep their date).
    let steps: Vec<(rec::EventKind, &str, &str)> = out
        .events
        .iter()
        .map(|e| {
            (
                e.kind,
                e.label.as_str(),
                e.when.as_ref().unwrap().edtf.as_str(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            (
                rec::EventKind::Publication,
                "Publication : APPEL À CANDIDATURES",
                "2025-02-03"
            ),
            (
                rec::EventKind::Deadline,
                "Date limite de dépôt des candidatures",
                "2025-03-10"
            ),
            (
                rec::EventKind::Meeting,
                "APPEL À CANDIDATURES",
                "2025-03-24/2025-03-28"
            ),
            (
                rec::EventKind::Other,
                "Publication des résultats",
                "2025-04-15"
            ),
            (
                rec::EventKind::Meeting,
                "Séance d'information pré-départ",
                "2025-05-12/2025-05-18"
            ),
            (rec::EventKind::Other, "Départ des lauréats", "2025-09"),
        ]
    );
}

#[test]
fn a_news_page_whose_signature_follows_the_meeting_with_no_date_of_its_own() {
    let out = fixture("html/article_entretien_et_signature_a_l_issue.html");
    // "À l'issue de l'entretien, les deux parties ont signé un mémorandum …, dès la campagne
    // agricole 2026": signed on the day and at the place of the talks, not in 2026.
    let signatures = events(&out, rec::EventKind::Signature);
    assert_eq!(
        when_and_place(&signatures),
        [(Some("2025-06-12"), Some("Dakar"))]
    );
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        when_and_place(&meetings),
        [
            (Some("2025-06-12"), Some("Dakar")),
            (Some("2026-33"), Some("Madrid")),
            (Some("2025-10-15"), Some("Dakar")),
        ]
    );
}

#[test]
fn a_declaration_in_articles_whose_objectives_are_a_list_it_names() {
    let out = fixture("declaration/declaration_articles_objectifs_listes.txt");
    // The five points listed under "les objectifs suivants :", not the four articles.
    let objectives: Vec<(&str, Option<&str>)> = out
        .objectives
        .iter()
        .map(|o| (o.number.as_str(), o.section.as_deref()))
        .collect();
    assert_eq!(
        objectives,
        ["a", "b", "c", "d", "e"].map(|n| (n, Some("Axes prioritaires")))
    );
    assert!(out.objectives[0]
        .text
        .starts_with("promouvoir les voies légales"));
    // A lettered list under a numbered point stays that point's sub-points.
    let numbered = text("DÉCLARATION CONJOINTE DE RABAT\n\nRabat, le 3 mars 2025\n\nLes ministres du Maroc et de l'Espagne, réunis à Rabat,\n\nConsidérant la coopération ;\n\nConviennent de ce qui suit :\n\n1. Renforcer la coopération.\n\n2. Les Parties poursuivent les objectifs suivants :\na) premier objectif ;\nb) second objectif.\n\n3. Suivre la mise en oeuvre.\n\nFait à Rabat, le 3 mars 2025.\n");
    let numbers: Vec<&str> = numbered
        .objectives
        .iter()
        .map(|o| o.number.as_str())
        .collect();
    assert_eq!(numbers, ["1", "2", "3"]);
}

#[test]
fn an_agenda_in_rows_of_tabs_over_two_days_with_a_minister_of_two_titles() {
    let out = fixture("agenda/atelier_validation_tableau_deux_jours_roles_empiles.txt");
    // "du Ministre de la Justice, Garde des Sceaux, M. Alio Daouda": both titles are his role,
    // and the second is no person.
    assert_eq!(
        names_and_roles(&out),
        [
            ("Paolo Caputo", Some("Chef de mission de l'OIM au Niger")),
            (
                "Alio Daouda",
                Some("Ministre de la Justice, Garde des Sceaux")
            ),
            ("Aïchatou Moussa", Some("consultante")),
        ]
    );
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        when_and_place(&meetings),
        [(Some("2025-09-23/2025-09-24"), Some("Niamey"))]
    );
    assert_eq!(events(&out, rec::EventKind::Session).len(), 8);
    assert_eq!(
        when(&out, rec::EventKind::Break),
        [
            "2025-09-23T09:15/09:45",
            "2025-09-23T13:00/14:00",
            "2025-09-24T10:30/11:00"
        ]
    );
}

#[test]
fn an_annex_table_whose_objective_column_refers_to_objectives_by_number() {
    let out = fixture("html/annexe_suivi_objectifs_references.html");
    // "N° | Initiative | Objectif": the number is the row's, "Obj. 2" the objective's.
    let rows: Vec<(Option<&str>, Vec<&str>)> = out
        .initiatives
        .iter()
        .map(|i| {
            (
                i.objective.as_deref(),
                i.partners.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("2"), vec!["ES", "MA"]),
            (Some("4"), vec!["FR", "SN", "ML"]),
            (Some("1"), vec!["GN", "CI"]),
            (Some("3"), vec!["DE", "NG"]),
        ]
    );
    let mut numbers: Vec<&str> = out.objectives.iter().map(|o| o.number.as_str()).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
}

#[test]
fn two_bodies_joined_by_et_and_a_delegation_named_by_an_acronym() {
    let out = text("RÉPUBLIQUE DU SÉNÉGAL\n\nNote\n\nDakar, le 3 mars 2025\n\nOnt participé la Délégation UE, l'Ambassade d'Italie à Dakar et l'Ambassade d'Espagne.\n");
    let agencies: Vec<(&str, &str, Option<&str>)> = out
        .agencies
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.kind.as_deref().unwrap_or(""),
                a.country.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        agencies,
        [
            ("Ambassade d'Espagne", "embassy", Some("ES")),
            ("Délégation UE", "delegation", Some("EU")),
            ("Ambassade d'Italie à Dakar", "embassy", Some("IT")),
        ]
    );
}

#[test]
fn people_named_by_their_rank_or_honorific_in_a_row() {
    let out = text("Communiqué\n\nDakar, le 3 mars 2025\n\nLa cérémonie a été présidée par S.E.M. Abdoulaye Diop, Ministre des Affaires étrangères, en présence du Colonel Ibrahima Fall, Directeur de la Police de l'Air et des Frontières, du Général de brigade Moussa Fall et de Maître Ousmane Seck, avocat. Prof. Jean Dupont était présent, avec le Secrétaire Général Mamadou Ba.\n");
    assert_eq!(
        names_and_roles(&out),
        [
            ("Abdoulaye Diop", Some("Ministre des Affaires étrangères")),
            (
                "Ibrahima Fall",
                Some("Directeur de la Police de l'Air et des Frontières")
            ),
            ("Moussa Fall", None),
            ("Ousmane Seck", Some("avocat")),
            ("Jean Dupont", None),
            ("Mamadou Ba", Some("Secrétaire Général")),
        ]
    );
    let honorifics: Vec<Option<&str>> = out.people.iter().map(|p| p.honorific.as_deref()).collect();
    assert_eq!(
        honorifics,
        [
            Some("S.E.M."),
            Some("Colonel"),
            Some("Général de brigade"),
            Some("Maître"),
            Some("Prof."),
            None
        ]
    );
}

#[test]
fn a_numbered_notice_of_meeting_with_a_field_mission_and_a_police_signatory() {
    let out = fixture("announcement/avis_de_reunion_lettre_numerotee_mission.txt");
    assert_eq!(out.document.title.as_deref(), Some("AVIS DE RÉUNION"));
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        meetings.iter().map(|m| m.1.as_deref()).collect::<Vec<_>>(),
        [Some("2025-07-24")]
    );
    let sitting = out
        .events
        .iter()
        .find(|e| e.kind == rec::EventKind::Meeting)
        .unwrap();
    assert_eq!(
        sitting.when.as_ref().unwrap().time_start.as_deref(),
        Some("09:00")
    );
    // The mission its agenda says is planned, where it goes.
    let missions = events(&out, rec::EventKind::Mission);
    assert_eq!(
        when_and_place(&missions),
        [(Some("2025-08-04/2025-08-08"), Some("Dori"))]
    );
    assert_eq!(when(&out, rec::EventKind::Deadline), ["2025-07-18"]);
    // Signed under his rank, with the role over it.
    assert_eq!(
        names_and_roles(&out),
        [("Issa Ouédraogo", Some("Directeur général"))]
    );
    assert_eq!(
        out.people[0].honorific.as_deref(),
        Some("Commissaire divisionnaire")
    );
}

/// Each agency's name and state, in order.
fn agencies_and_states(out: &rec::DocumentOutput) -> Vec<(&str, Option<&str>)> {
    out.agencies
        .iter()
        .map(|a| (a.name.as_str(), a.country.as_deref()))
        .collect()
}

#[test]
fn minutes_opened_by_a_date_in_words_with_objectives_named_by_number() {
    let out = fixture("minutes/proces_verbal_an_en_lettres_objectifs_numerotes.txt");
    // The place after the verb that follows the date: its state is the ministry's.
    assert_eq!(
        out.document.place.as_deref(),
        Some("la salle de réunion de la Direction Générale, à Niamey")
    );
    let objectives: Vec<(&str, &str)> = numbered_texts(&out);
    assert_eq!(
        objectives,
        [
            (
                "1",
                "achever l'équipement des postes de Makalondi et d'Assamaka d'ici fin juin 2025 ;"
            ),
            ("2", "former 300 agents d'ici le 30 septembre 2025 ;"),
            (
                "3",
                "mettre en service le système MIDAS dans trois nouveaux postes avant la fin de l'année."
            )
        ]
    );
    // The training moved to April, not February, the month it was first planned for.
    assert_eq!(when(&out, rec::EventKind::Other), ["2025-04-16/2025-04-30"]);
    // The next meeting "au même endroit" is where the sitting was.
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(meetings[2].1.as_deref(), Some("2025-06-03"));
    assert_eq!(meetings[2].2, out.document.place);
    // No French border police for "agents de police aux frontières"; the directorate named
    // short in the sitting's room is the one of the letterhead; all of Niger.
    assert_eq!(
        agencies_and_states(&out),
        [
            ("Expertise France", Some("FR")),
            ("Organisation internationale pour les migrations", None),
            ("Délégation de l'Union européenne au Niger", Some("EU")),
            (
                "Direction Générale de l'État Civil, des Migrations et des Réfugiés",
                Some("NE")
            ),
            (
                "MINISTÈRE DE L'INTÉRIEUR ET DE LA DÉCENTRALISATION",
                Some("NE")
            ),
        ]
    );
    let dg = out
        .agencies
        .iter()
        .find(|a| a.name.starts_with("Direction Générale"))
        .unwrap();
    assert_eq!(dg.mentions.len(), 2);
}

#[test]
fn a_letterhead_state_is_the_home_of_a_ministry_when_no_place_is_given() {
    let out = text(
        "RÉPUBLIQUE DU NIGER\n\nMINISTÈRE DE L'INTÉRIEUR ET DE LA DÉCENTRALISATION\n\nNOTE \
         TECHNIQUE\n\nLe Ministère de l'Intérieur et de la Décentralisation organise un atelier.\n",
    );
    assert_eq!(
        agencies_and_states(&out),
        [(
            "MINISTÈRE DE L'INTÉRIEUR ET DE LA DÉCENTRALISATION",
            Some("NE")
        )]
    );
}

#[test]
fn a_declaration_of_three_states_whose_points_are_numbered_in_roman_numerals() {
    let out = fixture("declaration/declaration_trois_etats_points_romains.txt");
    let numbers: Vec<&str> = out.objectives.iter().map(|o| o.number.as_str()).collect();
    assert_eq!(numbers, ["I", "II", "III", "IV"]);
    assert!(out.objectives[1]
        .text
        .starts_with("Mettre en place un mécanisme conjoint"));
    for id in ["CI", "GH", "BF"] {
        assert!(roles(&out, id).contains(&rec::Role::Signatory), "{id}");
    }
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Signature)),
        [
            (Some("1979-05-29"), Some("Dakar")),
            (Some("2025-11-18"), Some("Accra"))
        ]
    );
}

#[test]
fn an_annex_under_strategic_axes_with_two_partner_columns() {
    let out = fixture("annex/tableau_axes_deux_colonnes_partenaires.txt");
    let rows: Vec<(Option<&str>, Option<&str>, Vec<&str>)> = out
        .initiatives
        .iter()
        .map(|i| {
            (
                i.reference.as_deref(),
                i.objective.as_deref(),
                i.partners.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("1.1"), Some("1"), vec!["TG"]),
            (Some("1.2"), Some("1"), vec!["TG", "BJ"]),
            (Some("2.1"), Some("2"), vec!["TG"]),
            (Some("2.2"), Some("2"), vec!["TG", "GH", "BF"]),
            (Some("2.3"), Some("2"), vec!["TG", "EU"]),
        ]
    );
    let objectives: Vec<(&str, &str)> = numbered_texts(&out);
    assert_eq!(
        objectives,
        [
            ("1", "Gouvernance de la migration"),
            ("2", "Protection des migrants")
        ]
    );
}

#[test]
fn minutes_that_plan_move_and_announce_activities() {
    let out = fixture("minutes/compte_rendu_activites_a_venir.txt");
    // One sitting: the body's "s'est tenue le 10 mars" is the dateline's day.
    assert_eq!(
        when(&out, rec::EventKind::Meeting),
        ["2025-03-10", "2025-05-15"]
    );
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Mission)),
        [(Some("2025-06-02/2025-06-06"), Some("Tambacounda"))]
    );
    // Not February (the training's first date), not the budget year.
    assert_eq!(
        when(&out, rec::EventKind::Other),
        [
            "2025-04-16/2025-04-30",
            "2025-07-01",
            "2025-03-20",
            "2025-09"
        ]
    );
}

#[test]
fn a_news_page_that_announces_a_visit_by_its_weekday() {
    let out = fixture("html/article_visite_ministre_deplacement_annonce.html");
    assert_eq!(out.document.date.as_ref().unwrap().edtf, "2025-10-09");
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Mission)),
        [(Some("2025-10-10"), Some("Nouakchott"))]
    );
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [
            (Some("2025-10-08"), Some("Dakar")),
            (Some("2026-33"), Some("Madrid"))
        ]
    );
    // A plan said of no meeting is no meeting; a training, an election are other events.
    let out = text(
        "Dakar, le 12 mars 2025 – Les élections législatives, prévues en novembre 2025, \
         pourraient ralentir les réformes. Les crédits prévus au titre de l'exercice 2025 sont \
         votés. Les deux pays se retrouveront à Rome en juin prochain.\n",
    );
    assert_eq!(when(&out, rec::EventKind::Other), ["2025-11"]);
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [(Some("2025-06"), Some("Rome"))]
    );
}

#[test]
fn an_announcement_numbers_its_objectives_under_a_heading_that_names_them() {
    let out = fixture("announcement/note_information_dates_lieu.txt");
    let numbers: Vec<&str> = out.objectives.iter().map(|o| o.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert!(out.objectives[2]
        .text
        .starts_with("Adopter une feuille de route"));
    // Bullets under such a heading are aims (items), not numbered objectives.
    let out = text(
        "NOTE CONCEPTUELLE\n\nObjectifs de l'atelier\n- partager les pratiques ;\n- adopter une \
         feuille de route.\n",
    );
    assert!(out.objectives.is_empty());
}

#[test]
fn a_table_of_decisions_dates_each_row_by_its_deadline_column() {
    let out = fixture("minutes/releve_decisions_tableau_echeances.txt");
    let deadlines: Vec<(String, Option<String>)> = events(&out, rec::EventKind::Deadline)
        .into_iter()
        .map(|e| (e.0, e.1))
        .collect();
    let want = [
        (
            "Finaliser la cartographie des interventions des partenaires",
            "2025-06-30",
        ),
        (
            "Organiser un atelier de validation du plan d'action national",
            "2025-07",
        ),
        (
            "Partager les termes de référence du groupe thématique retour",
            "2025-06-15",
        ),
        ("Tenir la prochaine réunion de coordination", "2025-09"),
    ];
    assert_eq!(
        deadlines,
        want.map(|(l, w)| (l.to_owned(), Some(w.to_owned())))
            .to_vec()
    );
    // Only the sitting is a meeting: a row that names one is still the row's deadline.
    assert_eq!(when(&out, rec::EventKind::Meeting), ["2025-05-27"]);
}

#[test]
fn a_dispatch_recalls_a_signature_a_year_ago_to_the_day() {
    let out = fixture("article/depeche_lancement_signature_jour_pour_jour.txt");
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Signature)),
        [(Some("2024-11-03"), Some("Rosso"))]
    );
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [
            (Some("2025-11-03"), Some("Dakar")),
            (Some("2025-12-15"), Some("Nouakchott"))
        ]
    );
}

#[test]
fn a_notice_whose_law_number_is_no_date_and_whose_objectives_are_numbered() {
    let out = fixture("announcement/note_information_objectifs_loi_numerotee.txt");
    let dates: Vec<&str> = out
        .dates
        .iter()
        .filter_map(|d| d.when.as_ref().map(|w| w.edtf.as_str()))
        .collect();
    assert_eq!(dates, ["2025-10-14/2025-10-16", "2015-05-26", "2026/2027"]);
    assert_eq!(out.objectives.len(), 3);
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [(
            Some("2025-10-14/2025-10-16"),
            Some("Hôtel Radisson Blu, Niamey (Niger)")
        )]
    );
}

#[test]
fn an_html_programme_in_one_table_per_day() {
    let out = fixture("html/programme_atelier_tableaux_par_jour.html");
    let sessions = when(&out, rec::EventKind::Session);
    assert_eq!(sessions.len(), 7);
    assert_eq!(sessions[0], "2025-10-14T08:30/09:00");
    assert_eq!(sessions[6], "2025-10-15T12:00/12:30");
    assert_eq!(when(&out, rec::EventKind::Break).len(), 2);
}

#[test]
fn an_emailed_invitation_to_a_webinar_dated_by_its_labels() {
    let out = fixture("announcement/invitation_courriel_webinaire.txt");
    assert_eq!(out.document.kind, rec::DocumentKind::Announcement);
    // The labelled date and hours are the webinar's; the meeting its aims plan is another one.
    assert_eq!(
        events(&out, rec::EventKind::Meeting),
        [
            (
                "Webinaire thématique sur la migration de travail".to_owned(),
                Some("2024-11-21T10:00/12:30".to_owned()),
                Some("en ligne (Zoom)".to_owned())
            ),
            (
                "Réunion des hauts fonctionnaires".to_owned(),
                Some("2025-03".to_owned()),
                Some("Abuja".to_owned())
            ),
        ]
    );
    assert_eq!(when(&out, rec::EventKind::Deadline), ["2024-11-15"]);
    assert!(out.events.iter().all(|e| e.kind != rec::EventKind::Session));
}

#[test]
fn a_news_page_on_a_joint_commission_by_a_river_named_like_a_state() {
    let out = fixture("html/article_commission_mixte_fleuve.html");
    // The experts met on two days that follow each other: one span. The work that goes on
    // until Wednesday sets no deadline; a dam to be opened is an event with no meeting noun.
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [
            (Some("2024-10-14"), Some("Nouakchott")),
            (Some("2024-10-12/2024-10-13"), None),
            (Some("2024-11-28/2024-11-29"), Some("Dakar")),
            (Some("2026"), Some("Dakar")),
        ]
    );
    assert!(when(&out, rec::EventKind::Deadline).is_empty());
    assert_eq!(when(&out, rec::EventKind::Other), ["2025-40"]);
    // `le fleuve Sénégal` is a river, not a state the page names again; the body named by
    // its acronym's words runs in lowercase to the acronym.
    let partners: Vec<&str> = out.partners.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(partners, ["MR", "SN"]);
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/html/article_commission_mixte_fleuve.html"),
    )
    .unwrap();
    for m in out.partners.iter().flat_map(|p| &p.mentions) {
        assert!(!source[..m.start as usize].ends_with("fleuve "), "{m:?}");
    }
    assert!(out
        .agencies
        .iter()
        .any(|a| a.name == "Organisation pour la mise en valeur du fleuve Sénégal"));
}

#[test]
fn minutes_with_a_table_of_participants_that_announce_a_survey_and_a_launch() {
    let out = fixture("minutes/proces_verbal_liste_participants_tableau.txt");
    assert_eq!(
        names_and_roles(&out)[1..4],
        [
            ("Mariama HAMIDOU", Some("Directrice des Migrations")),
            ("Ousmane GARBA", Some("Conseiller technique")),
            ("Fatouma Zara MOUSSA", Some("Chargée de programme")),
        ]
    );
    // A survey `sera conduite entre avril et juin`; a launch the Delegation `a annoncé … le 15
    // avril 2024 à Niamey`, the activity named between the verb and its date.
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Other)),
        [
            (Some("2024-04/2024-06"), None),
            (Some("2024-04-15"), Some("Niamey"))
        ]
    );
    // A date right after `annoncé` is the day of the announcement, not of what it announces.
    let out = text(
        "COMPTE RENDU\n\nLe ministre a annoncé le 3 mai 2024 que la campagne de sensibilisation \
         commencera bientôt.\n",
    );
    assert!(when(&out, rec::EventKind::Other).is_empty());
}

#[test]
fn an_annex_of_fiches_whose_initiatives_are_labelled_lines() {
    let out = fixture("annex/fiches_initiatives_champs_etiquetes.txt");
    assert_eq!(out.document.kind, rec::DocumentKind::Annex);
    let numbers: Vec<&str> = out.objectives.iter().map(|o| o.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    type Row<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Vec<&'a str>,
        Option<&'a str>,
    );
    let rows: Vec<Row> = out
        .initiatives
        .iter()
        .map(|i| {
            (
                i.objective.as_deref(),
                i.reference.as_deref(),
                i.partners.iter().map(String::as_str).collect(),
                i.deadline.as_ref().map(|w| w.edtf.as_str()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some("1"),
                Some("1.1"),
                vec!["TN", "FR", "IT"],
                Some("2025-40")
            ),
            (
                Some("1"),
                Some("1.2"),
                vec!["TN", "BE", "EU"],
                Some("2025/2026")
            ),
            (Some("2"), Some("2.1"), vec!["TN", "DE"], Some("2026-06")),
            (Some("2"), Some("2.2"), vec!["TN", "IT", "NL"], None),
            (Some("3"), Some("3.1"), vec!["TN", "CH"], Some("2024/2027")),
        ]
    );
    // `Calendrier : à déterminer` is no status; a body's name holds its `et de`.
    assert_eq!(out.initiatives[3].status, None);
    assert_eq!(
        out.initiatives[4].implementing_bodies,
        ["Office français de l'immigration et de l'intégration"]
    );
    assert!(out.initiatives[0]
        .text
        .starts_with("Création d'un guichet unique"));
}

#[test]
fn a_dispatch_on_a_signature_that_recalls_the_last_meeting() {
    let out = fixture("article/depeche_signature_reunion_rappelee.txt");
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Signature)),
        [(Some("2025-02-20"), Some("Rabat"))]
    );
    // The meeting recalled (`s'était tenue`) is not the one reported: labelled by its own
    // sentence, not by the page's title.
    let meetings = events(&out, rec::EventKind::Meeting);
    assert_eq!(
        when_and_place(&meetings),
        [
            (Some("2025-41"), Some("Berlin")),
            (Some("2023-10-18"), Some("Rabat"))
        ]
    );
    assert!(meetings[1]
        .0
        .starts_with("La dernière réunion de ce groupe"));
    assert_eq!(
        names_and_roles(&out),
        [
            ("Leïla Bennani", None),
            ("Nancy Faeser", Some("ministre fédérale de l'Intérieur")),
            ("Abdelouafi Laftit", Some("ministre de l'Intérieur")),
        ]
    );
}

#[test]
fn minutes_of_donors_in_a_table_of_points_with_a_column_of_actions() {
    let out = fixture("minutes/compte_rendu_ptf_tableau_points.txt");
    // Bodies in the participants' line are no people; a ministry of a people abroad is its
    // state's, also when more portfolios follow.
    assert!(out.people.is_empty(), "{:?}", names_and_roles(&out));
    assert!(agencies_and_states(&out).contains(&(
        "Ministère des Maliens de l'Extérieur et de l'Intégration Africaine",
        Some("ML")
    )));
    // Each deadline is labelled by what is due, from the actions' column.
    let deadlines: Vec<(String, Option<String>)> = events(&out, rec::EventKind::Deadline)
        .into_iter()
        .map(|e| (e.0, e.1))
        .collect();
    assert_eq!(
        deadlines,
        [
            (
                "Mettre à jour la cartographie des interventions",
                "2024-06-30"
            ),
            ("Appuyer l'atelier de lancement de la révision", "2024-09"),
            ("Partager les statistiques trimestrielles", "2024-07-15"),
        ]
        .map(|(l, w)| (l.to_owned(), Some(w.to_owned())))
    );
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [
            (
                Some("2024-06-12T10:00/12:30"),
                Some("Bureau de la Coopération suisse, Bamako")
            ),
            (Some("2024-09-11"), Some("les locaux d'Enabel")),
        ]
    );
    // A title in capitals over a short text is no signatory's name.
    let out = text("COMPTE RENDU\n\nParticipants : Enabel, Ambassade des Pays-Bas, OIM.\n");
    assert!(out.people.is_empty(), "{:?}", names_and_roles(&out));
}

#[test]
fn an_html_declaration_with_an_ordered_list_and_signatures_in_table_cells() {
    let out = fixture("html/declaration_liste_ordonnee_signatures_tableau.html");
    // The list's numbers are the points', under the second operative line.
    let numbers: Vec<&str> = out.objectives.iter().map(|o| o.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4"]);
    // Each signature cell is a block of its own: both states sign, both ministers are named.
    let signatories: Vec<&str> = out
        .partners
        .iter()
        .filter(|p| p.roles.contains(&rec::Role::Signatory))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(signatories, ["ES", "SN"]);
    assert_eq!(
        names_and_roles(&out),
        [
            (
                "Bassirou Diomaye FAYE",
                Some("Président de la République du Sénégal")
            ),
            (
                "Yassine FALL",
                Some("Ministre de l'Intégration africaine et des Affaires étrangères")
            ),
            (
                "José Manuel ALBARES",
                Some(
                    "Ministre des Affaires étrangères, de l'Union européenne et de la Coopération"
                )
            ),
        ]
    );
    // The visit the operative line's lead tells, at the state visited, not at its visitor.
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [(Some("2024-08-27/2024-08-28"), Some("Espagne"))]
    );
    // `la Police nationale sénégalaise` beside the Guardia Civil is Senegal's.
    assert!(agencies_and_states(&out).contains(&("Police nationale", Some("SN"))));
    // The same points as bullets, under the same second operative line.
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/html/declaration_liste_ordonnee_signatures_tableau.html"),
    )
    .unwrap()
    .replace("<ol>", "<ul>")
    .replace("</ol>", "</ul>");
    let out = liasse_extract::process(
        "d.html",
        page.as_bytes(),
        &liasse_extract::Options::default(),
    )
    .unwrap();
    assert_eq!(out.objectives.len(), 4);
}

#[test]
fn an_annotated_agenda_under_an_organisation_and_its_department() {
    let out = fixture("agenda/ordre_du_jour_points_organisation_et_departement.txt");
    // The organisation and its department are the letterhead; the meeting's line is the title.
    assert!(out
        .document
        .title
        .as_deref()
        .unwrap()
        .starts_with("Troisième réunion du Comité technique spécialisé"));
    // The meeting the agenda is for, and the one an item says was held before it.
    assert_eq!(
        when_and_place(&events(&out, rec::EventKind::Meeting)),
        [
            (
                Some("2024-11-18/2024-11-20"),
                Some("Centre de conférences de l'Union africaine, Addis-Abeba (Éthiopie)")
            ),
            (Some("2022-10"), Some("Kigali")),
        ]
    );
}

#[test]
fn a_preamble_recalls_an_instrument_adopted_on_its_day_among_others() {
    let out = text(
        "DÉCLARATION CONJOINTE\n\nRappelant le Mémorandum d'entente entre le Royaume du Maroc et \
         le Royaume d'Espagne signé à Madrid le 1er juillet 2003,\n\nRappelant la Déclaration de \
         Rabat et le Plan d'action de Cadix adopté le 3 mai 2018,\n\nConviennent de ce qui suit \
         :\n\n1. Coopérer.\n2. Agir.\n\nFait à Rabat, le 4 mai 2024\n",
    );
    let signatures = events(&out, rec::EventKind::Signature);
    let labels: Vec<&str> = signatures.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Signature : Mémorandum d'entente entre le Royaume du Maroc et le Royaume d'Espagne",
            "Signature : Plan d'action de Cadix",
            "Signature : DÉCLARATION CONJOINTE",
        ]
    );
    assert_eq!(
        when_and_place(&signatures),
        [
            (Some("2003-07-01"), Some("Madrid")),
            (Some("2018-05-03"), None),
            (Some("2024-05-04"), Some("Rabat"))
        ]
    );
}
