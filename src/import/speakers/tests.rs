//! Attribution shapes, one line or a few at a time.

use super::*;

fn speaker(name: &str, role: Option<&str>, org: Option<&str>) -> ExtractedSpeaker {
    ExtractedSpeaker {
        name: name.to_owned(),
        role: role.map(str::to_owned),
        organization: org.map(str::to_owned),
    }
}

/// The speakers of `lines` (numbered from 1), the organisation `default` filling in.
fn find_speakers(lines: &[&str], _context: &str, default: Option<&str>) -> Vec<ExtractedSpeaker> {
    let numbered: Vec<(usize, &str)> = lines
        .iter()
        .copied()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
    find(&numbered, None, default).speakers
}

fn one(line: &str) -> Vec<ExtractedSpeaker> {
    find_speakers(&[line], "", None)
}

#[test]
fn roles_split_from_organisations() {
    let cases = [
        (
            "Amnesty International’s China Director",
            "China Director",
            Some("Amnesty International"),
        ),
        (
            "national director of advocacy and governmental relations at Amnesty International USA",
            "national director of advocacy and governmental relations",
            Some("Amnesty International USA"),
        ),
        (
            "Professor of Criminal Law at UWE Bristol",
            "Professor of Criminal Law",
            Some("UWE Bristol"),
        ),
        (
            "Amnesty International UK Campaigns Director",
            "Campaigns Director",
            Some("Amnesty International UK"),
        ),
        (
            "Amnesty International Deputy Regional Director for East and Southern Africa",
            "Deputy Regional Director for East and Southern Africa",
            Some("Amnesty International"),
        ),
        (
            "Senior Director for Research, Advocacy, Policy and Campaigns of Amnesty International",
            "Senior Director for Research, Advocacy, Policy and Campaigns",
            Some("Amnesty International"),
        ),
        (
            "Director of Amnesty International’s Africa Programme",
            "Director of Amnesty International’s Africa Programme",
            None,
        ),
        ("Americas Director", "Americas Director", None),
        ("Director of Research", "Director of Research", None),
    ];
    for (phrase, role, org) in cases {
        let (got_role, got_org) = split_role(phrase);
        assert_eq!(got_role.as_deref(), Some(role), "role of {phrase}");
        assert_eq!(got_org.as_deref(), org, "organisation of {phrase}");
    }
}

#[test]
fn name_before_role_without_comma() {
    let line = "Reacting to reports that Russia and Türkiye misuse notices, Erika Guevara Rosas Senior Director for Research, Advocacy, Policy and Campaigns of Amnesty International said:";
    assert_eq!(
        one(line),
        [speaker(
            "Erika Guevara Rosas",
            Some("Senior Director for Research, Advocacy, Policy and Campaigns"),
            Some("Amnesty International"),
        )]
    );
}

/// An organisation only referred to before a possessive ("the group's", "the rights group's")
/// is no organisation: the role is what follows it.
#[test]
fn a_referent_of_two_lower_case_words_before_a_possessive_is_not_part_of_the_role() {
    assert_eq!(
        one("“We are appalled,” Anna Smith, the rights group's executive director, said today."),
        [speaker("Anna Smith", Some("executive director"), None)]
    );
}

#[test]
fn names_with_particles_and_accents() {
    assert_eq!(
        one("Ana María de la Cruz, director at Justicia Ya, said:"),
        [speaker(
            "Ana María de la Cruz",
            Some("director"),
            Some("Justicia Ya")
        )]
    );
    assert_eq!(
        one("Omar al-Sharif, spokesperson at the Cairo Institute, said today:"),
        [speaker(
            "Omar al-Sharif",
            Some("spokesperson"),
            Some("Cairo Institute")
        )]
    );
}

