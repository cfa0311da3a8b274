//! The reading subcommands of `gloss library` (list, search, entities, quotes) and
//! `remove`: text for people, `--json` for scripts. Text from articles goes through the
//! output module, so a control sequence in an article is shown, never obeyed.

use std::io::Write;

use serde::Serialize;
use serde_json::json;

use gloss::annotation::EntityLabel;
use gloss::library::{ArticleId, ArticleSummary, Library, Sort};

use super::super::output::stdout;

fn print_json(value: &impl Serialize) -> anyhow::Result<()> {
    let mut out = stdout();
    writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    out.flush()?;
    Ok(())
}

pub fn list(lib: &Library, sort: Sort, limit: usize, json: bool) -> anyhow::Result<()> {
    let page = lib.articles(sort, None, limit)?;
    if json {
        return print_json(&page.items);
    }
    let mut out = stdout();
    if page.items.is_empty() {
        writeln!(
            out,
            "the library is empty: 'gloss library add PATH' or open an article"
        )?;
    }
    for a in &page.items {
        writeln!(out, "{}", article_line(a))?;
    }
    out.flush()?;
    Ok(())
}

/// `ID  DATE  READ%  NOTES  TITLE — SITE`
fn article_line(a: &ArticleSummary) -> String {
    let date = a.pub_date.as_deref().unwrap_or("----------");
    let read = (a.position.fraction() * 100.0).round();
    let notes = match a.notes_count {
        0 => String::new(),
        n => format!("{n} notes  "),
    };
    let site = a
        .site
        .as_deref()
        .map(|s| format!(" — {s}"))
        .unwrap_or_default();
    format!(
        "{:>6}  {date}  {read:>3}%  {notes}{}{site}",
        a.id.0,
        a.label()
    )
}

pub fn search(lib: &Library, query: &str, limit: usize, json: bool) -> anyhow::Result<()> {
    let hits = lib.search(query, limit, 0)?;
    if json {
        return print_json(&hits);
    }
    let mut out = stdout();
    for hit in &hits {
        let title = hit
            .title
            .as_deref()
            .or(hit.source.as_deref())
            .unwrap_or("untitled");
        let date = hit.pub_date.as_deref().unwrap_or("");
        writeln!(out, "{:>6}  {title}  {date}", hit.id.0)?;
        writeln!(out, "        {}", hit.snippet.replace('\n', " "))?;
    }
    if hits.is_empty() {
        writeln!(out, "no article contains every word of '{query}'")?;
    }
    out.flush()?;
    Ok(())
}

pub fn entities(
    lib: &Library,
    kind: Option<EntityLabel>,
    limit: usize,
    json: bool,
) -> anyhow::Result<()> {
    let page = lib.entities(kind, None, limit)?;
    if json {
        return print_json(&page.items);
    }
    let mut out = stdout();
    writeln!(
        out,
        "{:>8} {:>8}  {:<6}  NAME",
        "ARTICLES", "MENTIONS", "KIND"
    )?;
    for e in &page.items {
        let kind = e.kind.as_str();
        writeln!(
            out,
            "{:>8} {:>8}  {kind:<6}  {}",
            e.article_count, e.mention_count, e.name
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The entity a name means (the best match), its articles with each first mention in
/// its sentence, and the other entities the name could mean.
pub fn entity(
    lib: &Library,
    name: &str,
    kind: Option<EntityLabel>,
    limit: usize,
    json: bool,
) -> anyhow::Result<()> {
    let found = lib.find_entities(name, kind, 10)?;
    let Some(best) = found.first() else {
        anyhow::bail!("no entity named '{name}' in {}", lib.path().display());
    };
    let articles = lib.entity_articles(best.id, None, limit, 3)?;
    let quotes = lib.quotes_of_entity(best.id, None, limit)?;
    if json {
        let timeline = lib.entity_timeline(best.id)?;
        return print_json(&json!({
            "entity": best,
            "articles": articles.items,
            "quotes": quotes.items,
            "timeline": timeline,
            "also": &found[1..],
        }));
    }
    let mut out = stdout();
    writeln!(
        out,
        "{} ({}): {} articles, {} mentions",
        best.name,
        best.kind.as_str(),
        best.article_count,
        best.mention_count
    )?;
    for a in &articles.items {
        let title = a
            .title
            .as_deref()
            .or(a.source.as_deref())
            .unwrap_or("untitled");
        let date = a.pub_date.as_deref().unwrap_or("----------");
        writeln!(
            out,
            "\n{:>6}  {date}  {title}  ({} mentions)",
            a.article.0, a.mention_count
        )?;
        for m in &a.mentions {
            writeln!(out, "        {}", m.sentence)?;
        }
    }
    if !quotes.items.is_empty() {
        writeln!(out, "\nquotes:")?;
        for q in &quotes.items {
            writeln!(out, "{:>6}  {}", q.article.0, q.text.replace('\n', " "))?;
        }
    }
    for other in &found[1..] {
        writeln!(
            out,
            "\nalso: {} ({}), {} articles",
            other.name,
            other.kind.as_str(),
            other.article_count
        )?;
    }
    out.flush()?;
    Ok(())
}

pub fn quotes(lib: &Library, speaker: &str, limit: usize, json: bool) -> anyhow::Result<()> {
    let page = lib.quotes_by(speaker, None, limit)?;
    if json {
        return print_json(&page.items);
    }
    let mut out = stdout();
    if page.items.is_empty() {
        writeln!(out, "no quotes by '{speaker}' in the library")?;
    }
    for q in &page.items {
        let title = q.title.as_deref().unwrap_or("untitled");
        let date = q.pub_date.as_deref().unwrap_or("----------");
        let who = q.speaker.as_deref().unwrap_or(speaker);
        writeln!(out, "{:>6}  {date}  {title}", q.article.0)?;
        writeln!(out, "        {} — {who}", q.text.replace('\n', " "))?;
    }
    out.flush()?;
    Ok(())
}

/// Removes articles named by id, path or URL; a target that names none is an error
/// (after the others are removed).
pub fn remove(lib: &mut Library, targets: &[String], json: bool) -> anyhow::Result<()> {
    let mut removed = Vec::new();
    let mut unknown = Vec::new();
    for target in targets {
        let ids = ids_for(lib, target)?;
        if ids.is_empty() {
            unknown.push(target.clone());
        }
        for id in ids {
            if lib.remove(id)? {
                removed.push(id);
            }
        }
    }
    if json {
        print_json(&json!({ "removed": removed, "not_found": unknown }))?;
    } else {
        let mut out = stdout();
        writeln!(
            out,
            "removed {} article{}",
            removed.len(),
            if removed.len() == 1 { "" } else { "s" }
        )?;
        out.flush()?;
    }
    match unknown.is_empty() {
        true => Ok(()),
        false => anyhow::bail!("not in the library: {}", unknown.join(", ")),
    }
}

/// The articles `target` names: an id, else a URL, else a file's path.
fn ids_for(lib: &Library, target: &str) -> anyhow::Result<Vec<ArticleId>> {
    if let Ok(n) = target.parse::<i64>() {
        let id = ArticleId(n);
        return Ok(match lib.article(id) {
            Ok(_) => vec![id],
            Err(_) => Vec::new(),
        });
    }
    let path = std::path::Path::new(target);
    let source = match gloss::fetch::is_url(target) {
        true => target.to_owned(),
        false => path
            .canonicalize()
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf())
            .to_string_lossy()
            .into_owned(),
    };
    Ok(lib.ids_by_source(&source)?)
}
