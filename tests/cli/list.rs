//! `press list`: filters (all combined with AND), sorting, formats parsed back, table width on a
//! terminal and uncut when piped, a closed pipe, and finding the archive root.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use insta::assert_snapshot;

use crate::support::{Archive, front, press, press_in, run, statement};

const TURKIYE: &str = "statements/2026/2026-03-02-turkiye-journalists-released.md";
const EGYPT: &str = "statements/2026/2026-02-14-egypt-activists-detained.md";
const GLOBAL: &str = "statements/2026/2026-01-27-global-interpol-red-notices.md";
const SUDAN: &str = "statements/2025/2025-11-20-sudan-civilians-el-fasher.md";
const DRAFT: &str = "statements/2025/2025-06-05-hong-kong-draft-statement.md";
const EMBARGOED: &str = "statements/2026/2026-05-30-iran-embargoed-report.md";

/// The paths `list --format paths` prints for these extra arguments on the basic archive.
fn paths(args: &[&str]) -> Vec<String> {
    let archive = Archive::basic();
    let mut all = vec!["list", "--format", "paths"];
    all.extend_from_slice(args);
    let run = press(&archive, &all);
    run.code(0);
    assert_eq!(run.err(), "", "no diagnostics on the basic archive");
    run.out().lines().map(str::to_owned).collect()
}

#[test]
fn list_is_newest_first_without_drafts_or_embargoed() {
    assert_eq!(paths(&[]), [TURKIYE, EGYPT, GLOBAL, SUDAN]);
}

