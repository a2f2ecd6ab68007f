//! What the site's list pages show, through `press export` run in the process: a parent
//! topic's page and the topic index (`topics.toml`), the years, a statement named under one
//! topic twice.

use anyhow::{Context as _, Result};

use crate::Exit;
use crate::commands::in_process::{archive, press};

fn statement(date: &str, topics: &str) -> (String, String) {
    (
        format!(
            "statements/{}/{date}-s{}.md",
            &date[..4],
            date.replace('-', "")
        ),
        format!(
            "---\ntitle: \"On {date}\"\ndate: {date}\nspeaker: Ann\ntopics: [{topics}]\n---\nBody.\n"
        ),
    )
}

/// Exports an archive of `files` and returns a function reading the site's files.
fn export(
    files: &[(String, String)],
) -> Result<(tempfile::TempDir, impl Fn(&str) -> Result<String> + use<>)> {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = archive(&refs)?;
    let ran = press(dir.path(), &["export"]);
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let root = dir.path().join("site");
    Ok((dir, move |path: &str| {
        std::fs::read_to_string(root.join(path)).with_context(|| path.to_owned())
    }))
}

/// The text between `start` (included) and the next `end` (included) in `page`.
fn fragment<'p>(page: &'p str, start: &str, end: &str) -> &'p str {
    let Some(from) = page.find(start) else {
        return "";
    };
    let rest = &page[from..];
    rest.find(end).map_or(rest, |to| &rest[..to + end.len()])
}

/// The titles of the cards of a list page, in order.
fn cards(page: &str) -> Vec<&str> {
    page.split("class=\"card-title\"><a href=\"")
        .skip(1)
        .filter_map(|card| {
            let title = &card[card.find("\">")? + 2..];
            Some(&title[..title.find("</a>")?])
        })
        .collect()
}

const VOCABULARY: &str = "[[topic]]\nname = \"Policing\"\n\n[[topic]]\nname = \"Interpol\"\nparent = \"Policing\"\nsynonyms = [\"ICPO\", \"I.C.P.O.\"]\n\n[[topic]]\nname = \"Red notices\"\nparent = \"Interpol\"\n\n[[topic]]\nname = \"Diffusions\"\nparent = \"red notices\"\n";

#[test]
fn a_parent_topics_page_lists_counts_and_dates_its_descendants_statements_each_once() -> Result<()>
{
    let (_dir, site) = export(&[
        ("topics.toml".to_owned(), VOCABULARY.to_owned()),
        statement("2026-01-01", "ICPO"),
        statement("2026-01-02", "interpol, Torture"),
        statement("2026-01-03", "red notices"),
        statement("2026-01-04", "Diffusions, Interpol"),
        statement("2026-01-05", "Red notices"),
    ])?;
    let interpol = site("topics/interpol/index.html")?;
    let policing = site("topics/policing/index.html")?;
    let index = site("topics/index.html")?;
    // Each synonym's old address moves to the topic's page.
    assert_eq!(
        site("_redirects")?,
        "/topics/i-c-p-o/ /topics/interpol/ 301\n/topics/icpo/ /topics/interpol/ 301\n"
    );
    let seen = (
        cards(&interpol),
        fragment(&interpol, "<p class=\"lede\">", "</p>"),
        fragment(&policing, "<p class=\"lede\">", "</p>"),
        fragment(&index, "<ul class=\"cloud\">", "</ul>"),
        fragment(&index, "<ol class=\"group-list\">", "</ol>"),
    );
    assert_eq!(
        seen,
        (
            vec![
                "On 2026-01-05",
                "On 2026-01-04",
                "On 2026-01-03",
                "On 2026-01-02",
                "On 2026-01-01"
            ],
            // Counted and dated as listed: with the red notices below it.
            "<p class=\"lede\">\n  5 statements, 1 January 2026 to 5 January 2026.\n<a href=\"../../topics/interpol/feed.xml\">Feed of this topic</a>.</p>",
            "<p class=\"lede\">\n  5 statements, 1 January 2026 to 5 January 2026.\n<a href=\"../../topics/policing/feed.xml\">Feed of this topic</a>.</p>",
            // Alphabetical, weighted 1 to 5 on a log scale of the counts.
            "<ul class=\"cloud\">\n\
             <li class=\"w1\"><a href=\"../topics/diffusions/index.html\">Diffusions<span class=\"count\"> (1)</span></a></li>\
             <li class=\"w5\"><a href=\"../topics/interpol/index.html\">Interpol<span class=\"count\"> (5)</span></a></li>\
             <li class=\"w5\"><a href=\"../topics/policing/index.html\">Policing<span class=\"count\"> (5)</span></a></li>\
             <li class=\"w4\"><a href=\"../topics/red-notices/index.html\">Red notices<span class=\"count\"> (3)</span></a></li>\
             <li class=\"w1\"><a href=\"../topics/torture/index.html\">Torture<span class=\"count\"> (1)</span></a></li></ul>",
            // By count, then by name.
            "<ol class=\"group-list\">\n  \
             <li><a href=\"../topics/interpol/index.html\">Interpol</a> <span class=\"count\">5 statements</span></li>\n  \
             <li><a href=\"../topics/policing/index.html\">Policing</a> <span class=\"count\">5 statements</span></li>\n  \
             <li><a href=\"../topics/red-notices/index.html\">Red notices</a> <span class=\"count\">3 statements</span></li>\n  \
             <li><a href=\"../topics/diffusions/index.html\">Diffusions</a> <span class=\"count\">1 statement</span></li>\n  \
             <li><a href=\"../topics/torture/index.html\">Torture</a> <span class=\"count\">1 statement</span></li>\n</ol>",
        )
    );
    Ok(())
}

