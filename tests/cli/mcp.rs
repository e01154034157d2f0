//! `pm-skills mcp`: the server driven over stdin and stdout with raw JSON-RPC lines, each tool's
//! answer compared with the command's `--format json`, every error answered while the server
//! keeps answering; and (ignored, with the official Python SDK as the client) the same through a
//! real client.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

use super::common::{example_path, json as cli_json};

/// A running server, its answers read on a thread.
struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    answers: mpsc::Receiver<Value>,
}

fn start(args: &[&str]) -> Server {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("pm-skills"))
        .arg("mcp")
        .args(args)
        .env_remove("PM_SKILLS_DATA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let stdin = child.stdin.take();
    let stdout = child.stdout.take().unwrap();
    let (sender, answers) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            let value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON-RPC on stdout ({e}): {line}"));
            if sender.send(value).is_err() {
                return;
            }
        }
    });
    let mut server = Server { child, stdin, answers };
    server.send(&json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": { "name": "test", "version": "1" } } }));
    let init = server.answer();
    assert_eq!(init["result"]["serverInfo"]["name"], "pm-skills", "{init}");
    server.send(&json!({ "jsonrpc": "2.0", "method": "notifications/initialized" }));
    server
}

impl Server {
    fn line(&mut self, line: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(line).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
    }

    fn send(&mut self, message: &Value) {
        self.line(message.to_string().as_bytes());
    }

    fn answer(&self) -> Value {
        self.answers.recv_timeout(Duration::from_secs(60)).expect("an answer")
    }

    fn call(&mut self, id: u64, tool: &str, arguments: Value) -> Value {
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": "tools/call", "params": { "name": tool, "arguments": arguments } }));
        let answer = self.answer();
        assert_eq!(answer["id"], id, "{answer}");
        answer["result"].clone()
    }

    /// Closes stdin; the exit status.
    fn close(mut self) -> std::process::ExitStatus {
        drop(self.stdin.take());
        self.child.wait().unwrap()
    }
}

/// The tool's JSON, asserting it answered without error.
fn ok(result: &Value) -> &Value {
    assert_eq!(result["isError"], false, "{result}");
    &result["structuredContent"]
}

/// The tool's error text, asserting it is one.
fn error(result: &Value) -> String {
    assert_eq!(result["isError"], true, "{result}");
    result["content"][0]["text"].as_str().unwrap().to_string()
}

/// Each tool with its arguments, and the command line that asks the same.
pub fn questions() -> Vec<(&'static str, Value, Vec<String>)> {
    let priya = example_path("team/priya.yaml");
    let checkins = [example_path("growth/checkins/2026-03-02.yaml"), example_path("growth/checkins/2026-06-01.yaml")];
    let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        ("levels", json!({}), args(&["levels"])),
        ("show", json!({ "level": "senior" }), args(&["show", "senior"])),
        ("skills", json!({}), args(&["skills"])),
        ("skills", json!({ "skill": "user-focus" }), args(&["skills", "user-focus"])),
        ("soft_skills", json!({}), args(&["soft-skills"])),
        (
            "diff",
            json!({ "from": "senior", "to": "lead", "only_gaps": true }),
            args(&["diff", "senior", "lead", "--only-gaps"]),
        ),
        ("moves", json!({ "level": "senior", "limit": 3 }), args(&["moves", "senior", "--limit", "3"])),
        ("gap", json!({ "profile": priya }), args(&["gap", "--profile", &priya])),
        ("fit", json!({ "profile": priya, "limit": 2 }), args(&["fit", "--profile", &priya, "--limit", "2"])),
        ("plan", json!({ "profile": priya, "to": "lead" }), args(&["plan", "--profile", &priya, "--to", "lead"])),
        ("progress", json!({ "files": checkins }), args(&["progress", &checkins[0], &checkins[1]])),
        ("route", json!({ "from": "product-manager", "to": "head" }), args(&["route", "product-manager", "head"])),
        ("route", json!({ "profile": priya, "to": "lead" }), args(&["route", "--profile", &priya, "lead"])),
    ]
}

/// The folder the examples are in, which the tests open with `--profiles`.
pub fn examples() -> String {
    example_path("")
}

