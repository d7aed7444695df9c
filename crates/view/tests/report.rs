//! The report of the committed `output/` (the seeds): every link resolves within the site,
//! every record has its anchor, every span its highlight; and older or partial output
//! directories still give a report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use liasse_view::report::{build, Options, Page};
use regex::Regex;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds_report() -> Vec<Page> {
    let options = Options {
        source_roots: vec![repo()],
    };
    build(&repo().join("output"), &options).expect("report")
}

fn ids(html: &str) -> BTreeSet<String> {
    let re = Regex::new(r#"\sid="([^"]+)""#).expect("regex");
    re.captures_iter(html).map(|c| c[1].to_owned()).collect()
}

/// Every `href` of every page names a page of the site and, with a fragment, an id in it.
fn check_links(pages: &[Page]) -> usize {
    let by_path: BTreeMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|p| (p.path.as_str(), ids(&p.html)))
        .collect();
    let href = Regex::new(r#"href="([^"]*)""#).expect("regex");
    let id = Regex::new(r#"\sid="([^"]+)""#).expect("regex");
    let mut n = 0;
    for p in pages {
        // Ids are unique in a page.
        let all: Vec<String> = id.captures_iter(&p.html).map(|c| c[1].to_owned()).collect();
        assert_eq!(
            all.len(),
            by_path[p.path.as_str()].len(),
            "duplicate id in {}",
            p.path
        );
        let dir = Path::new(&p.path).parent().unwrap_or(Path::new(""));
        for c in href.captures_iter(&p.html) {
            let link = c[1].replace("&amp;", "&");
            assert!(!link.contains("://"), "{}: external link {link}", p.path);
            let (file, fragment) = match link.split_once('#') {
                Some((f, frag)) => (f.to_owned(), Some(frag.to_owned())),
                None => (link.clone(), None),
            };
            let target = if file.is_empty() {
                p.path.clone()
            } else {
                normalize(&dir.join(&file))
            };
            let Some(target_ids) = by_path.get(target.as_str()) else {
                panic!("{}: link to a missing page {link}", p.path);
            };
            if let Some(f) = fragment {
                assert!(
                    target_ids.contains(&f),
                    "{}: link to a missing anchor {link}",
                    p.path
                );
            }
            n += 1;
        }
    }
    n
}

fn normalize(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn every_link_of_the_seeds_report_resolves() {
    let pages = seeds_report();
    let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.starts_with(&["index.html", "timeline.html", "entities.html"]));
    assert_eq!(paths.iter().filter(|p| p.starts_with("docs/")).count(), 5);
    let links = check_links(&pages);
    assert!(links > 1000, "{links} links");
}

#[test]
fn every_record_has_its_anchor_and_every_span_its_highlight() {
    let pages = seeds_report();
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(repo().join("output/manifest.json")).expect("manifest"),
    )
    .expect("json");
    for input in manifest["inputs"].as_array().expect("inputs") {
        let out = input["output"].as_str().expect("output");
        let doc: Value =
            serde_json::from_slice(&std::fs::read(repo().join("output").join(out)).expect("doc"))
                .expect("json");
        let page_path = format!("docs/{}.html", out.trim_end_matches(".json"));
        let page = pages.iter().find(|p| p.path == page_path).expect("page");
        let page_ids = ids(&page.html);
        for r in liasse_view::records(&doc) {
            assert!(
                page_ids.contains(&format!("rec-{}", r.anchor)),
                "{page_path}: {}",
                r.anchor
            );
            for s in &r.spans {
                assert!(
                    page_ids.contains(&format!("s{}-{}", s.start, s.end)),
                    "{page_path}: span {}-{} of {}",
                    s.start,
                    s.end,
                    r.anchor
                );
            }
            assert!(
                page.html.contains(&format!("data-rec=\"{}\"", r.anchor)) || r.spans.is_empty()
            );
        }
        // The source is shown, not quoted.
        assert!(page.html.contains("<pre class=\"source\">"), "{page_path}");
        assert!(!page.html.contains("class=\"note\""), "{page_path}");
    }
}

#[test]
fn the_timeline_has_every_dated_event_and_the_annex_its_matrix() {
    let pages = seeds_report();
    let timeline = &pages[1].html;
    let mut dated = 0;
    for entry in std::fs::read_dir(repo().join("output"))
        .expect("dir")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") || ["manifest.json", "entities.json"].contains(&name.as_str()) {
            continue;
        }
        let doc: Value =
            serde_json::from_slice(&std::fs::read(entry.path()).expect("read")).expect("json");
        dated += doc["events"]
            .as_array()
            .expect("events")
            .iter()
            .filter(|e| e["when"]["start"].is_string())
            .count();
    }
    assert!(dated > 20);
    // Three zoom levels of bars, and one table row per event.
    assert_eq!(timeline.matches("<rect ").count(), 3 * dated);
    assert!(timeline.contains("2013-06-07"));
    let declaration = pages
        .iter()
        .find(|p| p.path == "docs/001_edf606ae34d495b5.html")
        .expect("declaration");
    assert!(declaration.html.contains("partners × objectives"));
    assert!(declaration.html.contains("id=\"cell-NL-12\""));
    let entities = &pages[2].html;
    assert!(entities.contains("Youssef Amrani"));
}

