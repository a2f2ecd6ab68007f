//! The extraction checked against every sample: the real statements in `tests/fixtures/raw/`
//! and the invented ones in `tests/fixtures/import/` (other attribution styles), each with the
//! fields it must give in `NAME.expected.json`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::accuracy::{Expected, lost_lines};
use super::{Extracted, extract};

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
}

/// Every `NAME.txt` of a fixture folder with its text, and its expectations when it has them.
fn samples(dir: &str) -> Result<Vec<(PathBuf, String, Option<Expected>)>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in
        std::fs::read_dir(fixtures(dir)).with_context(|| format!("list the samples in {dir}"))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    assert!(!paths.is_empty(), "no samples in {dir}");
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("read {}", path.display()))?;
            let json = path.with_extension("expected.json");
            let expected = if json.is_file() {
                let expected = std::fs::read_to_string(&json)
                    .with_context(|| format!("read {}", json.display()))?;
                Some(
                    serde_json::from_str(&expected)
                        .with_context(|| format!("parse {}", json.display()))?,
                )
            } else {
                None
            };
            Ok((path, text, expected))
        })
        .collect()
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    a.map(|s| s.trim().to_lowercase()) == b.map(|s| s.trim().to_lowercase())
}

fn check_sample(path: &Path, raw: &str, got: &Extracted, expected: &Expected) -> Result<()> {
    let name = path
        .file_name()
        .context("a sample has a file name")?
        .to_string_lossy();
    assert_eq!(got.title, expected.title, "{name}: title");
    assert_eq!(got.location, expected.location, "{name}: location");
    let names: Vec<&str> = got.speakers.iter().map(|s| s.name.as_str()).collect();
    let expected_names: Vec<&str> = expected.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, expected_names, "{name}: speakers");
    for (got, want) in got.speakers.iter().zip(&expected.speakers) {
        assert!(
            same(got.role.as_deref(), want.role.as_deref()),
            "{name}: role of {}: {:?}, expected {:?}",
            want.name,
            got.role,
            want.role
        );
        assert!(
            same(got.organization.as_deref(), want.organization.as_deref()),
            "{name}: organisation of {}: {:?}, expected {:?}",
            want.name,
            got.organization,
            want.organization
        );
    }
    if expected.speakers.is_empty() && expected.organization.is_some() {
        assert!(
            same(
                got.organization.as_deref(),
                expected.organization.as_deref()
            ),
            "{name}: the organisation that speaks: {:?}, expected {:?}",
            got.organization,
            expected.organization
        );
    }
    if let Some(start) = &expected.body_starts_with {
        assert!(
            got.body.contains(start.as_str()),
            "{name}: body lacks {start:?}"
        );
    }
    assert_eq!(
        got.background.is_some(),
        expected.has_background,
        "{name}: has_background"
    );
    if let (Some(background), Some(start)) = (&got.background, &expected.background_starts_with) {
        assert!(
            background.starts_with(start.as_str()),
            "{name}: background {background:?}"
        );
    }
    if let Some(has_contact) = expected.has_contact {
        assert_eq!(got.contact.is_some(), has_contact, "{name}: has_contact");
    }
    if let (Some(contact), Some(start)) = (&got.contact, &expected.contact_starts_with) {
        assert!(
            contact.starts_with(start.as_str()),
            "{name}: contact {contact:?}"
        );
    }
    // The date is required only where the raw text shows it ("in raw? yes").
    match expected.date {
        Some(date) if super::accuracy::written_in(raw, date) => {
            assert_eq!(got.date, Some(date), "{name}: date");
        }
        _ => assert!(
            got.date.is_none() || got.date == expected.date,
            "{name}: date {:?}",
            got.date
        ),
    }
    Ok(())
}

