//! The lexicon's own tests: the data is consistent, and the matcher finds what it should.

use std::collections::HashMap;

use super::*;

fn ids(text: &str) -> Vec<String> {
    lexicon()
        .find(text)
        .iter()
        .map(|m| match &m.target {
            Target::Partner(p) => format!("{p}={}", &text[m.start..m.end]),
            Target::Body(b) => format!("{b}={}", &text[m.start..m.end]),
        })
        .collect()
}

#[test]
fn the_data_builds_and_is_large() {
    let l = Lexicon::build().unwrap();
    assert!(l.states.len() >= 190, "{} states", l.states.len());
    assert!(l.bodies.len() >= 150, "{} bodies", l.bodies.len());
    assert!(!l.honorifics.is_empty() && !l.roles.is_empty());
}

#[test]
fn iso_codes_are_valid_and_unique() {
    let l = Lexicon::build().unwrap();
    let mut seen = HashMap::new();
    for s in &l.states {
        assert!(
            s.id.len() == 2 && s.id.chars().all(|c| c.is_ascii_uppercase()),
            "bad code {}",
            s.id
        );
        assert!(
            seen.insert(s.id, s.name).is_none(),
            "duplicate code {}",
            s.id
        );
        assert!(
            !s.name.is_empty() && !s.long_name.is_empty(),
            "{} lacks a name",
            s.id
        );
    }
    for code in ["MA", "EU", "AU", "FR", "ES", "DE", "GB", "GR"] {
        assert!(l.state(code).is_some(), "{code} missing");
    }
    assert_eq!(l.resolve_code("UK"), Some("GB"));
    assert_eq!(l.resolve_code("EL"), Some("GR"));
    assert_eq!(l.resolve_code("UE"), Some("EU"));
}

#[test]
fn every_reference_between_bodies_exists() {
    let l = Lexicon::build().unwrap();
    let mut ids = HashMap::new();
    for b in &l.bodies {
        assert!(ids.insert(b.id, ()).is_none(), "duplicate body id {}", b.id);
    }
    for b in &l.bodies {
        for (what, r) in [
            ("parent", b.parent),
            ("predecessor", b.predecessor),
            ("successor", b.successor),
        ] {
            if let Some(r) = r {
                assert!(l.body(r).is_some(), "{}: {what} {r} is not an entry", b.id);
            }
        }
        if let Some(c) = b.country {
            assert!(l.state(c).is_some(), "{}: country {c} is not a state", b.id);
        }
        if let Some(s) = b.successor {
            assert_eq!(
                l.body(s).and_then(|x| x.predecessor),
                Some(b.id),
                "{} → {s} is not mutual",
                b.id
            );
        }
    }
}

/// Acronyms that stand for several entries, each resolved by context (the row's partner, a
/// full name just before).
const AMBIGUOUS_ACRONYMS: &[&str] = &["BMI"];

#[test]
fn no_name_or_alias_is_shared_unless_marked() {
    let l = Lexicon::build().unwrap();
    let mut names: HashMap<String, &str> = HashMap::new();
    let mut clash = Vec::new();
    let all = l
        .states
        .iter()
        .flat_map(|s| {
            let mut v = vec![(s.id, s.long_name.to_owned()), (s.id, s.name.to_owned())];
            v.extend(
                s.aliases
                    .iter()
                    .filter(|a| !a.starts_with('!'))
                    .map(|a| (s.id, (*a).to_owned())),
            );
            v.extend(s.adjectives.iter().map(|a| (s.id, a.clone())));
            v
        })
        .chain(l.bodies.iter().flat_map(|b| {
            let mut v = vec![(b.id, b.name.to_owned())];
            v.extend(b.aliases.iter().map(|a| (b.id, (*a).to_owned())));
            v
        }));
    for (id, name) in all {
        let key = fold(&name).text;
        if let Some(other) = names.insert(key.clone(), id) {
            if other != id {
                clash.push(format!("{key:?}: {other} and {id}"));
            }
        }
    }
    assert!(clash.is_empty(), "shared names: {clash:?}");
    let mut acr: HashMap<&str, &str> = HashMap::new();
    for b in &l.bodies {
        for a in &b.acronyms {
            if let Some(other) = acr.insert(a, b.id) {
                assert!(
                    AMBIGUOUS_ACRONYMS.contains(a),
                    "acronym {a} of {other} and {}",
                    b.id
                );
            }
        }
    }
}

