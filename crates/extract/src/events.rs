//! What every genre parser shares: the records being built, sentences, places, and the events
//! made from date mentions.

use std::ops::Range;

use liasse_dates::{Kind, Mention};
use liasse_records as rec;

use crate::doc::Doc;
use crate::entities::Entities;
use crate::mentions::when_of;
use liasse_text::BlockKind;

/// Records a genre parser builds (ids are given at the end, in text order).
#[derive(Default)]
pub(crate) struct Out {
    pub events: Vec<rec::Event>,
    pub objectives: Vec<rec::Objective>,
    pub initiatives: Vec<rec::Initiative>,
    pub items: Vec<rec::Item>,
}

impl Out {
    /// Add an event unless the same kind of event at the same time and place is there already.
    /// (An event is these six facts; a struct to carry them would only rename the arguments.)
    #[allow(clippy::too_many_arguments)]
    pub fn event(
        &mut self,
        doc: &Doc,
        kind: rec::EventKind,
        label: String,
        when: Option<rec::When>,
        place: Option<String>,
        partners: Vec<String>,
        evidence: Range<usize>,
    ) {
        let evidence = doc.span_of_norm(evidence);
        let dup = self
            .events
            .iter()
            .any(|e| e.kind == kind && e.when == when && e.evidence.start == evidence.start);
        if dup {
            return;
        }
        self.events.push(rec::Event {
            id: String::new(),
            kind,
            label: liasse_text::clean_inline(&label),
            when,
            // A place read across a wrapped line keeps one space.
            place: place.map(|p| liasse_text::clean_inline(&p)),
            partners,
            evidence,
        });
    }

    /// Is there an event at `when` whose evidence holds `at` (the date told already where it
    /// is written: an annex row's schedule cell, a meeting's sentence)?
    pub fn holds_date(&self, when: &Option<rec::When>, at: &rec::Span) -> bool {
        self.events
            .iter()
            .any(|e| e.when == *when && e.evidence.start <= at.start && at.end <= e.evidence.end)
    }

    /// A meeting its sentence `s` tells of, dated by `m`: labelled by the sentence, placed
    /// after the date or before it (`se tiendra à Madrid en octobre`, `tenue à Berlin le 14
    /// octobre`), with the partners the sentence names.
    pub fn meeting_told(
        &mut self,
        doc: &Doc,
        mentions: &[Mention],
        m: &Mention,
        s: Range<usize>,
        ents: &Entities,
    ) {
        let text = &doc.norm.text;
        let place = place_after(text, m.end, s.end)
            .or_else(|| place_between(text, s.start, m.start))
            .or_else(|| bracketed_place(text, s.start, m.start).map(|(_, p)| p));
        self.event(
            doc,
            rec::EventKind::Meeting,
            shorten(&text[s.clone()]),
            crate::mentions::event_when(mentions, m, &s),
            place,
            ents.partners_in(s.clone()),
            s,
        );
    }

    /// Add an item; returns its index (items are numbered as they are added, in text order).
    pub fn item(
        &mut self,
        doc: &Doc,
        kind: rec::ItemKind,
        number: Option<String>,
        label: Option<String>,
        text: &str,
        evidence: Range<usize>,
    ) -> usize {
        let text = liasse_text::clean_lines(text);
        let text: Vec<&str> = text
            .lines()
            .map(|l| l.trim_start_matches(['-', '•', '✓', '▪', ' ']))
            .collect();
        self.items.push(rec::Item {
            id: format!("t{}", self.items.len() + 1),
            kind,
            number,
            label,
            text: text.join("\n"),
            parent: None,
            partners: Vec::new(),
            agencies: Vec::new(),
            people: Vec::new(),
            evidence: doc.span_of_norm(evidence),
        });
        self.items.len() - 1
    }

    /// Give ids in text order.
    pub fn finish(&mut self) {
        self.events.sort_by(|a, b| {
            (a.evidence.start, a.evidence.end, a.kind).cmp(&(
                b.evidence.start,
                b.evidence.end,
                b.kind,
            ))
        });
        for (i, e) in self.events.iter_mut().enumerate() {
            e.id = format!("e{}", i + 1);
        }
        for (i, o) in self.initiatives.iter_mut().enumerate() {
            o.id = format!("i{}", i + 1);
        }
        let mut seen = std::collections::HashMap::new();
        for o in self.objectives.iter_mut() {
            let n = seen.entry(o.number.clone()).or_insert(0);
            *n += 1;
            o.id = if *n == 1 {
                format!("o{}", o.number)
            } else {
                format!("o{}-{}", o.number, n)
            };
        }
    }
}