#[test]
fn more_attribution_shapes() {
    assert_eq!(
        one("“We will not stop,” Jane Doe said."),
        [speaker("Jane Doe", None, None)]
    );
    assert_eq!(
        one("Jane Doe, Director of Research at Human Rights Watch, said:"),
        [speaker(
            "Jane Doe",
            Some("Director of Research"),
            Some("Human Rights Watch")
        )]
    );
    assert_eq!(
        one("\"No,\" said Amnesty International’s John F. Kennedy."),
        [speaker(
            "John F. Kennedy",
            None,
            Some("Amnesty International")
        )]
    );
    assert_eq!(
        one("Secretary General Agnès Callamard said:"),
        [speaker("Agnès Callamard", Some("Secretary General"), None)]
    );
    assert_eq!(
        one("'Yes,' said Jean-Paul Sartre, of the Foo Institute."),
        [speaker("Jean-Paul Sartre", None, Some("Foo Institute"))]
    );
    assert_eq!(
        one("Mary O'Brien and Tom Sørensen said:"),
        [
            speaker("Mary O'Brien", None, None),
            speaker("Tom Sørensen", None, None)
        ]
    );
    assert!(one("The minister said: \"nothing\".").is_empty());
}

#[test]
fn several_speakers_each_with_their_own_role() {
    assert_eq!(
        one("Jane Roe, director, and John Smith, senior counsel, said:"),
        [
            speaker("Jane Roe", Some("director"), None),
            speaker("John Smith", Some("senior counsel"), None),
        ]
    );
    assert_eq!(
        one(
            "Responding to the verdict, Jane Roe, director at Foo Watch, and John Smith, senior counsel at the Bar Institute, said:"
        ),
        [
            speaker("Jane Roe", Some("director"), Some("Foo Watch")),
            speaker("John Smith", Some("senior counsel"), Some("Bar Institute")),
        ]
    );
    assert_eq!(
        one(
            "Ana María de la Cruz, Executive Director of the Justicia Ya Foundation, and Omar al-Sharif, Head of Policy of the Cairo Institute, said in a joint statement:"
        ),
        [
            speaker(
                "Ana María de la Cruz",
                Some("Executive Director"),
                Some("Justicia Ya Foundation")
            ),
            speaker(
                "Omar al-Sharif",
                Some("Head of Policy"),
                Some("Cairo Institute")
            ),
        ]
    );
    assert_eq!(
        one(
            "Jane Roe, director at Foo Watch, Li Wei, researcher at the Asia Labour Institute, and Tom Reyes, counsel at Rights Watch, said:"
        ),
        [
            speaker("Jane Roe", Some("director"), Some("Foo Watch")),
            speaker("Li Wei", Some("researcher"), Some("Asia Labour Institute")),
            speaker("Tom Reyes", Some("counsel"), Some("Rights Watch")),
        ]
    );
    assert_eq!(
        one(
            "“Enough,” Jane Roe, director at Foo Watch, and John Smith, counsel at Bar Institute, said in a joint statement."
        ),
        [
            speaker("Jane Roe", Some("director"), Some("Foo Watch")),
            speaker("John Smith", Some("counsel"), Some("Bar Institute")),
        ]
    );
}

#[test]
fn only_a_coordinated_subject_gives_several_speakers() {
    assert_eq!(
        one(
            "Responding to the arrest of journalist Ali Khan and Omar Farouk, Jane Roe, director at Foo Watch, said:"
        ),
        [speaker("Jane Roe", Some("director"), Some("Foo Watch"))]
    );
    assert_eq!(
        one(
            "Jane Roe, whose brother was detained, and John Smith, counsel at Bar Institute, said:"
        ),
        [
            speaker("Jane Roe", None, None),
            speaker("John Smith", Some("counsel"), Some("Bar Institute"))
        ]
    );
    assert_eq!(
        one("Jane Roe met Ali Khan, and John Smith said:"),
        [speaker("John Smith", None, None)]
    );
}

#[test]
fn later_mentions_refer_back_and_fill_gaps() {
    let lines = [
        "Responding to the verdict, Michelle Kagari said:",
        "“Yes,” said Kagari.",
        "Michelle Kagari, Amnesty International’s deputy Africa director, added:",
    ];
    assert_eq!(
        find_speakers(&lines, "", None),
        [speaker(
            "Michelle Kagari",
            Some("deputy Africa director"),
            Some("Amnesty International")
        )]
    );
}

