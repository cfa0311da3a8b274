//! The library screens' loop: draw, wait for a key or a resize, take it in, and carry out
//! what `update` asks. Opening an article hands the terminal to the reader (through the
//! `open` function the binary gives, which prepares the article as `gloss FILE` does) and
//! takes it back when the reader quits, the list refreshed; "elsewhere in your library"
//! from that reader shows the entity's page, and leaving the page reopens the article.

use std::time::Duration;

use ratatui::crossterm::event;
use ratatui::layout::Rect;

use crate::annotation::EntityLabel;
use crate::library::Library;
use crate::theme::Theme;

use super::super::Ending;
use super::super::keymap::Keymap;
use super::super::signals::{Signal, SignalWatch, stop};
use super::super::terminal::{TerminalGuard, resume, suspend};
use super::super::update::Msg as ReaderMsg;
use super::model::LibraryView;
use super::ui;
use super::update::{Effect, Msg, open_named, update};

/// Where the library screens start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// The article list.
    List,
    /// An entity's page, asked for from the reader of `article` (reopened on leaving it).
    Entity {
        name: String,
        label: EntityLabel,
        article: Option<i64>,
    },
}

/// An article to open: its library id, and the byte to open it at (a passage), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenArticle {
    pub id: i64,
    pub at: Option<usize>,
}

/// Runs the library screens until the reader quits from them, or a signal ends gloss.
/// `open` runs the reader on an article (the terminal is the reader's meanwhile).
pub fn run(
    library: &Library,
    keymap: Keymap,
    theme: &Theme,
    start: Start,
    open: &mut dyn FnMut(OpenArticle) -> anyhow::Result<Ending>,
) -> anyhow::Result<Ending> {
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut view = LibraryView::new(keymap, size);
    let mut back_to = None;
    update(&mut view, library, Msg::Refresh);
    if let Start::Entity {
        name,
        label,
        article,
    } = start
    {
        back_to = article;
        if let Err(e) = open_named(&mut view, library, &name, label) {
            view.message = Some(e);
        }
    }
    loop {
        let (effect, ending) = screens(&mut view, library, theme)?;
        if let Some(ending) = ending {
            return Ok(ending);
        }
        let article = match effect {
            Effect::Open { article, at } => OpenArticle { id: article, at },
            Effect::Close => match back_to.take() {
                Some(id) => OpenArticle { id, at: None },
                // Nothing to go back to (the article is gone from the library): the list.
                None => {
                    view.screen = super::Screen::Articles;
                    view.back.clear();
                    continue;
                }
            },
            _ => return Ok(Ending::Quit),
        };
        match open(article)? {
            Ending::Quit => {}
            Ending::Elsewhere { name, label } => {
                back_to = Some(article.id);
                update(&mut view, library, Msg::Refresh);
                if let Err(e) = open_named(&mut view, library, &name, label) {
                    view.message = Some(e);
                }
                continue;
            }
            signalled => return Ok(signalled),
        }
        update(&mut view, library, Msg::Refresh);
    }
}

/// Shows the screens until one asks to open an article or to leave (the effect), or a
/// signal ends gloss (the ending). The terminal is given back before returning.
fn screens(
    view: &mut LibraryView,
    library: &Library,
    theme: &Theme,
) -> anyhow::Result<(Effect, Option<Ending>)> {
    let signals = SignalWatch::start()?;
    let mut guard = TerminalGuard::enter()?;
    // Set on the first frame and after each resize (setting it clears the screen).
    let mut shown = None;
    loop {
        let (w, h) = view.size;
        if shown != Some(view.size) {
            guard.terminal.resize(Rect::new(0, 0, w, h))?;
            shown = Some(view.size);
        }
        guard.terminal.draw(|f| {
            ui::draw(f, view, theme);
            if let Some(at) = ui::cursor(view, f.area()) {
                f.set_cursor_position(at);
            }
        })?;
        let mut msgs = Vec::new();
        if event::poll(Duration::from_millis(250))? {
            msgs.extend(super::super::app::message(event::read()?));
            while event::poll(Duration::ZERO)? {
                msgs.extend(super::super::app::message(event::read()?));
            }
        }
        for signal in std::iter::from_fn(|| signals.next()) {
            match signal {
                Signal::Terminate(number) => {
                    let ending = Ending::Signalled {
                        status: 128 + number,
                        notice: None,
                    };
                    return Ok((Effect::Quit, Some(ending)));
                }
                Signal::Suspend => msgs.push(ReaderMsg::Suspend),
            }
        }
        for msg in msgs {
            let msg = match msg {
                ReaderMsg::Key(chord) => Msg::Key(chord),
                ReaderMsg::Resize(w, h) => Msg::Resize(w, h),
                ReaderMsg::Paste(text) => Msg::Paste(text),
                ReaderMsg::Suspend => {
                    suspend();
                    stop();
                    let (w, h) = resume(&mut guard)?;
                    shown = None;
                    Msg::Resize(w, h)
                }
                _ => continue,
            };
            match update(view, library, msg) {
                Effect::None => {}
                Effect::Suspend => {
                    suspend();
                    stop();
                    let (w, h) = resume(&mut guard)?;
                    shown = None;
                    update(view, library, Msg::Resize(w, h));
                }
                Effect::Quit => return Ok((Effect::Quit, Some(Ending::Quit))),
                leave => return Ok((leave, None)),
            }
        }
    }
}
