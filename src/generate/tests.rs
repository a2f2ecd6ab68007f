//! Tests of the generator: determinism, prefixes, sizes, proportions and the format.

use super::*;
use anyhow::{Context as _, Result};
use std::collections::{BTreeMap, HashSet};

/// The format's keys, in the order `press` writes them.
use crate::statement::parse::KEYS;

fn split(text: &str) -> Result<(&str, &str)> {
    let rest = text.strip_prefix("---\n").context("opens with ---")?;
    let end = rest.find("\n---\n").context("closing ---")?;
    Ok((&rest[..=end], &rest[end + 5..]))
}

fn sample() -> Vec<GeneratedFile> {
    statements(3_000, 42).collect()
}

#[test]
fn same_seed_gives_same_bytes() {
    let a: Vec<_> = statements(200, 7).collect();
    let b: Vec<_> = statements(200, 7).collect();
    assert_eq!(a, b);
    let c: Vec<_> = statements(200, 8).collect();
    assert_ne!(a, c);
}

#[test]
fn smaller_archive_is_a_prefix_of_a_larger_one() {
    let small: Vec<_> = statements(100, 3).collect();
    let large: Vec<_> = statements(1_000, 3).take(100).collect();
    assert_eq!(small, large);
}

#[test]
fn first_statements_are_pinned() {
    // Guards against accidental changes to the bytes (which would invalidate published figures).
    // Update the figures only for a deliberate change, and rerun the benchmark then.
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut bytes = 0;
    for file in statements(300, 1) {
        for b in file.path.bytes().chain(file.text.bytes()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            bytes += 1;
        }
    }
    assert_eq!((bytes, hash), PINNED);
}

const PINNED: (usize, u64) = (1_081_487, 10_177_109_255_606_038_259);

#[test]
fn sizes_fall_in_the_documented_ranges() -> Result<()> {
    for file in statements(20_000, 1) {
        let (fm, body) = split(&file.text)?;
        assert!(
            (400..=1_700).contains(&fm.len()),
            "front matter {} in {}",
            fm.len(),
            file.path
        );
        assert!(
            (1_500..=4_000).contains(&body.len()),
            "body {} in {}",
            body.len(),
            file.path
        );
    }
    Ok(())
}

#[test]
fn front_matter_has_only_known_keys_in_order() -> Result<()> {
    for file in sample() {
        let (fm, _) = split(&file.text)?;
        let map: serde_yaml::Mapping = serde_yaml::from_str(fm).context("valid YAML")?;
        let keys: Vec<&str> = map
            .keys()
            .map(|k| k.as_str().context("string key"))
            .collect::<Result<_>>()?;
        let positions: Vec<usize> = keys
            .iter()
            .map(|k| {
                KEYS.iter()
                    .position(|known| known == k)
                    .with_context(|| format!("known key {k}"))
            })
            .collect::<Result<_>>()?;
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "order {keys:?}");
        for required in ["title", "date", "speaker", "topics"] {
            assert!(map.contains_key(required), "{required} in {}", file.path);
        }
        for key in ["title", "location", "source", "summary", "lang"] {
            if let Some(value) = map.get(key) {
                assert!(value.is_string(), "{key} is a string in {}", file.path);
            }
        }
        if let Some(draft) = map.get("draft") {
            assert_eq!(draft.as_bool(), Some(true));
        }
        let date = map["date"].as_str().context("date reads as a string")?;
        let (y, m, d) = (&date[0..4], &date[5..7], &date[8..10]);
        let (y, m, d): (i64, i64, i64) = (y.parse()?, m.parse()?, d.parse()?);
        assert_eq!(
            civil_from_days(days_from_civil(y, m, d)),
            (y, m, d),
            "{date}"
        );
        assert!((1990..=2026).contains(&y));
        assert!(
            file.path.starts_with(&format!("statements/{y}/{date}-")),
            "{}",
            file.path
        );
    }
    Ok(())
}

