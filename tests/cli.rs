//! End-to-end tests of the `liasse` binary.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn liasse() -> Command {
    Command::new(env!("CARGO_BIN_EXE_liasse"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(cmd: &mut Command) -> Output {
    cmd.current_dir(root()).output().expect("the binary runs")
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// `output/` is exactly what the README's command produces: any change to extraction shows up
/// as a diff of output/ in review.
#[test]
fn committed_output_is_what_the_readme_command_produces() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(liasse().args(["ingest", "seeds", "--out"]).arg(tmp.path()));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fresh = files(tmp.path());
    let committed = files(&root().join("output"));
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&fresh),
        names(&committed),
        "output/ has other files than a fresh run"
    );
    for ((name, a), (_, b)) in fresh.iter().zip(&committed) {
        assert!(a == b, "output/{name} differs from a fresh run: regenerate it with `cargo run --release -- ingest seeds --out output` and review the diff");
    }
}

#[test]
fn same_bytes_whatever_the_thread_count() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    for (dir, jobs) in [(&one, "1"), (&two, "2")] {
        let o = run(liasse()
            .args([
                "ingest", "seeds", "fixtures", "--jobs", jobs, "--quiet", "--out",
            ])
            .arg(dir.path()));
        assert!(
            o.status.code().is_some(),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert_eq!(files(one.path()), files(two.path()));
}

#[test]
fn committed_schema_is_the_generated_one_and_output_validates() {
    let o = run(liasse().arg("schema"));
    assert!(o.status.success());
    let generated: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let committed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("schema/liasse.schema.json")).unwrap())
            .unwrap();
    assert_eq!(
        generated, committed,
        "schema/liasse.schema.json is stale: run `cargo run -- schema > schema/liasse.schema.json`"
    );
    let validator = jsonschema::validator_for(&committed).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root().join("output/manifest.json")).unwrap())
            .unwrap();
    let mut checked = 0;
    for input in manifest["inputs"].as_array().unwrap() {
        let name = input["output"].as_str().unwrap();
        let doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(root().join("output").join(name)).unwrap())
                .unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .take(5)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "output/{name}: {errors:?}");
        checked += 1;
    }
    assert_eq!(checked, 5);
    for (flag, file) in [
        ("--manifest", "manifest.json"),
        ("--entities", "entities.json"),
    ] {
        let schema: serde_json::Value =
            serde_json::from_slice(&run(liasse().args(["schema", flag])).stdout).unwrap();
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(root().join("output").join(file)).unwrap())
                .unwrap();
        let v = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&value)
            .take(5)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "output/{file}: {errors:?}");
    }
}

#[test]
fn a_bad_file_is_reported_and_the_others_are_written() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("a_empty.txt"), b"").unwrap();
    std::fs::write(
        input.path().join("b_image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    std::fs::copy(
        root().join("seeds/002_a173ce17f1e863ab.txt"),
        input.path().join("c_good.txt"),
    )
    .unwrap();
    let o = run(liasse()
        .arg("ingest")
        .arg(input.path())
        .arg("--out")
        .arg(out.path()));
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("a_empty.txt: the file is empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b_image.txt: the file is binary (PNG image)"),
        "{stderr}"
    );
    assert!(out.path().join("c_good.json").is_file());
    assert!(!out.path().join("a_empty.json").exists());
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    let inputs = manifest["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 3);
    assert!(
        inputs[0]["error"].is_string()
            && inputs[1]["error"].is_string()
            && inputs[2]["error"].is_null()
    );
    let jsonl = std::fs::read_to_string(out.path().join("records.jsonl")).unwrap();
    assert!(jsonl.lines().all(|l| l.contains("\"document\":")));
    // Nothing half-written is left behind.
    assert!(files(out.path())
        .iter()
        .all(|(n, _)| !n.starts_with(".liasse-")));
}

#[test]
fn usage_errors_exit_with_2_and_missing_inputs_with_1() {
    assert_eq!(run(liasse().arg("ingest")).status.code(), Some(2));
    assert_eq!(run(liasse().args(["frobnicate"])).status.code(), Some(2));
    let out = tempfile::tempdir().unwrap();
    let o = run(liasse()
        .args(["ingest", "seeds", "--encoding", "klingon", "--out"])
        .arg(out.path()));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown encoding"));
    let o = run(liasse()
        .args(["ingest", "no/such/file.txt", "--out"])
        .arg(out.path()));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/file.txt: cannot read"));
}

