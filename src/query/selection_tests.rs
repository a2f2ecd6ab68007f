//! Filters, order, text search, date bounds and groups, on statements parsed from files as
//! `list`, `topics`, `speakers` and `locations` see them: each test names the statements a query
//! keeps (by slug, in order) or the whole groups it makes.

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, NaiveDate};

use super::*;

/// A statement parsed from a file with these front-matter lines (title, speaker and topics
/// are filled in when `front` has none) and body.
fn statement(slug: &str, date: &str, front: &str, body: &str) -> Result<Statement> {
    let mut text = format!("---\ndate: {date}\n");
    if !front.contains("title:") {
        text.push_str(&format!("title: \"Global: {slug}\"\n"));
    }
    if !front.contains("speaker:") {
        text.push_str("speaker: \"Erika Mustermann\"\n");
    }
    if !front.contains("topics:") {
        text.push_str("topics: [\"Interpol\"]\n");
    }
    text.push_str(front);
    text.push_str(&format!("---\n\n{body}\n"));
    let path = format!("statements/{}/{date}-{slug}.md", &date[..4]);
    let parsed = crate::statement::parse::parse(&path, text.as_bytes());
    match parsed.statement {
        Some(statement) => Ok(statement),
        None => bail!("{path} does not parse: {:?}", parsed.diagnostics),
    }
}

/// Newest first, as the archive holds them: one of each kind a filter tells apart.
fn archive() -> Result<Vec<Statement>> {
    Ok(vec![
        statement(
            "corrected",
            "2026-03-01",
            "topics: [\"Torture\"]\ncorrections:\n  - date: 2026-03-02\n    note: \"Fixed a name\"\n",
            "Nothing to search here.",
        )?,
        statement(
            "withdrawn",
            "2026-02-15",
            "withdrawn:\n  date: 2026-02-20\n  note: \"Issued in error\"\n",
            "Withdrawn text.",
        )?,
        statement(
            "interpol",
            "2026-01-27",
            "title: \"Türkiye: Interpol’s red notices\"\nspeaker:\n  name: \"Erika Mustermann\"\n  role: \"Director\"\ntopics: [\"Interpol\", \"Red notices\"]\nlocation: \"Türkiye\"\nbackground: \"Abused by states.\"\n",
            "States misuse the notices.",
        )?,
        statement(
            "traducida",
            "2026-01-20",
            "lang: es\ntranslation_of: interpol\n",
            "Texto.",
        )?,
        statement(
            "embargoed",
            "2025-12-31",
            "embargo: 2030-01-01T00:00:00+00:00\n",
            "Later.",
        )?,
        statement(
            "draft",
            "2025-06-01",
            "speaker: \"Jan Novák\"\nlocation: \"Czechia\"\ndraft: true\n",
            "Draft.",
        )?,
        statement(
            "released",
            "2025-01-01",
            "embargo: 2025-01-01T09:00:00+00:00\n",
            "Earlier.",
        )?,
    ])
}

fn now() -> Result<DateTime<FixedOffset>> {
    Ok(DateTime::parse_from_rfc3339("2026-06-01T00:00:00+00:00")?)
}

fn slugs<H: Header>(selected: &[&H]) -> Vec<String> {
    selected.iter().map(|s| s.slug().to_string()).collect()
}

fn day(text: &str) -> Result<NaiveDate> {
    Ok(NaiveDate::parse_from_str(text, "%Y-%m-%d")?)
}

#[test]
fn each_filter_keeps_exactly_what_it_names() -> Result<()> {
    let all = archive()?;
    let base = Query::all(now()?);
    let select = |query: &Query| slugs(&query.select(&all));
    let published = ["corrected", "withdrawn", "interpol", "released"];
    assert_eq!(select(&base), published);
    let mut q = base.clone();
    q.drafts = true;
    assert_eq!(
        select(&q),
        ["corrected", "withdrawn", "interpol", "draft", "released"]
    );
    let mut q = base.clone();
    q.include_embargoed = true;
    assert_eq!(
        select(&q),
        [
            "corrected",
            "withdrawn",
            "interpol",
            "embargoed",
            "released"
        ]
    );
    let mut q = base.clone();
    q.corrected = true;
    assert_eq!(select(&q), ["corrected"]);
    let mut q = base.clone();
    q.withdrawn = true;
    assert_eq!(select(&q), ["withdrawn"]);
    let mut q = base.clone();
    q.since = Some(day("2026-01-27")?);
    assert_eq!(select(&q), ["corrected", "withdrawn", "interpol"]);
    let mut q = base.clone();
    q.until = Some(day("2026-01-27")?);
    assert_eq!(select(&q), ["interpol", "released"]);
    let mut q = base.clone();
    q.topics = vec!["interpol".to_owned(), "red-notices".to_owned()];
    assert_eq!(select(&q), ["interpol"]);
    q.topics = vec!["interpol".to_owned()];
    assert_eq!(select(&q), ["withdrawn", "interpol", "released"]);
    let mut q = base.clone();
    q.drafts = true;
    q.speaker = Some("novak".to_owned());
    assert_eq!(select(&q), ["draft"]);
    let mut q = base.clone();
    q.drafts = true;
    q.location = Some("turkiye".to_owned());
    assert_eq!(select(&q), ["interpol"]);
    let mut q = base.clone();
    q.languages = Languages::All;
    assert_eq!(
        select(&q),
        [
            "corrected",
            "withdrawn",
            "interpol",
            "traducida",
            "released"
        ]
    );
    q.languages = Languages::In {
        tag: "es".to_owned(),
        archive: "en".to_owned(),
    };
    assert_eq!(select(&q), ["traducida"]);
    q.languages = Languages::In {
        tag: "en".to_owned(),
        archive: "en".to_owned(),
    };
    assert_eq!(select(&q), published);
    Ok(())
}

