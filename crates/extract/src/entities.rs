//! Partners, agencies and people: known names from the lexicon, unknown bodies by pattern, and
//! people by honorific or role apposition.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use liasse_lexicon::{lexicon, Form, Match, Target};
use liasse_records as rec;
use regex::Regex;

use crate::doc::Doc;
use liasse_text::BlockKind;

/// Everything found about entities in one document.
#[derive(Default)]
pub(crate) struct Entities {
    pub partners: BTreeMap<String, rec::Partner>,
    pub agencies: BTreeMap<String, rec::Agency>,
    pub people: Vec<rec::Person>,
    /// Known-name matches in the normalised text, in order (for the genre parsers).
    pub matches: Vec<Match>,
}

impl Entities {
    /// Give a partner a role (adding the partner if it was not mentioned by name).
    pub fn add_role(&mut self, id: &str, role: rec::Role) {
        let p = self
            .partners
            .entry(id.to_owned())
            .or_insert_with(|| rec::Partner {
                id: id.to_owned(),
                name: lexicon().state(id).map_or(id, |s| s.name).to_owned(),
                roles: Vec::new(),
                mentions: Vec::new(),
            });
        if !p.roles.contains(&role) {
            p.roles.push(role);
            p.roles.sort();
        }
    }

    pub fn add_partner_mention(&mut self, id: &str, span: rec::Span) {
        self.add_role(id, rec::Role::Mentioned);
        if let Some(p) = self.partners.get_mut(id) {
            p.roles.retain(|r| *r != rec::Role::Mentioned);
            // Sorted and deduplicated once, in `into_records`.
            p.mentions.push(span);
        }
    }

    /// Partner ids mentioned in a range of the normalised text, in order, without repeats.
    pub fn partners_in(&self, r: Range<usize>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in matches_in(&self.matches, r.clone()) {
            if m.end <= r.end {
                if let Target::Partner(p) = m.target {
                    if !out.iter().any(|x| x == p) {
                        out.push(p.to_owned());
                    }
                }
            }
        }
        out
    }

    /// Ids of the people mentioned inside a range of the normalised text.
    pub fn people_in(&self, doc: &Doc, r: Range<usize>) -> Vec<String> {
        let src = doc.norm.to_source(r);
        self.people
            .iter()
            .filter(|p| {
                p.mentions
                    .iter()
                    .any(|m| (m.start as usize) >= src.start && (m.end as usize) <= src.end)
            })
            .map(|p| p.id.clone())
            .collect()
    }

    pub fn into_records(mut self) -> (Vec<rec::Partner>, Vec<rec::Agency>, Vec<rec::Person>) {
        for p in self.partners.values_mut() {
            p.mentions.sort();
            p.mentions.dedup();
        }
        for a in self.agencies.values_mut() {
            a.mentions.sort();
            a.mentions.dedup();
        }
        for p in &mut self.people {
            p.mentions.sort();
            p.mentions.dedup();
        }
        for p in self.partners.values_mut() {
            if p.roles.is_empty() {
                p.roles.push(rec::Role::Mentioned);
            }
        }
        (
            self.partners.into_values().collect(),
            self.agencies.into_values().collect(),
            self.people,
        )
    }
}

/// Does the adjective starting at `at` name a language rather than a state: `en français`,
/// `version espagnole`, `en langues arabe, française et anglaise`?
fn names_a_language(text: &str, at: usize) -> bool {
    const BEFORE: &[&str] = &[
        "en",
        "version",
        "versions",
        "traduction",
        "langue",
        "langues",
    ];
    let from = crate::doc::window_start(text, at, 80);
    let known = |w: &str| BEFORE.iter().any(|b| b.eq_ignore_ascii_case(w));
    // A label of languages: "Langues de travail : français et anglais", "Interprétation :
    // français – anglais".
    let line = &text[from..at];
    let line = line.rfind('\n').map_or(line, |i| &line[i + 1..]);
    if let Some((label, _)) = line.split_once(':') {
        let label = label.trim_start_matches(['-', '•', ' ']);
        // Only the label's first letters are lowercased, and only when there is a label.
        let starts = |w: &str| label.get(..w.len()).is_some_and(|l| l.to_lowercase() == w);
        if starts("langue") || starts("interprétation") {
            return true;
        }
    }
    let mut words = text[from..at].split_whitespace().rev();
    match words.next() {
        Some(w) if known(w) => return true,
        Some("et") => {}
        _ => return false,
    }
    // A coordination of adjectives back to the noun: "arabe, française et".
    let adjective = |w: &str| !w.is_empty() && w.chars().all(char::is_lowercase);
    let Some(mut w) = words.next() else {
        return false;
    };
    for _ in 0..6 {
        if !adjective(w.trim_end_matches(',')) {
            return false;
        }
        match words.next() {
            Some(n) if known(n) => return true,
            Some(n) if n.ends_with(',') => w = n,
            _ => return false,
        }
    }
    false
}

/// Does the state's name at `at` name a river, a lake or a gulf instead: `le fleuve Sénégal`,
/// `du bassin du fleuve Niger`, `le lac Tchad`, `le golfe de Guinée`?
fn names_a_river(text: &str, at: usize) -> bool {
    const BEFORE: &[&str] = &["fleuve", "rivière", "lac", "golfe de", "golfe du"];
    let before = text[crate::doc::window_start(text, at, 12)..at].trim_end();
    BEFORE.iter().any(|w| {
        before.len() >= w.len()
            && before.is_char_boundary(before.len() - w.len())
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphabetic())
    })
}

/// Find every entity of the document. `country` is the state most documents' generic ministry
/// names belong to, when the document says so (its parties, its dominant state).
pub(crate) fn find(
    doc: &mut Doc,
    exclude: &[Range<usize>],
    context: &[(Range<usize>, String)],
    home: Option<&str>,
) -> Entities {
    let text = doc.norm.text.clone();
    let lex = lexicon();
    let mut e = Entities::default();
    let outside = |r: &Range<usize>| !exclude.iter().any(|x| r.start >= x.start && r.end <= x.end);
    e.matches = lex
        .find(&text)
        .into_iter()
        .filter(|m| outside(&(m.start..m.end)))
        .filter(|m| !(m.form == Form::Adjective && names_a_language(&text, m.start)))
        .filter(|m| !(matches!(m.target, Target::Partner(_)) && names_a_river(&text, m.start)))
        .filter(|m| !(matches!(m.target, Target::Body(_)) && generic_noun(&text, m.start)))
        .collect();
    // "Agence nationale pour la promotion de l'emploi des jeunes (ANAPEJ)": a name that two
    // states' bodies share is the one whose acronym follows it in brackets.
    for i in 1..e.matches.len() {
        let (head, tail) = e.matches.split_at_mut(i);
        let (m, k) = (&mut head[i - 1], &tail[0]);
        if let (Target::Body(name_of), Target::Body(acronym_of), Form::Acronym) =
            (m.target.clone(), k.target.clone(), k.form)
        {
            let bracketed = text.get(m.end..k.start).is_some_and(|g| g.trim() == "(")
                && text[k.end..].starts_with(')');
            let same_name = |a: &str, b: &str| {
                let name = |id| {
                    lexicon()
                        .body(id)
                        .map(|b| liasse_lexicon::fold(b.display_name()).text)
                };
                name(a).is_some_and(|n| Some(n) == name(b))
            };
            if m.form != Form::Acronym
                && name_of != acronym_of
                && bracketed
                && same_name(name_of, acronym_of)
            {
                m.target = Target::Body(acronym_of);
            }
        }
    }
    // "Ministère des Affaires sociales (Tunisie)": the state in brackets is named too.
    let qualifiers: Vec<Match> = e
        .matches
        .iter()
        .filter_map(|m| {
            let Target::Body(id) = m.target else {
                return None;
            };
            let b = lexicon().body(id).filter(|b| b.display_name() != b.name)?;
            let written = text[m.start..m.end].strip_suffix(')')?;
            let at = written.rfind(" (")?;
            Some(Match {
                start: m.start + at + 2,
                end: m.end - 1,
                target: Target::Partner(b.country?),
                form: Form::Name,
                alternatives: Vec::new(),
            })
        })
        .collect();
    if !qualifiers.is_empty() {
        e.matches.extend(qualifiers);
        e.matches.sort_by_key(|m| m.start);
    }

    let matches = e.matches.clone();
    let mut rehomed_in: Vec<(Range<usize>, String)> = Vec::new();
    for m in &matches {
        let span = doc.span_of_norm(m.start..m.end);
        match &m.target {
            Target::Partner(p) => e.add_partner_mention(p, span),
            Target::Body(b) => {
                // An ambiguous acronym takes the reading whose country is mentioned nearest.
                let id = if m.alternatives.is_empty() {
                    *b
                } else {
                    disambiguate(&text, m, &matches)
                };
                // A ministry's name that every state's government uses, followed by another
                // state ("Ministère de l'Emploi … du Sénégal"): that state's ministry.
                // Or a ministry of a state the document never names, in a document dated in
                // another state's city ("Ministère de l'Emploi et de la Formation
                // professionnelle" over "Dakar, le 10 juin 2024"): the home state's.
                let rehomed = home_states_body(m, id, home, &matches);
                let other = other_states_body(&text, m, id, &matches).or(rehomed.clone());
                if let Some((other, b)) = other {
                    let name = text[m.start..m.end].to_owned();
                    if rehomed.is_some() {
                        // Its directorates below it, in its paragraph, are that state's too.
                        let end = text[m.end..].find("\n\n").map_or(text.len(), |k| m.end + k);
                        rehomed_in.push((m.start..end, other.clone()));
                    }
                    match lexicon().body_for_generic_name(&name, &other) {
                        Some(theirs) => add_agency(&mut e, theirs.id, span),
                        None => add_unknown_body(&mut e, &name, Some(&other), b.kind, None, span),
                    }
                    continue;
                }
                add_agency(&mut e, id, span);
            }
        }
    }
    rehomed_in.extend(context.iter().cloned());
    unknown_bodies(doc, &text, &mut e, &outside, &rehomed_in, home);
    people(doc, &text, &mut e, &outside);
    e
}

/// The home state, for a known ministry or directorate written without its state, when its own
/// state is named nowhere in the document and the home state is another.
fn home_states_body(
    m: &Match,
    id: &str,
    home: Option<&str>,
    all: &[Match],
) -> Option<(String, &'static liasse_lexicon::Body)> {
    let b = lexicon().body(id)?;
    let own = b.country?;
    let home = home?;
    // Named as a partner, or through another of its bodies ("Commission européenne (DG HOME)").
    let named = |state: &str| {
        all.iter().any(|x| match x.target {
            Target::Partner(p) => p == state,
            Target::Body(o) => o != id && lexicon().body(o).and_then(|o| o.country) == Some(state),
        })
    };
    // The Union's directorates are nobody's home ministry.
    (matches!(b.kind, "ministry" | "directorate")
        && !matches!(own, "EU" | "AU")
        && own != home
        && !named(own)
        && m.alternatives.is_empty())
    .then(|| (home.to_owned(), b))
}

/// The state named right after a known body's generic name (`… du Sénégal`), when it is not
/// the body's own, with the body.
fn other_states_body(
    text: &str,
    m: &Match,
    id: &str,
    all: &[Match],
) -> Option<(String, &'static liasse_lexicon::Body)> {
    let b = lexicon().body(id)?;
    let own = b.country?;
    let at = all.partition_point(|x| x.start < m.end);
    let next = all.get(at)?;
    let Target::Partner(other) = next.target else {
        return None;
    };
    let gap = text.get(m.end..next.start)?;
    // "… du Sénégal", or the state's adjective right after it ("la Direction générale de la
    // Sûreté nationale mauritanienne").
    let linked = [
        " du ", " de la ", " de l'", " de l’", " d'", " d’", " de ", " des ",
    ]
    .contains(&gap)
        || gap == " " && next.form == Form::Adjective;
    (linked
        && other != own
        && other != "EU"
        && other != "AU"
        && lexicon()
            .body_for_generic_name(&text[m.start..m.end], own)
            .is_some())
    .then(|| (other.to_owned(), b))
}

