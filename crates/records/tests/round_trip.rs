//! The output reads back: every committed document, manifest and entity index deserialises and
//! serialises again to the same bytes (what `ingest --incremental` relies on to reuse outputs).

use std::path::Path;

use liasse_records::{
    DocumentOutput, EntityIndex, EntityMention, EntityStream, Manifest, Mentions,
};

#[test]
fn committed_outputs_read_back_to_the_same_bytes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../output");
    let mut documents = 0;
    for entry in std::fs::read_dir(&dir).expect("output/").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = match name.rsplit_once('.') {
            Some((_, "json")) => std::fs::read_to_string(entry.path()).expect("read"),
            _ => continue,
        };
        let again = match name.as_str() {
            "manifest.json" => serde_json::from_str::<Manifest>(&text)
                .expect("manifest")
                .to_json(),
            "entities.json" => serde_json::from_str::<EntityIndex>(&text)
                .expect("entities")
                .to_json(),
            _ => {
                documents += 1;
                let d: DocumentOutput = serde_json::from_str(&text).expect(&name);
                let c = d.counts();
                let records = c.dates
                    + c.events
                    + c.objectives
                    + c.initiatives
                    + c.partners
                    + c.agencies
                    + c.people
                    + c.items
                    + c.diagnostics;
                // The document line, then one line per record.
                assert_eq!(d.to_jsonl().lines().count(), 1 + records, "{name}");
                d.to_json()
            }
        };
        assert!(again == text, "{name} does not read back to the same bytes");
    }
    assert_eq!(documents, 5);
}

/// Writing entities.json one entry at a time gives the bytes of the whole index's `to_json`,
/// including empty lists, whether each entity's documents come with it or are streamed.
#[test]
fn streamed_entity_index_is_the_same_bytes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../output");
    let text = std::fs::read_to_string(dir.join("entities.json")).expect("entities.json");
    let mut index: EntityIndex = serde_json::from_str(&text).expect("entities");
    assert!(!index.partners.is_empty() && !index.people.is_empty());
    for case in 0..6 {
        let streamed = case >= 2;
        let laid = case >= 4;
        if case == 1 {
            index.people.clear();
            // An entity without documents or mentions is laid out with empty lists.
            let mut bare = index.agencies[0].clone();
            bare.id = "zz-bare".into();
            bare.documents.clear();
            bare.mentions.clear();
            index.agencies.push(bare);
        }
        let mut out = Vec::new();
        let [p, a, n] = [&index.partners, &index.agencies, &index.people].map(|l| {
            l.iter()
                .cloned()
                .map(|e| {
                    let documents = e.documents.clone();
                    let mentions = e.mentions.clone();
                    let mut s = EntityStream::from(e);
                    if laid {
                        // Runs of one, two and three mentions, with empty runs between.
                        let mut runs = Vec::new();
                        let mut rest = &mentions[..];
                        for n in [1, 2, 3].into_iter().cycle() {
                            if rest.is_empty() {
                                break;
                            }
                            let (run, tail) = rest.split_at(n.min(rest.len()));
                            runs.push(EntityMention::layout(run).unwrap());
                            runs.push(Vec::new());
                            rest = tail;
                        }
                        s.mentions = Mentions::Laid(Box::new(runs.into_iter().map(Ok)));
                    }
                    if streamed {
                        // What the stream says wins over the head's list.
                        s.head.documents = vec!["not-written".into()];
                        s.documents = Some(Box::new(documents.into_iter().map(Ok)));
                    }
                    Ok(s)
                })
                .collect::<Vec<_>>()
                .into_iter()
        });
        let (mut p, mut a, mut n) = (p, a, n);
        EntityIndex::write_json(&mut out, [&mut p, &mut a, &mut n]).expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            index.to_json(),
            "case {case}"
        );
    }
}

/// Writing manifest.json one entry at a time gives the bytes of `to_json`, empty or not.
#[test]
fn streamed_manifest_is_the_same_bytes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../output");
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest.json");
    let mut manifest: Manifest = serde_json::from_str(&text).expect("manifest");
    for case in 0..2 {
        if case == 1 {
            manifest.inputs.clear();
        }
        let mut out = Vec::new();
        let mut entries = manifest.inputs.iter().cloned().map(Ok);
        Manifest::write_json(
            &mut out,
            &manifest.tool,
            &manifest.tool_version,
            &mut entries,
        )
        .expect("write");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            manifest.to_json(),
            "case {case}"
        );
    }
}
