//! The speaker directory (`speakers.toml`): its located errors, aliases as one speaker in every
//! output, `check`'s warnings about names that look like one person, strict mode, role
//! histories, the JSON, and redirects from an alias's speaker page.

use std::process::Command;

use crate::export::{browser_tool, tool};
use crate::support::{Archive, press};

/// A statement by `speaker` (YAML) on `date`.
fn said(speaker: &str, date: &str) -> String {
    format!(
        "---\ntitle: \"On {date}\"\ndate: {date}\nspeaker: {speaker}\ntopics: [\"Policing\"]\n---\nBody.\n"
    )
}

/// An archive where one person is written two ways (the second an alias in the directory),
/// speaks in two roles, and an organisation is named by its alias.
fn erika() -> Archive {
    Archive::empty()
        .file(
            "statements/2026/2026-01-10-a.md",
            said(
                "{name: \"Erika Guevara Rosas\", role: \"Director\", organization: \"Amnesty International\"}",
                "2026-01-10",
            ),
        )
        .file(
            "statements/2026/2026-02-10-b.md",
            said(
                "{name: \"Erika Guevara Rozas\", role: \"Senior Director\", organization: \"AI\"}",
                "2026-02-10",
            ),
        )
        .file(
            "statements/2026/2026-03-10-c.md",
            said("\"Ana Piquer\"", "2026-03-10"),
        )
        .file(
            "speakers.toml",
            "[[person]]\nname = \"Erika Guevara Rosas\"\naliases = [\"Erika Guevara Rozas\"]\nroles = [\n  \
             {role = \"Director\", organization = \"Amnesty International\", from = 2020-01-01, until = 2026-01-31},\n  \
             {role = \"Senior Director\", organization = \"Amnesty International\", from = 2026-02-01},\n]\n\
             [[organization]]\nname = \"Amnesty International\"\naliases = [\"AI\"]\n",
        )
}

#[test]
fn directory_errors_are_located_and_refuse_check_and_export() {
    let cases = [
        (
            "[[person]]\nname = \"A B\"\nalias = [\"C\"]\n",
            "speakers.toml:3:1: error: unknown key `alias`\n  help: did you mean `aliases`?\n",
        ),
        (
            "[[person]]\nname = \"Ana Piquer\"\n[[person]]\nname = \"ana-piquer\"\n",
            "speakers.toml:4:8: error: person \"ana-piquer\" is claimed twice: also at line 2\n  \
             help: a name names one person: merge the two entries into one\n",
        ),
        (
            "[[person]]\nname = \"Ana Piquer\"\n[[person]]\nname = \"Erika Guevara Rosas\"\naliases = [\"Ana  Piquer\"]\n",
            "speakers.toml:5:12: error: alias \"Ana  Piquer\" of \"Erika Guevara Rosas\" is the name of another person (line 2)\n  \
             help: if they are one person, merge the two entries (keep \"Erika Guevara Rosas\" as the name and the other's name among its aliases); else remove the alias\n",
        ),
        (
            "[[organization]]\nname = \"A\"\naliases = [\"X\"]\n[[organization]]\nname = \"B\"\naliases = [\"x\"]\n",
            "speakers.toml:6:12: error: alias \"x\" of \"B\" is also an alias of \"A\" (line 3)\n  \
             help: a spelling names one organization: remove it from one of them\n",
        ),
        (
            "[[person]]\nname = \"Ana Piquer\"\nroles = [{role = \"R\", from = \"1 May\"}]\n",
            "speakers.toml:3:30: error: `from` must be a calendar day, found \"1 May\"\n  \
             help: write it as from = 2024-03-01\n",
        ),
        (
            "[[person]]\nname = \"Ana Piquer\"\nroles = [{role = \"R\", from = 2024-05-01, until = 2024-04-30}]\n",
            "speakers.toml:3:50: error: role \"R\" ends on 2024-04-30, before it starts (2024-05-01)\n  \
             help: `from` is the first day in the role and `until` the last: swap or fix them\n",
        ),
        (
            "[[person]]\nname = \"Ana Piquer\"\nroles = [{role = \"R\", from = 2024-02-30}]\n",
            "speakers.toml:3:38: error: invalid date-time: value is out of range\n  \
             help: see the speaker directory in docs/format.md for each key and its type\n",
        ),
    ];
    for (toml, message) in cases {
        let archive = Archive::empty()
            .file(
                "statements/2026/2026-01-10-a.md",
                said("\"Ana Piquer\"", "2026-01-10"),
            )
            .file("speakers.toml", toml);
        let check = press(&archive, &["check"]);
        check.code(1);
        assert_eq!(
            check.err(),
            format!("{message}checked 1 statement: 1 error, 0 warnings\n"),
            "{toml}"
        );
        let export = press(&archive, &["export"]);
        export.code(1);
        assert_eq!(
            export.err(),
            format!(
                "{message}press: export refused: 1 error in the archive; nothing written (fix it, or pass --keep-going to skip those files)\n"
            ),
            "{toml}"
        );
        assert!(!archive.path().join("site").exists());
    }
}