/// A body not in the authority file, under an id made of its state and its name.
fn add_unknown_body(
    e: &mut Entities,
    name: &str,
    country: Option<&str>,
    kind: &str,
    acronym: Option<String>,
    span: rec::Span,
) {
    let id = format!(
        "x-{}{}",
        country
            .map(|c| format!("{}-", c.to_lowercase()))
            .unwrap_or_default(),
        slug(name)
    );
    let a = e.agencies.entry(id.clone()).or_insert_with(|| rec::Agency {
        id,
        name: liasse_text::clean_inline(name),
        acronym,
        kind: Some(kind.to_owned()),
        authority: None,
        country: country.map(str::to_owned),
        mentions: Vec::new(),
    });
    a.mentions.push(span);
}

fn add_agency(e: &mut Entities, id: &str, span: rec::Span) {
    let Some(b) = lexicon().body(id) else { return };
    let a = e
        .agencies
        .entry(id.to_owned())
        .or_insert_with(|| rec::Agency {
            id: id.to_owned(),
            name: b.display_name().to_owned(),
            acronym: b.acronym().map(str::to_owned),
            kind: Some(b.kind.to_owned()),
            authority: Some(id.to_owned()),
            country: b.country.map(str::to_owned),
            mentions: Vec::new(),
        });
    a.mentions.push(span);
}

fn disambiguate(text: &str, m: &Match, all: &[Match]) -> &'static str {
    let mut options = vec![m.target.clone()];
    options.extend(m.alternatives.iter().cloned());
    let near = nearest_partner(text, m.start, all);
    for o in &options {
        if let Target::Body(b) = o {
            if lexicon().body(b).and_then(|x| x.country) == near.as_deref() {
                return b;
            }
        }
    }
    match &m.target {
        Target::Body(b) => b,
        Target::Partner(p) => p,
    }
}

/// The matches that start inside `r` (matches are sorted by start).
pub(crate) fn matches_in(all: &[Match], r: Range<usize>) -> &[Match] {
    let from = all.partition_point(|m| m.start < r.start);
    let to = all.partition_point(|m| m.start < r.end);
    &all[from..to.max(from)]
}

/// The state named or qualified last before `pos` in the same paragraph (not a union).
pub(crate) fn nearest_partner(text: &str, pos: usize, all: &[Match]) -> Option<String> {
    // Within the paragraph, and never more than 2,000 bytes back (a page with no line break
    // must not make this a scan of the whole text for every name).
    let window = crate::doc::window_start(text, pos, 2000);
    let para_start = text[window..pos]
        .rfind("\n\n")
        .map_or(window, |i| window + i + 2);
    let state = |m: &Match| match m.target {
        Target::Partner(p) if p != "EU" && p != "AU" => Some(p),
        Target::Body(b) => lexicon()
            .body(b)
            .and_then(|x| x.country)
            .filter(|c| *c != "EU"),
        _ => None,
    };
    let before: Vec<&Match> = matches_in(all, para_start..pos)
        .iter()
        .filter(|m| m.end <= pos)
        .collect();
    // Two states joined, `sénégalo-italien`, `Sénégal – Italie`, `Maroc/Espagne`, name no
    // one state: look before them.
    let joined = |a: &Match, b: &Match| {
        matches!(a.target, Target::Partner(_))
            && matches!(b.target, Target::Partner(_))
            && state(a) != state(b)
            && text
                .get(a.end..b.start)
                .is_some_and(|g| ["-", "–", " – ", " - ", "/", " / "].contains(&g))
    };
    let mut i = before.len();
    while i > 0 {
        let m = before[i - 1];
        if i >= 2 && joined(before[i - 2], m) {
            i -= 2;
            continue;
        }
        if let Some(s) = state(m) {
            return Some(s.to_owned());
        }
        i -= 1;
    }
    None
}

/// The state the document is about: the one mentioned most, if clearly so.
pub(crate) fn dominant_state(e: &Entities) -> Option<String> {
    let mut counts: Vec<(usize, &String)> = e
        .partners
        .iter()
        .filter(|(id, _)| *id != "EU" && *id != "AU")
        .map(|(id, p)| (p.mentions.len(), id))
        .collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    match counts.as_slice() {
        [(n, id)] if *n > 0 => Some((*id).clone()),
        [(n, id), (m, _), ..] if *n >= 2 * *m.max(&1) => Some((*id).clone()),
        _ => None,
    }
}

struct Patterns {
    body_head: Regex,
    acronym_after: Regex,
    /// An honorific and a name, with the character before them: what `honorific_names`
    /// finds (the tests compare them).
    #[cfg(test)]
    honorific_name: Regex,
    /// `honorific_name` without the character before it: starts with the honorifics, which
    /// the engine searches for first; [`honorific_names`] checks that character.
    honorific_core: Regex,
    /// One letter (`\p{L}`, as the patterns mean it).
    letter: Regex,
    /// Any role title, lowercase: a document without one has no `role_name` nor `name_role`.
    any_role: aho_corasick::AhoCorasick,
    name_role: Regex,
    /// "la ministre fédérale allemande de l'Intérieur, Nancy Faeser": the role, then the name.
    role_name: Regex,
    /// "le Premier ministre Ousmane Sonko", "son homologue espagnol Fernando Grande-Marlaska":
    /// the role and at most one adjective, then the name, with no comma between them.
    role_name_bare: Regex,
    /// "le ministre de l'Intérieur Jean-Baptiste Tine", "le représentant de l'OIM au Maroc
    /// Laurent De Boeck": the role and its complement, then the name, with no comma.
    role_of_name: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        // Particles, and the Arabic and Berber ones that are capitalised ("Mohamed Ould Cheikh
        // El Ghazouani", "Iyad Ag Ghali"), do not count among the four words after the first.
        let name = r"\p{Lu}[\p{L}'’\-]+(?:[ \u{a0}](?:(?:van|von|der|den|de|du|des|el|al|ben|ould|bin|ibn|d'|la|le|Ould|El|Ben|Bin|Ibn|Ag|Abou)[ \u{a0}])*\p{Lu}[\p{L}'’\-]+){0,3}";
        let honorifics: Vec<String> = lexicon().honorifics.iter().map(|h| regex::escape(h)).collect();
        let roles: Vec<String> = lexicon().roles.iter().map(|r| accent_tolerant(r)).collect();
        // Honorifics may stack: `S.E. Mme Claudia Wiedey`, `S.E. M. …`.
        let honorific_core = format!(r"((?:(?:{})\s+)+({name}))", honorifics.join("|"));
        Patterns {
            body_head: crate::pattern(
                // No `\b` (it keeps the engine off its fast path on accented text): the match
                // takes the characters around the head, trimmed by the caller.
                r"(?:^|[^\p{L}\p{N}])(?:[Mm]inist[èe]re|Direction|Agence|Office|Institut|Fondation|Association|Conseil|Observatoire|Haut[- ]Commissariat|Commissariat|Secr[ée]tariat|D[ée]l[ée]gation|Brigade|Unit[ée]|Centre|Comit[ée]|Bureau|Service|Programme|Fonds|Groupe|Organisation|Commission|Autorit[ée]|Caisse|Chambre|Tribunal|Cour|Ambassade|Consulat|Police|Gendarmerie|Garde)(?:[^\p{L}\p{N}]|$)",
            ),
            acronym_after: crate::pattern(r"^\s*\((\p{Lu}[\p{Lu}\d&\-]{1,9})\)"),
            #[cfg(test)]
            honorific_name: crate::pattern(&format!(r"(?:^|[^\p{{L}}]){honorific_core}")),
            honorific_core: crate::pattern(&honorific_core),
            letter: crate::pattern(r"^\p{L}$"),
            any_role: aho_corasick::AhoCorasick::new(role_words())
                .unwrap_or_else(|_| unreachable!("role titles are short literals")),
            role_name: crate::pattern(&format!(r"(?:^|[\s(])(?:[Ll]e|[Ll]a|[Ll]'|[Ss]on|[Ss]a|[Ll]eur|[Dd]u|[Aa]u)\s*((?i:{roles})[^,;:.()|\t]{{0,100}}(?:,\s+(?i:{roles})[^,;:.()|\t]{{0,60}})?),\s+(?:(?:{})\s+)*({name})(?:,|\s+et\s|\s*[.;]|\s*$|\n)", honorifics.join("|"), roles = roles.join("|"))),
            role_name_bare: crate::pattern(&format!(r"(?:^|[\s(])(?:[Ll]e|[Ll]a|[Ss]on|[Ss]a|[Ll]eur|[Dd]u|[Aa]u)\s+((?i:{})(?:\s+\p{{Ll}}[\p{{Ll}}\-]+)?)\s+({name})", roles.join("|"))),
            role_of_name: crate::pattern(&format!(r"(?:^|[\s(])(?:[Ll]e|[Ll]a|[Ss]on|[Ss]a|[Ll]eur|[Dd]u|[Aa]u)\s+((?i:{})(?:\s+\p{{Ll}}[\p{{Ll}}\-]+)?\s+(?:(?:de|du|des)\s+|d['’])[^,;:.()|\t\n]{{1,80}}?)\s+({name})", roles.join("|"))),
            name_role: crate::pattern(&format!(r"(?:^|[\s,:(])({name}),\s+((?i:{}))(?:[^\p{{L}}\p{{N}}]|$)", roles.join("|"))),
        }
    })
}

/// The first words of the role titles in lowercase (as `Doc::lower` makes it), with and
/// without their accents (`Secrétaire d'Etat`, `SECRETAIRE GENERAL`), once: a document holding
/// none of them has no role title.
fn role_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<String> = lexicon()
            .roles
            .iter()
            .flat_map(|r| {
                let first = crate::doc::lower(r.split([' ', '\'']).next().unwrap_or(r));
                [without_accents(&first), first]
            })
            .collect();
        words.sort();
        words.dedup();
        words
    })
}

/// The role titles in lowercase without their accents, once.
fn role_titles() -> &'static [String] {
    static TITLES: OnceLock<Vec<String>> = OnceLock::new();
    TITLES.get_or_init(|| {
        lexicon()
            .roles
            .iter()
            .map(|r| without_accents(&crate::doc::lower(r)))
            .collect()
    })
}

