//! A static HTML site over an output directory: an index of the documents, a timeline of every
//! dated event, one page per document with its evidence highlighted, a partners × objectives
//! matrix for annex tables, and an index of every partner, agency and person.
//!
//! Pages use inline CSS and a little vanilla JavaScript (sorting, flashing a clicked record's
//! span), no network; they open from `file://`. Everything works without JavaScript except
//! sorting and the flash: links are plain anchors.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::model::{one_line, pieces, records, slug, span_fits, text, Record, RecordType};

/// One file of the site: its path below the site's root (`/`-separated) and its contents.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: String,
    pub html: String,
}

/// Why a report could not be made.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// Where to look for source texts the output does not hold: each spans file is looked up as the
/// path recorded in the document (absolute, or relative to each of these roots in turn).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub source_roots: Vec<PathBuf>,
}

/// One document of the output directory.
struct Doc {
    /// Page stem, unique in the site.
    stem: String,
    json: Value,
    records: Vec<Record>,
    /// The text the spans index, when found and unchanged.
    source: Option<String>,
    /// Why the source is not shown.
    source_note: Option<String>,
}

/// An input that failed, from the manifest.
struct Failed {
    path: String,
    error: String,
}

/// Build the site for the output directory `dir`.
pub fn build(dir: &Path, options: &Options) -> Result<Vec<Page>, Error> {
    let (docs, failed) = load(dir, options)?;
    let entities = match std::fs::read(dir.join("entities.json")) {
        Ok(bytes) => serde_json::from_slice(&bytes).ok(),
        Err(_) => None,
    };
    let mut pages = vec![
        Page {
            path: "index.html".into(),
            html: index(&docs, &failed),
        },
        Page {
            path: "timeline.html".into(),
            html: timeline(&docs),
        },
        Page {
            path: "entities.html".into(),
            html: entity_index(&docs, entities.as_ref()),
        },
    ];
    for d in &docs {
        pages.push(Page {
            path: format!("docs/{}.html", d.stem),
            html: document(d),
        });
    }
    Ok(pages)
}

fn load(dir: &Path, options: &Options) -> Result<(Vec<Doc>, Vec<Failed>), Error> {
    let manifest: Option<Value> = match std::fs::read(dir.join("manifest.json")) {
        Ok(bytes) => Some(serde_json::from_slice(&bytes).map_err(|e| {
            Error(format!(
                "{} is not valid JSON: {e}",
                dir.join("manifest.json").display()
            ))
        })?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(Error(format!(
                "cannot read {}: {e}",
                dir.join("manifest.json").display()
            )))
        }
    };
    // (output file, text file) of every document; without a manifest, every JSON file that is
    // a document.
    let mut files: Vec<(String, Option<String>)> = Vec::new();
    let mut failed = Vec::new();
    if let Some(m) = &manifest {
        for e in m
            .get("inputs")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            match e.get("output").and_then(Value::as_str) {
                Some(out) => files.push((
                    out.to_owned(),
                    e.get("text_output")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                )),
                None => failed.push(Failed {
                    path: e.get("path").map(text).unwrap_or_default(),
                    error: e.get("error").map(text).unwrap_or_default(),
                }),
            }
        }
    } else {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Error(format!("cannot read {}: {e}", dir.display())))?;
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json") && n != "entities.json")
            .collect();
        names.sort();
        for n in names {
            let txt = format!("{}.txt", n.trim_end_matches(".json"));
            let txt = dir.join(&txt).is_file().then_some(txt);
            files.push((n, txt));
        }
    }
    let mut docs = Vec::new();
    let mut stems = BTreeSet::new();
    for (file, text_file) in files {
        let path = dir.join(&file);
        let json: Value = match std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                failed.push(Failed {
                    path: file.clone(),
                    error: format!("cannot read the output {}: {e}", path.display()),
                });
                continue;
            }
        };
        if json.get("document").is_none() {
            continue;
        }
        let base = slug(file.trim_end_matches(".json"));
        let mut stem = base.clone();
        let mut n = 1;
        while !stems.insert(stem.clone()) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        let (source, source_note) = find_source(dir, &json, text_file.as_deref(), options);
        docs.push(Doc {
            stem,
            records: records(&json),
            json,
            source,
            source_note,
        });
    }
    if manifest.is_none() && docs.is_empty() {
        return Err(Error(format!(
            "{} holds no manifest.json and no document output: is it a liasse output directory?",
            dir.display()
        )));
    }
    Ok((docs, failed))
}

