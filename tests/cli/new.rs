//! `press new`: the file it writes, `new` → `check` → `list` round trips with non-ASCII text,
//! prompts on a terminal, and refusing a taken slug without ever replacing a file.

use insta::assert_snapshot;

use crate::support::{Archive, press, run_with_input};

#[test]
fn new_writes_the_conventional_file_and_prints_its_path() {
    let archive = Archive::empty();
    let run = press(
        &archive,
        &[
            "new",
            "--title",
            "Türkiye: Zoë’s case must be reopened",
            "--speaker",
            "Zoë Ł. Ñúñez",
            "--role",
            "Regional Director",
            "--org",
            "Amnesty International",
            "--speaker",
            "سارة الحسيني",
            "--org",
            "منظمة العفو الدولية",
            "--topic",
            "Freedom of expression",
            "--topic",
            "حرية التعبير",
            // The same topic again, spelt otherwise: written once.
            "--topic",
            "freedom-of-expression",
            "--date",
            "2026-03-02",
            "--location",
            "Türkiye",
        ],
    );
    run.code(0);
    assert_eq!(
        run.out(),
        "statements/2026/2026-03-02-turkiye-zoe-s-case-must-be-reopened.md\n"
    );
    assert_snapshot!(archive.read("statements/2026/2026-03-02-turkiye-zoe-s-case-must-be-reopened.md"), @r#"
    ---
    title: "Türkiye: Zoë’s case must be reopened"
    date: 2026-03-02
    speaker:
      - name: "Zoë Ł. Ñúñez"
        role: "Regional Director"
        organization: "Amnesty International"
      - name: "سارة الحسيني"
        organization: "منظمة العفو الدولية"
    topics: ["Freedom of expression", "حرية التعبير"]
    location: "Türkiye"
    ---
    "#);
    // new → check → list.
    let check = press(&archive, &["check"]);
    check.code(0);
    assert_eq!(
        check.err(),
        "statements/2026/2026-03-02-turkiye-zoe-s-case-must-be-reopened.md:12:1: warning: the statement has no body text\n  help: add the statement's text after the closing `---`\nchecked 1 statement: 0 errors, 1 warning\n"
    );
    let list = press(&archive, &["list", "--format", "json"]);
    list.code(0);
    let records: serde_json::Value = serde_json::from_slice(&list.stdout).expect("JSON");
    assert_eq!(records[0]["title"], "Türkiye: Zoë’s case must be reopened");
    assert_eq!(
        records[0]["speakers"],
        serde_json::json!([
            {"name": "Zoë Ł. Ñúñez", "role": "Regional Director", "organization": "Amnesty International", "role_at_date": null},
            {"name": "سارة الحسيني", "role": null, "organization": "منظمة العفو الدولية", "role_at_date": null},
        ])
    );
    assert_eq!(
        records[0]["topics"],
        serde_json::json!(["Freedom of expression", "حرية التعبير"])
    );
    let by_speaker = press(&archive, &["list", "--speaker", "zoe l", "--count"]);
    assert_eq!(by_speaker.out(), "1\n");
    let by_topic = press(&archive, &["list", "--topic", "حرية التعبير", "--count"]);
    assert_eq!(by_topic.out(), "1\n");
}

#[test]
fn new_round_trips_an_arabic_title_and_every_option() {
    let archive = Archive::empty();
    let body = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(
        body.path(),
        "\n\nThe text, “quoted” — as written.\n\n> A quote.\n\n",
    )
    .expect("write body");
    let body_path = body.path().to_str().expect("UTF-8 path");
    let run = run_with_input(
        {
            let mut command = archive.press();
            command.args([
                "new",
                "--title",
                "مصر: اعتقال ناشطين قبل الانتخابات",
                "--speaker",
                "no",
                "--topic",
                "2026",
                "--topic",
                "yes",
                "--date",
                "2026-02-14",
                "--lang",
                "ar",
                "--summary",
                "null",
                "--source",
                "https://example.org/ar/1",
                "--draft",
                "--embargo",
                "2026-06-10T09:00:00+03:00",
                "--body-file",
                body_path,
                "--background-file",
                "-",
            ]);
            command
        },
        Some("Background: ~ with # and ---\nsecond line\n".as_bytes()),
    );
    run.code(0);
    let path = run.out().trim_end().to_owned();
    assert_eq!(
        path,
        "statements/2026/2026-02-14-msr-tql-nshtyn-qbl-lntkhbt.md"
    );
    let slug = path
        .trim_start_matches("statements/2026/2026-02-14-")
        .trim_end_matches(".md");
    assert!(press::slug::is_valid(slug), "{slug}");
    let shown = press(&archive, &["show", slug, "--format", "json"]);
    shown.code(0);
    let record: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("JSON");
    assert_eq!(
        record,
        serde_json::json!({
            "slug": slug,
            "path": path,
            "title": "مصر: اعتقال ناشطين قبل الانتخابات",
            "date": "2026-02-14",
            "speakers": [{"name": "no", "role": null, "organization": null, "role_at_date": null}],
            "topics": ["2026", "yes"],
            "location": null,
            "background": "Background: ~ with # and ---\nsecond line",
            "contact": null,
            "body": "The text, “quoted” — as written.\n\n> A quote.",
            "source": "https://example.org/ar/1",
            "summary": "null",
            "lang": "ar",
            "translation_of": null,
            "draft": true,
            "embargo": "2026-06-10T09:00:00+03:00",
            "aliases": [],
            "corrections": [],
            "withdrawn": null,
            "extra": {},
        })
    );
    press(&archive, &["check"]).code(0);
}

#[test]
fn new_refuses_a_taken_slug_and_names_the_file() {
    let archive = Archive::basic();
    let before = archive.files();
    let run = press(
        &archive,
        &[
            "new",
            "--title",
            "Sudan: Civilians, El Fasher",
            "--speaker",
            "X",
            "--topic",
            "Y",
            "--date",
            "2026-05-01",
        ],
    );
    run.code(2);
    assert_eq!(run.out(), "");
    assert_snapshot!(run.err(), @"press: error: the slug `sudan-civilians-el-fasher` is taken by statements/2025/2025-11-20-sudan-civilians-el-fasher.md; choose another with --slug");
    assert_eq!(archive.files(), before, "no file written");
    // With --slug it goes through.
    let run = press(
        &archive,
        &[
            "new",
            "--title",
            "Sudan: Civilians, El Fasher",
            "--speaker",
            "X",
            "--topic",
            "Y",
            "--date",
            "2026-05-01",
            "--slug",
            "sudan-el-fasher-again",
        ],
    );
    run.code(0);
    assert_eq!(
        run.out(),
        "statements/2026/2026-05-01-sudan-el-fasher-again.md\n"
    );
    assert_eq!(
        archive.read("statements/2026/2026-05-01-sudan-el-fasher-again.md"),
        "---\ntitle: \"Sudan: Civilians, El Fasher\"\ndate: 2026-05-01\nspeaker:\n  name: \"X\"\ntopics: [\"Y\"]\nslug: \"sudan-el-fasher-again\"\n---\n"
    );
}

#[test]
fn new_never_overwrites_an_existing_file_even_a_broken_one() {
    // The file at the target path does not parse, so its slug is unknown to the archive: the
    // no-clobber rename is what protects it.
    let archive = Archive::empty().file(
        "statements/2026/2026-03-02-chile-police.md",
        "not a statement",
    );
    let run = press(
        &archive,
        &[
            "new",
            "--title",
            "Chile: Police",
            "--speaker",
            "X",
            "--topic",
            "Y",
            "--date",
            "2026-03-02",
        ],
    );
    run.code(2);
    assert_snapshot!(run.err(), @"press: error: statements/2026/2026-03-02-chile-police.md already exists; press never replaces a statement file");
    assert_eq!(
        archive.read("statements/2026/2026-03-02-chile-police.md"),
        "not a statement"
    );
    assert_eq!(
        archive.files(),
        ["statements/2026/2026-03-02-chile-police.md"],
        "no temporary file left"
    );
}

#[test]
fn new_without_a_terminal_names_what_is_missing() {
    let archive = Archive::empty();
    let run = press(&archive, &["new"]);
    run.code(2);
    assert_snapshot!(run.err(), @"press: error: missing --title, --speaker, --topic: pass them as options, or run on a terminal to be asked");
    let run = press(&archive, &["new", "--title", "X", "--speaker", "Y"]);
    run.code(2);
    assert_snapshot!(run.err(), @"press: error: missing --topic: pass them as options, or run on a terminal to be asked");
    assert_eq!(archive.files(), Vec::<String>::new());
}

#[test]
fn new_refuses_invalid_values_before_writing() {
    let archive = Archive::empty();
    let base = [
        "new",
        "--title",
        "X",
        "--speaker",
        "Y",
        "--topic",
        "Z",
        "--date",
        "2026-01-27",
    ];
    let cases: &[(&[&str], &str)] = &[
        (
            &["--source", "ftp://x"],
            "press: error: the new statement would not be valid: `source` is not an absolute http(s) URL: \"ftp://x\"",
        ),
        (
            &["--lang", "english"],
            "press: error: the new statement would not be valid: `lang` is not a BCP 47 language tag: \"english\"",
        ),
        (
            &["--slug", "Bad Slug"],
            "press: error: invalid --slug \"Bad Slug\": use lowercase ASCII letters, digits and single hyphens, e.g. \"bad-slug\"",
        ),
        (
            &["--embargo", "tomorrow"],
            "press: error: invalid --embargo \"tomorrow\": use RFC 3339 with an offset, e.g. 2026-01-27T09:00:00+01:00: premature end of input",
        ),
    ];
    for (extra, message) in cases {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        let run = press(&archive, &args);
        run.code(2);
        assert_eq!(run.err(), format!("{message}\n"));
    }
    let run = press(
        &archive,
        &[
            "new",
            "--title",
            "X",
            "--speaker",
            "Y",
            "--topic",
            "Z",
            "--date",
            "2026-02-30",
        ],
    );
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: invalid --date \"2026-02-30\": use YYYY-MM-DD\n"
    );
    let run = press(
        &archive,
        &[
            "new",
            "--role",
            "R",
            "--speaker",
            "Y",
            "--title",
            "X",
            "--topic",
            "Z",
        ],
    );
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: --role \"R\" comes before any --speaker: put it after the speaker it belongs to\n"
    );
    assert_eq!(archive.files(), Vec::<String>::new());
}