#[test]
fn an_alias_is_one_speaker_in_lists_filters_groups_and_json() {
    let archive = erika();
    let check = press(&archive, &["check"]);
    check.code(0);
    assert_eq!(check.err(), "checked 3 statements: 0 errors, 0 warnings\n");
    let speakers = press(&archive, &["speakers"]);
    speakers.code(0);
    assert_eq!(
        speakers.out(),
        "SPEAKER              STATEMENTS  FIRST       LAST        ROLE\n\
         Erika Guevara Rosas           2  2026-01-10  2026-02-10  Senior Director\n\
         Ana Piquer                    1  2026-03-10  2026-03-10\n"
    );
    // Filtering by the alias finds the person under either spelling.
    let list = press(
        &archive,
        &["list", "--speaker", "Rozas", "--format", "paths"],
    );
    list.code(0);
    assert_eq!(
        list.out(),
        "statements/2026/2026-02-10-b.md\nstatements/2026/2026-01-10-a.md\n"
    );
    let csv = press(&archive, &["list", "--format", "csv"]);
    assert_eq!(
        csv.out()
            .lines()
            .filter(|l| l.contains("Erika Guevara Rosas"))
            .count(),
        2,
        "{}",
        csv.out()
    );
    // JSON: the canonical name (and organisation), the role on the statement's day.
    let show = press(&archive, &["show", "b", "--format", "json"]);
    show.code(0);
    let record: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(
        record["speakers"],
        serde_json::json!([{
            "name": "Erika Guevara Rosas", "role": "Senior Director",
            "organization": "Amnesty International",
            "role_at_date": {"role": "Senior Director", "organization": "Amnesty International", "from": "2026-02-01", "until": null},
        }])
    );
    let show = press(&archive, &["show", "a", "--format", "json"]);
    let record: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(record["speakers"][0]["role_at_date"]["role"], "Director");
    let show = press(&archive, &["show", "c", "--format", "json"]);
    let record: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(
        record["speakers"][0]["role_at_date"],
        serde_json::Value::Null
    );
    let groups = press(&archive, &["speakers", "--format", "json"]);
    let groups: serde_json::Value = serde_json::from_slice(&groups.stdout).unwrap();
    assert_eq!(
        groups[0],
        serde_json::json!({
            "name": "Erika Guevara Rosas", "slug": "erika-guevara-rosas", "count": 2,
            "first": "2026-01-10", "last": "2026-02-10",
            "role": {"role": "Senior Director", "organization": "Amnesty International", "from": "2026-02-01", "until": null},
            "aliases": ["Erika Guevara Rozas"],
            "roles": [
                {"role": "Director", "organization": "Amnesty International", "from": "2020-01-01", "until": "2026-01-31"},
                {"role": "Senior Director", "organization": "Amnesty International", "from": "2026-02-01", "until": null},
            ],
        })
    );
    // Without a directory, roles come from the statements: each with its first and last day.
    assert_eq!(
        groups[1],
        serde_json::json!({
            "name": "Ana Piquer", "slug": "ana-piquer", "count": 1,
            "first": "2026-03-10", "last": "2026-03-10", "role": null, "aliases": [], "roles": [],
        })
    );
}

