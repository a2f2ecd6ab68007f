//! Attribution shapes the first tests left open, found by mutation testing (bench/mutants):
//! each test asserts what an import reads from realistic release text.

use super::*;

pub(super) fn speaker(name: &str, role: Option<&str>, org: Option<&str>) -> ExtractedSpeaker {
    ExtractedSpeaker {
        name: name.to_owned(),
        role: role.map(str::to_owned),
        organization: org.map(str::to_owned),
    }
}

/// What `find` reads in `lines`, numbered from 1.
pub(super) fn found(lines: &[&str]) -> Found {
    let numbered: Vec<(usize, &str)> = (1..).zip(lines.iter().copied()).collect();
    find(&numbered, None, None)
}

#[test]
fn each_attribution_is_placed_where_it_names_its_speaker() {
    let line = "The court ruled today. Jane Roe, director at Foo Watch, and John Smith, counsel at Bar Institute, said:";
    let found = found(&["Nothing yet.", line]);
    let at = |name: &str| line.find(name).unwrap();
    assert_eq!(
        found.attributions,
        [
            Attributed {
                line: 2,
                at: at("Jane Roe"),
                speaker: 0
            },
            Attributed {
                line: 2,
                at: at("John Smith"),
                speaker: 1
            },
        ]
    );
}

#[test]
fn each_of_several_speakers_after_the_verb_is_placed_where_it_is_named() {
    let line = "“Act now,” said the experts, Ana Ruiz, Special Rapporteur on housing, and Li Wei.";
    let found = found(&[line]);
    let at = |name: &str| line.find(name).unwrap();
    assert_eq!(
        found.attributions,
        [
            Attributed {
                line: 1,
                at: at("Ana Ruiz"),
                speaker: 0
            },
            Attributed {
                line: 1,
                at: at("Li Wei"),
                speaker: 1
            },
        ]
    );
}

#[test]
fn a_name_after_its_title_or_honorific_starts_a_coordinated_subject() {
    assert_eq!(
        found(&["Foo Watch’s director Jane Roe and John Smith, counsel at Bar Institute, said:"])
            .speakers,
        [
            speaker("Jane Roe", Some("director"), Some("Foo Watch")),
            speaker("John Smith", Some("counsel"), Some("Bar Institute")),
        ]
    );
    assert_eq!(
        found(&["Dr Jane Roe and John Smith, counsel at Bar Institute, said:"]).speakers,
        [
            speaker("Jane Roe", None, None),
            speaker("John Smith", Some("counsel"), Some("Bar Institute")),
        ]
    );
}

#[test]
fn a_clause_with_its_own_verb_before_the_name_is_not_a_title() {
    assert_eq!(
        found(&["As the UN Secretary General warned last week, Jane Roe said: “Time is short.”"])
            .speakers,
        [speaker("Jane Roe", None, None)]
    );
}

#[test]
fn people_near_whom_a_quote_is_said_are_not_its_speakers() {
    assert!(
        found(&["“We are not afraid,” said residents gathered near Mayor Ana Ruiz."])
            .speakers
            .is_empty()
    );
}

#[test]
fn a_label_is_a_short_line() {
    // Fourteen words: a label.
    assert_eq!(
        found(&[
            "Deputy Asia Director for Research and Advocacy at the Foo Watch Programme, Jane Roe:",
            "“We will not stop.”",
        ])
        .speakers,
        [speaker(
            "Jane Roe",
            Some("Deputy Asia Director for Research and Advocacy"),
            Some("Foo Watch Programme")
        )]
    );
    // A sentence that introduces a list names no speaker.
    assert!(
        found(&[
            "Jane Roe, Director of Foo Watch, lists the three demands of the families of the disappeared in her letter:",
            "- the truth about where they are",
        ])
        .speakers
        .is_empty()
    );
}

#[test]
fn a_standfirst_names_the_speaker_before_the_quotes_only() {
    assert_eq!(
        found(&[
            "Statement by Jane Roe, Director of Foo Watch",
            "“We will not stop.”"
        ])
        .speakers,
        [speaker("Jane Roe", Some("Director"), Some("Foo Watch"))]
    );
    assert_eq!(
        found(&[
            "Ali Khan said: “We will not stop.”",
            "The full statement by Jane Roe, Director of Foo Watch, is online.",
        ])
        .speakers,
        [speaker("Ali Khan", None, None)]
    );
    // Thirty words: still a standfirst.
    assert_eq!(
        found(&[
            "Statement by Jane Roe, Director of Foo Watch, on the first anniversary of the arrest of the eleven journalists held without charge in the capital since the protests of spring",
            "“We will not stop.”",
        ])
        .speakers,
        [speaker("Jane Roe", Some("Director"), Some("Foo Watch"))]
    );
    // A paragraph, not a standfirst: more than thirty words.
    assert!(
        found(&[
            "A statement by Jane Roe, Director of Foo Watch, was read out at the rally in front of parliament on Monday evening by her deputy, as she has been detained in the capital since March."
        ])
        .speakers
        .is_empty()
    );
}

