//! `press topics`, `speakers`, `locations` (counts, first and last dates, most used first), and
//! the generated `completions` and `man`.

use insta::assert_snapshot;

use crate::support::{Archive, press};

/// The JSON array a grouping command prints.
fn groups(command: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let archive = Archive::basic();
    let mut args = vec![command, "--format", "json"];
    args.extend_from_slice(extra);
    let run = press(&archive, &args);
    run.code(0);
    serde_json::from_slice(&run.stdout).expect("a JSON array")
}

#[test]
fn topics_json_has_name_slug_count_first_last_most_used_first() {
    let topics = groups("topics", &[]);
    for topic in &topics {
        let keys: Vec<&str> = topic
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["name", "slug", "count", "first", "last"]);
    }
    assert_eq!(
        topics[0],
        serde_json::json!({
            "name": "human rights defenders",
            "slug": "human-rights-defenders",
            "count": 2,
            "first": "2026-01-27",
            "last": "2026-02-14",
        })
    );
    assert_eq!(topics.len(), 9);
    // Drafts only on request.
    let with_drafts = groups("topics", &["--drafts"]);
    let freedom = with_drafts
        .iter()
        .find(|t| t["slug"] == "freedom-of-expression")
        .expect("topic");
    assert_eq!(freedom["count"], 2);
    assert_eq!(freedom["first"], "2025-06-05");
}

#[test]
fn topics_are_one_topic_across_spellings_shown_in_the_most_frequent() {
    let front = |title: &str, date: &str, topic: &str| {
        format!(
            "---\ntitle: {title:?}\ndate: {date}\nspeaker: \"X\"\ntopics: [{topic:?}]\n---\nBody.\n"
        )
    };
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-01-a.md",
            front("A", "2026-01-01", "Human rights defenders"),
        )
        .file(
            "statements/2026/2026-01-02-b.md",
            front("B", "2026-01-02", "human-rights-defenders"),
        )
        .file(
            "statements/2026/2026-01-03-c.md",
            front("C", "2026-01-03", "Human rights defenders"),
        );
    let run = press(&archive, &["topics", "--format", "json"]);
    run.code(0);
    let topics: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert_eq!(
        topics,
        serde_json::json!([{
            "name": "Human rights defenders",
            "slug": "human-rights-defenders",
            "count": 3,
            "first": "2026-01-01",
            "last": "2026-01-03",
        }])
    );
}

#[test]
fn a_statement_naming_a_group_in_two_spellings_counts_once() {
    let archive = Archive::empty().file(
        "statements/2026/2026-01-02-a.md",
        "---\ntitle: \"Chile: A\"\ndate: 2026-01-02\nspeaker:\n  - name: \"José Pérez\"\n  \
         - name: \"Jose Perez\"\ntopics: [\"Torture\", \"torture\", \"Death penalty\"]\n---\nBody.\n",
    );
    // With a cache (built by the first run, read by the second) and without.
    for args in [&[][..], &[][..], &["--no-cache"][..]] {
        for (command, slug, name) in [
            ("topics", "torture", "Torture"),
            ("speakers", "jose-perez", "José Pérez"),
        ] {
            let run = press(&archive, &[args, &[command, "--format", "json"]].concat());
            run.code(0);
            let groups: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
            let group = groups
                .as_array()
                .expect("array")
                .iter()
                .find(|g| g["slug"] == slug)
                .expect("the group");
            assert_eq!(group["count"], 1, "{command} {args:?}");
            // The spelling used first: the second one in the same statement is not counted.
            assert_eq!(group["name"], name, "{command} {args:?}");
        }
    }
    // The site's topic index says so too, as the topic's page lists one statement.
    press(&archive, &["export"]).code(0);
    let index = archive.read("site/topics/index.html");
    assert!(
        index.contains(">Torture</a> <span class=\"count\">1 statement</span>"),
        "{index}"
    );
}

