//! `press show`: the rendered text, the JSON record, the stored Markdown byte for byte, and an
//! unknown slug.

use insta::assert_snapshot;

use crate::support::{Archive, front, press, statement};

#[test]
fn show_renders_text() {
    let archive = Archive::basic();
    let run = press(&archive, &["show", "egypt-activists-detained"]);
    run.code(0);
    assert_eq!(run.err(), "");
    assert_snapshot!(run.out(), @r"
    Egypt: Activists detained ahead of vote
    2026-02-14T09:30:00+02:00 · Egypt
    سارة الحسيني, Deputy Director, Amnesty International
    Omar Haddad
    Topics: human rights defenders, Elections

    Two activists were detained days before the vote.

    Two activists, including سارة الحسيني’s colleague, were detained on Friday.

    │ “Peaceful criticism is not a crime,” said Omar Haddad.
    ");
}

#[test]
fn show_text_has_the_background_after_the_body() {
    let archive = Archive::basic();
    let run = press(&archive, &["show", "global-interpol-red-notices"]);
    run.code(0);
    let out = run.out();
    let body = out.find("Reacting to media reports").expect("body shown");
    let background = out
        .find("On 26 January 2026 BBC World Service")
        .expect("background shown");
    assert!(body < background, "{out}");
    // Wrapped for reading when piped, the long speaker line too: no line over 80 characters.
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    assert!(out[body..].lines().count() > 10, "{out}");
    assert!(
        out.contains("Erika Guevara Rosas, Senior Director for Research, Advocacy, Policy and\nCampaigns, Amnesty International\n"),
        "{out}"
    );
}

#[test]
fn show_json_is_the_full_record() {
    let archive = Archive::basic();
    let run = press(
        &archive,
        &["show", "turkiye-journalists-released", "--format", "json"],
    );
    run.code(0);
    let record: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(record["slug"], "turkiye-journalists-released");
    assert_eq!(record["speakers"][0]["name"], "Zoë Ł. Ñúñez");
    assert_eq!(record["location"], "Türkiye");
    assert_eq!(record["background"], serde_json::Value::Null);
    assert_eq!(record["contact"], serde_json::Value::Null);
}

#[test]
fn show_markdown_is_the_stored_file_byte_for_byte() {
    let archive = Archive::basic();
    for (slug, path) in [
        (
            "global-interpol-red-notices",
            "statements/2026/2026-01-27-global-interpol-red-notices.md",
        ),
        (
            "egypt-activists-detained",
            "statements/2026/2026-02-14-egypt-activists-detained.md",
        ),
    ] {
        let run = press(&archive, &["show", slug, "--format", "markdown"]);
        run.code(0);
        assert_eq!(
            run.stdout,
            std::fs::read(archive.path().join(path)).expect("read")
        );
    }
    // Even with CRLF line endings and a BOM, which the parser drops.
    let crlf = format!(
        "\u{feff}{}",
        archive
            .read("statements/2026/2026-03-02-turkiye-journalists-released.md")
            .replace('\n', "\r\n")
    );
    archive.write(
        "statements/2026/2026-03-02-turkiye-journalists-released.md",
        &crlf,
    );
    let run = press(
        &archive,
        &[
            "show",
            "turkiye-journalists-released",
            "--format",
            "markdown",
        ],
    );
    run.code(0);
    assert_eq!(run.stdout, crlf.as_bytes());
}

#[test]
fn show_unknown_slug_exits_1_with_suggestions() {
    let archive = Archive::basic();
    let run = press(&archive, &["show", "turkiye-journalist-released"]);
    run.code(1);
    assert_eq!(run.out(), "");
    assert_snapshot!(run.err(), @r#"
    press: no statement with the slug "turkiye-journalist-released"
      help: did you mean `turkiye-journalists-released`?
    "#);
    let run = press(&archive, &["show", "egypt"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"
    press: no statement with the slug "egypt"
      help: did you mean `egypt-activists-detained`?
    "#);
    let run = press(&archive, &["show", "zzzzzz"]);
    run.code(1);
    assert_snapshot!(run.err(), @r#"press: no statement with the slug "zzzzzz""#);
}

/// A slug that many statements contain: the four newest of them are suggested, no more.
#[test]
fn show_unknown_slug_suggests_four_statements_containing_it() {
    let mut archive = Archive::empty();
    for (day, slug) in [
        ("01", "sudan-aid-blocked"),
        ("02", "sudan-ceasefire-talks"),
        ("03", "sudan-el-fasher-attack"),
        ("04", "sudan-famine-warning"),
        ("05", "sudan-refugees-in-chad"),
        ("06", "sudan-war-anniversary"),
    ] {
        archive = archive.file(
            &format!("statements/2026/2026-02-{day}-{slug}.md"),
            statement(&front(slug, &format!("2026-02-{day}")), "Body.\n"),
        );
    }
    let run = press(&archive, &["show", "sudan"]);
    run.code(1);
    assert_eq!(run.out(), "");
    assert_eq!(
        run.err(),
        "press: no statement with the slug \"sudan\"\n  help: did you mean `sudan-war-anniversary`, `sudan-refugees-in-chad`, `sudan-famine-warning`, `sudan-el-fasher-attack`?\n"
    );
}

#[test]
fn show_finds_drafts_and_embargoed_statements_by_slug() {
    let archive = Archive::basic();
    press(&archive, &["show", "hong-kong-draft-statement"]).code(0);
    press(&archive, &["show", "iran-embargoed-report"]).code(0);
}

/// All of a pty session's output until the process ends.
fn on_terminal(mut command: std::process::Command) -> String {
    command.env("COLUMNS", "80");
    let mut session = expectrl::Session::spawn(command).expect("spawn on a pty");
    session.set_expect_timeout(Some(crate::support::WATCHDOG));
    let found = session.expect(expectrl::Eof).expect("press ends");
    let mut bytes = found.before().to_vec();
    for m in found.matches() {
        bytes.extend_from_slice(m);
    }
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn show_uses_colour_only_on_a_terminal_without_no_color() {
    let archive = Archive::basic();
    let mut coloured = archive.press();
    coloured
        .env_remove("NO_COLOR")
        .args(["show", "egypt-activists-detained"]);
    assert!(
        on_terminal(coloured).contains("\u{1b}["),
        "colour on a terminal"
    );
    let mut plain = archive.press();
    plain.args(["show", "egypt-activists-detained"]);
    let text = on_terminal(plain);
    assert!(!text.contains('\u{1b}'), "NO_COLOR: {text:?}");
    assert!(text.contains("Egypt: Activists detained ahead of vote"));
    // Piped: never colour, even without NO_COLOR.
    let mut piped = archive.press();
    piped
        .env_remove("NO_COLOR")
        .args(["show", "egypt-activists-detained"]);
    let run = crate::support::run(piped);
    assert!(!run.out().contains('\u{1b}'));
}
