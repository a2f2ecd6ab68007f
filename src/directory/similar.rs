//! `check`'s warnings about speakers' names that look like one person but are not tied
//! together by the directory: the same name but for accents, case, hyphens, spaces and
//! punctuation; the same surname with a given name that matches by its initial; the same given
//! name with one edit in the surname. Two people who only share a surname (John and Jane Smith)
//! are never one.
//!
//! Candidates are found through shared words, never by comparing every pair: names are put in
//! buckets by their run-together spelling, by their surname, and by their given name and
//! surname length, and only names within a bucket (or, for one edit, the next length) are
//! compared. Each bucket is small next to the number of names.

use std::path::Path;

use foldhash::{HashMap, HashSet};

use super::{Directory, FILE};
use crate::diagnostic::{Diagnostic, quote};
use crate::statement::Header;

/// Shortest surname (in letters) that the one-edit rule compares: "Li" and "Lu" are two
/// families, not a typing slip.
const MIN_EDITED_SURNAME: usize = 4;

/// One spelling of a person's name as statements write it.
struct Name<'a> {
    spelling: &'a str,
    /// How many statements write it.
    count: usize,
    /// The first statement (by path) that writes it.
    path: &'a str,
    /// Folded words: transliterated, lowercased, split at anything but letters and digits.
    words: Vec<String>,
    /// The directory's person for it.
    person: Option<usize>,
}

impl Name<'_> {
    fn surname(&self) -> String {
        self.words[1..].join(" ")
    }
}

/// Why two names look like one person.
#[derive(Clone, Copy)]
enum Rule {
    Folded,
    Initial,
    OneEdit,
}

impl Rule {
    fn reason(self) -> &'static str {
        match self {
            Self::Folded => "the same name but for accents, case, hyphens, spaces or punctuation",
            Self::Initial => "the same surname, with the given name as an initial",
            Self::OneEdit => "the same given name, with the surname one letter apart",
        }
    }
}

/// The warnings, once per pair of names, each at the `speaker` key of the first statement (by
/// path) that writes the name to change.
pub fn warnings<'a, H: Header>(
    root: &Path,
    statements: &'a [H],
    directory: &'a Directory,
) -> Vec<Diagnostic> {
    let mut index: HashMap<&str, usize> = HashMap::default();
    let mut names: Vec<Name<'a>> = Vec::new();
    for statement in statements {
        for speaker in statement.speakers() {
            let Some(written) = speaker.name.as_deref().map(str::trim) else {
                continue;
            };
            // Every spelling of a directory person is that person, under the canonical name.
            let person = directory.person_keys.get(&super::key(written)).copied();
            let spelling = person
                .and_then(|i| directory.persons.get(i))
                .map_or(written, |e| e.name.as_str());
            let id = *index.entry(spelling).or_insert_with(|| {
                let folded = crate::query::fold(spelling);
                let words: Vec<String> = folded
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned)
                    .collect();
                names.push(Name {
                    spelling,
                    count: 0,
                    path: statement.path(),
                    words,
                    person,
                });
                names.len() - 1
            });
            let name = &mut names[id];
            name.count += 1;
            if statement.path() < name.path {
                name.path = statement.path();
            }
        }
    }
    let mut folded: HashMap<String, Vec<usize>> = HashMap::default();
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::default();
    let mut given: HashMap<(&str, usize), Vec<usize>> = HashMap::default();
    for (id, name) in names.iter().enumerate() {
        if name.words.is_empty() {
            continue;
        }
        folded.entry(name.words.concat()).or_default().push(id);
        if name.words.len() >= 2 {
            surnames.entry(name.surname()).or_default().push(id);
            let length = name.surname().chars().count();
            given
                .entry((name.words[0].as_str(), length))
                .or_default()
                .push(id);
        }
    }
    let mut pairs: Vec<(usize, usize, Rule)> = Vec::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    let mut consider = |a: usize, b: usize, rule: Rule| {
        let (a, b) = (a.min(b), a.max(b));
        if a != b && seen.insert((a, b)) {
            pairs.push((a, b, rule));
        }
    };
    for bucket in folded.values() {
        each_pair(bucket, bucket, |a, b| consider(a, b, Rule::Folded));
    }
    for bucket in surnames.values() {
        each_pair(bucket, bucket, |a, b| {
            if by_initial(&names[a].words[0], &names[b].words[0]) {
                consider(a, b, Rule::Initial);
            }
        });
    }
    for (&(first, length), bucket) in &given {
        for other in [Some(bucket), given.get(&(first, length + 1))]
            .into_iter()
            .flatten()
        {
            each_pair(bucket, other, |a, b| {
                let (x, y) = (names[a].surname(), names[b].surname());
                if x.len().min(y.len()) >= MIN_EDITED_SURNAME && strsim::levenshtein(&x, &y) == 1 {
                    consider(a, b, Rule::OneEdit);
                }
            });
        }
    }
    pairs.sort_by(|x, y| {
        (names[x.0].spelling, names[x.1].spelling).cmp(&(names[y.0].spelling, names[y.1].spelling))
    });
    pairs
        .into_iter()
        .filter(|&(a, b, _)| names[a].person.is_none() || names[b].person.is_none())
        .map(|(a, b, rule)| warning(root, &names, a, b, rule))
        .collect()
}