#[test]
fn attribution_shapes_of_other_newsrooms() {
    assert_eq!(
        one("“Text,” said UN High Commissioner for Human Rights Mira Kovač."),
        [speaker(
            "Mira Kovač",
            Some("UN High Commissioner for Human Rights"),
            None
        )]
    );
    assert_eq!(
        one("Greenpeace campaigner Jane Doe said: “We will go on.”"),
        [speaker("Jane Doe", Some("campaigner"), Some("Greenpeace"))]
    );
    assert_eq!(
        one("Mark Roe, Executive Director, Foo Foundation, said:"),
        [speaker(
            "Mark Roe",
            Some("Executive Director"),
            Some("Foo Foundation")
        )]
    );
    assert_eq!(
        one("“We are appalled,” Anna Smith, the group's executive director, said in a statement."),
        [speaker("Anna Smith", Some("executive director"), None)]
    );
    assert_eq!(
        one("“Another quote,” said Dr. Amina Yusuf, a surgeon at the hospital."),
        [speaker("Amina Yusuf", None, None)]
    );
    assert_eq!(
        one(
            "“It is a grave failure,” said Tom Reyes, deputy Asia director at Rights Watch. “Act now.”"
        ),
        [speaker(
            "Tom Reyes",
            Some("deputy Asia director"),
            Some("Rights Watch")
        )]
    );
}

#[test]
fn honorific_and_surname_refer_to_a_name_written_elsewhere() {
    let lines = [
        "The report, headed by Franco Cairo, was published today.",
        "Mr Cairo said:",
        "“Yes.”",
        "Dr. Lena Park, Director of Health at Foo University, said: “No.”",
        "Ms Okoye said:",
    ];
    assert_eq!(
        find_speakers(&lines, "", None),
        [
            speaker("Franco Cairo", None, None),
            speaker(
                "Lena Park",
                Some("Director of Health"),
                Some("Foo University")
            ),
            speaker("Ms Okoye", None, None),
        ]
    );
}

/// An honorific with a full stop ("Ms.", "Dr.") makes a lone surname a name, as one without
/// does, for a speaker named nowhere else.
#[test]
fn an_honorific_with_a_full_stop_makes_a_lone_surname_a_speaker() {
    assert_eq!(
        find_speakers(&["Ms. Okoye said:", "“Yes.”"], "", None),
        [speaker("Ms Okoye", None, None)]
    );
    assert_eq!(
        one("“We will not stop,” said Dr. Chung."),
        [speaker("Dr Chung", None, None)]
    );
}

#[test]
fn a_verb_ending_the_line_before_a_quote() {
    let lines = ["Jane Roe, director at Foo Watch, said", "", "“Yes.”"];
    assert_eq!(
        find_speakers(&lines, "", None),
        [speaker("Jane Roe", Some("director"), Some("Foo Watch"))]
    );
    let lines = ["The committee said", "“Yes.”", "Nothing Here said."];
    assert!(find_speakers(&lines, "", None).is_empty());
}

#[test]
fn quote_first_without_a_closing_quote_and_what_is_not_an_attribution() {
    assert_eq!(
        one(
            "\"On behalf of the group, I welcome this, said Claire Dumont, RSF's Secretary General. The UN believes it.\""
        ),
        [speaker(
            "Claire Dumont",
            Some("Secretary General"),
            Some("RSF")
        )]
    );
    assert_eq!(
        one("According to CPJ representative Karim Lahbib, who was there, “He was all smiles.”"),
        [speaker("Karim Lahbib", Some("representative"), Some("CPJ"))]
    );
    assert!(one("The police said today that Jane Doe had left.").is_empty());
    assert!(one("The ministry, said to be angry, told Jane Doe to leave.").is_empty());
}

#[test]
fn verbs_with_several_modifiers_and_other_quote_marks() {
    assert_eq!(
        one("Jane Roe, director at Foo Watch, said in a statement on Tuesday:"),
        [speaker("Jane Roe", Some("director"), Some("Foo Watch"))]
    );
    assert_eq!(
        one("Speaking in Geneva, Jane Roe said in Geneva today:"),
        [speaker("Jane Roe", None, None)]
    );
    assert_eq!(
        one("«Non,» said Marc Petit."),
        [speaker("Marc Petit", None, None)]
    );
}

