//! The wire: JSON-RPC messages, one a line, on standard input and output. The SDK's own stdio
//! transport drops a line it cannot parse, or one too long, without a word; this one answers each
//! (`-32700` for a line that is not JSON, `-32600` for one too long or a message of the wrong
//! shape) and reads on. A thread reads the lines, at most [`MAX_LINE_BYTES`] of each held, and
//! hands the messages over a small channel, so a fast writer waits rather than fills memory.

use std::io::{BufRead, Write};

use rmcp::service::{RoleServer, RxJsonRpcMessage, TxJsonRpcMessage};
use rmcp::transport::Transport;
use serde_json::Value;
use tokio::sync::mpsc;

/// The longest message read, its line break included: a request, a profile's text with it.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Messages read and not yet handled, at most.
const QUEUE: usize = 16;

/// The server's side of standard input and output.
pub struct Wire {
    incoming: mpsc::Receiver<RxJsonRpcMessage<RoleServer>>,
}

impl Wire {
    /// Reads standard input on a thread of its own until it closes.
    pub fn stdio() -> Self {
        let (sender, incoming) = mpsc::channel(QUEUE);
        std::thread::spawn(move || read_messages(std::io::stdin().lock(), &sender));
        Wire { incoming }
    }
}

impl Transport<RoleServer> for Wire {
    type Error = std::io::Error;

    fn send(
        &mut self,
        item: TxJsonRpcMessage<RoleServer>,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send + 'static {
        // One write of a whole line, under stdout's lock: a reply from the reader thread never
        // lands inside another.
        let written = serde_json::to_string(&item).map_err(std::io::Error::other).and_then(|line| write_line(&line));
        std::future::ready(written)
    }

    fn receive(&mut self) -> impl Future<Output = Option<RxJsonRpcMessage<RoleServer>>> + Send {
        self.incoming.recv()
    }

    fn close(&mut self) -> impl Future<Output = Result<(), Self::Error>> + Send {
        self.incoming.close();
        std::future::ready(Ok(()))
    }
}

/// Writes one message and its line break, and flushes.
fn write_line(line: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(line.as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()
}

/// What one line held.
#[derive(Debug, PartialEq)]
enum Line {
    /// A line, in the buffer (the last may have no line break).
    Whole,
    /// A line over [`MAX_LINE_BYTES`], read past and dropped.
    TooLong,
    /// The input closed.
    End,
}

/// Reads messages until the input closes (or the server stops taking them), answering what is
/// not a message at once.
fn read_messages(mut input: impl BufRead, sender: &mpsc::Sender<RxJsonRpcMessage<RoleServer>>) {
    let mut line = Vec::new();
    loop {
        line.clear();
        match read_line(&mut input, &mut line) {
            Ok(Line::End) | Err(_) => return,
            Ok(Line::TooLong) => {
                let why = format!("the message is over the limit of {} KiB; refused unread", MAX_LINE_BYTES / 1024);
                let _ = write_line(&error(Value::Null, -32600, &why));
            }
            Ok(Line::Whole) => match parse(&line) {
                Parsed::Message(message) => {
                    if sender.blocking_send(*message).is_err() {
                        return;
                    }
                }
                Parsed::Answer(answer) => {
                    let _ = write_line(&answer);
                }
                Parsed::Nothing => {}
            },
        }
    }
}

/// Reads one line into `line`, holding at most [`MAX_LINE_BYTES`] of it.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<Line> {
    let mut too_long = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(match (too_long, line.is_empty()) {
                (true, _) => Line::TooLong,
                (false, true) => Line::End,
                (false, false) => Line::Whole,
            });
        }
        let end = buf.iter().position(|&b| b == b'\n');
        let taken = end.map_or(buf.len(), |at| at + 1);
        if !too_long && line.len() + taken > MAX_LINE_BYTES {
            too_long = true;
            *line = Vec::new();
        }
        if !too_long {
            line.extend_from_slice(&buf[..taken]);
        }
        input.consume(taken);
        if end.is_some() {
            return Ok(if too_long { Line::TooLong } else { Line::Whole });
        }
    }
}

/// What a line read is to the server.
enum Parsed {
    Message(Box<RxJsonRpcMessage<RoleServer>>),
    /// Not a message: the error to answer with.
    Answer(String),
    /// A blank line, or a notification of a shape not known: nothing to answer (a notification
    /// is never answered).
    Nothing,
}

fn parse(line: &[u8]) -> Parsed {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Parsed::Nothing;
    }
    let wrong = match serde_json::from_slice(line) {
        Ok(message) => return Parsed::Message(Box::new(message)),
        Err(e) => e,
    };
    let Ok(value) = serde_json::from_slice::<Value>(line) else {
        return Parsed::Answer(error(Value::Null, -32700, "parse error: the line is not JSON"));
    };
    let id = value.get("id").filter(|id| id.is_string() || id.is_number()).cloned();
    match id {
        None if value.get("method").is_some() => Parsed::Nothing,
        id => Parsed::Answer(error(id.unwrap_or(Value::Null), -32600, &format!("invalid request: {wrong}"))),
    }
}

/// A JSON-RPC error response.
fn error(id: Value, code: i64, message: &str) -> String {
    serde_json::json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<(Line, usize)> {
        let mut input = std::io::BufReader::with_capacity(7, input);
        let mut out = Vec::new();
        loop {
            let mut line = Vec::new();
            let kind = read_line(&mut input, &mut line).unwrap();
            if kind == Line::End {
                return out;
            }
            out.push((kind, line.len()));
        }
    }

    #[test]
    fn a_line_over_the_limit_is_dropped_and_the_next_is_read() {
        let mut input = vec![b'x'; MAX_LINE_BYTES + 5];
        input.extend_from_slice(b"\n{}\nlast");
        assert_eq!(lines(&input), [(Line::TooLong, 0), (Line::Whole, 3), (Line::Whole, 4)]);
        let mut exact = vec![b'x'; MAX_LINE_BYTES - 1];
        exact.push(b'\n');
        assert_eq!(lines(&exact), [(Line::Whole, MAX_LINE_BYTES)]);
    }

    #[test]
    fn what_is_not_a_message_is_answered_with_its_error_and_a_notification_never() {
        let answer = |line: &str| match parse(line.as_bytes()) {
            Parsed::Answer(a) => serde_json::from_str::<Value>(&a).unwrap(),
            Parsed::Message(_) => Value::String("message".into()),
            Parsed::Nothing => Value::Null,
        };
        assert_eq!(answer("{not json")["error"]["code"], -32700);
        assert_eq!(answer(r#"{"jsonrpc":"2.0","id":7,"result":5,"method":3}"#)["id"], 7);
        assert_eq!(answer("  \r\n"), Value::Null);
        assert_eq!(answer(r#"{"jsonrpc":"2.0","method":"tools/list","id":1}"#), "message");
    }
}
