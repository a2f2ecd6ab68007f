//! `press init --ci github|gitlab` (workflows valid under check-jsonschema's bundled schemas,
//! never replacing one) and `press check --format github` (GitHub's annotation syntax).

use std::process::Command;

use crate::support::{Archive, press};

/// check-jsonschema (pip), or a skip (a failure under `CI=true`).
fn check_jsonschema() -> bool {
    let found = Command::new("check-jsonschema")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "check-jsonschema is required when CI=true (pip install check-jsonschema)"
        );
        eprintln!("skipped: check-jsonschema is not installed");
    }
    found
}

/// Whether check-jsonschema accepts `file` under its bundled `schema`.
fn valid(schema: &str, file: &std::path::Path) -> bool {
    let output = Command::new("check-jsonschema")
        .args(["--builtin-schema", schema])
        .arg(file)
        .output()
        .expect("run check-jsonschema");
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stdout));
    }
    output.status.success()
}

/// The one line of `text` that sets `PRESS_REPOSITORY`.
fn repository_line(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with("PRESS_REPOSITORY:"))
        .collect()
}

#[test]
fn init_ci_writes_valid_workflows_and_never_replaces_one() {
    for (host, path, schema, check) in [
        (
            "github",
            ".github/workflows/press.yml",
            "vendor.github-workflows",
            "        run: press check --format github",
        ),
        (
            "gitlab",
            ".gitlab-ci.yml",
            "vendor.gitlab-ci",
            "    - press check",
        ),
    ] {
        let archive = Archive::empty();
        let run = press(&archive, &["init", ".", "--ci", host]);
        run.code(0);
        assert_eq!(
            run.err(),
            format!(
                "press: wrote ./{path}\npress: archive ready in .; add a statement with `press new`\n"
            )
        );
        let text = archive.read(path);
        assert_eq!(
            repository_line(&text),
            ["  PRESS_REPOSITORY: \"https://github.com/press-archive/press\""]
        );
        assert!(
            text.lines().any(|l| l == check),
            "{host}: no check step in\n{text}"
        );
        assert!(
            text.contains("cargo install --locked --git \"$PRESS_REPOSITORY\" press"),
            "{host}: press is not installed from the variable"
        );
        if check_jsonschema() {
            let file = archive.path().join(path);
            assert!(valid(schema, &file), "{host}: the schema refuses {path}");
            // The validator is real: a broken workflow fails it.
            let broken = archive.path().join("broken.yml");
            std::fs::write(
                &broken,
                text.replace("script:", "scripts:")
                    .replace("steps:", "step:"),
            )
            .expect("write");
            assert!(!valid(schema, &broken), "{host}: a broken workflow passes");
        }
        // Run again: refused before anything is written, the workflow kept byte for byte.
        archive.write(path, "# mine\n");
        let run = press(&archive, &["init", ".", "--ci", host]);
        run.code(2);
        assert_eq!(
            run.err(),
            format!(
                "press: error: ./{path} already exists: press never replaces a workflow; move it away to write press's, or add press's steps to it by hand\n"
            )
        );
        assert_eq!(archive.read(path), "# mine\n");
    }
}

/// Reverses the toolkit's escaping of a message or property value.
fn unescape(text: &str) -> String {
    text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn check_format_github_prints_one_annotation_per_diagnostic() {
    let archive = Archive::invalid("bad-lang")
        .file(
            "statements/2026/2026-01-27-unknown-key.md",
            crate::support::invalid("unknown-key"),
        )
        .file(
            "statements/2026/2026-01-28-empty.md",
            "---\ntitle: \"Empty\"\ndate: 2026-01-28\nspeaker: \"A B\"\ntopics: [a]\n---\n",
        );
    let run = press(&archive, &["check", "--format", "github"]);
    run.code(1);
    let json = press(&archive, &["check", "--format", "json"]);
    let diagnostics: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).expect("JSON");
    let out = run.out();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), diagnostics.len());
    assert!(diagnostics.iter().any(|d| d["severity"] == "warning"));
    // The workflow-command grammar: `::COMMAND PROP=VALUE,…::MESSAGE`, properties free of the
    // separators `,` and `:`, nothing unescaped that would end the line.
    let syntax = regex::Regex::new(
        r"^::(error|warning) file=([^,:\r\n]+),line=([0-9]+),col=([0-9]+)::([^\r\n]*)$",
    )
    .expect("regex");
    for (line, d) in lines.iter().zip(&diagnostics) {
        let caps = syntax
            .captures(line)
            .unwrap_or_else(|| panic!("not an annotation: {line}"));
        let mut message = d["message"].as_str().expect("message").to_owned();
        if let Some(help) = d["help"].as_str() {
            message = format!("{message}\nhelp: {help}");
        }
        assert_eq!(caps[1], *d["severity"].as_str().expect("severity"));
        assert_eq!(unescape(&caps[2]), d["path"].as_str().expect("path"));
        assert_eq!(caps[3], d["line"].to_string());
        assert_eq!(caps[4], d["column"].to_string());
        assert_eq!(unescape(&caps[5]), message);
    }
    assert_eq!(
        lines[0],
        "::error file=statements/2026/2026-01-27-bad-lang.md,line=6,col=7::`lang` is not a BCP 47 language tag: \"english please\"%0Ahelp: use a tag such as en, fr, pt-BR, ar or zh-Hant"
    );
}
