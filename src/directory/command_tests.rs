//! The speaker directory seen through `press check` and `press speakers`, run in process
//! ([`crate::commands::in_process`]): which of two similar names `check` says to keep, the
//! names it leaves alone, the entries `speakers.toml` accepts and refuses, and a directory of
//! people only; so that the module's mutants are judged by the library's tests alone.

use crate::Exit;
use crate::commands::in_process::{Ran, archive, press};

/// A statement file by `speakers` (YAML) on `day` (`2026-01-DD`), at `statements/2026/`.
fn said(day: &str, speakers: &str) -> (String, String) {
    (
        format!("statements/2026/2026-01-{day}-s{day}.md"),
        format!(
            "---\ntitle: \"On {day}\"\ndate: 2026-01-{day}\nspeaker: {speakers}\ntopics: [t]\n---\nBody.\n"
        ),
    )
}

/// `press ARGS…` on an archive of `files`.
fn run(files: &[(String, String)], args: &[&str]) -> anyhow::Result<Ran> {
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let root = archive(&files)?;
    Ok(press(root.path(), args))
}

/// `press check` on an archive of `files`: its exit and standard error.
fn check(files: &[(String, String)]) -> anyhow::Result<(Exit, String)> {
    let ran = run(files, &["check"])?;
    Ok((ran.exit, ran.err))
}

/// Of two similar names, `check` says to keep the one more statements write, even when the
/// other was written first.
#[test]
fn check_keeps_the_name_written_more_often() -> anyhow::Result<()> {
    let files = [
        said("05", "\"Ana Piquet\""),
        said("06", "\"Ana Piquer\""),
        said("07", "\"Ana Piquer\""),
    ];
    assert_eq!(
        check(&files)?,
        (
            Exit::Success,
            "statements/2026/2026-01-05-s05.md:4:10: warning: speaker \"Ana Piquet\" looks like \
             \"Ana Piquer\" (statements/2026/2026-01-06-s06.md): the same given name, with the \
             surname one letter apart\n  help: if they are one person, list \"Ana Piquet\" among \
             the aliases of \"Ana Piquer\" in speakers.toml, or run `press speakers merge \"Ana \
             Piquer\" \"Ana Piquet\" --into \"Ana Piquer\"`\nchecked 3 statements: 0 errors, 1 \
             warning\n"
                .to_owned()
        )
    );
    Ok(())
}

/// Two similar names written once each, in one statement: the first written is the one to
/// keep.
#[test]
fn check_keeps_the_first_of_two_names_in_one_statement() -> anyhow::Result<()> {
    assert_eq!(
        check(&[said("05", "[\"Ana Piquer\", \"Ana Piquet\"]")])?,
        (
            Exit::Success,
            "statements/2026/2026-01-05-s05.md:4:10: warning: speaker \"Ana Piquet\" looks like \
             \"Ana Piquer\" (statements/2026/2026-01-05-s05.md): the same given name, with the \
             surname one letter apart\n  help: if they are one person, list \"Ana Piquet\" among \
             the aliases of \"Ana Piquer\" in speakers.toml, or run `press speakers merge \"Ana \
             Piquer\" \"Ana Piquet\" --into \"Ana Piquer\"`\nchecked 1 statement: 0 errors, 1 \
             warning\n"
                .to_owned()
        )
    );
    Ok(())
}

/// An initial names a given name only when that name starts with it: "E. Smith" is not
/// "Jane Smith".
#[test]
fn check_leaves_an_initial_that_is_not_the_other_s_alone() -> anyhow::Result<()> {
    assert_eq!(
        check(&[said("05", "\"E. Smith\""), said("06", "\"Jane Smith\"")])?,
        (
            Exit::Success,
            "checked 2 statements: 0 errors, 0 warnings\n".to_owned()
        )
    );
    Ok(())
}

/// `speakers.toml` beside one statement by Ana Piquer.
fn with_directory(toml: &str) -> [(String, String); 2] {
    [
        said("05", "\"Ana Piquer\""),
        ("speakers.toml".to_owned(), toml.to_owned()),
    ]
}

/// What `speakers.toml` accepts: an alias that is the entry's own name written another way,
/// a role of one day.
#[test]
fn a_directory_accepts_its_own_name_as_an_alias_and_a_one_day_role() -> anyhow::Result<()> {
    for toml in [
        "[[person]]\nname = \"Ana Piquer\"\naliases = [\"ana piquer\", \"A. Piquer\"]\n",
        "[[person]]\nname = \"Ana Piquer\"\nroles = [{role = \"R\", from = 2024-05-01, until = 2024-05-01}]\n",
    ] {
        assert_eq!(
            check(&with_directory(toml))?,
            (
                Exit::Success,
                "checked 1 statement: 0 errors, 0 warnings\n".to_owned()
            ),
            "{toml}"
        );
    }
    Ok(())
}