/// An output directory without entities.json, without `items`, with a source that changed and
/// one that is gone still gives a full site whose links resolve.
#[test]
fn older_and_partial_outputs_still_give_a_report() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    let src_dir = tmp.path().join("src");
    std::fs::create_dir(&src_dir).expect("mkdir");
    let mut manifest: Value = serde_json::from_slice(
        &std::fs::read(repo().join("output/manifest.json")).expect("manifest"),
    )
    .expect("json");
    for (k, input) in manifest["inputs"]
        .as_array_mut()
        .expect("inputs")
        .iter_mut()
        .enumerate()
    {
        let name = input["output"].as_str().expect("output").to_owned();
        let mut doc: Value =
            serde_json::from_slice(&std::fs::read(repo().join("output").join(&name)).expect("doc"))
                .expect("json");
        doc.as_object_mut().expect("object").remove("items");
        let path = doc["document"]["path"].as_str().expect("path").to_owned();
        // The first source is edited after processing, the second is missing, the rest are
        // copied unchanged.
        let text = std::fs::read(repo().join(&path)).expect("seed");
        std::fs::create_dir_all(src_dir.join(&path).parent().expect("parent")).expect("mkdir");
        match k {
            0 => std::fs::write(src_dir.join(&path), [&text[..], b" edited"].concat()).expect("w"),
            1 => {}
            _ => std::fs::write(src_dir.join(&path), &text).expect("w"),
        }
        input.as_object_mut().expect("object").remove("text_output");
        std::fs::write(out.join(&name), serde_json::to_vec(&doc).expect("json")).expect("w");
    }
    std::fs::write(
        out.join("manifest.json"),
        serde_json::to_vec(&manifest).expect("json"),
    )
    .expect("w");
    let pages = build(
        &out,
        &Options {
            source_roots: vec![src_dir],
        },
    )
    .expect("report");
    check_links(&pages);
    let doc0 = &pages[3].html;
    assert!(
        doc0.contains("has changed since it was processed"),
        "changed source not said"
    );
    assert!(doc0.contains("<q>"), "evidence not quoted");
    let doc1 = &pages[4].html;
    assert!(doc1.contains("was not found"));
    assert!(pages[5].html.contains("<pre class=\"source\">"));
    // Entities gathered from the documents when entities.json is absent.
    assert!(pages[2].html.contains("Youssef Amrani"));

    // No manifest at all: the JSON files of the directory are read.
    std::fs::remove_file(out.join("manifest.json")).expect("rm");
    let pages = build(&out, &Options::default()).expect("report");
    assert_eq!(pages.len(), 3 + 5);
    check_links(&pages);

    // Not an output directory: a clear error.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let err = build(&empty, &Options::default())
        .expect_err("empty")
        .to_string();
    assert!(err.contains("no manifest.json"), "{err}");
}

/// The link check itself fails on a broken anchor and on a missing page.
#[test]
#[should_panic(expected = "missing anchor")]
fn the_link_check_catches_a_broken_anchor() {
    let pages = vec![Page {
        path: "index.html".into(),
        html: "<a id=\"x\" href=\"#y\">".into(),
    }];
    check_links(&pages);
}

#[test]
#[should_panic(expected = "missing page")]
fn the_link_check_catches_a_missing_page() {
    let pages = vec![Page {
        path: "docs/a.html".into(),
        html: "<a href=\"../timeline.html\">".into(),
    }];
    check_links(&pages);
}