/// French accented letters to their base letter, a typographic apostrophe to a plain one.
fn without_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'û' | 'ù' => 'u',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// A role title as a pattern that also matches it written without its accents or with a
/// typographic apostrophe (`Secrétaire d'Etat`, `Secretaire d’État`).
fn accent_tolerant(role: &str) -> String {
    let mut out = String::new();
    for c in role.chars() {
        let class = match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => Some("[eéèêë]"),
            'à' | 'â' | 'À' | 'Â' => Some("[aàâ]"),
            'î' | 'ï' | 'Î' => Some("[iîï]"),
            'ô' | 'Ô' => Some("[oô]"),
            'û' | 'ù' | 'Û' => Some("[uûù]"),
            'ç' | 'Ç' => Some("[cç]"),
            '\'' | '’' => Some("['’]"),
            _ => None,
        };
        match class {
            Some(k) => out.push_str(k),
            None => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out
}

/// Lowercase words that may stand inside a body's name.
/// Lowercase adjectives that stand inside a body's name ("Direction générale des …").
const NAME_ADJECTIVES: &[&str] = &[
    "délégué",
    "déléguée",
    "général",
    "générale",
    "national",
    "nationale",
    "régional",
    "régionale",
    "fédéral",
    "fédérale",
    "central",
    "centrale",
    "supérieur",
    "supérieure",
    "international",
    "internationale",
    "interministériel",
    "interministérielle",
    "européen",
    "européenne",
    "permanent",
    "permanente",
    "technique",
    "spécial",
    "spéciale",
    "mixte",
    "conjoint",
    "conjointe",
];

const NAME_LINKS: &[&str] = &[
    "de", "du", "des", "d'", "l'", "la", "le", "les", "et", "pour", "à", "au", "aux", "en", "sur",
    "chargé", "chargée", "contre", "avec", "dans", "auprès",
];

/// Bodies written with a generic head (`Ministère de …`, `Direction …`) and not in the
/// authority file: kept with `authority: null`, ministries tied to a state by context.
fn unknown_bodies(
    doc: &mut Doc,
    text: &str,
    e: &mut Entities,
    outside: &dyn Fn(&Range<usize>) -> bool,
    context: &[(Range<usize>, String)],
    home: Option<&str>,
) {
    let p = patterns();
    let dominant = dominant_state(e);
    // (range, name, acronym, the state its city names)
    type Found = (Range<usize>, String, Option<String>, Option<String>);
    let mut found: Vec<Found> = Vec::new();
    for hit in p.body_head.find_iter(text) {
        // The head itself, without the characters around it that the pattern takes.
        let raw = hit.as_str();
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let trail = raw.len() - raw.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        let m = HeadMatch {
            start: hit.start() + lead,
            end: hit.end() - trail,
        };
        let end = extend_name(text, m.end, &text[m.start..m.end]);
        let end = acronym_named(text, m.start, end).unwrap_or(end);
        let r = m.start..end;
        // Heads come in text order: only the last name found can run over this one.
        if !outside(&r)
            || found
                .last()
                .is_some_and(|(f, ..)| f.start <= r.start && r.start < f.end)
        {
            continue;
        }
        let name = text[r.clone()].trim_end().to_owned();
        // A head alone ("Conseil", "le Groupe") is not a name; one written in lowercase after
        // it needs an adjective first and more words ("Direction générale des affaires …").
        let tail = &name[m.end - m.start..];
        let lowercase_name = {
            let mut words = tail.split_whitespace();
            words
                .next()
                .is_some_and(|w| NAME_ADJECTIVES.contains(&w.to_lowercase().as_str()))
                && words.count() >= 2
        };
        // "Police nationale", "Gendarmerie royale": a force named by its head and one adjective.
        // A state's adjective may follow ("la Police nationale espagnole").
        let force = FORCES.contains(&&name[..m.end - m.start])
            && tail.split_whitespace().count() <= 2
            && tail.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w,
                    "nationale"
                        | "royale"
                        | "fédérale"
                        | "federale"
                        | "militaire"
                        | "judiciaire"
                        | "côtière"
                        | "cotiere"
                        | "républicaine"
                )
            });
        if !tail.chars().any(char::is_uppercase) && !lowercase_name && !force {
            continue;
        }
        // "Garde" heads only a force: "le Garde des Sceaux" is a minister.
        if &name[..m.end - m.start] == "Garde" && !force {
            continue;
        }
        // Known bodies are already there, also when the pattern reads on past their name.
        let before = e.matches.partition_point(|k| k.start <= r.start);
        if e.matches[..before]
            .iter()
            .rev()
            .take(8)
            .any(|k| matches!(k.target, Target::Body(_)) && r.start < k.end)
        {
            continue;
        }
        // A known body the name runs into is another one: "le Ministère des Affaires sociales
        // et l'Organisation internationale du Travail".
        let (mut name, mut r) = (name, r);
        if let Some(k) = e.matches[before..]
            .iter()
            .take_while(|k| k.start < r.end)
            .find(|k| k.start > m.end && matches!(k.target, Target::Body(_)))
        {
            let cut = text[m.start..k.start].trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '\'' | '’' | '(')
            });
            let mut cut = cut.len();
            while let Some((head, last)) = text[m.start..m.start + cut].rsplit_once(' ') {
                if [
                    "et", "l", "la", "le", "les", "de", "du", "des", "d", "avec", "à", "au", "aux",
                    "en",
                ]
                .contains(&last.trim_end_matches(['\'', '’']).to_lowercase().as_str())
                {
                    cut = head.trim_end_matches([' ', ',']).len();
                } else {
                    break;
                }
            }
            if cut > m.end - m.start {
                name = text[m.start..m.start + cut].to_owned();
                r = m.start..m.start + cut;
            } else if text[k.end..r.end].trim().is_empty()
                || [" et ", ", "]
                    .iter()
                    .any(|w| text[k.end..r.end].starts_with(w))
            {
                // Only the head before the known body ("la Commission de la CEDEAO", "le
                // Secrétariat de l'OIM", also when another body follows it, "la Commission de
                // la CEDEAO et l'Organisation internationale du Travail"): an organ of that
                // body, which is recorded already.
                // ("Bureau de l'OIT pour l'Afrique du Nord" goes on after it: a body of its own.)
                continue;
            }
        }
        // A trailing acronym in capitals ("Ministère de l'Intérieur BMI") is not part of the
        // name, unless the name is the head and the acronym ("Programme FINCOME") or the word
        // is a Roman numeral ("Fondation Hassan II").
        if let Some((head, last)) = name.rsplit_once(' ') {
            let roman = last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
            let head_alone = head.len() == m.end - m.start;
            if last.len() >= 2
                && last.chars().all(|c| c.is_uppercase() || c == '&')
                && !roman
                && !head_alone
            {
                name = head.to_owned();
                r = r.start..r.start + name.len();
            }
        }
        let acronym = p
            .acronym_after
            .captures(&text[r.end..])
            .and_then(|c| c.get(1))
            .map(|a| a.as_str().to_owned());
        // A ministry is not named by its city, but the city tells its state: "le Ministère de
        // l'Intérieur à Rabat".
        let mut city_state = None;
        if force {
            // "Police nationale espagnole": the state's adjective names the state, not the force
            // (inside the name, or right after it, where the name stops).
            let after = r.end + (text[r.end..].len() - text[r.end..].trim_start_matches(' ').len());
            let next = e.matches.partition_point(|k| k.start < after);
            if let Some(state) = matches_in(&e.matches, r.clone())
                .iter()
                .chain(e.matches.get(next).filter(|k| k.start == after))
                .find_map(|k| match k.target {
                    Target::Partner(p) if k.form == Form::Adjective && k.start > m.end => {
                        Some((k.start, p))
                    }
                    _ => None,
                })
            {
                if state.0 < r.end {
                    name = text[r.start..state.0].trim_end().to_owned();
                }
                city_state = Some(state.1.to_owned());
            }
        }
        if is_ministry(&name) {
            if let Some((head, city)) = name.rsplit_once(" à ") {
                if let Some(state) = lexicon().state_of_place(city) {
                    city_state = Some(state.to_owned());
                    name = head.to_owned();
                }
            }
            // "Ministère des Affaires étrangères, Rabat", "(Ministère de l'Intérieur, Maroc)".
            if let Some(city) = text[r.start + name.len()..].strip_prefix(", ").map(|rest| {
                rest.split([',', '.', ';', '\n', '(', ')'])
                    .next()
                    .unwrap_or("")
            }) {
                let state = || {
                    let found = lexicon().find(city);
                    match found.as_slice() {
                        [k] if k.start == 0 && k.end == city.trim_end().len() => match k.target {
                            Target::Partner(p) => Some(p.to_owned()),
                            Target::Body(_) => None,
                        },
                        _ => None,
                    }
                };
                city_state = city_state
                    .or(lexicon().state_of_place(city).map(str::to_owned))
                    .or_else(state);
            }
        }
        // A state named as the body's own, by a genitive at its end ("Ministère de l'Intérieur
        // du Royaume d'Espagne", "… de la République italienne", "Direction générale des
        // Sénégalais de l'extérieur"), or by an adjective closing a ministry's name
        // ("Ministère de l'Intérieur espagnol"), is its state; the name takes the whole of it.
        let end = r.start + name.len();
        if let Some(k) = e.matches[before..]
            .iter()
            .take_while(|k| k.start < end)
            .find(|k| {
                matches!(k.target, Target::Partner(_))
                    && k.start > m.end
                    && owns(text, k, end, is_ministry(&name))
            })
        {
            if let Target::Partner(p) = k.target {
                if k.end > end
                    && text[end..k.end]
                        .chars()
                        .all(|c| c.is_alphabetic() || c == ' ')
                {
                    name = text[r.start..k.end].to_owned();
                }
                city_state = Some(p.to_owned());
            }
        }
        found.push((r.start..r.start + name.len(), name, acronym, city_state));
    }
    let mut states_of: BTreeMap<String, String> = BTreeMap::new();
    let mut located = Vec::with_capacity(found.len());
    for (r, name, acronym, city_state) in found {
        let span = doc.span_of_norm(r.clone());
        // The state of the enclosing context (an annex row's partner), else the state named last
        // before it in its paragraph, else the document's dominant state, else (a ministry)
        // the state of the document's place.
        let given = context
            .iter()
            .find(|(c, _)| c.start <= r.start && r.end <= c.end)
            .map(|(_, s)| s.clone());
        // The same name written earlier keeps the state it had there ("Ministère des Affaires
        // étrangères, Rabat" in the header, then in the participants' table).
        let key = liasse_lexicon::fold(&name).text;
        // An embassy or a consulate is the state it names ("Ambassade d'Espagne à Rabat").
        // So is a delegation named after its state or union, right after its head
        // ("Délégation de l'Union européenne au Niger", "Délégation UE"; not "Délégation
        // générale à l'emploi").
        let first_state = matches_in(&e.matches, r.clone())
            .iter()
            .find_map(|m| match m.target {
                Target::Partner(p) if m.end <= r.end => Some((m.start, p.to_owned())),
                _ => None,
            });
        let delegation = first_state.as_ref().is_some_and(|(at, _)| {
            name.starts_with("Délégation")
                && [
                    "de l'", "de l’", "du ", "de la ", "de ", "des ", "d'", "d’", "",
                ]
                .iter()
                .any(|link| {
                    text.get(r.start + "Délégation".len()..*at)
                        .is_some_and(|gap| gap.trim_start() == *link)
                })
        });
        let mission = (mission_kind(&name).is_some() || delegation)
            .then_some(first_state)
            .flatten()
            .map(|(_, p)| p);
        // A writer names the state of another government's ministry, not their own: a
        // ministry with no state in its paragraph, in a document dated in a city of one state,
        // is that state's before it is the state the document names most.
        let home_ministry = home
            .filter(|_| is_ministry(&name) || is_force(&name))
            .map(str::to_owned);
        let local = mission
            .or(city_state)
            .or(given)
            .or_else(|| nearest_partner(text, r.start, &e.matches))
            .or_else(|| states_of.get(&key).cloned())
            .or(home_ministry)
            .or_else(|| dominant.clone());
        if let Some(c) = &local {
            states_of.entry(key.clone()).or_insert_with(|| c.clone());
        }
        located.push((key, name, acronym, local, delegation, span));
    }
    // A name that opens one longer name of the document, of the same state, is that body
    // named short: "la Direction Générale" in "la salle de réunion de la Direction Générale"
    // under "Direction Générale de l'État Civil, des Migrations et des Réfugiés";
    // "l'Ambassade d'Italie" after "l'Ambassade d'Italie à Dakar".
    // For each name of two words or more, the one longer name it opens, with its state (by
    // their folded forms, the first of each tuple).
    let longer: Vec<Option<(String, Option<String>)>> = located
        .iter()
        .map(|(f, ..)| {
            if !f.contains(' ') {
                return None;
            }
            let mut found: Option<(&String, &Option<String>)> = None;
            for l in &located {
                let g = &l.0;
                if g.len() > f.len() && g.starts_with(f.as_str()) && g.as_bytes()[f.len()] == b' ' {
                    match found {
                        None => found = Some((&l.1, &l.3)),
                        Some((n, s)) if *n == l.1 && *s == l.3 => {}
                        Some(_) => return None,
                    }
                }
            }
            found.map(|(n, s)| (n.clone(), s.clone()))
        })
        .collect();
    for ((_, name, acronym, local, delegation, span), longer) in located.into_iter().zip(longer) {
        // A known body's generic name stays that body ("Ministère de l'Intérieur" of Spain).
        if let Some(b) = local
            .as_deref()
            .and_then(|c| lexicon().body_for_generic_name(&name, c))
        {
            add_agency(e, b.id, span);
            continue;
        }
        let (name, local) = match longer {
            Some((long, theirs)) if acronym.is_none() && (local.is_none() || theirs == local) => {
                // Named short, it is the longer name's body, known or not.
                if let Some(b) = theirs
                    .as_deref()
                    .and_then(|c| lexicon().body_for_generic_name(&long, c))
                {
                    add_agency(e, b.id, span);
                    continue;
                }
                (long, theirs)
            }
            _ => (name, local),
        };
        let is_ministry = is_ministry(&name);
        if is_ministry && local.is_none() {
            doc.diagnostic(
                "ministry-state-unknown",
                rec::Severity::Info,
                format!("{name:?}: no state in context to tell whose ministry it is"),
                Some(span.clone()),
            );
        }
        let kind = match mission_kind(&name) {
            Some(k) => k,
            None if delegation => "delegation",
            None if is_ministry => "ministry",
            None => "body",
        };
        add_unknown_body(e, &name, local.as_deref(), kind, acronym, span);
    }
}