/// Nouns of a meeting.
pub(crate) const MEETING_NOUNS: &[&str] = &[
    "réunion",
    "session",
    "séance",
    "atelier",
    "séminaire",
    "rencontre",
    "conférence",
    "visite",
    "mission",
    "table ronde",
    "forum",
];

/// Is the date mention `m` the name of a meeting, its noun right before it: `la réunion du
/// 14 novembre 2024`, `lors de la session du 3 mai`, `le séminaire des 4 et 5 juin 2024`?
pub(crate) fn named_by_date(doc: &Doc, m: &Mention) -> bool {
    if m.value.is_none() || m.deadline {
        return false;
    }
    let from = crate::doc::window_start(&doc.norm.text, m.start, 24);
    let before = doc.lower_of(from..m.start);
    let before = before.trim_end();
    // The mention holds its `du` when the grammar took it as a preposition.
    let own = doc.lower_of(m.start..m.end);
    let noun_end = if own.starts_with("du ") || own.starts_with("des ") {
        Some(before)
    } else {
        [" du", " des"].iter().find_map(|p| before.strip_suffix(p))
    };
    noun_end.is_some_and(|b| {
        MEETING_NOUNS.iter().any(|n| {
            b.strip_suffix(n)
                .is_some_and(|rest| rest.ends_with([' ', '\'', '’']))
        })
    })
}

/// The most bytes a sentence runs on either side of a position: a text with no stop (a list of
/// dates on one line, a PDF's page with no punctuation) is read in windows, not whole for each
/// of its dates.
const SENTENCE_REACH: usize = 2000;

/// The sentence around `pos` in the normalised text: from after the previous full stop or line
/// break to the next one, at most [`SENTENCE_REACH`] bytes either side of `pos`.
pub(crate) fn sentence(text: &str, pos: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let pos = pos.min(text.len());
    let (floor, ceiling) = (
        crate::doc::window_start(text, pos, SENTENCE_REACH),
        crate::doc::window_end(text, pos, SENTENCE_REACH),
    );
    let mut start = pos;
    while start > floor {
        let c = bytes[start - 1];
        if (c == b'\n' && line_break_ends_sentence(text, start - 1))
            || (c == b' '
                && start >= 2
                && matches!(bytes[start - 2], b'.' | b'!' | b'?' | b';')
                && !abbreviation_before(text, start - 2))
        {
            break;
        }
        start -= 1;
    }
    let mut end = pos;
    while end < ceiling {
        let c = bytes[end];
        if c == b'\n' && line_break_ends_sentence(text, end) {
            break;
        }
        if matches!(c, b'.' | b'!' | b'?' | b';')
            && (end + 1 == bytes.len() || matches!(bytes[end + 1], b' ' | b'\n'))
            && !abbreviation_before(text, end)
        {
            end += 1;
            break;
        }
        end += 1;
    }
    while start < end && text.as_bytes()[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && text.as_bytes()[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    start..end
}

/// A line break at `nl` ends a sentence unless it only wraps one (as in text extracted from a
/// PDF): it does when the line ends with punctuation that closes a clause, when a blank line
/// follows, when the next line starts a list item, and when either line is short (a heading,
/// a time slot, a lead).
fn line_break_ends_sentence(text: &str, nl: usize) -> bool {
    let before = text[..nl].trim_end_matches([' ', '\t']);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    if line.ends_with(['.', ';', ':', '!', '?', ')']) || line.chars().count() < 50 {
        return true;
    }
    let after = &text[nl + 1..];
    let next = after.split('\n').next().unwrap_or("");
    let trimmed = next.trim_start();
    // Rows of a table drawn with bars each stand alone.
    if trimmed.is_empty()
        || trimmed.chars().count() < 3
        || line.ends_with('|')
        || trimmed.starts_with('|')
    {
        return true;
    }
    let first = trimmed.chars().next().unwrap_or(' ');
    // A capital after a line that does not end on a linking word starts something new (a
    // title followed by its byline); a wrapped sentence goes on in lowercase or after "le".
    const LINKS: &[&str] = &[
        "le", "la", "les", "l'", "de", "du", "des", "d'", "et", "ou", "à", "au", "aux", "en",
        "par", "pour", "avec", "sur", "un", "une", "que", "qui", "dans", "entre",
    ];
    let last_word = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    if first.is_uppercase() && !LINKS.contains(&last_word.as_str()) && !last_word.ends_with('\'') {
        return true;
    }
    let list = matches!(first, '-' | '•' | '✓' | '*' | '–' | '▪')
        || trimmed.split(['.', ')']).next().is_some_and(|n| {
            !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())
        });
    list
}

/// `M.`, `Mme.`, `p.ex.`: a full stop after a short word is not the end of a sentence.
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let word: String = text[..dot]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let n = word.chars().count();
    n > 0 && n <= 2 && word.chars().next_back().is_some_and(char::is_uppercase)
        || matches!(word.as_str(), "xe.p" | "fc")
}

