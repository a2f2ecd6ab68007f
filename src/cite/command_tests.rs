//! `press cite` run in process ([`crate::commands::in_process`]): the whole text of a format
//! for the author shapes a statement gives besides those tests/cli/cite.rs covers (a person
//! speaking for the archive's `organization`, an organisation speaking with no person quoted),
//! so that the module's mutants are judged by the library's tests alone.

use crate::Exit;
use crate::commands::in_process::{Ran, archive, press};

/// `press cite sudan-famine --format FORMAT` on an archive of one statement whose speaker is
/// `speaker` (YAML), with `press.toml` holding `config`.
fn cite(config: &str, speaker: &str, format: &str) -> anyhow::Result<Ran> {
    let text = format!(
        "---\ntitle: \"Sudan: famine\"\ndate: 2026-03-01\nspeaker: {speaker}\ntopics: [Famine, Sudan]\n---\nBody.\n"
    );
    let root = archive(&[
        ("press.toml", config),
        ("statements/2026/2026-03-01-sudan-famine.md", &text),
    ])?;
    Ok(press(
        root.path(),
        &["cite", "sudan-famine", "--format", format],
    ))
}

/// A successful run that printed `out`.
fn printed(out: &str) -> Ran {
    Ran {
        exit: Exit::Success,
        out: out.to_owned(),
        err: String::new(),
    }
}

/// A person with no organisation of their own speaks for the archive: its `organization` is
/// the author (whole, in braces for BibTeX) and the publisher, and the person is in the note.
#[test]
fn a_person_speaking_for_the_archive_cites_the_archive_s_organisation() -> anyhow::Result<()> {
    let config = "organization = \"Press Office\"\n";
    assert_eq!(
        cite(config, "\"Ana Piquer\"", "ris")?,
        printed(
            "TY  - PRESS\nID  - press2026sudanfamine\nTI  - Sudan: famine\nAU  - Press Office\n\
             PY  - 2026\nDA  - 2026/03/01/\nM3  - Press release\nPB  - Press Office\nLA  - en\n\
             N1  - Speaker: Ana Piquer\nAB  - Body.\nKW  - Famine\nKW  - Sudan\nER  - \n\n"
        )
    );
    assert_eq!(
        cite(config, "\"Ana Piquer\"", "bibtex")?,
        printed(
            "@techreport{press2026sudanfamine,\nabstract = {Body.},\nauthor = {{Press Office}},\n\
             year = {2026},\nmonth = {03},\nday = {01},\ninstitution = {{Press Office}},\n\
             keywords = {Famine, Sudan},\nlangid = {en},\nnote = {Speaker: Ana Piquer},\n\
             title = {{Sudan: famine}},\ntype = {Press release},\n}\n\n"
        )
    );
    Ok(())
}

/// An organisation speaking with no person quoted is the author and the publisher, and no
/// speaker note is written; CSL-JSON leaves out the publisher that is the only author and
/// gives the topics as one `keyword` string.
#[test]
fn an_organisation_speaking_alone_is_cited_without_a_speaker_note() -> anyhow::Result<()> {
    let speaker = "{organization: \"Oxfam International\"}";
    assert_eq!(
        cite("", speaker, "ris")?,
        printed(
            "TY  - PRESS\nID  - oxfam2026sudanfamine\nTI  - Sudan: famine\n\
             AU  - Oxfam International\nPY  - 2026\nDA  - 2026/03/01/\nM3  - Press release\n\
             PB  - Oxfam International\nLA  - en\nAB  - Body.\nKW  - Famine\nKW  - Sudan\n\
             ER  - \n\n"
        )
    );
    let csl = cite("", speaker, "csl-json")?;
    assert_eq!((csl.exit, csl.err.as_str()), (Exit::Success, ""));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&csl.out)?,
        serde_json::json!([{
            "id": "oxfam2026sudanfamine",
            "citation-key": "oxfam2026sudanfamine",
            "type": "report",
            "genre": "Press release",
            "title": "Sudan: famine",
            "author": [{"literal": "Oxfam International"}],
            "issued": {"date-parts": [[2026, 3, 1]]},
            "language": "en",
            "abstract": "Body.",
            "keyword": "Famine, Sudan"
        }])
    );
    Ok(())
}
