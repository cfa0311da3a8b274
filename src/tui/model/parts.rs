//! The small owners of the model's state: the article's viewport, detection's progress,
//! the overlay and the status line.

use crate::layout::Layout;

use super::super::messages::MessageLog;
use super::Overlay;

/// The article pane's view of the text: the terminal's size, the layout at the current
/// width (and complete layouts at widths used before), and the first visible line.
#[derive(Debug)]
pub struct Viewport {
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The article laid out at `Model::text_area`'s width.
    pub layout: Layout,
    /// Complete layouts at other widths the reader has used, newest last, so going back to
    /// a width (a resize undone, the side pane toggled) is instant and exact.
    pub layout_cache: Vec<Layout>,
    /// The width `layout` is for (0 before the first layout).
    pub width: u16,
    /// First visible layout line of the article pane.
    pub top: usize,
    /// A place to open at past the head shown so far of a big file (the byte, and whether
    /// to show what leads to it): taken once the whole article is in.
    pub pending_start: Option<(usize, bool)>,
}

impl Viewport {
    /// A terminal of `size`, nothing laid out yet.
    pub fn new(size: (u16, u16)) -> Viewport {
        Viewport {
            size,
            layout: Layout::default(),
            layout_cache: Vec::new(),
            width: 0,
            top: 0,
            pending_start: None,
        }
    }
}

/// Whether the detectors are still running, and how far they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetectionState {
    /// True until the detectors' results arrive (see `Model::set_annotations`).
    pub running: bool,
    /// How far background detection is, in percent, when it says (books).
    pub progress: Option<u8>,
}

impl Default for DetectionState {
    fn default() -> DetectionState {
        DetectionState {
            running: true,
            progress: None,
        }
    }
}

/// The overlay drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overlays {
    /// The overlay's scroll offset while one is open (`None`: none is).
    pub scroll: Option<usize>,
    /// Which overlay `scroll` scrolls.
    pub which: Overlay,
}

/// What the status bar says besides the reader's position.
#[derive(Debug, Default)]
pub struct StatusLine {
    /// A one-off message ("no match for …"), cleared by the next key.
    pub message: Option<String>,
    /// The last messages, for the messages overlay.
    pub log: MessageLog,
    /// The link being fetched to open over this document, while it is.
    pub fetching: Option<String>,
}