/// On the day a person moves from one role to the next (the old role's last day is the new
/// one's first), a statement is dated in the new role.
#[test]
fn on_the_day_of_a_handover_the_new_role_is_the_one_held() {
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-02-01-a.md",
            said("\"Erika Guevara Rosas\"", "2026-02-01"),
        )
        .file(
            "speakers.toml",
            "[[person]]\nname = \"Erika Guevara Rosas\"\nroles = [\n  \
             {role = \"Director\", organization = \"Amnesty International\", from = 2020-01-01, until = 2026-02-01},\n  \
             {role = \"Senior Director\", organization = \"Amnesty International\", from = 2026-02-01},\n]\n",
        );
    let show = press(&archive, &["show", "a", "--format", "json"]);
    show.code(0);
    let record: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(
        record["speakers"],
        serde_json::json!([{
            "name": "Erika Guevara Rosas", "role": null, "organization": null,
            "role_at_date": {"role": "Senior Director", "organization": "Amnesty International", "from": "2026-02-01", "until": null},
        }])
    );
}

#[test]
fn speaker_pages_show_roles_aliases_and_redirect_from_the_alias() {
    let archive = erika();
    press(&archive, &["export", "--base-url", "https://example.org/"]).code(0);
    // The redirect is no page of the site's own: the sitemap leaves it out.
    let sitemap = archive.read("site/sitemap.xml");
    assert!(
        sitemap.contains("speakers/erika-guevara-rosas/"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("rozas"), "{sitemap}");
    let page = archive.read("site/speakers/erika-guevara-rosas/index.html");
    let roles = "<p class=\"aliases\">Also written: Erika Guevara Rozas.</p>\n\
        <section aria-labelledby=\"roles\">\n<h2 id=\"roles\">Roles</h2>\n<ul class=\"roles\">\n  \
        <li>Director, Amnesty International: <time datetime=\"2020-01-01\">2020-01-01</time> to <time datetime=\"2026-01-31\">2026-01-31</time></li>\n  \
        <li>Senior Director, Amnesty International: <time datetime=\"2026-02-01\">2026-02-01</time> to today</li>\n\
        </ul>\n</section>\n";
    assert!(page.contains(roles), "{page}");
    assert_eq!(page.matches("<article class=\"card\">").count(), 2);
    assert_eq!(
        archive.read("site/speakers/erika-guevara-rozas/index.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Erika Guevara Rosas</title>\n\
         <link rel=\"canonical\" href=\"https://example.org/speakers/erika-guevara-rosas/\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url=../../speakers/erika-guevara-rosas/index.html\">\n\
         </head>\n<body>\n<p><a href=\"../../speakers/erika-guevara-rosas/index.html\">Erika Guevara Rosas</a></p>\n\
         </body>\n</html>\n"
    );
    // Hosts that read `_redirects` send the old address on too.
    assert_eq!(
        archive.read("site/_redirects"),
        "/speakers/erika-guevara-rozas/ /speakers/erika-guevara-rosas/ 301\n"
    );
    // Without a directory, the history comes from the statements.
    let plain = Archive::empty()
        .file(
            "statements/2024/2024-01-10-a.md",
            said("{name: \"Ana Piquer\", role: \"Director\"}", "2024-01-10"),
        )
        .file(
            "statements/2025/2025-01-10-b.md",
            said("{name: \"Ana Piquer\", role: \"Director\"}", "2025-01-10"),
        )
        .file(
            "statements/2026/2026-01-10-c.md",
            said(
                "{name: \"Ana Piquer\", role: \"Head\", organization: \"X & Y\"}",
                "2026-01-10",
            ),
        );
    press(&plain, &["export"]).code(0);
    let page = plain.read("site/speakers/ana-piquer/index.html");
    assert!(
        page.contains(
            "<li>Director: <time datetime=\"2024-01-10\">2024-01-10</time> to <time datetime=\"2025-01-10\">2025-01-10</time></li>\n  \
             <li>Head, X &amp; Y: <time datetime=\"2026-01-10\">2026-01-10</time> to <time datetime=\"2026-01-10\">2026-01-10</time></li>"
        ),
        "{page}"
    );
    assert!(!page.contains("Also written"));
    if !tool("java") {
        return;
    }
    let Some(vnu) = browser_tool("node_modules/vnu-jar/build/dist/vnu.jar") else {
        return;
    };
    let output = Command::new("java")
        .arg("-jar")
        .arg(vnu)
        .args(["--errors-only", "--skip-non-html"])
        .arg(archive.path().join("site/speakers"))
        .arg(plain.path().join("site/speakers"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the Nu checker found errors:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn check_warns_about_names_that_look_like_one_person_once_per_pair() {
    let archive = Archive::empty()
        .file(
            "statements/2026/2026-01-01-a.md",
            said("\"Erika Guevara Rosas\"", "2026-01-01"),
        )
        .file(
            "statements/2026/2026-01-02-b.md",
            said("\"Erika Guevara Rosas\"", "2026-01-02"),
        )
        .file(
            "statements/2026/2026-01-03-c.md",
            said("\"Erika GuevaraRosas\"", "2026-01-03"),
        )
        .file(
            "statements/2026/2026-01-04-d.md",
            said("\"E. Guevara Rosas\"", "2026-01-04"),
        )
        .file(
            "statements/2026/2026-01-05-e.md",
            said("\"Ana Piquer\"", "2026-01-05"),
        )
        .file(
            "statements/2026/2026-01-06-f.md",
            said("\"Ana Piquet\"", "2026-01-06"),
        )
        .file(
            "statements/2026/2026-01-07-g.md",
            said("\"Ana Piquer\"", "2026-01-07"),
        )
        .file(
            "statements/2026/2026-01-08-h.md",
            said("\"John Smith\"", "2026-01-08"),
        )
        .file(
            "statements/2026/2026-01-09-i.md",
            said("\"Jane Smith\"", "2026-01-09"),
        );
    let check = press(&archive, &["check"]);
    check.code(0);
    let merge = |keep: &str, change: &str| {
        format!(
            "  help: if they are one person, list \"{change}\" among the aliases of \"{keep}\" in speakers.toml, \
             or run `press speakers merge \"{keep}\" \"{change}\" --into \"{keep}\"`\n"
        )
    };
    assert_eq!(
        check.err(),
        [
            "statements/2026/2026-01-03-c.md:4:10: warning: speaker \"Erika GuevaraRosas\" looks like \"Erika Guevara Rosas\" (statements/2026/2026-01-01-a.md): the same name but for accents, case, hyphens, spaces or punctuation\n".to_owned(),
            merge("Erika Guevara Rosas", "Erika GuevaraRosas"),
            "statements/2026/2026-01-04-d.md:4:10: warning: speaker \"E. Guevara Rosas\" looks like \"Erika Guevara Rosas\" (statements/2026/2026-01-01-a.md): the same surname, with the given name as an initial\n".to_owned(),
            merge("Erika Guevara Rosas", "E. Guevara Rosas"),
            "statements/2026/2026-01-06-f.md:4:10: warning: speaker \"Ana Piquet\" looks like \"Ana Piquer\" (statements/2026/2026-01-05-e.md): the same given name, with the surname one letter apart\n".to_owned(),
            merge("Ana Piquer", "Ana Piquet"),
            "checked 9 statements: 0 errors, 3 warnings\n".to_owned(),
        ]
        .concat()
    );
    // Tied together in the directory, they are one person: no warning.
    archive.write(
        "speakers.toml",
        "[[person]]\nname = \"Erika Guevara Rosas\"\naliases = [\"E. Guevara Rosas\", \"Erika GuevaraRosas\"]\n\
         [[person]]\nname = \"Ana Piquer\"\n[[person]]\nname = \"Ana Piquet\"\n",
    );
    let check = press(&archive, &["check"]);
    assert_eq!(check.err(), "checked 9 statements: 0 errors, 0 warnings\n");
}

#[test]
fn strict_mode_refuses_a_speaker_outside_the_directory() {
    let archive = erika().file(
        "statements/2026/2026-04-10-d.md",
        said(
            "{name: \"Erika Guevara Rosa\", organization: \"Amnesty\"}",
            "2026-04-10",
        ),
    );
    let toml = archive.read("speakers.toml");
    archive.write(
        "speakers.toml",
        format!("strict = true\n{toml}[[person]]\nname = \"Ana Piquer\"\n"),
    );
    let check = press(&archive, &["check"]);
    check.code(1);
    assert_eq!(
        check.err(),
        "statements/2026/2026-04-10-d.md:4:10: error: speaker \"Erika Guevara Rosa\" is not in speakers.toml (strict = true)\n  \
         help: did you mean \"Erika Guevara Rosas\"? Else add \"Erika Guevara Rosa\" to speakers.toml as a [[person]] (or to an entry's aliases)\n\
         statements/2026/2026-04-10-d.md:4:10: warning: speaker \"Erika Guevara Rosa\" looks like \"Erika Guevara Rosas\" (statements/2026/2026-01-10-a.md): the same given name, with the surname one letter apart\n  \
         help: if they are one person, list \"Erika Guevara Rosa\" among the aliases of \"Erika Guevara Rosas\" in speakers.toml, or run `press speakers merge \"Erika Guevara Rosas\" \"Erika Guevara Rosa\" --into \"Erika Guevara Rosas\"`\n\
         checked 4 statements: 1 error, 1 warning\n"
    );
    press(&archive, &["export"]).code(1);
    // An organisation speaking with no person is looked up among the organisations.
    archive.write(
        "statements/2026/2026-04-10-d.md",
        said("{organization: \"Amnesty Intl\"}", "2026-04-10"),
    );
    let check = press(&archive, &["check"]);
    check.code(1);
    assert_eq!(
        check.err(),
        "statements/2026/2026-04-10-d.md:4:10: error: organization \"Amnesty Intl\" is not in speakers.toml (strict = true)\n  \
         help: add \"Amnesty Intl\" to speakers.toml as a [[organization]] (or to an entry's aliases), or set strict = false\n\
         checked 4 statements: 1 error, 0 warnings\n"
    );
}

#[test]
fn import_writes_the_directorys_canonical_names() {
    let archive = Archive::empty()
        .file(
            "in.txt",
            "Kenya: Stop abductions\n\nResponding to reports, the Freedom Now Coalition’s Legal Director Tomas Herrera said:\n\n“Release them at once.”\n",
        )
        .file(
            "speakers.toml",
            "[[person]]\nname = \"Tomás Herrera-Ruiz\"\naliases = [\"Tomas Herrera\"]\n\
             [[organization]]\nname = \"Freedom Now\"\naliases = [\"Freedom Now Coalition\"]\n",
        );
    let run = press(
        &archive,
        &["import", "in.txt", "--topic", "T", "--date", "2026-01-01"],
    );
    run.code(0);
    let written = archive.read(run.out().trim());
    assert!(
        written.contains(
            "speaker:\n  name: \"Tomás Herrera-Ruiz\"\n  role: \"Legal Director\"\n  organization: \"Freedom Now\"\n"
        ),
        "{written}"
    );
}
