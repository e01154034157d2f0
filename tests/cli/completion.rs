//! Shell completion: clap_complete's dynamic completion, with names from the framework in use.
//! The scripts are clap's; these tests load them into real bash, zsh and fish (the ignored tests)
//! and check what a TAB offers, and ask the binary directly (`COMPLETE=fish pm-skills -- WORDS`)
//! where no shell is needed.

use std::path::Path;
use std::process::{Command, Stdio};

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

use crate::common::{cmd, example_path, needs, stdout};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What pm-skills answers for the command line `words` (the last being completed), asked as
/// fish's script asks, with `env` set: the values, without their descriptions.
fn offered(words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let out = cmd().env("COMPLETE", "fish").envs(env.iter().copied()).arg("--").args(words).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{words:?}: {}", String::from_utf8_lossy(&out.stderr));
    text.lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
}

#[test]
fn completions_prints_clap_s_registration_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("COMPLETE") && script.contains("pm-skills"), "{shell}: {script}");
    }
    // The script `COMPLETE=bash pm-skills` prints, as clap_complete documents, so both install
    // routes agree (zsh's has a line more, for $fpath).
    let env = cmd().env("COMPLETE", "bash").output().unwrap();
    assert_eq!(String::from_utf8(env.stdout).unwrap(), stdout(&["completions", "bash"]));
    cmd().args(["completions", "--help"]).assert().success().stdout(contains("COMPLETE=bash pm-skills"));
    // No hidden command is left for the scripts to call.
    cmd().arg("--help").assert().success().stdout(contains("completions").and(contains("__complete").not()));
    cmd().arg("__complete-names").assert().code(2);
}

#[test]
fn names_come_from_the_framework_the_command_line_selects() {
    let levels = offered(&["pm-skills", "show", ""], &[]);
    assert_eq!(levels.first().map(String::as_str), Some("product-manager"), "{levels:?}");
    assert!(levels.contains(&"senior".into()) && levels.contains(&"spm".into()), "ids and aliases: {levels:?}");
    assert_eq!(offered(&["pm-skills", "skills", "agile"], &[]), ["agile-working"]);
    assert_eq!(offered(&["pm-skills", "soft-skills", "resil"], &[]), ["resilience"]);
    assert!(offered(&["pm-skills", "--framework", "ddat-2025", "show", ""], &[])[0] == "associate");
    assert!(offered(&["pm-skills", "--framework", "dd"], &[]).contains(&"ddat-2025".into()));
    let custom = example_path("custom-ladder");
    let designer = offered(&["pm-skills", "--data", &custom, "--role", "designer", "show", ""], &[]);
    // Then, as the framework has several roles, every level as ROLE/LEVEL.
    assert_eq!(designer[..4], ["designer", "senior-designer", "design-lead", "designer/designer"], "{designer:?}");
    assert!(designer.contains(&"engineer/staff-engineer".into()), "{designer:?}");
    // PM_SKILLS_DATA is followed, and an explicit --framework wins over it, as when running.
    let env = [("PM_SKILLS_DATA", custom.as_str())];
    assert_eq!(offered(&["pm-skills", "--role", "designer", "show", "design-"], &env), ["design-lead"]);
    assert!(offered(&["pm-skills", "show", "--framework=ddat-2025", "assoc"], &env).contains(&"associate".into()));
    // A framework that does not load gives no names and no error in the prompt.
    assert!(offered(&["pm-skills", "--data", "/nonexistent", "show", "s"], &[]).is_empty());
    // assess --skill revisits a skill or a soft skill.
    assert_eq!(offered(&["pm-skills", "assess", "--out", "me.yaml", "--skill", "resil"], &[]), ["resilience"]);
}

#[test]
fn profiles_complete_as_yaml_files_and_folders() {
    let in_root = |words: &[&str]| {
        let out = cmd().current_dir(ROOT).env("COMPLETE", "fish").arg("--").args(words).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(in_root(&["pm-skills", "gap", "--profile", "examples/team/pr"]), ["examples/team/priya.yaml"]);
    let files = in_root(&["pm-skills", "plan", "-p", ""]);
    assert!(files.contains(&"examples/".into()) && files.contains(&"-".into()), "folders, and - for stdin: {files:?}");
    assert!(!files.iter().any(|f| f == "Cargo.toml"), "only YAML files: {files:?}");
    assert_eq!(in_root(&["pm-skills", "gap", "--team", "examples/t"]), ["examples/team-over-time/", "examples/team/"]);
}

/// What a case expects of the values offered.
type Check = Box<dyn Fn(&[String]) -> bool>;

fn has(name: &'static str) -> Check {
    Box::new(move |got| got.iter().any(|g| g == name))
}

fn only(names: &'static [&'static str]) -> Check {
    Box::new(move |got| got == names)
}