#[test]
fn each_tool_answers_what_its_command_answers_with_format_json() {
    let mut server = start(&["--profiles", &examples()]);
    server.send(&json!({ "jsonrpc": "2.0", "id": 1, "method": "tools/list" }));
    let list = server.answer();
    let names: Vec<&str> =
        list["result"]["tools"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["levels", "show", "skills", "soft_skills", "diff", "moves", "gap", "fit", "plan", "progress", "route"]
    );
    let show = &list["result"]["tools"][1]["inputSchema"];
    assert_eq!(show["required"], json!(["level"]), "{show}");
    assert!(show["properties"]["level"]["description"].as_str().unwrap().contains("alias"), "{show}");
    for (id, (tool, arguments, command)) in questions().into_iter().enumerate() {
        let result = server.call(id as u64 + 10, tool, arguments);
        let command: Vec<&str> = command.iter().map(String::as_str).collect();
        assert_eq!(ok(&result), &cli_json(&command), "{tool} against pm-skills {command:?}");
        // The same JSON as text too, and a line to quote.
        let text: Value = serde_json::from_str(result["content"][0]["text"].as_str().unwrap()).unwrap();
        assert_eq!(&text, ok(&result));
        // A line to quote: the report's title and closing answer, then the command that gives it.
        let said = result["content"][1]["text"].as_str().unwrap();
        assert!(said.lines().count() >= 2 && said.trim_end().ends_with("` gives the JSON above.)"), "{said}");
        assert!(said.lines().last().unwrap().starts_with("(`pm-skills "), "{said}");
        if tool == "diff" {
            let answer = "From Senior Product Manager to Lead Product Manager: 3 of 10 skills must grow, 6 stay the same, \
                          1 drops (not a gap)";
            assert_eq!(said.lines().next(), Some(answer), "{said}");
        }
    }
    assert!(server.close().success());
}

#[test]
fn a_name_not_known_is_a_tool_error_with_the_command_s_did_you_mean() {
    let mut server = start(&[]);
    let said = error(&server.call(1, "show", json!({ "level": "senoir" })));
    let cli = super::common::refused(&["show", "senoir"]);
    assert!(cli.contains(said.lines().next().unwrap()), "{said}\n---\n{cli}");
    assert!(said.contains("did you mean"), "{said}");
    // A value that looks like an option is a name, never an option.
    let said = error(&server.call(2, "show", json!({ "level": "--help" })));
    assert!(said.contains("unknown level `--help`"), "{said}");
    let said = error(&server.call(3, "diff", json!({ "from": "senior", "to": "lead", "out": "x" })));
    assert!(said.contains("no argument `out`"), "{said}");
    // Without --profiles no file is read; YAML text is.
    let priya = std::fs::read_to_string(example_path("team/priya.yaml")).unwrap();
    assert!(
        error(&server.call(4, "gap", json!({ "profile": example_path("team/priya.yaml") }))).contains("--profiles")
    );
    let gap = server.call(5, "gap", json!({ "profile_yaml": priya }));
    let mut from_file = cli_json(&["gap", "--profile", &example_path("team/priya.yaml")]);
    from_file["person"]["file"] = json!("<stdin>");
    assert_eq!(ok(&gap)["person"]["name"], from_file["person"]["name"]);
    assert_eq!(ok(&gap)["skills"], from_file["skills"]);
    assert!(server.close().success());
}

