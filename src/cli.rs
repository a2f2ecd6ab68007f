//! The command line: clap definitions only, no logic. Doc comments are the `--help` text.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, Parser, Subcommand, ValueEnum};

mod vocabulary;
pub use vocabulary::{MergeValuesArgs, NormalizeArgs, RenameValueArgs, TopicsAction, TopicsArgs};
pub use vocabulary::{SpeakersAction, SpeakersArgs};

/// Exit codes, shown at the end of `--help`.
const EXIT_CODES: &str = "Exit codes:
  0  success (no match is a success too)
  1  content problems: check found errors, export refused an archive with errors,
     import refused an input, show or edit found no such statement
  2  usage errors and refusals to touch files: bad arguments, no archive found,
     new onto a taken slug, export into a folder it does not own, any I/O error";

/// An archive for press statements: add, list, check and publish them.
///
/// Statements are Markdown files with YAML front matter under `statements/`.
#[derive(Debug, Parser)]
#[command(name = "press", version, about, long_about = None, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// Archive root: the folder that holds `statements/` [default: found upward from here]
    #[arg(
        short = 'C',
        long,
        global = true,
        env = "PRESS_ROOT",
        hide_env_values = true,
        value_name = "DIR",
        display_order = 900
    )]
    pub root: Option<PathBuf>,

    /// The current time for embargoes and "future" warnings, as RFC 3339 [default: the clock]
    #[arg(long, global = true, env = "PRESS_NOW", hide_env_values = true, value_name = "TIME", value_parser = parse_now, display_order = 901)]
    pub now: Option<DateTime<FixedOffset>>,

    /// Do not read or write the cache under `.press/`: parse every statement file
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty archive: statements/, press.toml and .gitignore
    Init(InitArgs),
    /// Write a new statement file from options (prompting for what is missing on a terminal)
    New(NewArgs),
    /// Open a statement in $VISUAL or $EDITOR, then check it
    Edit(EditArgs),
    /// Give a statement a new slug, keeping its old address and every link to it
    Rename(RenameArgs),
    /// List statements, newest first, with filters
    List(ListArgs),
    /// Show one statement
    Show(ShowArgs),
    /// Cite statements: BibTeX, BibLaTeX, CSL-JSON, RIS, or APA, Chicago or MLA text
    Cite(CiteArgs),
    /// Check every statement file and report every problem
    Check(CheckArgs),
    /// Import published statements (text, HTML or Markdown) as statement files
    Import(ImportArgs),
    /// Export the archive as a static website (pages, feeds, search) into a folder
    Export(ExportArgs),
    /// Preview the site: export to a temporary folder, serve it on 127.0.0.1, re-export on changes
    Serve(ServeArgs),
    /// Add a correction, dated today, to a statement's record
    Correct(CorrectArgs),
    /// Withdraw a statement (it stays, marked, and leaves the feeds), or undo that
    Withdraw(WithdrawArgs),
    /// Write the archive as a SQLite database (statements, speakers, topics, full-text index)
    Db(DbArgs),
    /// List topics with their statement counts, or rename, merge or normalize them
    Topics(TopicsArgs),
    /// List speakers with their statement counts, or rename or merge them
    Speakers(SpeakersArgs),
    /// List locations with their statement counts
    Locations(GroupArgs),
    /// List quoted passages with who said them, newest first
    Quotes(QuotesArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
    /// Print the manual page (roff): press(1), or a command's, such as press-list(1)
    Man(ManArgs),
    /// Write a deterministic synthetic archive (for tests and benchmarks)
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// Options of `press init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create the archive in
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Also write a CI workflow: check on pull requests, export and deploy to Pages on main
    #[arg(long, value_enum, value_name = "HOST")]
    pub ci: Option<CiHost>,
}

/// Where `press init --ci` writes a workflow for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiHost {
    /// GitHub Actions and Pages: .github/workflows/press.yml
    Github,
    /// GitLab CI and Pages: .gitlab-ci.yml
    Gitlab,
}