/// The place written right after a date: `… 2022 à Madrid, Espagne`, `à l'ambassade du Royaume
/// à Paris`, `en France`.
/// Words that open who a visit is of, after its place (`en Espagne de Son Excellence …`).
const VISITOR: &[&str] = &[
    "Son Excellence",
    "Sa Majesté",
    "Président",
    "président",
    "Premier ministre",
    "Premier Ministre",
    "Ministre",
    "ministre",
    "la Ministre",
    "la ministre",
    "Chef",
    "chef",
];

pub(crate) fn place_after(text: &str, from: usize, limit: usize) -> Option<String> {
    let rest = &text[from..limit.max(from)];
    let rest = skip_time(rest.trim_start_matches([',', ' ']));
    let lower = rest.to_lowercase();
    // "dans les locaux de l'Ambassade de France à Dakar", "dans la salle de conférence du …":
    // a room or premises, not "dans le cadre de".
    const PREMISES: &[&str] = &[
        "dans les locaux",
        "dans la salle",
        "dans l'enceinte",
        "dans les bureaux",
        "dans le siège",
        "dans les salons",
        "dans l'hôtel",
        "dans l'auditorium",
        "dans l'amphithéâtre",
        "dans l'hémicycle",
        "dans le bâtiment",
    ];
    let straight = lower.replace('’', "'");
    if PREMISES.iter().any(|p| straight.starts_with(p)) {
        // Up to the clause after it ("… à Dakar, sous la présidence de …").
        let after = &rest["dans ".len()..];
        let mut end = [", ", ". ", ";", "\n", "(", ":"]
            .iter()
            .filter_map(|p| after.find(p))
            .min()
            .unwrap_or(after.len());
        // "… du Ministère, à Dakar": the city after the comma is the place's too.
        if let Some(city) = after[end..]
            .strip_prefix(", à ")
            .map(|c| {
                c.split([',', '.', ';', '\n', '('])
                    .next()
                    .unwrap_or("")
                    .trim()
            })
            .filter(|c| liasse_lexicon::lexicon().state_of_place(c).is_some())
        {
            end += ", à ".len() + city.len();
        }
        let place = after[..end].trim().trim_end_matches(['.', ',']);
        return (!place.is_empty()).then(|| place.to_owned());
    }
    let after = ["à ", "a ", "au ", "en "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &rest[p.len()..]))?;
    let first = after.chars().next()?;
    // A place is named: it starts with a capital, or with an article before a noun ("l'ambassade").
    // "à l'issue des travaux", "à l'occasion de": not places.
    let elided = after
        .strip_prefix("l'")
        .or_else(|| after.strip_prefix("l’"))
        .is_some_and(|rest| {
            ![
                "issue",
                "occasion",
                "initiative",
                "invitation",
                "heure",
                "unanimité",
                "instar",
                "horizon",
                "égard",
                "exception",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
        });
    let named = first.is_uppercase() || elided || after.starts_with("siège");
    if !named {
        return None;
    }
    let mut end = after.len();
    for stop in [
        ". ",
        ", afin",
        ", pour",
        ", avec",
        ", en ",
        ", dans",
        " afin",
        " pour ",
        " avec ",
        " dans le cadre",
        " entre ",
        " lors ",
        " sur ",
        " par ",
        "\n",
        ";",
        ":",
        "(",
    ] {
        if let Some(i) = after.find(stop) {
            end = end.min(i);
        }
    }
    // "en Espagne de Son Excellence M. …", "à Rabat du Premier ministre …": whose visit it is
    // follows the place.
    for link in [" de ", " du "] {
        for (i, _) in after[..end].match_indices(link) {
            let next = &after[i + link.len()..];
            if VISITOR.iter().any(|w| next.starts_with(w))
                || liasse_lexicon::lexicon()
                    .honorifics
                    .iter()
                    .any(|h| next.starts_with(h) && next[h.len()..].starts_with(' '))
            {
                end = end.min(i);
            }
        }
    }
    // "au siège du Ministère à Rabat, de 10h00 à 13h30, sous la présidence …": a clause after a
    // comma that does not start with a capital is not the place.
    if !first.is_uppercase() {
        let mut from = 0;
        while let Some(k) = after[from..end].find(", ") {
            let at = from + k;
            let next = &after[at + 2..];
            let located = ["à ", "a "].iter().any(|p| {
                next.strip_prefix(p)
                    .is_some_and(|c| c.starts_with(char::is_uppercase))
            });
            if !next.starts_with(char::is_uppercase) && !located {
                end = at;
                break;
            }
            from = at + 2;
        }
    }
    let mut place = after[..end].trim().trim_end_matches(['.', ',']);
    // A venue named by its kind goes on in lowercase ("Centre international de conférences de
    // Bamako", "Palais des congrès", "Hôtel du Lac") up to the clause's end.
    const VENUES: &[&str] = &[
        "Centre",
        "Palais",
        "Hôtel",
        "Hotel",
        "Maison",
        "Institut",
        "Université",
        "Salle",
        "Complexe",
        "Musée",
        "Bibliothèque",
        "Espace",
        "Campus",
        "Auditorium",
        "Amphithéâtre",
        "Parc",
        "Cité",
        "Résidence",
    ];
    let venue = VENUES
        .iter()
        .any(|v| place.strip_prefix(v).is_some_and(|r| r.starts_with(' ')));
    if venue {
        // Not the rest of the clause: "Centre de conférences de Bamako les travaux …".
        let end = place
            .find(", ")
            .filter(|&k| !place[k + 2..].starts_with(char::is_uppercase))
            .unwrap_or(place.len());
        place = place[..end].trim_end_matches([',', ' ']);
    }
    // A named place is its capitalised words ("Madrid, Espagne", "Saint-Jacques de
    // Compostelle"), not the rest of the clause ("Rabat une déclaration …").
    if first.is_uppercase() && !venue {
        let mut cut = 0;
        let mut after_comma = false;
        for (i, w) in place.split_inclusive(' ').scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len();
            Some((at, w))
        }) {
            let word = w.trim_end().trim_end_matches(',');
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            let link = ["de", "du", "des", "la", "le", "d'", "l'", "sur", "en"].contains(&word);
            if !(capital || (link && !after_comma)) {
                break;
            }
            after_comma = w.trim_end().ends_with(',');
            cut = i + w.trim_end().len();
        }
        place = place[..cut].trim_end_matches([',', ' ']);
        // No linking word at the end ("Dakar la deuxième session" → "Dakar").
        while let Some((head, last)) = place.rsplit_once(' ') {
            if ["de", "du", "des", "la", "le", "en", "sur", "d'", "l'"].contains(&last) {
                place = head.trim_end_matches(',');
            } else {
                break;
            }
        }
    }
    // "Madrid, Espagne": a second capitalised word after a comma is the country.
    (!place.is_empty() && place.len() < 120).then(|| place.to_owned())
}

