//! GFM tables as aligned rows of text. A table becomes one block whose lines are its rows,
//! cells padded to their column's display width (the width table the layout measures
//! with) and aligned as the delimiter row asks, between `│` rules, the header row in bold
//! and underlined by a `├──┼──┤` rule:
//!
//! ```text
//! │ City   │ Population │
//! ├────────┼────────────┤
//! │ Paris  │  2,100,000 │
//! ```
//!
//! It is ordinary text of the article, so the detectors read the cells (a rule is
//! punctuation to them) and search finds them. Every line starts and ends with `│`, so no
//! row is blank or trimmed and the offsets of the cells' inline spans hold. A row wider
//! than the reader wraps like any line.

use std::ops::Range;

use pulldown_cmark::Alignment;

use crate::article::{BlockKind, InlineStyle};
use crate::ingest::builder::TextBuilder;
use crate::layout::str_width;

/// One cell: its text, the inline spans and the links in it (offsets into the cell's text).
#[derive(Debug, Default)]
struct Cell {
    text: String,
    inline: Vec<(InlineStyle, Range<usize>)>,
    links: Vec<(Range<usize>, String)>,
}

/// A table's text, its inline spans and its links (offsets into that text).
type Rendered = (
    String,
    Vec<(InlineStyle, Range<usize>)>,
    Vec<(Range<usize>, String)>,
);

/// A table being read from pulldown-cmark's events.
#[derive(Debug)]
pub(crate) struct Table {
    aligns: Vec<Alignment>,
    rows: Vec<Vec<Cell>>,
    /// How many of `rows` are the header.
    head_rows: usize,
}

impl Table {
    pub fn new(aligns: Vec<Alignment>) -> Table {
        Table {
            aligns,
            rows: Vec::new(),
            head_rows: 0,
        }
    }

    /// Starts a row (the header's when `head`).
    pub fn start_row(&mut self, head: bool) {
        self.rows.push(Vec::new());
        if head {
            self.head_rows = self.rows.len();
        }
    }

    pub fn start_cell(&mut self) {
        if self.rows.is_empty() {
            self.rows.push(Vec::new());
        }
        if let Some(row) = self.rows.last_mut() {
            row.push(Cell::default());
        }
    }

    fn cell(&mut self) -> Option<&mut Cell> {
        self.rows.last_mut()?.last_mut()
    }

    /// Appends text to the open cell; a line break in a cell is a space (a row is a line).
    pub fn push(&mut self, s: &str) {
        if let Some(cell) = self.cell() {
            for c in s.chars() {
                cell.text.push(if c == '\n' || c == '\r' { ' ' } else { c });
            }
        }
    }

    /// Where the next text of the open cell goes, for inline spans.
    pub fn offset(&self) -> usize {
        self.rows
            .last()
            .and_then(|r| r.last())
            .map_or(0, |c| c.text.len())
    }

    pub fn inline(&mut self, style: InlineStyle, range: Range<usize>) {
        if let Some(cell) = self.cell()
            && range.start < range.end
        {
            cell.inline.push((style, range));
        }
    }

    /// Records a link to `url` over `range` of the open cell.
    pub fn link(&mut self, range: Range<usize>, url: String) {
        if let Some(cell) = self.cell()
            && range.start < range.end
        {
            cell.links.push((range, url));
        }
    }

    /// Writes the table as one block of `kind` into `b`, its inline spans and links placed.
    pub fn emit(self, b: &mut TextBuilder, kind: BlockKind) {
        let (text, inline, links) = self.render();
        if text.is_empty() {
            return;
        }
        b.begin(kind);
        let start = b.offset();
        b.push(&text);
        for (style, r) in inline {
            b.inline(style, start + r.start..start + r.end);
        }
        for (r, url) in links {
            b.link(start + r.start..start + r.end, url);
        }
        b.end();
    }

    /// The table's text, its inline spans and links (offsets into that text).
    fn render(mut self) -> Rendered {
        for row in &mut self.rows {
            for cell in row.iter_mut() {
                trim_cell(cell);
            }
        }
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return (String::new(), Vec::new(), Vec::new());
        }
        let mut widths = vec![0; columns];
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(str_width(&cell.text));
            }
        }
        let mut out = String::new();
        let mut inline = Vec::new();
        let mut links = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let head = i < self.head_rows;
            out.push('│');
            for (col, &width) in widths.iter().enumerate() {
                let cell = row.get(col);
                let text = cell.map_or("", |c| c.text.as_str());
                let pad = width - str_width(text);
                let before = match self.aligns.get(col) {
                    Some(Alignment::Right) => pad,
                    Some(Alignment::Center) => pad / 2,
                    _ => 0,
                };
                out.push(' ');
                out.extend(std::iter::repeat_n(' ', before));
                let at = out.len();
                out.push_str(text);
                if head && !text.is_empty() {
                    inline.push((InlineStyle::Strong, at..at + text.len()));
                }
                for (style, r) in cell.map_or(&[][..], |c| &c.inline[..]) {
                    inline.push((*style, at + r.start..at + r.end));
                }
                for (r, url) in cell.map_or(&[][..], |c| &c.links[..]) {
                    links.push((at + r.start..at + r.end, url.clone()));
                }
                out.extend(std::iter::repeat_n(' ', pad - before + 1));
                out.push('│');
            }
            if head && i + 1 == self.head_rows && self.rows.len() > self.head_rows {
                out.push('\n');
                out.push_str(&rule(&widths));
            }
        }
        (out, inline, links)
    }
}

/// The line under the header: `├──┼──┤`, each column its width plus its two spaces.
fn rule(widths: &[usize]) -> String {
    let mut line = String::from("├");
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            line.push('┼');
        }
        line.extend(std::iter::repeat_n('─', w + 2));
    }
    line.push('┤');
    line
}

/// Trims a cell's text, moving its inline spans with it.
fn trim_cell(cell: &mut Cell) {
    let lead = cell.text.len() - cell.text.trim_start().len();
    let kept = cell.text.trim().len();
    cell.text = cell.text[lead..lead + kept].to_string();
    let spans = cell.inline.iter_mut().map(|(_, r)| r);
    for r in spans.chain(cell.links.iter_mut().map(|(r, _)| r)) {
        r.start = r.start.saturating_sub(lead).min(kept);
        r.end = r.end.saturating_sub(lead).min(kept);
    }
    cell.inline.retain(|(_, r)| r.start < r.end);
    cell.links.retain(|(r, _)| r.start < r.end);
}
