//! End-to-end tests of quote detection on short invented passages.

use proptest::prelude::*;

use super::*;
use crate::annotation::EntityLabel;

/// One line per quote: the quoted text and its speaker ("unknown" when none).
fn show_with(text: &str, entities: &[Annotation], groups: &[EntityGroup]) -> String {
    detect(text, entities, groups)
        .iter()
        .map(|a| match &a.kind {
            AnnotationKind::Quote(q) => format!(
                "{} <- {}",
                &text[a.span.clone()],
                q.speaker.as_deref().unwrap_or("unknown")
            ),
            _ => String::new(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn show(text: &str) -> String {
    show_with(text, &[], &[])
}

/// The speakers of the quotes of `text`, in order.
fn speakers(text: &str) -> Vec<String> {
    detect(text, &[], &[])
        .into_iter()
        .map(|a| match a.kind {
            AnnotationKind::Quote(q) => q.speaker.unwrap_or_else(|| "unknown".into()),
            _ => String::new(),
        })
        .collect()
}

fn person(text: &str, needle: &str, nth: usize, group: usize) -> Annotation {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_default();
    Annotation {
        span: start..start + needle.len(),
        kind: AnnotationKind::Entity {
            label: EntityLabel::Person,
            group,
        },
    }
}

fn group(id: usize, name: &str) -> EntityGroup {
    EntityGroup {
        id,
        label: EntityLabel::Person,
        name: name.into(),
        aliases: vec![],
    }
}

#[test]
fn x_said_and_said_x() {
    assert_eq!(speakers("“We will win,” Trump said."), vec!["Trump"]);
    assert_eq!(speakers("“We will win,” said Caddell."), vec!["Caddell"]);
}

#[test]
fn appositive_before_the_cue() {
    let t = "“It was a mistake,” Leonard E. Burman, director of the Tax Policy Center, said.";
    assert_eq!(speakers(t), vec!["Leonard E. Burman"]);
    let t = "Harjit Sajjan, Canadian defense minister, said he hoped to train personnel “when the situation permits.”";
    assert_eq!(speakers(t), vec!["Harjit Sajjan"]);
}

#[test]
fn told_reporters_and_according_to() {
    assert_eq!(
        speakers("Merkel told reporters that “Europe is in a critical situation.”"),
        vec!["Merkel"]
    );
    assert_eq!(
        speakers("“The plan is dead,” according to Senator Bernie Sanders."),
        vec!["Bernie Sanders"]
    );
}

#[test]
fn other_cue_verbs() {
    for verb in [
        "added",
        "wrote",
        "asked",
        "explained",
        "noted",
        "replied",
        "insisted",
    ] {
        let t = format!("“Nothing has changed here,” Jane Doe {verb}.");
        assert_eq!(speakers(&t), vec!["Jane Doe"], "{verb}");
    }
}

#[test]
fn cue_in_the_previous_paragraph_ending_with_a_colon() {
    let t = "Caddell continued:\n\n\"The health issue is very much a partisan issue.\"";
    assert_eq!(speakers(t), vec!["Caddell"]);
}

#[test]
fn titles_are_left_out_of_names() {
    let t = "“Troops are not going anywhere,” US President Donald Trump said.";
    assert_eq!(speakers(t), vec!["Donald Trump"]);
    let t = "“It is a con,” said German Chancellor Angela Merkel.";
    assert_eq!(speakers(t), vec!["Angela Merkel"]);
}

#[test]
fn fullest_name_from_the_text_without_entities() {
    let t = "Donald Trump spoke on Monday.\n\n“We won’t leave,” Trump said.";
    assert_eq!(speakers(t), vec!["Donald Trump"]);
}

#[test]
fn fullest_name_from_the_entity_group() {
    let t = "Later that day the minister spoke. “We won’t leave,” Sajjan said.";
    let ents = [person(t, "Sajjan", 0, 0)];
    let groups = [group(0, "Harjit Sajjan")];
    assert_eq!(
        show_with(t, &ents, &groups),
        "“We won’t leave,” <- Harjit Sajjan"
    );
    let q = detect(t, &ents, &groups);
    let AnnotationKind::Quote(info) = &q[0].kind else {
        panic!("not a quote")
    };
    assert_eq!(info.speaker_group, Some(0));
    assert_eq!(info.speaker_span.clone().map(|s| &t[s]), Some("Sajjan"));
}

#[test]
fn pronoun_resolves_to_the_nearest_fitting_person() {
    let t = "Mr. Smith met Mrs. Jones at noon. “It went well,” she said. “Indeed,” he added.";
    let ents = [person(t, "Smith", 0, 0), person(t, "Jones", 0, 1)];
    let groups = [group(0, "John Smith"), group(1, "Mary Jones")];
    assert_eq!(
        show_with(t, &ents, &groups),
        "“It went well,” <- Mary Jones\n“Indeed,” <- John Smith"
    );
}

#[test]
fn pronoun_skips_people_named_inside_quotes() {
    let t = "Jane Doe arrived. “I met Hillary Clinton,” she said.";
    let ents = [
        person(t, "Jane Doe", 0, 0),
        person(t, "Hillary Clinton", 0, 1),
    ];
    let groups = [group(0, "Jane Doe"), group(1, "Hillary Clinton")];
    assert_eq!(
        show_with(t, &ents, &groups),
        "“I met Hillary Clinton,” <- Jane Doe"
    );
}

#[test]
fn pronoun_without_entities_takes_the_last_named_speaker() {
    assert_eq!(
        speakers("“Yes,” said Kemp. “No,” he added."),
        vec!["Kemp", "Kemp"]
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    assert_eq!(show("He appeared on “Morning Joe” to defend the plan."), "");
    assert_eq!(show("They sang ''A Change Is Gonna Come,'' loudly."), "");
    assert_eq!(
        speakers("Reid has called Trump a “spoiled brat.”"),
        vec!["Reid"]
    );
}

#[test]
fn unknown_speaker_is_none() {
    assert_eq!(
        speakers("The crowd was loud.\n\n“Nobody expected this.”"),
        vec!["unknown"]
    );
}

#[test]
fn snapshot_news_passage() {
    let t = "Earlier Monday, Harjit Sajjan, Canadian defense minister, said Canada hoped to \
train Iraqi personnel “when the situation permits.”\n\n“We respect your sovereign decision,” \
commented the letter.\n\n“It will make Iranian sanctions somewhat tame,” Trump said. “We won’t \
leave unless they pay us for it.”\n\n''This isn't tax reform,'' said Douglas Holtz-Eakin, an \
economist. ''It's anti-reform.''";
    insta::assert_snapshot!(show(t), @r"
    “when the situation permits.” <- Harjit Sajjan
    “We respect your sovereign decision,” <- letter
    “It will make Iranian sanctions somewhat tame,” <- Trump
    “We won’t leave unless they pay us for it.” <- Trump
    ''This isn't tax reform,'' <- Douglas Holtz-Eakin
    ''It's anti-reform.'' <- Douglas Holtz-Eakin
    ");
}

#[test]
fn snapshot_dialogue_and_continued_quote() {
    let t = "\"Mother wouldn't mind, I'm sure,\" said Lucy.\n\n\"You are quite right,\" \
returned Charlotte.\n\n\"Then we shall go.\"\n\n\"Not today.\"\n\n\"It began long ago,\" said the \
old man. \"First part of the story.\n\n\"And the second part,\" the old man went on.";
    insta::assert_snapshot!(show(t), @r#"
    "Mother wouldn't mind, I'm sure," <- Lucy
    "You are quite right," <- Charlotte
    "Then we shall go." <- Lucy
    "Not today." <- Charlotte
    "It began long ago," <- old man
    "First part of the story. <- old man
    "And the second part," <- old man
    "#);
}

#[test]
fn snapshot_transcript_and_signatures() {
    let t = "\"WALLACE: Let’s start with the debate.\n\n\"PENCE: Well, look.\n\n\
“The most unqualified child to ever run.” ― Francisco Herrero";
    insta::assert_snapshot!(show(t), @r#"
    "WALLACE: Let’s start with the debate. <- WALLACE
    "PENCE: Well, look. <- PENCE
    “The most unqualified child to ever run.” <- Francisco Herrero
    "#);
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_char_boundaries(text in "(\\PC|[\"“”'’ \n\r—―,.:A-Z])*") {
        let found = detect(&text, &[], &[]);
        for a in &found {
            prop_assert!(a.span.start < a.span.end && a.span.end <= text.len());
            prop_assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end));
            if let AnnotationKind::Quote(q) = &a.kind
                && let Some(s) = &q.speaker_span
            {
                prop_assert!(s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }

    #[test]
    fn quote_like_words_never_panic(words in prop::collection::vec(
        prop::sample::select(vec!["“", "”", "\"", "''", "’", "said", "Trump", "he", ",", ".",
            "\n\n", "\n", "Mr.", "according", "to", "—", ":", "the", "letter", "Ms.", "\u{a0}"]),
        0..60,
    )) {
        let text = words.join(" ");
        let found = detect(&text, &[], &[]);
        prop_assert!(found.iter().all(|a| a.span.end <= text.len() && text.is_char_boundary(a.span.start)));
    }
}

#[test]
fn narration_beat_names_the_speaker() {
    let t = "Kemp looked up from the paper. “Is it true?”\n\n“It is.” Marvel shook his head.";
    assert_eq!(speakers(t), vec!["Kemp", "Marvel"]);
}

#[test]
fn pronoun_gender_learnt_from_the_text() {
    // Nothing titles Lucy or George: "she" after Lucy's mentions tells her gender.
    let t = "Lucy came in; she smiled. Lucy sat down and she waited. George nodded; he \
laughed. George rose, and he left the room to Lucy and George. “It is late,” she said.";
    let ents: Vec<Annotation> = (0..3)
        .map(|k| person(t, "Lucy", k, 0))
        .chain((0..3).map(|k| person(t, "George", k, 1)))
        .collect();
    let groups = [group(0, "Lucy Honeychurch"), group(1, "George Emerson")];
    assert_eq!(
        show_with(t, &ents, &groups),
        "“It is late,” <- Lucy Honeychurch"
    );
}

#[test]
fn the_person_addressed_answers_and_never_speaks_to_themself() {
    // A word opening a quote is taken as a vocative only when it names a known person.
    let t = "“Go,” said Dorcas.\n\n“Wait,” said Mary.\n\n“Dorcas, will you call Manning?” \
said Poirot.\n\n“Yes, sir.”";
    assert_eq!(speakers(t), vec!["Dorcas", "Mary", "Poirot", "Dorcas"]);
    let t = "“Go,” said Elinor.\n\n“Stay,” said Marianne.\n\n“Why not, Elinor?”";
    assert_eq!(speakers(t), vec!["Elinor", "Marianne", "Marianne"]);
}

#[test]
fn narration_paragraph_before_a_quote_names_its_speaker() {
    let t = "Cynthia nodded.\n\n“Yes. I know why.”";
    assert_eq!(speakers(t), vec!["Cynthia"]);
}

#[test]
fn nested_speech_keeps_the_outer_source_of_a_main_clause() {
    let t = "Flynn said Trump was right when he said that “the generals are weak.”";
    assert_eq!(speakers(t), vec!["Flynn"]);
    let t = "When Clinton noted the cost, Trump boasted, “That makes me smart.”";
    assert_eq!(speakers(t), vec!["Trump"]);
}

#[test]
fn a_description_ends_at_its_verb_and_keeps_its_place() {
    assert_eq!(
        speakers("The New York Times reports: “Fewer donors gave this year.”"),
        vec!["New York Times"]
    );
    assert_eq!(
        speakers("“It is a frenzy,” said one Democratic source on the panel."),
        vec!["one Democratic source on the panel"]
    );
}

#[test]
fn employer_after_a_preposition_is_not_the_speaker() {
    assert_eq!(
        speakers("“The effect is small,” wrote Cameron Easley for Morning Consult."),
        vec!["Cameron Easley"]
    );
}

#[test]
fn a_quote_running_on_keeps_its_lead_in_cue() {
    let t = "Clinton is describing as “unhinged” a Trump tweet about the contest.";
    assert_eq!(speakers(t), vec!["Clinton"]);
    let t = "“I admire the mechanics” of the plan, Mr. Holtz-Eakin said.";
    assert_eq!(speakers(t), vec!["Holtz-Eakin"]);
}

#[test]
fn trailer_pronoun_defers_to_the_lead_in_name() {
    let t = "Sen. Claire McCaskill (D-Mo.) scolded him: “You are wrong,” she said.";
    assert_eq!(speakers(t), vec!["Claire McCaskill"]);
}

#[test]
fn participle_after_a_comma_takes_the_sentence_subject() {
    let t = "Clinton spoke about the death in Tulsa, arguing that it was “intolerable.”";
    assert_eq!(speakers(t), vec!["Clinton"]);
    let t = "With leaders increasingly worried about a lack of passion among the young voters \
in the big cities of the country, President Obama is rolling out a message: “It's about me.”";
    assert_eq!(speakers(t), vec!["Obama"]);
}

#[test]
fn delegate_is_a_title() {
    let t = "“It is a waste,” said Del. Stacey Plaskett of the Virgin Islands.";
    assert_eq!(speakers(t), vec!["Stacey Plaskett"]);
}

#[test]
fn a_titled_surname_keeps_itself_and_a_titled_first_name_the_full_name() {
    let t = "Obama Speech. “We win,” Mr. Obama said. Michelle Obama smiled.";
    let ents = [person(t, "Obama", 1, 0)];
    assert_eq!(
        show_with(t, &ents, &[group(0, "Obama Speech")]),
        "“We win,” <- Obama"
    );
    let t = "Lucy Honeychurch came. “We win,” Miss Lucy said.";
    let ents = [person(t, "Lucy", 1, 0)];
    assert_eq!(
        show_with(t, &ents, &[group(0, "Lucy Honeychurch")]),
        "“We win,” <- Lucy Honeychurch"
    );
}

#[test]
fn an_unattributed_quote_in_a_conversation_goes_to_the_other_party() {
    // The narration paragraph has no subject to give the last quote; the conversation
    // between Anne and Charles does.
    let t = "“Is it late?” asked Anne.\n\n“Not yet,” said Charles.\n\nThe clock struck \
twice in the hall.\n\n“Then stay.”";
    assert_eq!(speakers(t), vec!["Anne", "Charles", "Anne"]);
}

/// The evidence each quote's speaker was chosen on, in order.
fn evidence(text: &str) -> Vec<&'static str> {
    detect(text, &[], &[])
        .into_iter()
        .map(|a| match a.kind {
            AnnotationKind::Quote(q) => q.evidence.as_str(),
            _ => "",
        })
        .collect()
}

#[test]
fn each_quote_records_how_its_speaker_was_chosen() {
    let t = "“We will win,” Trump said. “And soon.”\n\nThe crowd cheered.\n\n“Maybe.”";
    assert_eq!(evidence(t)[..2], ["cue", "same-paragraph"]);
    assert_eq!(evidence("“Maybe so.”"), ["unattributed"]);
}

#[test]
fn a_first_person_cue_is_nobody_else() {
    // No narrator is named: "I said" is left unattributed, not given to Anne.
    let t = "“Is it late?” asked Anne.\n\n“Not yet,” I said.";
    assert_eq!(speakers(t), vec!["Anne", "unknown"]);
}

#[test]
fn the_person_addressed_is_not_the_speaker() {
    let t = "“Is it late?” asked Anne.\n\n“Not yet,” said Charles.\n\n“Anne, stay.”";
    assert_eq!(speakers(t), vec!["Anne", "Charles", "Charles"]);
}

#[test]
fn the_speaker_role_comes_from_the_cue() {
    let t = "“We are ready,” said Brian Fallon, Clinton press secretary. “Truly.”";
    let q = detect(t, &[], &[]);
    let roles: Vec<Option<String>> = q
        .into_iter()
        .map(|a| match a.kind {
            AnnotationKind::Quote(q) => q.speaker_role,
            _ => None,
        })
        .collect();
    let want = Some("Brian Fallon, Clinton press secretary".to_string());
    assert_eq!(roles, vec![want.clone(), want]);
}
