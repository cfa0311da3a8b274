//! Running the effects `update` asks for: saving the notes (and, when a save fails on quit,
//! writing them to a recovery file), handing the note being written to `$EDITOR`
//! with the terminal given back for the time it runs, and suspending gloss (Ctrl-z). Their outcome goes back to `update`
//! as a message, so the state still changes in one place.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use jiff::Timestamp;

use crate::notes::ArticleIdentity;
use crate::notes::export::w3c;
use crate::notes::store::recovery::{create_private, recovery_dirs, write_recovery};

use super::model::Model;
use super::signals::{self, Ending};
use super::terminal::{TerminalGuard, resume, suspend};
use super::update::{Effect, Msg, Redraw, update};

/// What the loop does once an update's effects are run: go on with this document, end,
/// or hand the session a document to open or one to close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Stay,
    End(Ending),
    Open(String),
    Back,
}

/// Takes `msg` in and runs the effects it leads to, taking in what they report. Says what
/// changed on screen, and what the loop does next.
pub fn dispatch(
    model: &mut Model,
    msg: Msg,
    guard: &mut TerminalGuard,
) -> io::Result<(Redraw, Next)> {
    let first = update(model, msg);
    let (mut effect, mut redraw) = (first.effect, first.redraw);
    loop {
        let next = match effect {
            Effect::None => return Ok((redraw, Next::Stay)),
            Effect::Quit => return Ok((redraw, Next::End(Ending::Quit))),
            Effect::Open(link) => return Ok((redraw, Next::Open(link))),
            Effect::Back => return Ok((redraw, Next::Back)),
            Effect::Elsewhere(group) => match leave_for_library(model, group) {
                Ok(next) => return Ok((redraw, next)),
                Err(e) => Msg::Saved(Err(e)),
            },
            Effect::OpenOutside(url) => Msg::OpenedOutside(open_outside(&model.opener, &url)),
            Effect::Exit(number) => {
                let notice = save_before_exit(model);
                let status = 128 + number;
                return Ok((redraw, Next::End(Ending::Signalled { status, notice })));
            }
            Effect::Save => Msg::Saved(save(model)),
            Effect::SaveCorrections(entry) => {
                Msg::CorrectionsSaved(save_corrections(model, entry.as_ref()))
            }
            Effect::SaveThenQuit => match save(model) {
                Ok(_) => return Ok((redraw, Next::End(Ending::Quit))),
                Err(_) => Msg::Unsaved(recovery(model)),
            },
            Effect::Suspend => {
                suspend();
                signals::stop();
                // Continued (`fg`): the screen is painted whole, at its size now.
                let size = resume(guard)?;
                if size == model.view.size {
                    return Ok((redraw, Next::Stay));
                }
                Msg::Resize(size.0, size.1)
            }
            Effect::ExternalEditor => {
                let (text, size) = external_editor(model, guard)?;
                if size != model.view.size {
                    update(model, Msg::Resize(size.0, size.1));
                }
                Msg::EditorText(text)
            }
        };
        let outcome = update(model, next);
        (effect, redraw) = (outcome.effect, redraw.and(outcome.redraw));
    }
}

/// Saves the notes if they changed: what to say, or the error (the notes stay dirty).
/// Writing the notebook is the one change made here (it is marked clean, and takes in what
/// another gloss saved); the Notes tab is rebuilt by `update` on [`Msg::Saved`].
pub fn save(model: &mut Model) -> Result<String, String> {
    if model.corrections.dirty() {
        save_corrections(model, None)?;
    }
    let Some(book) = model.notes.book.as_mut() else {
        return Ok(String::new());
    };
    if !book.is_dirty() {
        return Ok("notes saved".to_owned());
    }
    match book.save(&model.article.text) {
        Ok(saved) if saved.merged > 0 => Ok(format!(
            "notes saved, with {} from another gloss",
            saved.merged
        )),
        Ok(_) => Ok(format!("notes saved to {}", book.store().file().display())),
        // The cause first: the status bar has one line, and a path before it cuts it off.
        Err(e) => Err(super::messages::cause_first(&e)),
    }
}

/// Saves the corrections if they changed, and adds `entry` to the lexicon file (the
/// lexicon in the model then is the file's): what to say, or the error.
pub fn save_corrections(
    model: &mut Model,
    entry: Option<&crate::corrections::Entry>,
) -> Result<String, String> {
    let c = &mut model.corrections;
    let mut said = Vec::new();
    if let Some(entry) = entry {
        let Some(path) = &c.lexicon_path else {
            return Err("no config directory for lexicon.toml".into());
        };
        c.lexicon = crate::corrections::lexicon::add_entry(path, entry)?;
        said.push(format!("added to {}", path.display()));
    }
    if let Some(book) = c.book.as_mut().filter(|b| b.is_dirty()) {
        match book.save() {
            Ok(_) => said.push("corrections saved".into()),
            Err(e) => return Err(super::messages::cause_first(&e)),
        }
    }
    Ok(said.join(" · "))
}

