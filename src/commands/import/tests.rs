//! `press import`, run in process ([`crate::commands::in_process`]): what `--explain` says
//! and the exit it gives.

use crate::Exit;
use crate::commands::in_process::{Ran, archive, press};

/// `press import ARGS… FILE` in an archive holding `text` as the one file to import.
fn import_text(text: &str, args: &[&str]) -> anyhow::Result<Ran> {
    let root = archive(&[("in/a.txt", text)])?;
    let file = root.path().join("in/a.txt");
    let file = file.to_string_lossy();
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    all.push(&file);
    Ok(press(root.path(), &all))
}

/// A title without a `Place:` prefix: `--explain` says there is no location and why, not the
/// title's line.
#[test]
fn explain_says_a_title_without_a_place_prefix_gives_no_location() -> anyhow::Result<()> {
    let ran = import_text(
        "Stop the dumping\n\n5 February 2024\n\nJane Roe, Director at Foo Watch, said: “Stop.”\n",
        &["--explain", "--topic", "t"],
    )?;
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    assert!(
        ran.out
            .contains("  location: (none)\n    the title has no place prefix (`Place: …`)\n"),
        "{}",
        ran.out
    );
    Ok(())
}

/// `--explain` over a file it cannot read and one the import would refuse: the unreadable
/// file makes the exit a usage error (2), whatever comes after it.
#[test]
fn explain_exits_2_when_a_file_cannot_be_read_even_if_a_later_one_is_refused() -> anyhow::Result<()>
{
    let root = archive(&[(
        "in/a.txt",
        "Title only\n\nText without a speaker or date.\n",
    )])?;
    let missing = root.path().join("in/missing.txt");
    let refused = root.path().join("in/a.txt");
    let ran = press(
        root.path(),
        &[
            "import",
            "--explain",
            "--topic",
            "t",
            &missing.to_string_lossy(),
            &refused.to_string_lossy(),
        ],
    );
    assert!(
        ran.out.contains("  result: refused: missing"),
        "{}",
        ran.out
    );
    assert_eq!(ran.exit, Exit::Usage, "{}", ran.err);
    Ok(())
}

/// `--date` takes the full form only: "2024-2-5" is a usage error, not 5 February.
#[test]
fn a_date_without_leading_zeros_is_refused() -> anyhow::Result<()> {
    let ran = import_text(
        "Stop the dumping\n\nJane Roe, Director at Foo Watch, said: “Stop.”\n",
        &["--topic", "t", "--date", "2024-2-5"],
    )?;
    assert_eq!(
        (ran.exit, ran.out.as_str(), ran.err.as_str()),
        (
            Exit::Usage,
            "",
            "press: error: invalid --date \"2024-2-5\": use YYYY-MM-DD\n"
        )
    );
    Ok(())
}

/// `--explain` shows a speaker given on the command line as name, role, organisation, in
/// that order.
#[test]
fn explain_shows_a_given_speaker_as_name_role_organisation() -> anyhow::Result<()> {
    let ran = import_text(
        "UK: Stop it\n\n5 February 2024\n\nText.\n",
        &[
            "--explain",
            "--topic",
            "t",
            "--speaker",
            "Jane Roe",
            "--role",
            "Director",
            "--org",
            "Foo Watch",
        ],
    )?;
    assert!(
        ran.out
            .contains("  speaker: Jane Roe, Director, Foo Watch\n    from --speaker\n"),
        "{}",
        ran.out
    );
    Ok(())
}

/// `--location` wins over the title's `Place:` prefix.
#[test]
fn the_location_flag_wins_over_the_title_s_place() -> anyhow::Result<()> {
    let ran = import_text(
        "UK: Stop it\n\n5 February 2024\n\nJane Roe, Director at Foo Watch, said: “Stop.”\n",
        &["--dry-run", "--topic", "t", "--location", "Geneva"],
    )?;
    assert_eq!(ran.exit, Exit::Success, "{}", ran.err);
    let location: Vec<&str> = ran
        .out
        .lines()
        .filter(|l| l.starts_with("location:"))
        .collect();
    assert_eq!(location.len(), 1, "{}", ran.out);
    assert!(location[0].contains("Geneva"), "{}", ran.out);
    Ok(())
}
