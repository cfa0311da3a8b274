//! Keeps `docs/themes-and-config.md` true to the code: its role table is generated from
//! [`Role`], and its TOML examples must load.

use std::path::Path;

use super::{Role, Theme};
use crate::config::Config;

const DOC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/themes-and-config.md");
const START: &str = "<!-- roles:start -->\n";
const END: &str = "<!-- roles:end -->";

/// The TUI's action names (`tui::action::Action::name`), which the doc's example binds.
const ACTIONS: &[&str] = &[
    "quit",
    "line_down",
    "line_up",
    "half_page_down",
    "half_page_up",
    "page_down",
    "page_up",
    "top",
    "bottom",
    "next_annotation",
    "prev_annotation",
    "next_item",
    "prev_item",
    "next_mention",
    "prev_mention",
    "tab_entities",
    "tab_dates",
    "tab_quotes",
    "tab_notes",
    "enter",
    "back",
    "jump_back",
    "search",
    "next_match",
    "prev_match",
    "toggle_side_pane",
    "help",
    "add_note",
    "select",
    "highlight",
    "edit_note",
    "delete_note",
    "undo",
    "tag_filter",
    "reattach",
    "select_word_forward",
    "select_word_back",
    "select_sentence_forward",
    "select_sentence_back",
    "select_line_down",
    "select_line_up",
];

/// The role table as the doc shows it.
fn role_table() -> String {
    let mut table = String::from("| Role | Falls back to | Paints |\n|---|---|---|\n");
    for role in Role::ALL {
        let parent = role.parent().map_or(String::new(), |p| format!("`{p}`"));
        table.push_str(&format!(
            "| `{}` | {parent} | {} |\n",
            role.key(),
            role.description()
        ));
    }
    table
}

fn read_doc() -> String {
    std::fs::read_to_string(DOC).unwrap_or_else(|e| panic!("{DOC}: {e}"))
}

#[test]
fn role_table_is_in_sync() {
    let doc = read_doc();
    let start = doc.find(START).expect("roles:start marker") + START.len();
    let end = doc.find(END).expect("roles:end marker");
    let expected = role_table();
    if doc[start..end] != expected {
        if std::env::var_os("GLOSS_UPDATE_DOCS").is_some() {
            let updated = format!("{}{expected}{}", &doc[..start], &doc[end..]);
            std::fs::write(DOC, updated).expect("write the doc");
        } else {
            panic!(
                "the role table in {DOC} is out of date; run the test with \
                 GLOSS_UPDATE_DOCS=1 or paste:\n{expected}"
            );
        }
    }
}

/// The fenced TOML blocks of the doc.
fn toml_blocks(doc: &str) -> Vec<&str> {
    doc.split("```toml\n")
        .skip(1)
        .filter_map(|rest| rest.split_once("```").map(|(block, _)| block))
        .collect()
}

#[test]
fn examples_load() {
    let doc = read_doc();
    let blocks = toml_blocks(&doc);
    assert_eq!(blocks.len(), 2, "one config and one theme example");
    let config = Config::parse(blocks[0], Path::new("config.toml"), ACTIONS)
        .unwrap_or_else(|e| panic!("example config: {e}"));
    assert_eq!(
        config.keys.len(),
        ACTIONS.len(),
        "the example binds every action"
    );
    let theme = Theme::from_toml(blocks[1], Path::new("mine.toml"))
        .unwrap_or_else(|e| panic!("example theme: {e}"));
    assert!(theme.defines(Role::EntityPerson));
}
