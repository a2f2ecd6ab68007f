//! Rewriting `topics.toml` and `speakers.toml` after a bulk rename or merge, with `toml_edit`
//! so that the user's comments, order and formatting stay: the old spellings become synonyms
//! (aliases) of the entry named by the new one, which is what makes the old pages redirect.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::diagnostic::quote;
use crate::slug;

/// The names of one kind of entry in a vocabulary file.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The file, for messages (`topics.toml`).
    pub file: &'static str,
    /// The array of tables (`topic`, `person`).
    pub table: &'static str,
    /// The list of other spellings (`synonyms`, `aliases`).
    pub others: &'static str,
    /// The key naming a parent entry, if entries have one (`parent`).
    pub parent: Option<&'static str>,
    /// A key an entry merged away hands on to the entry it is merged into (`roles`), when no
    /// other of them has it; two entries with it are not merged.
    pub handed_on: Option<&'static str>,
}

/// `topics.toml` entries.
pub const TOPICS: Kind = Kind {
    file: "topics.toml",
    table: "topic",
    others: "synonyms",
    parent: Some("parent"),
    handed_on: None,
};

/// `speakers.toml` people.
pub const PEOPLE: Kind = Kind {
    file: "speakers.toml",
    table: "person",
    others: "aliases",
    parent: None,
    handed_on: Some("roles"),
};

/// The file's text (`None`: no file yet) after the spellings `olds` were renamed (merged) into
/// `new`: the entry that owns `new` (else the first that owns an old spelling, else a new one)
/// is named `new` and lists every old spelling among its others; other entries owning an old
/// spelling are merged into it (their spellings kept as its others, and their `handed_on` key
/// if it alone has one) and removed, and a parent naming an old spelling names `new`. Spellings
/// are compared by slug. `Err` (in words) when the file cannot be read, or when two of the
/// entries merged hold the `handed_on` key (two people's roles are not merged blindly).
pub fn merge_into(
    kind: Kind,
    text: Option<&str>,
    olds: &[&str],
    new: &str,
) -> Result<String, String> {
    let file = kind.file;
    let mut doc: DocumentMut = text
        .unwrap_or("")
        .parse()
        .map_err(|err| format!("{file} cannot be read: {err}"))?;
    if doc.get(kind.table).is_none() {
        doc.insert(kind.table, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let entries = doc
        .get_mut(kind.table)
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| {
            format!(
                "`{}` in {file} is not a list of [[{}]] tables",
                kind.table, kind.table
            )
        })?;
    let new_key = slug::key(new);
    let old_keys: Vec<String> = olds.iter().map(|o| slug::key(o)).collect();
    let owns = |table: &Table, keys: &[String]| {
        spellings(kind, table)
            .iter()
            .any(|s| keys.contains(&slug::key(s)))
    };
    let mut target = (0..entries.len())
        .find(|&i| {
            entries
                .get(i)
                .is_some_and(|t| owns(t, std::slice::from_ref(&new_key)))
        })
        .or_else(|| {
            (0..entries.len()).find(|&i| entries.get(i).is_some_and(|t| owns(t, &old_keys)))
        });
    // Other entries owning an old spelling: their spellings move to the target.
    let mut moved: Vec<String> = Vec::new();
    let merged: Vec<usize> = (0..entries.len())
        .filter(|&i| Some(i) != target && entries.get(i).is_some_and(|t| owns(t, &old_keys)))
        .collect();
    // The `handed_on` values of the entries merged away, with their names.
    let mut handed: Vec<(String, Item)> = Vec::new();
    for &index in merged.iter().rev() {
        if let Some(table) = entries.get(index) {
            moved.splice(0..0, spellings(kind, table));
            if let Some(item) = kind.handed_on.and_then(|key| table.get(key)) {
                let name = table.get("name").and_then(Item::as_str).unwrap_or_default();
                handed.insert(0, (name.to_owned(), item.clone()));
            }
        }
        entries.remove(index);
        if let Some(t) = target.as_mut()
            && *t > index
        {
            *t -= 1;
        }
    }
    let index = match target {
        Some(index) => index,
        None => {
            let mut table = Table::new();
            table.insert("name", toml_edit::value(new));
            entries.push(table);
            entries.len() - 1
        }
    };
    let table = entries
        .get_mut(index)
        .ok_or_else(|| format!("{file}: the entry to rename is gone"))?;
    let old_name = table.get("name").and_then(Item::as_str).map(str::to_owned);
    if let Some(key) = kind.handed_on {
        let mut holders: Vec<String> = handed.iter().map(|(name, _)| quote(name)).collect();
        if table.contains_key(key) {
            holders.insert(0, quote(old_name.as_deref().unwrap_or_default()));
        }
        if holders.len() > 1 {
            return Err(format!(
                "{} would become one [[{}]] in {file}, and each has `{key}`; merge their `{key}` in {file} by hand first",
                holders.join(" and "),
                kind.table
            ));
        }
        if let Some((_, item)) = handed.pop() {
            table.insert(key, item);
        }
    }
    if old_name.as_deref() != Some(new) {
        set_keeping_decor(table, "name", new);
        moved.extend(old_name);
    }
    moved.extend(olds.iter().map(|o| (*o).to_owned()));
    let mut known: Vec<String> = vec![new_key.clone()];
    let others = table
        .entry(kind.others)
        .or_insert_with(|| toml_edit::value(Array::new()))
        .as_array_mut()
        .ok_or_else(|| format!("`{}` in {file} is not a list", kind.others))?;
    others.retain(|v| v.as_str().is_none_or(|s| slug::key(s) != new_key));
    known.extend(others.iter().filter_map(Value::as_str).map(slug::key));
    for spelling in moved {
        let key = slug::key(&spelling);
        if !known.contains(&key) {
            known.push(key);
            others.push(spelling);
        }
    }
    if others.is_empty() {
        table.remove(kind.others);
    }
    if let Some(parent) = kind.parent {
        for table in entries.iter_mut() {
            let names_old = table
                .get(parent)
                .and_then(Item::as_str)
                .is_some_and(|p| known.contains(&slug::key(p)) && slug::key(p) != new_key);
            if names_old {
                set_keeping_decor(table, parent, new);
            }
        }
    }
    Ok(doc.to_string())
}

/// The entry's name and other spellings.
fn spellings(kind: Kind, table: &Table) -> Vec<String> {
    let name = table.get("name").and_then(Item::as_str).map(str::to_owned);
    let others = table
        .get(kind.others)
        .and_then(Item::as_array)
        .into_iter()
        .flat_map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned));
    name.into_iter().chain(others).collect()
}

