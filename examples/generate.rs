//! Writes a deterministic synthetic archive (and optionally the same statements as a Hugo site).
//!
//! ```text
//! cargo run --release --example generate -- --count 10000 --seed 1 --out /dev/shm/archive [--hugo /dev/shm/hugo]
//! cargo run --release --example generate -- --count 3 --seed 1 --print   # print the files instead
//! ```
//!
//! The same `--count` and `--seed` always give the same bytes, and a smaller count gives a prefix.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: generate --count N [--seed S] (--out DIR [--hugo DIR] | --print)";

struct Args {
    count: usize,
    seed: u64,
    out: Option<PathBuf>,
    hugo: Option<PathBuf>,
    print: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        count: 0,
        seed: 1,
        out: None,
        hugo: None,
        print: false,
    };
    let mut count = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--count" => {
                let v = value()?.replace('_', "");
                count = Some(v.parse().map_err(|e| format!("--count {v}: {e}"))?);
            }
            "--seed" => {
                let v = value()?;
                parsed.seed = v.parse().map_err(|e| format!("--seed {v}: {e}"))?;
            }
            "--out" => parsed.out = Some(PathBuf::from(value()?)),
            "--hugo" => parsed.hugo = Some(PathBuf::from(value()?)),
            "--print" => parsed.print = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    parsed.count = count.ok_or("--count is required")?;
    if parsed.out.is_none() && parsed.hugo.is_none() && !parsed.print {
        return Err("give --out DIR, --hugo DIR or --print".into());
    }
    Ok(parsed)
}

fn run(args: &Args) -> std::io::Result<()> {
    if args.print {
        for file in press::generate::statements(args.count, args.seed) {
            println!("==> {} <==\n{}", file.path, file.text);
        }
    }
    if let Some(out) = &args.out {
        let start = Instant::now();
        press::generate::write_archive(out, args.count, args.seed)?;
        eprintln!(
            "archive: {} statements in {} ({:.2} s)",
            args.count,
            out.display(),
            start.elapsed().as_secs_f64()
        );
    }
    if let Some(hugo) = &args.hugo {
        let start = Instant::now();
        press::generate::write_hugo_site(hugo, args.count, args.seed)?;
        eprintln!(
            "hugo site: {} statements in {} ({:.2} s)",
            args.count,
            hugo.display(),
            start.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("generate: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("generate: error: {err}");
            ExitCode::from(2)
        }
    }
}