/// `--speaker NAME`, each followed by its own `--role` and `--org` (`press new`, `press import`).
#[derive(Debug, Args)]
pub struct SpeakerArgs {
    /// A speaker's name; repeat for several, each followed by its own --role and --org
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,
    /// Role of the speaker named just before
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Organisation of the speaker named just before; given alone (no --speaker), the organisation that speaks when no person is quoted
    #[arg(long = "org", value_name = "ORG")]
    pub orgs: Vec<String>,
}

/// Options of `press new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Headline, with its place prefix ("Global: ...")
    #[arg(long)]
    pub title: Option<String>,
    /// Speakers, each with its own role and organisation
    #[command(flatten)]
    pub speakers: SpeakerArgs,
    /// A topic; repeat for several
    #[arg(long = "topic", value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// Day of the statement, YYYY-MM-DD [default: today]
    #[arg(long)]
    pub date: Option<String>,
    /// Country, region or place
    #[arg(long)]
    pub location: Option<String>,
    /// Where it was published (http or https URL)
    #[arg(long)]
    pub source: Option<String>,
    /// One- or two-sentence summary
    #[arg(long)]
    pub summary: Option<String>,
    /// BCP 47 language tag [default: en]
    #[arg(long)]
    pub lang: Option<String>,
    /// Slug for the file name and URL [default: from the title; for a translation ORIGINAL-LANG]
    #[arg(long)]
    pub slug: Option<String>,
    /// Start a translation of the statement with this slug (needs --lang): its date, speakers,
    /// topics and location are copied; the title and body are yours to write
    #[arg(long, value_name = "SLUG", requires = "lang")]
    pub translation_of: Option<String>,
    /// Mark it as a draft
    #[arg(long)]
    pub draft: bool,
    /// Not to be published before this RFC 3339 date-time
    #[arg(long, value_name = "TIME")]
    pub embargo: Option<String>,
    /// Read the Background section from a file (`-` for stdin)
    #[arg(long, value_name = "FILE")]
    pub background_file: Option<PathBuf>,
    /// Read the statement text from a file (`-` for stdin)
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// Open the new file in $VISUAL or $EDITOR, then check it
    #[arg(long)]
    pub edit: bool,
}

/// Options of `press import`.
///
/// Each input is a statement as published: the first line is its title, the attribution gives
/// the speaker(s), a dateline the date, a `Background` line starts the background; everything
/// else is kept word for word. Options supply or override what the text lacks.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files to import (`.html`/`.htm` are converted from HTML; `-` reads standard input)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The files are news feeds (RSS 2.0, Atom 1.0, JSON Feed): import every item
    #[arg(long)]
    pub feed: bool,
    /// The files are the folders of a Jekyll (`_posts/`) or Hugo (`content/`) site: import every post
    #[arg(long, value_enum, value_name = "GENERATOR", conflicts_with = "feed")]
    pub from: Option<SiteGenerator>,
    /// With --from or `.md` files: the UTC offset of post times written without one, e.g. +02:00 [default: +00:00]
    // A west offset starts with `-` (`--tz -04:00`): a value, not a flag.
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub tz: Option<String>,
    /// With --from or `.md` files: drop front-matter keys the format does not have instead of keeping them under `extra:`
    #[arg(long)]
    pub drop_unknown: bool,
    /// With --from: the old site's address, for links to what the archive does not hold
    /// [default: the site's configuration]
    #[arg(long, value_name = "URL", requires = "from")]
    pub site_url: Option<String>,
    /// With --from or `.md` files: send a front-matter key to a field (a statement key, `extra.NAME`, or `drop`); repeatable
    #[arg(long = "map", value_name = "KEY=FIELD")]
    pub maps: Vec<String>,
    /// Headline, when the text has none (its first line is then kept in the body)
    #[arg(long, conflicts_with_all = ["feed", "from"])]
    pub title: Option<String>,
    /// Day of the statement, YYYY-MM-DD [default: the text's dateline; for feed items, the item's date, and this only when it has none]
    #[arg(long)]
    pub date: Option<String>,
    /// Speakers, replacing those found
    #[command(flatten)]
    pub speakers: SpeakerArgs,
    /// A topic; repeat for several (required: topics never come from nowhere)
    #[arg(long = "topic", value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// Country, region or place [default: the title's place prefix]
    #[arg(long)]
    pub location: Option<String>,
    /// Where it was published (http or https URL) [default: a feed item's link]
    #[arg(long, conflicts_with_all = ["feed", "from"])]
    pub source: Option<String>,
    /// Read standard input as HTML
    #[arg(long)]
    pub html: bool,
    /// Print the file(s) that would be written instead of writing them
    #[arg(long)]
    pub dry_run: bool,
    /// Write nothing; print each field and the line and words it was read from (or the option that gave it)
    #[arg(long, conflicts_with_all = ["feed", "from", "review"])]
    pub explain: bool,
    /// Open each new file in $VISUAL or $EDITOR, then check it
    #[arg(long, conflicts_with = "dry_run")]
    pub review: bool,
}

