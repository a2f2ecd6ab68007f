//! `press quotes`: every quoted passage with its speaker, on the bundled statement and on small
//! statements written in the styles of real releases (labels, intros over several paragraphs,
//! quote-first, sign-offs, first names, straight quotes, guillemets).

use serde_json::{Value, json};

use crate::support::{Archive, press};

/// The bundled statement, as shipped in the repository's `statements/`.
const BUNDLED: &str = "statements/2026/2026-01-27-global-interpol-red-notices.md";

fn bundled() -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BUNDLED))
        .expect("the bundled statement")
}

/// A statement file with these speakers (YAML) and body.
fn statement(title: &str, date: &str, speakers: &str, topics: &str, body: &str) -> String {
    format!(
        "---\ntitle: \"{title}\"\ndate: {date}\nspeaker: {speakers}\ntopics: {topics}\n---\n{body}\n"
    )
}

/// Regional directors, each under a label, one under a heading (an annual report's comments).
const LABELS: &str = "Amnesty International experts comment on key human rights issues.\n\n\
The Americas\n\n\
Americas Director, Erika Guevara Rosas:\n\n\
“The Americas face a toxic mix of entrenched discrimination and violence.”\n\n\
East Asia Director, Nicholas Bequelin:\n\n\
“The trend among East Asian governments has been towards less transparency.”\n\n\
South and South-East Asia Director, Champa Patel:\n\n\
South Asia\n\n\
“The human rights situation remains bleak in South Asia.”";

/// A chancellor's intro over two paragraphs, the second without its opening mark; a second
/// minister quoted first; the so-called term in quotes is not a quote.
const MINISTERS: &str = "New funds opened for business today, the so-called “Bridges” funds.\n\n\
Speaking at a breakfast event co-hosted by Trade and Industry Secretary Patricia Hewitt, Chancellor Gordon Brown said:\n\n\
“Britain needs an economy that must work for all of the people.\n\n\
The key to neighbourhood renewal is not more benefit offices but more businesses”.\n\n\
\"Small businesses are the key to future growth,\" said Patricia Hewitt, Trade and Industry Secretary.";

/// A force's campaign: a first name after the full name, a pronoun, a sign-off, guillemets
/// (with a French attribution the English rules do not read) and a quote the text leaves
/// unattributed.
const POLICE: &str = "The campaign is led by Andrew Dunn, the Rural Crime Manager of the Force.\n\n\
Andrew said: “Gathering intelligence is a vital part of investigating crime.\n\n\
“Please don’t wait to make the call.”\n\n\
If you believe it is a crime in progress, please always dial 999.\n\n\
“We are building links between communities,” he added.\n\n\
« Nous avons « besoin » de vous tous », dit-il.\n\n\
“Tell us what you see, however small it seems.”\n\n\
— Jane Roe, Chief Constable of Foo Police\n\n\
“Rural crime has a massive impact on communities.”";

fn archive() -> Archive {
    Archive::empty()
        .file(BUNDLED, bundled())
        .file(
            "statements/2016/2016-02-24-regional-directors.md",
            statement(
                "Regional directors comment",
                "2016-02-24",
                "[\"Erika Guevara Rosas\", \"Nicholas Bequelin\", \"Champa Patel\"]",
                "[\"annual report\"]",
                LABELS,
            ),
        )
        .file(
            "statements/2002/2002-05-14-more-businesses.md",
            statement(
                "More businesses, not benefit offices",
                "2002-05-14",
                "[\"Gordon Brown\", \"Patricia Hewitt\"]",
                "[\"enterprise\"]",
                MINISTERS,
            ),
        )
        .file(
            "statements/2024/2024-03-01-report-it.md",
            statement(
                "See it? Report it",
                "2024-03-01",
                "{name: \"Andrew Dunn\", organization: \"Thames Valley Police\"}",
                "[\"rural crime\"]",
                POLICE,
            ),
        )
}

/// A listed quote: (speaker, attributed, text, slug, line).
type Listed = (Value, Value, String, String, u64);