/// Whether the state named at `k` is the body's own, its name ending at `end`: the state is
/// introduced by a genitive (`du`, `de la`, `de l'`, `d'`, `des`, `de`) and the name ends with
/// it (or runs into it), or, for a ministry, it is an adjective closing the name. A people
/// living abroad is still its state's (`des Sénégalais de l'extérieur`).
fn owns(text: &str, k: &Match, end: usize, ministry: bool) -> bool {
    if k.end < end {
        let rest = text[k.end..end].trim();
        // Also when more portfolios follow: "des Maliens de l'Extérieur et de l'Intégration
        // africaine".
        if !rest.is_empty() && abroad_len(rest).is_none() {
            return false;
        }
    }
    let before = &text[..k.start];
    [
        " du ", " de la ", " de l'", " de l’", " d'", " d’", " des ", " de ",
    ]
    .iter()
    .any(|link| before.ends_with(link))
        || ministry && k.form == Form::Adjective
}

/// After a ministry's portfolio, `, de la Sécurité publique`: the length of `, ` when a
/// genitive and a capitalised word that is not a state follow it.
fn portfolio_after_comma(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix(", ")?;
    let skip = rest.len() - after.len();
    let word = ["de la ", "de l'", "de l’", "du ", "des ", "d'", "d’"]
        .iter()
        .find_map(|l| after.strip_prefix(l))?;
    let name: String = word
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    // "…, de la Direction de …": another body, not a portfolio.
    (name.chars().next().is_some_and(char::is_uppercase)
        && !patterns().body_head.is_match(&name)
        && lexicon()
            .find(&name)
            .iter()
            .all(|k| !matches!(k.target, Target::Partner(_))))
    .then_some(skip)
}

/// Where a people lives, after its name in a body's: `des Maliens de l'extérieur`, `des
/// Marocains résidant à l'étranger`.
const ABROAD: &[&str] = &[
    "de l'extérieur",
    "à l'étranger",
    "résidant à l'étranger",
    "résidents à l'étranger",
    "établis à l'étranger",
    "vivant à l'étranger",
];

/// The length of the phrase of [`ABROAD`] that `rest` starts with, as a whole word, with
/// either apostrophe.
fn abroad_len(rest: &str) -> Option<usize> {
    ABROAD.iter().find_map(|phrase| {
        let mut chars = rest.chars();
        let mut len = 0;
        for c in phrase.chars() {
            let x = chars.next()?;
            let same_letter = x.is_uppercase() && x.to_lowercase().eq(c.to_lowercase());
            if x != c && !(c == '\'' && x == '’') && !same_letter {
                return None;
            }
            len += x.len_utf8();
        }
        (!rest[len..].starts_with(char::is_alphanumeric)).then_some(len)
    })
}

/// The heads of a state's police, gendarmerie or guard: `Police nationale`, `Gendarmerie
/// royale`, `Garde nationale`, `Garde côtière`.
const FORCES: &[&str] = &["Police", "Gendarmerie", "Garde"];

fn is_force(name: &str) -> bool {
    name.split_once(' ')
        .is_some_and(|(head, _)| FORCES.contains(&head))
}

/// The kind of a diplomatic mission's name: `Ambassade …`, `Consulat …`.
fn mission_kind(name: &str) -> Option<&'static str> {
    if name.starts_with("Ambassade") {
        Some("embassy")
    } else if name.starts_with("Consulat") {
        Some("consulate")
    } else {
        None
    }
}

fn is_ministry(name: &str) -> bool {
    let l = name.to_lowercase();
    l.starts_with("ministère") || l.starts_with("ministere")
}

/// Is the body's name at `at` a common noun with no determiner, naming a kind of service rather
/// than a body: written in lowercase right after `de` (`des agents de police aux frontières`,
/// `les services de police des frontières`; not `de la police aux frontières`)?
fn generic_noun(text: &str, at: usize) -> bool {
    text[at..].starts_with(char::is_lowercase)
        && (text[..at].ends_with(" de ") || text[..at].ends_with("\nde "))
}

/// Does a body's head name one whose portfolios a comma may go on with: a ministry
/// (`Ministère de l'Intérieur, de la Sécurité publique et …`) or a directorate
/// (`Direction Générale de l'État Civil, des Migrations et des Réfugiés`)?
fn has_portfolios(head: &str) -> bool {
    is_ministry(head) || head.to_lowercase().starts_with("direction")
}

struct HeadMatch {
    start: usize,
    end: usize,
}

/// Extend a body's name over capitalised words and the small words that link them. Lowercase
/// nouns after `de`/`des`/`du`/`d'`/`l'` and the adjectives after them are part of it too when
/// the name is written in that convention (`Direction générale des affaires consulaires et
/// sociales`: nothing capitalised after the head but an adjective right after it) or an acronym
/// in brackets follows (`Direction de la Police de l'air et des frontières (DPAF)`).
///
/// A ministry's or a directorate's portfolios go on after a comma (`Ministère de l'Intérieur, de
/// la Sécurité publique et de l'Administration du territoire`), and a people's name after its
/// genitive (`Direction générale des Maliens de l'extérieur`, `Office des Tunisiens à
/// l'étranger`).
fn extend_name(text: &str, mut pos: usize, head: &str) -> usize {
    let (ministry, portfolios) = (is_ministry(head), has_portfolios(head));
    #[derive(PartialEq)]
    enum Prev {
        Capital,
        Link { genitive: bool },
        Lower,
        AndAfterLower,
    }
    let head_end = pos;
    let mut last_good = pos;
    // Where the name ends if its lowercase words are not taken.
    let mut last_capital = pos;
    let mut prev = Prev::Capital;
    let mut capitals = false;
    let mut adjective_first = None;
    let mut lowers = 0;
    // Only links since the last "et".
    let mut after_and = false;
    loop {
        let rest = &text[pos..];
        if portfolios && prev == Prev::Capital && pos > head_end {
            if let Some(next) = portfolio_after_comma(rest) {
                (pos, prev, after_and) = (pos + next, Prev::Link { genitive: true }, false);
                continue;
            }
        }
        let ws = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if rest[..ws].contains('\n') {
            break;
        }
        let word_start = pos + ws;
        let rest = &text[word_start..];
        // "des Maliens de l'extérieur", "des Marocains résidant à l'étranger".
        if prev == Prev::Capital && pos > head_end {
            if let Some(n) = abroad_len(rest) {
                let end = word_start + n;
                (pos, last_good, capitals) = (end, end, true);
                if lowers == 0 {
                    last_capital = end;
                }
                continue;
            }
        }
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '\'' || *c == '’')
            .collect();
        if word.is_empty() {
            break;
        }
        let lower = word.to_lowercase();
        let (w, after) = match lower.find(['\'', '’']) {
            Some(i) => {
                let after: String = word
                    .chars()
                    .skip_while(|c| *c != '\'' && *c != '’')
                    .skip(1)
                    .collect();
                (
                    &lower[..i + lower[i..].chars().next().map_or(1, char::len_utf8)],
                    Some(after),
                )
            }
            None => (lower.as_str(), None),
        };
        let apostrophe: String;
        let w: &str = if w.contains('’') {
            apostrophe = w.replace('’', "'");
            &apostrophe
        } else {
            w
        };
        let first_upper = word.chars().next().is_some_and(char::is_uppercase);
        let end = word_start + word.len();
        if adjective_first.is_none() {
            adjective_first = Some(NAME_ADJECTIVES.contains(&w));
        }
        if let Some(after) = after.as_deref().filter(|_| NAME_LINKS.contains(&w)) {
            // "… à Dakar et l'Ambassade d'Italie": a second body.
            if after_and && patterns().body_head.is_match(after) {
                break;
            }
            // d'Intérieur, l'Emploi: the word after the apostrophe decides; l'air, d'emploi
            // only after a genitive link.
            if after.chars().next().is_some_and(char::is_uppercase) {
                (pos, last_good, prev, capitals) = (end, end, Prev::Capital, true);
                if lowers == 0 {
                    last_capital = end;
                }
                continue;
            }
            let genitive = matches!(prev, Prev::Link { genitive: true }) || w == "d'";
            if genitive && lowercase_noun(after) && lowers < 5 {
                (pos, last_good, prev) = (end, end, Prev::Lower);
                lowers += 1;
                continue;
            }
            break;
        }
        // "… et du Ministère de …": a second body, not more of this one's name.
        if first_upper && after_and && patterns().body_head.is_match(&word) {
            break;
        }
        // "Affaires sociales", "Formation professionnelle": an adjective right after a
        // capitalised noun is part of it, unless it names a state ("l'Intérieur marocain").
        let adjective_after_capital = prev == Prev::Capital
            && !first_upper
            && adjective_like(w)
            && !lexicon()
                .find(&word)
                .iter()
                .any(|k| k.form == Form::Adjective);
        if first_upper || NAME_ADJECTIVES.contains(&w) || adjective_after_capital {
            if first_upper {
                capitals = true;
            }
            (pos, last_good, prev, after_and) = (end, end, Prev::Capital, false);
            if lowers == 0 {
                last_capital = end;
            }
        } else if NAME_LINKS.contains(&w) {
            after_and |= w == "et";
            prev = match (&prev, w) {
                (Prev::Lower, "et") => Prev::AndAfterLower,
                (_, "de" | "du" | "des" | "d'") => Prev::Link { genitive: true },
                (Prev::Link { genitive: true }, "la" | "l'") => Prev::Link { genitive: true },
                _ => Prev::Link { genitive: false },
            };
            pos = end;
        } else if lowers < 5
            && match prev {
                Prev::Link { genitive } => genitive && lowercase_noun(&word),
                Prev::Lower | Prev::AndAfterLower => adjective_like(w),
                Prev::Capital => false,
            }
        {
            (pos, last_good, prev, after_and) = (end, end, Prev::Lower, false);
            lowers += 1;
        } else {
            break;
        }
    }
    if lowers == 0 {
        return last_good;
    }
    let lowercase_convention = !capitals && adjective_first == Some(true);
    let acronym_follows = {
        let rest = text[last_good..].trim_start_matches([' ', '\u{a0}']);
        rest.strip_prefix('(').is_some_and(|r| {
            let a: String = r.chars().take_while(|c| *c != ')').collect();
            r.len() > a.len()
                && (2..=10).contains(&a.chars().count())
                && a.chars().all(|c| c.is_uppercase() || c == '-')
        })
    };
    // A ministry's last portfolio in lowercase at the end of its line or clause:
    // `… et de l'Administration du territoire`.
    let ministry_tail = ministry && lowers == 1 && prev == Prev::Lower && {
        let rest = text[last_good..].trim_start_matches([' ', '\u{a0}']);
        rest.is_empty() || rest.starts_with(['\n', '\r', ',', ';', '.', ':', '('])
    };
    if (lowercase_convention || acronym_follows || ministry_tail) && last_good > head_end {
        last_good
    } else {
        last_capital
    }
}

