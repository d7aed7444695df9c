//! Normalisation is idempotent and its offset map stays inside the source, on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let once = liasse_text::normalize(text);
    let twice = liasse_text::normalize(&once.text);
    assert_eq!(once.text, twice.text);
    let r = once.to_source(0..once.text.len());
    assert!(r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    let _ = liasse_text::segment(text);
});