#[test]
fn real_samples_give_every_expected_field() -> Result<()> {
    let mut checked = 0;
    for (path, raw, expected) in samples("raw")? {
        if let Some(expected) = expected {
            check_sample(&path, &raw, &extract(&raw), &expected)?;
            checked += 1;
        }
    }
    assert_eq!(checked, 10);
    Ok(())
}

#[test]
fn invented_samples_in_other_attribution_styles_give_every_expected_field() -> Result<()> {
    let mut checked = 0;
    for (path, raw, expected) in samples("import")? {
        let expected =
            expected.with_context(|| format!("{} has no expected.json", path.display()))?;
        check_sample(&path, &raw, &extract(&raw), &expected)?;
        checked += 1;
    }
    assert!(checked >= 27);
    Ok(())
}

#[test]
fn no_line_of_any_sample_is_lost() -> Result<()> {
    for dir in ["raw", "import"] {
        for (path, raw, _) in samples(dir)? {
            let lost = lost_lines(&raw, &extract(&raw));
            assert!(lost.is_empty(), "{}: lost {lost:?}", path.display());
        }
    }
    Ok(())
}

#[test]
fn seed_statement_extracts_as_the_bundled_statement() -> Result<()> {
    let raw = std::fs::read_to_string(fixtures("raw").join("global-interpol-red-notices.txt"))?;
    let got = extract(&raw);
    assert_eq!(
        got.title.as_deref(),
        Some(
            "Global: Misuse of Interpol red notices to target dissidents a grave institutional failure"
        )
    );
    assert_eq!(got.location.as_deref(), Some("Global"));
    assert_eq!(got.speakers.len(), 1);
    let speaker = &got.speakers[0];
    assert_eq!(speaker.name, "Erika Guevara Rosas");
    assert_eq!(
        speaker.role.as_deref(),
        Some("Senior Director for Research, Advocacy, Policy and Campaigns")
    );
    assert_eq!(
        speaker.organization.as_deref(),
        Some("Amnesty International")
    );
    assert_eq!(got.date, None);
    assert_eq!(
        got.footer_organization.as_deref(),
        Some("Amnesty International")
    );

    let paragraphs: Vec<&str> = raw.split("\n\n").map(str::trim).collect();
    // title, intro, three quotes, "Background", three paragraphs, footer
    assert_eq!(paragraphs.len(), 10);
    assert_eq!(got.body, paragraphs[1..5].join("\n\n"));
    assert_eq!(
        got.background.as_deref(),
        Some(paragraphs[6..9].join("\n\n").as_str())
    );
    assert!(!got.body.contains("appeared first on"));
    Ok(())
}

#[test]
fn end_mark_is_escaped_not_turned_into_a_heading() -> Result<()> {
    let raw = std::fs::read_to_string(
        fixtures("raw").join("25-ethiopia-journalists-detained-aiusa-2011.txt"),
    )?;
    let got = extract(&raw);
    assert!(got.body.ends_with("\n\n\\# # #"), "{}", got.body);
    assert!(
        got.body.starts_with("(New York) — In response"),
        "date line consumed, contact moved: {}",
        got.body
    );
    assert_eq!(
        got.contact.as_deref(),
        Some(
            "Contact: Suzanne Trimel, 212-633-4150, [email protected]\n\nFor more information, please visit: www.amnestyusa.org"
        )
    );
    assert_eq!(got.background, None);
    Ok(())
}

#[test]
fn the_date_says_where_it_was_read() {
    let got = extract(
        "Yemen: Access now\n\n05-04-2007 News Release 07/31\n\nGeneva (ICRC) – The ICRC called.\n",
    );
    assert_eq!(got.date, chrono::NaiveDate::from_ymd_opt(2007, 4, 5));
    let evidence = got.origins.date.clone().expect("origin");
    assert_eq!(evidence.line, 3);
    assert_eq!(evidence.text, "05-04-2007 News Release 07/31");
    assert!(
        got.body
            .starts_with("05-04-2007 News Release 07/31\n\nGeneva (ICRC)")
    );

    let got = extract("Title\n\nGENEVA (29 December 2016) – UN experts said.\n");
    let evidence = got.origins.date.clone().expect("origin");
    assert_eq!(
        (evidence.line, evidence.text.as_str()),
        (3, "GENEVA (29 December 2016) –")
    );
    assert_eq!(got.body, "GENEVA (29 December 2016) – UN experts said.");

    let got = extract("Title\n\nGENEVA (29 December) – UN experts said.\n");
    assert_eq!((got.date, got.origins.date), (None, None));
}