/// Site generators `press import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SiteGenerator {
    /// Jekyll: `_posts/YYYY-MM-DD-slug.md` with YAML front matter
    Jekyll,
    /// Hugo: `content/**/*.md` with YAML or TOML front matter
    Hugo,
}

/// Options of `press edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The statement's slug
    pub slug: String,
}

/// Options of `press rename`.
#[derive(Debug, Args)]
pub struct RenameArgs {
    /// The statement's slug
    pub slug: String,
    /// Its new slug
    pub new_slug: String,
    /// Print what would change, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Output formats of `press list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns: date, title, speakers, topics
    Table,
    /// A JSON array of full records
    Json,
    /// One JSON record per line
    Jsonl,
    /// RFC 4180 CSV with a header row
    Csv,
    /// File paths, one per line
    Paths,
    /// BibTeX entries (`@techreport`), for reference managers
    Bibtex,
    /// A CSL-JSON array, for Zotero, pandoc and citeproc
    CslJson,
    /// RIS records (`TY  - PRESS`)
    Ris,
}

/// Sort orders of `press list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    /// Newest first
    Date,
    /// Alphabetical by title
    Title,
}

/// Options of `press list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only statements with this topic (any spelling); repeat to require several
    #[arg(long = "topic", value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// Only statements with a speaker whose name contains this (case and accents ignored)
    #[arg(long, value_name = "TEXT")]
    pub speaker: Option<String>,
    /// Only statements about this location
    #[arg(long, value_name = "PLACE")]
    pub location: Option<String>,
    /// Only statements on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only statements on or before this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only statements of this year
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// Only statements where each word starts a word of the title, body or background
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// Include drafts
    #[arg(long)]
    pub drafts: bool,
    /// Include statements under embargo
    #[arg(long)]
    pub include_embargoed: bool,
    /// Only statements with at least one correction
    #[arg(long)]
    pub corrected: bool,
    /// Only withdrawn statements
    #[arg(long)]
    pub withdrawn: bool,
    /// Order
    #[arg(long, value_enum, default_value_t = SortKey::Date)]
    pub sort: SortKey,
    /// Reverse the order (applied before --limit)
    #[arg(long)]
    pub reverse: bool,
    /// Show at most N statements
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print only the number of matching statements
    #[arg(long)]
    pub count: bool,
    /// Only statements in this language (BCP 47 tag, `es` takes `es-MX` too), originals and
    /// translations [default: originals only, in every language]
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Output formats of `press cite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteFormat {
    /// APA 7th edition reference-list entries, plain text
    Apa,
    /// Chicago (notes and bibliography) bibliography entries, plain text
    Chicago,
    /// MLA works-cited entries, plain text
    Mla,
    /// BibTeX entries (`@techreport`)
    Bibtex,
    /// BibLaTeX entries (`@report`)
    Biblatex,
    /// A CSL-JSON array
    CslJson,
    /// RIS records (`TY  - PRESS`)
    Ris,
}

/// Options of `press cite`.
#[derive(Debug, Args)]
pub struct CiteArgs {
    /// The statements' slugs
    #[arg(required = true, value_name = "SLUG")]
    pub slugs: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CiteFormat::Apa)]
    pub format: CiteFormat,
}

/// Output formats of `press show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Rendered for reading in the terminal
    Text,
    /// The full record as JSON
    Json,
    /// The stored file, unchanged
    Markdown,
}