#[test]
fn what_is_not_a_message_gets_its_json_rpc_error_and_the_server_reads_on() {
    let mut server = start(&[]);
    server.line(b"{this is not json");
    assert_eq!(server.answer()["error"]["code"], -32700);
    server.send(&json!({ "jsonrpc": "2.0", "id": 2, "method": "no/such/method" }));
    let answer = server.answer();
    assert_eq!((answer["id"].clone(), answer["error"]["code"].clone()), (json!(2), json!(-32601)), "{answer}");
    let mut long = br#"{"jsonrpc":"2.0","id":3,"method":"ping","params":{"x":""#.to_vec();
    long.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
    long.extend_from_slice(br#""}}"#);
    server.line(&long);
    let answer = server.answer();
    assert_eq!(answer["error"]["code"], -32600, "{answer}");
    assert!(answer["error"]["message"].as_str().unwrap().contains("limit"), "{answer}");
    server.send(&json!({ "jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": { "name": "no_such_tool" } }));
    assert_eq!(server.answer()["error"]["code"], -32602);
    server.send(&json!({ "jsonrpc": "2.0", "id": 5, "method": "ping" }));
    assert_eq!(server.answer()["id"], 5);
    assert!(server.close().success());
}

#[test]
fn a_path_outside_the_profiles_folders_a_link_out_a_fifo_and_a_bomb_are_refused() {
    let open = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::copy(example_path("team/priya.yaml"), &secret).unwrap();
    std::fs::copy(example_path("team/priya.yaml"), open.path().join("priya.yaml")).unwrap();
    let mut server = start(&["--profiles", open.path().to_str().unwrap()]);
    ok(&server.call(1, "gap", json!({ "profile": "priya.yaml" })));
    let said = error(&server.call(2, "gap", json!({ "profile": secret.to_str().unwrap() })));
    assert!(said.contains("outside the folders"), "{said}");
    let said = error(&server.call(3, "gap", json!({ "profile": "../secret.yaml" })));
    assert!(said.contains("outside the folders") || said.contains("cannot read"), "{said}");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, open.path().join("link.yaml")).unwrap();
        let said = error(&server.call(4, "gap", json!({ "profile": "link.yaml" })));
        assert!(said.contains("symbolic link") && !said.contains("Priya"), "{said}");
        let fifo = open.path().join("pipe.yaml");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let said = error(&server.call(5, "gap", json!({ "profile": "pipe.yaml" })));
        assert!(said.contains("named pipe"), "{said}");
    }
    // YAML text has the limits of a file: an alias bomb is refused, in bounded memory.
    let padding: String = (0..20_000).map(|i| format!("      - padding line {i}\n")).collect();
    let mut bomb =
        format!("name: Bomb\nskills:\n  user-focus:\n    evidence:\n{padding}  agile-working:\n    evidence:\n");
    bomb.push_str("      - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in b'b'..=b'j' {
        let refs = vec![format!("*{}", char::from(level - 1)); 9].join(", ");
        bomb.push_str(&format!("      - &{} [{refs}]\n", char::from(level)));
    }
    let said = error(&server.call(6, "gap", json!({ "profile_yaml": bomb, "to": "senior" })));
    assert!(said.contains("alias"), "{said}");
    let said = error(&server.call(7, "gap", json!({ "profile_yaml": "name: [unclosed" })));
    assert!(said.contains("<stdin>"), "{said}");
    // And the server answers on.
    ok(&server.call(8, "levels", json!({})));
    assert!(server.close().success());
}

#[test]
fn the_framework_s_files_and_their_schema_are_resources() {
    let mut server = start(&[]);
    server.send(&json!({ "jsonrpc": "2.0", "id": 1, "method": "resources/list" }));
    let list = server.answer();
    let uris: Vec<&str> =
        list["result"]["resources"].as_array().unwrap().iter().map(|r| r["uri"].as_str().unwrap()).collect();
    assert!(uris.contains(&"pm-skills://framework/skills.yaml"), "{uris:?}");
    assert!(uris.contains(&"pm-skills://schema/framework.schema.json"), "{uris:?}");
    assert!(uris.contains(&"pm-skills://schema/profile.schema.json"), "{uris:?}");
    server.send(&json!({ "jsonrpc": "2.0", "id": 2, "method": "resources/read", "params": { "uri": "pm-skills://framework/skills.yaml" } }));
    let read = server.answer();
    let text = read["result"]["contents"][0]["text"].as_str().unwrap();
    assert_eq!(text, std::fs::read_to_string(format!("{}/data/dvla/skills.yaml", env!("CARGO_MANIFEST_DIR"))).unwrap());
    let profile = "pm-skills://schema/profile.schema.json";
    server.send(&json!({ "jsonrpc": "2.0", "id": 4, "method": "resources/read", "params": { "uri": profile } }));
    let schema: Value =
        serde_json::from_str(server.answer()["result"]["contents"][0]["text"].as_str().unwrap()).unwrap();
    assert_eq!(schema["title"], "pm-skills profile");
    server.send(&json!({ "jsonrpc": "2.0", "id": 3, "method": "resources/read", "params": { "uri": "pm-skills://framework/../../etc/passwd" } }));
    assert!(server.answer()["error"]["code"].is_i64());
    assert!(server.close().success());
}

#[test]
fn data_chooses_the_framework_of_the_tools_and_the_resources() {
    let ladder = example_path("custom-ladder");
    let mut server = start(&["--data", &ladder]);
    let levels = server.call(1, "levels", json!({}));
    assert_eq!(ok(&levels), &cli_json(&["--data", &ladder, "levels"]));
    server.send(&json!({ "jsonrpc": "2.0", "id": 2, "method": "resources/read", "params": { "uri": "pm-skills://framework/skills.yaml" } }));
    let read = server.answer();
    let text = read["result"]["contents"][0]["text"].as_str().unwrap();
    assert_eq!(text, std::fs::read_to_string(format!("{ladder}/skills.yaml")).unwrap());
    assert!(server.close().success());
}