#[test]
fn speakers_json_groups_by_name() {
    let speakers = groups("speakers", &[]);
    let names: Vec<&str> = speakers
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "Erika Guevara Rosas",
            "Omar Haddad",
            "سارة الحسيني",
            "Tigere Chagutah",
            "Zoë Ł. Ñúñez"
        ]
    );
    let zoe = &speakers[4];
    assert_eq!(zoe["slug"], "zoe-l-nunez");
    assert_eq!(zoe["count"], 1);
}

#[test]
fn locations_table() {
    let archive = Archive::basic();
    let run = press(&archive, &["locations"]);
    run.code(0);
    assert_snapshot!(run.out(), @r"
    LOCATION  STATEMENTS  FIRST       LAST
    Egypt              1  2026-02-14  2026-02-14
    Global             1  2026-01-27  2026-01-27
    Sudan              1  2025-11-20  2025-11-20
    Türkiye            1  2026-03-02  2026-03-02
    ");
    let locations = groups("locations", &[]);
    assert_eq!(locations.len(), 4);
    assert_eq!(locations[3]["slug"], "turkiye");
}

#[test]
fn completions_and_man_produce_output() {
    let archive = Archive::empty();
    // Each script registers itself for `press` and knows a subcommand's flags.
    for (shell, registers, flag) in [
        (
            "bash",
            "\n    complete -F _press -o bashdefault -o default press\n",
            " --include-embargoed ",
        ),
        (
            "zsh",
            "#compdef press\n",
            "'--include-embargoed[Include statements under embargo]' \\\n",
        ),
        (
            "fish",
            "\ncomplete -c press -n \"__fish_press_using_subcommand list\" -l include-embargoed -d 'Include statements under embargo'\n",
            "",
        ),
    ] {
        let run = press(&archive, &["completions", shell]);
        run.code(0);
        assert_eq!(run.err(), "", "{shell}");
        let out = run.out();
        assert!(out.contains(registers), "{shell}: {out}");
        assert!(out.contains(flag), "{shell}: {out}");
    }
    let run = press(&archive, &["man"]);
    run.code(0);
    let man = run.out();
    assert!(man.starts_with(".ie \\n(.g .ds Aq"), "{}", &man[..40]);
    assert!(man.contains(".TH press 1"), "roff title header");
    // Completions and man need no archive: the same page outside one.
    let nowhere = tempfile::tempdir().expect("temp dir");
    let run = crate::support::run({
        let mut c = crate::support::press_in(nowhere.path());
        c.arg("man");
        c
    });
    run.code(0);
    assert_eq!(run.out(), man);
}

/// Every page press(1) names under its commands (`press-list(1)`) is printed by `press man list`;
/// an unknown command is a usage error with a suggestion.
#[test]
fn man_prints_every_page_the_manual_names() {
    let archive = Archive::empty();
    let run = press(&archive, &["man"]);
    run.code(0);
    let man = run.out();
    let named: Vec<&str> = man
        .split("press\\-")
        .skip(1)
        .filter_map(|rest| rest.split_once("(1)").map(|(name, _)| name))
        .collect();
    assert!(
        named.contains(&"list") && named.contains(&"export"),
        "{named:?}"
    );
    for name in named {
        let run = press(&archive, &["man", name]);
        run.code(0);
        assert!(
            run.out().contains(&format!(".TH press-{name} 1  \"press ")),
            "{name}: {}",
            run.out()
        );
        assert!(
            run.out().contains(&format!("\\fBpress {name}\\fR")),
            "{name}"
        );
    }
    let run = press(&archive, &["man", "lst"]);
    run.code(2);
    assert_eq!(
        run.err(),
        "press: error: no command `lst`: did you mean `list`? the commands are init, new, edit, rename, list, show, cite, check, import, export, serve, correct, withdraw, db, topics, speakers, locations, quotes, completions, man, help\n"
    );
    assert_eq!(run.out(), "");
}

/// `completions` and `man` into a pipe closed before they write (`press completions bash | true`)
/// end quietly with 0; into a full disk (`> /dev/full`) they exit 2 with a message; never a panic.
#[test]
fn completions_and_man_into_a_closed_pipe_or_a_full_disk() {
    let archive = Archive::empty();
    for args in [
        &["completions", "bash"][..],
        &["completions", "zsh"],
        &["man"],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let mut command = archive.press();
        command.args(args);
        let run = crate::support::run_with_stdout(command, writer);
        run.code(0);
        assert_eq!(run.err(), "", "{args:?}");
        let full = std::path::Path::new("/dev/full");
        if !full.exists() {
            continue;
        }
        let mut command = archive.press();
        command.args(args);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(full)
            .expect("open /dev/full");
        let run = crate::support::run_with_stdout(command, file);
        run.code(2);
        let what = if args[0] == "man" {
            ""
        } else {
            "cannot write the completions: "
        };
        assert_eq!(
            run.err(),
            format!("press: error: {what}No space left on device (os error 28)\n"),
            "{args:?}"
        );
    }
}

#[test]
fn help_lists_the_exit_codes() {
    let archive = Archive::empty();
    let run = press(&archive, &["--help"]);
    run.code(0);
    assert!(
        run.out().contains("Exit codes:\n  0  success"),
        "{}",
        run.out()
    );
    let run = press(&archive, &["list", "--no-such-flag"]);
    run.code(2);
    assert_eq!(
        run.err(),
        "error: unexpected argument '--no-such-flag' found\n\nUsage: press list [OPTIONS]\n\nFor more information, try '--help'.\n"
    );
}

/// Two spellings used equally often: the newest statement's spelling names the topic, whichever
/// file or spelling sorts first.
#[test]
fn a_tie_between_spellings_goes_to_the_newest_statement() {
    let file = |date: &str, topic: &str| {
        format!(
            "---\ntitle: \"T\"\ndate: {date}\nspeaker: \"X\"\ntopics: [{topic:?}]\n---\nBody.\n"
        )
    };
    for (older, newer) in [("torture", "Torture"), ("Torture", "torture")] {
        let archive = Archive::empty()
            .file("statements/2026/2026-01-01-a.md", file("2026-01-01", older))
            .file("statements/2026/2026-03-01-b.md", file("2026-03-01", newer))
            .file("statements/2026/2026-02-01-c.md", file("2026-02-01", older))
            .file("statements/2026/2026-04-01-d.md", file("2026-04-01", newer));
        let run = press(&archive, &["topics", "--format", "json"]);
        run.code(0);
        let topics: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
        assert_eq!(
            topics,
            serde_json::json!([{
                "name": newer,
                "slug": "torture",
                "count": 4,
                "first": "2026-01-01",
                "last": "2026-04-01",
            }]),
            "{older} before {newer}"
        );
    }
}

/// Groups are ordered by count, then by name with case and accents folded, then by slug.
#[test]
fn groups_are_most_used_first_then_by_folded_name() {
    let file = |date: &str, topics: &str| {
        format!("---\ntitle: \"T\"\ndate: {date}\nspeaker: \"X\"\ntopics: [{topics}]\n---\nBody.\n")
    };
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-01-a.md",
            file("2026-01-01", "\"zeta\", \"Épsilon\""),
        )
        .file(
            "statements/2026/2026-01-02-b.md",
            file("2026-01-02", "\"beta\", \"alpha\""),
        )
        .file(
            "statements/2026/2026-01-03-c.md",
            file("2026-01-03", "\"zeta\""),
        );
    let run = press(&archive, &["topics", "--format", "json"]);
    run.code(0);
    let topics: serde_json::Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let names: Vec<&str> = topics
        .as_array()
        .expect("array")
        .iter()
        .map(|t| t["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["zeta", "alpha", "beta", "Épsilon"]);
}
