//! Run the pipeline on one file and print its JSON: `cargo run -p liasse-extract --example probe FILE`.
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        match liasse_extract::process(&path, &bytes, &liasse_extract::Options::default()) {
            Ok(o) => println!("{}", o.to_json()),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