#[test]
fn the_years_newest_first_and_a_statement_naming_a_topic_or_a_speaker_twice_listed_once()
-> Result<()> {
    let (_dir, site) = export(&[
        ("press.toml".to_owned(), "per_page = 2\n".to_owned()),
        statement("2024-05-01", "Torture, torture"),
        statement("2025-05-01", "Torture"),
        statement("2025-06-01", "Torture"),
        statement("2026-01-01", "Women"),
        (
            "statements/2023/2023-05-01-two.md".to_owned(),
            "---\ntitle: Two\ndate: 2023-05-01\nspeaker: [\"Bo Ma\", \"BO MA\"]\ntopics: [Women]\n---\nBody.\n"
                .to_owned(),
        ),
        (
            "statements/2023/2023-04-01-one.md".to_owned(),
            "---\ntitle: One\ndate: 2023-04-01\nspeaker: Bo Ma\ntopics: [Women]\n---\nBody.\n"
                .to_owned(),
        ),
    ])?;
    let years = site("statements/index.html")?;
    let (y2025, y2024) = (
        site("statements/2025/index.html")?,
        site("statements/2024/index.html")?,
    );
    let (first, second) = (
        site("topics/torture/index.html")?,
        site("topics/torture/page/2/index.html")?,
    );
    let bo = site("speakers/bo-ma/index.html")?;
    // Only the first page of a list has the plain title and the chart.
    let pages = [&first, &second].map(|page| {
        (
            fragment(page, "<title>", "</title>"),
            page.contains("<figure class=\"chart-figure\">"),
        )
    });
    assert_eq!(
        pages,
        [
            ("<title>Torture · Press statements</title>", true),
            (
                "<title>Torture (page 2 of 2) · Press statements</title>",
                false
            ),
        ]
    );
    let seen = (
        fragment(&years, "<ol class=\"group-list years\">", "</ol>"),
        fragment(&y2025, "<p class=\"lede\">", "</p>"),
        fragment(&y2024, "<p class=\"lede\">", "</p>"),
        cards(&first),
        cards(&second),
        cards(&bo),
    );
    assert_eq!(
        seen,
        (
            "<ol class=\"group-list years\">\n  \
             <li><a href=\"../statements/2026/index.html\">2026</a> <span class=\"count\">1 statement</span></li>\n  \
             <li><a href=\"../statements/2025/index.html\">2025</a> <span class=\"count\">2 statements</span></li>\n  \
             <li><a href=\"../statements/2024/index.html\">2024</a> <span class=\"count\">1 statement</span></li>\n  \
             <li><a href=\"../statements/2023/index.html\">2023</a> <span class=\"count\">2 statements</span></li>\n</ol>",
            "<p class=\"lede\">\n  2 statements of 2025.\n</p>",
            "<p class=\"lede\">\n  1 statement of 2024.\n</p>",
            vec!["On 2025-06-01", "On 2025-05-01"],
            // The 2024 statement names Torture twice: it is listed once.
            vec!["On 2024-05-01"],
            // "Two" names Bo Ma twice, spelt two ways: Bo Ma's page lists it once, before the older "One".
            vec!["Two", "One"],
        )
    );
    Ok(())
}

