//! Decoding never panics on any bytes, including bytes that start like a PDF (which reach
//! lopdf and pdf-extract) or like an HTML page.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (u8, &[u8])| {
    let (kind, bytes) = data;
    let mut input = match kind % 3 {
        0 => b"%PDF-1.4\n".to_vec(),
        1 => b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"></head><body>".to_vec(),
        _ => Vec::new(),
    };
    input.extend_from_slice(bytes);
    if let Ok(d) = liasse_source::decode(&input, &liasse_source::Options::default()) {
        for &p in &d.pages {
            assert!(d.text.is_char_boundary(p));
        }
    }
});
