//! How a quote's speaker was chosen: the kinds of evidence attribution weighs, named for
//! the JSON export and explained for the Quotes tab.

/// The kind of evidence a quote's speaker was chosen on, for the reader ("why this
/// speaker?") and for measuring which evidence is right how often.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Evidence {
    /// No speaker was found.
    #[default]
    Unattributed,
    /// Named at the quote's own cue ("Trump said", "said Trump", "according to Trump").
    Cue,
    /// A pronoun at the quote's own cue ("she said"), resolved to a person named before.
    Pronoun,
    /// A description at the quote's own cue ("officials said", "the letter read").
    Description,
    /// A transcript label opening the quote ("WALLACE: ...").
    Transcript,
    /// Introduced by the narration before it, ending in a colon ("Caddell continued:").
    Introduction,
    /// The subject of the sentence the quote stands in, with no verb of saying.
    SentenceSubject,
    /// A first-person narrator's "I said", the narrator being named by the others.
    Narrator,
    /// The quote continues one left open at the end of the previous paragraph.
    Continued,
    /// Another quote of the same paragraph names its speaker.
    SameParagraph,
    /// The subject of a narration sentence next to the quote ("She shook her head.").
    Beat,
    /// The person the previous turn of a dialogue addressed ("Dorcas, will you ...?").
    Addressed,
    /// Dialogue turns alternate: the speaker two turns back.
    Alternation,
    /// The other party of the conversation: a recent speaker who is not the last one.
    Conversation,
    /// The speaker of the previous quote or turn.
    LastSpeaker,
    /// A person named in the narration near the quote.
    Nearby,
}

impl Evidence {
    /// Every kind, in declaration order.
    pub const ALL: [Evidence; 16] = [
        Evidence::Unattributed,
        Evidence::Cue,
        Evidence::Pronoun,
        Evidence::Description,
        Evidence::Transcript,
        Evidence::Introduction,
        Evidence::SentenceSubject,
        Evidence::Narrator,
        Evidence::Continued,
        Evidence::SameParagraph,
        Evidence::Beat,
        Evidence::Addressed,
        Evidence::Alternation,
        Evidence::Conversation,
        Evidence::LastSpeaker,
        Evidence::Nearby,
    ];

    /// The kind's name in the JSON export (`"cue"`, `"same-paragraph"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Unattributed => "unattributed",
            Evidence::Cue => "cue",
            Evidence::Pronoun => "pronoun",
            Evidence::Description => "description",
            Evidence::Transcript => "transcript",
            Evidence::Introduction => "introduction",
            Evidence::SentenceSubject => "sentence-subject",
            Evidence::Narrator => "narrator",
            Evidence::Continued => "continued",
            Evidence::SameParagraph => "same-paragraph",
            Evidence::Beat => "beat",
            Evidence::Addressed => "addressed",
            Evidence::Alternation => "alternation",
            Evidence::LastSpeaker => "last-speaker",
            Evidence::Nearby => "nearby",
            Evidence::Conversation => "conversation",
        }
    }

    /// Why this speaker, in words for the Quotes tab.
    pub fn explain(self) -> &'static str {
        match self {
            Evidence::Unattributed => "no speaker found",
            Evidence::Cue => "named at the quote (\"X said\")",
            Evidence::Pronoun => "a pronoun at the quote (\"she said\"), resolved",
            Evidence::Description => "described at the quote (\"officials said\")",
            Evidence::Transcript => "a transcript label (\"NAME: ...\")",
            Evidence::Introduction => "introduced before it (\"X said:\")",
            Evidence::SentenceSubject => "the subject of its sentence",
            Evidence::Narrator => "the first-person narrator (\"I said\")",
            Evidence::Continued => "continues the quote before it",
            Evidence::SameParagraph => "another quote of its paragraph",
            Evidence::Beat => "the narration next to it",
            Evidence::Addressed => "answers the one who addressed them",
            Evidence::Alternation => "turns alternate in the dialogue",
            Evidence::LastSpeaker => "the speaker of the quote before",
            Evidence::Nearby => "a person named near it",
            Evidence::Conversation => "the other party of the conversation",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_kind_in_order() {
        for (k, e) in Evidence::ALL.into_iter().enumerate() {
            assert_eq!(e as usize, k);
        }
        let names: std::collections::HashSet<&str> =
            Evidence::ALL.iter().map(|e| e.as_str()).collect();
        assert_eq!(names.len(), Evidence::ALL.len());
    }
}
