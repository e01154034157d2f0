//! The rules of ARCHITECTURE.md, checked on the source itself (in the manner of rust-analyzer's
//! tidy tests): no source file over 800 lines, no function over 150, and imports that follow the
//! layering. The order of the layers is read from ARCHITECTURE.md's code map, so the map and the
//! code cannot drift apart: a module the map does not list fails here too.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use syn::visit::{self, Visit};

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 150;

/// The renderers: `report` uses the document and chart types of `render`, never one of these.
const RENDERERS: &[&str] = &["html", "markdown", "terminal", "xlsx"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The source files the rules cover: both crates, the tests, the benches, the build script.
fn sources() -> Vec<PathBuf> {
    let root = root();
    let mut files = Vec::new();
    for dir in ["src", "crates", "tests", "benches", "fuzz/src", "fuzz/fuzz_targets"] {
        files.extend(rust_files(&root.join(dir)));
    }
    files.push(root.join("build.rs"));
    files
}

fn shown(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

fn parse(path: &Path) -> syn::File {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", shown(path)));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", shown(path)))
}

#[test]
fn no_source_file_is_over_800_lines() {
    let long: Vec<String> = sources()
        .iter()
        .filter_map(|path| {
            let lines = fs::read_to_string(path).ok()?.lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{}: {lines} lines", shown(path)))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_FILE_LINES} lines; split by what the parts hold:\n  {}", long.join("\n  "));
}

/// The functions of a file longer than the limit, as (name, first line, lines).
#[derive(Default)]
struct LongFunctions(Vec<(String, usize, usize)>);

impl LongFunctions {
    fn check(&mut self, name: &syn::Ident, span: proc_macro2::Span) {
        let (start, end) = (span.start().line, span.end().line);
        let lines = end + 1 - start;
        if lines > MAX_FN_LINES {
            self.0.push((name.to_string(), start, lines));
        }
    }
}

impl<'ast> Visit<'ast> for LongFunctions {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.check(&f.sig.ident, syn::spanned::Spanned::span(f));
        visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.check(&f.sig.ident, syn::spanned::Spanned::span(f));
        visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if f.default.is_some() {
            self.check(&f.sig.ident, syn::spanned::Spanned::span(f));
        }
        visit::visit_trait_item_fn(self, f);
    }
}

#[test]
fn no_function_is_over_150_lines() {
    let mut long = Vec::new();
    for path in sources() {
        let mut found = LongFunctions::default();
        found.visit_file(&parse(&path));
        long.extend(
            found.0.into_iter().map(|(name, line, lines)| format!("{}:{line}: `{name}`, {lines} lines", shown(&path))),
        );
    }
    assert!(long.is_empty(), "functions over {MAX_FN_LINES} lines:\n  {}", long.join("\n  "));
}

#[test]
fn the_function_rule_measures_a_function_whole() {
    let file: syn::File = syn::parse_file(&format!(
        "fn short() {{ let s = \"}}\"; }}\nimpl T {{\n    fn long() {{\n{}    }}\n}}\n",
        "        x();\n".repeat(MAX_FN_LINES)
    ))
    .unwrap();
    let mut found = LongFunctions::default();
    found.visit_file(&file);
    assert_eq!(found.0, [("long".to_string(), 3, MAX_FN_LINES + 2)]);
}

/// The modules of ARCHITECTURE.md's code map, leaf first: each bullet that starts with a
/// module's name in backticks (`` - `text`: ``, `` - `render/`: ``, `` - `lib.rs`: ``).
fn layers() -> Vec<String> {
    let map = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let section = map.split("## Code map").nth(1).expect("a Code map section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter_map(|line| line.strip_prefix("- `"))
        .filter_map(|rest| rest.split('`').next())
        .map(|name| name.trim_end_matches('/').trim_end_matches(".rs").to_string())
        .collect()
}

/// The module a file of a crate's `src/` belongs to: its first path component, or `lib`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("a file under src");
    let first = rel.components().next().expect("a component").as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// Every module of the crate a file names through `crate::`, and each `module::child` it names
/// (to see which part of `render` a report reaches), outside `#[cfg(test)]` items: a test may
/// reach for any part of the program to set up what it checks.
#[derive(Default)]
struct CrateUses {
    modules: BTreeSet<String>,
    children: BTreeSet<String>,
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| a.path().is_ident("cfg") && a.parse_args::<syn::Meta>().is_ok_and(|m| m.path().is_ident("test")))
}

