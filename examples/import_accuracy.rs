//! Prints the per-field accuracy of `press import`'s extraction as a Markdown table.
//!
//! `cargo run --example import_accuracy -- [DIR]` (default `tests/fixtures/raw`); `-v` also lists
//! what went wrong in each sample.

use std::path::PathBuf;

use press::import::accuracy::{FIELDS, measure_dir};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dir = args
        .iter()
        .find(|a| *a != "-v")
        .map_or_else(|| PathBuf::from("tests/fixtures/raw"), PathBuf::from);
    let report = measure_dir(&dir)?;
    println!(
        "Extraction accuracy over {} samples in `{}`:\n",
        report.samples.len(),
        dir.display()
    );
    print!("{}", report.to_markdown());
    if verbose {
        for sample in &report.samples {
            let wrong: Vec<&str> = FIELDS
                .iter()
                .zip(sample.correct)
                .filter(|(_, ok)| !ok)
                .map(|(f, _)| *f)
                .collect();
            if !wrong.is_empty() {
                println!("\n{}: {}", sample.path.display(), wrong.join(", "));
                for note in &sample.notes {
                    println!("  {note}");
                }
            }
        }
    }
    Ok(())
}