/// Options of `press show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The statement's slug
    pub slug: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
    /// Show the statement in this language (BCP 47 tag): its translation, or the original
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
}

/// Options of `press correct`.
#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The statement's slug
    pub slug: String,
    /// What was corrected, as readers will see it
    #[arg(long)]
    pub note: String,
}

/// Options of `press withdraw`.
#[derive(Debug, Args)]
pub struct WithdrawArgs {
    /// The statement's slug
    pub slug: String,
    /// Why it was withdrawn, as readers will see it
    #[arg(long, required_unless_present = "undo", conflicts_with = "undo")]
    pub note: Option<String>,
    /// Reverse a withdrawal: remove the `withdrawn` key
    #[arg(long)]
    pub undo: bool,
}

/// Output formats of `press check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: error: message` lines on stderr
    Text,
    /// A JSON array of diagnostics on stdout
    Json,
    /// GitHub Actions annotations on stdout (`::error file=…,line=…,col=…::message`)
    Github,
}

/// Options of `press check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// Output formats of `press topics`, `speakers` and `locations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupFormat {
    /// Aligned columns
    Table,
    /// A JSON array of {name, slug, count, first, last}
    Json,
}

/// Options of `press topics`, `speakers` and `locations`.
#[derive(Debug, Args)]
pub struct GroupArgs {
    /// Include drafts
    #[arg(long)]
    pub drafts: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = GroupFormat::Table)]
    pub format: GroupFormat,
}

/// Output formats of `press quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    /// Aligned columns: date, speaker, quote, statement
    Table,
    /// A JSON array of {speaker, attributed, text, date, slug, title, path, line}
    Json,
    /// RFC 4180 CSV with a header row
    Csv,
}

/// Options of `press quotes`.
///
/// Every quoted passage in the bodies of the selected statements (not their backgrounds), with
/// the person the text attributes it to, by the rules `press import` reads speakers with; a
/// passage the text does not attribute goes to the statement's only speaker when it has one.
#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Only quotes of a speaker whose name contains this (case and accents ignored)
    #[arg(long, value_name = "TEXT")]
    pub speaker: Option<String>,
    /// Only statements with this topic (any spelling); repeat to require several
    #[arg(long = "topic", value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// Only quotes where each word starts a word of the quote
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// Only statements on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only statements on or before this day (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = QuotesFormat::Table)]
    pub format: QuotesFormat,
}

/// Options of `press export`.
#[derive(Debug, Clone, Default, Args)]
pub struct ExportArgs {
    /// Folder to write the site into [default: <root>/site]
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Absolute URL the site is published at (overrides `base_url` in press.toml)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Export even when some statements have errors: skip those files, report them, exit 1
    #[arg(long)]
    pub keep_going: bool,
    /// Take over a non-empty output folder that press did not create (replaces only what it writes)
    #[arg(long)]
    pub force: bool,
    /// Write the default templates into <root>/templates/ (never overwriting a file) and export nothing
    #[arg(long)]
    pub init_theme: bool,
    /// Statements per page [default: per_page in press.toml, else 50]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub per_page: Option<u32>,
    /// Also write data/press.sqlite and data/statements.jsonl (published statements), linked from the home page
    #[arg(long)]
    pub data: bool,
}

/// Options of `press db`.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The database file to write [default: <root>/press.sqlite]
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Include drafts
    #[arg(long)]
    pub drafts: bool,
    /// Include statements under embargo
    #[arg(long)]
    pub include_embargoed: bool,
}