#[test]
fn text_search_takes_words_that_start_a_word_of_title_body_or_background() -> Result<()> {
    let all = archive()?;
    let select = |text: &str| -> Result<Vec<String>> {
        Ok(slugs(&Query::all(now()?).with_text(text).select(&all)))
    };
    assert_eq!(select("misuse")?, ["interpol"]);
    assert_eq!(select("TURK")?, ["interpol"]);
    assert_eq!(select("abused")?, ["interpol"]);
    assert_eq!(select("interpol's red")?, ["interpol"]);
    assert_eq!(select("use")?, Vec::<String>::new());
    assert_eq!(select("withdrawn text")?, ["withdrawn"]);
    assert_eq!(select("withdrawn nothing")?, Vec::<String>::new());
    assert_eq!(
        haystack(&all[2]),
        "turkiye: interpol's red notices states misuse the notices. abused by states."
    );
    assert_eq!(
        haystack(&all[0]),
        "global: corrected nothing to search here."
    );
    Ok(())
}

#[test]
fn select_with_asks_the_text_only_when_there_are_words() -> Result<()> {
    let all = archive()?;
    let q = Query::all(now()?);
    assert_eq!(
        slugs(&q.select_with(&all, |_| false)),
        ["corrected", "withdrawn", "interpol", "released"]
    );
    let q = q.with_text("anything");
    assert_eq!(
        slugs(&q.select_with(&all, |s| s.slug.as_str() != "withdrawn")),
        ["corrected", "interpol", "released"]
    );
    Ok(())
}

#[test]
fn order_is_by_folded_title_then_reversed_then_limited() -> Result<()> {
    let all = vec![
        statement("b", "2026-01-03", "title: \"Zambia: x\"\n", "x")?,
        statement("c", "2026-01-02", "title: \"Österreich: x\"\n", "x")?,
        statement("a", "2026-01-01", "title: \"oman: x\"\n", "x")?,
        statement("d", "2025-01-01", "title: \"Oman: x\"\n", "x")?,
    ];
    let mut q = Query::all(now()?);
    assert_eq!(slugs(&q.select(&all)), ["b", "c", "a", "d"]);
    q.sort = Sort::Title;
    assert_eq!(slugs(&q.select(&all)), ["a", "d", "c", "b"]);
    q.reverse = true;
    assert_eq!(slugs(&q.select(&all)), ["b", "c", "d", "a"]);
    q.limit = Some(2);
    assert_eq!(slugs(&q.select(&all)), ["b", "c"]);
    q.sort = Sort::Date;
    assert_eq!(slugs(&q.select(&all)), ["d", "a"]);
    Ok(())
}

#[test]
fn words_are_letters_digits_and_apostrophes() {
    assert_eq!(
        words("it's a test-case, 2026!").collect::<Vec<_>>(),
        ["it's", "a", "test", "case", "2026"]
    );
    assert_eq!(words(" -- ").count(), 0);
    assert_eq!(fold("Jan Novák’s ŒUVRE"), "jan novak's oeuvre");
    assert!(starts_a_word("interpol", "inter"));
    assert!(starts_a_word("the red-notice", "notice"));
    assert!(!starts_a_word("the rednotice", "notice"));
    assert!(!starts_a_word("o'neil", "neil"));
}