/// What follows a time of day written between a date and its place (`à 10h30 au siège`,
/// `de 9 h à 12 h 30, à Rabat`), as the date scanner reads it, or the text itself if it does
/// not start with one.
fn skip_time(s: &str) -> &str {
    let head = crate::doc::window_end(s, 0, 60);
    match liasse_dates::scan(&s[..head], None).first() {
        Some(m) if m.start == 0 && m.kind == Kind::Time => {
            s[m.end..].trim_start_matches([',', ' '])
        }
        _ => s,
    }
}

/// Verbs of a duration that a date ends (`se poursuivront jusqu'à mercredi`), by their stems.
const LASTS_UNTIL: &[&str] = &[
    "poursuivr",
    "poursuit ",
    "poursuivent ",
    "prolong",
    "durer",
    "durera",
    "dureront",
    "s'étendr",
    "s'étaler",
    "se dérouler",
];

/// Deadlines anywhere in the document (`au plus tard fin septembre 2013`, `avant le 21 juin
/// 2022`) become deadline events labelled with their sentence.
pub(crate) fn deadline_events(
    doc: &Doc,
    mentions: &[Mention],
    ents: &Entities,
    exclude: &[Range<usize>],
    out: &mut Out,
) {
    let text = &doc.norm.text;
    for m in mentions {
        if !m.deadline || m.value.is_none() || matches!(m.kind, Kind::Duration | Kind::Frequency) {
            continue;
        }
        if exclude.iter().any(|x| x.start <= m.start && m.end <= x.end) {
            continue;
        }
        let s = sentence(text, m.start);
        // How long something lasts is no deadline: `Les travaux, qui se poursuivront jusqu'à
        // mercredi`, `La campagne durera jusqu'au 30 juin`.
        let before =
            doc.lower_of(crate::doc::window_start(text, m.start, 40).max(s.start)..m.start);
        if doc.lower_of(m.start..m.end).starts_with("jusqu")
            && LASTS_UNTIL.iter().any(|w| before.contains(w))
        {
            continue;
        }
        // A meeting to be held before a date (`de réunir le comité avant la fin juin à
        // Madrid`) is told once, as the meeting.
        let when = m.value.as_ref().map(when_of);
        let span = doc.span_of_norm(s.clone());
        // Or a deadline told already where it is written (an annex row's schedule cell).
        let at = doc.span_of_norm(m.start..m.end);
        if out.holds_date(&when, &at)
            || out
                .events
                .iter()
                .any(|e| e.when == when && e.evidence.start == span.start)
        {
            continue;
        }
        let label = shorten(&text[s.clone()]);
        out.event(
            doc,
            rec::EventKind::Deadline,
            label,
            when,
            None,
            ents.partners_in(s.clone()),
            s,
        );
    }
}

