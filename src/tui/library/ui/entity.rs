//! An entity's page: a chart of its articles per month over the passages that name it
//! (the sentence around each mention) and its quotes, each a row that opens its article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Bar, BarChart, BarGroup};

use crate::theme::{Role, Theme};
use crate::tui::ui::style::stack;
use crate::tui::ui::text::set_line;

use super::super::model::EntityState;
use super::super::shelf::Passage;
use super::{empty, marked, put_row};

/// Rows of an entity page's chart: the bars and the line of months under them.
pub const CHART_ROWS: u16 = 5;

pub fn draw(frame: &mut Frame, body: Rect, e: &EntityState, theme: &Theme) {
    let chart = Rect::new(body.x, body.y, body.width, CHART_ROWS.min(body.height));
    draw_chart(frame, chart, e, theme);
    let list_y = chart.bottom() + 1;
    let list = Rect::new(
        body.x,
        list_y,
        body.width,
        body.bottom().saturating_sub(list_y),
    );
    let shown = usize::from(list.height / 2);
    let passages = e.page.mentions.iter().chain(&e.page.quotes).enumerate();
    for (i, p) in passages.skip(e.top).take(shown) {
        let y = list.y + 2 * u16::try_from(i - e.top).unwrap_or(0);
        let quote = i >= e.page.mentions.len();
        draw_passage(frame, list, y, (i == e.cursor, quote), p, e, theme);
    }
    if e.is_empty() {
        empty(frame, list, " No passage to show.", theme);
    }
}

fn draw_passage(
    frame: &mut Frame,
    list: Rect,
    y: u16,
    (selected, quote): (bool, bool),
    p: &Passage,
    e: &EntityState,
    theme: &Theme,
) {
    let dim = stack(theme, &[Role::List, Role::ListDim]);
    let what = if quote { "said" } else { "mentioned" };
    let right = vec![Span::styled(format!("{what}  {} ", p.date), dim)];
    put_row(
        frame,
        list,
        y,
        selected,
        theme,
        vec![Span::raw(p.title.as_str())],
        right,
    );
    let (plain, mark) = match quote {
        true => (
            stack(theme, &[Role::List, Role::Quote]),
            stack(theme, &[Role::List, Role::QuoteSpeaker]),
        ),
        false => (
            dim,
            stack(theme, &[Role::List, Role::for_entity(e.entity.label)]),
        ),
    };
    let marks: Vec<_> = p.mark.iter().cloned().collect();
    let mut spans = vec![Span::raw("   ")];
    spans.extend(marked(&p.text, &marks, plain, mark));
    set_line(frame.buffer_mut(), list.x, y + 1, &spans, list.width);
}

/// The entity's articles per month, oldest on the left, as a sparkline over the months
/// from its first to its last (months without an article are gaps), with the first and
/// last month and the busiest month's count under it.
fn draw_chart(frame: &mut Frame, area: Rect, e: &EntityState, theme: &Theme) {
    if area.height < 2 {
        return;
    }
    let months =
        super::super::chart::months(&e.page.months, usize::from(area.width.saturating_sub(2)));
    let dim = stack(theme, &[Role::List, Role::ListDim]);
    let Some((first, last)) = months.first().zip(months.last()) else {
        set_line(
            frame.buffer_mut(),
            area.x,
            area.y,
            &[Span::styled(" No dated article.", dim)],
            area.width,
        );
        return;
    };
    let data: Vec<u64> = months.iter().map(|(_, n)| *n).collect();
    let bars = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height - 1,
    );
    // Bars as wide as the months leave room for, at most 4 columns, one column apart.
    let n = u16::try_from(data.len()).unwrap_or(u16::MAX).max(1);
    let bar_width = (bars.width / n).saturating_sub(1).clamp(1, 4);
    let gap = u16::from(bars.width >= n * 2);
    let style = stack(theme, &[Role::List, Role::for_entity(e.entity.label)]);
    let group: Vec<Bar> = data
        .iter()
        .map(|&v| {
            Bar::default()
                .value(v)
                .text_value(String::new())
                .style(style)
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&group))
        .bar_width(bar_width)
        .bar_gap(gap)
        .bar_style(style);
    frame.render_widget(chart, bars);
    let top = data.iter().max().copied().unwrap_or(0);
    let label = format!(
        " {} … {}  ·  articles by month, at most {top} a month",
        first.0, last.0
    );
    set_line(
        frame.buffer_mut(),
        area.x,
        area.bottom() - 1,
        &[Span::styled(label, dim)],
        area.width,
    );
}