/// `--explain` names the line each part starts on (1-based): the title, the body's first line
/// with text, the background's heading.
#[test]
fn each_part_is_traced_to_the_line_it_starts_on() {
    let got = extract("\nTitle\n\n\nLead.\n\nMore.\n\nNotes to editors\n\nFacts.\n");
    let line = |origin: Option<&super::origin::Origin>| origin.map(|o| (o.line, o.text.clone()));
    assert_eq!(
        line(got.origins.title.as_ref()),
        Some((2, "Title".to_owned()))
    );
    assert_eq!(
        line(got.origins.body.as_ref()),
        Some((5, "Lead.".to_owned()))
    );
    assert_eq!(
        line(got.origins.background.as_ref()),
        Some((9, "Notes to editors".to_owned()))
    );
    // An issuer named by the title is traced to the title's line.
    let got = extract("\nStatement by the Council of the EU on trade\n\nText.\n");
    assert_eq!(got.organization.as_deref(), Some("Council of the EU"));
    assert_eq!(got.origins.organization.map(|o| o.line), Some(2));
}

/// Right after an end mark, a line of contact details starts the contact block: it is not
/// background.
#[test]
fn contact_details_right_after_the_end_mark_are_the_contact() {
    let got = extract("Title\n\nText.\n\n-ENDS-\n\npress@example.org\n+44 20 7946 0000\n");
    assert_eq!(got.body, "Text.\n\n-ENDS-");
    assert_eq!(got.background, None);
    assert_eq!(
        got.contact.as_deref(),
        Some("press@example.org\n+44 20 7946 0000")
    );
}

/// The feed footer is looked for after the title: a title that reads like one stays the title.
#[test]
fn a_title_is_never_taken_for_the_feed_footer() {
    let got = extract("The post Hello appeared first on Foo News.\n");
    assert_eq!(
        got.title.as_deref(),
        Some("The post Hello appeared first on Foo News.")
    );
    assert_eq!(got.footer_organization, None);
}

#[test]
fn a_date_line_above_the_title_is_read_and_the_title_found() {
    let got = extract("Press release\n12 March 2024 10:30\n\nCouncil adopts rules\n\nText.\n");
    assert_eq!(got.title.as_deref(), Some("Council adopts rules"));
    assert_eq!(got.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 12));
    assert_eq!(got.body, "Press release\n\nText.");
    // A date line is looked for among the first six lines of text after the title, blank
    // lines aside.
    let got = extract("Title\n\nOne.\n\nTwo.\n\nThree.\n\n5 March 2024\n\nFour.\n");
    assert_eq!(got.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
    assert_eq!(got.body, "One.\n\nTwo.\n\nThree.\n\nFour.");
    // Up to three such lines may stand above the title.
    let got = extract(
        "Press release\nFor immediate release\n12 March 2024\n\nCouncil adopts rules\n\nText.\n",
    );
    assert_eq!(got.title.as_deref(), Some("Council adopts rules"));
}

