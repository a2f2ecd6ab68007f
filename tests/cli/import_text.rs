//! `press import` of plain texts: the dateline's date in each way a month is abbreviated, and
//! the title under page labels.

use std::fs;

use crate::support::{self, Archive};

#[test]
fn a_dateline_in_each_abbreviated_month_gives_that_day() {
    let months = [
        "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    let texts = tempfile::tempdir().expect("a temporary folder");
    let archive = Archive::empty();
    let mut command = archive.press();
    command.arg("import");
    for (n, month) in months.iter().enumerate() {
        let file = texts.path().join(format!("{n:02}.txt"));
        fs::write(
            &file,
            format!(
                "Kenya: Release {}\n\n{month} 5, 2023\n\nJane Roe, director at Foo Watch, said: “Stop.”\n",
                n + 1
            ),
        )
        .expect("a text");
        command.arg(file);
    }
    command.args(["--topic", "t"]);
    let run = support::run(command);
    run.code(0);
    let expected: String = (1..=12)
        .map(|n| format!("statements/2023/2023-{n:02}-05-kenya-release-{n}.md\n"))
        .collect();
    assert_eq!(run.out(), expected);
}

#[test]
fn three_page_labels_above_the_title_leave_it_the_title() {
    let archive = Archive::empty();
    let mut command = archive.press();
    command.args(["import", "-", "--topic", "t"]);
    let run = support::run_with_input(
        command,
        Some(
            "Press release\n\n• News\n\nFor immediate release\n\nKenya: Police must end the crackdown\n\n5 March 2024\n\nJane Roe, director at Foo Watch, said: “Stop.”\n"
                .as_bytes(),
        ),
    );
    run.code(0);
    assert_eq!(
        run.out(),
        "statements/2024/2024-03-05-kenya-police-must-end-the-crackdown.md\n"
    );
}
