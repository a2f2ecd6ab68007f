//! Quotes and their speakers, on bodies written in the styles of real releases.

use anyhow::{Context as _, Result};

use super::*;

/// A quote as the tests compare it: speaker, how attributed, the first words.
type Seen = (Option<String>, Option<&'static str>, String);

/// The quotes of a statement with these speakers (front matter) and body, as
/// (speaker, attributed, first words of the text).
fn quotes_of(speakers: &str, body: &str) -> Result<Vec<Seen>> {
    let text = format!(
        "---\ntitle: \"T\"\ndate: 2026-01-27\nspeaker: {speakers}\ntopics: [a]\n---\n{body}\n"
    );
    let parsed = crate::statement::parse("statements/2026/2026-01-27-t.md", text.as_bytes());
    let statement = parsed
        .statement
        .with_context(|| format!("parses: {:?}", parsed.diagnostics))?;
    Ok(quotes(&statement)
        .into_iter()
        .map(|q| {
            let start: String = q
                .text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            (q.speaker, q.attributed.map(Attribution::as_str), start)
        })
        .collect())
}

fn said(who: &str, how: &'static str, start: &str) -> Seen {
    (Some(who.to_owned()), Some(how), start.to_owned())
}

#[test]
fn an_intro_attributes_a_quotation_over_several_paragraphs() -> Result<()> {
    let body = "Reacting to the reports, Jane Roe, Director at Foo Watch, said:\n\n\
        “The reports are deeply concerning.\n\n\
        “They must be investigated.”\n\n\
        Foo Watch has documented such cases since 2019.";
    assert_eq!(
        quotes_of("[\"Jane Roe\", \"John Smith\"]", body)?,
        [said("Jane Roe", "text", "The reports are")]
    );
    Ok(())
}

#[test]
fn quote_first_sign_off_label_and_pronoun() -> Result<()> {
    let body = "\"We will not stop,\" said Ali Khan, spokesperson for Bar Rights. \"Never.\"\n\n\
        “The hearing was a farce from the start.”\n\n\
        – Maria Lopez, Counsel at Baz Institute\n\n\
        Americas Director, Erika Guevara Rosas:\n\n\
        South America\n\n\
        « Les autorités doivent agir « sans délai » maintenant », a-t-elle dit.\n\n\
        The report was published on Monday.\n\n\
        “Another line in the report here,” Ali Khan, spokesperson for Bar Rights, said.\n\n\
        “And a second one too,” he added.\n\n\
        “A quote nobody is named for.”";
    assert_eq!(
        quotes_of(
            "[\"Ali Khan\", \"Maria Lopez\", \"Erika Guevara Rosas\"]",
            body
        )?,
        [
            said("Ali Khan", "text", "We will not"),
            said("Maria Lopez", "text", "The hearing was"),
            said("Erika Guevara Rosas", "text", "Les autorités doivent"),
            said("Ali Khan", "text", "Another line in"),
            said("Ali Khan", "text", "And a second"),
            (None, None, "A quote nobody".to_owned()),
        ]
    );
    Ok(())
}

#[test]
fn an_unattributed_quote_goes_to_the_only_speaker() -> Result<()> {
    let body = "The council met today.\n\n“We welcome the decision of the court today.”";
    assert_eq!(
        quotes_of("{organization: \"Foo Council\"}", body)?,
        [(
            Some("Foo Council".to_owned()),
            Some("sole speaker"),
            "We welcome the".to_owned()
        )]
    );
    Ok(())
}

#[test]
fn a_first_name_is_the_statements_speaker_and_a_colon_intro_ends_at_prose() -> Result<()> {
    let body = "‘See it? Report it!’ is the message from Andrew Dunn, the newly-appointed Rural Crime Manager.\n\n\
        Andrew said: “Gathering intelligence is a vital part of it.\n\n\
        “Please don’t wait to make the call.”\n\n\
        It is now even easier for people to tell police.\n\n\
        “Report anything you see at once.”";
    assert_eq!(
        quotes_of("[\"Andrew Dunn\", \"Jane Roe\"]", body)?,
        [
            said("Andrew Dunn", "text", "Gathering intelligence is"),
            (None, None, "Report anything you".to_owned()),
        ]
    );
    Ok(())
}

#[test]
fn pronoun_pattern_compiles() {
    assert!(PRONOUN.is_match("she said."));
    assert!(!PRONOUN.is_match("the shed said nothing"));
}

/// Two quotes in one paragraph, each followed by its speaker: the second is John Smith's, the
/// name after it, not Jane Roe's, named before it (after the first quote).
#[test]
fn a_name_after_a_quote_wins_over_a_name_before_it() -> Result<()> {
    for body in [
        "“The ruling is late,” said Jane Roe. “It must be undone,” said John Smith.",
        "“The ruling is late,” Jane Roe said. “It must be undone,” John Smith said.",
    ] {
        assert_eq!(
            quotes_of("[\"Jane Roe\", \"John Smith\"]", body)?,
            [
                said("Jane Roe", "text", "The ruling is"),
                said("John Smith", "text", "It must be"),
            ],
            "{body}"
        );
    }
    Ok(())
}

/// "they said" after a quote gives it to the speaker of the quote before, as "he said" does.
#[test]
fn they_said_goes_to_the_speaker_named_before() -> Result<()> {
    let body = "“The ruling is late,” said Jane Roe.\n\n“It must be undone,” they said.";
    assert_eq!(
        quotes_of("[\"Jane Roe\", \"John Smith\"]", body)?,
        [
            said("Jane Roe", "text", "The ruling is"),
            said("Jane Roe", "text", "It must be"),
        ]
    );
    Ok(())
}