#[test]
fn finds_states_in_their_forms() {
    assert_eq!(
        ids("le Royaume d'Espagne, l'Espagne et les autorités espagnoles"),
        ["ES=Royaume d'Espagne", "ES=Espagne", "ES=espagnoles"]
    );
    assert_eq!(
        ids("le Royaume-Uni et le Royaume Uni"),
        ["GB=Royaume-Uni", "GB=Royaume Uni"]
    );
    assert_eq!(
        ids("la République fédérale de l'Allemagne"),
        ["DE=République fédérale de l'Allemagne"]
    );
    assert_eq!(ids("Maroc-UE : Partenariat"), ["MA=Maroc", "EU=UE"]);
}

#[test]
fn finds_agencies_by_name_and_acronym() {
    assert_eq!(
        ids("le Haut Commissariat des Nations Unies pour les Réfugiés (HCR) et l'OIM"),
        [
            "unhcr=Haut Commissariat des Nations Unies pour les Réfugiés",
            "unhcr=HCR",
            "iom=OIM"
        ]
    );
    assert_eq!(
        ids("coopération avec EUAA – European Union Agency for Asylum"),
        ["euaa=EUAA", "euaa=European Union Agency for Asylum"]
    );
    assert_eq!(
        ids("FRONTEX, EUROPOL, CEPOL, EUROJUST, EASO et l'ETF"),
        [
            "frontex=FRONTEX",
            "europol=EUROPOL",
            "cepol=CEPOL",
            "eurojust=EUROJUST",
            "easo=EASO",
            "etf=ETF"
        ]
    );
    assert_eq!(ids("la CEA et le PNUD"), ["uneca=CEA", "undp=PNUD"]);
    // West Africa's employment and migration bodies; NGOs of the field, hyphenated as written.
    assert_eq!(
        ids("l'ANAPEJ, l'APEJ, l'ANSD, le HCSE et l'ANLTP/TIM"),
        [
            "mr-anapej=ANAPEJ",
            "ml-apej=APEJ",
            "sn-ansd=ANSD",
            "sn-hcse=HCSE",
            "ne-anltp=ANLTP/TIM"
        ]
    );
    assert_eq!(
        ids("Caritas-Maroc, Médecins sans frontières et le Conseil norvégien pour les réfugiés"),
        [
            "ma-caritas=Caritas-Maroc",
            "msf=Médecins sans frontières",
            "nrc=Conseil norvégien pour les réfugiés"
        ]
    );
}

#[test]
fn no_false_matches() {
    // "UE" inside a word, "eu" the verb, "CE" in a heading in capitals, a first name.
    assert!(ids("la RépUblique a eu lieu").is_empty());
    assert!(ids("POUR CE FAIRE").is_empty());
    assert!(ids("Maurice Dupont et Dominique Martin").is_empty());
    assert!(ids("l'eau potable").is_empty());
}

#[test]
fn generic_ministries_resolve_by_country() {
    let l = lexicon();
    assert_eq!(
        l.body_for_generic_name("Ministère de l'Intérieur", "FR")
            .map(|b| b.id),
        Some("fr-interior")
    );
    assert_eq!(
        l.body_for_generic_name("ministère de l'intérieur", "MA")
            .map(|b| b.id),
        Some("ma-interior")
    );
    assert_eq!(
        l.body_for_generic_name("Ministère de l'Intérieur", "ES")
            .map(|b| b.id),
        Some("es-interior")
    );
}

#[test]
fn display_names_drop_the_state_qualifier() {
    let l = lexicon();
    let name = |id: &str| l.body(id).map(|b| b.display_name());
    assert_eq!(name("ma-interior"), Some("Ministère de l'Intérieur"));
    assert_eq!(
        name("nl-foreign"),
        Some("Ministère des Affaires étrangères")
    );
    assert_eq!(
        name("tn-onm"),
        Some("Observatoire national de la migration")
    );
    assert_eq!(name("iom"), l.body("iom").map(|b| b.name));
}

#[test]
fn cities_name_their_state() {
    let l = lexicon();
    for (city, state) in [
        ("Rabat", Some("MA")),
        ("RABAT", Some("MA")),
        ("Addis Abeba", Some("ET")),
        ("Genève", Some("CH")),
        ("Geneve", Some("CH")),
        ("Vienne", None),
        ("Marrakech ", Some("MA")),
        ("Rabatt", None),
    ] {
        assert_eq!(l.state_of_place(city), state, "{city}");
    }
}

#[test]
fn adjectives_are_inflected() {
    assert_eq!(
        inflect("marocain*"),
        ["marocain", "marocaine", "marocaines", "marocains"]
    );
    assert_eq!(
        inflect("italien*"),
        ["italien", "italienne", "italiennes", "italiens"]
    );
    assert_eq!(
        inflect("libyen*"),
        ["libyen", "libyenne", "libyennes", "libyens"]
    );
    assert_eq!(inflect("belge*"), ["belge", "belges"]);
    assert_eq!(
        inflect("français*"),
        ["français", "française", "françaises"]
    );
}