/// Words of a line that opens a schedule set out as a list below it.
const SCHEDULE_WORDS: &[&str] = &[
    "calendrier",
    "chronogramme",
    "échéancier",
    "feuille de route",
    "étapes",
    "jalons",
    "planning",
    "programmation",
];

/// The steps of a schedule set out as a list under a line that names it ("Les participants
/// ont convenu du calendrier suivant :", "Prochaines étapes :"), each a label and a date
/// parted by a colon or a dash: "atelier de lancement : 15 avril 2024", "mai – juin 2024 :
/// consultations régionales". Each is an event at its date: a meeting when its words name
/// one, a deadline when its date or its words say so (`au plus tard le …`, `date limite de
/// dépôt`), else another event. Lists in `skip` (an annex) are not read.
pub(crate) fn schedule_lists(
    doc: &Doc,
    mentions: &[Mention],
    ents: &Entities,
    skip: Option<&Range<usize>>,
    out: &mut Out,
) {
    let text = &doc.norm.text;
    let mut under = false;
    for b in &doc.blocks {
        let r = doc.norm.from_source(b.content.clone());
        if skip.is_some_and(|x| x.start <= r.start && r.end <= x.end) {
            continue;
        }
        if !matches!(b.kind, BlockKind::ListItem { .. }) {
            let l = doc.lower_of(r.clone());
            under = l.trim_end().ends_with(':') && SCHEDULE_WORDS.iter().any(|w| l.contains(w));
            continue;
        }
        if !under {
            continue;
        }
        let line = &text[r.clone()];
        let Some((sep, sep_len)) = [" : ", ": ", " – ", " — ", " - "]
            .iter()
            .find_map(|k| line.find(k).map(|i| (i, k.len())))
        else {
            continue;
        };
        let (left, right) = (r.start..r.start + sep, r.start + sep + sep_len..r.end);
        let Some(m) = dated_in(mentions, &r).next() else {
            continue;
        };
        // The date fills its side, but for a few words ("à Bamako", "(à confirmer)"); the
        // label is the other side, in words.
        let (date_side, label_side) = if m.start >= right.start {
            (right, left)
        } else if m.end <= left.end {
            (left, right)
        } else {
            continue;
        };
        let rest = text[date_side.start..m.start].split_whitespace().count()
            + text[m.end..date_side.end].split_whitespace().count();
        let label = text[label_side]
            .trim()
            .trim_end_matches([';', '.', ','])
            .trim_end();
        let words = label.split_whitespace().count();
        if rest > 4 || words == 0 || words > 16 || !label.contains(char::is_alphabetic) {
            continue;
        }
        let when = m.value.as_ref().map(when_of);
        if out.holds_date(&when, &doc.span_of_norm(m.start..m.end)) {
            continue;
        }
        let l = lower(label);
        let kind = if MEETING_NOUNS.iter().any(|k| find_word(&l, k).is_some()) {
            rec::EventKind::Meeting
        } else if m.deadline
            || ["date limite", "date butoir", "délai", "échéance"]
                .iter()
                .any(|k| l.contains(k))
        {
            rec::EventKind::Deadline
        } else {
            rec::EventKind::Other
        };
        let place = (kind == rec::EventKind::Meeting)
            .then(|| place_after(text, m.end, date_side.end))
            .flatten();
        out.event(
            doc,
            kind,
            capitalise(label),
            when,
            place,
            ents.partners_in(r.clone()),
            r,
        );
    }
}

pub(crate) use crate::doc::lower;

/// Find `word` in `hay` (both lowercase) at word boundaries.
pub(crate) fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(word) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        if !before.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Byte offsets of every occurrence of `key` in `text`, left to right, without overlaps.
pub(crate) fn find_all<'t>(text: &'t str, key: &'t str) -> impl Iterator<Item = usize> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        let i = text.get(from..)?.find(key)?;
        let at = from + i;
        from = at + key.len();
        Some(at)
    })
}

