//! What the rest of the text fills in for a speaker (`fill.rs`), and how names and roles are
//! read (`names.rs`, `roles.rs`), found by mutation testing (bench/mutants): each test asserts
//! what an import reads from realistic release text.

use super::more_tests::{found, speaker};
use super::*;

#[test]
fn a_role_in_an_apposition_elsewhere_fills_a_speaker_without_one() {
    for (mention, role, organization) in [
        (
            "Jane Roe, the director of Foo Watch, spoke at the rally.",
            "director",
            "Foo Watch",
        ),
        (
            "The message from Jane Roe, the newly-appointed Crime Manager of Avon Constabulary, was read out.",
            "Crime Manager",
            "Avon Constabulary",
        ),
    ] {
        let found = found(&["“Stop the raids,” said Jane Roe.", mention]);
        assert_eq!(
            found.speakers,
            [speaker("Jane Roe", Some(role), Some(organization))],
            "{mention}"
        );
        assert_eq!(
            found.origins[0].guess.as_deref(),
            Some("role: from the mention of Jane Roe on line 2")
        );
    }
}

#[test]
fn a_role_that_names_its_own_scope_does_not_speak_for_the_issuer() {
    let organization = |line: &str| {
        let found = find(&[(1, line)], None, Some("Foo Watch"));
        assert_eq!(found.speakers.len(), 1, "{line}");
        found.speakers[0].organization.clone()
    };
    // Scoped: "of", "for" or "at" before a capitalised word that is not a title, or a
    // possessive.
    for line in [
        "“We must act,” said Jan Novak, Minister for the Environment of Czechia.",
        "“We must act,” said Ana Ruiz, Director for Europe.",
        "“We must act,” said Ana Ruiz, head of the group's Washington office.",
    ] {
        assert_eq!(organization(line), None, "{line}");
    }
    // Not scoped: the issuer is the one they speak for.
    for line in [
        "“We must act,” said Ana Ruiz, head of policy.",
        "“We must act,” said Ana Ruiz, Head of Policy.",
    ] {
        assert_eq!(organization(line).as_deref(), Some("Foo Watch"), "{line}");
    }
}

#[test]
fn an_acronym_takes_the_name_the_text_spells_out_for_it() {
    let lines = [
        "The International Committee of the Red Cross (ICRC) said today it would leave.",
        "“We must act,” said Ana Ruiz, spokesperson at the ICRC.",
    ];
    assert_eq!(
        found(&lines).speakers,
        [speaker(
            "Ana Ruiz",
            Some("spokesperson"),
            Some("International Committee of the Red Cross")
        )]
    );
    // Spelt out nowhere: the acronym stays.
    assert_eq!(
        found(&lines[1..]).speakers,
        [speaker("Ana Ruiz", Some("spokesperson"), Some("ICRC"))]
    );
}

#[test]
fn a_particle_after_a_name_is_not_part_of_it() {
    assert_eq!(
        found(&["“We will not stop,” said Jan de Vries van Amnesty Nederland."]).speakers,
        [speaker("Jan de Vries", None, None)]
    );
}

#[test]
fn an_honorific_belongs_to_the_name_and_a_full_stop_ends_it_after_an_initial_only() {
    for line in [
        "“We will act,” said Mr Caio.",
        "Mr Caio said: “We will act.”",
    ] {
        let found = found(&[line]);
        assert_eq!(found.speakers, [speaker("Mr Caio", None, None)], "{line}");
        assert_eq!(
            found.attributions,
            [Attributed {
                line: 1,
                at: line.find("Mr Caio").unwrap(),
                speaker: 0
            }],
            "{line}"
        );
    }
    assert_eq!(
        found(&["“We will act,” said John F. Kennedy."]).speakers,
        [speaker("John F. Kennedy", None, None)]
    );
    // A full stop after a whole word ends a name, also in a mention that a later surname
    // refers back to.
    assert_eq!(
        found(&[
            "The report was written by Jane Roe. Ana Ruiz presented it in Geneva.",
            "“It is damning,” said Ms Ruiz.",
        ])
        .speakers,
        [speaker("Ana Ruiz", None, None)]
    );
}

#[test]
fn role_phrases_split_into_role_and_organisation() {
    for (phrase, role, organization) in [
        // Commas and blanks around the phrase are not part of it.
        (", director at Foo Watch,", "director", Some("Foo Watch")),
        // A possessive after lower-case words that are not an organisation: all role.
        (
            "the small island nation's first female president",
            "small island nation's first female president",
            None,
        ),
        // The leading organisation ends at its last organisation word before the role.
        (
            "Foo Watch director and Bar Council member",
            "director and Bar Council member",
            Some("Foo Watch"),
        ),
    ] {
        assert_eq!(
            split_role(phrase),
            (Some(role.to_owned()), organization.map(str::to_owned)),
            "{phrase}"
        );
    }
}

/// The organisation an attribution gives stays, when a role comes from another mention that
/// names another one.
#[test]
fn a_role_from_another_mention_keeps_the_organisation_the_attribution_gave() {
    for attribution in [
        "“Stop the raids,” said Jane Roe, of Foo Watch.",
        "“Stop the raids,” Jane Roe, of Foo Watch, said.",
    ] {
        let found = found(&[
            attribution,
            "Jane Roe, the director of Bar Institute, spoke at the rally.",
        ]);
        assert_eq!(
            found.speakers,
            [speaker("Jane Roe", Some("director"), Some("Foo Watch"))],
            "{attribution}"
        );
    }
}
