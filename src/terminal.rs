//! Decisions about the terminal, made once: colour and width.

use crate::cli::{ColorWhen, GlobalArgs};
use crate::render::RenderOptions;

/// Tables narrower than this are unreadable; a smaller or unknown width falls back to 80.
const MIN_WIDTH: usize = 20;
const FALLBACK_WIDTH: usize = 80;

/// Builds the render options from the flags, the environment and whether stdout is a terminal.
pub fn render_options(global: &GlobalArgs, stdout_is_terminal: bool) -> RenderOptions {
    let env = |name: &str| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
    RenderOptions {
        format: global.format,
        color: color_enabled(global.color, stdout_is_terminal, env("NO_COLOR"), env("TERM")),
        width: table_width(stdout_is_terminal, env("COLUMNS"), || {
            terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
        }),
        raw_csv: global.raw_csv,
    }
}

/// `always` and `never` are obeyed; `auto` colours only a terminal, and only without NO_COLOR
/// (any non-empty value) or `TERM=dumb`.
pub fn color_enabled(when: ColorWhen, is_terminal: bool, no_color: Option<String>, term: Option<String>) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => is_terminal && no_color.is_none_or(|v| v.is_empty()) && term.as_deref() != Some("dumb"),
    }
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
    fn colour_rules() {
        assert!(color_enabled(ColorWhen::Always, false, Some("1".into()), None));
        assert!(!color_enabled(ColorWhen::Never, true, None, None));
        assert!(color_enabled(ColorWhen::Auto, true, None, Some("xterm".into())));
        assert!(!color_enabled(ColorWhen::Auto, false, None, None));
        assert!(!color_enabled(ColorWhen::Auto, true, Some("1".into()), None));
        assert!(color_enabled(ColorWhen::Auto, true, Some(String::new()), None));
        assert!(!color_enabled(ColorWhen::Auto, true, None, Some("dumb".into())));
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
