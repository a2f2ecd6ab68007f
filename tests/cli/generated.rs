//! The generated archive of 10,000 statements (`press::generate`): `check` is clean, and the
//! counts of `list --topic`, `--speaker` and `--since` equal counts computed here independently,
//! reading the files with another YAML reader (yaml-rust2).

use std::collections::HashMap;

use yaml_rust2::{Yaml, YamlLoader};

use crate::support::{Archive, press};

/// What the test needs of one statement, read without `press`'s parser.
struct Facts {
    topics: Vec<String>,
    speakers: Vec<String>,
    day: String,
    draft: bool,
}

fn facts(text: &str) -> Facts {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let front = &rest[..rest.find("\n---\n").expect("closing line")];
    let doc = YamlLoader::load_from_str(front).expect("YAML").remove(0);
    let name = |speaker: &Yaml| match speaker {
        Yaml::String(name) => name.clone(),
        mapping => mapping["name"].as_str().expect("name").to_owned(),
    };
    Facts {
        topics: doc["topics"]
            .as_vec()
            .expect("topics")
            .iter()
            .map(|t| t.as_str().expect("topic").to_owned())
            .collect(),
        speakers: match &doc["speaker"] {
            Yaml::Array(items) => items.iter().map(name).collect(),
            single => vec![name(single)],
        },
        day: match &doc["date"] {
            Yaml::String(s) => s[..10].to_owned(),
            other => panic!("date {other:?}"),
        },
        draft: doc["draft"].as_bool().unwrap_or(false),
    }
}

/// The generated dates run to late 2026: a clock after them, so nothing is "in the future".
const NOW: &str = "2027-01-01T00:00:00Z";

fn count(archive: &Archive, args: &[&str]) -> usize {
    let mut all = vec!["list", "--count", "--now", NOW];
    all.extend_from_slice(args);
    let run = press(archive, &all);
    run.code(0);
    assert_eq!(run.err(), "", "{args:?}");
    run.out().trim().parse().expect("a number")
}

#[test]
fn generated_archive_checks_clean_and_counts_agree() {
    let archive = Archive::empty();
    press::generate::write_archive(archive.path(), 10_000, 1).expect("generate");
    let files: Vec<Facts> = press::generate::statements(10_000, 1)
        .map(|f| facts(&f.text))
        .collect();
    let published: Vec<&Facts> = files.iter().filter(|f| !f.draft).collect();

    let run = press(&archive, &["check", "--now", NOW]);
    run.code(0);
    let err = run.err();
    assert!(
        err == "checked 10000 statements: 0 errors, 0 warnings\n",
        "{}",
        &err[..err.len().min(2000)]
    );
    assert_eq!(count(&archive, &[]), published.len());
    assert_eq!(count(&archive, &["--drafts"]), 10_000);

    // The most used topic, and one used a few times, by exact spelling (each keeps one).
    let mut topic_counts: HashMap<&str, usize> = HashMap::new();
    for f in &published {
        for t in &f.topics {
            *topic_counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut by_use: Vec<(&str, usize)> = topic_counts.into_iter().collect();
    by_use.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (topic, expected) in [
        by_use[0],
        by_use[by_use.len() / 2],
        by_use[by_use.len() - 1],
    ] {
        assert_eq!(
            count(&archive, &["--topic", topic]),
            expected,
            "topic {topic}"
        );
        // Any spelling: upper case finds the same.
        assert_eq!(
            count(&archive, &["--topic", &topic.to_uppercase()]),
            expected,
            "topic {topic}"
        );
    }

    // A speaker's surname (ASCII, so plain lowercase folding is the same as press's).
    let surname = published
        .iter()
        .flat_map(|f| &f.speakers)
        .filter_map(|name| name.rsplit(' ').next())
        .find(|s| s.is_ascii() && s.len() > 4)
        .expect("an ASCII surname")
        .to_lowercase();
    let expected = published
        .iter()
        .filter(|f| {
            f.speakers
                .iter()
                .any(|n| n.to_lowercase().contains(&surname))
        })
        .count();
    assert!(expected > 0);
    assert_eq!(
        count(&archive, &["--speaker", &surname.to_uppercase()]),
        expected,
        "speaker {surname}"
    );

    // Since a day, inclusive; and since a year.
    for (since, from) in [
        ("2020-06-15", "2020-06-15"),
        ("2010", "2010-01-01"),
        ("2024-02", "2024-02-01"),
    ] {
        let expected = published.iter().filter(|f| f.day.as_str() >= from).count();
        assert_eq!(
            count(&archive, &["--since", since]),
            expected,
            "since {since}"
        );
    }
}
