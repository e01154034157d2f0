//! Embeds every file under `data/` into the binary, so an installed `pm-skills` needs nothing beside
//! it. Cargo re-runs this script whenever anything under `data/` changes, including a new file.

use std::env;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    println!("cargo::rerun-if-changed=data");
    let mut files = Vec::new();
    collect(&data, &mut files);

    let out_path = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR")).join("embedded_data.rs");
    let mut code = String::from(
        "/// Every file under `data/`, as (path relative to `data/`, contents).\n\
         pub static FILES: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let rel = path
            .strip_prefix(&data)
            .expect("file under data/")
            .to_string_lossy()
            .replace('\\', "/");
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let mut file = fs::File::create(&out_path).expect("create embedded_data.rs");
    file.write_all(code.as_bytes())
        .expect("write embedded_data.rs");
}