/// Where a body's name ends when the acronym in brackets after it spells its words, though
/// they run in lowercase past where [`extend_name`] stops: `Organisation pour la mise en
/// valeur du fleuve Sénégal (OMVS)`. The name runs on its line, with no punctuation, to the
/// bracket; the acronym's letters are initials of its words, in order, but for one.
fn acronym_named(text: &str, start: usize, end: usize) -> Option<usize> {
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let rest = &text[end..crate::doc::window_end(text, end, 160).min(line_end)];
    let open = rest.find('(')?;
    if open == 0 || rest[..open].contains([',', ';', '.', ':', '«', '"']) {
        return None;
    }
    let acronym: &str = rest[open + 1..].split(')').next()?;
    let letters: Vec<char> = acronym.chars().filter(|c| *c != '-').collect();
    if !(3..=8).contains(&letters.len())
        || !letters.iter().all(|c| c.is_uppercase())
        || !rest[open + 1 + acronym.len()..].starts_with(')')
    {
        return None;
    }
    let name = text[start..end + open].trim_end();
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == '-')
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    // The first letter is the head's; the others in order, one may be missing.
    if initials.first() != letters.first() {
        return None;
    }
    let (mut k, mut missed) = (1, 0);
    for c in &letters[1..] {
        match initials[k..].iter().position(|i| i == c) {
            Some(p) => k += p + 1,
            None => missed += 1,
        }
    }
    (missed <= 1 && missed * 3 < letters.len()).then_some(start + name.len())
}

/// A lowercase word that may be a noun inside a body's name (`air`, `affaires`, `emploi`),
/// not a number or a word that goes on with the sentence (`deux pays`).
fn lowercase_noun(w: &str) -> bool {
    const NOT: &[&str] = &[
        "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "pays", "parties",
        "partie", "autres", "autre", "deux", "tous", "toutes", "même", "ce", "cette", "ces", "son",
        "sa", "ses", "leur", "leurs", "un", "une",
    ];
    w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && w.chars().count() >= 3
        && !NOT.contains(&w)
}

/// An adjective by its ending (`consulaires`, `sociales`, `internationales`, `publique`).
fn adjective_like(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "aire", "aires", "al", "ale", "ales", "aux", "ique", "iques", "el", "elle", "elles", "els",
        "ier", "iere", "ieres", "iers", "ière", "ières", "ère", "ères", "if", "ifs", "ive", "ives",
        "ien", "ienne", "iennes", "iens", "eux", "euse", "euses", "ain", "aine", "aines", "ains",
    ];
    w.chars().all(char::is_alphabetic) && ENDINGS.iter().any(|e| w.ends_with(e))
}

pub(crate) fn slug(s: &str) -> String {
    let folded = liasse_lexicon::fold(s).text;
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// Words that start a capitalised run without being a name.
/// Every match of `re` in `text` with its groups, as `find_iter` finds them (the captures are
/// searched only inside each match, where they are cheap).
fn captures_of<'t>(re: &'t Regex, text: &'t str) -> impl Iterator<Item = regex::Captures<'t>> {
    re.find_iter(text)
        .filter_map(move |m| re.captures_at(&text[..m.end()], m.start()))
}

/// Whether a capitalised run after a role goes on with the title rather than naming someone:
/// a word that goes on a title ("le Directeur Général Adjoint …"), a role title first, or a
/// body's head ("le Secrétaire Général Ministère …").
fn goes_on_a_title(p: &Patterns, name: &str) -> bool {
    let words: Vec<String> = name
        .split(' ')
        .map(|w| without_accents(&w.to_lowercase()))
        .collect();
    words.iter().any(|w| TITLE_WORDS.contains(&w.as_str()))
        || words.first().is_some_and(|w| role_words().contains(w))
        || p.body_head.is_match(name)
}

/// Words that go on a role title in capitals, never a first name ("Directeur Général Adjoint").
const TITLE_WORDS: &[&str] = &[
    "general",
    "generale",
    "delegue",
    "deleguee",
    "permanent",
    "permanente",
    "national",
    "nationale",
    "regional",
    "regionale",
    "executif",
    "executive",
    "honoraire",
    "interimaire",
    "principal",
    "principale",
    "technique",
    "adjoint",
    "adjointe",
    "special",
    "speciale",
    "resident",
    "residente",
];

const NOT_NAMES: &[&str] = &[
    "Le", "La", "Les", "Un", "Une", "Des", "Du", "De", "Pour", "Dans", "En", "Au", "Aux", "Et",
    "Il", "Elle", "Ils", "Ce", "Cette", "Son", "Sa", "Ses", "Leur", "Leurs", "Par", "Avec", "Sur",
    "Selon", "Chez", "Vers",
];

/// A capitalised word that is not a state, a body, or a role: a place such as a city.
pub(crate) fn is_place_name(s: &str) -> bool {
    lexicon()
        .find(s)
        .iter()
        .all(|m| matches!(m.target, Target::Partner(_)))
}

/// Small words a name may hold (`van der`, `Ben`, `El`, `d'`).
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "du", "des", "el", "al", "ben", "ould", "bin", "ibn", "la",
    "le", "d'",
];

fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || words.len() > 6 || NOT_NAMES.contains(&words[0]) {
        return false;
    }
    // A heading's number is no initial: "III. Suivi", "IV) Financement".
    if words.iter().any(|w| {
        w.strip_suffix(['.', ')']).is_some_and(|n| {
            n.chars().count() >= 2 && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        })
    }) {
        return false;
    }
    // No list of codes ("ES, SN", "FR / OIM"): a name has no comma, no digit, and not only
    // short words in capitals.
    if name.contains([',', '/', ';'])
        || name.contains(|c: char| c.is_ascii_digit())
        || words
            .iter()
            .all(|w| w.chars().count() <= 4 && !w.chars().any(char::is_lowercase))
    {
        return false;
    }
    // Every word is capitalised, or a particle of a name; an honorific is not part of it.
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if capitalised < 2
        || words.iter().any(|w| {
            !w.chars().next().is_some_and(char::is_uppercase)
                && !PARTICLES.contains(&w.to_lowercase().as_str())
        })
    {
        return false;
    }
    if lexicon()
        .honorifics
        .iter()
        .any(|h| h.split_whitespace().next() == Some(words[0]))
        || words.iter().any(|w| lexicon().not_names.contains(w))
    {
        return false;
    }
    // A known state or body, or a role title, is not a person.
    let found = lexicon().find(name);
    if found.iter().any(|m| m.end - m.start >= name.len() / 2) {
        return false;
    }
    // A whole word: `Wali Karoui` is no name, `Walid Karoui` is one.
    !lexicon().roles.iter().any(|r| {
        name.strip_prefix(*r)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// The captures of `honorific_name` as its `find_iter` finds them, searched with
/// `honorific_core`: a match of the core counts where the text starts, or where the character
/// before it is not a letter and lies past the previous match (which the whole pattern would
/// have taken). Captures are taken inside each match only.
fn honorific_names<'t>(p: &Patterns, text: &'t str) -> Vec<regex::Captures<'t>> {
    let mut out = Vec::new();
    let (mut at, mut taken) = (0, 0);
    while let Some(m) = p.honorific_core.find_at(text, at) {
        let s = m.start();
        let ok = match text[..s].chars().next_back() {
            None => true,
            Some(c) => s - c.len_utf8() >= taken && !p.letter.is_match(&text[s - c.len_utf8()..s]),
        };
        // "le Secrétaire Général Mamadou Ba", "Directeur Général": a rank that ends a role
        // title is the title's, not an honorific.
        let ok = ok && !ends_a_role(text, s);
        if ok {
            if let Some(c) = p.honorific_core.captures_at(&text[..m.end()], s) {
                out.push(c);
                (at, taken) = (m.end(), m.end());
                continue;
            }
        }
        at = s + text[s..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Whether the word at `at` ends a role title with the word before it: `Général` after
/// `Secrétaire` (`Secrétaire général` is a role), not after `du`.
fn ends_a_role(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\u{a0}']);
    if before.len() == at {
        return false;
    }
    let prev = before
        .rsplit([' ', '\u{a0}', '\n', '(', ','])
        .next()
        .unwrap_or("");
    let word: String = text[at..]
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    if prev.is_empty() || word.is_empty() {
        return false;
    }
    let title = format!("{prev} {word}").to_lowercase();
    lexicon().roles.iter().any(|r| r.to_lowercase() == title)
}

/// Where a name ends that a PDF wrapped at the end of a long line: `M. Moussa` over
/// `Diarra, le mercredi …` takes the capitalised word that opens the next line, when a comma,
/// a stop or a lowercase word follows it (not a signature's next line: `Ministre …`).
fn wrapped_name_end(text: &str, name: Range<usize>) -> usize {
    let Some(next) = text[name.end..].strip_prefix('\n') else {
        return name.end;
    };
    let line_start = text[..name.start].rfind('\n').map_or(0, |i| i + 1);
    if name.end - line_start < 70 || text[name.clone()].split_whitespace().count() >= 4 {
        return name.end;
    }
    let word = next
        .split(|c: char| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’')))
        .next()
        .unwrap_or("");
    let after = &next[word.len()..];
    // The first word of a role title (sorted, lowercase).
    let role = role_words().binary_search(&crate::doc::lower(word)).is_ok();
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase)
        && !role;
    let ends = after.starts_with([',', '.', ';', ')'])
        || after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_lowercase));
    if capitalised && ends {
        name.end + 1 + word.len()
    } else {
        name.end
    }
}

/// People: an honorific and a name (`M. Youssef Amrani`), or a name and a role title
/// (`Simon Fetet, Directeur de l'Immigration …`); the role runs to the next person or the end
/// of the clause; the organisation is the body the role names.
fn people(doc: &Doc, text: &str, e: &mut Entities, outside: &dyn Fn(&Range<usize>) -> bool) {
    let p = patterns();
    let mut found: Vec<(Range<usize>, Option<String>, Range<usize>)> = Vec::new();
    for c in honorific_names(p, text) {
        let (Some(all), Some(name)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let honorific = text[all.start()..name.start()].trim().to_owned();
        let end = wrapped_name_end(text, name.range());
        found.push((name.start()..end, Some(honorific), all.start()..end));
    }
    let honorific_count = found.len();
    // Role, then name: the role is kept apart and given to the person below.
    let mut roles_before: Vec<(Range<usize>, String)> = Vec::new();
    // Both patterns need a role title (case aside): most documents name none.
    let roles = p.any_role.is_match(&doc.lower);
    let searched = if roles { text } else { "" };
    for c in captures_of(&p.role_name, searched) {
        let (Some(role), Some(name)) = (c.get(1), c.get(2)) else {
            continue;
        };
        // "le ministre …, M. Abdelkrim Benatiq": the role of the name its honorific gave.
        if within_honorific(&found[..honorific_count], name.range())
            && !found[..honorific_count]
                .iter()
                .any(|f| f.0.start == name.start())
        {
            continue;
        }
        roles_before.push((name.range(), liasse_text::clean_inline(role.as_str())));
    }
    for c in captures_of(&p.role_name_bare, searched) {
        let (Some(role), Some(name)) = (c.get(1), c.get(2)) else {
            continue;
        };
        // The word after the role is an adjective ("espagnol"), not the start of its
        // complement ("le Ministre des Affaires étrangères").
        let adjective = role.as_str().rsplit(' ').next().unwrap_or("");
        // The title's words in capitals go back to it: "le coordonnateur National Sidi Ould
        // Ahmed", "le Directeur Général Adjoint Mamadou Ba".
        let mut start = name.start();
        let mut rest = name.as_str();
        while let Some((w, after)) = rest.split_once(' ') {
            if !TITLE_WORDS.contains(&without_accents(&w.to_lowercase()).as_str())
                || after.split(' ').count() < 2
            {
                break;
            }
            start += w.len() + 1;
            rest = after;
        }
        if [
            "de", "des", "du", "la", "le", "les", "aux", "au", "en", "et", "pour", "chargé",
            "chargée", "auprès", "sur", "avec", "par",
        ]
        .contains(&adjective)
            || goes_on_a_title(p, rest)
            || !is_person_name(rest)
            || within_honorific(&found[..honorific_count], start..name.end())
            || roles_before.iter().any(|(r, _)| r.start == start)
        {
            continue;
        }
        let role = text[role.start()..start].trim_end();
        roles_before.push((start..name.end(), liasse_text::clean_inline(role)));
    }
    for c in captures_of(&p.role_of_name, searched) {
        let (Some(role), Some(name)) = (c.get(1), c.get(2)) else {
            continue;
        };
        // The complement's last words may open the capitalised run: a state, a body, an
        // acronym, a word of a portfolio ("… des Affaires Etrangères Nasser Bourita", "… de
        // l'OIM au Maroc Laurent De Boeck"). They go back to the role.
        let mut start = name.start();
        let mut words: Vec<&str> = name.as_str().split(' ').collect();
        while words.len() > 2 {
            let w = words[0];
            let institutional = lexicon().not_names.contains(&w)
                || !lexicon().find(w).is_empty()
                || (w.chars().count() >= 2 && !w.chars().any(char::is_lowercase));
            if !institutional {
                break;
            }
            start += w.len() + 1;
            words.remove(0);
        }
        let rest = &text[start..name.end()];
        // "du programme Mobilité Talents": the run names the thing the noun before it heads.
        let before = role.as_str().rsplit(' ').next().unwrap_or("");
        // Nor a place: "le Gouverneur de la Région de Niamey".
        let place = words
            .last()
            .is_some_and(|w| lexicon().state_of_place(w).is_some());
        if lexicon().thing_heads.contains(&before)
            || place
            || !is_person_name(rest)
            || goes_on_a_title(p, rest)
            || within_honorific(&found[..honorific_count], start..name.end())
            || roles_before
                .iter()
                .any(|(r, _)| r.start < name.end() && start < r.end)
        {
            continue;
        }
        let role = text[role.start()..start].trim_end();
        roles_before.push((start..name.end(), liasse_text::clean_inline(role)));
    }
    for c in captures_of(&p.name_role, searched) {
        let Some(name) = c.get(1) else { continue };
        if within_honorific(&found[..honorific_count], name.range()) {
            continue;
        }
        found.push((name.range(), None, name.range()));
    }
    // A signature: one of the last lines holding only a name, or "Le rapporteur : Name"; and
    // anywhere, a line that gives a role its holder ("Rapporteur : M. Ousmane Ba, Directeur …",
    // "Président de séance : Mme Awa Sy").
    let signatures = signature_zone(doc);
    for (k, b) in doc.blocks.iter().enumerate().rev() {
        let r = doc.norm.from_source(b.content.clone());
        let line = text[r.clone()].trim_end_matches(['.', ' ']);
        let label = line
            .find(" : ")
            .or_else(|| line.find(": "))
            .filter(|&i| line[..i].split_whitespace().count() <= 4);
        let role_label = label.is_some_and(|i| signature_role(line[..i].trim()).is_some());
        let (offset, candidate) = match label {
            Some(i) if k >= signatures || role_label => {
                let after = line[i..].trim_start_matches([' ', ':']);
                let offset = line.len() - after.len();
                // After a role, the name ends at its apposition.
                let after = if role_label {
                    after[..after.find([',', ';', '(']).unwrap_or(after.len())].trim_end()
                } else {
                    after
                };
                (offset, after)
            }
            // "Par Mamadou Ndiaye": a byline (read below), not a signature.
            _ if ["Par ", "par ", "PAR "].iter().any(|p| line.starts_with(p)) => continue,
            _ if k >= signatures => (0, line),
            _ => continue,
        };
        // "Rapporteur : Mme Aïcha Mint Salem", "Mme Aminata Ndiaye" under "Le Rapporteur": the
        // name after its honorific (found already with it; the label or the line above still
        // gives the role).
        let label_end = offset;
        let (offset, candidate) = match after_honorifics(candidate) {
            Some(rest) => (offset + candidate.len() - rest.len(), rest),
            _ => (offset, candidate),
        };
        let known = found.iter().any(|f| f.0.start == r.start + offset);
        // Names side by side in columns are read below, one by one.
        if is_person_name(candidate)
            && candidate.split_whitespace().count() <= if label_end > 0 { 5 } else { 4 }
            && (!known || offset > 0)
            && column_parts(text, r.start + offset..r.start + offset + candidate.len()).len() < 2
        {
            let nr = r.start + offset..r.start + offset + candidate.len();
            if !known {
                found.push((nr.clone(), None, nr.clone()));
            }
            // The role the signature gives: its label ("Le rapporteur : Name") or the line above
            // ("Le Rapporteur" / "Youssef Tazi").
            let label = if label_end > 0 {
                Some(line[..label_end].trim_end_matches([' ', ':']))
            } else {
                k.checked_sub(1).map(|j| {
                    let pr = doc.norm.from_source(doc.blocks[j].content.clone());
                    text[pr].trim().trim_end_matches([',', ':'])
                })
            };
            if let Some(role) = label.and_then(signature_role) {
                roles_before.push((nr, role.to_owned()));
            }
        }
    }
    // A byline among the first lines: "Par Aminata Diop | Publié le …", "Par Awa Ba et Ali
    // Sow".
    for b in doc.blocks.iter().take(16) {
        let r = doc.norm.from_source(b.content.clone());
        let line = &text[r.clone()];
        let Some(rest) = ["Par ", "par ", "PAR "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
        else {
            continue;
        };
        let mut end = rest
            .find(['|', '–', '—', ',', ';', '(', '/', '\t', '•', '·'])
            .unwrap_or(rest.len());
        for stop in [
            " - ",
            " le ",
            " Le ",
            " publié",
            " Publié",
            " mis à jour",
            " Mis à jour",
        ] {
            end = end.min(rest.find(stop).unwrap_or(end));
        }
        let mut at = r.start + line.len() - rest.len();
        for name in rest[..end].split(" et ") {
            let trimmed = name.trim_end();
            if is_person_name(trimmed)
                && trimmed.split_whitespace().count() <= 4
                && !found
                    .iter()
                    .any(|f| f.0.start < at + trimmed.len() && at < f.0.end)
            {
                found.push((at..at + trimmed.len(), None, at..at + trimmed.len()));
            }
            at += name.len() + " et ".len();
        }
    }
    // The entries of a participants' list, written without honorifics: "Participants : Awa
    // Sow (OIM), Jean Dupont (Expertise France)", or one per item under "Étaient présents :".
    let mut listing = false;
    for b in &doc.blocks {
        let r = doc.norm.from_source(b.content.clone());
        let line = &text[r.clone()];
        let lower = crate::doc::lower(line);
        let label = PRESENT_LABELS
            .iter()
            .find(|l| lower.starts_with(**l))
            .and_then(|l| {
                let rest = line[l.len()..].trim_start();
                rest.strip_prefix(':')
                    .map(|after| line.len() - after.len())
                    .filter(|_| !line[l.len()..].starts_with(char::is_alphanumeric))
            });
        let item = matches!(b.kind, BlockKind::ListItem { .. });
        let entries_at = match label {
            Some(at) => {
                listing = line[at..].trim().is_empty();
                at
            }
            None if listing && item => 0,
            None => {
                listing = false;
                continue;
            }
        };
        for entry in list_entries(&line[entries_at..]) {
            let at = r.start + entries_at + entry.start;
            let cell = &text[at..r.start + entries_at + entry.end];
            // The name: up to its bracket or apposition.
            let name = cell[..cell.find(['(', ',', '–', ':']).unwrap_or(cell.len())].trim_end();
            let name = name.strip_suffix(" -").unwrap_or(name).trim_end();
            let bare = cell.trim_start_matches(['-', '•', '*', ' ']);
            let bare = bare.strip_prefix("et ").unwrap_or(bare);
            let lead = cell.len() - bare.len();
            let name = name.get(lead..).unwrap_or("");
            let start = at + lead;
            let words = name.split_whitespace().count();
            if (2..=5).contains(&words)
                && is_person_name(name)
                && !found
                    .iter()
                    .any(|f| f.2.start < start + name.len() && start < f.2.end)
            {
                found.push((start..start + name.len(), None, start..start + name.len()));
            }
        }
    }
    // A roster: the rows of a table under a header naming a column of names ("N° | Nom et
    // prénom | Structure | Fonction"); its role column gives each their role, its
    // organization column their body.
    let mut column_roles: Vec<(Range<usize>, String)> = Vec::new();
    let mut roster_bodies: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut columns_of: Option<RosterColumns> = None;
    for b in &doc.blocks {
        let cells: Vec<Range<usize>> = match &b.kind {
            BlockKind::TableRow { cells } => cells
                .iter()
                .map(|c| doc.norm.from_source(c.clone()))
                .collect(),
            _ => column_parts(text, doc.norm.from_source(b.content.clone())),
        };
        if cells.len() < 2 {
            columns_of = None;
            continue;
        }
        if let Some(header) = roster_header(cells.iter().map(|c| &text[c.clone()])) {
            columns_of = Some(header);
            continue;
        }
        let Some(cols) = &columns_of else { continue };
        let Some(cell) = cells.get(cols.name).filter(|c| !c.is_empty()) else {
            continue;
        };
        let written = &text[cell.clone()];
        // "M. Jean Dupont", "Dr Awa Sy": the name after its honorific (found already with it).
        let bare = after_honorifics(written).unwrap_or(written);
        let name = bare[..bare.find(['(', ',']).unwrap_or(bare.len())].trim_end();
        let start = cell.start + written.len() - bare.len();
        let nr = start..start + name.len();
        if !(2..=5).contains(&name.split_whitespace().count()) || !is_person_name(name) {
            continue;
        }
        if !found
            .iter()
            .any(|f| f.0.start < nr.end && nr.start < f.0.end)
        {
            found.push((nr.clone(), None, nr.clone()));
        }
        let cell_at = |i: Option<usize>| i.and_then(|i| cells.get(i)).filter(|c| !c.is_empty());
        if let Some(role) = cell_at(cols.role) {
            column_roles.push((nr.clone(), liasse_text::clean_inline(&text[role.clone()])));
        }
        if let Some(body) = cell_at(cols.organization) {
            roster_bodies.push((nr, body.clone()));
        }
    }
    // Signatures side by side: "Pour le Royaume d'Espagne      Pour la République …" over
    // "Fernando Grande-Marlaska      Mohamed Ould Lemine" over their titles, in columns of
    // spaces or tabs.
    let last = doc.blocks.len().saturating_sub(8);
    let columns = |k: usize| -> Vec<Range<usize>> {
        doc.blocks
            .get(k)
            .map(|b| doc.norm.from_source(b.content.clone()))
            .filter(|r| r.len() <= 240)
            .map(|r| column_parts(text, r))
            .unwrap_or_default()
    };
    for k in last..doc.blocks.len() {
        let parts = columns(k);
        // A signature line is short, and holds only names (not a table's name, title and
        // institution).
        if parts.len() < 2
            || parts
                .iter()
                .any(|p| p.len() > 80 || !is_person_name(&text[p.clone()]))
        {
            continue;
        }
        for (c, part) in parts.iter().enumerate() {
            let candidate = &text[part.clone()];
            if !is_person_name(candidate)
                || candidate.split_whitespace().count() > 6
                || found
                    .iter()
                    .any(|f| f.0.start < part.end && part.start < f.0.end)
            {
                continue;
            }
            found.push((part.clone(), None, part.clone()));
            let role = [k + 1, k.wrapping_sub(1)].into_iter().find_map(|j| {
                let cells = columns(j);
                (cells.len() == parts.len())
                    .then(|| signature_role(text[cells[c].clone()].trim_end_matches([',', ':'])))
                    .flatten()
            });
            if let Some(role) = role {
                column_roles.push((part.clone(), role.to_owned()));
            }
        }
    }
    for (r, _) in &roles_before {
        if !found.iter().any(|f| f.0.start < r.end && r.start < f.0.end) {
            found.push((r.clone(), None, r.clone()));
        }
    }
    // A capitalised word before a role that is no name ("Gouverneur de Médenine, président de
    // séance") neither is a person nor ends the role of the one before it.
    found.retain(|(r, honorific, _)| {
        honorific.is_some() || is_person_name(&liasse_text::clean_inline(&text[r.clone()]))
    });
    found.sort_by_key(|f| f.0.start);
    let starts: Vec<usize> = found.iter().map(|f| f.2.start).collect();
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_surname: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_words: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (r, honorific, whole)) in found.iter().enumerate() {
        if !outside(r) {
            continue;
        }
        let name = liasse_text::clean_inline(&text[r.clone()]);
        let surname_only = honorific.is_some() && name.split_whitespace().count() == 1;
        if !surname_only && !is_person_name(&name) {
            continue;
        }
        let next = starts.get(i + 1).copied().unwrap_or(text.len());
        let in_column = column_roles
            .iter()
            .find(|(nr, _)| nr == r)
            .map(|(_, role)| {
                let at = text[r.end..]
                    .find(role.as_str())
                    .map_or(r.start, |k| r.end + k);
                (role.clone(), at..at + role.len())
            });
        let role = in_column
            .or_else(|| role_after(text, whole.end.max(r.end), next))
            .or_else(|| {
                // By its start: a name wrapped over two lines is longer than the role's.
                roles_before
                    .iter()
                    .find(|(nr, _)| nr.start == r.start)
                    .map(|(_, role)| {
                        let at = text[..r.start].rfind(role.as_str()).unwrap_or(r.start);
                        (role.clone(), at..at + role.len())
                    })
            });
        let span = doc.span_of_norm(r.clone());
        // "M. Amrani" after "M. Youssef Amrani": the same person.
        let key = liasse_lexicon::fold(&name).text;
        // "TRAORÉ Aminata" in a roster, "Mme Aminata Traoré" in the text: the same words.
        let mut words: Vec<&str> = key.split(' ').collect();
        words.sort_unstable();
        let word_set = words.join(" ");
        let existing = by_name.get(&key).copied().or_else(|| {
            if let Some(&i) = by_words.get(&word_set).filter(|_| !surname_only) {
                return Some(i);
            }
            if surname_only {
                by_surname.get(&key).copied()
            } else if honorific.is_some() {
                // "M. Sánchez Ruiz" after "Pedro Sánchez Ruiz": the same person, by the last
                // words of a name told before.
                let tail = format!(" {key}");
                let mut told = by_name.iter().filter(|(k, _)| k.ends_with(tail.as_str()));
                match (told.next(), told.next()) {
                    (Some((_, &i)), None) => Some(i),
                    _ => None, // none, or two people it could be
                }
            } else {
                None
            }
        });
        if let Some(idx) = existing {
            let person = &mut e.people[idx];
            person.mentions.push(span);
            if person.role.is_none() {
                if let Some((role, _)) = &role {
                    person.role = Some(role.clone());
                }
            }
            continue;
        }
        if surname_only {
            // A surname alone with no earlier full name is not enough to name a person.
            if name.split_whitespace().count() < 2 {
                continue;
            }
        }
        // Or the body in brackets after the name: "M. Walid Chouchane (GIZ)".
        let bracket = || {
            let after = &text[r.end..];
            let inner = after
                .strip_prefix(" (")
                .or_else(|| after.strip_prefix('('))?;
            let close = inner.find(')').filter(|&k| k <= 120)?;
            let at = text.len() - inner.len();
            (!inner[..close].contains('\n')).then_some(at..at + close)
        };
        let roster_body = || {
            roster_bodies
                .iter()
                .find(|(nr, _)| nr == r)
                .and_then(|(_, body)| organization_in(doc, e, body.clone()))
        };
        let organization = role
            .as_ref()
            .and_then(|(_, rr)| organization_in(doc, e, rr.clone()))
            .or_else(roster_body)
            .or_else(|| bracket().and_then(|b| organization_in(doc, e, b)));
        if let Some(surname) = key.split(' ').next_back() {
            by_surname
                .entry(surname.to_owned())
                .or_insert(e.people.len());
        }
        by_words.insert(word_set, e.people.len());
        by_name.insert(key, e.people.len());
        e.people.push(rec::Person {
            id: format!("p-{}", slug(&name)),
            name,
            honorific: honorific.clone(),
            role: role.map(|(r, _)| r),
            organization,
            mentions: vec![span],
        });
    }
}

/// What follows the longest honorific that opens `s` and its space (`M. Jean Dupont` → `Jean
/// Dupont`), if one does.
fn after_honorifics(s: &str) -> Option<&str> {
    lexicon()
        .honorifics
        .iter()
        .filter_map(|h| s.strip_prefix(h)?.strip_prefix(' '))
        .min_by_key(|rest| rest.len())
}

/// Which cells of a roster's rows hold the names, roles and bodies.
struct RosterColumns {
    name: usize,
    role: Option<usize>,
    organization: Option<usize>,
}

/// What a roster's column holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RosterField {
    Name,
    Role,
    Organization,
}

/// The words of `data/roster.tsv`, by field.
fn roster_words() -> &'static [(RosterField, Vec<&'static str>)] {
    static WORDS: OnceLock<Vec<(RosterField, Vec<&'static str>)>> = OnceLock::new();
    WORDS.get_or_init(|| parse_roster_words(include_str!("../data/roster.tsv")).unwrap_or_default())
}

fn parse_roster_words(data: &'static str) -> Result<Vec<(RosterField, Vec<&'static str>)>, String> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((field, words)) = line.split_once('\t') else {
            return Err(format!("roster.tsv:{}: expected 2 columns", n + 1));
        };
        let field = match field {
            "name" => RosterField::Name,
            "role" => RosterField::Role,
            "organization" => RosterField::Organization,
            _ => return Err(format!("roster.tsv:{}: unknown field {field}", n + 1)),
        };
        out.push((field, words.split('|').collect()));
    }
    Ok(out)
}