/// A label from a sentence: its first 160 characters, cut at a word.
pub(crate) fn shorten(s: &str) -> String {
    let s = liasse_text::clean_inline(s);
    let s = s
        .trim_start_matches(['-', '•', '✓', '*', '▪', ' '])
        .to_owned();
    if s.chars().count() <= 160 {
        return s;
    }
    let cut: String = s.chars().take(160).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(a, _)| a)
        .to_owned();
    format!("{cut}…")
}

/// Day-precision (or day-range) values of absolute or resolved mentions in a range.
pub(crate) fn dated_in<'m>(
    mentions: &'m [Mention],
    r: &Range<usize>,
) -> impl Iterator<Item = &'m Mention> + 'm {
    let r = r.clone();
    mentions.iter().filter(move |m| {
        m.start >= r.start
            && m.end <= r.end
            && m.value.is_some()
            && matches!(m.kind, Kind::Date | Kind::Range)
    })
}

/// "prévue en France au premier trimestre": a place between a keyword and the date.
pub(crate) fn place_between(text: &str, from: usize, to: usize) -> Option<String> {
    let seg = &text[from..to];
    let i = seg.rfind(" à ").or_else(|| seg.rfind(" en "))?;
    let rest = seg[i..].trim_start();
    let rest = rest.split_once(' ').map_or("", |x| x.1);
    // Capitalised words, up to the punctuation that ends the name ("à Madrid, le 28 août").
    let mut words: Vec<&str> = Vec::new();
    for w in rest.split_whitespace() {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        let bare = w.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
        if !bare.is_empty() {
            words.push(bare);
        }
        if bare.len() < w.len() {
            break;
        }
    }
    let name = words.join(" ");
    (!name.is_empty()).then_some(name)
}

/// A known place opening the brackets the date at `to` is in, and where the brackets open:
/// "la première réunion (Nouakchott, 14 novembre 2024)", "(Rabat, le 3 mai)".
pub(crate) fn bracketed_place(text: &str, from: usize, to: usize) -> Option<(usize, String)> {
    let seg = &text[from..to];
    let open = seg.rfind('(')?;
    let inside = seg[open + 1..].trim_end();
    let inside = inside.strip_suffix(" le").unwrap_or(inside).trim_end();
    let place = inside.strip_suffix(',')?.trim();
    liasse_lexicon::lexicon()
        .state_of_place(place)
        .map(|_| (from + open, place.to_owned()))
}

/// The first letter in capitals.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// Nouns of an activity a text may plan or report other than a meeting (which
/// [`MEETING_NOUNS`] name): a training, a campaign, a ceremony, a launch.
const ACTIVITY_NOUNS: &[&str] = &[
    "formation",
    "formations",
    "campagne",
    "cérémonie",
    "lancement",
    "inauguration",
    "patrouille",
    "opération",
    "caravane",
    "journée de",
    "journée d'",
    "journée mondiale",
    "journée internationale",
    "journée nationale",
    "recensement",
    "enquête",
    "consultation",
    "consultations",
    "sommet",
    "assemblée",
    "congrès",
    "colloque",
    "webinaire",
    "stage",
    "tournée",
    "remise",
    "restitution",
    "validation",
    "élection",
    "élections",
    "salon",
    "foire",
];

/// Verbs that date an activity: planned, moved, or held (`est prévu pour le`, `a été reportée
/// à`, `aura lieu le`, `sera lancée le`, `se rendra à … du`).
const DATES_ACTIVITY: &[&str] = &[
    "prévu ",
    "prévue ",
    "prévus ",
    "prévues ",
    "programmé ",
    "programmée ",
    "programmés ",
    "programmées ",
    "reporté ",
    "reportée ",
    "reportés ",
    "reportées ",
    "repoussé ",
    "repoussée ",
    "aura lieu",
    "auront lieu",
    "a eu lieu",
    "ont eu lieu",
    "se tiendra",
    "se tiendront",
    "se déroulera",
    "se dérouleront",
    "s'est déroulée",
    "s'est déroulé ",
    "sera lancé",
    "sera lancée",
    "seront lancés",
    "seront lancées",
    "a été lancé",
    "a été lancée",
    "sera organisé",
    "sera organisée",
    "seront organisés",
    "seront organisées",
    "a été organisé",
    "a été organisée",
    "sera inauguré",
    "sera inaugurée",
    "a été inauguré",
    "a été inaugurée",
    "annoncé ",
    "annoncée ",
    "sera conduit",
    "seront conduit",
    "sera mené",
    "seront mené",
    "sera réalisé",
    "seront réalisé",
    "sera célébré",
    "seront célébré",
    "sera effectué",
    "seront effectué",
    "se rendra",
    "se rendront",
    "s'est rendu ",
    "s'est rendue ",
    "se sont rendus",
    "débutera",
    "débuteront",
    "démarrera",
    "démarreront",
    "commencera",
    "est fixé",
    "est fixée",
    "a été fixé",
    "a été fixée",
];