/// What `speakers.toml` refuses: an alias without letters, a day with a time, a day not
/// written `YYYY-MM-DD`.
#[test]
fn a_directory_refuses_an_empty_alias_and_days_that_are_not_days() -> anyhow::Result<()> {
    let cases = [
        (
            "[[person]]\nname = \"Ana Piquer\"\naliases = [\"—\"]\n",
            "speakers.toml:3:12: error: alias \"—\" of \"Ana Piquer\" has no letters or digits\n  \
             help: remove it\n",
        ),
        (
            "[[person]]\nname = \"Ana Piquer\"\nroles = [{role = \"R\", from = 2024-05-01T10:00:00}]\n",
            "speakers.toml:3:30: error: `from` must be a calendar day, found 2024-05-01T10:00:00\n  \
             help: write it as from = 2024-03-01\n",
        ),
        (
            "[[person]]\nname = \"Ana Piquer\"\nroles = [{role = \"R\", from = \"2024-5-1\"}]\n",
            "speakers.toml:3:30: error: `from` must be a calendar day, found \"2024-5-1\"\n  \
             help: write it as from = 2024-03-01\n",
        ),
    ];
    for (toml, message) in cases {
        assert_eq!(
            check(&with_directory(toml))?,
            (
                Exit::Problems,
                format!("{message}checked 1 statement: 1 error, 0 warnings\n")
            ),
            "{toml}"
        );
    }
    Ok(())
}

/// A directory of people only still maps an alias onto its person.
#[test]
fn a_directory_of_people_only_maps_their_aliases() -> anyhow::Result<()> {
    let files = [
        said("05", "\"Ana Piquer\""),
        said("06", "\"A. Piquer\""),
        (
            "speakers.toml".to_owned(),
            "[[person]]\nname = \"Ana Piquer\"\naliases = [\"A. Piquer\"]\n".to_owned(),
        ),
    ];
    assert_eq!(
        run(&files, &["speakers"])?,
        Ran {
            exit: Exit::Success,
            out: "SPEAKER     STATEMENTS  FIRST       LAST        ROLE\n\
                  Ana Piquer           2  2026-01-05  2026-01-06\n"
                .to_owned(),
            err: String::new(),
        }
    );
    Ok(())
}

/// A `speakers.toml` that cannot be read is an error, never an empty directory.
#[test]
fn an_unreadable_directory_file_is_an_error() -> anyhow::Result<()> {
    let root = archive(&[])?;
    let path = root.path().join("speakers.toml");
    std::fs::create_dir(&path)?;
    let ran = press(root.path(), &["check"]);
    assert_eq!((ran.exit, ran.out.as_str()), (Exit::Usage, ""));
    // Then the system's reason ("Is a directory").
    let cannot = format!("press: error: cannot read {}: ", path.display());
    assert!(ran.err.starts_with(&cannot), "{}", ran.err);
    assert_eq!(ran.err.lines().count(), 1, "{}", ran.err);
    Ok(())
}

#[test]
fn on_a_handover_day_speakers_gives_the_new_role_as_the_one_held() -> anyhow::Result<()> {
    let ran = run(
        &[
            (
                "speakers.toml".to_owned(),
                "[[person]]\nname = \"Ann Lee\"\nroles = [\n  \
                 {role = \"Director\", organization = \"Org A\", from = 2020-01-01, until = 2026-01-20},\n  \
                 {role = \"Executive Director\", organization = \"Org A\", from = 2026-01-20},\n]\n"
                    .to_owned(),
            ),
            said("20", "Ann Lee"),
        ],
        &["speakers", "--format", "json"],
    )?;
    let speakers: serde_json::Value = serde_json::from_str(&ran.out)?;
    assert_eq!(
        speakers[0]["role"],
        serde_json::json!({"role": "Executive Director", "organization": "Org A", "from": "2026-01-20", "until": null})
    );
    Ok(())
}

/// A role is held through its `until` day: a statement on that day shows it.
#[test]
fn a_role_is_held_on_its_last_day() -> anyhow::Result<()> {
    let ran = run(
        &[
            (
                "speakers.toml".to_owned(),
                "[[person]]\nname = \"Ann Lee\"\nroles = [{role = \"Director\", organization = \"Org A\", from = 2020-01-01, until = 2026-01-20}]\n"
                    .to_owned(),
            ),
            said("20", "Ann Lee"),
        ],
        &["speakers", "--format", "json"],
    )?;
    let speakers: serde_json::Value = serde_json::from_str(&ran.out)?;
    assert_eq!(
        speakers[0]["role"],
        serde_json::json!({"role": "Director", "organization": "Org A", "from": "2020-01-01", "until": "2026-01-20"})
    );
    Ok(())
}

/// Surnames of three letters one letter apart ("Ana Lee", "Ana Lea") are different people:
/// `check` says nothing.
#[test]
fn check_leaves_three_letter_surnames_one_letter_apart_alone() -> anyhow::Result<()> {
    assert_eq!(
        check(&[said("05", "\"Ana Lee\""), said("06", "\"Ana Lea\"")])?,
        (
            Exit::Success,
            "checked 2 statements: 0 errors, 0 warnings\n".to_owned()
        )
    );
    Ok(())
}

/// Roles written newest first in `speakers.toml` are listed by their start, oldest first.
#[test]
fn roles_written_out_of_order_are_listed_by_their_start() -> anyhow::Result<()> {
    let ran = run(
        &[
            (
                "speakers.toml".to_owned(),
                "[[person]]\nname = \"Ann Lee\"\nroles = [\n  \
                 {role = \"Executive Director\", from = 2026-01-20},\n  \
                 {role = \"Director\", from = 2020-01-01, until = 2026-01-19},\n]\n"
                    .to_owned(),
            ),
            said("20", "Ann Lee"),
        ],
        &["speakers", "--format", "json"],
    )?;
    let speakers: serde_json::Value = serde_json::from_str(&ran.out)?;
    let roles: Vec<&str> = speakers[0]["roles"]
        .as_array()
        .map(|roles| roles.iter().filter_map(|r| r["role"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(roles, ["Director", "Executive Director"]);
    Ok(())
}
