//! The HTML reports in a real browser: headless Chromium loads each page from disk and the test
//! checks that it loads with no console message at all (errors, CSP violations, script output),
//! that the SVG has one axis per skill and one outline per series (or one cell per person and
//! skill, one line per skill over time, or no chart at all on a plan), that markup in the data stays
//! text, and that the print stylesheet gives A4 pages. A screenshot of each page is taken; with
//! `PM_SKILLS_UPDATE_SCREENSHOTS=1` they are copied to `docs/img/`, with a screenshot of
//! `pm-skills diff` in a real terminal (tmux).
//!
//! Chromium is found as `$PM_SKILLS_CHROMIUM`, `chromium`, `chromium-browser` or `google-chrome`.
//! These tests are `#[ignore]`d, so a plain `cargo test` does not need a browser; run them with
//! `cargo test -- --include-ignored` (as `.ci/run` does, after installing Chromium and tmux), and
//! a missing browser or tmux fails them loudly: they never pass by skipping.

mod fixture;
mod site;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A Chromium run still going after this is hung (a page takes a second or two): killed, it fails.
const TIMEOUT: Duration = Duration::from_secs(180);

fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("pm-skills")
}

fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PM_SKILLS_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The browser; a missing one fails the test that asked for it.
fn chromium_or_fail(test: &str) -> PathBuf {
    find_chromium().unwrap_or_else(|| {
        panic!(
            "{test} needs Chromium, and none was found (install Debian's `chromium` package, as .ci/run does, \
             or set PM_SKILLS_CHROMIUM)"
        )
    })
}

/// Runs headless Chromium on `page` with `args`, logging console messages to stderr.
fn chromium(browser: &Path, page: &Path, args: &[String]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Both streams are read as they come: a page's DOM is often more than a pipe holds, and a
    // browser blocked on a full pipe would never exit.
    let drain = |stream: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut stream) = stream {
                let _ = stream.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            let err = stderr.join().unwrap();
            panic!("chromium took over {TIMEOUT:?} on {}: {}", page.display(), String::from_utf8_lossy(&err));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

/// The console messages Chromium logged, e.g. `[...:INFO:CONSOLE:1] "xss", source: file:///...`.
fn console_lines(stderr: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stderr).lines().filter(|l| l.contains(":CONSOLE")).map(String::from).collect()
}

/// The page's DOM after load and the console messages, taking a screenshot on the way if asked.
fn load(browser: &Path, page: &Path, screenshot: Option<&Path>) -> (String, Vec<String>) {
    let mut args = vec!["--dump-dom".to_string()];
    if let Some(shot) = screenshot {
        args.extend([format!("--screenshot={}", shot.display()), "--window-size=1000,1300".to_string()]);
    }
    let out = chromium(browser, page, &args);
    (String::from_utf8_lossy(&out.stdout).into_owned(), console_lines(&out.stderr))
}

/// One page to check.
struct Page {
    name: &'static str,
    args: Vec<String>,
    /// Radar axes (skills) and outlines, or heatmap cells, or lines over time (one per skill).
    axes: usize,
    series: usize,
    cells: usize,
    lines: usize,
    /// The page names markup (the generated framework): it must appear only as text.
    hostile: bool,
}

fn page(name: &'static str, args: &[&str], axes: usize, series: usize, cells: usize) -> Page {
    Page { name, args: args.iter().map(|a| a.to_string()).collect(), axes, series, cells, lines: 0, hostile: false }
}

fn write_page(dir: &Path, page: &Page) -> PathBuf {
    // From the clone, so a page that names its files (`progress`) shows paths as a user types them.
    let out = Command::new(bin())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&page.args)
        .args(["--format", "html"])
        .env_remove("PM_SKILLS_DATA")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}: {}", page.name, String::from_utf8_lossy(&out.stderr));
    let path = dir.join(format!("{}.html", page.name));
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

/// The console check must be able to fail: a page that logs is caught.
fn assert_console_is_captured(browser: &Path, dir: &Path) {
    let canary = dir.join("canary.html");
    std::fs::write(&canary, "<!DOCTYPE html><title>c</title><script>console.error('canary')</script>").unwrap();
    let (_, console) = load(browser, &canary, None);
    assert!(
        console.iter().any(|l| l.contains("canary")),
        "Chromium did not report the canary's console.error, so a clean console proves nothing"
    );
}