#[test]
fn statement_from_and_according_to() {
    assert_eq!(
        one(
            "The following is a statement from Lena Ortiz, Executive Director of the Valley Immigrant & Refugee Rights Coalition:"
        ),
        [speaker(
            "Lena Ortiz",
            Some("Executive Director"),
            Some("Valley Immigrant & Refugee Rights Coalition")
        )]
    );
    assert_eq!(
        one("The quote below can be attributed to Sam Lee, spokesperson for Open Roads Network:"),
        [speaker(
            "Sam Lee",
            Some("spokesperson"),
            Some("Open Roads Network")
        )]
    );
    assert_eq!(
        one("“The state spent the money well,” according to Liz Wey, staff attorney for MASSPIRG."),
        [speaker("Liz Wey", Some("staff attorney"), Some("MASSPIRG"))]
    );
    assert_eq!(
        split_role("Director for MENA").1,
        None,
        "a region is not an organisation"
    );
}

#[test]
fn organisations_are_not_guessed_when_speakers_disagree() {
    let lines = [
        "Greenpeace campaigner Jane Doe said: “Yes.”",
        "Mark Roe, Executive Director, Foo Foundation, said:",
        "“No,” said Ola Berg, Asia director.",
    ];
    let found = find_speakers(&lines, "", None);
    assert_eq!(found[2], speaker("Ola Berg", Some("Asia director"), None));
}

#[test]
fn a_title_written_elsewhere_fills_a_missing_role() {
    let lines = [
        "The verdict was described by Amnesty International’s Secretary General Irene Khan as “shameful”. “It is theatre,” added Irene Khan.",
    ];
    assert_eq!(
        find_speakers(&lines, "", None),
        [speaker(
            "Irene Khan",
            Some("Secretary General"),
            Some("Amnesty International")
        )]
    );
}

#[test]
fn implied_organisation_fills_roles_without_one() {
    let lines = ["Americas Director, Erika Guevara Rosas:"];
    assert_eq!(
        find_speakers(&lines, "", Some("Amnesty International")),
        [speaker(
            "Erika Guevara Rosas",
            Some("Americas Director"),
            Some("Amnesty International")
        )]
    );
}

#[test]
fn contacts_are_not_speakers() {
    let lines = [
        "Contact: Jane Roe, 212-555-0100",
        "Media contacts:",
        "John Smith said:",
    ];
    assert!(find_speakers(&lines, "", None).is_empty());
}

#[test]
fn organisations_alone_are_not_speakers() {
    assert!(one("Human Rights Watch said today:").is_empty());
    assert!(one("Responding to the news, Amnesty International said:").is_empty());
}

#[test]
fn the_issuing_organisation_is_the_subject_that_speaks() {
    let issuer = |line: &str| shapes::issuer_in(line).map(|(org, _)| org);
    assert_eq!(
        issuer("(New York) – The law fails, Human Rights Watch said today.").as_deref(),
        Some("Human Rights Watch")
    );
    assert_eq!(
        issuer("The Department for Business and Trade has released the following statement:")
            .as_deref(),
        Some("Department for Business and Trade")
    );
    assert_eq!(
        issuer("A Foo Council spokesperson said: “No.”").as_deref(),
        Some("Foo Council")
    );
    assert_eq!(
        issuer("Acme Widgets Inc. (NASDAQ: ACME) today announced results.").as_deref(),
        Some("Acme Widgets Inc")
    );
    assert_eq!(issuer("Jane Roe of Foo Watch said:"), None);
    assert_eq!(issuer("Nothing here said much."), None);
}