#[test]
fn every_input_line_is_in_the_record() -> Result<()> {
    let text = "Title\n\nLead.\n\n“Quote,” said Jo Bloggs, Director at Foo.\n\n-ENDS-\n\nJo Bloggs is the director of Foo.\n\nAbout Foo\n\nFoo works.\n\nMedia contact:\nAl Smith\n+44 20 7946 0000\n";
    let got = extract(text);
    assert_eq!(lost_lines(text, &got), Vec::<String>::new());
    assert_eq!(
        got.body,
        "Lead.\n\n“Quote,” said Jo Bloggs, Director at Foo.\n\n-ENDS-"
    );
    assert_eq!(
        got.background.as_deref(),
        Some("Jo Bloggs is the director of Foo.\n\n**About Foo**\n\nFoo works.")
    );
    assert_eq!(
        got.contact.as_deref(),
        Some("Media contact:\nAl Smith\n+44 20 7946 0000")
    );
    // A line that went nowhere is reported.
    let mut lossy = got.clone();
    lossy.contact = None;
    assert_eq!(
        lost_lines(text, &lossy),
        ["Media contact:", "Al Smith", "+44 20 7946 0000"]
    );
    Ok(())
}

/// A saved page's article, its title first, and none of the page's chrome.
fn saved_page(name: &str) -> Result<(String, Extracted)> {
    let html = std::fs::read_to_string(fixtures("import/pages").join(name))?;
    let markdown = super::html_to_markdown(&html);
    let got = super::extract_markdown(&markdown);
    Ok((markdown, got))
}

#[test]
fn saved_web_pages_import_as_their_article_only() -> Result<()> {
    // (file, title, speaker, a sentence of the article, the page's chrome)
    let pages: [(&str, &str, &str, &str, &[&str]); 4] = [
        (
            "ngo.html",
            "Kenya: Release detained climate protesters",
            "Amina Odhiambo",
            "Marching for clean air is not a crime.",
            &[
                "cookies",
                "Donate now",
                "Who we are",
                "Related news",
                "Share on X",
                "newsletter",
                "Registered charity",
                "Home",
            ],
        ),
        (
            "government.html",
            "New funding for flood defences in the North",
            "Robert Hale",
            "These schemes will give them the protection they deserve.",
            &[
                "cookies",
                "Skip to main content",
                "Services and information",
                "Share this page",
                "Related content",
                "Is this page useful",
                "Crown copyright",
            ],
        ),
        (
            "newswire.html",
            "Harbor Foods Reports Record First-Quarter Sales",
            "Michael Chen",
            "Our customers told us they wanted more choice",
            &[
                "cookies",
                "Journalists: Log in",
                "Share this article",
                "Related Links",
                "Harbor Foods Names New CFO",
                "Terms of Use",
                "All Rights Reserved",
            ],
        ),
        (
            "company.html",
            "Lumen Rail to build 40 battery trains for regional lines",
            "Sofia Brandt",
            "This order shows that the technology is ready.",
            &[
                "cookies",
                "Our trains",
                "Careers",
                "Media library",
                "Copy link",
                "More news",
                "Imprint",
            ],
        ),
    ];
    for (file, title, speaker, sentence, chrome) in pages {
        let (markdown, got) = saved_page(file)?;
        assert_eq!(got.title.as_deref(), Some(title), "{file}: {markdown}");
        assert!(markdown.contains(speaker), "{file}: {markdown}");
        assert!(got.body.contains(sentence), "{file}: {}", got.body);
        for junk in chrome {
            assert!(!markdown.contains(junk), "{file}: {junk:?} in {markdown}");
        }
    }
    Ok(())
}

#[test]
fn a_saved_page_keeps_its_dateline_notes_and_contact() -> Result<()> {
    let (_, got) = saved_page("ngo.html")?;
    assert_eq!(got.date, chrono::NaiveDate::from_ymd_opt(2024, 5, 14));
    assert!(
        got.background
            .as_deref()
            .is_some_and(|b| b.contains("since 2016")),
        "{got:?}"
    );
    let (_, got) = saved_page("newswire.html")?;
    assert_eq!(got.date, chrono::NaiveDate::from_ymd_opt(2024, 4, 22));
    assert!(
        got.contact
            .as_deref()
            .is_some_and(|c| c.contains("jpark@example.com")),
        "{got:?}"
    );
    let (_, got) = saved_page("company.html")?;
    assert!(
        got.contact
            .as_deref()
            .is_some_and(|c| c.starts_with("Press contact:")),
        "{got:?}"
    );
    Ok(())
}