#[test]
#[ignore = "needs chromium"]
fn html_reports_load_in_chromium_with_the_right_charts_and_no_console_messages() {
    let browser = chromium_or_fail("the browser test");
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().canonicalize().unwrap();
    let started = Instant::now();
    assert_console_is_captured(&browser, &dir);
    let canary_time = started.elapsed();

    let team = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/team");
    let tom = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/team/tom.yaml");
    // Relative to the clone (where pages are written from), as the review page shows its files.
    let (sam, dana) = ("examples/growth/checkins/2026-06-01.yaml", "examples/growth/review-2026-06-03.yaml");
    let wide = dir.join("wide");
    fixture::write_framework(&wide, 30);
    let wide_data = wide.join("data").display().to_string();
    let wide_team = wide.join("team").display().to_string();
    let mixed = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/mixed-team");
    let (fifty, many) = (dir.join("team-50"), dir.join("team-250"));
    let _ = fixture::write_team(&fifty, 50);
    let _ = fixture::write_team(&many, 250);
    let (fifty, many) = (fifty.display().to_string(), many.display().to_string());
    // Three roles: each target asks for some skills only, drawn grey.
    let map = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/career-map");
    let across = dir.join("across");
    std::fs::create_dir_all(&across).unwrap();
    for (file, text) in [
        ("a.yaml", "name: Ada\nrole: analyst\nlevel: analyst\nskills:\n  research: practitioner\n  data: working\n"),
        ("b.yaml", "name: Dee\nrole: designer\nlevel: senior\nskills:\n  research: practitioner\n  design: working\n"),
        ("c.yaml", "name: Eve\nrole: engineer\nlevel: senior\nskills:\n  data: working\n  coding: expert\n"),
    ] {
        std::fs::write(across.join(file), text).unwrap();
    }
    let across = across.display().to_string();
    let mut pages = vec![
        page("show", &["show", "senior"], 10, 1, 0),
        page("ladder", &["ladder"], 10, 4, 0),
        page("diff", &["diff", "product-manager", "senior"], 10, 2, 0),
        page("gap", &["gap", "--profile", tom, "--to", "lead"], 10, 2, 0),
        page("team", &["gap", "--team", team, "--to", "senior"], 0, 0, 20),
        page("review", &["gap", "--profile", sam, "--review", dana], 10, 3, 0),
        page("path", &["diff", "product-manager", "head", "--path"], 10, 4, 0),
        // A plan is a document to print, with no chart.
        // Relative to the clone, where pages are made, so the page names no folder of this machine.
        page("plan", &["plan", "--profile", "examples/growth/checkins/2026-06-01.yaml"], 0, 0, 0),
        page("ddat-ladder", &["--framework", "ddat-2025", "ladder"], 9, 5, 0),
        page("wide-ladder", &["--data", &wide_data, "ladder"], 30, 3, 0),
        page("wide-team", &["--data", &wide_data, "gap", "--team", &wide_team, "--to", "middle"], 0, 0, 60),
        Page { lines: 10, ..page("progress", &["progress", "--history", "examples/growth/checkins"], 0, 0, 0) },
        Page {
            lines: 10,
            ..page("progress-gaps", &["progress", "--history", "tests/fixtures/progress/history"], 0, 0, 0)
        },
        // A team over time: open gaps to grow and not assessed, one line each.
        Page {
            lines: 2,
            ..page(
                "team-over-time",
                &["progress", "--team", "examples/team-over-time", "--since", "2026-04-01"],
                0,
                0,
                0,
            )
        },
        // A route is tables of moves, with no chart.
        page("route", &["--data", map, "route", "analyst/analyst", "designer/senior"], 0, 0, 0),
        // Each person against their own target, and teams of 50 and 250 (people as rows).
        page("mixed-team", &["gap", "--team", mixed], 0, 0, 50),
        page("team-50", &["gap", "--team", &fifty], 0, 0, 500),
        page("team-250", &["gap", "--team", &many], 0, 0, 2500),
        page("across-roles", &["--data", map, "gap", "--team", &across], 0, 0, 18),
    ];
    for p in pages.iter_mut().filter(|p| p.name.starts_with("wide")) {
        p.hostile = true;
    }

    // A few pages at a time: one Chromium per core at most.
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(String, Duration, PathBuf)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (browser, dir, pages, next) = (&browser, &dir, &pages, &next);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    while let Some(p) = pages.get(next.fetch_add(1, std::sync::atomic::Ordering::SeqCst)) {
                        done.push(check_page(browser, dir, p));
                    }
                    done
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });

    // Printing: the stylesheet asks for A4, and Chromium's PDF honours it, for the ladder and for
    // a plan, which runs to several pages.
    let t = Instant::now();
    for (name, least_pages) in [("ladder", 1), ("plan", 2)] {
        let page = dir.join(format!("{name}.html"));
        let pdf = dir.join(format!("{name}.pdf"));
        chromium(&browser, &page, &["--no-pdf-header-footer".to_string(), format!("--print-to-pdf={}", pdf.display())]);
        let pdf = std::fs::read(&pdf).expect("a PDF");
        let text = String::from_utf8_lossy(&pdf);
        let a4 = text.matches("MediaBox [0 0 594.9").count();
        assert!(a4 >= least_pages && text.contains(" 841.9"), "{name}: the printed pages are not A4 ({a4} found)");
    }
    let pdf_time = t.elapsed();

    println!("chromium: console check {canary_time:.2?}; print to PDF (A4) {pdf_time:.2?}");
    for (name, time, _) in &results {
        println!("chromium: {name:<12} load, DOM and screenshot in {time:.2?}");
    }
    println!("chromium: all pages in {:.2?}", started.elapsed());

    if std::env::var_os("PM_SKILLS_UPDATE_SCREENSHOTS").is_some() {
        let img = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/img");
        std::fs::create_dir_all(&img).unwrap();
        for (name, _, shot) in results.iter().filter(|(n, ..)| {
            ["show", "ladder", "diff", "gap", "team", "path", "plan", "review", "progress"].contains(&n.as_str())
        }) {
            std::fs::copy(shot, img.join(format!("html-{name}.png"))).unwrap();
        }
    }
}