/// The JSON-LD of a statement's page.
fn json_ld(page: &str) -> Result<serde_json::Value> {
    let start = "<script type=\"application/ld+json\">";
    let from = page.find(start).context("the JSON-LD")? + start.len();
    let to = from + page[from..].find("</script>").context("its end")?;
    Ok(serde_json::from_str(&page[from..to])?)
}

#[test]
fn json_ld_of_an_organisation_speaking_alone_and_of_a_page_without_a_base_url() -> Result<()> {
    let (_dir, site) = export(&[(
        "statements/2026/2026-02-01-x.md".to_owned(),
        "---\ntitle: X\ndate: 2026-02-01\nspeaker:\n  - organization: \"Amnesty International\"\n  - \"Omar Haddad\"\n  - {name: Ann, organization: \"X & Co\"}\ntopics: [Torture]\nsource: \"https://example.org/src\"\nsummary: \"Short.\"\n---\nBody.\n"
            .to_owned(),
    )])?;
    let page = site("statements/2026/x/index.html")?;
    assert_eq!(
        json_ld(&page)?,
        serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "X",
            "datePublished": "2026-02-01",
            "author": [
                {"@type": "Organization", "name": "Amnesty International"},
                {"@type": "Person", "name": "Omar Haddad"},
                {"@type": "Person", "name": "Ann", "worksFor": {"@type": "Organization", "name": "X & Co"}},
            ],
            "about": [{"@type": "Thing", "name": "Torture"}],
            "inLanguage": "en",
            "publisher": {"@type": "Organization", "name": "Amnesty International"},
            "description": "Short.",
            // No base URL: the statement's source is its address.
            "url": "https://example.org/src",
            "mainEntityOfPage": "https://example.org/src",
        })
    );
    assert!(
        page.contains("<meta name=\"citation_public_url\" content=\"https://example.org/src\">"),
        "{page}"
    );
    Ok(())
}

