//! Inputs that once broke a property, found by the fuzz targets; each must now hold.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

#[test]
fn normalising_twice_changes_nothing_on_every_regression_input() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let once = liasse_text::normalize(&text);
        assert_eq!(liasse_text::normalize(&once.text).text, once.text);
        n += 1;
    }
    assert!(n >= 1);
}