/// A roster's header row: short cells, one naming the names' column, another a role's or a
/// body's.
fn roster_header<'t>(cells: impl Iterator<Item = &'t str>) -> Option<RosterColumns> {
    let (mut name, mut role, mut organization) = (None, None, None);
    for (i, cell) in cells.enumerate() {
        let l = cell.trim().to_lowercase();
        if l.chars().count() > 40 {
            return None;
        }
        let field = roster_words().iter().find_map(|(field, words)| {
            words
                .iter()
                .any(|w| {
                    l.strip_prefix(w)
                        .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
                })
                .then_some(*field)
        });
        let slot = match field {
            Some(RosterField::Name) => &mut name,
            Some(RosterField::Role) => &mut role,
            Some(RosterField::Organization) => &mut organization,
            None => continue,
        };
        slot.get_or_insert(i);
    }
    (role.is_some() || organization.is_some()).then_some(RosterColumns {
        name: name?,
        role,
        organization,
    })
}

/// The labels of a list of those present (or excused): `Participants :`, `Étaient présents :`.
const PRESENT_LABELS: &[&str] = &[
    "participants",
    "liste des participants",
    "étaient présents",
    "etaient presents",
    "présents",
    "presents",
    "ont participé",
    "ont pris part",
    "excusés",
    "excuses",
    "absents",
    "étaient excusés",
    "étaient absents",
];