/// Loads one page, checks it and takes its screenshot; returns its name, time and screenshot.
fn check_page(browser: &Path, dir: &Path, p: &Page) -> (String, Duration, PathBuf) {
    let html = write_page(dir, p);
    let shot = dir.join(format!("{}.png", p.name));
    let t = Instant::now();
    let (dom, console) = load(browser, &html, Some(&shot));
    let time = t.elapsed();
    assert!(console.is_empty(), "{}: console messages:\n{}", p.name, console.join("\n"));
    assert!(dom.contains("</table>") && dom.contains("</main>"), "{}: page did not load:\n{dom}", p.name);
    // A page with nothing to draw (a plan) has no chart at all.
    let charted = p.axes + p.cells + p.lines > 0;
    assert_eq!(dom.contains("</svg>"), charted, "{}: a chart where none belongs, or none where one does", p.name);
    assert!(!charted || dom.contains("role=\"img\""), "{}: the chart is not marked as an image", p.name);
    assert_eq!(dom.matches("class=\"axis\"").count(), p.axes, "{}: axes", p.name);
    assert_eq!(dom.matches("class=\"series ").count(), p.series, "{}: outlines", p.name);
    assert_eq!(dom.matches("class=\"cell\"").count(), p.cells, "{}: heatmap cells", p.name);
    assert_eq!(dom.matches("class=\"line ").count(), p.lines, "{}: lines over time", p.name);
    if p.hostile {
        assert!(!dom.contains("<script") && !dom.contains("<img"), "{}: markup from data became elements", p.name);
        assert!(dom.contains("&lt;script&gt;console.error"), "{}: the hostile name is not shown", p.name);
    }
    let png = std::fs::read(&shot).unwrap_or_default();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{}: no screenshot", p.name);
    (p.name.to_string(), time, shot)
}

/// ANSI SGR colours as CSS, for the terminal screenshot.
fn ansi_colour(n: u32) -> &'static str {
    const PALETTE: [&str; 16] = [
        "#1e1e1e", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5", "#666666", "#f14c4c",
        "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
    ];
    PALETTE.get(n as usize).copied().unwrap_or("#e5e5e5")
}