#[test]
fn every_command_has_help_with_examples() {
    for args in [
        vec!["--help"],
        vec!["ingest", "--help"],
        vec!["schema", "--help"],
        vec!["dates", "--help"],
        vec!["inspect", "--help"],
        vec!["report", "--help"],
    ] {
        let o = run(liasse().args(&args));
        assert!(o.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("Examples:"),
            "{args:?} has no examples"
        );
    }
}

#[test]
fn dates_command_reads_lines_and_prints_json_lines() {
    let mut child = liasse()
        .args(["dates", "--anchor", "2024-11-30"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all("les 18 et 19 octobre 2012\nce vendredi\nrien ici\n".as_bytes())
            .unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0]["mentions"][0]["when"]["edtf"],
        "2012-10-18/2012-10-19"
    );
    assert_eq!(lines[1]["mentions"][0]["when"]["start"], "2024-11-29");
    assert_eq!(lines[1]["mentions"][0]["relative"], true);
    assert_eq!(lines[2]["mentions"].as_array().unwrap().len(), 0);
    let o = run(liasse().args(["dates", "--anchor", "hier"]));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn inputs_over_the_size_limit_are_reported_not_read() {
    let out = tempfile::tempdir().unwrap();
    let o = run(liasse()
        .args(["ingest", "seeds", "--max-bytes", "3000", "--out"])
        .arg(out.path()));
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("001_edf606ae34d495b5.txt: the file is 80301 bytes, over the 3000-byte limit; split it, or raise --max-bytes"), "{stderr}");
    // The small ones are still written.
    assert!(out.path().join("000_c3907635f9e9b578.json").is_file());
}

/// A directory holding one seed under `name`.
fn dir_with_seed(name: &str) -> tempfile::TempDir {
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("seeds/002_a173ce17f1e863ab.txt"),
        input.path().join(name),
    )
    .unwrap();
    input
}

/// `liasse ingest DIR --out OUT` into a new directory: the directory and the run's output.
fn ingest_dir(input: &tempfile::TempDir) -> (tempfile::TempDir, Output) {
    let out = tempfile::tempdir().unwrap();
    let o = run(liasse()
        .arg("ingest")
        .arg(input.path())
        .arg("--out")
        .arg(out.path()));
    (out, o)
}

#[test]
fn symbolic_link_loops_do_not_trap_the_walk() {
    let input = dir_with_seed("a.txt");
    #[cfg(unix)]
    std::os::unix::fs::symlink(input.path(), input.path().join("loop")).unwrap();
    let (out, o) = ingest_dir(&input);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.path().join("a.json").is_file());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_nothing_is_reported_and_the_others_are_written() {
    let input = dir_with_seed("a.txt");
    std::os::unix::fs::symlink(input.path().join("gone.txt"), input.path().join("b.txt")).unwrap();
    let (out, o) = ingest_dir(&input);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("b.txt: cannot read: a symbolic link"),
        "{stderr}"
    );
    assert!(out.path().join("a.json").is_file());
}

#[test]
fn an_output_path_that_cannot_be_a_directory_is_a_usage_error() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let o = run(liasse().args(["ingest", "seeds", "--out"]).arg(file.path()));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot create the output directory"));
}

#[test]
fn outputs_are_ordinary_readable_files() {
    let out = tempfile::tempdir().unwrap();
    let o = run(liasse()
        .args(["ingest", "seeds/000_c3907635f9e9b578.txt", "--out"])
        .arg(out.path()));
    assert!(o.status.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in [
            "000_c3907635f9e9b578.json",
            "records.jsonl",
            "manifest.json",
            "entities.json",
        ] {
            let mode = std::fs::metadata(out.path().join(f))
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(mode, 0o644, "{f}");
        }
    }
}

