//! A reader as it is once a book has settled: annotated and laid out whole at the
//! terminal's size, for the benches and examples that measure drawing and keys. Included
//! with `#[path]` by `benches/render.rs` and `examples/key_frame.rs`.

use gloss::article::Article;
use gloss::detect::detect_article;
use gloss::layout::Layout;
use gloss::tui::update::{Msg, update};
use gloss::tui::{Keymap, Model, Settings};

/// The reader over `article` in a `size` terminal, with all its annotations and the
/// complete layout (no window, no worker).
pub fn settled_reader(article: Article, size: (u16, u16)) -> Model {
    let annotations = detect_article(&article);
    let mut m = Model::new(
        article,
        "book".into(),
        Settings::default(),
        Keymap::default(),
        size,
    );
    let full = Layout::new(&m.article, m.view.width);
    update(&mut m, Msg::LayoutReady(Box::new(full)));
    update(&mut m, Msg::Annotations(annotations));
    m
}
