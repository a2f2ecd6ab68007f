//! Benchmarks of the hot functions (`cargo bench`), on statements from `press::generate`.
//!
//! Front-matter parsing, slugify and Markdown rendering. The page render of `press export` is
//! benchmarked here through pulldown-cmark alone until the export module exists; swap in its page
//! function then.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use divan::{Bencher, black_box};
use press::generate::{GeneratedFile, statements};

fn main() {
    divan::main();
}

fn sample() -> Vec<GeneratedFile> {
    statements(1_000, 1).collect()
}

/// Parses 1,000 statement files (front matter and body) into records.
#[divan::bench]
fn parse_1000(bencher: Bencher<'_, '_>) {
    let files = sample();
    bencher
        .counter(divan::counter::BytesCount::new(
            files.iter().map(|f| f.text.len()).sum::<usize>(),
        ))
        .bench(|| {
            for file in &files {
                let parsed = press::statement::parse(&file.path, file.text.as_bytes());
                black_box(parsed.statement.is_some());
            }
        });
}

/// Slugifies 1,000 titles (non-ASCII included).
#[divan::bench]
fn slugify_1000_titles(bencher: Bencher<'_, '_>) {
    let titles: Vec<String> = sample()
        .into_iter()
        .map(|f| f.text.lines().nth(1).unwrap_or_default().to_owned())
        .collect();
    bencher.bench(|| {
        for title in &titles {
            black_box(press::slug::slugify(title));
        }
    });
}

/// Renders 1,000 bodies to HTML with pulldown-cmark (a stand-in for the export's page render).
#[divan::bench]
fn markdown_html_1000(bencher: Bencher<'_, '_>) {
    let bodies: Vec<String> = sample()
        .into_iter()
        .map(|f| {
            f.text
                .splitn(3, "---\n")
                .nth(2)
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    bencher.bench(|| {
        let mut html = String::with_capacity(8_192);
        for body in &bodies {
            html.clear();
            let options = pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION;
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new_ext(body, options),
            );
            black_box(html.len());
        }
    });
}

/// Generates 1,000 statements (the generator's own speed).
#[divan::bench]
fn generate_1000() {
    black_box(statements(1_000, 1).map(|f| f.text.len()).sum::<usize>());
}
