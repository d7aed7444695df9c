//! Print the decoded text of each file, as the pipeline reads it:
//! `cargo run -p liasse-source --example decoded FILE…`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        match liasse_source::decode(&bytes, &liasse_source::Options::default()) {
            Ok(d) => print!("{}", d.text),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
