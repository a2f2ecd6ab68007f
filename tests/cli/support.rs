//! The harness: temporary archives and a hermetic `press` command.
//!
//! Every test builds its own archive in a temporary folder (from nothing, from the `basic`
//! fixture, or from one `invalid/` fixture) and runs the real binary in it with a clean
//! environment: no colour, a fixed clock, no editor, no inherited archive root or width. Every
//! run goes through a watchdog that kills the process after [`WATCHDOG`] and fails the test, so a
//! hang is a failure and never a stuck CI job; no test asserts how fast anything is.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The clock every test runs at (`PRESS_NOW`).
pub(crate) const NOW: &str = "2026-06-01T12:00:00+00:00";

/// How long one run may take before it counts as a hang.
pub(crate) const WATCHDOG: Duration = Duration::from_secs(60);

/// The fixtures folder of the crate.
pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The text of `tests/fixtures/invalid/<name>.md`.
pub(crate) fn invalid(name: &str) -> Vec<u8> {
    let path = fixtures().join("invalid").join(format!("{name}.md"));
    fs::read(&path).unwrap_or_else(|err| panic!("read {}: {err}", path.display()))
}

/// A statement file: the given front-matter lines between `---`, then the body.
pub(crate) fn statement(front: &str, body: &str) -> String {
    format!("---\n{front}\n---\n{body}")
}

/// Front matter with every required key, for tests that vary one thing.
pub(crate) fn front(title: &str, date: &str) -> String {
    format!("title: {title:?}\ndate: {date}\nspeaker: \"Ana Piquer\"\ntopics: [\"Policing\"]")
}

/// A temporary archive folder (removed when dropped).
pub(crate) struct Archive {
    dir: tempfile::TempDir,
}

impl Archive {
    /// An archive with an empty `statements/` folder.
    pub(crate) fn empty() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("press-test-")
            .tempdir()
            .expect("create a temporary folder");
        fs::create_dir_all(dir.path().join("statements")).expect("create statements/");
        Self { dir }
    }

    /// A copy of `tests/fixtures/basic`: six statements (a draft, one under embargo at [`NOW`],
    /// non-ASCII names, several speakers, a date-time).
    pub(crate) fn basic() -> Self {
        let archive = Self::empty();
        copy_tree(&fixtures().join("basic"), archive.path());
        archive
    }

    /// An archive holding the fixture `invalid/<name>.md` as
    /// `statements/2026/2026-01-27-<name>.md`.
    pub(crate) fn invalid(name: &str) -> Self {
        Self::empty().file(
            &format!("statements/2026/2026-01-27-{name}.md"),
            invalid(name),
        )
    }

    /// Adds (or replaces) a file, creating its folders.
    #[must_use]
    pub(crate) fn file(self, relative: &str, contents: impl AsRef<[u8]>) -> Self {
        self.write(relative, contents);
        self
    }

    /// Adds `count` statements on the topic "Policing", one a day from 2026-01-01, titled "Day N"
    /// (N from 1) and filed as `statements/2026/DATE-day-N.md` (slug `day-N`).
    #[must_use]
    pub(crate) fn daily(mut self, count: i64) -> Self {
        let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        for n in 1..=count {
            let day = first + chrono::Duration::days(n - 1);
            self = self.file(
                &format!("statements/2026/{day}-day-{n}.md"),
                statement(
                    &format!(
                        "title: \"Day {n}\"\ndate: {day}\nspeaker: \"Ana Piquer\"\ntopics: [\"Policing\"]"
                    ),
                    "Text.\n",
                ),
            );
        }
        self
    }

    /// Writes a file in place, creating its folders.
    pub(crate) fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(relative);
        fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folders");
        fs::write(&path, contents).expect("write a fixture file");
    }

    /// The archive root.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The text of a file in the archive.
    pub(crate) fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path().join(relative))
            .unwrap_or_else(|err| panic!("read {relative}: {err}"))
    }

    /// Every file under the root, relative, sorted; not press's cache (`.press/`), which any
    /// reading command may write.
    pub(crate) fn files(&self) -> Vec<String> {
        let mut found = Vec::new();
        list_files(self.path(), self.path(), &mut found);
        found.retain(|f| !f.starts_with(".press/"));
        found.sort();
        found
    }

    /// `press` run in the archive root with a hermetic environment.
    pub(crate) fn press(&self) -> Command {
        press_in(self.path())
    }

    /// Replaces the archive's path by `[ROOT]` in command output.
    pub(crate) fn clean(&self, bytes: &[u8]) -> String {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let root = self.path().display().to_string();
        let text = text.replace(&root, "[ROOT]");
        match fs::canonicalize(self.path()) {
            Ok(real) => text.replace(&real.display().to_string(), "[ROOT]"),
            Err(_) => text,
        }
    }
}