#[test]
fn slugs_are_unique_and_well_formed() -> Result<()> {
    let mut seen = HashSet::new();
    for file in sample() {
        let name = file.path.rsplit('/').next().context("file name")?;
        let slug = name[11..].strip_suffix(".md").context(".md")?;
        assert!(slug.len() <= 80, "{slug}");
        assert!(
            slug.split('-').all(|part| !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{slug}"
        );
        assert!(seen.insert(slug.to_owned()), "duplicate {slug}");
    }
    Ok(())
}

#[test]
fn proportions_match_the_issue() -> Result<()> {
    let files = sample();
    let n = files.len();
    let front_matters: Vec<&str> = files
        .iter()
        .map(|f| Ok(split(&f.text)?.0))
        .collect::<Result<_>>()?;
    let with = |needle: &str| {
        front_matters
            .iter()
            .filter(|fm| fm.contains(needle))
            .count()
    };
    let background = with("\nbackground: |\n");
    let drafts = with("\ndraft: true\n");
    let pairs = with("\n  - name: ");
    assert!(
        (n * 58 / 100..=n * 72 / 100).contains(&background),
        "background {background}"
    );
    assert!((n / 400..=n * 2 / 100).contains(&drafts), "drafts {drafts}");
    assert!(
        (n * 7 / 100..=n * 13 / 100).contains(&pairs),
        "two speakers {pairs}"
    );
    let non_ascii = front_matters
        .iter()
        .filter(|fm| fm.bytes().any(|b| b >= 0x80))
        .count();
    assert!(non_ascii > n / 3, "non-ASCII front matter {non_ascii}");
    let arabic = files.iter().filter(|f| f.text.contains('\u{645}')).count();
    assert!(arabic > 0, "some names in Arabic script");
    Ok(())
}

#[test]
fn topics_and_speakers_are_zipf_skewed() {
    let generator = Generator::new();
    let mut topics: BTreeMap<&str, usize> = BTreeMap::new();
    let mut speakers: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..5_000 {
        let statement = generator.statement(9, i);
        for topic in &statement.topics {
            *topics.entry(topic).or_default() += 1;
        }
        for speaker in &statement.speakers {
            *speakers.entry(speaker.name.clone()).or_default() += 1;
        }
    }
    let count = |k: usize| {
        topics
            .get(generator.topics[k].as_str())
            .copied()
            .unwrap_or(0)
    };
    assert!(count(0) > 2 * count(10), "{} vs {}", count(0), count(10));
    assert!(
        count(10) > 2 * count(200),
        "{} vs {}",
        count(10),
        count(200)
    );
    assert!(topics.len() > 250, "most topics used: {}", topics.len());
    let top = speakers
        .get(&generator.speakers[0].name)
        .copied()
        .unwrap_or(0);
    let mid = speakers
        .get(&generator.speakers[500].name)
        .copied()
        .unwrap_or(0);
    assert!(top > 10 * mid.max(1), "{top} vs {mid}");
    assert!(
        speakers.len() > 1_000,
        "many speakers used: {}",
        speakers.len()
    );
}

#[test]
fn topics_and_speakers_are_distinct_after_slugging() {
    let generator = Generator::new();
    let topics: HashSet<String> = generator.topics.iter().map(|t| slugify(t, 200)).collect();
    assert_eq!(topics.len(), TOPIC_COUNT);
    let names: HashSet<String> = generator
        .speakers
        .iter()
        .map(|s| slugify(&s.name, 200))
        .collect();
    assert_eq!(names.len(), SPEAKER_COUNT);
    assert!(
        !names.contains("statement"),
        "every name has a slug of its own"
    );
}

#[test]
fn archive_and_hugo_site_are_written() -> Result<()> {
    let dir = tempfile::tempdir().context("temp dir")?;
    let archive = dir.path().join("archive");
    write_archive(&archive, 20, 5).context("write archive")?;
    assert!(archive.join("press.toml").is_file());
    for file in statements(20, 5) {
        let written = fs::read_to_string(archive.join(&file.path)).context("read back")?;
        assert_eq!(written, file.text);
    }
    let site = dir.path().join("hugo");
    write_hugo_site(&site, 20, 5).context("write site")?;
    assert!(site.join("hugo.toml").is_file());
    assert!(site.join("content/statements/_index.md").is_file());
    for file in statements(20, 5) {
        let hugo = site.join("content").join(&file.path);
        let text = fs::read_to_string(&hugo).context("hugo page")?;
        let (fm, body) = split(&text)?;
        assert_eq!(body, split(&file.text)?.1);
        let map: serde_yaml::Mapping = serde_yaml::from_str(fm).context("valid YAML")?;
        assert!(map.contains_key("speakers"));
    }
    Ok(())
}

#[test]
fn yaml_quoting_round_trips() -> Result<()> {
    let mut out = String::new();
    quoted(&mut out, "a \"b\" \\ c\td\u{1}: no");
    let back: String = serde_yaml::from_str(&out).context("valid YAML")?;
    assert_eq!(back, "a \"b\" \\ c\td\u{1}: no");
    Ok(())
}

#[test]
fn dates_convert_both_ways() {
    for days in -1_000..30_000 {
        let (y, m, d) = civil_from_days(days);
        assert_eq!(days_from_civil(y, m, d), days);
    }
}

#[test]
fn nothing_that_check_would_warn_about() -> Result<()> {
    // Unique sources, one spelling per topic slug, one role per speaker, no future dates.
    let mut sources = HashSet::new();
    let mut spellings: BTreeMap<String, String> = BTreeMap::new();
    let mut roles: BTreeMap<String, String> = BTreeMap::new();
    for file in sample() {
        let (fm, _) = split(&file.text)?;
        let map: serde_yaml::Mapping = serde_yaml::from_str(fm).context("valid YAML")?;
        if let Some(source) = map.get("source") {
            let source = source.as_str().context("source is a string")?;
            assert!(source.starts_with("https://example.org/"));
            assert!(
                sources.insert(source.to_owned()),
                "source used twice: {source}"
            );
        }
        for topic in map["topics"].as_sequence().context("topics is a list")? {
            let topic = topic.as_str().context("topic is a string")?;
            let known = spellings
                .entry(slugify(topic, 200))
                .or_insert_with(|| topic.to_owned());
            assert_eq!(known, topic);
        }
        let speakers = match &map["speaker"] {
            serde_yaml::Value::Sequence(list) => list.clone(),
            one => vec![one.clone()],
        };
        for speaker in speakers {
            let name = speaker["name"]
                .as_str()
                .context("speaker name is a string")?;
            let role = speaker["role"]
                .as_str()
                .context("speaker role is a string")?;
            let known = roles
                .entry(name.to_owned())
                .or_insert_with(|| role.to_owned());
            assert_eq!(known, role, "{name}");
        }
        assert!(map["date"].as_str().context("date reads as a string")? <= "2026-10-31");
    }
    Ok(())
}