/// Sets `key` to the string `value`, keeping the spaces and comment around the old value.
fn set_keeping_decor(table: &mut Table, key: &str, value: &str) {
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = Value::from(value);
            *old.decor_mut() = decor;
        }
        None => {
            table.insert(key, toml_edit::value(value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_keeps_the_old_name_as_a_synonym() {
        let text = "# mine\nstrict = false\n\n[[topic]]\nname = \"Torture\" # the big one\ndescription = \"d\"\n\n[[topic]]\nname = \"Beatings\"\nparent = \"torture\"\n";
        assert_eq!(
            merge_into(TOPICS, Some(text), &["torture"], "Ill-treatment").expect("edits"),
            "# mine\nstrict = false\n\n[[topic]]\nname = \"Ill-treatment\" # the big one\ndescription = \"d\"\nsynonyms = [\"Torture\"]\n\n[[topic]]\nname = \"Beatings\"\nparent = \"Ill-treatment\"\n"
        );
        assert_eq!(
            merge_into(TOPICS, None, &["Torture"], "Ill-treatment").expect("edits"),
            "[[topic]]\nname = \"Ill-treatment\"\nsynonyms = [\"Torture\"]\n"
        );
    }

    #[test]
    fn a_merge_folds_entries_into_one() {
        let text = "[[topic]]\nname = \"A\"\nsynonyms = [\"a1\"]\n\n[[topic]]\nname = \"B\"\n\n[[topic]]\nname = \"C\"\n";
        assert_eq!(
            merge_into(TOPICS, Some(text), &["A", "B"], "C").expect("edits"),
            // The blank line before C's table is C's own, and stays.
            "\n[[topic]]\nname = \"C\"\nsynonyms = [\"A\", \"a1\", \"B\"]\n"
        );
    }

    #[test]
    fn a_merge_hands_one_persons_roles_on_and_refuses_two() {
        let text = "[[person]]\nname = \"A\"\nroles = [{role = \"R\", from = 2020-01-01}]\n\n[[person]]\nname = \"B\"\n";
        assert_eq!(
            merge_into(PEOPLE, Some(text), &["A"], "B").expect("edits"),
            "\n[[person]]\nname = \"B\"\nroles = [{role = \"R\", from = 2020-01-01}]\naliases = [\"A\"]\n"
        );
        let two = text.replace("name = \"B\"\n", "name = \"B\"\nroles = []\n");
        assert_eq!(
            merge_into(PEOPLE, Some(&two), &["A"], "B"),
            Err("\"B\" and \"A\" would become one [[person]] in speakers.toml, and each has `roles`; merge their `roles` in speakers.toml by hand first".to_owned())
        );
    }
}
