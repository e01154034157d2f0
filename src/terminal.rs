//! Decisions about the terminal, made once: colour and width.

use anstream::ColorChoice;
use clap::ValueEnum as _;

use crate::cli::{ColorWhen, GlobalArgs};
use crate::render::RenderOptions;

/// Tables narrower than this are unreadable; a smaller or unknown width falls back to 80.
const MIN_WIDTH: usize = 20;
const FALLBACK_WIDTH: usize = 80;

/// Builds the render options from the flags, the environment and whether the output goes to a
/// terminal (stdout is one, and no `--out` file was given).
///
/// Colour is decided as clap decides it for its own messages (anstream's rules), after `--color`
/// is made the process-wide choice: `always` and `never` are obeyed; `auto` colours a terminal
/// whose `TERM` is not `dumb`, except that a non-empty `NO_COLOR` turns colour off, then a
/// non-empty `CLICOLOR_FORCE` turns it on even into a pipe, then `CLICOLOR=0` turns it off. A
/// file is no terminal, as a pipe is not.
pub fn render_options(global: &GlobalArgs, stdout_is_terminal: bool) -> RenderOptions {
    set_color_choice(global.color);
    let env = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    let choice = if stdout_is_terminal {
        anstream::AutoStream::choice(&std::io::stdout())
    } else {
        anstream::AutoStream::choice(&Vec::<u8>::new())
    };
    RenderOptions {
        format: global.format,
        color: choice != ColorChoice::Never,
        width: table_width(stdout_is_terminal, env("COLUMNS"), || {
            terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
        }),
        raw_csv: global.raw_csv,
        terminal: stdout_is_terminal,
        invocation: global.invocation(),
        answer_line: false,
    }
}

/// The width to wrap what is written to stderr at (the questions of `assess`): the rules of
/// [`table_width`], applied to stderr, since that is where a person reads them.
pub fn stderr_width() -> Option<usize> {
    use std::io::IsTerminal as _;
    let stderr = std::io::stderr();
    let columns = std::env::var_os("COLUMNS").map(|v| v.to_string_lossy().into_owned());
    table_width(stderr.is_terminal(), columns, || {
        terminal_size::terminal_size_of(&stderr).map(|(w, _)| usize::from(w.0))
    })
}

/// Makes `when` the colour choice of the whole process, which clap's help and error messages
/// follow too.
pub fn set_color_choice(when: ColorWhen) {
    let choice = match when {
        ColorWhen::Auto => ColorChoice::Auto,
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
    };
    choice.write_global();
}

/// The last `--color WHEN` or `--color=WHEN` before any `--`, read before clap parses the command
/// line, so that an error in parsing it is coloured as asked. `None` when absent or not a value.
pub fn color_in_args(args: &[std::ffi::OsString]) -> Option<ColorWhen> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg {
            Some("--") => break,
            Some("--color") => args.next().flatten(),
            Some(other) => other.strip_prefix("--color="),
            None => None,
        };
        if let Some(when) = value.and_then(|v| ColorWhen::from_str(v, false).ok()) {
            found = Some(when);
        }
    }
    found
}

/// `COLUMNS` wins when set; otherwise a terminal's own width; a pipe is not wrapped at all.
/// A width that is unknown or under 20 becomes 80.
pub fn table_width(
    is_terminal: bool,
    columns: Option<String>,
    detect: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    let sane = |w: usize| if w >= MIN_WIDTH { w } else { FALLBACK_WIDTH };
    if let Some(cols) = columns.and_then(|c| c.trim().parse::<usize>().ok()) {
        return Some(sane(cols));
    }
    if !is_terminal {
        return None;
    }
    Some(detect().map_or(FALLBACK_WIDTH, sane))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_flag_is_found_before_parsing() {
        let args = |list: &[&str]| list.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(color_in_args(&args(&["pm", "levels"])), None);
        assert_eq!(color_in_args(&args(&["pm", "--color", "never", "levels"])), Some(ColorWhen::Never));
        assert_eq!(color_in_args(&args(&["pm", "--color=never", "x", "--color", "always"])), Some(ColorWhen::Always));
        assert_eq!(color_in_args(&args(&["pm", "--color", "sometimes"])), None);
        assert_eq!(color_in_args(&args(&["pm", "--", "--color", "never"])), None);
        assert_eq!(color_in_args(&args(&["pm", "--color"])), None);
    }

    #[test]
    fn width_rules() {
        assert_eq!(table_width(false, None, || Some(120)), None);
        assert_eq!(table_width(false, Some("100".into()), || None), Some(100));
        assert_eq!(table_width(true, Some("10".into()), || Some(120)), Some(80));
        assert_eq!(table_width(true, None, || Some(120)), Some(120));
        assert_eq!(table_width(true, None, || Some(0)), Some(80));
        assert_eq!(table_width(true, None, || None), Some(80));
    }
}