#[test]
fn list_table_is_uncut_when_piped() {
    let archive = Archive::basic();
    let run = press(&archive, &["list"]);
    run.code(0);
    assert_snapshot!(run.out(), @r"
    DATE        TITLE                                                                                      SPEAKERS                   TOPICS
    2026-03-02  Türkiye: Release of journalists a step towards justice                                     Zoë Ł. Ñúñez               Freedom of expression; Journalists
    2026-02-14  Egypt: Activists detained ahead of vote                                                    سارة الحسيني; Omar Haddad  human rights defenders; Elections
    2026-01-27  Global: Misuse of Interpol red notices to target dissidents a grave institutional failure  Erika Guevara Rosas        Interpol; red notices; transnational repression; human rights defenders
    2025-11-20  Sudan: Civilians in El Fasher must be protected                                            Tigere Chagutah            Armed conflict; Civilians
    ");
}

#[test]
fn list_topic_matches_any_spelling() {
    assert_eq!(
        paths(&["--topic", "Human-Rights-Defenders"]),
        [EGYPT, GLOBAL]
    );
    assert_eq!(
        paths(&["--topic", "HUMAN RIGHTS defenders"]),
        [EGYPT, GLOBAL]
    );
    // Repeated topics are all required.
    assert_eq!(
        paths(&["--topic", "human rights defenders", "--topic", "interpol"]),
        [GLOBAL]
    );
}

#[test]
fn list_speaker_ignores_case_and_accents() {
    assert_eq!(paths(&["--speaker", "ZOE"]), [TURKIYE]);
    assert_eq!(paths(&["--speaker", "l. nunez"]), [TURKIYE]);
    assert_eq!(paths(&["--speaker", "Ñúñez"]), [TURKIYE]);
    assert_eq!(paths(&["--speaker", "الحسيني"]), [EGYPT]);
    // Any speaker of several.
    assert_eq!(paths(&["--speaker", "haddad"]), [EGYPT]);
}

#[test]
fn list_location_ignores_case_and_accents() {
    assert_eq!(paths(&["--location", "turkiye"]), [TURKIYE]);
    assert_eq!(paths(&["--location", "TÜRKIYE"]), [TURKIYE]);
    assert_eq!(paths(&["--location", "Sudan"]), [SUDAN]);
}

#[test]
fn list_since_and_until_are_inclusive_at_every_precision() {
    assert_eq!(paths(&["--since", "2026"]), [TURKIYE, EGYPT, GLOBAL]);
    assert_eq!(paths(&["--since", "2026-02"]), [TURKIYE, EGYPT]);
    assert_eq!(paths(&["--since", "2026-01-27"]), [TURKIYE, EGYPT, GLOBAL]);
    assert_eq!(paths(&["--until", "2026-01-27"]), [GLOBAL, SUDAN]);
    assert_eq!(paths(&["--until", "2025"]), [SUDAN]);
    assert_eq!(paths(&["--until", "2026-01"]), [GLOBAL, SUDAN]);
    // A date-time statement is on its own day.
    assert_eq!(
        paths(&["--since", "2026-02-14", "--until", "2026-02-14"]),
        [EGYPT]
    );
}

#[test]
fn list_year_selects_one_year() {
    assert_eq!(paths(&["--year", "2025"]), [SUDAN]);
    assert_eq!(paths(&["--year", "2025", "--drafts"]), [SUDAN, DRAFT]);
    assert_eq!(paths(&["--year", "2024"]), Vec::<String>::new());
    // With --since or --until, only what both allow: the narrower bound wins on each side.
    assert_eq!(
        paths(&["--year", "2026", "--since", "2026-02"]),
        [TURKIYE, EGYPT]
    );
    assert_eq!(
        paths(&["--year", "2026", "--until", "2026-02-14"]),
        [EGYPT, GLOBAL]
    );
    assert_eq!(
        paths(&["--year", "2026", "--since", "2025"]),
        [TURKIYE, EGYPT, GLOBAL]
    );
    assert_eq!(paths(&["--year", "2025", "--until", "2027"]), [SUDAN]);
    assert_eq!(
        paths(&["--year", "2025", "--since", "2026"]),
        Vec::<String>::new()
    );
}

#[test]
fn list_text_matches_word_starts_with_accents_and_apostrophes_folded() {
    // "Türkiye" in one title and in another's body.
    assert_eq!(paths(&["--text", "turk"]), [TURKIYE, GLOBAL]);
    // ’ and ' are one character for the search.
    assert_eq!(paths(&["--text", "states'"]), [GLOBAL]);
    assert_eq!(paths(&["--text", "states’ political"]), [GLOBAL]);
    // Every word must match.
    assert_eq!(
        paths(&["--text", "interpol journalists"]),
        Vec::<String>::new()
    );
    // The middle of a word does not count.
    assert_eq!(paths(&["--text", "ntern"]), Vec::<String>::new());
    // The background is searched too.
    assert_eq!(paths(&["--text", "whistleblower"]), [GLOBAL]);
}

#[test]
fn list_drafts_and_embargoed_on_request() {
    assert_eq!(paths(&["--drafts"]), [TURKIYE, EGYPT, GLOBAL, SUDAN, DRAFT]);
    assert_eq!(
        paths(&["--include-embargoed"]),
        [EMBARGOED, TURKIYE, EGYPT, GLOBAL, SUDAN]
    );
    // The embargo is judged at `--now`: after it lifts, the statement is listed.
    let archive = Archive::basic();
    let run = press(
        &archive,
        &["list", "--format", "paths", "--now", "2026-06-10T00:01:00Z"],
    );
    run.code(0);
    assert_eq!(run.out().lines().next(), Some(EMBARGOED));
}

#[test]
fn list_sorts_by_title_and_reverses_before_the_limit() {
    assert_eq!(paths(&["--sort", "title"]), [EGYPT, GLOBAL, SUDAN, TURKIYE]);
    assert_eq!(
        paths(&["--sort", "title", "--reverse"]),
        [TURKIYE, SUDAN, GLOBAL, EGYPT]
    );
    assert_eq!(paths(&["--limit", "2"]), [TURKIYE, EGYPT]);
    // Reverse first, then limit: the oldest one.
    assert_eq!(paths(&["--reverse", "--limit", "1"]), [SUDAN]);
}

#[test]
fn list_count_prints_only_the_number() {
    let archive = Archive::basic();
    let run = press(&archive, &["list", "--count"]);
    run.code(0);
    assert_eq!(run.out(), "4\n");
    let run = press(&archive, &["list", "--count", "--topic", "interpol"]);
    assert_eq!(run.out(), "1\n");
}

#[test]
fn list_no_match_is_empty_output_and_success() {
    let archive = Archive::basic();
    for format in [
        "table", "json", "jsonl", "csv", "paths", "bibtex", "csl-json", "ris",
    ] {
        let run = press(
            &archive,
            &["list", "--topic", "nothing", "--format", format],
        );
        run.code(0);
        assert_eq!(run.err(), "", "{format}");
        match format {
            "json" | "csl-json" => assert_eq!(run.out(), "[]\n"),
            "csv" => assert_eq!(run.out(), "date,slug,title,speakers,topics,location,path\n"),
            _ => assert_eq!(run.out(), "", "{format}"),
        }
    }
}

#[test]
fn list_json_has_every_key_in_full_records() {
    let archive = Archive::basic();
    let run = press(
        &archive,
        &[
            "list",
            "--format",
            "json",
            "--drafts",
            "--include-embargoed",
        ],
    );
    run.code(0);
    let records: Vec<serde_json::Value> =
        serde_json::from_slice(&run.stdout).expect("a JSON array");
    assert_eq!(records.len(), 6);
    let keys = [
        "slug",
        "path",
        "title",
        "date",
        "speakers",
        "topics",
        "location",
        "background",
        "contact",
        "body",
        "source",
        "summary",
        "lang",
        "translation_of",
        "draft",
        "embargo",
        "aliases",
        "corrections",
        "withdrawn",
        "extra",
    ];
    for record in &records {
        let object = record.as_object().expect("an object");
        let found: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(found, keys);
    }
    let turkiye = &records[1];
    assert_eq!(
        turkiye,
        &serde_json::json!({
            "slug": "turkiye-journalists-released",
            "path": TURKIYE,
            "title": "Türkiye: Release of journalists a step towards justice",
            "date": "2026-03-02",
            "speakers": [{"name": "Zoë Ł. Ñúñez", "role": "Regional Director", "organization": "Amnesty International", "role_at_date": null}],
            "topics": ["Freedom of expression", "Journalists"],
            "location": "Türkiye",
            "background": null,
            "contact": null,
            "body": "Responding to the release of four journalists in İstanbul, Zoë Ł. Ñúñez said:\n\n“This is long overdue. Today’s release must be followed by the dropping of all charges.”",
            "source": "https://example.org/news/turkiye-journalists",
            "summary": null,
            "lang": "en",
            "translation_of": null,
            "draft": false,
            "embargo": null,
            "aliases": [],
            "corrections": [],
            "withdrawn": null,
            "extra": {},
        })
    );
    // A date-time is kept as written; several speakers in order; a plain-name speaker.
    let egypt = &records[2];
    assert_eq!(egypt["date"], "2026-02-14T09:30:00+02:00");
    assert_eq!(egypt["speakers"][0]["name"], "سارة الحسيني");
    assert_eq!(
        egypt["speakers"][1],
        serde_json::json!({"name": "Omar Haddad", "role": null, "organization": null, "role_at_date": null})
    );
    assert_eq!(records[0]["embargo"], "2026-06-10T00:01:00Z");
    assert_eq!(records[5]["draft"], true);
}

#[test]
fn list_jsonl_is_one_record_per_line() {
    let archive = Archive::basic();
    let run = press(&archive, &["list", "--format", "jsonl"]);
    run.code(0);
    let slugs: Vec<String> = run
        .out()
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("one JSON record");
            record["slug"].as_str().expect("slug").to_owned()
        })
        .collect();
    assert_eq!(
        slugs,
        [
            "turkiye-journalists-released",
            "egypt-activists-detained",
            "global-interpol-red-notices",
            "sudan-civilians-el-fasher"
        ]
    );
}