impl CrateUses {
    /// Records a path that starts at `crate`, given as its segments after `crate`.
    fn record(&mut self, after_crate: &[String]) {
        if let Some(module) = after_crate.first() {
            self.modules.insert(module.clone());
            if let Some(child) = after_crate.get(1) {
                self.children.insert(format!("{module}::{child}"));
            }
        }
    }

    fn use_tree(&mut self, tree: &syn::UseTree, prefix: &mut Vec<String>) {
        let at_crate = prefix.first().is_some_and(|p| p == "crate");
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(&p.tree, prefix);
                prefix.pop();
            }
            syn::UseTree::Name(n) if at_crate => {
                let mut path = prefix[1..].to_vec();
                path.push(n.ident.to_string());
                self.record(&path);
            }
            syn::UseTree::Rename(r) if at_crate => {
                let mut path = prefix[1..].to_vec();
                path.push(r.ident.to_string());
                self.record(&path);
            }
            syn::UseTree::Glob(_) if at_crate => self.record(&prefix[1..]),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(t, prefix)),
            _ => {}
        }
    }
}

impl<'ast> Visit<'ast> for CrateUses {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_test_only(&m.attrs) {
            visit::visit_item_mod(self, m);
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if !is_test_only(&f.attrs) {
            visit::visit_item_fn(self, f);
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        if !is_test_only(&u.attrs) {
            self.use_tree(&u.tree, &mut Vec::new());
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.first().is_some_and(|s| s == "crate") {
            self.record(&segments[1..]);
        }
        visit::visit_path(self, p);
    }
}

/// What each file of the crate at `src` imports against the layers: a module listed below it,
/// or one the code map does not list.
fn layering_problems(src: &Path, layers: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    for file in rust_files(src) {
        let module = module_of(src, &file);
        if module == "main" {
            continue;
        }
        let Some(at) = layers.iter().position(|l| *l == module) else {
            problems.push(format!("{}: module `{module}` is not in ARCHITECTURE.md's code map", shown(&file)));
            continue;
        };
        let mut uses = CrateUses::default();
        uses.visit_file(&parse(&file));
        for used in &uses.modules {
            match layers.iter().position(|l| l == used) {
                _ if *used == module || module == "lib" => {}
                Some(below) if below > at => problems
                    .push(format!("{}: `{module}` uses `{used}`, which the code map lists below it", shown(&file))),
                Some(_) => {}
                // An item `lib.rs` re-exports, or a macro: not a module.
                None => {}
            }
        }
    }
    problems
}

#[test]
fn each_module_uses_only_the_modules_above_it_in_the_code_map() {
    let layers = layers();
    assert!(layers.len() > 20 && layers[0] == "text" && layers.last().is_some_and(|l| l == "lib"), "{layers:?}");
    let mut problems = layering_problems(&root().join("src"), &layers);
    problems.extend(layering_problems(&root().join("crates/framework/src"), &layers));
    assert!(problems.is_empty(), "imports against ARCHITECTURE.md's layers:\n  {}", problems.join("\n  "));
}

#[test]
fn nothing_but_lib_imports_commands_and_no_report_imports_a_renderer() {
    let src = root().join("src");
    let mut problems = Vec::new();
    for file in rust_files(&src) {
        let module = module_of(&src, &file);
        let mut uses = CrateUses::default();
        uses.visit_file(&parse(&file));
        if uses.modules.contains("commands") && !["lib", "commands"].contains(&module.as_str()) {
            problems.push(format!("{}: imports `commands`, which only `lib` may", shown(&file)));
        }
        if module == "report" {
            for renderer in RENDERERS {
                if uses.children.contains(&format!("render::{renderer}")) {
                    problems.push(format!("{}: a report uses the renderer `render::{renderer}`", shown(&file)));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_layering_rule_sees_grouped_and_nested_imports_and_skips_tests() {
    let file: syn::File = syn::parse_file(
        "use crate::{model::Framework, render::{self, Block}};\nuse std::fmt;\n\
         fn f() { crate::profile::check(); let _ = \"crate::site\"; }\n\
         #[cfg(test)]\nmod tests { use crate::commands; }\n",
    )
    .unwrap();
    let mut uses = CrateUses::default();
    uses.visit_file(&file);
    assert_eq!(uses.modules.into_iter().collect::<Vec<_>>(), ["model", "profile", "render"]);
    let children: Vec<String> = uses.children.into_iter().collect();
    assert_eq!(children, ["model::Framework", "profile::check", "render::Block", "render::self"]);
}
