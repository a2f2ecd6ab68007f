//! `press topics --tree`: the vocabulary's hierarchy with each topic's counts.

use super::Vocabulary;
use crate::statement::Header;

/// One line per entry, each under its parent (two spaces a level), roots and children in file
/// order: `name: DIRECT (TOTAL with descendants)`, where DIRECT counts the statements naming the
/// topic itself and TOTAL those naming it or any topic below it (each statement once).
pub fn lines<H: Header>(vocabulary: &Vocabulary, statements: &[&H]) -> Vec<String> {
    let n = vocabulary.topics.len();
    let mut direct = vec![0_usize; n];
    let mut total = vec![0_usize; n];
    let mut counted = vec![usize::MAX; n];
    for (index, statement) in statements.iter().enumerate() {
        for topic in statement.topics() {
            let Some(entry) = vocabulary.entry(topic.slug.as_str()) else {
                continue;
            };
            direct[entry] += 1;
            // The entry and its ancestors count this statement once each.
            let mut at = Some(entry);
            let mut steps = 0;
            while let Some(e) = at {
                if counted[e] != index {
                    counted[e] = index;
                    total[e] += 1;
                }
                at = vocabulary.topics[e].parent;
                steps += 1;
                if steps > n {
                    break;
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<(usize, usize)> = (0..n)
        .rev()
        .filter(|&i| vocabulary.topics[i].parent.is_none())
        .map(|i| (i, 0))
        .collect();
    while let Some((entry, depth)) = stack.pop() {
        out.push(format!(
            "{}{}: {} ({} with descendants)",
            "  ".repeat(depth),
            vocabulary.topics[entry].name,
            direct[entry],
            total[entry]
        ));
        for child in (0..n).rev() {
            if vocabulary.topics[child].parent == Some(entry) {
                stack.push((child, depth + 1));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::Exit;
    use crate::commands::in_process::{Ran, archive, press};

    /// Siblings read in the file's order, each under its parent, and roots too: `press topics
    /// --tree` on two roots, one with three children (one of which has a child).
    #[test]
    fn siblings_in_the_tree_keep_the_order_of_topics_toml() -> anyhow::Result<()> {
        let vocabulary = "[[topic]]\nname = \"Policing\"\n\n[[topic]]\nname = \"Red notices\"\nparent = \"Policing\"\n\n[[topic]]\nname = \"Diffusions\"\nparent = \"Policing\"\n\n[[topic]]\nname = \"Surveillance\"\nparent = \"Policing\"\n\n[[topic]]\nname = \"Spyware\"\nparent = \"Surveillance\"\n\n[[topic]]\nname = \"Asylum\"\n";
        let statement = |date: &str, topics: &str| {
            format!(
                "---\ntitle: \"On {date}\"\ndate: {date}\nspeaker: Ann\ntopics: [{topics}]\n---\nBody.\n"
            )
        };
        let root = archive(&[
            ("topics.toml", vocabulary),
            (
                "statements/2026/2026-01-01-a.md",
                &statement("2026-01-01", "Red notices"),
            ),
            (
                "statements/2026/2026-01-02-b.md",
                &statement("2026-01-02", "Spyware, Diffusions"),
            ),
            (
                "statements/2026/2026-01-03-c.md",
                &statement("2026-01-03", "Asylum"),
            ),
        ])?;
        assert_eq!(
            press(root.path(), &["topics", "--tree"]),
            Ran {
                exit: Exit::Success,
                out: "Policing: 0 (2 with descendants)\n  Red notices: 1 (1 with descendants)\n  \
                      Diffusions: 1 (1 with descendants)\n  Surveillance: 0 (1 with descendants)\n    \
                      Spyware: 1 (1 with descendants)\nAsylum: 1 (1 with descendants)\n"
                    .to_owned(),
                err: String::new(),
            }
        );
        Ok(())
    }
}