#[test]
fn list_csv_parses_back() {
    let archive = Archive::basic();
    let run = press(&archive, &["list", "--format", "csv"]);
    run.code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "date", "slug", "title", "speakers", "topics", "location", "path"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[1],
        [
            "2026-02-14",
            "egypt-activists-detained",
            "Egypt: Activists detained ahead of vote",
            "سارة الحسيني; Omar Haddad",
            "human rights defenders; Elections",
            "Egypt",
            EGYPT
        ]
    );
    // A title with a comma and quotes survives the round trip.
    let archive = Archive::empty().file(
        "statements/2026/2026-01-27-a.md",
        statement(&front("Chile: \"Police\", again", "2026-01-27"), "Body.\n"),
    );
    let run = press(&archive, &["list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(run.stdout.as_slice());
    let row = reader.records().next().expect("a row").expect("valid CSV");
    assert_eq!(&row[2], "Chile: \"Police\", again");
}

#[test]
fn list_serves_good_files_and_warns_about_bad_ones() {
    let archive = Archive::basic().file(
        "statements/2026/2026-01-27-bad-lang.md",
        crate::support::invalid("bad-lang"),
    );
    let run = press(&archive, &["list", "--count"]);
    run.code(0);
    assert_eq!(run.out(), "4\n");
    assert_snapshot!(run.err(), @r#"
    statements/2026/2026-01-27-bad-lang.md:6:7: warning: `lang` is not a BCP 47 language tag: "english please"
      help: use a tag such as en, fr, pt-BR, ar or zh-Hant
    "#);
}

#[test]
fn list_refuses_a_malformed_date_bound() {
    let archive = Archive::basic();
    let run = press(&archive, &["list", "--since", "2026-13"]);
    run.code(2);
    assert_snapshot!(run.err(), @r#"press: error: invalid --since: "2026-13" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"#);
}

/// An archive with `count` statements, each with a long title (enough output to fill a pipe).
fn many(count: usize) -> Archive {
    let archive = Archive::empty();
    for i in 0..count {
        let date = format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1);
        archive.write(
            &format!("statements/2025/{date}-statement-number-{i}.md"),
            statement(
                &front(
                    &format!("Statement number {i}: a long title to fill the pipe quickly"),
                    &date,
                ),
                "Body.\n",
            ),
        );
    }
    archive
}

#[test]
fn list_into_a_closed_pipe_exits_quietly() {
    let archive = many(1500);
    for format in [
        "table", "paths", "json", "jsonl", "csv", "bibtex", "csl-json", "ris",
    ] {
        let mut command = archive.press();
        command
            .args(["list", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("start press");
        // Like `press list | head -1`: read one line, then close the pipe.
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("read a line");
        let output = child.wait_with_output().expect("press ends");
        // The line read is the first of the whole listing.
        let whole = press(&archive, &["list", "--format", format]);
        whole.code(0);
        let whole = whole.out();
        assert_eq!(
            Some(first.as_str()),
            whole.split_inclusive('\n').next(),
            "{format}"
        );
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{format}");
    }
}

/// Runs `press list --count` from `dir` with extra arguments and environment.
fn count_from(
    dir: &std::path::Path,
    args: &[&str],
    env: Option<(&str, &std::path::Path)>,
) -> crate::support::Run {
    let mut command = press_in(dir);
    command.args(args);
    if let Some((key, value)) = env {
        command.env(key, value);
    }
    run(command)
}

#[test]
fn list_finds_the_root_by_option_environment_or_upward_search() {
    let archive = Archive::basic();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let root = archive.path().to_str().expect("UTF-8 temp path");
    // --root before or after the subcommand.
    let run = count_from(elsewhere.path(), &["--root", root, "list", "--count"], None);
    assert_eq!(run.code(0).out(), "4\n");
    let run = count_from(elsewhere.path(), &["list", "--count", "--root", root], None);
    assert_eq!(run.code(0).out(), "4\n");
    let run = count_from(elsewhere.path(), &["-C", root, "list", "--count"], None);
    assert_eq!(run.code(0).out(), "4\n");
    // PRESS_ROOT.
    let run = count_from(
        elsewhere.path(),
        &["list", "--count"],
        Some(("PRESS_ROOT", archive.path())),
    );
    assert_eq!(run.code(0).out(), "4\n");
    // Upward from a subfolder.
    let run = count_from(
        &archive.path().join("statements/2026"),
        &["list", "--count"],
        None,
    );
    assert_eq!(run.code(0).out(), "4\n");
    // A press.toml alone marks a root too.
    std::fs::write(elsewhere.path().join("press.toml"), "").expect("write press.toml");
    let run = count_from(elsewhere.path(), &["list", "--count"], None);
    assert_eq!(run.code(0).out(), "0\n");
}

#[test]
fn list_without_an_archive_is_a_usage_error() {
    let nowhere = tempfile::tempdir().expect("temp dir");
    let run = count_from(nowhere.path(), &["list"], None);
    run.code(2);
    let err = run.err();
    assert_eq!(
        err,
        format!(
            "press: error: no archive here: no statements/ folder or press.toml in {} or above \
             it (run `press init`, or pass --root DIR)\n",
            nowhere.path().display()
        )
    );
    // A --root that is not an archive.
    let root = nowhere.path().to_str().expect("UTF-8");
    let run = count_from(nowhere.path(), &["--root", root, "list"], None);
    run.code(2);
    assert_eq!(
        run.err(),
        format!(
            "press: error: {root} is not an archive: it has no statements/ folder or press.toml \
             (run `press init {root}` to make one)\n"
        )
    );
    // A --root that does not exist.
    let run = count_from(nowhere.path(), &["--root", "no/such/folder", "list"], None);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: archive root no/such/folder is not a folder\n"
    );
}

/// Runs `press list` on a pseudo-terminal with this width and returns its lines.
fn table_on_terminal(archive: &Archive, columns: &str) -> Vec<String> {
    let mut command = archive.press();
    command.env("COLUMNS", columns).arg("list");
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
fn list_table_fits_the_terminal_width() {
    let archive = Archive::basic();
    for (columns, width) in [("60", 60), ("200", 200)] {
        let lines = table_on_terminal(&archive, columns);
        // The header and one line per statement: nothing wraps.
        assert_eq!(lines.len(), 5, "COLUMNS={columns}:\n{}", lines.join("\n"));
        assert!(lines[0].starts_with("DATE"), "{lines:?}");
        for (line, date) in
            lines[1..]
                .iter()
                .zip(["2026-03-02", "2026-02-14", "2026-01-27", "2025-11-20"])
        {
            assert!(line.starts_with(date), "{line}");
        }
        for line in &lines {
            assert!(
                line.chars().count() <= width,
                "COLUMNS={columns}: {} chars: {line}",
                line.chars().count()
            );
        }
    }
    // At 60 columns the long title is cut; at 200 only the longest row (203 characters whole) is.
    let narrow = table_on_terminal(&archive, "60");
    assert!(
        narrow[3].starts_with("2026-01-27  Global: Mis"),
        "{}",
        narrow[3]
    );
    assert!(
        !narrow[3].contains("institutional failure"),
        "{}",
        narrow[3]
    );
    let wide = table_on_terminal(&archive, "200");
    assert!(
        wide[1].contains("Türkiye: Release of journalists a step towards justice")
            && wide[1].ends_with("Freedom of expression; Journalists"),
        "{}",
        wide[1]
    );
    assert!(
        wide[3].ends_with("transnational repression; human rights defenders"),
        "{}",
        wide[3]
    );
}