/// (speaker, attributed, text, slug, line) of each quote `press quotes ARGS --format json` lists.
fn listed(archive: &Archive, args: &[&str]) -> Vec<Listed> {
    let mut all = vec!["quotes", "--format", "json"];
    all.extend_from_slice(args);
    let run = press(archive, &all);
    run.code(0);
    let records: Vec<Value> = serde_json::from_slice(&run.stdout).expect("a JSON array");
    records
        .iter()
        .map(|r| {
            (
                r["speaker"].clone(),
                r["attributed"].clone(),
                r["text"].as_str().expect("text").to_owned(),
                r["slug"].as_str().expect("slug").to_owned(),
                r["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

fn quote(speaker: Value, how: Value, text: &str, slug: &str, line: u64) -> Listed {
    (speaker, how, text.to_owned(), slug.to_owned(), line)
}

#[test]
fn every_quote_is_listed_with_its_speaker_newest_first() {
    let archive = archive();
    let red = "global-interpol-red-notices";
    let bundled = String::from_utf8(bundled()).expect("UTF-8");
    let body = bundled
        .split("\n“")
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n\n");
    let body = body.trim_end().trim_end_matches('”');
    let text = |who: &str| json!(who);
    assert_eq!(
        listed(&archive, &[]),
        [
            quote(
                text("Erika Guevara Rosas"),
                json!("text"),
                &body.replace("\n\n\n", "\n\n"),
                red,
                19
            ),
            quote(
                text("Andrew Dunn"),
                json!("text"),
                "Gathering intelligence is a vital part of investigating crime.\n\nPlease don’t wait to make the call.",
                "report-it",
                9
            ),
            quote(
                text("Andrew Dunn"),
                json!("text"),
                "We are building links between communities,",
                "report-it",
                15
            ),
            quote(
                text("Andrew Dunn"),
                json!("sole speaker"),
                "Nous avons « besoin » de vous tous",
                "report-it",
                17
            ),
            quote(
                text("Jane Roe"),
                json!("text"),
                "Tell us what you see, however small it seems.",
                "report-it",
                19
            ),
            quote(
                text("Andrew Dunn"),
                json!("sole speaker"),
                "Rural crime has a massive impact on communities.",
                "report-it",
                23
            ),
            quote(
                text("Erika Guevara Rosas"),
                json!("text"),
                "The Americas face a toxic mix of entrenched discrimination and violence.",
                "regional-directors",
                13
            ),
            quote(
                text("Nicholas Bequelin"),
                json!("text"),
                "The trend among East Asian governments has been towards less transparency.",
                "regional-directors",
                17
            ),
            quote(
                text("Champa Patel"),
                json!("text"),
                "The human rights situation remains bleak in South Asia.",
                "regional-directors",
                23
            ),
            quote(
                text("Gordon Brown"),
                json!("text"),
                "Britain needs an economy that must work for all of the people.\n\nThe key to neighbourhood renewal is not more benefit offices but more businesses",
                "more-businesses",
                11
            ),
            quote(
                text("Patricia Hewitt"),
                json!("text"),
                "Small businesses are the key to future growth,",
                "more-businesses",
                15
            ),
        ]
    );
}

#[test]
fn filters_select_quotes_by_speaker_topic_words_and_dates() {
    let archive = archive();
    let speakers = |args: &[&str]| -> Vec<String> {
        listed(&archive, args)
            .into_iter()
            .map(|(speaker, ..)| speaker.as_str().unwrap_or("null").to_owned())
            .collect()
    };
    assert_eq!(
        speakers(&["--speaker", "erika"]),
        ["Erika Guevara Rosas", "Erika Guevara Rosas"]
    );
    assert_eq!(speakers(&["--speaker", "HEWITT"]), ["Patricia Hewitt"]);
    assert_eq!(
        speakers(&["--topic", "Rural Crime", "--speaker", "roe"]),
        ["Jane Roe"]
    );
    assert_eq!(speakers(&["--text", "toxic"]), ["Erika Guevara Rosas"]);
    assert_eq!(
        speakers(&["--text", "communit"]),
        ["Andrew Dunn", "Andrew Dunn"]
    );
    assert_eq!(
        speakers(&["--since", "2016", "--until", "2024-02"]),
        ["Erika Guevara Rosas", "Nicholas Bequelin", "Champa Patel"]
    );
    let run = press(&archive, &["quotes", "--since", "2026-02-30"]);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: invalid --since: \"2026-02-30\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD\n"
    );
    assert_eq!(run.out(), "");
}

#[test]
fn a_quote_without_attribution_and_several_speakers_has_none() {
    let archive = Archive::empty().file(
        "statements/2026/2026-02-01-joint.md",
        statement(
            "Joint statement",
            "2026-02-01",
            "[\"Jane Roe\", \"John Smith\"]",
            "[a]",
            "The groups met today.\n\n\"We call on all parties to talk.\"",
        ),
    );
    let run = press(&archive, &["quotes", "--format", "csv"]);
    run.code(0);
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "date,speaker,attributed,quote,slug,title,path,line\n\
         2026-02-01,,,We call on all parties to talk.,joint,Joint statement,statements/2026/2026-02-01-joint.md,9\n"
    );
    let run = press(&archive, &["quotes", "--format", "json"]);
    let records: Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(records[0]["speaker"], Value::Null);
    assert_eq!(records[0]["attributed"], Value::Null);
}

#[test]
fn the_table_has_one_row_per_quote() {
    let run = press(&archive(), &["quotes", "--speaker", "hewitt"]);
    run.code(0);
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "DATE        SPEAKER          STATEMENT        QUOTE\n\
         2002-05-14  Patricia Hewitt  more-businesses  Small businesses are the key to future growth,\n"
    );
}

/// Jane Roe's quotes in two statements: one over two paragraphs with markup in it, one beside
/// John Smith's (in a statement with a summary: its card does not show its body).
fn speakers_archive() -> Archive {
    Archive::empty()
        .file(
            "statements/2026/2026-03-01-new.md",
            statement(
                "New statement",
                "2026-03-01",
                "\"Jane Roe\"",
                "[a]",
                "Jane Roe said:\n\n“First part of it, in full.\n\n“Then <script>alert(1)</script> & more.”",
            ),
        )
        .file(
            "statements/2025/2025-01-10-old.md",
            statement(
                "Old <b>statement</b>",
                "2025-01-10",
                "[\"Jane Roe\", \"John Smith\"]",
                "[a]\nsummary: \"Old news.\"",
                "“An older quote from her,” said Jane Roe.\n\n“A quote from him here,” said John Smith.",
            ),
        )
}

/// The quotes section of an exported speaker page.
fn quotes_section(archive: &Archive, speaker: &str) -> String {
    let page = archive.read(&format!("site/speakers/{speaker}/index.html"));
    let start = page
        .find("<section class=\"quotes\"")
        .unwrap_or_else(|| panic!("{speaker}'s page lists quotes:\n{page}"));
    let end = start + page[start..].find("</section>").expect("the section ends") + 10;
    page[start..end].to_owned()
}

/// One quote of a speaker page's list.
fn listed_quote(paragraphs: &str, url: &str, title: &str, date: &str, shown: &str) -> String {
    format!(
        "    <li>\n      <blockquote>{paragraphs}</blockquote>\n      <p class=\"meta\"><a href=\"../../{url}\">{title}</a>, <time datetime=\"{date}\">{shown}</time></p>\n    </li>\n"
    )
}

/// The quotes section of a speaker page listing these quotes.
fn section_of(items: &[String]) -> String {
    format!(
        "<section class=\"quotes\" aria-labelledby=\"quotes-heading\">\n  <h2 id=\"quotes-heading\">Quotes</h2>\n  <ol class=\"quote-list\">\n{}  </ol>\n</section>",
        items.concat()
    )
}

#[test]
fn speaker_pages_list_their_quotes_newest_first_escaped_with_links() {
    let archive = speakers_archive();
    press(&archive, &["export"]).code(0);
    let new = listed_quote(
        "<p>First part of it, in full.</p><p>Then &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</p>",
        "statements/2026/new/index.html",
        "New statement",
        "2026-03-01",
        "1 March 2026",
    );
    let old = |text: &str| {
        listed_quote(
            &format!("<p>{text}</p>"),
            "statements/2025/old/index.html",
            "Old &lt;b&gt;statement&lt;/b&gt;",
            "2025-01-10",
            "10 January 2025",
        )
    };
    assert_eq!(
        quotes_section(&archive, "jane-roe"),
        section_of(&[new.clone(), old("An older quote from her,")])
    );
    assert_eq!(
        quotes_section(&archive, "john-smith"),
        section_of(&[old("A quote from him here,")])
    );
    // A changed body changes the speaker pages of the next (incremental) export, though no
    // card changes.
    let path = "statements/2025/2025-01-10-old.md";
    let text = archive
        .read(path)
        .replace("An older quote", "A corrected quote");
    std::fs::write(archive.path().join(path), text).expect("rewrite the statement");
    press(&archive, &["export"]).code(0);
    assert_eq!(
        quotes_section(&archive, "jane-roe"),
        section_of(&[new, old("A corrected quote from her,")])
    );
}

/// `press quotes ARGS`'s standard output.
fn output(archive: &Archive, args: &[&str]) -> String {
    let run = press(archive, args);
    run.code(0);
    String::from_utf8(run.stdout).expect("UTF-8")
}

#[test]
fn the_cache_gives_what_parsing_gives() {
    let archive = Archive::empty();
    press::generate::write_archive(archive.path(), 300, 1).expect("generate");
    for args in [
        &["quotes", "--format", "json"][..],
        &["quotes", "--format", "csv", "--speaker", "ortega"],
        &["quotes", "--format", "csv", "--text", "shocking escalation"],
    ] {
        let parsed = output(&archive, &[&["--no-cache"], args].concat());
        // Some dozens of quotes.
        assert!(parsed.len() > 5_000, "{args:?} lists quotes: {parsed}");
        // A cache without who said what (`list` wrote it), then one with it, cold and warm.
        std::fs::remove_dir_all(archive.path().join(".press")).ok();
        output(&archive, &["list"]);
        assert_eq!(output(&archive, args), parsed, "{args:?}, after list");
        assert_eq!(output(&archive, args), parsed, "{args:?}, warm");
        std::fs::remove_dir_all(archive.path().join(".press")).expect("a cache");
        assert_eq!(output(&archive, args), parsed, "{args:?}, cold");
    }
}

/// Runs `press ARGS` on a pseudo-terminal this many columns wide and returns its lines.
fn on_terminal(archive: &Archive, columns: &str, args: &[&str]) -> Vec<String> {
    let mut command = archive.press();
    command.env("COLUMNS", columns).args(args);
    let mut session = expectrl::Session::spawn(command).expect("spawn on a pty");
    session.set_expect_timeout(Some(crate::support::WATCHDOG));
    let found = session.expect(expectrl::Eof).expect("press ends");
    let mut bytes = found.before().to_vec();
    for matched in found.matches() {
        bytes.extend_from_slice(matched);
    }
    let text = String::from_utf8(bytes).expect("UTF-8");
    text.lines()
        .map(|l| l.trim_end_matches('\r').to_owned())
        .collect()
}

#[test]
fn the_table_fits_the_terminal() {
    // Sixty columns: each quote on one line, cut.
    assert_eq!(
        on_terminal(&archive(), "60", &["quotes", "--speaker", "andrew"]),
        [
            "DATE        SPEAKER      STATEMENT  QUOTE",
            "2024-03-01  Andrew Dunn  report-it  Gathering intelligence…",
            "2024-03-01  Andrew Dunn  report-it  We are building links…",
            "2024-03-01  Andrew Dunn  report-it  Nous avons « besoin » d…",
            "2024-03-01  Andrew Dunn  report-it  Rural crime has a…",
        ]
    );
}

#[test]
fn a_speaker_page_lists_the_newest_twenty_quotes() {
    let body: Vec<String> = (1..=21)
        .map(|n| format!("“Quote number {n} of them,” said Jane Roe."))
        .collect();
    let archive = Archive::empty().file(
        "statements/2026/2026-03-01-many.md",
        statement(
            "Many",
            "2026-03-01",
            "\"Jane Roe\"",
            "[a]",
            &body.join("\n\n"),
        ),
    );
    press(&archive, &["export"]).code(0);
    let section = quotes_section(&archive, "jane-roe");
    assert!(
        section.contains("<p>The 20 newest of 21 quotes.</p>"),
        "{section}"
    );
    let quotes: Vec<&str> = section
        .split("<blockquote><p>")
        .skip(1)
        .map(|q| q.split("</p>").next().unwrap_or_default())
        .collect();
    let expected: Vec<String> = (1..=20)
        .map(|n| format!("Quote number {n} of them,"))
        .collect();
    assert_eq!(quotes, expected);
}