#[test]
fn shapes_of_other_newsrooms() {
    assert_eq!(
        one("Business Council of Northland chief executive Jo Marsh said: “Yes.”"),
        [speaker(
            "Jo Marsh",
            Some("chief executive"),
            Some("Business Council of Northland")
        )]
    );
    assert_eq!(
        one("Trade and Industry Secretary Patricia Holt said:"),
        [speaker(
            "Patricia Holt",
            Some("Trade and Industry Secretary"),
            None
        )]
    );
    assert_eq!(
        one("Chief Inspector Tom Reyes, of Foo Valley Police, said “Call us.”"),
        [speaker(
            "Tom Reyes",
            Some("Chief Inspector"),
            Some("Foo Valley Police")
        )]
    );
    assert_eq!(
        one("“Act now,” said the experts, Ana Ruiz, Special Rapporteur on housing, and Li Wei."),
        [
            speaker("Ana Ruiz", Some("Special Rapporteur on housing"), None),
            speaker("Li Wei", None, None),
        ]
    );
}

#[test]
fn names_alone_and_back_references_refer_to_people_named_before() {
    let lines = [
        "The president of the International Committee of the Red Cross (ICRC), Jo Marsh, arrived.",
        "“Aid must pass,” said ICRC president Jo Marsh.",
        "“Now,” added the ICRC president.",
        "Ms Marsh continued: “Today.”",
        "Jo said: “Again.”",
        "“Enough,” he stated.",
    ];
    assert_eq!(
        find_speakers(&lines, "", None),
        [speaker(
            "Jo Marsh",
            Some("president"),
            Some("International Committee of the Red Cross")
        )]
    );
}

#[test]
fn sign_offs_and_titles_name_the_speaker() {
    let lines = [
        "“We welcome the rules.”",
        "- Ana Ruiz, chief executive of the Foo Council",
    ];
    assert_eq!(
        find_speakers(&lines, "", None),
        [speaker(
            "Ana Ruiz",
            Some("chief executive"),
            Some("Foo Council")
        )]
    );
    let lines = ["“We welcome the rules.”", "Ana Ruiz, Director"];
    assert_eq!(
        find_speakers(&lines, "", None),
        [speaker("Ana Ruiz", Some("Director"), None)]
    );
    let title = |text: &str| find(&[(2, "“Text.”")], Some((1, text)), None).speakers;
    assert_eq!(
        title("Statement from President Ana Ruiz on the floods"),
        [speaker("Ana Ruiz", Some("President"), None)]
    );
    assert_eq!(
        title("Ana Ruiz Statement on Li Wei"),
        [speaker("Ana Ruiz", None, None)]
    );
    let found = find(
        &[(3, "We are disappointed by the decision.")],
        Some((1, "Statement by the Foo Council on the decision")),
        None,
    );
    assert!(found.speakers.is_empty());
    assert_eq!(
        found.issuer.map(|(org, origin)| (org, origin.line)),
        Some(("Foo Council".to_owned(), 1))
    );
}

#[test]
fn a_name_in_another_clause_of_an_organisations_sentence_is_not_a_speaker() {
    let line = "Following the ruling in the case of Acme Inc. and others vs. Jane Roe and others, the Department for Rural Affairs has released the following statement:";
    let found = find(&[(3, line)], None, None);
    assert!(found.speakers.is_empty(), "{:?}", found.speakers);
    assert_eq!(
        found.issuer.map(|(org, origin)| (org, origin.line)),
        Some(("Department for Rural Affairs".to_owned(), 3))
    );
    assert_eq!(
        one("Jane Roe, speaking in Geneva, said: “No.”"),
        [speaker("Jane Roe", None, None)]
    );
}

#[test]
fn us_state_shapes() {
    assert_eq!(
        one(
            "SALEM, Ore., Jan. 9 -- Gov. Dana Whit, D-Oregon, issued the following statement on January 8, 2024:"
        ),
        [speaker("Dana Whit", Some("Gov."), None)]
    );
    let found = find(
        &[
            (3, "Governor Dana Whit extended the declaration today."),
            (
                5,
                "“Stay safe,” said Governor Whit. “We will get through this.”",
            ),
        ],
        Some((1, "Governor Whit Extends State Declaration")),
        None,
    );
    assert_eq!(
        found.speakers,
        [speaker("Dana Whit", Some("Governor"), None)]
    );
}