/// `--date` is the whole `YYYY-MM-DD`: a date without its leading zeros (which chrono alone
/// would read) or with a time after it is refused, and nothing is written.
#[test]
fn new_refuses_a_date_not_written_as_yyyy_mm_dd() {
    let archive = Archive::empty();
    for date in ["2026-1-5", "2026-01-5", "+2026-01-05"] {
        let run = press(
            &archive,
            &[
                "new",
                "--title",
                "X",
                "--speaker",
                "Y",
                "--topic",
                "Z",
                "--date",
                date,
            ],
        );
        run.code(2);
        assert_eq!(run.out(), "");
        assert_eq!(
            run.err(),
            format!("press: error: invalid --date \"{date}\": use YYYY-MM-DD\n")
        );
    }
    assert_eq!(archive.files(), Vec::<String>::new());
}

#[test]
fn new_defaults_the_date_to_today() {
    let archive = Archive::empty();
    let run = press(
        &archive,
        &["new", "--title", "X", "--speaker", "Y", "--topic", "Z"],
    );
    run.code(0);
    assert_eq!(run.out(), "statements/2026/2026-06-01-x.md\n");
}

#[test]
fn new_prompts_on_a_terminal() {
    let archive = Archive::empty();
    let mut command = archive.press();
    command.arg("new");
    let mut session = expectrl::Session::spawn(command).expect("spawn on a pty");
    session.set_expect_timeout(Some(crate::support::WATCHDOG));
    for (question, answer) in [
        ("Title: ", "Türkiye: Zoë’s trial"),
        ("Speaker name: ", "Zoë Ł. Ñúñez"),
        ("Role (optional): ", "Director"),
        ("Organization (optional): ", ""),
        (
            "Topics (comma-separated): ",
            "Freedom of expression, Trials ,",
        ),
    ] {
        session.expect(question).expect(question);
        session.send_line(answer).expect("answer");
    }
    let rest = session.expect(expectrl::Eof).expect("press ends");
    let mut output = rest.before().to_vec();
    for m in rest.matches() {
        output.extend_from_slice(m);
    }
    let output = String::from_utf8(output).expect("UTF-8");
    assert!(
        output.contains("statements/2026/2026-06-01-turkiye-zoe-s-trial.md"),
        "{output}"
    );
    assert_snapshot!(archive.read("statements/2026/2026-06-01-turkiye-zoe-s-trial.md"), @r#"
    ---
    title: "Türkiye: Zoë’s trial"
    date: 2026-06-01
    speaker:
      name: "Zoë Ł. Ñúñez"
      role: "Director"
    topics: ["Freedom of expression", "Trials"]
    ---
    "#);
}

#[test]
fn new_asks_only_for_what_is_missing() {
    let archive = Archive::empty();
    let mut command = archive.press();
    command.args(["new", "--title", "Chile: X", "--speaker", "Ana Piquer"]);
    let mut session = expectrl::Session::spawn(command).expect("spawn on a pty");
    session.set_expect_timeout(Some(crate::support::WATCHDOG));
    let asked = session
        .expect("Topics (comma-separated): ")
        .expect("asks for topics");
    let before = String::from_utf8_lossy(asked.before()).into_owned();
    assert!(!before.contains("Title"), "{before}");
    session.send_line("Policing").expect("answer");
    session.expect(expectrl::Eof).expect("press ends");
    assert!(
        archive
            .read("statements/2026/2026-06-01-chile-x.md")
            .contains("topics: [\"Policing\"]")
    );
}

/// Issue: `new` and `import` wrote through a year folder that is a symbolic link (to a folder
/// outside the archive) and printed a path under statements/. They now refuse (exit 2) naming
/// the folder, and nothing is written where it leads.
#[cfg(unix)]
#[test]
fn new_and_import_refuse_a_symlinked_folder() {
    let outside = tempfile::tempdir().unwrap();
    let archive = Archive::empty().file("in.txt", "Sym two\n\nBody.\n");
    std::os::unix::fs::symlink(outside.path(), archive.path().join("statements/2027")).unwrap();
    let run = press(
        &archive,
        &[
            "new",
            "--title",
            "Sym",
            "--speaker",
            "X",
            "--topic",
            "T",
            "--date",
            "2027-01-01",
        ],
    );
    run.code(2);
    assert_snapshot!(run.err(), @"press: error: refusing to write statements/2027/2027-01-01-sym.md: the folder statements/2027 is a symbolic link; press only writes real files inside statements/ (replace the link with a folder)");
    let run = press(
        &archive,
        &[
            "import",
            "in.txt",
            "--speaker",
            "X",
            "--topic",
            "T",
            "--date",
            "2027-01-02",
        ],
    );
    run.code(2);
    assert_snapshot!(run.err(), @"press: error: refusing to write statements/2027/2027-01-02-sym-two.md: the folder statements/2027 is a symbolic link; press only writes real files inside statements/ (replace the link with a folder)");
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

/// Issue: statement files written by `new` and `import` had mode 600 (the temporary file's),
/// while every other file press writes follows the umask. They are now created as any new file
/// is: 0666 less the umask, the mode of a file the test itself writes (644 under umask 022).
#[cfg(unix)]
#[test]
fn new_and_import_write_files_with_the_usual_mode() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |archive: &Archive, relative: &str| {
        std::fs::metadata(archive.path().join(relative))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    // `press` inherits this process's umask.
    let archive = Archive::empty().file("in.txt", "Imported\n\nBody.\n");
    let usual = mode(&archive, "in.txt");
    let run = press(
        &archive,
        &[
            "new",
            "--title",
            "New",
            "--speaker",
            "X",
            "--topic",
            "T",
            "--date",
            "2026-01-01",
        ],
    );
    run.code(0);
    assert_eq!(mode(&archive, run.out().trim()), usual);
    let run = press(
        &archive,
        &[
            "import",
            "in.txt",
            "--speaker",
            "X",
            "--topic",
            "T",
            "--date",
            "2026-01-02",
        ],
    );
    run.code(0);
    assert_eq!(mode(&archive, run.out().trim()), usual);
}

/// Several `press new` at once, with one title and different dates: one takes the slug, every
/// other one finds it taken (it used to be written twice, files with different dates).
#[test]
fn new_at_the_same_time_takes_a_slug_once() {
    let archive = Archive::empty();
    let children: Vec<std::process::Child> = (1..=6)
        .map(|day| {
            archive
                .press()
                .args([
                    "new",
                    "--title",
                    "Race",
                    "--speaker",
                    "S",
                    "--topic",
                    "T",
                    "--date",
                    &format!("2026-01-0{day}"),
                ])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<Option<i32>> = children
        .into_iter()
        .map(|child| child.wait_with_output().unwrap().status.code())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(2)).count(),
        5,
        "{codes:?}"
    );
    press(&archive, &["check"]).code(0);
}

/// `--org` alone: the organisation speaks, and the file says so with no `name`; twice is an error.
#[test]
fn new_with_org_alone_makes_the_organisation_the_speaker() {
    let archive = Archive::empty();
    let base = [
        "new",
        "--title",
        "X",
        "--topic",
        "Z",
        "--date",
        "2026-01-27",
    ];
    let mut args = base.to_vec();
    args.extend_from_slice(&["--org", "Department for Business and Trade"]);
    press(&archive, &args).code(0);
    let files = archive.files();
    assert_eq!(files.len(), 1);
    assert_eq!(
        archive.read(&files[0]),
        "---\ntitle: \"X\"\ndate: 2026-01-27\nspeaker:\n  organization: \"Department for Business and Trade\"\ntopics: [\"Z\"]\n---\n"
    );
    let mut args = base.to_vec();
    args.extend_from_slice(&["--org", "A", "--org", "B"]);
    let run = press(&archive, &args);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: --org is given more than once with no --speaker: give one organisation, or a --speaker before each --org\n"
    );
}