/// Resident memory of a process, in KiB, from /proc.
#[cfg(target_os = "linux")]
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
#[cfg(target_os = "linux")]
fn a_thousand_mixed_calls_are_each_answered_in_flat_memory() {
    let mut server = start(&["--profiles", &examples()]);
    let priya = example_path("team/priya.yaml");
    let mut rss = Vec::new();
    let mut answered = std::collections::BTreeSet::new();
    let mut parse_errors = 0;
    for i in 1..=1000u64 {
        match i % 5 {
            0 => server.line(b"{\"jsonrpc\": \"2.0\", \"id\": oops"),
            1 => server.send(&json!({ "jsonrpc": "2.0", "id": i, "method": "tools/call", "params": { "name": "show", "arguments": { "level": "senior" } } })),
            2 => server.send(&json!({ "jsonrpc": "2.0", "id": i, "method": "tools/call", "params": { "name": "gap", "arguments": { "profile": priya } } })),
            3 => server.send(&json!({ "jsonrpc": "2.0", "id": i, "method": "tools/call", "params": { "name": "show", "arguments": { "level": "nope" } } })),
            _ => server.send(&json!({ "jsonrpc": "2.0", "id": i, "method": "tools/list" })),
        }
        // One at a time, so that what is resident is what the server keeps, not what waits.
        let answer = server.answer();
        if i % 5 == 0 {
            assert_eq!(
                (answer["id"].clone(), answer["error"]["code"].clone()),
                (Value::Null, json!(-32700)),
                "{answer}"
            );
            parse_errors += 1;
        } else {
            assert_eq!(answer["id"], i, "{answer}");
            assert!(answer["result"].is_object(), "{answer}");
            assert!(answered.insert(i));
        }
        if i == 100 || i == 1000 {
            rss.push(rss_kib(server.child.id()));
        }
    }
    assert_eq!((answered.len(), parse_errors), (800, 200));
    let (at_100, at_1000) = (rss[0], rss[1]);
    assert!(at_1000 <= at_100 + 2048, "resident memory grew from {at_100} KiB to {at_1000} KiB");
    assert!(server.close().success());
}

/// The Python that has the official MCP SDK: `.ci/run` installs it in a virtual environment and
/// names it in `PM_SKILLS_PYTHON`.
fn python_with_mcp() -> String {
    let python = std::env::var("PM_SKILLS_PYTHON").unwrap_or_else(|_| "python3".into());
    let found = std::process::Command::new(&python).args(["-c", "import mcp.client.stdio"]).output();
    match found {
        Ok(out) if out.status.success() => python,
        Ok(out) => {
            panic!("{python} has no mcp package (.ci/run installs it): {}", String::from_utf8_lossy(&out.stderr))
        }
        Err(e) => panic!("cannot run {python}: {e}"),
    }
}

#[test]
#[ignore = "needs Python with the mcp package (.ci/run installs it)"]
fn the_official_python_client_gets_what_the_command_line_gets() {
    let python = python_with_mcp();
    let questions = questions();
    let asked: Vec<Value> = questions.iter().map(|(tool, arguments, _)| json!([tool, arguments])).collect();
    let mut child = std::process::Command::new(&python)
        .arg(format!("{}/tests/mcp/client.py", env!("CARGO_MANIFEST_DIR")))
        .arg(assert_cmd::cargo::cargo_bin!("pm-skills"))
        .args(["--profiles", &examples()])
        .env_remove("PM_SKILLS_DATA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(Value::from(asked).to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "the client failed: {}", String::from_utf8_lossy(&out.stderr));
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["tools"].as_array().unwrap().len(), 11, "{got}");
    assert!(got["resources"].as_array().unwrap().iter().any(|r| r == "pm-skills://framework/skills.yaml"), "{got}");
    let results = got["results"].as_array().unwrap();
    assert_eq!(results.len(), questions.len());
    for (result, (tool, _, command)) in results.iter().zip(&questions) {
        let command: Vec<&str> = command.iter().map(String::as_str).collect();
        assert_eq!(result["isError"], false, "{tool}: {result}");
        assert_eq!(result["structuredContent"], cli_json(&command), "{tool} against pm-skills {command:?}");
    }
}