/// The entries of a list written on one line, as ranges of `list`: parted by semicolons when
/// it has any, else by commas, never inside brackets.
pub(crate) fn list_entries(list: &str) -> Vec<Range<usize>> {
    let semicolons = list.contains(';');
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (i, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                out.push(from..i);
                from = i + 1;
            }
            ',' if depth == 0 && !semicolons => {
                out.push(from..i);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(from..list.len());
    out.into_iter()
        .map(|r| {
            let s = &list[r.clone()];
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.start + s.trim_end().trim_end_matches('.').len()
        })
        .filter(|r| r.start < r.end)
        .collect()
}

/// Does `name` overlap one of the honorific matches (which are in text order: only those just
/// before it need a look)?
fn within_honorific(
    honorific: &[(Range<usize>, Option<String>, Range<usize>)],
    name: Range<usize>,
) -> bool {
    let at = honorific.partition_point(|(_, _, w)| w.start < name.end);
    honorific[..at]
        .iter()
        .rev()
        .take(2)
        .any(|(_, _, w)| name.start < w.end)
}

/// The columns of a line set out with runs of three spaces or more, or tabs: their ranges.
fn column_parts(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[line.clone()];
    let mut out = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    for (i, c) in s.char_indices() {
        if c == ' ' || c == '\t' || c == '\u{a0}' {
            spaces += if c == '\t' { 3 } else { 1 };
            if spaces >= 3 {
                if let Some(st) = start.take() {
                    out.push(line.start + st..line.start + s[..i].trim_end().len());
                }
            }
            continue;
        }
        spaces = 0;
        if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(line.start + st..line.start + s.trim_end().len());
    }
    out
}

/// The index of the first block of the signatures at the end of the text: the last four
/// blocks, or more when short lines from a party's line (`Pour le Gouvernement de …`) or the
/// closing formula (`Fait à …`) on run to the end, one party's block over another's.
fn signature_zone(doc: &Doc) -> usize {
    let n = doc.blocks.len();
    // The last four blocks, but never the first half of a short text (its title).
    let mut zone = n.saturating_sub(4).max(n / 2);
    for k in (n.saturating_sub(24)..n).rev() {
        let r = doc.norm.from_source(doc.blocks[k].content.clone());
        let line = doc.norm.text[r].trim();
        if line.len() > 200 {
            break;
        }
        if ["Pour ", "POUR ", "Fait à ", "Fait a ", "FAIT À "]
            .iter()
            .any(|p| line.starts_with(p))
        {
            zone = zone.min(k);
        }
    }
    zone
}

/// A signature's role line, without its article: "Le Rapporteur" → "Rapporteur", "La
/// Directrice de la Migration" → itself without "La"; none if the line is not a role title.
fn signature_role(line: &str) -> Option<&str> {
    let role = ["Le ", "La ", "le ", "la ", "L'", "l'"]
        .iter()
        .find_map(|a| line.strip_prefix(a))
        .unwrap_or(line)
        .trim();
    let head = without_accents(&role.chars().take(40).collect::<String>().to_lowercase());
    (role.len() <= 120
        && !role.contains(|c: char| c.is_ascii_digit())
        && role_titles().iter().any(|r| head.starts_with(r.as_str())))
    .then_some(role)
}

/// The length of a rank that opens a role (`premier `, `deuxième `, `2e `, `3ème `), in a
/// lowercased text without accents.
fn ordinal_rank(head: &str) -> Option<usize> {
    const RANKS: &[&str] = &[
        "premier ",
        "premiere ",
        "deuxieme ",
        "second ",
        "seconde ",
        "troisieme ",
        "quatrieme ",
        "cinquieme ",
        "sixieme ",
    ];
    if let Some(r) = RANKS.iter().find(|r| head.starts_with(**r)) {
        return Some(r.len());
    }
    let digits = head.len() - head.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    ["er ", "re ", "e ", "eme ", "ieme "]
        .iter()
        .find(|s| head[digits..].starts_with(**s))
        .map(|s| digits + s.len())
}

/// The role apposition after a name: `, Secrétaire Général du MAEC :` → "Secrétaire Général du
/// MAEC", or the line under a name that ends its line (a signature block: `Mme Yassine Fall` /
/// `Ministre de l'Intégration africaine`). It stops at the next person, a colon, a semicolon, a
/// full stop, the end of the line or a closing bracket.
fn role_after(text: &str, from: usize, limit: usize) -> Option<(String, Range<usize>)> {
    let rest = &text[from..limit.max(from)];
    let lead = rest.len() - rest.trim_start_matches([',', ' ', '\t', '\r', '\n']).len();
    let gap = &rest[..lead];
    // A comma, or the next cell of a table row ("M. Hicham Alami<TAB>Directeur …").
    let apposition = (gap.contains(',') || gap.contains('\t') || gap.contains("   "))
        && gap.matches('\n').count() <= 1;
    let next_line = gap.matches('\n').count() == 1;
    if !(apposition || next_line) {
        return None;
    }
    let body = &rest[lead..];
    // The next line gives a role its own holder ("Secrétaire de séance : Mme Awa Sy"): it is
    // not this name's role.
    if !apposition {
        // The whole line: the next name may stop `rest` before the end of it.
        let whole = &text[from + lead..];
        let line = &whole[..whole.find('\n').unwrap_or(whole.len())];
        if line
            .find(':')
            .is_some_and(|i| !line[i + 1..].trim().is_empty())
        {
            return None;
        }
    }
    let head = without_accents(&body.chars().take(40).collect::<String>().to_lowercase());
    // A rank may come first: "première adjointe", "2e vice-président".
    let head = ordinal_rank(&head).map_or(head.as_str(), |n| &head[n..]);
    let starts_with_role = role_titles().iter().any(|r| head.starts_with(r.as_str()));
    if !starts_with_role {
        return None;
    }
    // A role ends its line at the latest: the other stops are searched within it.
    let mut end = body.find('\n').unwrap_or(body.len());
    for stop in [
        ":",
        ";",
        ". ",
        "|",
        "\t",
        " a ",
        " ont ",
        " est ",
        " sont ",
        " avait ",
        " qui ",
        " s'est ",
        // ", en présence de", ", en compagnie de", "Président de la République du Sénégal, en
        // République islamique de Mauritanie".
        ", en ",
        ", à ",
        ", accompagné",
        ", accompagnée",
        "   ",
    ] {
        if let Some(i) = body[..end].find(stop) {
            end = i;
        }
    }
    // A new clause after a comma, "…, les deux Gouvernements ont adopté", "…, lors de sa
    // visite", or a date, "Président de la République du Sénégal, du 27 au 28 août".
    if let Some(i) = body[..end].match_indices(", ").map(|(i, _)| i).find(|&i| {
        let after = &body[i + 2..end];
        let clause = ["les ", "le ", "la ", "lors ", "dans ", "pour ", "sur "]
            .iter()
            .any(|w| after.starts_with(w));
        let dated = after
            .strip_prefix("du ")
            .or_else(|| after.strip_prefix("le "))
            .unwrap_or(after)
            .starts_with(|c: char| c.is_ascii_digit());
        clause || dated
    }) {
        end = i;
    }
    // A closing bracket that closes nothing opened in the role ends it, and so does a bracket
    // the role leaves open ("cheffe du service … (tél. : …").
    let mut open: Vec<usize> = Vec::new();
    for (i, c) in body[..end].char_indices() {
        match c {
            '(' => open.push(i),
            ')' if open.is_empty() => {
                end = i;
                break;
            }
            ')' => {
                open.pop();
            }
            _ => {}
        }
    }
    if let Some(&i) = open.first() {
        end = end.min(i);
    }
    // The next person in an enumeration: ", et Name" / ", Name,".
    if let Some(i) = body.rfind(", et ") {
        end = end.min(i);
    }
    // The words that lead to the next person end no role: "…, du Général Moussa Fall".
    let mut role = body[..end].trim().trim_end_matches([',', '.']).trim();
    while let Some((head, last)) = role.rsplit_once([' ', '\n']) {
        if ![
            "du", "de", "des", "la", "le", "les", "l'", "d'", "et", "à", "au", "aux", "avec",
        ]
        .contains(&last)
        {
            break;
        }
        role = head.trim_end().trim_end_matches(',').trim_end();
    }
    (!role.is_empty()).then(|| {
        (
            liasse_text::clean_inline(role),
            from + lead..from + lead + role.len(),
        )
    })
}

fn organization_in(doc: &Doc, e: &Entities, r: Range<usize>) -> Option<String> {
    let mut best: Option<&Match> = None;
    for m in matches_in(&e.matches, r.clone()) {
        if m.end <= r.end && matches!(m.target, Target::Body(_)) {
            // The last body named in the role is the most specific ("… au ministère de …").
            if best.is_none_or(|b| {
                m.form == Form::Name || b.form == Form::Acronym || m.start > b.start
            }) {
                best = Some(m);
            }
        }
    }
    if let Some(Target::Body(b)) = best.map(|m| &m.target) {
        return Some((*b).to_owned());
    }
    // An unknown body named in the role (agency mentions are source spans).
    let src = doc.norm.to_source(r);
    e.agencies
        .values()
        .find(|a| {
            a.mentions
                .iter()
                .any(|s| (s.start as usize) >= src.start && (s.end as usize) <= src.end)
        })
        .map(|a| a.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_words_and_headers() {
        let words = parse_roster_words(include_str!("../data/roster.tsv")).unwrap();
        assert_eq!(words.len(), 3);
        assert!(parse_roster_words("nowhere\tnom").is_err());
        let header = |cells: &[&str]| {
            roster_header(cells.iter().copied()).map(|c| (c.name, c.role, c.organization))
        };
        assert_eq!(
            header(&["N°", "Nom et prénom", "Structure", "Fonction"]),
            Some((1, Some(3), Some(2)))
        );
        assert_eq!(header(&["Prénom et nom", "Pays"]), Some((0, None, Some(1))));
        // A name column alone, or no name column, is no roster; nor is "Nombre".
        assert_eq!(header(&["Nom", "Signature"]), None);
        assert_eq!(header(&["Structure", "Fonction"]), None);
        assert_eq!(header(&["Nombre", "Fonction"]), None);
    }

    #[test]
    fn names_wrapped_at_the_end_of_a_long_line() {
        let long = "La cérémonie d'ouverture sera présidée par le Ministre de l'Emploi, M. Moussa";
        let end_of = |text: &str, name: &str| {
            let at = text.find(name).unwrap_or(0);
            let end = wrapped_name_end(text, at..at + name.len());
            text[at..end].to_owned()
        };
        let cases = [
            (
                format!("{long}\nDiarra, le mercredi 13 novembre."),
                "Moussa\nDiarra",
            ),
            (format!("{long}\nDiarra présidera."), "Moussa\nDiarra"),
            // The next line is not the name's end: a title, a short line, an acronym.
            (format!("{long}\nMinistre de l'Emploi"), "Moussa"),
            (format!("{long}\nOIM, Genève"), "Moussa"),
            ("M. Moussa\nDiarra, le 13.".to_owned(), "Moussa"),
        ];
        for (text, want) in cases {
            assert_eq!(end_of(&text, "Moussa"), want, "{text:?}");
        }
    }

    fn spans(c: &[regex::Captures]) -> Vec<(usize, usize, usize, usize)> {
        c.iter()
            .filter_map(|c| {
                Some((
                    c.get(1)?.start(),
                    c.get(1)?.end(),
                    c.get(2)?.start(),
                    c.get(2)?.end(),
                ))
            })
            .collect()
    }

    fn check(text: &str) {
        let p = patterns();
        let whole: Vec<regex::Captures> = p
            .honorific_name
            .find_iter(text)
            .filter_map(|m| p.honorific_name.captures_at(&text[..m.end()], m.start()))
            .collect();
        assert_eq!(spans(&honorific_names(p, text)), spans(&whole), "{text:?}");
    }

    #[test]
    fn adjectives_that_name_a_language() {
        let cases: &[(&str, bool)] = &[
            ("rédigé en français", true),
            ("en deux exemplaires en langues française", true),
            ("en langues française et espagnole", true),
            ("en langues arabe, française et espagnole", true),
            ("la version espagnole", true),
            ("la partie espagnole", false),
            ("les autorités marocaines et espagnoles", false),
            ("la diaspora sénégalaise", false),
            ("les autorités en charge de la partie espagnole", false),
            ("espagnole", false),
            ("Langues de travail : français", true),
            (
                "Langues de travail : français et anglais (interprétation) ;\nla partie espagnole",
                false,
            ),
            ("Interprétation : arabe – français", true),
            ("- Langue : anglais", true),
            ("Participants : délégation française", false),
        ];
        for (text, want) in cases {
            let at = text.rfind(' ').map_or(0, |i| i + 1);
            assert_eq!(names_a_language(text, at), *want, "{text:?}");
        }
    }

    #[test]
    fn person_names_and_their_look_alikes() {
        for name in [
            "Ousmane Ba",
            "Laurent De Boeck",
            "J. Dupont",
            "Mohamed Ould Cheikh",
        ] {
            assert!(is_person_name(name), "{name}");
        }
        for not in [
            "III. Suivi",
            "IV) Financement",
            "Par Mamadou Ndiaye",
            "Affaires Etrangères Nasser",
            "ES, SN",
        ] {
            assert!(!is_person_name(not), "{not}");
        }
    }

    #[test]
    fn names_that_run_to_the_acronym_their_words_spell() {
        // (text, the name; None when the acronym is not the name's)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "l'Organisation pour la mise en valeur du fleuve Sénégal (OMVS) a",
                Some("Organisation pour la mise en valeur du fleuve Sénégal"),
            ),
            (
                "l'Agence pour la promotion des investissements et des grands travaux (APIX)",
                Some("Agence pour la promotion des investissements et des grands travaux"),
            ),
            (
                "le Programme d'appui mis en œuvre par le Centre (CIGEM)",
                None,
            ),
            (
                "l'Organisation pour la mise en valeur, à Dakar (OMVS)",
                None,
            ),
            ("l'Organisation des jeunes du fleuve (OMVS)", None),
            ("l'Office pour les migrations (Office)", None),
        ];
        for (text, want) in cases {
            let start = text.find(|c: char| c.is_uppercase()).unwrap();
            let head_end = start + text[start..].find(' ').unwrap();
            let got = super::acronym_named(text, start, head_end).map(|e| &text[start..e]);
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn states_named_by_a_river_or_a_lake_are_not_states() {
        for (text, river) in [
            ("la vallée du fleuve Sénégal", true),
            ("le bassin du lac Tchad", true),
            ("dans le golfe de Guinée", true),
            ("la Rivière Gambie", true),
            ("le Sénégal et le Mali", false),
            ("Bienvenue au Niger", false),
            ("le flux du Niger", false),
        ] {
            let at = text.rfind(|c: char| c.is_uppercase()).unwrap();
            assert_eq!(super::names_a_river(text, at), river, "{text}");
        }
    }

    #[test]
    fn names_extend_over_their_words() {
        // (text, where the head ends, the name)
        let cases: &[(&str, &str, &str)] = &[
            (
                "le Ministère de l'Intérieur, de la Sécurité publique et de l'Administration du territoire\n",
                "Ministère",
                "Ministère de l'Intérieur, de la Sécurité publique et de l'Administration du territoire",
            ),
            (
                "le Ministère de l'Intérieur, de l'Espagne et du Maroc",
                "Ministère",
                "Ministère de l'Intérieur",
            ),
            (
                "le Ministère de la Justice, des partenaires",
                "Ministère",
                "Ministère de la Justice",
            ),
            (
                "la Direction générale des Maliens de l'extérieur, à Bamako",
                "Direction",
                "Direction générale des Maliens de l'extérieur",
            ),
            (
                "le Ministère délégué chargé des Marocains résidant à l'étranger, à Rabat",
                "Ministère",
                "Ministère délégué chargé des Marocains résidant à l'étranger",
            ),
            (
                "l'Office des Tunisiens à l'étranger organise",
                "Office",
                "Office des Tunisiens à l'étranger",
            ),
            (
                "la Direction de la Migration de la région",
                "Direction",
                "Direction de la Migration",
            ),
            (
                "la Direction générale des affaires consulaires et sociales",
                "Direction",
                "Direction générale des affaires consulaires et sociales",
            ),
            (
                "M. Issoufou GARBA, Directeur Général de la Direction Générale de l'État Civil, \
                 des Migrations et des Réfugiés.",
                "Direction",
                "Direction Générale de l'État Civil, des Migrations et des Réfugiés",
            ),
            (
                "les représentants du Ministère de l'Intérieur, du Ministère de la Justice",
                "Ministère",
                "Ministère de l'Intérieur",
            ),
            (
                "la Direction de la Surveillance du Territoire, de la Direction de la Police",
                "Direction",
                "Direction de la Surveillance du Territoire",
            ),
        ];
        for (text, head, want) in cases {
            let start = text.find(head).unwrap();
            let end = extend_name(text, start + head.len(), head);
            assert_eq!(&text[start..end], *want, "{text:?}");
        }
    }

    #[test]
    fn honorific_names_as_the_whole_pattern_finds_them() {
        for t in crate::fixture_texts() {
            check(&t);
        }
        for t in [
            "M. Dupont",
            "xM. Dupont",
            "M. Dupont-M. Durand",
            "éMme Roux, M. Paul",
            "(Dr Ali Ben Salah)",
        ] {
            check(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn honorific_names_on_any_mix(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "M.", "Mme", "Me", "Dr", "le Président", " ", "-", "'", "é", "x", "Dupont",
                    "Ali", "de", "Ben", ",", "\n", "(", "É", "’", "\u{a0}",
                ]),
                0..24,
            ),
        ) {
            check(&parts.concat());
        }
    }
}