/// The text without the time at the end of an export's summary (` in 0.22 s`), the one part of
/// its standard error that varies from run to run.
pub(crate) fn timeless(text: &str) -> String {
    regex::Regex::new(r"(?m) in \d+\.\d\d s$")
        .expect("a valid pattern")
        .replace_all(text, "")
        .into_owned()
}

/// `press` run in `dir` with a hermetic environment: no colour, a fixed clock, no editor, no
/// inherited root or width.
pub(crate) fn press_in(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_press"));
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("PRESS_NOW", NOW)
        .env_remove("PRESS_ROOT")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .env_remove("COLUMNS")
        .env_remove("CI");
    command
}

/// What one run produced.
#[derive(Debug)]
pub(crate) struct Run {
    /// The exit code (`None`: killed by a signal).
    pub(crate) code: Option<i32>,
    /// Standard output.
    pub(crate) stdout: Vec<u8>,
    /// Standard error.
    pub(crate) stderr: Vec<u8>,
}

impl Run {
    /// Standard output as text.
    pub(crate) fn out(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }

    /// Standard error as text.
    pub(crate) fn err(&self) -> String {
        String::from_utf8(self.stderr.clone()).expect("stderr is UTF-8")
    }

    /// Asserts the exit code, showing the output when it differs; never a panic (101) or signal.
    pub(crate) fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(expected),
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(&self.stderr)
        );
        self
    }
}

impl From<Run> for Output {
    fn from(run: Run) -> Self {
        use std::os::unix::process::ExitStatusExt;
        Output {
            status: std::process::ExitStatus::from_raw(run.code.unwrap_or(9) << 8),
            stdout: run.stdout,
            stderr: run.stderr,
        }
    }
}

/// Runs the command to the end under the watchdog, with `stdin` as its input (empty when
/// `None`); a run that outlives [`WATCHDOG`] is killed and fails the test.
pub(crate) fn run_with_input(command: Command, stdin: Option<&[u8]>) -> Run {
    run_full(command, stdin, None)
}

/// Runs the command to the end under the watchdog with its standard output sent to `stdout`
/// (a closed pipe, `/dev/full`) instead of captured; [`Run::stdout`] is then empty.
pub(crate) fn run_with_stdout(command: Command, stdout: impl Into<Stdio>) -> Run {
    run_full(command, None, Some(stdout.into()))
}

/// Runs the command under the watchdog: `stdin` as its input, `stdout` where its output goes
/// (captured when `None`).
fn run_full(mut command: Command, stdin: Option<&[u8]>, stdout: Option<Stdio>) -> Run {
    let captured = stdout.is_none();
    command
        .stdin(Stdio::piped())
        .stdout(stdout.unwrap_or_else(Stdio::piped))
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("start press");
    let input = stdin.map(<[u8]>::to_vec).unwrap_or_default();
    let mut child_in = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let _ = child_in.write_all(&input);
    });
    let out = child.stdout.take();
    assert_eq!(
        out.is_some(),
        captured,
        "stdout is piped exactly when captured"
    );
    let mut err = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut out) = out {
            let _ = out.read_to_end(&mut bytes);
        }
        bytes
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = err.read_to_end(&mut bytes);
        bytes
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for press") {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("press hung: killed after {WATCHDOG:?}: {command:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = feeder.join();
    let run = Run {
        code: status.code(),
        stdout: out_reader.join().expect("stdout reader"),
        stderr: err_reader.join().expect("stderr reader"),
    };
    assert_ne!(run.code, Some(101), "press panicked:\n{}", run.err());
    assert!(
        run.code.is_some(),
        "press was killed by a signal ({status:?}):\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    run
}

/// Runs the command to the end under the watchdog, with empty stdin.
pub(crate) fn run(command: Command) -> Run {
    run_with_input(command, None)
}

/// Runs `press` with `args` in the archive under the watchdog.
pub(crate) fn press(archive: &Archive, args: &[&str]) -> Run {
    let mut command = archive.press();
    command.args(args);
    run(command)
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read a fixture folder") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            fs::create_dir_all(&target).expect("create folder");
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy fixture");
        }
    }
}

fn list_files(root: &Path, dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("read folder") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if entry.file_type().expect("file type").is_dir() {
            list_files(root, &path, found);
        } else {
            let relative = path.strip_prefix(root).expect("under root");
            found.push(relative.display().to_string().replace('\\', "/"));
        }
    }
}