/// A captured terminal (text with SGR escapes) as an HTML page that looks like the terminal.
fn ansi_to_html(text: &str) -> String {
    let mut body = String::new();
    let (mut fg, mut bold, mut dim) = (None::<&str>, false, false);
    let mut open = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            let mut params = String::new();
            let mut end = ' ';
            for p in chars.by_ref() {
                if p.is_ascii_alphabetic() {
                    end = p;
                    break;
                }
                params.push(p);
            }
            if end != 'm' {
                continue;
            }
            let codes: Vec<u32> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
            let mut i = 0;
            while i < codes.len() {
                match codes[i] {
                    0 => (fg, bold, dim) = (None, false, false),
                    1 => bold = true,
                    2 => dim = true,
                    22 => (bold, dim) = (false, false),
                    39 => fg = None,
                    n @ 30..=37 => fg = Some(ansi_colour(n - 30)),
                    n @ 90..=97 => fg = Some(ansi_colour(n - 90 + 8)),
                    38 if codes.get(i + 1) == Some(&5) => {
                        fg = Some(ansi_colour(codes.get(i + 2).copied().unwrap_or(7)));
                        i += 2;
                    }
                    _ => {}
                }
                i += 1;
            }
            if open {
                body.push_str("</span>");
            }
            body.push_str(&format!(
                "<span style=\"color:{};font-weight:{};opacity:{}\">",
                fg.unwrap_or("#e5e5e5"),
                if bold { 700 } else { 400 },
                if dim { "0.6" } else { "1" }
            ));
            open = true;
            continue;
        }
        match c {
            '<' => body.push_str("&lt;"),
            '>' => body.push_str("&gt;"),
            '&' => body.push_str("&amp;"),
            c => body.push(c),
        }
    }
    if open {
        body.push_str("</span>");
    }
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>terminal</title><style>body{{margin:0;\
         background:#1e1e1e}}pre{{margin:0;padding:14px 16px;color:#e5e5e5;font:15px/18px 'DejaVu Sans Mono',monospace}}\
         </style></head><body><pre>{body}</pre></body></html>"
    )
}

/// `pm-skills diff` in a real terminal: tmux runs it with colour, the pane is captured with its
/// escapes, and Chromium draws the capture. Checks that growth is coloured and drops and sames
/// are not mistaken for it, and (when updating) writes `docs/img/terminal-diff.png`.
#[test]
#[ignore = "needs tmux and chromium"]
fn diff_in_a_real_terminal_colours_growth() {
    let tmux_ok = Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success());
    assert!(tmux_ok, "the terminal screenshot needs tmux, which is not installed (`bash .ci/run` installs it)");
    let browser = chromium_or_fail("the terminal screenshot");
    let socket = format!("pm-skills-test-{}", std::process::id());
    let tmux = |args: &[&str]| Command::new("tmux").arg("-L").arg(&socket).args(args).output().unwrap();
    let command = format!(
        "env -u NO_COLOR -u COLUMNS -u LINES TERM=xterm-256color '{}' diff pm senior --color always; sleep 600",
        bin().display()
    );
    let started = tmux(&["new-session", "-d", "-s", "shot", "-x", "104", "-y", "60", &command]);
    assert!(started.status.success(), "tmux: {}", String::from_utf8_lossy(&started.stderr));
    let mut capture = String::new();
    // A hang guard, not a timing check: the diff shows in well under a second.
    let deadline = Instant::now() + Duration::from_secs(180);
    while Instant::now() < deadline {
        capture =
            String::from_utf8_lossy(&tmux(&["capture-pane", "-e", "-p", "-S", "-", "-t", "shot"]).stdout).into_owned();
        if capture.contains("must grow") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    tmux(&["kill-server"]);
    assert!(capture.contains("must grow"), "the diff never showed in tmux:\n{capture}");
    // Growth is yellow (colour 11, or 33/93 as tmux may re-encode it) and bars are drawn.
    assert!(
        capture.contains("\x1b[93m") || capture.contains("38;5;11") || capture.contains("\x1b[33m"),
        "no colour for growth in:\n{capture:?}"
    );
    assert!(capture.contains("●●●● Expert"));

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("terminal.html");
    let lines = capture.trim_end().lines().count();
    std::fs::write(&page, ansi_to_html(capture.trim_end())).unwrap();
    let shot = dir.path().join("terminal-diff.png");
    let out = chromium(
        &browser,
        &page,
        &[format!("--screenshot={}", shot.display()), format!("--window-size=1000,{}", lines * 18 + 30)],
    );
    assert!(console_lines(&out.stderr).is_empty());
    let png = std::fs::read(&shot).unwrap_or_default();
    assert!(png.starts_with(b"\x89PNG"), "no terminal screenshot");
    if std::env::var_os("PM_SKILLS_UPDATE_SCREENSHOTS").is_some() {
        let img = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/img");
        std::fs::create_dir_all(&img).unwrap();
        std::fs::copy(&shot, img.join("terminal-diff.png")).unwrap();
    }
}
