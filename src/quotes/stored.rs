//! A statement's quotes from what the cache keeps: who said each passage ([`Said`], found by
//! the attribution rules when the file was parsed, in its page texts record) and the words,
//! read back from the body only for the quotes wanted. A statement without a record made from
//! this version of its file is parsed and attributed anew.

use std::path::Path;

use anyhow::Context as _;

use super::{Quote, Said, passage_texts, quotes};
use crate::page_texts::PageTexts;
use crate::statement::Summary;
use crate::statement::parse::{body, digest};

/// Who said each passage of `summary`'s body, in order: from its record in `texts` when it was
/// made from this version of the file, else by parsing the file.
pub fn said(
    root: &Path,
    summary: &Summary,
    texts: Option<&PageTexts>,
) -> anyhow::Result<Vec<Said>> {
    match texts
        .and_then(|t| t.get(summary.id as usize))
        .filter(|t| t.digest == summary.digest)
        .and_then(|t| t.quotes)
    {
        Some(said) => Ok(said),
        None => Ok(parsed(root, summary)?.iter().map(Quote::said).collect()),
    }
}

/// The quotes of `summary`'s body that `wanted` keeps, in order, with their words: who said
/// them from `texts` (see [`said`]), the words read from the file only when one is kept.
pub fn find(
    root: &Path,
    summary: &Summary,
    texts: Option<&PageTexts>,
    wanted: impl Fn(&Said) -> bool,
) -> anyhow::Result<Vec<Quote>> {
    let record = texts
        .and_then(|t| t.get(summary.id as usize))
        .filter(|t| t.digest == summary.digest)
        .and_then(|t| t.quotes);
    let Some(record) = record else {
        let found = parsed(root, summary)?;
        return Ok(found.into_iter().filter(|q| wanted(&q.said())).collect());
    };
    let kept: Vec<(usize, Said)> = record
        .into_iter()
        .enumerate()
        .filter(|(_, said)| wanted(said))
        .collect();
    if kept.is_empty() {
        return Ok(Vec::new());
    }
    let mut words = words(root, summary)?;
    Ok(kept
        .into_iter()
        .filter_map(|(index, said)| Some(Quote::new(std::mem::take(words.get_mut(index)?), said)))
        .collect())
}

/// The words of each passage of `summary`'s body, read from its file, which must be the version
/// the summary was made from.
pub fn words(root: &Path, summary: &Summary) -> anyhow::Result<Vec<String>> {
    let path = root.join(&summary.path);
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    if digest(&bytes) != summary.digest {
        return Err(changed(summary));
    }
    let (body, _) = body(&summary.path, &bytes).ok_or_else(|| changed(summary))?;
    Ok(passage_texts(&body))
}

/// The quotes of `summary`'s file, parsed and attributed anew.
fn parsed(root: &Path, summary: &Summary) -> anyhow::Result<Vec<Quote>> {
    let parsed = crate::archive::read_and_parse(&root.join(&summary.path), &summary.path);
    match parsed.statement {
        Some(statement) if parsed.digest == summary.digest => Ok(quotes(&statement)),
        _ => Err(changed(summary)),
    }
}

fn changed(summary: &Summary) -> anyhow::Error {
    anyhow::anyhow!(
        "{} changed while it was being read; run the command again",
        summary.path
    )
}
