//! The library killed in the middle of `gloss library add`: the real binary adds a
//! directory of articles to a library in a temporary directory and is killed (SIGKILL) at
//! a point spread over how long a whole add takes, round after round, each on a new
//! library. After every kill the library opens, `PRAGMA integrity_check` says ok, no
//! foreign key dangles, and every article there is whole (its text as in its file, its
//! annotations stored); the add run again without a kill finds those and adds the rest,
//! none lost or changed. The long version, for the figures of docs/reliability.md (1,000
//! articles, 20 kills), is ignored by default:
//! `cargo test --release --test library_kills -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

/// An article of its own (distinct text, so a distinct hash), with people, a place, a
/// date and a quote for the detectors to store.
fn article(i: usize) -> String {
    format!(
        "Council meeting {i}\n\nAna Ruiz, the mayor of Kelvin Harbour, said on Tuesday that \
         the ferry plan number {i} would go to a vote. \"We have waited {i} days for this,\" \
         Ruiz said. Tom Okafor of Norvale Lines said the company would hire {i} crew in \
         Ottawa before 24 May.\n"
    )
}

fn write_articles(dir: &Path, n: usize) -> BTreeMap<String, String> {
    std::fs::create_dir_all(dir).expect("mkdir");
    (0..n)
        .map(|i| {
            let path = dir.join(format!("a{i:04}.txt"));
            let text = article(i);
            std::fs::write(&path, &text).expect("write");
            (path.to_str().expect("utf-8").to_owned(), text)
        })
        .collect()
}

fn gloss_add(db: &Path, articles: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gloss"));
    cmd.args(["library", "add", "--library"])
        .arg(db)
        .arg(articles)
        .env("XDG_DATA_HOME", db.parent().expect("parent"))
        .env("XDG_CONFIG_HOME", db.parent().expect("parent"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Starts an add and kills it after `after`; whether it was still running then.
fn add_and_kill(db: &Path, articles: &Path, after: Duration) -> bool {
    let mut child = gloss_add(db, articles).spawn().expect("gloss runs");
    let start = Instant::now();
    while start.elapsed() < after {
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    true
}

/// What a killed add left: checked whole, and the articles recorded (path -> text).
fn check(db: &Path, files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .expect("the library opens after a kill");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(integrity, "ok");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check");
    assert_eq!(dangling, 0, "foreign keys dangle");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    if version == 0 {
        // Killed before the schema's transaction committed: an empty database, which the
        // next open migrates.
        return BTreeMap::new();
    }
    let mut stmt = conn
        .prepare("SELECT source, text, annotated FROM article")
        .expect("select");
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .expect("query");
    let mut recorded = BTreeMap::new();
    for row in rows {
        let (source, text, annotated) = row.expect("row");
        let file = files
            .get(&source)
            .unwrap_or_else(|| panic!("{source}: not ours"));
        // The first line is the article's title, kept apart from its text.
        assert!(
            !text.trim().is_empty() && file.trim_end().ends_with(text.trim_end()),
            "{source}: the text is not its file's: {text:?}"
        );
        assert_eq!(annotated, 1, "{source}: recorded without its annotations");
        recorded.insert(source, text);
    }
    let mentions: i64 = conn
        .query_row("SELECT count(*) FROM article_entity", [], |r| r.get(0))
        .expect("count");
    assert!(recorded.is_empty() || mentions > 0, "annotations stored");
    recorded
}

struct Figures {
    kills: usize,
    killed_running: usize,
    /// Articles recorded when each kill came.
    recorded_at_kill: Vec<usize>,
}

/// `kills` rounds, each on a new library: an add of the `n` articles killed at a point
/// spread over how long a whole add takes here, the library checked, then an add without a
/// kill, which must find what was recorded and add the rest.
fn kill_adds(n: usize, kills: usize) -> Figures {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = dir.path().join("articles");
    let files = write_articles(&articles, n);
    let whole = {
        let start = Instant::now();
        let status = gloss_add(&dir.path().join("timing.db"), &articles)
            .status()
            .expect("gloss runs");
        assert!(status.success(), "a whole add: {status}");
        start.elapsed()
    };
    let mut figures = Figures {
        kills,
        killed_running: 0,
        recorded_at_kill: Vec::new(),
    };
    for k in 0..kills {
        let db = dir.path().join(format!("round-{k}.db"));
        // From gloss starting (opening, migrating) to the end of the adding.
        let after = whole.mul_f64((k as f64 + 0.5) / kills as f64);
        figures.killed_running += usize::from(add_and_kill(&db, &articles, after));
        let killed = if db.exists() {
            check(&db, &files)
        } else {
            BTreeMap::new()
        };
        figures.recorded_at_kill.push(killed.len());
        let status = gloss_add(&db, &articles).status().expect("gloss runs");
        assert!(
            status.success(),
            "round {k}: the add after the kill: {status}"
        );
        let all = check(&db, &files);
        assert_eq!(
            all.len(),
            n,
            "round {k}: every article is there after the last add"
        );
        for (source, text) in &killed {
            assert_eq!(
                all.get(source),
                Some(text),
                "round {k}: {source} changed or was lost"
            );
        }
    }
    figures
}

#[test]
fn adds_killed_midway_leave_a_whole_library_and_lose_nothing() {
    let f = kill_adds(300, 4);
    assert!(f.killed_running > 0, "no add was still running when killed");
}

#[test]
#[ignore = "a minute or two: run for the figures of docs/reliability.md"]
fn twenty_kills_while_adding_a_thousand_articles() {
    let f = kill_adds(1000, 20);
    let mid = f
        .recorded_at_kill
        .iter()
        .filter(|&&r| r > 0 && r < 1000)
        .count();
    println!(
        "library kills: {} kills of an add of 1000 articles ({} while it ran, {} with some but \
         not all recorded; recorded at each kill: {:?}); integrity ok after every kill, 0 \
         articles lost or changed, every next add completed all 1000",
        f.kills, f.killed_running, mid, f.recorded_at_kill
    );
}
