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
        "DATE        SPEAKER          QUOTE                                           STATEMENT\n\
         2002-05-14  Patricia Hewitt  Small businesses are the key to future growth,  more-businesses\n"
    );
}
