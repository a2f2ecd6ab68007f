//! A generated archive of 10,000 statements: `check` is clean, and `list` counts under filters
//! equal counts computed here independently, from the files' YAML read with serde_yaml directly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use serde::Deserialize;

const COUNT: usize = 10_000;

#[derive(Deserialize)]
struct Front {
    date: String,
    speaker: Speakers,
    topics: Vec<String>,
    #[serde(default)]
    draft: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Speakers {
    One(Speaker),
    Many(Vec<Speaker>),
}

#[derive(Deserialize)]
struct Speaker {
    name: String,
}

fn press(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_press"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .env("PRESS_NOW", "2027-01-01T00:00:00+00:00")
        .output()
        .expect("press runs")
}

fn count(root: &Path, args: &[&str]) -> usize {
    let mut all = vec!["list", "--count"];
    all.extend_from_slice(args);
    let output = press(root, &all);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn generated_archive_checks_clean_and_filters_count_right() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    press::generate::write_archive(root, COUNT, 7).unwrap();

    let check = press(root, &["check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.trim(),
        format!("checked {COUNT} statements: 0 errors, 0 warnings")
    );

    // The independent reading: every file's front matter with serde_yaml, no press code.
    let fronts: Vec<Front> = press::generate::statements(COUNT, 7)
        .map(|file| {
            let yaml = file
                .text
                .strip_prefix("---\n")
                .unwrap()
                .split("\n---\n")
                .next()
                .unwrap()
                .to_owned();
            serde_yaml::from_str(&yaml).unwrap()
        })
        .collect();
    let published: Vec<&Front> = fronts.iter().filter(|f| !f.draft).collect();
    assert!(published.len() < COUNT, "the generator writes some drafts");
    assert_eq!(count(root, &[]), published.len());
    assert_eq!(count(root, &["--drafts"]), COUNT);

    // The most used topic, asked for in another spelling.
    let topic = fronts[0].topics[0].clone();
    let expected = published
        .iter()
        .filter(|f| f.topics.iter().any(|t| t.eq_ignore_ascii_case(&topic)))
        .count();
    assert!(expected > 0);
    assert_eq!(
        count(root, &["--topic", &topic.to_uppercase().replace(' ', "-")]),
        expected
    );

    // A speaker, by a lowercase part of the name.
    let names = |f: &Front| -> Vec<String> {
        match &f.speaker {
            Speakers::One(s) => vec![s.name.clone()],
            Speakers::Many(list) => list.iter().map(|s| s.name.clone()).collect(),
        }
    };
    let surname = names(&fronts[0])
        .first()
        .unwrap()
        .split_whitespace()
        .last()
        .unwrap()
        .to_owned();
    let expected = published
        .iter()
        .filter(|f| {
            names(f)
                .iter()
                .any(|n| n.to_lowercase().contains(&surname.to_lowercase()))
        })
        .count();
    assert!(expected > 0);
    if surname.is_ascii() {
        assert_eq!(
            count(root, &["--speaker", &surname.to_lowercase()]),
            expected
        );
    }

    // --since on a day, inclusive.
    let since = "2010-06-15";
    let expected = published.iter().filter(|f| f.date[..10] >= *since).count();
    assert_eq!(count(root, &["--since", since]), expected);
    let expected = published
        .iter()
        .filter(|f| f.date.starts_with("2001"))
        .count();
    assert_eq!(count(root, &["--year", "2001"]), expected);
}