/// Calls `f` on every pair of one id of `a` and one of `b` (each unordered pair once when `a`
/// and `b` are the same bucket).
fn each_pair(a: &[usize], b: &[usize], mut f: impl FnMut(usize, usize)) {
    let same = std::ptr::eq(a, b);
    for (i, &x) in a.iter().enumerate() {
        let others = if same { &b[i + 1..] } else { b };
        for &y in others {
            f(x, y);
        }
    }
}

/// Whether one given name is the other's initial (`e` and `erika`).
fn by_initial(a: &str, b: &str) -> bool {
    let initial = |short: &str, long: &str| {
        short.chars().count() == 1 && long.chars().count() > 1 && long.starts_with(short)
    };
    initial(a, b) || initial(b, a)
}

/// The warning for one pair: the name to keep is the directory's, else the more frequent one
/// (ties: the one written first, by path); it is located at the other's statement.
fn warning(root: &Path, names: &[Name<'_>], a: usize, b: usize, rule: Rule) -> Diagnostic {
    fn rank<'n>(n: &Name<'n>) -> (bool, usize, std::cmp::Reverse<&'n str>) {
        (n.person.is_some(), n.count, std::cmp::Reverse(n.path))
    }
    let (keep, change) = if rank(&names[b]) > rank(&names[a]) {
        (&names[b], &names[a])
    } else {
        (&names[a], &names[b])
    };
    let (line, column) = crate::archive::key_position(root, change.path, "speaker");
    Diagnostic::warning(
        change.path,
        line,
        column,
        format!(
            "speaker {} looks like {} ({}): {}",
            quote(change.spelling),
            quote(keep.spelling),
            keep.path,
            rule.reason()
        ),
    )
    .with_help(format!(
        "if they are one person, list {} among the aliases of {} in {FILE}, or run `press speakers merge {} {} --into {}`",
        quote(change.spelling),
        quote(keep.spelling),
        quote(keep.spelling),
        quote(change.spelling),
        quote(keep.spelling),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::Summary;

    fn pairs(spellings: &[&str]) -> Vec<String> {
        let statements: Vec<Summary> = spellings
            .iter()
            .enumerate()
            .filter_map(|(i, name)| {
                let text = format!(
                    "---\ntitle: T\ndate: 2026-01-01\nspeaker: {name:?}\ntopics: [t]\n---\nBody.\n"
                );
                let path = format!("statements/{i}.md");
                let parsed = crate::statement::parse(&path, text.as_bytes());
                parsed.statement.map(|s| Summary::new(0, s, 0))
            })
            .collect();
        assert_eq!(statements.len(), spellings.len());
        warnings(
            Path::new("/nonexistent"),
            &statements,
            &Directory::default(),
        )
        .iter()
        .map(|d| d.message.clone())
        .collect()
    }

    #[test]
    fn each_rule_finds_its_pairs_once() {
        assert_eq!(
            pairs(&[
                "Erika Guevara-Rosas",
                "Erika GuevaraRosas",
                "E. Guevara Rosas"
            ])
            .len(),
            2
        );
        assert_eq!(
            pairs(&["Erika Guevara Rosas", "Erika Guevara Rozas"]),
            [
                "speaker \"Erika Guevara Rozas\" looks like \"Erika Guevara Rosas\" (statements/0.md): the same given name, with the surname one letter apart"
            ]
        );
        assert_eq!(
            pairs(&["Erika Guevara Rosas", "Erika Guevara Rosas"]).len(),
            0
        );
    }

    #[test]
    fn a_shared_surname_is_not_one_person() {
        assert!(pairs(&["John Smith", "Jane Smith", "Wei Li", "Wei Lu"]).is_empty());
    }
}
