//! The whole per-document pipeline never panics on any bytes, every span it emits slices the
//! decoded source to its text, and its JSON is serde's: the pretty document as
//! `serde_json::to_string_pretty` writes it, one JSON object per line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let options = liasse_extract::Options::default();
    if let Ok(out) = liasse_extract::process("fuzz.txt", bytes, &options) {
        let decoded = liasse_source::decode(bytes, &options.source).expect("decoded once already");
        let problems = liasse_records::check_spans(&decoded.text, &out);
        assert!(problems.is_empty(), "{problems:?}");
        let (json, jsonl) = out.to_json_and_jsonl(true, true);
        let pretty = serde_json::to_string_pretty(&out).expect("serialises") + "\n";
        assert_eq!(json, pretty.into_bytes());
        for line in std::str::from_utf8(&jsonl).expect("UTF-8").lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            assert!(v.is_object() && v["type"].is_string(), "{line}");
        }
    }
});