/// Activities a sentence dates by a verb that plans, moves or reports them (`L'atelier de
/// validation est prévu pour le 15 mai 2025 à Thiès`, `La formation des agents … a été reportée
/// à la deuxième quinzaine d'avril 2025`, `La cérémonie de remise des équipements aura lieu le
/// 20 mars`, `Une mission d'évaluation se rendra à Tambacounda du 2 au 6 juin`): each an event
/// at the date in the verb's clause, a meeting or a mission when its noun names one, else
/// another event, placed after its date. Not a date the verb's sentence sets aside
/// (`initialement prévue en février`), a deadline, or a date an event holds already; not in
/// `skip` (an annex).
pub(crate) fn planned_activities(
    doc: &Doc,
    mentions: &[Mention],
    ents: &Entities,
    skip: Option<&Range<usize>>,
    out: &mut Out,
) {
    let text = &doc.norm.text;
    for m in mentions {
        if m.deadline
            || m.value.is_none()
            || !matches!(m.kind, Kind::Date | Kind::Range)
            || skip.is_some_and(|x| x.start <= m.start && m.end <= x.end)
        {
            continue;
        }
        let s = sentence(text, m.start);
        let sent = doc.lower_of(s.clone());
        // A line break inside the sentence (a PDF wraps them) is a space to the words.
        let sent = if sent.contains('\n') {
            std::borrow::Cow::Owned(sent.replace('\n', " "))
        } else {
            std::borrow::Cow::Borrowed(sent)
        };
        let at = m.start - s.start;
        // The verb nearest before the date, in its clause, or right after it (`Le 20 mars
        // aura lieu la cérémonie`).
        static VERBS: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
        let verbs = VERBS
            .get_or_init(|| crate::literals(aho_corasick::MatchKind::Standard, DATES_ACTIVITY));
        let verb = verbs
            .find_overlapping_iter(sent.as_ref())
            .map(|v| (v.start(), v.end() - v.start()))
            .filter(|&(i, len)| {
                let (from, to) = if i < at { (i + len, at) } else { (at, i) };
                to.saturating_sub(from) <= 60
                    && sent
                        .get(from..to)
                        .is_some_and(|gap| !gap.contains([';', ':']))
                    && (i < at || i <= at + (m.end - m.start) + 3)
            })
            .min_by_key(|&(i, _)| i.abs_diff(at));
        let Some((verb_at, verb_len)) = verb else {
            continue;
        };
        // The verb's date is the nearest to it: `se rendra vendredi à Nouakchott, avant de
        // regagner Madrid samedi` dates the visit by Friday alone.
        let (lo, hi) = if verb_at < at {
            (s.start + verb_at, m.start)
        } else {
            (m.end, s.start + verb_at)
        };
        if mentions.iter().any(|x| {
            !std::ptr::eq(x, m)
                && matches!(x.kind, Kind::Date | Kind::Range)
                && lo <= x.start
                && x.end <= hi
        }) {
            continue;
        }
        // Going somewhere is a visit, whoever goes, when the place is said (`Le ministre se
        // rendra vendredi à Nouakchott`).
        let travel = sent[verb_at..verb_at + verb_len].contains("rend");
        // Set aside: "initialement prévue en février, a été reportée à …".
        if sent[..at].trim_end().ends_with("initialement")
            || sent[..verb_at].trim_end().ends_with("initialement")
        {
            continue;
        }
        // The activity's noun, before the verb in its clause, or right after it.
        let clause_start = sent[..verb_at.min(at)]
            .rfind([';', ':'])
            .map_or(0, |k| k + 1);
        let noun_in = |r: Range<usize>| {
            let hay = sent.get(r).unwrap_or("");
            MEETING_NOUNS
                .iter()
                .chain(ACTIVITY_NOUNS)
                .filter_map(|n| find_word(hay, n).map(|i| (i, *n)))
                .min()
                .map(|(_, n)| n)
        };
        // What is announced is named between the verb and its date (`a annoncé le lancement
        // du programme le 15 avril`); a date right after the verb is the announcement's (`a
        // annoncé le 3 mai que la campagne …`).
        let announced = sent[verb_at..].starts_with("annonc");
        if announced && at < verb_at {
            continue;
        }
        let noun = if announced {
            noun_in(verb_at..at)
        } else {
            noun_in(clause_start..verb_at)
                .or_else(|| noun_in(verb_at..crate::doc::window_end(&sent, verb_at, 80)))
        };
        let place =
            place_after(text, m.end, s.end).or_else(|| place_between(text, s.start, m.start));
        // A verb that is the activity needs no noun: `Le barrage de Gouina sera inauguré au
        // premier semestre 2025`, `Le programme sera lancé le 1er juillet`.
        let act = &sent[verb_at..verb_at + verb_len];
        let noun = match noun {
            Some(n) => n,
            None if travel && place.is_some() => "visite",
            None if act.contains("inaugur") || act.contains("lancé") => "inauguration",
            None => continue,
        };
        let when = crate::mentions::event_when(mentions, m, &s);
        let span = doc.span_of_norm(m.start..m.end);
        if out.holds_date(&when, &span)
            || out.events.iter().any(|e| {
                e.when == when && e.evidence.start < span.end && span.start < e.evidence.end
            })
        {
            continue;
        }
        let kind = match noun {
            "mission" | "visite" => rec::EventKind::Mission,
            n if MEETING_NOUNS.contains(&n) => rec::EventKind::Meeting,
            _ => rec::EventKind::Other,
        };
        out.event(
            doc,
            kind,
            shorten(&text[s.clone()]),
            when,
            place,
            ents.partners_in(s.clone()),
            s,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{place_after, sentence, SENTENCE_REACH};

    #[test]
    fn a_text_with_no_stop_is_read_in_windows() {
        // One line of 10,000 dates: each date's sentence is a window around it, not the line
        // (which made the passes that read every date's sentence quadratic).
        let text = "le 3 mai 2024 à Dakar, ".repeat(10_000);
        let mid = text.len() / 2;
        let s = sentence(&text, mid);
        assert!(s.start < mid && mid < s.end);
        assert!(s.end - s.start <= 2 * SENTENCE_REACH, "{s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        // A sentence shorter than the reach is whole.
        let text = "Titre.\nLa réunion aura lieu le 3 mai 2024 à Dakar. Elle durera deux jours.";
        let at = text.find("3 mai").unwrap();
        assert_eq!(
            &text[sentence(text, at)],
            "La réunion aura lieu le 3 mai 2024 à Dakar."
        );
    }

    #[test]
    fn the_place_after_a_date() {
        let cases: &[(&str, Option<&str>)] = &[
            (" à Madrid, Espagne, afin de", Some("Madrid, Espagne")),
            (" à 10h30 à Rabat.", Some("Rabat")),
            (
                ", de 9 h à 12 h 30, à Dakar la deuxième session",
                Some("Dakar"),
            ),
            (" à 15 heures à Bruxelles, qui", Some("Bruxelles")),
            (
                " à 10h30 au siège du Ministère, à Rabat. Suite",
                Some("siège du Ministère, à Rabat"),
            ),
            (
                " à l'ambassade du Royaume à Paris.",
                Some("l'ambassade du Royaume à Paris"),
            ),
            (
                " de 14h30 à 17h00 dans les locaux de l'Ambassade de France à Dakar, sous la",
                Some("les locaux de l'Ambassade de France à Dakar"),
            ),
            (
                ", dans la salle de conférence de la Direction, sise au 12",
                Some("la salle de conférence de la Direction"),
            ),
            (
                " à partir de 9 heures au Centre international de conférences de Bamako (CICB).",
                Some("Centre international de conférences de Bamako"),
            ),
            (
                " en Espagne de Son Excellence M. Bassirou Diomaye FAYE, Président",
                Some("Espagne"),
            ),
            (" à Rabat du Premier ministre espagnol", Some("Rabat")),
            (
                " à l'Hôtel du Lac, les travaux seront",
                Some("l'Hôtel du Lac"),
            ),
            (
                " au Palais des congrès, Niamey.",
                Some("Palais des congrès, Niamey"),
            ),
            (" dans le cadre du partenariat", None),
            (" à 10h30.", None),
            (" à 2 heures de route", None),
            (" pour examiner", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                place_after(text, 0, text.len()).as_deref(),
                *want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_place_between_a_keyword_and_its_date() {
        let cases: &[(&str, Option<&str>)] = &[
            ("lors de sa visite à Madrid, le", Some("Madrid")),
            ("prévue en France au", Some("France")),
            ("la réunion à Las Palmas de", Some("Las Palmas")),
            ("une réunion à Rabat. Le", Some("Rabat")),
            ("une réunion à huis clos le", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                super::place_between(text, 0, text.len()).as_deref(),
                *want,
                "{text:?}"
            );
        }
    }
}
