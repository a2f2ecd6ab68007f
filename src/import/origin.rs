//! Where each extracted field was read: the line of the input and the words on it. `press
//! import --explain` prints these, and the import's warnings name them.

/// A place in the input: the 1-based line and the words a field was read from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// 1-based line number in the input.
    pub line: usize,
    /// The words on that line the field was read from.
    pub text: String,
}

impl Origin {
    /// The origin of a field read from `line` (1-based) around byte `at` of its `text`: the
    /// words there, shortened to about a hundred characters.
    pub fn at(line: usize, text: &str, at: usize) -> Self {
        let text = text.trim_end();
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        let end = text[at..]
            .char_indices()
            .nth(80)
            .map_or(text.len(), |(i, _)| at + i);
        let mut words = String::new();
        if start > 0 {
            words.push('…');
        }
        words.push_str(text[start..end].trim());
        if end < text.len() {
            words.push('…');
        }
        Self { line, text: words }
    }
}

/// Where a speaker was named, and what about them the text left to a guess.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpeakerOrigin {
    /// The attribution that names the speaker.
    pub attribution: Origin,
    /// Why a field of this speaker is a guess ("organisation: implied by …"), if one is.
    pub guess: Option<String>,
}

/// Where every extracted field came from; `None` where the text did not give it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origins {
    /// The title line.
    pub title: Option<Origin>,
    /// The date line or dateline.
    pub date: Option<Origin>,
    /// The title's place prefix.
    pub location: Option<Origin>,
    /// One per speaker, in the order of the speakers.
    pub speakers: Vec<SpeakerOrigin>,
    /// Where the issuing organisation is named.
    pub organization: Option<Origin>,
    /// The first line of the body.
    pub body: Option<Origin>,
    /// The line that starts the background.
    pub background: Option<Origin>,
    /// The line that starts the contact block.
    pub contact: Option<Origin>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long line is shown as its first eighty characters and an ellipsis.
    #[test]
    fn a_long_line_is_cut_after_eighty_characters() {
        let line = "é".repeat(100);
        let origin = Origin::at(3, &line, 0);
        assert_eq!(origin.text, format!("{}…", "é".repeat(80)));
        assert_eq!(origin.line, 3);
    }
}