#[test]
fn each_speaker_page_shows_its_own_role_and_organisation_and_an_alias_redirects_to_it() -> Result<()>
{
    let (_dir, site) = export(&[
        (
            "speakers.toml".to_owned(),
            "[[person]]\nname = \"Ann Lee\"\naliases = [\"ANN LEE\", \"A. Lee\"]\n".to_owned(),
        ),
        (
            "statements/2026/2026-02-01-x.md".to_owned(),
            "---\ntitle: X\ndate: 2026-02-01\nspeaker:\n  - {name: Ann Lee, role: Director, organization: Org A}\n  - {name: Bo Ma, role: Researcher, organization: Org B}\ntopics: [Torture]\n---\nBody.\n"
                .to_owned(),
        ),
    ])?;
    let (ann, bo) = (
        site("speakers/ann-lee/index.html")?,
        site("speakers/bo-ma/index.html")?,
    );
    let head =
        |page: &str| fragment(page, "<main", "<section aria-label=\"Statements\"").to_owned();
    // Each speaker's page has their own role and organisation, and no chart.
    assert_eq!(
        [head(&ann), head(&bo)],
        [
            "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n<h1>Ann Lee</h1>\n<p class=\"lede\">\n\
             Director, Org A.  1 statement, 1 February 2026.\n</p>\n\
             <p class=\"aliases\">Also written: ANN LEE, A. Lee.</p>\n\
             <section aria-labelledby=\"roles\">\n<h2 id=\"roles\">Roles</h2>\n<ul class=\"roles\">\n  \
             <li>Director, Org A: <time datetime=\"2026-02-01\">2026-02-01</time> to <time datetime=\"2026-02-01\">2026-02-01</time></li>\n\
             </ul>\n</section>\n<section aria-label=\"Statements\"",
            "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n<h1>Bo Ma</h1>\n<p class=\"lede\">\n\
             Researcher, Org B.  1 statement, 1 February 2026.\n</p>\n\
             <section aria-labelledby=\"roles\">\n<h2 id=\"roles\">Roles</h2>\n<ul class=\"roles\">\n  \
             <li>Researcher, Org B: <time datetime=\"2026-02-01\">2026-02-01</time> to <time datetime=\"2026-02-01\">2026-02-01</time></li>\n\
             </ul>\n</section>\n<section aria-label=\"Statements\"",
        ]
    );
    // "A. Lee" redirects to Ann Lee's page; "ANN LEE", whose address is that page, does not.
    assert!(site("speakers/a-lee/index.html")?.contains(
        "<meta http-equiv=\"refresh\" content=\"0; url=../../speakers/ann-lee/index.html\">"
    ));
    assert_eq!(
        site("_redirects")?,
        "/speakers/a-lee/ /speakers/ann-lee/ 301\n"
    );
    Ok(())
}

#[test]
fn an_index_of_one_speaker_says_one_speaker() -> Result<()> {
    let (_dir, site) = export(&[statement("2026-02-01", "Torture")])?;
    assert_eq!(
        fragment(&site("speakers/index.html")?, "<p class=\"lede\">", "</p>"),
        "<p class=\"lede\">1 speaker.</p>"
    );
    assert_eq!(
        fragment(&site("topics/index.html")?, "<p class=\"lede\">", "</p>"),
        "<p class=\"lede\">1 topic.</p>"
    );
    Ok(())
}

#[test]
fn a_speaker_s_page_gives_the_role_and_organisation_of_their_newest_statement() -> Result<()> {
    let said = |date: &str, role: &str, organization: &str| {
        (
            format!("statements/{}/{date}-s{}.md", &date[..4], &date[..4]),
            format!(
                "---\ntitle: \"On {date}\"\ndate: {date}\nspeaker: {{name: Ann Lee, role: {role}, organization: {organization}}}\ntopics: [Torture]\n---\nBody.\n"
            ),
        )
    };
    let (_dir, site) = export(&[
        said("2025-03-01", "Researcher", "Org A"),
        said("2026-03-01", "Director", "Org B"),
        said("2024-03-01", "Intern", "Org C"),
    ])?;
    assert_eq!(
        fragment(
            &site("speakers/ann-lee/index.html")?,
            "<p class=\"lede\">",
            "</p>"
        ),
        "<p class=\"lede\">\nDirector, Org B.  3 statements, 1 March 2024 to 1 March 2026.\n</p>"
    );
    Ok(())
}

#[test]
fn statements_corrected_on_one_day_are_listed_newest_statement_first() -> Result<()> {
    let corrected = |date: &str, title: &str| {
        (
            format!("statements/2026/{date}-{}.md", title.to_lowercase()),
            format!(
                "---\ntitle: \"{title}\"\ndate: {date}\nspeaker: Ann\ntopics: [t]\n\
                 corrections:\n  - {{date: 2026-03-05, note: \"{title} fixed.\"}}\n---\nBody.\n"
            ),
        )
    };
    let (_dir, site) = export(&[
        corrected("2026-01-10", "Older"),
        corrected("2026-01-20", "Newer"),
        corrected("2026-01-15", "Middle"),
    ])?;
    let page = site("corrections/index.html")?;
    let notes: Vec<&str> = ["Newer fixed.", "Middle fixed.", "Older fixed."]
        .into_iter()
        .filter(|note| page.contains(note))
        .collect();
    assert_eq!(notes.len(), 3, "{page}");
    let at = |note: &str| page.find(note).unwrap_or(usize::MAX);
    assert!(
        at("Newer fixed.") < at("Middle fixed.") && at("Middle fixed.") < at("Older fixed."),
        "{page}"
    );
    let feed = site("corrections/feed.xml")?;
    let titles: Vec<&str> = feed
        .split("<title>")
        .skip(2)
        .filter_map(|t| t.split("</title>").next())
        .collect();
    assert_eq!(
        titles,
        ["Corrected: Newer", "Corrected: Middle", "Corrected: Older"],
        "{feed}"
    );
    Ok(())
}