#[test]
fn the_feeds_organisation_is_placed_after_the_last_line() {
    let found = find(
        &[
            (3, "Jane Roe, director, said: “We will not stop.”"),
            (5, "“Never,” she added."),
        ],
        None,
        Some("Foo Watch"),
    );
    assert_eq!(
        found.issuer,
        Some((
            "Foo Watch".to_owned(),
            Origin {
                line: 6,
                text: "The post … appeared first on Foo Watch.".to_owned()
            }
        ))
    );
    assert_eq!(
        found.origins[0].guess.as_deref(),
        Some(
            "organisation: not written next to the name; the organisation that issues the statement (line 6)"
        )
    );
}

#[test]
fn a_person_line_not_after_a_quote_is_not_a_sign_off() {
    assert!(
        found(&[
            "Notes to editors:",
            "Ana Ruiz, Director of Foo Watch, is available for interview.",
        ])
        .speakers
        .is_empty()
    );
}

#[test]
fn a_one_word_issuer_is_an_acronym_or_a_known_name() {
    let issuer = |line: &str| shapes::issuer_in(line).map(|(org, _)| org);
    assert_eq!(
        issuer("Oxfam said today the deal fails the poorest.").as_deref(),
        Some("Oxfam")
    );
    assert_eq!(issuer("The Government said today it would appeal."), None);
}

#[test]
fn sign_offs_are_placed_where_they_name_the_speaker() {
    let quote = "“This is a victory for the families.”";
    let glued = format!("{quote}Jane Roe, Director of Foo Watch");
    let found = found(&["Foo Watch welcomed the ruling.", &glued]);
    assert_eq!(
        found.speakers,
        [speaker("Jane Roe", Some("Director"), Some("Foo Watch"))]
    );
    assert_eq!(
        found.attributions,
        [Attributed {
            line: 2,
            at: quote.len(),
            speaker: 0
        }]
    );
    let found = self::found(&[
        "“We welcome the rules.”",
        "—Ana Ruiz, chief executive of the Foo Council",
    ]);
    assert_eq!(
        found.attributions,
        [Attributed {
            line: 2,
            at: "—".len(),
            speaker: 0
        }]
    );
}

#[test]
fn a_sign_off_is_at_most_sixteen_words() {
    let quote = "“We welcome the rules.”";
    assert_eq!(
        found(&[
            quote,
            "- Jane Roe, Deputy Director for Research and Advocacy in East Africa at the Foo Watch International",
        ])
        .speakers,
        [speaker(
            "Jane Roe",
            Some("Deputy Director for Research and Advocacy in East Africa"),
            Some("Foo Watch International")
        )]
    );
    // A bullet of the notes to editors, not a sign-off.
    assert!(
        found(&[
            quote,
            "- Jane Roe, Director of Foo Watch, is available for interviews in English and French on request until Friday.",
        ])
        .speakers
        .is_empty()
    );
}

#[test]
fn a_sign_off_follows_the_nearest_line_that_ends_a_quote() {
    assert_eq!(
        found(&[
            "Foo Watch welcomed the ruling today.",
            "“This is a victory for the families.”",
            "Jane Roe, Director of Foo Watch",
        ])
        .speakers,
        [speaker("Jane Roe", Some("Director"), Some("Foo Watch"))]
    );
}

#[test]
fn a_label_s_role_keeps_its_own_of_and_ends_at_the_organisation_after_the_comma() {
    assert_eq!(
        found(&[
            "Jane Roe, Director of Research, Foo Watch:",
            "“We will not stop.”"
        ])
        .speakers,
        [speaker(
            "Jane Roe",
            Some("Director of Research"),
            Some("Foo Watch")
        )]
    );
}

/// Each verb that attributes a quote names its speaker.
#[test]
fn every_cue_verb_names_the_speaker() {
    for verb in [
        "said",
        "stated",
        "added",
        "continued",
        "commented",
        "noted",
        "warned",
        "urged",
        "explained",
        "remarked",
        "declared",
        "responded",
        "replied",
        "stressed",
        "emphasised",
        "emphasized",
        "concluded",
        "insisted",
        "observed",
        "acknowledged",
        "wrote",
    ] {
        let got = crate::import::extract(&format!(
            "Title\n\nJane Roe, Director at Foo Watch, {verb}: “Stop.”\n"
        ));
        let names: Vec<&str> = got.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Jane Roe"], "{verb}");
    }
}

/// A statement title names who issues it up to the words that say what about: "marking",
/// "ahead of", "following"…
#[test]
fn a_statement_title_names_its_issuer_before_the_subject() {
    for marker in [
        "on",
        "regarding",
        "about",
        "following",
        "after",
        "marking",
        "ahead of",
        "in response to",
    ] {
        let got = crate::import::extract(&format!(
            "Statement by Foo Watch {marker} World Refugee Day\n\nText.\n"
        ));
        assert_eq!(got.organization.as_deref(), Some("Foo Watch"), "{marker}");
    }
}

/// Each honorific before a surname alone names the speaker, honorific included.
#[test]
fn every_honorific_before_a_surname_names_the_speaker() {
    for honorific in ["Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Dame"] {
        let got = crate::import::extract(&format!("Title\n\n“Stop,” said {honorific} Okoye.\n"));
        let names: Vec<&str> = got.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, [format!("{honorific} Okoye")], "{honorific}");
    }
}