/// A full disk, on a 64 KiB tmpfs: every failure is reported, nothing is half-written. Needs
/// the right to mount (root, as on CI); elsewhere it says so and checks nothing.
#[test]
fn a_full_disk_leaves_no_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(dir.path())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!(
            "a_full_disk_leaves_no_half_written_file: cannot mount a tmpfs here; not checked"
        );
        return;
    }
    let out = dir.path().join("out");
    let o = run(liasse().args(["ingest", "seeds", "--out"]).arg(&out));
    // What the full disk holds, read before unmounting it.
    let left: Vec<(String, Vec<u8>)> = files(&out);
    let hidden: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".liasse-"))
        .collect();
    let _ = Command::new("umount").arg(dir.path()).status();
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("No space left on device") && stderr.contains("disk full?"),
        "{stderr}"
    );
    assert!(hidden.is_empty(), "temporary files left behind: {hidden:?}");
    for (name, bytes) in left {
        if name.ends_with(".json") {
            assert!(
                serde_json::from_slice::<serde_json::Value>(&bytes).is_ok(),
                "{name} is half-written"
            );
        }
    }
}

/// N shards of a collection together give the records of one run, each document once.
#[test]
fn shards_together_are_one_run() {
    let whole = tempfile::tempdir().unwrap();
    let o = run(liasse()
        .args(["ingest", "seeds", "fixtures", "--quiet", "--out"])
        .arg(whole.path()));
    assert!(o.status.code().is_some());
    let lines = |dir: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_to_string(dir.join("records.jsonl"))
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect();
        v.sort();
        v
    };
    let mut merged = Vec::new();
    let mut listed = 0;
    for k in 1..=3 {
        let part = tempfile::tempdir().unwrap();
        let o = run(liasse()
            .args([
                "ingest",
                "seeds",
                "fixtures",
                "--quiet",
                "--shard",
                &format!("{k}/3"),
                "--out",
            ])
            .arg(part.path()));
        assert!(o.status.code().is_some());
        merged.extend(lines(part.path()));
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(part.path().join("manifest.json")).unwrap())
                .unwrap();
        listed += manifest["inputs"].as_array().unwrap().len();
    }
    merged.sort();
    assert_eq!(merged, lines(whole.path()));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(whole.path().join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(
        listed,
        manifest["inputs"].as_array().unwrap().len(),
        "every input is listed by exactly one shard"
    );
    assert_eq!(
        run(liasse().args(["ingest", "seeds", "--shard", "4/3", "--out", "x"]))
            .status
            .code(),
        Some(2)
    );
}

/// `liasse inspect` in a pipe: plain text, the evidence marked under each line, then the table.
/// Snapshots of two fixtures of different genres.
#[test]
fn inspect_renders_plain_text_in_a_pipe() {
    for (name, file) in [
        ("inspect_agenda", "fixtures/agenda/atelier_une_journee.txt"),
        (
            "inspect_minutes_people",
            "fixtures/minutes/releve_senegal_espagne.txt",
        ),
    ] {
        let mut cmd = liasse();
        cmd.args(["inspect", file]).env_remove("NO_COLOR");
        if name.ends_with("people") {
            cmd.args(["--only", "people,partners"]);
        }
        let o = run(&mut cmd);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(!out.contains('\x1b'), "colour in a pipe");
        insta::assert_snapshot!(name, out);
    }
}