/// Leaving the reader for the library's page of entity group `group`: the notes are
/// saved first; a save that fails keeps the reader open (the error, for the status bar).
pub fn leave_for_library(model: &mut Model, group: usize) -> Result<Next, String> {
    if model.notes.dirty() {
        save(model)?;
    }
    Ok(match model.annotations.group(group) {
        Some(g) => Next::End(Ending::Elsewhere {
            name: g.name.clone(),
            label: g.label,
        }),
        None => Next::Stay,
    })
}

/// Before gloss exits on a signal: the notes saved as quitting saves them, else written to
/// the recovery file quitting writes. What to tell the reader once the terminal is back
/// (nothing when the notes are safe in their file).
pub fn save_before_exit(model: &mut Model) -> Option<String> {
    if !model.notes.dirty() {
        return None;
    }
    let error = save(model).err()?;
    Some(match recovery(model) {
        Ok(file) => format!("notes not saved ({error}); a copy is in {file}"),
        Err(e) => format!("notes not saved ({error}) and no copy could be written ({e})"),
    })
}

/// Writes the unsaved notes as a W3C collection (what `gloss notes --import w3c` reads)
/// to a recovery file under the data (else state) directory, readable by the user only
/// (see `notes::store::recovery`); its path, or why it could not be written.
fn recovery(model: &Model) -> Result<String, String> {
    let Some(book) = model.notes.book.as_ref() else {
        return Err("no notes".to_owned());
    };
    let now = Timestamp::now();
    let identity = ArticleIdentity::new(&model.article.text, None);
    let label = model
        .article
        .meta
        .title
        .as_deref()
        .unwrap_or(&model.file_label);
    let json = w3c::collection(&identity, label, book.notes(), now);
    let name = format!(
        "gloss-notes-recovery-{}.json",
        now.strftime("%Y%m%dT%H%M%S")
    );
    let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
    let path = write_recovery(&recovery_dirs(), &name, text.as_bytes())?;
    Ok(path.display().to_string())
}

/// Runs `$VISUAL`/`$EDITOR` (else `vi`) on a temporary file holding the editor's text,
/// with the terminal restored for it, and returns the file's text afterwards, with the
/// terminal's size once it is back.
fn external_editor(
    model: &Model,
    guard: &mut TerminalGuard,
) -> io::Result<(Result<String, String>, (u16, u16))> {
    let Some(ed) = &model.notes.editor else {
        return Ok((Err("no note is being written".to_owned()), model.view.size));
    };
    let set = |name: &str| std::env::var(name).ok().filter(|e| !e.trim().is_empty());
    let editor = set("VISUAL")
        .or_else(|| set("EDITOR"))
        .unwrap_or_else(|| "vi".to_owned());
    let run = || -> Result<String, String> {
        let path = std::env::temp_dir().join(format!(
            "gloss-note-{}-{}.md",
            std::process::id(),
            Timestamp::now().as_nanosecond()
        ));
        let file = TempFile(path);
        // The note is private: readable by its owner only, like the recovery file.
        create_private(&file.0)
            .and_then(|mut f| f.write_all(ed.text().as_bytes()))
            .map_err(|e| format!("cannot write {}: {e}", file.0.display()))?;
        // The editor may be a command with arguments ("code --wait"): split on white space.
        let mut words = editor.split_whitespace();
        let program = words.next().unwrap_or("vi");
        let status = Command::new(program)
            .args(words)
            .arg(&file.0)
            .status()
            .map_err(|e| format!("cannot run the editor '{editor}': {e}"))?;
        if !status.success() {
            return Err(format!(
                "the editor '{editor}' failed ({status}); text unchanged"
            ));
        }
        std::fs::read_to_string(&file.0).map_err(|e| format!("cannot read the note back: {e}"))
    };
    suspend();
    let result = signals::while_child_runs(run);
    let size = resume(guard)?;
    Ok((result, size))
}

/// Hands `url` to the system opener (`opener`, the URL appended), detached: in a process
/// group of its own (the terminal's Ctrl-c is not its), its input and output away from the
/// terminal gloss draws on, waited for by a thread so it leaves no zombie. What to say, or
/// why it could not run.
pub fn open_outside(opener: &[String], url: &str) -> Result<String, String> {
    let Some((program, args)) = opener.split_first() else {
        return Err("no opener is set (opener in the config)".to_owned());
    };
    let mut command = Command::new(program);
    command
        .args(args)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run the opener '{program}': {e}"))?;
    std::thread::spawn(move || child.wait());
    Ok(format!("opening {url} with {program}"))
}

/// A temporary file removed when dropped.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        // Nothing to do about a file that cannot be removed from the temporary directory.
        let _ = std::fs::remove_file(&self.0);
    }
}