/// The cases every shell must complete: the words typed before TAB (an empty last word: after a
/// space), and what must be offered. A path is quoted as a user would type it, since the clone's
/// may hold a space.
fn cases() -> Vec<(Vec<String>, Check)> {
    let custom = shlex::try_quote(&example_path("custom-ladder")).unwrap().into_owned();
    let words =
        |line: &str| line.split(' ').map(|w| if w == "DATA" { custom.clone() } else { w.to_string() }).collect();
    let levels: Check = Box::new(|got| got.contains(&"senior".into()) && got.iter().all(|g| g.starts_with("sen")));
    let hidden_flag: Check = Box::new(|got| got.contains(&"--for".into()) && !got.contains(&"--format".into()));
    let commands: Check = Box::new(|got| got.contains(&"show".into()) && !got.iter().any(|g| g.starts_with("__")));
    [
        ("pm-skills show sen", levels),
        ("pm-skills moves sen", has("senior")),
        ("pm-skills diff pm le", has("lead")),
        ("pm-skills --framework ddat-2025 show as", has("associate")),
        ("pm-skills --data DATA show staff", only(&["staff-engineer"])),
        ("pm-skills --data DATA --role designer diff designer design-", only(&["design-lead"])),
        ("pm-skills skills agile", only(&["agile-working"])),
        ("pm-skills soft-skills resil", only(&["resilience"])),
        ("pm-skills gap --to hea", has("head")),
        ("pm-skills assess --out me.yaml --skill user", only(&["user-focus"])),
        ("pm-skills assess --out me.yaml --for hea", has("head")),
        ("pm-skills profile new --for hea", has("head")),
        ("pm-skills --framework dd", has("ddat-2025")),
        ("pm-skills gap --profile examples/team/pr", only(&["examples/team/priya.yaml"])),
        // Everything else is clap's: commands, and a subcommand's flags.
        ("pm-skills sho", only(&["show"])),
        ("pm-skills diff pm senior --only", only(&["--only-gaps"])),
        // Hidden things are not offered: profile new's --format (YAML only) is left out of it.
        ("pm-skills profile new --fo", hidden_flag),
        ("pm-skills ", commands),
    ]
    .into_iter()
    .map(|(line, check)| (words(line), check))
    .collect()
}

/// Runs every case through `complete` (one real shell, given the words typed) and reports all
/// that fail at once.
fn check_shell(shell: &str, complete: impl Fn(&[String]) -> Vec<String>) {
    needs(shell, &["--version"]);
    let failures: Vec<String> = cases()
        .into_iter()
        .filter_map(|(words, ok)| {
            let got = complete(&words);
            (!ok(&got)).then(|| format!("{}<TAB> offered {got:?}", words.join(" ")))
        })
        .collect();
    assert!(failures.is_empty(), "{shell}:\n{}", failures.join("\n"));
}

/// A shell with the registration script for it in `dir`, pm-skills on its PATH, and the clone as
/// its folder (for the paths the cases type).
fn shell(program: &str, dir: &Path) -> Command {
    let bin = assert_cmd::cargo::cargo_bin!("pm-skills");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let mut shell = Command::new("timeout");
    shell
        .args(["30", program])
        .current_dir(ROOT)
        .env("PATH", path)
        .env("XDG_CONFIG_HOME", dir)
        .env("XDG_DATA_HOME", dir)
        .env_remove("PM_SKILLS_DATA")
        .env_remove("COMPLETE")
        .stdin(Stdio::null());
    shell
}

/// Runs `shell`, which must succeed, and returns its output lines.
fn lines_of(mut shell: Command) -> Vec<String> {
    let out = shell.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.is_empty()).map(String::from).collect()
}

/// The registration script for `name`, as `pm-skills completions NAME` prints it, in a file.
fn script(name: &str, dir: &Path) -> String {
    let file = dir.join(format!("pm-skills.{name}"));
    std::fs::write(&file, stdout(&["completions", name])).unwrap();
    file.to_str().unwrap().to_string()
}

