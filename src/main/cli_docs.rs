//! `gloss completions SHELL` and `gloss man`: shell completions and the man page,
//! generated from the clap definitions (clap_complete, clap_mangen), so they never
//! disagree with `--help`.

use std::io::Write;

use clap::ValueEnum;

/// The shells completions are written for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// Writes the completion script for `shell` to standard output.
pub fn completions(shell: Shell, mut command: clap::Command) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(generator, &mut command, "gloss", &mut out);
    out.flush()?;
    Ok(())
}

/// Writes the man page (roff, section 1) to standard output: `gloss man > gloss.1`.
/// The page covers every subcommand (`gloss library ...` included) in one file.
pub fn man(command: clap::Command) -> anyhow::Result<()> {
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    render_subcommands(&command, &mut out)?;
    man.render_version_section(&mut out)?;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&out)?;
    stdout.flush()?;
    Ok(())
}

/// A section per subcommand (and per nested one), each with its options.
fn render_subcommands(command: &clap::Command, out: &mut Vec<u8>) -> anyhow::Result<()> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let parent = command.get_bin_name().unwrap_or(command.get_name());
        let name = format!("{parent} {}", sub.get_name());
        let named = sub
            .clone()
            .display_name(name.clone())
            .bin_name(name.clone());
        let page = clap_mangen::Man::new(named.clone());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            writeln!(out, "{}", roff_escape(&about.to_string()))?;
        }
        page.render_synopsis_section(out)?;
        page.render_options_section(out)?;
        render_subcommands(&named, out)?;
    }
    Ok(())
}

/// Text safe as a roff paragraph: no line starting with a control character.
fn roff_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .lines()
        .map(|l| match l.starts_with(['.', '\'']) {
            true => format!("\\&{l}"),
            false => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}