#[test]
fn inspect_colours_only_when_asked_and_never_with_no_color() {
    let file = "fixtures/agenda/atelier_une_journee.txt";
    let o = run(liasse().args(["inspect", file, "--color", "always"]));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\x1b[1;34m"));
    // NO_COLOR wins over auto, even on a terminal; in a pipe auto is plain anyway.
    let o = run(liasse().args(["inspect", file]).env("NO_COLOR", "1"));
    assert!(!String::from_utf8_lossy(&o.stdout).contains('\x1b'));
}

#[test]
fn inspect_errors_exit_like_ingest() {
    let o = run(liasse().args(["inspect", "fixtures/broken/scan_without_text.pdf"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("scan_without_text.pdf"));
    let o = run(liasse().args(["inspect", "no/such/file.txt"]));
    assert_eq!(o.status.code(), Some(1));
    let o = run(liasse().args(["inspect", "seeds", "--only", "nonsense"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a record type"));
}

/// A PDF operator the main extractor chokes on (`1 Tj`) makes it panic: the panic is caught,
/// the fallback reads the text and the output says so, and stderr says nothing of a panic.
#[test]
fn a_pdf_the_extractor_panics_on_is_read_quietly_by_the_fallback() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(liasse()
        .args([
            "ingest",
            "fixtures/broken/extractor_panic.pdf",
            "-q",
            "--out",
        ])
        .arg(tmp.path())
        .env("RUST_BACKTRACE", "1"));
    assert_eq!(o.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json = std::fs::read_to_string(tmp.path().join("extractor_panic.json")).unwrap();
    assert!(
        json.contains("pdf-fallback") && json.contains("2025-05-03"),
        "{json}"
    );
}

/// `liasse report` on the committed output writes the whole site; run twice into the same
/// directory after a document left, its page goes too.
#[test]
fn report_writes_the_site_and_drops_stale_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    std::fs::create_dir_all(site.join("docs")).unwrap();
    std::fs::write(site.join("docs/gone.html"), "old").unwrap();
    let o = run(liasse().args(["report", "output", "--out"]).arg(&site));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for page in ["index.html", "timeline.html", "entities.html"] {
        let html = std::fs::read_to_string(site.join(page)).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("</html>"));
    }
    assert_eq!(files(&site.join("docs")).len(), 5);
    assert!(!site.join("docs/gone.html").exists());
    let o = run(liasse()
        .args(["report", "fixtures", "--out"])
        .arg(tmp.path().join("x")));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is it a liasse output directory"));
}

fn copy_fixtures(dir: &Path, names: &[&str]) {
    std::fs::create_dir_all(dir).unwrap();
    for n in names {
        let from = root().join("fixtures").join(n);
        std::fs::copy(&from, dir.join(from.file_name().unwrap())).unwrap();
    }
}

/// `--incremental` processes only new or changed inputs, deletes the outputs of removed ones,
/// does nothing at all when nothing changed, and processes everything for another tool version;
/// each time the output is byte for byte that of a full run on the same inputs.
#[test]
fn incremental_runs_equal_full_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let col = tmp.path().join("col");
    let out = tmp.path().join("out");
    copy_fixtures(
        &col,
        &[
            "agenda/atelier_une_journee.txt",
            "agenda/comite_mixte_deux_jours.txt",
            "minutes/compte_rendu_comite.txt",
            "minutes/releve_senegal_espagne.txt",
            "pdf/agenda_seed.pdf",
        ],
    );
    let ingest = |extra: &[&str]| {
        let o = run(liasse()
            .arg("ingest")
            .arg(&col)
            .arg("--out")
            .arg(&out)
            .args(extra));
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stderr).unwrap()
    };
    let full = |name: &str| {
        let dir = tmp.path().join(name);
        let o = run(liasse().arg("ingest").arg(&col).arg("--out").arg(&dir));
        assert!(o.status.success());
        files(&dir)
    };
    ingest(&[]);
    let kept = out.join("comite_mixte_deux_jours.json");
    let mtime = std::fs::metadata(&kept).unwrap().modified().unwrap();

    // Nothing changed: nothing is written.
    let manifest_mtime = std::fs::metadata(out.join("manifest.json"))
        .unwrap()
        .modified()
        .unwrap();
    let said = ingest(&["--incremental"]);
    assert!(said.contains("all unchanged"), "{said}");
    assert_eq!(
        std::fs::metadata(out.join("manifest.json"))
            .unwrap()
            .modified()
            .unwrap(),
        manifest_mtime
    );

    // One changed, one removed, one added.
    let changed = col.join("atelier_une_journee.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nProchaine réunion le 5 mai 2021 à Rabat.\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::remove_file(col.join("compte_rendu_comite.txt")).unwrap();
    copy_fixtures(&col, &["announcement/processus_khartoum.txt"]);
    let said = ingest(&["--incremental"]);
    assert!(
        said.contains("3 unchanged, 1 output(s) of removed inputs deleted"),
        "{said}"
    );
    assert_eq!(
        std::fs::metadata(&kept).unwrap().modified().unwrap(),
        mtime,
        "an unchanged input was rewritten"
    );
    assert!(!out.join("compte_rendu_comite.json").exists());
    assert_eq!(files(&out), full("full1"));

    // Another tool version: everything again.
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    let version = format!("\"tool_version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    std::fs::write(
        out.join("manifest.json"),
        manifest.replace(&version, "\"tool_version\": \"0.0.1\""),
    )
    .unwrap();
    let said = ingest(&["--incremental"]);
    assert!(
        said.contains("processing everything") && said.contains("0 unchanged"),
        "{said}"
    );
    assert_ne!(std::fs::metadata(&kept).unwrap().modified().unwrap(), mtime);
    assert_eq!(files(&out), full("full2"));
}

/// `--stdin` (paths) and `--stdin-json` (contents) stream the records of `records.jsonl` to
/// stdout, in input order; a failed input is a line of type "error" and exit status 1.
#[test]
fn stdin_modes_stream_the_records() {
    let seeds: Vec<String> = {
        let mut v: Vec<String> = std::fs::read_dir(root().join("seeds"))
            .unwrap()
            .flatten()
            .map(|e| format!("seeds/{}", e.file_name().to_string_lossy()))
            .collect();
        v.sort();
        v
    };
    let expected = std::fs::read_to_string(root().join("output/records.jsonl")).unwrap();
    let feed = |args: &[&str], input: String| {
        let mut child = liasse()
            .args(args)
            .current_dir(root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            use std::io::Write;
            stdin.write_all(input.as_bytes()).unwrap();
        });
        child.wait_with_output().unwrap()
    };
    let o = feed(
        &["ingest", "--stdin", "--jobs", "2"],
        seeds.join("\n") + "\n",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8(o.stdout).unwrap(), expected);

    use base64::Engine;
    let mut lines: Vec<String> = seeds
        .iter()
        .map(|p| {
            let b64 = base64::engine::general_purpose::STANDARD
                .encode(std::fs::read(root().join(p)).unwrap());
            serde_json::json!({"path": p, "content_base64": b64}).to_string()
        })
        .collect();
    lines.insert(2, "not json".into());
    lines.push(r#"{"path": "empty.txt", "content_base64": ""}"#.into());
    let o = feed(&["ingest", "--stdin-json"], lines.join("\n") + "\n");
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let (errors, records): (Vec<&str>, Vec<&str>) = out
        .lines()
        .partition(|l| l.starts_with(r#"{"type":"error""#));
    assert_eq!(records.join("\n") + "\n", expected);
    assert_eq!(errors.len(), 2);
    assert!(
        errors[0].contains("stdin line 3") && errors[1].contains("empty.txt"),
        "{errors:?}"
    );
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(stderr.contains("empty.txt: the file is empty"), "{stderr}");

    // Paths and --stdin together: a usage error.
    let o = run(liasse().args(["ingest", "--stdin", "seeds"]));
    assert_eq!(o.status.code(), Some(2));
}

/// `--incremental` with another `--encoding` than the last run decodes everything again.
#[test]
fn incremental_runs_notice_a_forced_encoding() {
    let tmp = tempfile::tempdir().unwrap();
    let col = tmp.path().join("col");
    copy_fixtures(
        &col,
        &[
            "agenda/atelier_une_journee.txt",
            "minutes/releve_senegal_espagne.txt",
        ],
    );
    // `liasse ingest col --out DIR ARGS…`: whether it succeeded, and what it said.
    let ingest = |dir: &str, args: &[&str]| {
        let o = run(liasse()
            .arg("ingest")
            .arg(&col)
            .arg("--out")
            .arg(tmp.path().join(dir))
            .args(args));
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let forced = ["--encoding", "windows-1252"];
    assert!(ingest("out", &[]).0);
    let (_, said) = ingest("out", &["--incremental", forced[0], forced[1]]);
    assert!(said.contains("0 unchanged"), "{said}");
    assert!(ingest("full", &forced).0);
    assert_eq!(
        files(&tmp.path().join("out")),
        files(&tmp.path().join("full"))
    );
    // The same forced encoding again: nothing to do.
    let (_, said) = ingest("out", &["--incremental", forced[0], forced[1]]);
    assert!(said.contains("all unchanged"), "{said}");
}