#[test]
fn a_themes_card_showing_roles_follows_a_changed_role_on_the_next_export() -> Result<()> {
    let macros = include_str!("../../../templates/macros.html").replace(
        "<p class=\"summary\">",
        "{% for p in s.speakers %}<span class=\"card-role\">{{ p.role }}</span>{% endfor %}<p class=\"summary\">",
    );
    let text = |role: &str| {
        format!(
            "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker: {{name: Ann Lee, role: {role}}}\ntopics: [t]\n---\nBody.\n"
        )
    };
    let path = "statements/2026/2026-01-27-t.md";
    let first = text("Director");
    let dir = archive(&[("templates/macros.html", &macros), (path, &first)])?;
    let ran = press(dir.path(), &["export"]);
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let index = || std::fs::read_to_string(dir.path().join("site/index.html"));
    assert!(index()?.contains("<span class=\"card-role\">Director</span>"));
    std::fs::write(dir.path().join(path), text("Senior Director"))?;
    let ran = press(dir.path(), &["export"]);
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let index = index()?;
    assert!(
        index.contains("<span class=\"card-role\">Senior Director</span>"),
        "{index}"
    );
    Ok(())
}

#[test]
fn an_organisation_speaking_alone_is_named_once_on_its_statements_page() -> Result<()> {
    let (_dir, site) = export(&[(
        "statements/2026/2026-01-27-t.md".to_owned(),
        "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker: {organization: \"Oxfam International\"}\ntopics: [t]\n---\nBody.\n"
            .to_owned(),
    )])?;
    let page = site("statements/2026/t/index.html")?;
    let speakers = fragment(&page, "<ul class=\"speakers\"", "</ul>");
    assert!(
        speakers.contains(
            "<li><a href=\"../../../speakers/oxfam-international/index.html\">Oxfam International</a></li>"
        ),
        "{speakers}"
    );
    assert!(!speakers.contains("class=\"org\""), "{speakers}");
    Ok(())
}

#[test]
fn without_a_base_url_the_corrections_feed_links_up_from_its_folder() -> Result<()> {
    let (_dir, site) = export(&[(
        "statements/2026/2026-01-27-t.md".to_owned(),
        "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker: Ann\ntopics: [t]\n\
         corrections:\n  - {date: 2026-03-05, note: Fixed.}\n---\nBody.\n"
            .to_owned(),
    )])?;
    let feed = site("corrections/feed.xml")?;
    assert!(
        feed.contains(
            "<link rel=\"alternate\" type=\"text/html\" href=\"../statements/2026/t/index.html\"/>"
        ),
        "{feed}"
    );
    Ok(())
}

#[test]
fn with_a_base_url_the_404_page_links_to_the_site_from_any_depth() -> Result<()> {
    let (_dir, site) = export(&[
        (
            "press.toml".to_owned(),
            "base_url = \"https://example.org/press/\"\n".to_owned(),
        ),
        statement("2026-01-01", "t"),
    ])?;
    let page = site("404.html")?;
    assert!(
        page.contains("<link rel=\"stylesheet\" href=\"https://example.org/press/style.css\">"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"https://example.org/press/search/index.html\">search</a>"),
        "{page}"
    );
    Ok(())
}
