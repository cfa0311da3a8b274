//! The README tells the truth: its set-up commands name files that exist, and its key table
//! is the one generated from the live keymap (run with `GLOSS_UPDATE_DOCS=1` to rewrite it
//! after changing a key or an action's doc).

use gloss::tui::Keymap;
use gloss::tui::ui::help::markdown_table;

const START: &str = "<!-- keys:start -->\n";
const END: &str = "<!-- keys:end -->";

fn readme_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")
}

#[test]
fn the_key_table_is_generated_from_the_keymap() {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let start = readme.find(START).expect("README has a keys:start marker") + START.len();
    let end = readme.find(END).expect("README has a keys:end marker");
    let expected = markdown_table(&Keymap::default());
    if readme[start..end] != expected {
        if std::env::var_os("GLOSS_UPDATE_DOCS").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(readme_path(), updated).expect("README.md is writable");
        } else {
            panic!(
                "the README's key table is out of date: run \
                 `GLOSS_UPDATE_DOCS=1 cargo test --test readme` to regenerate it"
            );
        }
    }
}

#[test]
fn the_first_lines_give_the_two_set_up_commands() {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let head: Vec<&str> = readme.lines().take(6).collect();
    let run = head
        .iter()
        .find(|l| l.starts_with("cargo run --release -- "))
        .expect("a `cargo run --release -- FILE` line near the top");
    let file = run
        .trim_start_matches("cargo run --release -- ")
        .split_whitespace()
        .next()
        .expect("the run line names a file");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    assert!(path.is_file(), "the README's sample {file} does not exist");
    assert!(
        head.iter().any(|l| l.starts_with("cargo test")),
        "no `cargo test` line near the top"
    );
}

#[test]
fn every_built_in_theme_is_listed_in_the_readme_and_help() {
    let readme = std::fs::read_to_string(readme_path()).expect("README.md is readable");
    let listed = readme
        .lines()
        .find(|l| l.starts_with("Built-in themes:"))
        .expect("a 'Built-in themes:' line");
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("--help")
        .output()
        .expect("run gloss --help");
    let help = String::from_utf8_lossy(&help.stdout).replace('\n', " ");
    for name in gloss::theme::names() {
        assert!(
            listed.contains(&format!("`{name}`")),
            "README misses {name}"
        );
        assert!(help.contains(name), "--help misses {name}: {help}");
    }
}
