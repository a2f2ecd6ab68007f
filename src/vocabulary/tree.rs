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
