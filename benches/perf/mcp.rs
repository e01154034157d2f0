//! The MCP server (`--only mcp`): after start-up and `initialize`, the time from sending a
//! `tools/call` (`show senior` on the built-in framework) to its response, the median of many.
//! The target: under 10 ms.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Report, bin, ms};

/// Calls timed, after a few to warm up.
const CALLS: usize = 200;

pub fn mcp(report: &mut Report) {
    println!("\n== MCP server: a tools/call on the built-in framework, after start-up");
    let mut child = Command::new(bin())
        .arg("mcp")
        .env_remove("PM_SKILLS_DATA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("pm-skills mcp starts");
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let mut ask = |line: &str| {
        input.write_all(line.as_bytes()).unwrap();
        input.write_all(b"\n").unwrap();
        input.flush().unwrap();
    };
    let mut answer = String::new();
    let mut read = |answer: &mut String| {
        answer.clear();
        output.read_line(answer).unwrap();
        assert!(!answer.is_empty(), "the server stopped");
    };
    ask(
        r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}"#,
    );
    read(&mut answer);
    ask(r#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#);
    let mut times = Vec::with_capacity(CALLS);
    for id in 1..=CALLS + 10 {
        let call = format!(
            r#"{{"jsonrpc":"2.0","id":{id},"method":"tools/call","params":{{"name":"show","arguments":{{"level":"senior"}}}}}}"#
        );
        let start = Instant::now();
        ask(&call);
        read(&mut answer);
        let took = start.elapsed();
        assert!(answer.contains(r#""isError":false"#), "{answer}");
        if id > 10 {
            times.push(took);
        }
    }
    drop(input);
    assert!(child.wait().unwrap().success());
    times.sort_unstable();
    let median = times[times.len() / 2];
    let value = format!("{:.2} ms (median of {CALLS})", ms(median));
    report.row("mcp: tools/call show senior, built-in", value, "< 10 ms", median < Duration::from_millis(10));
}