/// The text the spans of a document index: the text file written beside the output, or the
/// source file itself when its SHA-256 still matches.
fn find_source(
    dir: &Path,
    json: &Value,
    text_file: Option<&str>,
    options: &Options,
) -> (Option<String>, Option<String>) {
    if let Some(t) = text_file {
        return match std::fs::read_to_string(dir.join(t)) {
            Ok(s) => (Some(s), None),
            Err(e) => (
                None,
                Some(format!("the extracted text {t} cannot be read: {e}")),
            ),
        };
    }
    let Some(path) = json.pointer("/document/path").and_then(Value::as_str) else {
        return (None, Some("the output does not name its source".into()));
    };
    let want = json
        .pointer("/document/sha256")
        .and_then(Value::as_str)
        .unwrap_or("");
    let p = Path::new(path);
    let mut candidates: Vec<PathBuf> = Vec::new();
    if p.is_absolute() {
        candidates.push(p.to_path_buf());
    } else {
        candidates.extend(options.source_roots.iter().map(|r| r.join(p)));
        candidates.push(p.to_path_buf());
        if let Some(parent) = dir.parent() {
            candidates.push(parent.join(p));
        }
    }
    let mut changed = false;
    for c in candidates {
        let Ok(bytes) = std::fs::read(&c) else {
            continue;
        };
        let sha: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if !want.is_empty() && sha != want {
            changed = true;
            continue;
        }
        return match String::from_utf8(bytes) {
            Ok(s) => (Some(s), None),
            Err(_) => (None, Some(format!("{path} is not UTF-8 text"))),
        };
    }
    let note = if changed {
        format!(
            "{path} has changed since it was processed; its evidence is quoted, not shown in place"
        )
    } else {
        format!("{path} was not found (give its directory with --source-root); its evidence is quoted, not shown in place")
    };
    (None, Some(note))
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The id of a span's anchor in a document page.
fn span_id(start: usize, end: usize) -> String {
    format!("s{start}-{end}")
}

const CSS: &str = r#"
:root{--fg:#1b1b1b;--bg:#fdfdfc;--muted:#5c5c5c;--line:#d8d8d8;--focus:#1a4fd6}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0}
header.site{display:flex;gap:1.5rem;align-items:baseline;padding:.6rem 1.2rem;border-bottom:1px solid var(--line);background:#f3f2ee}
header.site a{color:var(--fg);font-weight:600}
main{padding:1rem 1.2rem}
a{color:#1a4fd6}
a:focus,button:focus,[tabindex]:focus{outline:3px solid var(--focus);outline-offset:2px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.nowrap{white-space:nowrap}
td.title{min-width:18rem}
table#documents th{font-size:.85em}
.scroll{overflow-x:auto}
.muted{color:var(--muted)}
.skip{position:absolute;left:-9999px}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:10}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0 0 1rem}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0;overflow-wrap:anywhere}
.note{border-left:4px solid #b8860b;background:#fff8e1;padding:.4rem .8rem}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:1.2rem}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
pre.source{white-space:pre-wrap;word-wrap:break-word;font:13px/1.55 ui-monospace,Menlo,Consolas,monospace;background:#fff;border:1px solid var(--line);padding:.8rem;margin:0}
.hl{border-bottom:2px solid;padding-bottom:1px}
.t-document{background:#eee;border-color:#555}
.t-date{background:#dbe8ff;border-color:#1a4fd6}
.t-event{background:#f3ddff;border-color:#8a2be2}
.t-objective{background:#dcf5dc;border-color:#2e7d32}
.t-initiative{background:#d9f4f4;border-color:#00838f}
.t-partner{background:#fff0c2;border-color:#b8860b}
.t-agency{background:#ffe0d6;border-color:#c62828}
.t-person{background:#e6f7d0;border-color:#558b2f}
.t-item{background:#f4f4f4;border-color:#9e9e9e;border-bottom-style:dotted}
.t-diagnostic{background:#ffd6d6;border-color:#b00020;border-bottom-style:double}
.flash{animation:flash 1.6s ease-out 1}
@keyframes flash{0%,40%{background:#ffeb3b;box-shadow:0 0 0 3px #ffeb3b}}
.records{max-height:85vh;overflow:auto;position:sticky;top:.5rem}
.records ol{padding-left:1.4rem;margin:.2rem 0 .8rem}
.records li{margin:.15rem 0}
.tag{display:inline-block;font-size:.78em;border:1px solid;border-radius:3px;padding:0 .3em;margin-right:.3em}
.timeline-wrap{overflow-x:auto;border:1px solid var(--line);background:#fff}
svg text{font:12px system-ui,sans-serif}
.legend span{display:inline-block;margin-right:1rem}
.legend i{display:inline-block;width:1.6em;height:.9em;margin-right:.3em;vertical-align:middle;border:1px solid #333}
table.matrix td,table.matrix th{text-align:center}
table.matrix th[scope=row]{text-align:left}
"#;

const JS: &str = r#"
document.querySelectorAll('table.sortable').forEach(function(table){
  var heads=table.querySelectorAll('thead th');
  heads.forEach(function(th,col){
    var b=th.querySelector('button'); if(!b) return;
    b.addEventListener('click',function(){
      var asc=th.getAttribute('aria-sort')!=='ascending';
      heads.forEach(function(h){h.removeAttribute('aria-sort')});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[col].getAttribute('data-sort')||a.cells[col].textContent;
        var y=b.cells[col].getAttribute('data-sort')||b.cells[col].textContent;
        var nx=parseFloat(x), ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y)?nx-ny:x.localeCompare(y,'fr');
        return asc?c:-c;
      });
      rows.forEach(function(r){body.appendChild(r)});
    });
  });
});
function flash(id){
  document.querySelectorAll('[data-r~="'+id+'"]').forEach(function(el){
    el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash');
  });
}
document.querySelectorAll('a[data-rec]').forEach(function(a){
  a.addEventListener('click',function(){flash(a.getAttribute('data-rec'))});
});
document.querySelectorAll('button[data-zoom]').forEach(function(b){
  b.addEventListener('click',function(){
    var level=b.getAttribute('data-zoom');
    document.querySelectorAll('[data-level]').forEach(function(d){d.hidden=d.getAttribute('data-level')!==level});
    document.querySelectorAll('button[data-zoom]').forEach(function(o){o.setAttribute('aria-pressed',String(o===b))});
  });
});
if(location.hash){var t=document.getElementById(location.hash.slice(1)); if(t&&t.dataset.rec){flash(t.dataset.rec)}}
"#;

fn page(title: &str, depth: usize, body: &str) -> String {
    let up = "../".repeat(depth);
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} — liasse</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
<a class=\"skip\" href=\"#main\">Skip to content</a>\n\
<header class=\"site\"><strong>liasse</strong>\
<nav aria-label=\"Site\"><a href=\"{up}index.html\">Documents</a> · \
<a href=\"{up}timeline.html\">Timeline</a> · <a href=\"{up}entities.html\">Entities</a></nav></header>\n\
<main id=\"main\">\n{body}\n</main>\n<script>{JS}</script>\n</body>\n</html>\n",
        title = esc(title),
    )
}

fn doc_field(d: &Doc, key: &str) -> String {
    d.json
        .pointer(&format!("/document/{key}"))
        .map(text)
        .unwrap_or_default()
}

fn doc_date(d: &Doc) -> String {
    d.json
        .pointer("/document/date/edtf")
        .map(text)
        .unwrap_or_default()
}

fn doc_title(d: &Doc) -> String {
    let t = doc_field(d, "title");
    if t.is_empty() {
        doc_field(d, "path")
    } else {
        t
    }
}

fn count(d: &Doc, key: &str) -> usize {
    d.json
        .get(key)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// The record types counted per document: all but the document's own evidence.
const COUNTED: &[RecordType] = RecordType::ALL.split_at(1).1;

fn index(docs: &[Doc], failed: &[Failed]) -> String {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<h1>Documents</h1>\n<p>{} document(s){}. Click a column heading to sort.</p>",
        docs.len(),
        if failed.is_empty() {
            String::new()
        } else {
            format!(", {} input(s) failed", failed.len())
        }
    );
    b.push_str("<div class=\"scroll\"><table class=\"sortable\" id=\"documents\">\n<thead><tr>");
    for h in ["Document", "Kind", "Date", "Place", "Title"] {
        let _ = write!(
            b,
            "<th scope=\"col\"><button type=\"button\">{h}</button></th>"
        );
    }
    for &t in COUNTED {
        let _ = write!(
            b,
            "<th scope=\"col\"><button type=\"button\">{}</button></th>",
            t.key()
        );
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    for d in docs {
        let path = doc_field(d, "path");
        let _ = write!(
            b,
            "<tr><td><a href=\"docs/{stem}.html\" title=\"{path}\">{name}</a></td><td>{kind}</td><td class=\"nowrap\" data-sort=\"{date_sort}\">{date}</td><td>{place}</td><td class=\"title\">{title}</td>",
            stem = d.stem,
            path = esc(&path),
            name = esc(path.rsplit(['/', '\\']).next().unwrap_or(&path)),
            kind = esc(&doc_field(d, "kind")),
            date_sort = esc(
                &d.json
                    .pointer("/document/date/start")
                    .map(text)
                    .unwrap_or_default()
            ),
            date = esc(&doc_date(d)),
            place = esc(&doc_field(d, "place")),
            title = esc(&doc_field(d, "title")),
        );
        for &t in COUNTED {
            let _ = write!(b, "<td class=\"num\">{}</td>", count(d, t.key()));
        }
        b.push_str("</tr>\n");
    }
    b.push_str("</tbody>\n</table></div>\n");
    if !failed.is_empty() {
        b.push_str("<h2>Failed inputs</h2>\n<ul>\n");
        for f in failed {
            let _ = writeln!(
                b,
                "<li><code>{}</code>: {}</li>",
                esc(&f.path),
                esc(&f.error)
            );
        }
        b.push_str("</ul>\n");
    }
    page("Documents", 0, &b)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
fn day_number(s: &str) -> Option<i64> {
    let mut it = s.splitn(3, '-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let d: i64 = it.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The colour of an event kind: fixed for the common kinds, from a palette for the others.
fn kind_colour(kind: &str) -> &'static str {
    const PALETTE: [&str; 8] = [
        "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#393b79", "#637939", "#843c39", "#7b4173",
    ];
    match kind {
        "meeting" => "#1f78b4",
        "session" => "#a6cee3",
        "break" => "#bdbdbd",
        "signature" => "#33a02c",
        "publication" => "#6a3d9a",
        "mission" => "#ff7f00",
        "deadline" => "#e31a1c",
        "project" => "#b15928",
        "other" => "#7f7f7f",
        _ => {
            let h = kind.bytes().fold(0usize, |h, b| {
                h.wrapping_mul(31).wrapping_add(usize::from(b))
            });
            PALETTE[h % PALETTE.len()]
        }
    }
}

struct TimelineEvent<'a> {
    doc: &'a Doc,
    record: &'a Record,
    kind: String,
    label: String,
    edtf: String,
    precision: String,
    start: i64,
    /// Exclusive.
    end: i64,
}

fn timeline(docs: &[Doc]) -> String {
    let mut events = Vec::new();
    for d in docs {
        let list = d.json.get("events").and_then(Value::as_array);
        let event_records: Vec<&Record> = d
            .records
            .iter()
            .filter(|r| r.rtype == RecordType::Event)
            .collect();
        for (i, e) in list.into_iter().flatten().enumerate() {
            let (Some(start), Some(end)) = (
                e.pointer("/when/start")
                    .and_then(Value::as_str)
                    .and_then(day_number),
                e.pointer("/when/end")
                    .and_then(Value::as_str)
                    .and_then(day_number),
            ) else {
                continue;
            };
            let Some(&record) = event_records.get(i) else {
                continue;
            };
            events.push(TimelineEvent {
                doc: d,
                record,
                kind: e.get("kind").map(text).unwrap_or_default(),
                label: e.get("label").map(text).unwrap_or_default(),
                edtf: e.pointer("/when/edtf").map(text).unwrap_or_default(),
                precision: e.pointer("/when/precision").map(text).unwrap_or_default(),
                start,
                end: end.max(start) + 1,
            });
        }
    }
    events.sort_by(|a, b| {
        (a.start, a.end, &a.doc.stem, &a.record.anchor).cmp(&(
            b.start,
            b.end,
            &b.doc.stem,
            &b.record.anchor,
        ))
    });
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<h1>Timeline</h1>\n<p>{} dated event(s) across {} document(s). Each bar spans the days the \
         event covers, so an event known to the month is a month wide; the table below lists the \
         same events in order.</p>",
        events.len(),
        docs.len()
    );
    if events.is_empty() {
        b.push_str("<p>No dated event.</p>");
        return page("Timeline", 0, &b);
    }
    let first = events.iter().map(|e| e.start).min().unwrap_or(0);
    let last = events.iter().map(|e| e.end).max().unwrap_or(first + 1);
    // Whole years around the events, for the axis.
    let year_of = |day: i64| 1970 + day.div_euclid(365) as i32;
    let mut y0 = year_of(first) - 1;
    while day_number(&format!("{y0:04}-01-01")).unwrap_or(first) > first {
        y0 -= 1;
    }
    while day_number(&format!("{:04}-01-01", y0 + 1)).unwrap_or(i64::MAX) <= first {
        y0 += 1;
    }
    let mut y1 = y0 + 1;
    while day_number(&format!("{y1:04}-01-01")).unwrap_or(i64::MAX) < last {
        y1 += 1;
    }
    let from = day_number(&format!("{y0:04}-01-01")).unwrap_or(first);
    let to = day_number(&format!("{y1:04}-01-01")).unwrap_or(last);
    let days = (to - from).max(1) as f64;
    // Legend.
    let kinds: BTreeSet<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    b.push_str("<p class=\"legend\" aria-label=\"Event kinds\">");
    for k in &kinds {
        let _ = write!(
            b,
            "<span><i style=\"background:{}\"></i>{}</span>",
            kind_colour(k),
            esc(k)
        );
    }
    b.push_str("</p>\n");
    // Three zoom levels: the whole span in a screen's width, then four and sixteen times wider.
    b.push_str(
        "<p role=\"group\" aria-label=\"Zoom\">Zoom: \
         <button type=\"button\" data-zoom=\"0\" aria-pressed=\"true\">whole span</button> \
         <button type=\"button\" data-zoom=\"1\" aria-pressed=\"false\">×4</button> \
         <button type=\"button\" data-zoom=\"2\" aria-pressed=\"false\">×16</button></p>\n",
    );
    for (level, factor) in [1.0f64, 4.0, 16.0].into_iter().enumerate() {
        let width = (1280.0 * factor).min(days * 40.0).max(960.0);
        let _ = writeln!(
            b,
            "<div class=\"timeline-wrap\" data-level=\"{level}\"{}>",
            if level == 0 { "" } else { " hidden" }
        );
        draw(&mut b, &events, from, days, width, (y0, y1), level);
        b.push_str("</div>\n");
    }

    // The same events as a table.
    b.push_str("<h2>Events in order</h2>\n<table class=\"sortable\" id=\"events\">\n<thead><tr>");
    for h in [
        "Date (EDTF)",
        "Precision",
        "Kind",
        "Event",
        "Place",
        "Document",
    ] {
        let _ = write!(
            b,
            "<th scope=\"col\"><button type=\"button\">{h}</button></th>"
        );
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    for e in &events {
        let place = e
            .doc
            .json
            .pointer(&format!(
                "/events/{}/place",
                e.record.anchor.trim_start_matches("events-")
            ))
            .map(text)
            .unwrap_or_default();
        let _ = writeln!(
            b,
            "<tr><td data-sort=\"{s:08}\">{edtf}</td><td>{p}</td><td>{k}</td><td><a href=\"docs/{stem}.html#rec-{a}\">{l}</a></td><td>{place}</td><td><a href=\"docs/{stem}.html\">{t}</a></td></tr>",
            s = e.start - from,
            edtf = esc(&e.edtf),
            p = esc(&e.precision),
            k = esc(&e.kind),
            stem = e.doc.stem,
            a = e.record.anchor,
            l = esc(&one_line(&e.label, 120)),
            place = esc(&place),
            t = esc(&one_line(&doc_title(e.doc), 60)),
        );
    }
    b.push_str("</tbody>\n</table>\n");
    page("Timeline", 0, &b)
}

/// One timeline drawing, `width` pixels for the years `y0..y1` (from day `from`, `days` long).
fn draw(
    b: &mut String,
    events: &[TimelineEvent<'_>],
    from: i64,
    days: f64,
    width: f64,
    years: (i32, i32),
    level: usize,
) {
    let (y0, y1) = years;
    let per_day = width / days;
    let left = 10.0;
    let x = |day: i64| left + (day - from) as f64 * per_day;
    // Rows: each event goes to the first row free at its start, its label included.
    let mut row_end: Vec<f64> = Vec::new();
    let mut placed = Vec::new();
    for e in events {
        let x0 = x(e.start);
        let w = ((e.end - e.start) as f64 * per_day).max(3.0);
        let label = one_line(&format!("{} {}", e.edtf, e.label), 60);
        let needed = x0 + w + 8.0 + label.chars().count() as f64 * 6.6;
        let row = match row_end.iter().position(|&end| end + 6.0 <= x0) {
            Some(r) => {
                row_end[r] = needed;
                r
            }
            None => {
                row_end.push(needed);
                row_end.len() - 1
            }
        };
        placed.push((row, x0, w, label));
    }
    let row_h = 22.0;
    let top = 28.0;
    let height = top + row_end.len() as f64 * row_h + 10.0;
    let total_w = row_end
        .iter()
        .fold(width + 2.0 * left, |m, &r| m.max(r + 10.0));

    let _ = write!(
        b,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total_w:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"tl-title-{level}\">\n<title id=\"tl-title-{level}\">Timeline of {} events from {y0} to {y1}</title>\n",
        events.len()
    );
    // Axis: a line per year, a label per year (every few years when they crowd).
    let step = ((40.0 / (365.25 * per_day)).ceil() as i32).max(1);
    for y in y0..=y1 {
        let Some(day) = day_number(&format!("{y:04}-01-01")) else {
            continue;
        };
        let xx = x(day);
        let _ = writeln!(
            b,
            "<line x1=\"{xx:.1}\" y1=\"18\" x2=\"{xx:.1}\" y2=\"{height:.0}\" stroke=\"#e0e0e0\"/>"
        );
        if (y - y0) % step == 0 {
            let _ = writeln!(b, "<text x=\"{:.1}\" y=\"13\">{y}</text>", xx + 2.0);
        }
    }
    for (e, (row, x0, w, label)) in events.iter().zip(&placed) {
        let y = top + *row as f64 * row_h;
        let href = format!("docs/{}.html#rec-{}", e.doc.stem, e.record.anchor);
        let tip = format!(
            "{} — {} ({} precision) — {}",
            e.edtf,
            e.kind,
            e.precision,
            doc_title(e.doc)
        );
        let _ = writeln!(
            b,
            "<a href=\"{href}\"><title>{tip}</title><rect x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"14\" rx=\"2\" fill=\"{col}\" stroke=\"#222\" stroke-width=\".5\"/><text x=\"{tx:.1}\" y=\"{ty:.1}\">{label}</text></a>",
            href = esc(&href),
            tip = esc(&tip),
            col = kind_colour(&e.kind),
            tx = x0 + w + 4.0,
            ty = y + 11.5,
            label = esc(label),
        );
    }
    b.push_str("</svg>\n");
}

fn document(d: &Doc) -> String {
    let mut b = String::new();
    let title = doc_title(d);
    let _ = writeln!(b, "<h1>{}</h1>", esc(&title));
    b.push_str("<dl class=\"meta\">");
    for (label, value) in [
        ("Source", doc_field(d, "path")),
        ("Kind", doc_field(d, "kind")),
        ("Date", doc_date(d)),
        ("Place", doc_field(d, "place")),
        ("Reference", doc_field(d, "reference")),
        ("Format", doc_field(d, "format")),
        ("Encoding", doc_field(d, "encoding")),
        ("SHA-256", doc_field(d, "sha256")),
    ] {
        if !value.is_empty() {
            let _ = write!(b, "<dt>{label}</dt><dd>{}</dd>", esc(&value));
        }
    }
    b.push_str("</dl>\n");
    // Diagnostics first: they are what needs a look.
    let diags: Vec<&Record> = d
        .records
        .iter()
        .filter(|r| r.rtype == RecordType::Diagnostic)
        .collect();
    if !diags.is_empty() {
        let _ = writeln!(
            b,
            "<section aria-labelledby=\"diag\"><h2 id=\"diag\">Diagnostics ({})</h2><ul>",
            diags.len()
        );
        for r in &diags {
            let _ = writeln!(
                b,
                "<li><strong>{}</strong>: {} {}</li>",
                esc(&r.value),
                esc(&r.detail),
                span_link(d, r)
            );
        }
        b.push_str("</ul></section>\n");
    }
    if let Some(note) = &d.source_note {
        let _ = writeln!(b, "<p class=\"note\" role=\"note\">{}</p>", esc(note));
    }
    b.push_str("<div class=\"layout\">\n<section aria-labelledby=\"src\"><h2 id=\"src\">Source text</h2>\n");
    match &d.source {
        Some(src) => source_html(&mut b, d, src),
        None => b.push_str("<p class=\"muted\">Not available.</p>"),
    }
    b.push_str("</section>\n<section class=\"records\" aria-labelledby=\"recs\"><h2 id=\"recs\">Records</h2>\n");
    for t in RecordType::ALL {
        let list: Vec<&Record> = d.records.iter().filter(|r| r.rtype == t).collect();
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            b,
            "<details open><summary><span class=\"tag hl t-{n}\">{n}</span>{k} ({c})</summary><ol>",
            n = t.name(),
            k = t.key(),
            c = list.len()
        );
        for r in list {
            let _ = write!(b, "<li id=\"rec-{}\">", r.anchor);
            match r.spans.first() {
                Some(s) if has_anchor(d, s.start, s.end) => {
                    let _ = write!(
                        b,
                        "<a href=\"#{}\" data-rec=\"{}\">{}</a>",
                        span_id(s.start, s.end),
                        r.anchor,
                        esc(&nonempty(&r.value))
                    );
                }
                _ => b.push_str(&esc(&nonempty(&r.value))),
            }
            if !r.detail.is_empty() {
                let _ = write!(
                    b,
                    " <span class=\"muted\">{}</span>",
                    esc(&one_line(&r.detail, 160))
                );
            }
            if d.source.is_none() {
                for s in &r.spans {
                    let _ = write!(b, "<br><q>{}</q>", esc(&one_line(&s.text, 200)));
                }
            } else if r.spans.len() > 1 {
                b.push_str(" <span class=\"muted\">·</span>");
                for (k, s) in r.spans.iter().enumerate().skip(1) {
                    if has_anchor(d, s.start, s.end) {
                        let _ = write!(
                            b,
                            " <a href=\"#{}\" data-rec=\"{}\" aria-label=\"mention {}\">{}</a>",
                            span_id(s.start, s.end),
                            r.anchor,
                            k + 1,
                            k + 1
                        );
                    }
                }
            }
            b.push_str("</li>\n");
        }
        b.push_str("</ol></details>\n");
    }
    b.push_str("</section>\n</div>\n");
    if d.json
        .get("initiatives")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty())
    {
        matrix(&mut b, d);
    }
    page(&title, 1, &b)
}

fn nonempty(s: &str) -> String {
    if s.trim().is_empty() {
        "(no value)".into()
    } else {
        s.to_owned()
    }
}

fn has_anchor(d: &Doc, start: usize, end: usize) -> bool {
    d.source
        .as_deref()
        .is_some_and(|s| span_fits(s, start, end))
}

fn span_link(d: &Doc, r: &Record) -> String {
    match r.spans.first() {
        Some(s) if has_anchor(d, s.start, s.end) => format!(
            "<a href=\"#{}\" data-rec=\"{}\">show</a>",
            span_id(s.start, s.end),
            r.anchor
        ),
        _ => String::new(),
    }
}

/// The source text with every span highlighted; each span's start carries its anchor.
fn source_html(b: &mut String, d: &Doc, src: &str) {
    let mut spans = Vec::new();
    let mut owner = Vec::new();
    for (ri, r) in d.records.iter().enumerate() {
        for s in &r.spans {
            spans.push((s.start, s.end));
            owner.push(ri);
        }
    }
    // Anchors: one per distinct span, placed where it starts.
    let mut anchors: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for &(s, e) in &spans {
        if span_fits(src, s, e) && seen.insert((s, e)) {
            anchors.entry(s).or_default().push((s, e));
        }
    }
    b.push_str("<pre class=\"source\">");
    for p in pieces(src, &spans) {
        if let Some(list) = anchors.get(&p.start) {
            for &(s, e) in list {
                // The first record with this span, so arriving by the link flashes it.
                let rec = spans
                    .iter()
                    .position(|&x| x == (s, e))
                    .map(|i| d.records[owner[i]].anchor.as_str())
                    .unwrap_or("");
                let _ = write!(
                    b,
                    "<span id=\"{}\" data-rec=\"{rec}\"></span>",
                    span_id(s, e)
                );
            }
        }
        let body = esc(&src[p.start..p.end]);
        match p.innermost {
            Some(i) => {
                let mut rs: Vec<&str> = p
                    .covering
                    .iter()
                    .map(|&k| d.records[owner[k]].anchor.as_str())
                    .collect();
                rs.dedup();
                let r = &d.records[owner[i]];
                let _ = write!(
                    b,
                    "<span class=\"hl t-{}\" data-r=\"{}\" title=\"{}: {}\">{body}</span>",
                    r.rtype.name(),
                    rs.join(" "),
                    r.rtype.name(),
                    esc(&one_line(&r.value, 80))
                );
            }
            None => b.push_str(&body),
        }
    }
    b.push_str("</pre>\n");
}

/// Partners × objectives of an annex: each cell counts the initiatives and links to their list.
fn matrix(b: &mut String, d: &Doc) {
    let list = d
        .json
        .get("initiatives")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut cells: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut partners = BTreeSet::new();
    let mut objectives: Vec<String> = Vec::new();
    for (i, ini) in list.iter().enumerate() {
        let objective = ini.get("objective").map(text).unwrap_or_default();
        let objective = if objective.is_empty() {
            "?".to_owned()
        } else {
            objective
        };
        if !objectives.contains(&objective) {
            objectives.push(objective.clone());
        }
        let ps: Vec<String> = ini
            .get("partners")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(text).collect())
            .unwrap_or_default();
        let ps = if ps.is_empty() {
            vec!["?".to_owned()]
        } else {
            ps
        };
        for p in ps {
            partners.insert(p.clone());
            cells.entry((p, objective.clone())).or_default().push(i);
        }
    }
    let numeric = |s: &str| -> (u64, String) {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        (digits.parse().unwrap_or(u64::MAX), s.to_owned())
    };
    objectives.sort_by_key(|o| numeric(o));
    let _ = writeln!(
        b,
        "<section aria-labelledby=\"matrix\"><h2 id=\"matrix\">Initiatives: partners × objectives</h2>\n\
         <p>Each cell counts the initiatives of a partner for an objective and links to them.</p>\n\
         <div class=\"timeline-wrap\"><table class=\"matrix\"><thead><tr><th scope=\"col\">Partner</th>"
    );
    for o in &objectives {
        let _ = write!(b, "<th scope=\"col\">{}</th>", esc(o));
    }
    b.push_str("</tr></thead><tbody>\n");
    let cell_id = |p: &str, o: &str| format!("cell-{}-{}", slug(p), slug(o));
    for p in &partners {
        let _ = write!(b, "<tr><th scope=\"row\">{}</th>", esc(p));
        for o in &objectives {
            match cells.get(&(p.clone(), o.clone())) {
                Some(v) => {
                    let _ = write!(
                        b,
                        "<td><a href=\"#{}\" aria-label=\"{} initiative(s) of {} for objective {}\">{}</a></td>",
                        cell_id(p, o),
                        v.len(),
                        esc(p),
                        esc(o),
                        v.len()
                    );
                }
                None => b.push_str("<td></td>"),
            }
        }
        b.push_str("</tr>\n");
    }
    b.push_str("</tbody></table></div>\n");
    for ((p, o), v) in &cells {
        let _ = writeln!(
            b,
            "<section id=\"{}\"><h3>{} × objective {}</h3><ul>",
            cell_id(p, o),
            esc(p),
            esc(o)
        );
        for &i in v {
            let anchor = format!("initiatives-{i}");
            let t = list[i].get("text").map(text).unwrap_or_default();
            let _ = writeln!(
                b,
                "<li><a href=\"#rec-{anchor}\" data-rec=\"{anchor}\">{}</a></li>",
                esc(&one_line(&nonempty(&t), 160))
            );
        }
        b.push_str("</ul></section>\n");
    }
    b.push_str("</section>\n");
}

/// A mention of an entity: document id, span, quoted text.
type Mention = (String, usize, usize, String);
/// An entity: id, name, mentions.
type Entity = (String, String, Vec<Mention>);

/// Every partner, agency and person with their mentions across documents.
fn entity_index(docs: &[Doc], entities: Option<&Value>) -> String {
    let by_id: HashMap<String, &Doc> = docs.iter().map(|d| (doc_field(d, "id"), d)).collect();
    let mut b = String::new();
    b.push_str("<h1>Entities</h1>\n<p>Every partner, agency and person, with each of their mentions across the documents.</p>\n");
    for (key, label) in [
        ("partners", "Partners"),
        ("agencies", "Agencies"),
        ("people", "People"),
    ] {
        // From entities.json when there is one, else gathered from the documents.
        let mut list: Vec<Entity> = Vec::new();
        match entities.and_then(|e| e.get(key)).and_then(Value::as_array) {
            Some(arr) => {
                for e in arr {
                    let mentions = e
                        .get("mentions")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|m| {
                            let doc = m.get("document").map(text)?;
                            let s = m.get("span")?;
                            Some((
                                doc,
                                usize::try_from(s.get("start")?.as_u64()?).ok()?,
                                usize::try_from(s.get("end")?.as_u64()?).ok()?,
                                s.get("text").map(text).unwrap_or_default(),
                            ))
                        })
                        .collect();
                    list.push((
                        e.get("id").map(text).unwrap_or_default(),
                        e.get("name").map(text).unwrap_or_default(),
                        mentions,
                    ));
                }
            }
            None => {
                let mut merged: BTreeMap<String, (String, Vec<Mention>)> = BTreeMap::new();
                for d in docs {
                    let id = doc_field(d, "id");
                    for e in d
                        .json
                        .get(key)
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        let eid = e
                            .get("id")
                            .map(text)
                            .filter(|s| !s.is_empty())
                            .unwrap_or_else(|| e.get("name").map(text).unwrap_or_default());
                        let entry = merged.entry(eid).or_insert_with(|| {
                            (e.get("name").map(text).unwrap_or_default(), Vec::new())
                        });
                        for m in e
                            .get("mentions")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                        {
                            if let (Some(s), Some(en)) = (
                                m.get("start").and_then(Value::as_u64),
                                m.get("end").and_then(Value::as_u64),
                            ) {
                                entry.1.push((
                                    id.clone(),
                                    usize::try_from(s).unwrap_or(usize::MAX),
                                    usize::try_from(en).unwrap_or(usize::MAX),
                                    m.get("text").map(text).unwrap_or_default(),
                                ));
                            }
                        }
                    }
                }
                list = merged.into_iter().map(|(k, (n, m))| (k, n, m)).collect();
            }
        }
        let _ = writeln!(
            b,
            "<section aria-labelledby=\"{key}\"><h2 id=\"{key}\">{label} ({})</h2>\n<table class=\"sortable\"><thead><tr>\
             <th scope=\"col\"><button type=\"button\">Name</button></th><th scope=\"col\"><button type=\"button\">Id</button></th>\
             <th scope=\"col\"><button type=\"button\">Mentions</button></th><th scope=\"col\">Where</th></tr></thead><tbody>",
            list.len()
        );
        for (id, name, mentions) in &list {
            let _ = write!(
                b,
                "<tr id=\"{key}-{}\"><td>{}</td><td><code>{}</code></td><td class=\"num\">{}</td><td>",
                slug(id),
                esc(&nonempty(name)),
                esc(id),
                mentions.len()
            );
            let mut by_doc: BTreeMap<&str, Vec<&Mention>> = BTreeMap::new();
            for m in mentions {
                by_doc.entry(m.0.as_str()).or_default().push(m);
            }
            for (doc, ms) in by_doc {
                match by_id.get(doc) {
                    Some(d) => {
                        let _ = write!(
                            b,
                            "<a href=\"docs/{}.html\">{}</a>: ",
                            d.stem,
                            esc(&one_line(&doc_title(d), 50))
                        );
                        let links: Vec<String> = ms
                            .iter()
                            .map(|m| {
                                if has_anchor(d, m.1, m.2) {
                                    format!(
                                        "<a href=\"docs/{}.html#{}\">{}</a>",
                                        d.stem,
                                        span_id(m.1, m.2),
                                        esc(&one_line(&m.3, 40))
                                    )
                                } else {
                                    format!("<q>{}</q>", esc(&one_line(&m.3, 40)))
                                }
                            })
                            .collect();
                        b.push_str(&links.join(", "));
                        b.push_str("<br>");
                    }
                    None => {
                        let _ =
                            write!(b, "<code>{}</code> ({} mention(s))<br>", esc(doc), ms.len());
                    }
                }
            }
            b.push_str("</td></tr>\n");
        }
        b.push_str("</tbody></table></section>\n");
    }
    page("Entities", 0, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(
            day_number("2024-12-31")
                .zip(day_number("2024-01-01"))
                .map(|(a, b)| a - b),
            Some(365)
        );
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(day_number("nope"), None);
    }

    #[test]
    fn escaping() {
        assert_eq!(
            esc("<a href=\"x\">&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
    }
}
