//! The hidden `press generate`: a synthetic archive (and Hugo site) for tests and benchmarks.

use anyhow::Context as _;

use super::Io;
use crate::Exit;
use crate::cli::GenerateArgs;
use crate::generate;

/// Runs `press generate`.
pub(crate) fn run(args: &GenerateArgs, io: &mut Io<'_>) -> anyhow::Result<Exit> {
    generate::write_archive(&args.out, args.count, args.seed)
        .with_context(|| format!("cannot write the archive in {}", args.out.display()))?;
    if let Some(hugo) = &args.hugo {
        generate::write_hugo_site(hugo, args.count, args.seed)
            .with_context(|| format!("cannot write the Hugo site in {}", hugo.display()))?;
    }
    writeln!(
        io.err,
        "press: generated {} in {}",
        crate::diagnostic::count(args.count, "statement"),
        args.out.display()
    )?;
    Ok(Exit::Success)
}
