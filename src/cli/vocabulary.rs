//! The options of `press topics` and `press speakers`: the list each prints without a
//! subcommand, and the bulk changes each makes with one.

use clap::{Args, Subcommand};

use super::GroupArgs;

/// Options of `press topics`: the list, or a change to every statement naming a topic.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TopicsArgs {
    /// The list's options
    #[command(flatten)]
    pub list: GroupArgs,
    /// Print the hierarchy of topics.toml (`parent`): each topic with its own count and the
    /// count with its descendants
    #[arg(long)]
    pub tree: bool,
    /// A change to make instead of listing
    #[command(subcommand)]
    pub action: Option<TopicsAction>,
}

/// The bulk changes of `press topics`.
#[derive(Debug, Subcommand)]
pub enum TopicsAction {
    /// Rename a topic (every spelling of it) in every statement, and in topics.toml
    Rename(RenameValueArgs),
    /// Merge topics into one in every statement, and in topics.toml
    Merge(MergeValuesArgs),
    /// Write every topic one way: topics.toml's name, else its most frequent spelling
    Normalize(NormalizeArgs),
}

/// Options of `press topics rename` and `press speakers rename`.
#[derive(Debug, Args)]
pub struct RenameValueArgs {
    /// The old name (any spelling: matched by its slug)
    pub old: String,
    /// The new name, as it will be written
    pub new: String,
    /// Print the changes as a unified diff, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Options of `press topics merge` and `press speakers merge`.
#[derive(Debug, Args)]
pub struct MergeValuesArgs {
    /// The names to merge (any spelling: matched by slug)
    #[arg(required = true, value_name = "NAME")]
    pub names: Vec<String>,
    /// The name they become, as it will be written
    #[arg(long, value_name = "NAME")]
    pub into: String,
    /// Print the changes as a unified diff, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Options of `press topics normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Print the changes as a unified diff, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Options of `press speakers`: the list, or a change to every statement naming a speaker.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SpeakersArgs {
    /// The list's options
    #[command(flatten)]
    pub list: GroupArgs,
    /// A change to make instead of listing
    #[command(subcommand)]
    pub action: Option<SpeakersAction>,
}

/// The bulk changes of `press speakers`.
#[derive(Debug, Subcommand)]
pub enum SpeakersAction {
    /// Rename a speaker (every spelling of the name, and the aliases speakers.toml gives the
    /// person) in every statement, and in speakers.toml
    Rename(RenameValueArgs),
    /// Merge speakers into one in every statement, and in speakers.toml
    Merge(MergeValuesArgs),
}