#[test]
fn html_statement_extracts_like_text() {
    let html = "<html><head><title>x</title></head><body><h1>Georgia: Release the protesters</h1>\
        <p>Responding to the arrests, Jane Roe, Amnesty International’s Europe Director, said:</p>\
        <p>“Release them now.”</p><h2>Background</h2><p>Forty people were arrested.</p></body></html>";
    let got = super::extract_markdown(&super::html_to_markdown(html));
    assert_eq!(
        got.title.as_deref(),
        Some("Georgia: Release the protesters")
    );
    assert_eq!(got.location.as_deref(), Some("Georgia"));
    assert_eq!(got.speakers.len(), 1);
    assert_eq!(got.speakers[0].role.as_deref(), Some("Europe Director"));
    assert_eq!(
        got.background.as_deref(),
        Some("Forty people were arrested.")
    );
    let got = super::extract_markdown("Title\n\n## Section\n\nText.\n");
    assert_eq!(
        got.body, "## Section\n\nText.",
        "Markdown headings stay headings"
    );
}

#[test]
fn without_a_title_line_the_first_line_stays_in_the_body() {
    let options = super::Options {
        title_line: false,
        ..super::Options::default()
    };
    let got = super::extract_with(
        "Jane Roe, Director at Foo Watch, said:\n\n“Yes.”\n",
        options,
    );
    assert_eq!(got.title, None);
    assert_eq!(got.body, "Jane Roe, Director at Foo Watch, said:\n\n“Yes.”");
    assert_eq!(got.speakers.len(), 1);
}

/// Label lines ("ROLE, NAME:", "NAME, ROLE:", or "NAME:" right before a quote) name a speaker;
/// lines of that shape that are headings, contact lines or introduce no quote do not.
#[test]
fn label_lines_name_speakers_only_in_their_shape() {
    let speakers = |label: &str, next: &str| -> Vec<(String, Option<String>)> {
        extract(&format!("Chile: Stop it\n\n{label}\n\n{next}\n"))
            .speakers
            .into_iter()
            .map(|s| (s.name, s.role))
            .collect()
    };
    let quote = "“Stop the raids now.”";
    let erika =
        |role: Option<&str>| vec![("Erika Guevara Rosas".to_owned(), role.map(str::to_owned))];
    assert_eq!(
        speakers("Americas Director, Erika Guevara Rosas:", quote),
        erika(Some("Americas Director"))
    );
    assert_eq!(
        speakers("Erika Guevara Rosas, Americas Director:", quote),
        erika(Some("Americas Director"))
    );
    assert_eq!(speakers("Erika Guevara Rosas:", quote), erika(None));
    for (label, next) in [
        // A bare name is a label only before a quote.
        ("Erika Guevara Rosas:", "The raids went on."),
        // Headings and contacts in the shape of a label.
        ("Notes to editors:", quote),
        ("Background, Erika Guevara Rosas:", quote),
        ("Media contact, Erika Guevara Rosas:", quote),
        ("Press office, Erika Guevara Rosas:", quote),
        // A label holds no colon or quote before its end, and is short.
        ("At 10:00, Erika Guevara Rosas:", quote),
        ("“Stop”, Erika Guevara Rosas:", quote),
        (
            "The Americas Director of the organisation in the region and in the world, who has spoken often before, Erika Guevara Rosas:",
            quote,
        ),
        // Not a label: no colon at the end.
        ("Americas Director, Erika Guevara Rosas", quote),
    ] {
        assert_eq!(speakers(label, next), [], "{label} / {next}");
    }
}