/// bash: calls the function the script registers, as readline does, with the words as typed in
/// COMP_WORDS (bash keeps their quotes).
fn bash_complete(words: &[String], dir: &Path) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| shlex::try_quote(w).unwrap().into_owned()).collect();
    let program = format!(
        r#"set -u
source {script}
spec=$(complete -p pm-skills)
fn=${{spec#*-F }}; fn=${{fn%% *}}
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9
COMPREPLY=()
"$fn" pm-skills "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        script = shlex::try_quote(&script("bash", dir)).unwrap(),
        words = quoted.join(" ")
    );
    let mut bash = shell("bash", dir);
    bash.args(["--norc", "--noprofile", "-c", &program]);
    lines_of(bash)
}

#[test]
#[ignore = "needs bash"]
fn bash_completes_names_flags_and_files() {
    let dir = tempfile::tempdir().unwrap();
    check_shell("bash", |words| bash_complete(words, dir.path()));
    // bash makes `--data=DIR` three words, the `=` one of them; the folder is still followed.
    let custom = shlex::try_quote(&example_path("custom-ladder")).unwrap().into_owned();
    let split = ["pm-skills", "--data", "=", &custom, "show", "staff"].map(String::from);
    assert_eq!(bash_complete(&split, dir.path()), ["staff-engineer"]);
}

/// zsh: an interactive zsh in a pseudo-terminal (zsh/zpty), with compinit and the script loaded,
/// types `line` and TAB; compadd is wrapped to print what zsh's completion system would offer.
fn zsh_complete(line: &str, dir: &Path, setup: &str) -> Vec<String> {
    let setup_file = dir.join("setup.zsh");
    std::fs::write(
        &setup_file,
        format!(
            r#"PROMPT='' RPROMPT='' PS2=''
{setup}
bindkey '^I' complete-word
zstyle ':completion:*' insert-tab false
compadd() {{
    # compsys's own helpers collect or test words with -O, -A or -D: let them.
    if [[ ${{@[1,(i)(-|--)]}} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return
    fi
    local -a found
    builtin compadd -O found "$@"
    print -rl -- "${{found[@]/#/CANDIDATE:}}"
}}
comppostfuncs=(_pm_done)
_pm_done() {{ print -r -- DONE:; exit }}
print -r -- READY:
"#
        ),
    )
    .unwrap();
    let driver = r#"zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "source ${(q)1}"
local line
while zpty -r z line; do [[ $line == *READY:* ]] && break; done
zpty -w -n z "$2"$'\t'
while zpty -r z line; do
    line=${line//$'\r'/}
    [[ $line == *CANDIDATE:* ]] && print -r -- "${${line##*CANDIDATE:}%$'\n'}"
    [[ $line == *DONE:* ]] && break
done
zpty -d z
"#;
    let mut zsh = shell("zsh", dir);
    zsh.args(["-f", "-c", driver, "zsh"]).arg(&setup_file).arg(line).env("HOME", dir);
    lines_of(zsh)
}

#[test]
#[ignore = "needs zsh"]
fn zsh_completes_names_flags_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let sourced = format!(
        "autoload -Uz compinit && compinit -u -D\nsource {}",
        shlex::try_quote(&script("zsh", dir.path())).unwrap()
    );
    check_shell("zsh", |words| zsh_complete(&words.join(" "), dir.path(), &sourced));
    // Installed as _pm-skills in $fpath (README), the script completes from the first TAB.
    let fpath = dir.path().join("zfunc");
    std::fs::create_dir(&fpath).unwrap();
    std::fs::write(fpath.join("_pm-skills"), stdout(&["completions", "zsh"])).unwrap();
    let autoloaded = format!(
        "fpath=({} $fpath)\nautoload -Uz compinit && compinit -u -D",
        shlex::try_quote(fpath.to_str().unwrap()).unwrap()
    );
    assert_eq!(zsh_complete("pm-skills skills agile", dir.path(), &autoloaded), ["agile-working"]);
}

/// fish: `complete --do-complete` runs fish's own completion of `line` with the script loaded.
fn fish_complete(line: &str, dir: &Path) -> Vec<String> {
    let program = format!(
        "source {}; complete --do-complete {}",
        shlex::try_quote(&script("fish", dir)).unwrap(),
        shlex::try_quote(line).unwrap()
    );
    let mut fish = shell("fish", dir);
    fish.args(["--no-config", "-c", &program]);
    lines_of(fish).into_iter().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
}

#[test]
#[ignore = "needs fish"]
fn fish_completes_names_flags_and_files() {
    let dir = tempfile::tempdir().unwrap();
    check_shell("fish", |words| fish_complete(&words.join(" "), dir.path()));
}

#[test]
#[ignore = "needs bash, zsh and fish"]
fn completion_scripts_parse_in_their_shells() {
    for (shell, check) in [("bash", &["-n"][..]), ("zsh", &["-n"][..]), ("fish", &["--no-execute"][..])] {
        needs(shell, &["--version"]);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("script");
        std::fs::write(&file, stdout(&["completions", shell])).unwrap();
        let out = Command::new(shell).args(check).arg(&file).output().unwrap();
        assert!(out.status.success() && out.stderr.is_empty(), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
