//! The date scanner never panics, and its spans are char boundaries of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for anchor in [None, liasse_dates::Date::new(2024, 11, 30)] {
        for m in liasse_dates::scan(text, anchor) {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
});
