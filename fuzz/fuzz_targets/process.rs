//! The whole per-document pipeline never panics on any bytes, and every span it emits slices
//! the decoded source to its text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let options = liasse_extract::Options::default();
    if let Ok(out) = liasse_extract::process("fuzz.txt", bytes, &options) {
        let decoded = liasse_source::decode(bytes, &options.source).expect("decoded once already");
        let problems = liasse_records::check_spans(&decoded.text, &out);
        assert!(problems.is_empty(), "{problems:?}");
    }
});