#[test]
fn bounds_are_the_first_or_last_day_of_what_was_given() -> Result<()> {
    let bound = |text: &str, edge| parse_bound(text, edge).map(|d| d.to_string());
    assert_eq!(bound("2026", Edge::Start), Ok("2026-01-01".to_owned()));
    assert_eq!(bound(" 2026 ", Edge::End), Ok("2026-12-31".to_owned()));
    assert_eq!(bound("2026-02", Edge::End), Ok("2026-02-28".to_owned()));
    assert_eq!(bound("2026-12", Edge::End), Ok("2026-12-31".to_owned()));
    assert_eq!(bound("2026-12", Edge::Start), Ok("2026-12-01".to_owned()));
    assert_eq!(bound("2026-12-24", Edge::End), Ok("2026-12-24".to_owned()));
    for bad in [
        "20260",
        "2026-1",
        "2026-02-30",
        "2026-02-3",
        "202a",
        "2026-13",
        "",
        "1-2-3-4",
    ] {
        assert_eq!(
            bound(bad, Edge::Start),
            Err(format!(
                "{bad:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            )),
            "{bad}"
        );
    }
    assert_eq!(
        year_bounds(2024),
        Some((day("2024-01-01")?, day("2024-12-31")?))
    );
    assert_eq!(year_bounds(300_000), None);
    Ok(())
}

#[test]
fn groups_count_each_statement_once_with_its_range_and_spelling() -> Result<()> {
    let all = [
        statement(
            "n4",
            "2026-04-01",
            "speaker:\n  name: \"Jan Novák\"\n  role: \"Spokesperson\"\ntopics: [\"Red Notices\", \"Torture\"]\nlocation: \"Czechia\"\n",
            "x",
        )?,
        statement(
            "n3",
            "2026-03-01",
            "speaker: \"Jan Novak\"\ntopics: [\"red notices\", \"Red notices\", \"torture\"]\nlocation: \"Czech Republic\"\n",
            "x",
        )?,
        statement(
            "n2",
            "2026-02-01",
            "speaker:\n  name: \"Jan Novak\"\n  role: \"Director\"\ntopics: [\"red notices\", \"Asylum\"]\nlocation: \"czechia\"\n",
            "x",
        )?,
        statement("n1", "2026-01-01", "topics: [\"Asylum\"]\n", "x")?,
    ];
    let refs: Vec<&Statement> = all.iter().collect();
    let group = |name: &str, slug: &str, count, first, last, role: Option<&str>| -> Result<Group> {
        Ok(Group {
            name: name.to_owned(),
            slug: slug.to_owned(),
            count,
            first: day(first)?,
            last: day(last)?,
            role: role.map(str::to_owned),
        })
    };
    assert_eq!(
        super::group(&refs, GroupBy::Topic),
        [
            group(
                "red notices",
                "red-notices",
                3,
                "2026-02-01",
                "2026-04-01",
                None
            )?,
            group("Asylum", "asylum", 2, "2026-01-01", "2026-02-01", None)?,
            group("Torture", "torture", 2, "2026-03-01", "2026-04-01", None)?,
        ]
    );
    assert_eq!(
        super::group(&refs, GroupBy::Speaker),
        [
            group(
                "Jan Novák",
                "jan-novak",
                3,
                "2026-02-01",
                "2026-04-01",
                Some("Spokesperson")
            )?,
            group(
                "Erika Mustermann",
                "erika-mustermann",
                1,
                "2026-01-01",
                "2026-01-01",
                None
            )?,
        ]
    );
    assert_eq!(
        super::group(&refs, GroupBy::Location),
        [
            group("Czechia", "czechia", 2, "2026-02-01", "2026-04-01", None)?,
            group(
                "Czech Republic",
                "czech-republic",
                1,
                "2026-03-01",
                "2026-03-01",
                None
            )?,
        ]
    );
    // A tie between two spellings goes to the newest statement's.
    let tie = [&all[0], &all[2]];
    let topics = super::group(&tie, GroupBy::Topic);
    let red = topics
        .iter()
        .find(|g| g.slug == "red-notices")
        .context("a red-notices group")?;
    assert_eq!((red.name.as_str(), red.count), ("Red Notices", 2));
    Ok(())
}

#[test]
fn a_topic_takes_the_topics_below_it_and_a_speaker_their_aliases() -> Result<()> {
    let all = archive()?;
    let mut q = Query::all(now()?);
    q.topics = vec!["human-rights".to_owned()];
    assert_eq!(slugs(&q.select(&all)), Vec::<String>::new());
    q.narrower.insert(
        "human-rights".to_owned(),
        vec!["torture".to_owned(), "red-notices".to_owned()],
    );
    assert_eq!(slugs(&q.select(&all)), ["corrected", "interpol"]);
    q.topics = vec!["interpol".to_owned()];
    assert_eq!(
        slugs(&q.select(&all)),
        ["withdrawn", "interpol", "released"]
    );
    let mut q = Query::all(now()?);
    q.drafts = true;
    q.speaker = Some("jn".to_owned());
    assert_eq!(slugs(&q.select(&all)), Vec::<String>::new());
    q.speaker_names = vec!["jan novak".to_owned()];
    assert_eq!(slugs(&q.select(&all)), ["draft"]);
    Ok(())
}
