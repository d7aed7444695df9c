//! Minutes: the meeting (subject, date, place), the participants, and their roles.

use liasse_records as rec;
use liasse_text::BlockKind;

use crate::doc::Doc;
use crate::entities::Entities;
use crate::events::Out;
use crate::meta::Meta;

pub(crate) fn parse(doc: &Doc, meta: &Meta, ents: &mut Entities, out: &mut Out) {
    // The subject: "Objet : réunion du groupe thématique migration (GTM) …".
    let subject = doc.blocks.iter().find_map(|b| {
        let t = doc.clean(b.content.clone());
        let l = t.to_lowercase();
        ["objet", "sujet", "ordre du jour"].iter().find_map(|k| {
            l.strip_prefix(k)
                .map(|rest| rest.trim_start_matches([' ', ':']).len())
                .map(|n| (t[t.len() - n..].to_owned(), b.span.clone()))
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
    let Some(date) = &meta.date else { return };
    let (label, evidence) = match &subject {
        Some((s, r)) => (
            s.trim_end_matches('.').to_owned(),
            doc.norm.from_source(r.clone()),
        ),
        None => (
            meta.title
                .as_ref()
                .map_or_else(|| "Réunion".to_owned(), |t| t.0.clone()),
            doc.norm
                .from_source(date.span.start as usize..date.span.end as usize),
        ),
    };
    let partners: Vec<String> = ents.partners.keys().cloned().collect();
    for p in &partners {
        ents.add_role(p, rec::Role::Participant);
    }
    out.event(
        doc,
        rec::EventKind::Meeting,
        label,
        Some(date.when.clone()),
        meta.place.as_ref().map(|p| p.0.clone()),
        partners,
        evidence,
    );
}
