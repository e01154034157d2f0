//! Every YAML block of the project's Markdown that is a framework file or a profile is real. The
//! blocks a page gives as a framework's files (the first word of their first line is
//! `# framework.yaml`, `# skills.yaml`, `# soft-skills.yaml` or `# roles/….yaml`) make a folder
//! that `validate --strict` accepts (no error, no warning), a block named as any other YAML file is
//! a profile that `gap` reads without a word on stderr, and every other YAML block parses. A
//! failure names the Markdown file and line of each block, all at once.

use std::path::{Path, PathBuf};

use crate::common::{cmd, markdown_files, path};

/// One YAML block: where it starts, the file its first line names (if it names one), and its text.
struct Block {
    markdown: PathBuf,
    line: usize,
    name: Option<String>,
    text: String,
}

/// The ```yaml blocks of `markdown`, each with the file its first line names: `# roles/engineer.yaml`,
/// or `# priya.yaml (a note)`, whose first word names the file.
fn yaml_blocks(markdown: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(markdown).unwrap();
    let mut blocks = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if line.trim_end() != "```yaml" {
            continue;
        }
        let body: Vec<&str> = lines.by_ref().map(|(_, l)| l).take_while(|l| l.trim_end() != "```").collect();
        let name = body.first().and_then(|first| first.strip_prefix("# ")?.split_whitespace().next());
        blocks.push(Block {
            markdown: markdown.to_path_buf(),
            line: i + 1,
            name: name.filter(|n| n.ends_with(".yaml")).map(String::from),
            text: body.join("\n") + "\n",
        });
    }
    blocks
}

/// What is wrong with a block that names no file, if anything: it must still parse.
fn unnamed_problem(block: &Block) -> Option<String> {
    let parsed = serde_yaml::from_str::<serde_yaml::Value>(&block.text);
    parsed.err().map(|e| format!("{}: a YAML block that does not parse: {e}", shown(block)))
}

fn is_framework_file(name: &str) -> bool {
    matches!(name, "framework.yaml" | "skills.yaml" | "soft-skills.yaml") || name.starts_with("roles/")
}

fn shown(block: &Block) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let at = format!("{}:{}", block.markdown.strip_prefix(root).unwrap_or(&block.markdown).display(), block.line);
    match &block.name {
        Some(name) => format!("{at} ({name})"),
        None => at,
    }
}

/// What is wrong with the framework that `blocks` (one page's) make together, if anything.
fn framework_problem(blocks: &[&Block]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    for block in blocks {
        let file = dir.path().join(block.name.as_deref().unwrap_or_default());
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &block.text).unwrap();
    }
    let out = cmd().args(["validate", "--strict", path(dir.path())]).output().unwrap();
    (!out.status.success()).then(|| {
        let names: Vec<String> = blocks.iter().map(|b| shown(b)).collect();
        format!(
            "the framework of {} does not validate:\n{}",
            names.join(", "),
            String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// What is wrong with the profile `block`, if anything: `gap` reads it, with nothing to warn of.
fn profile_problem(block: &Block) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(Path::new(block.name.as_deref().unwrap_or_default()).file_name().unwrap());
    std::fs::write(&file, &block.text).unwrap();
    let out = cmd().args(["gap", "--profile", path(&file)]).output().unwrap();
    (!out.status.success() || !out.stderr.is_empty())
        .then(|| format!("the profile {} is refused by gap:\n{}", shown(block), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn every_framework_file_and_profile_in_the_docs_is_one_pm_skills_reads() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for markdown in markdown_files() {
        let blocks = yaml_blocks(&markdown);
        let framework: Vec<&Block> =
            blocks.iter().filter(|b| b.name.as_deref().is_some_and(is_framework_file)).collect();
        if !framework.is_empty() {
            checked += framework.len();
            problems.extend(framework_problem(&framework));
        }
        for block in &blocks {
            match block.name.as_deref() {
                Some(name) if is_framework_file(name) => {}
                Some(_) => {
                    checked += 1;
                    problems.extend(profile_problem(block));
                }
                None => problems.extend(unnamed_problem(block)),
            }
        }
    }
    // The README's data format section gives a framework's four files and a profile.
    assert!(checked >= 5, "only {checked} named YAML blocks found");
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn a_broken_block_is_named_by_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(
        &page,
        "Text.\n\n```yaml\n# skills.yaml\nskills:\n  - id: Not An Id\n```\n\n```yaml\n# me.yaml\nname: Sam\nskills: {nope: expert}\n```\n",
    )
    .unwrap();
    let blocks = yaml_blocks(&page);
    assert_eq!(
        blocks.iter().map(|b| (b.line, b.name.as_deref())).collect::<Vec<_>>(),
        [(3, Some("skills.yaml")), (9, Some("me.yaml"))]
    );
    let framework = framework_problem(&[&blocks[0]]).expect("a framework with no framework.yaml is refused");
    assert!(framework.contains("page.md:3 (skills.yaml)"), "{framework}");
    let profile = profile_problem(&blocks[1]).expect("an unknown skill is refused");
    assert!(profile.contains("page.md:9 (me.yaml)") && profile.contains("nope"), "{profile}");
}

/// The headings of a Markdown page outside its code blocks, as (level, text).
fn headings(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut code = false;
    for line in text.lines() {
        if line.starts_with("```") {
            code = !code;
        } else if !code && line.starts_with('#') {
            let level = line.chars().take_while(|&c| c == '#').count();
            out.push((level, line[level..].trim().to_string()));
        }
    }
    out
}

/// The anchors of a Markdown page, as a code-hosting site makes them from its headings: lowercase,
/// spaces as `-`, other punctuation left out.
fn anchors(text: &str) -> Vec<String> {
    headings(text)
        .into_iter()
        .map(|(_, heading)| {
            let kept: String = heading
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
                .collect();
            kept.replace(' ', "-")
        })
        .collect()
}

#[test]
fn every_link_between_the_pages_lands_on_a_file_and_a_heading() {
    let mut broken = Vec::new();
    for page in markdown_files() {
        let text = std::fs::read_to_string(&page).unwrap();
        let base = page.parent().unwrap();
        for (i, line) in text.lines().enumerate() {
            for target in line.split("](").skip(1).filter_map(|rest| rest.split(')').next()) {
                if target.starts_with("http") || target.starts_with("mailto:") || target.contains(' ') {
                    continue;
                }
                let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
                let file = if file.is_empty() { page.clone() } else { base.join(file) };
                let shown = format!("{}:{}: `{target}`", page.file_name().unwrap().to_string_lossy(), i + 1);
                if !file.exists() {
                    broken.push(format!("{shown}: no such file"));
                } else if !fragment.is_empty()
                    && file.extension().is_some_and(|e| e == "md")
                    && !anchors(&std::fs::read_to_string(&file).unwrap()).iter().any(|a| a == fragment)
                {
                    broken.push(format!("{shown}: no such heading"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "links that land nowhere:\n  {}", broken.join("\n  "));
}

#[test]
fn the_readme_contents_list_every_section_in_order() {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = std::fs::read_to_string(&readme).unwrap();
    let sections: Vec<String> = headings(&text).into_iter().filter(|(level, _)| *level == 2).map(|(_, h)| h).collect();
    assert_eq!(sections.first().map(String::as_str), Some("Contents"), "the README starts with its contents");
    let contents = text.split("## Contents").nth(1).unwrap().split("\n## ").next().unwrap();
    let listed: Vec<&str> = contents.lines().filter_map(|l| l.strip_prefix("- [")?.split("](").next()).collect();
    assert_eq!(listed, sections[1..], "the README's contents, against its sections");
}