/// Options of `press serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, short, default_value_t = 8000)]
    pub port: u16,
}

/// Options of `press completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

/// Options of `press man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`list` prints press-list(1)); press(1) without it
    pub command: Option<String>,
}

/// Options of the hidden `press generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many statements
    #[arg(long)]
    pub count: usize,
    /// Seed: the same count and seed always give the same bytes
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Folder to write the archive into
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Also write the same statements as a Hugo site into this folder
    #[arg(long, value_name = "DIR")]
    pub hugo: Option<PathBuf>,
}

fn parse_now(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|err| format!("{err}: use RFC 3339, e.g. 2026-01-27T09:00:00+01:00"))
}

/// A `--speaker` with its own `--role` and `--org`.
pub type SpeakerArg = (String, Option<String>, Option<String>);

impl SpeakerArgs {
    /// Pairs each `--speaker` with the `--role` and `--org` that follow it on the command line;
    /// `sub` is the subcommand's matches (their positions tell who follows whom). A `--role` or
    /// `--org` before any `--speaker`, or given twice for one speaker, is an error.
    pub fn in_order(&self, sub: &clap::ArgMatches) -> Result<Vec<SpeakerArg>, String> {
        let (names, roles, orgs) = (&self.speakers, &self.roles, &self.orgs);
        let indices = |id: &str| {
            sub.indices_of(id)
                .map(Iterator::collect::<Vec<usize>>)
                .unwrap_or_default()
        };
        let speaker_at = indices("speakers");
        let owner = |at: usize| speaker_at.iter().rposition(|&s| s < at);
        let mut speakers: Vec<SpeakerArg> = names
            .iter()
            .map(|name| (name.clone(), None, None))
            .collect();
        for (flag, values, id) in [("--role", roles, "roles"), ("--org", orgs, "orgs")] {
            for (value, at) in values.iter().zip(indices(id)) {
                if id == "orgs" && names.is_empty() {
                    continue; // the organisation alone: see `organization_alone`
                }
                let i = owner(at).ok_or_else(|| format!("{flag} {value:?} comes before any --speaker: put it after the speaker it belongs to"))?;
                let slot = if id == "roles" {
                    &mut speakers[i].1
                } else {
                    &mut speakers[i].2
                };
                if slot.is_some() {
                    return Err(format!(
                        "{flag} is given twice for --speaker {:?}",
                        speakers[i].0
                    ));
                }
                *slot = Some(value.clone());
            }
        }
        Ok(speakers)
    }

    /// `--org ORG` given with no `--speaker`: the organisation that speaks when no person is
    /// quoted. An error when it is given more than once.
    pub fn organization_alone(&self) -> Result<Option<&str>, String> {
        match (self.speakers.is_empty(), self.orgs.as_slice()) {
            (true, [org]) => Ok(Some(org)),
            (true, [_, _, ..]) => Err(
                "--org is given more than once with no --speaker: give one organisation, or a --speaker before each --org".to_owned(),
            ),
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use anyhow::{Result, bail};
    use clap::{CommandFactory, FromArgMatches};

    use super::*;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn roles_follow_their_speaker() -> Result<()> {
        let argv = [
            "press",
            "new",
            "--speaker",
            "A",
            "--org",
            "O",
            "--speaker",
            "B",
            "--role",
            "R",
        ];
        let matches = Cli::command().get_matches_from(argv);
        let cli = Cli::from_arg_matches(&matches)?;
        let Command::New(args) = &cli.command else {
            bail!("not read as `press new`")
        };
        let Some(("new", sub)) = matches.subcommand() else {
            bail!("no `new` subcommand matches")
        };
        let pairs = args.speakers.in_order(sub).map_err(anyhow::Error::msg)?;
        assert_eq!(
            pairs,
            [
                ("A".into(), None, Some("O".into())),
                ("B".into(), Some("R".into()), None)
            ]
        );
        Ok(())
    }
}
