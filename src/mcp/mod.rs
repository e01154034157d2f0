//! `pm-skills mcp`: a Model Context Protocol server on standard input and output, with the
//! official SDK (rmcp). Each tool is a command (`tools`), run in memory by `lib` with
//! `--format json`, so a tool answers what the command answers, its errors and "did you mean"
//! included (as a tool's error). The resources are the framework's files and the JSON Schemas of
//! them and of a profile. Nothing is written, and nothing is read but the framework and the `--profiles` folders.
//! The wire (`wire`) answers what is not a message and reads on.

pub mod tools;
pub mod wire;

use std::path::PathBuf;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, ErrorData, Implementation,
    ListResourcesResult, ListToolsResult, PaginatedRequestParams, ReadResourceRequestParams, ReadResourceResponse,
    ReadResourceResult, Resource, ResourceContents, ServerCapabilities, ServerConfig,
};
use rmcp::service::{RequestContext, RoleServer};

use crate::cli::{Cli, GlobalArgs, McpArgs};
use crate::source::{self, SourceFile};

/// What one command gave: its output, or its error in words, and the warnings it said.
pub struct Answer {
    pub result: Result<Vec<u8>, String>,
    /// The report's answer in a line of plain text, for the assistant to quote.
    pub answer_line: Option<String>,
    pub warnings: Vec<String>,
}

/// Runs a parsed command line in memory (`lib` gives it: only `lib` runs commands).
pub type Runner = fn(&Cli) -> Answer;

/// Serves until standard input closes; the exit code.
pub fn serve(global: &GlobalArgs, args: &McpArgs, run: Runner) -> u8 {
    // Standard input carries the messages: a profile's `-` never reads it.
    source::stand_in_for_stdin(None);
    let server = match Server::new(global, args, run) {
        Ok(server) => server,
        Err(e) => return failed(&e),
    };
    let served =
        tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(anyhow::Error::from).and_then(
            |runtime| {
                runtime.block_on(async {
                    let running = rmcp::serve_server(server, wire::Wire::stdio()).await?;
                    running.waiting().await?;
                    anyhow::Ok(())
                })
            },
        );
    match served {
        Ok(()) => 0,
        Err(e) => failed(&e),
    }
}

fn failed(err: &anyhow::Error) -> u8 {
    eprint!("{}", crate::text::sanitize(&format!("error: {err:#}\n"), true));
    1
}

/// The server: the framework chosen as for every command, the folders it may read, the runner.
pub struct Server {
    global: GlobalArgs,
    folders: Vec<PathBuf>,
    run: Runner,
}

/// Where a framework file is found, by its path in the folder.
const FRAMEWORK_URI: &str = "pm-skills://framework/";
/// The JSON Schema of the framework's files.
const SCHEMA_URI: &str = "pm-skills://schema/framework.schema.json";
/// The JSON Schema of a profile.
const PROFILE_SCHEMA_URI: &str = "pm-skills://schema/profile.schema.json";

impl Server {
    fn new(global: &GlobalArgs, args: &McpArgs, run: Runner) -> anyhow::Result<Self> {
        let mut folders = Vec::new();
        for dir in &args.profiles {
            let real = std::fs::canonicalize(dir)
                .map_err(|e| anyhow::anyhow!("cannot read {}: {}", dir.display(), source::io_reason(&e)))?;
            anyhow::ensure!(real.is_dir(), "--profiles {} is not a folder", dir.display());
            folders.push(real);
        }
        // The framework is checked once, before the first message: a bad one is said at start.
        global.selection().load()?;
        Ok(Server { global: global.clone(), folders, run })
    }

    /// Answers a call of the tool `name`.
    pub fn call(&self, name: &str, arguments: &rmcp::model::JsonObject) -> Result<CallToolResult, ErrorData> {
        let Some(spec) = tools::TOOLS.iter().find(|t| t.name == name) else {
            return Err(ErrorData::invalid_params(format!("no tool is named `{name}`"), None));
        };
        let call = match tools::command_line(spec, arguments, &self.folders) {
            Ok(call) => call,
            Err(why) => return Ok(refused(why)),
        };
        let mut cli = match crate::cli::parse(call.args.iter().map(Into::into)) {
            Ok(cli) => cli,
            Err(e) => return Ok(refused(e.render().to_string().trim_end().trim_start_matches("error: ").to_string())),
        };
        // The server's framework, whatever the environment says; and never a file written.
        cli.global.data.clone_from(&self.global.data);
        cli.global.framework.clone_from(&self.global.framework);
        if cli.global.role.is_none() {
            cli.global.role.clone_from(&self.global.role);
        }
        if cli.file_out().is_some() || cli.folder_out().is_some() {
            return Ok(refused("this server writes no files".into()));
        }
        source::stand_in_for_stdin(call.stdin);
        let answer = (self.run)(&cli);
        source::stand_in_for_stdin(None);
        Ok(answered(&call.args, answer))
    }

    /// The framework's files, as the loader reads them (a `--data` folder with its limits).
    fn framework_files(&self) -> anyhow::Result<Vec<SourceFile>> {
        match &self.global.data {
            Some(dir) => Ok(source::read_folder(dir)?.0),
            None => {
                let id = crate::data::builtin_id(
                    self.global.framework.as_deref().unwrap_or(crate::data::DEFAULT_FRAMEWORK),
                )?;
                Ok(crate::data::builtin_files(id))
            }
        }
    }

    fn resources(&self) -> Result<Vec<Resource>, ErrorData> {
        let files = self.framework_files().map_err(|e| ErrorData::internal_error(format!("{e:#}"), None))?;
        let mut all: Vec<Resource> = files
            .iter()
            .map(|f| {
                Resource::new(format!("{FRAMEWORK_URI}{}", f.rel), f.rel.clone())
                    .with_description("a file of the framework in use")
                    .with_mime_type("application/yaml")
            })
            .collect();
        all.push(
            Resource::new(SCHEMA_URI, "framework.schema.json")
                .with_description("the JSON Schema of the framework's files (framework, skills, soft skills, roles)")
                .with_mime_type("application/schema+json"),
        );
        all.push(
            Resource::new(PROFILE_SCHEMA_URI, "profile.schema.json")
                .with_description("the JSON Schema of a profile, for writing one to give a tool as profile_yaml")
                .with_mime_type("application/schema+json"),
        );
        Ok(all)
    }

    fn read(&self, uri: &str) -> Result<ReadResourceResult, ErrorData> {
        let contents = if uri == SCHEMA_URI || uri == PROFILE_SCHEMA_URI {
            let schema = if uri == SCHEMA_URI { crate::schema::JSON_SCHEMA } else { crate::schema::PROFILE_SCHEMA };
            ResourceContents::text(schema, uri).with_mime_type("application/schema+json")
        } else {
            let files = self.framework_files().map_err(|e| ErrorData::internal_error(format!("{e:#}"), None))?;
            let file = uri
                .strip_prefix(FRAMEWORK_URI)
                .and_then(|rel| files.into_iter().find(|f| f.rel == rel))
                .ok_or_else(|| ErrorData::resource_not_found(format!("no resource is named {uri}"), None))?;
            ResourceContents::text(file.text, uri).with_mime_type("application/yaml")
        };
        Ok(ReadResourceResult::new(vec![contents]))
    }
}

/// A call refused before its command ran, as a tool's error.
fn refused(why: String) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(why)])
}

/// The command's JSON (as structured content and as text) and a line to quote; or its error.
fn answered(args: &[String], answer: Answer) -> CallToolResult {
    // Options as they are; the names after `--` quoted for a shell, as a command a person can run.
    let names_from = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let shown: Vec<String> = args
        .iter()
        .enumerate()
        .map(|(i, a)| if i <= names_from { a.clone() } else { crate::text::shell_word(a).into_owned() })
        .collect();
    let mut said = String::new();
    for warning in &answer.warnings {
        said.push_str(&format!("\nwarning: {warning}"));
    }
    match answer.result {
        Err(why) => refused(format!("{why}{said}")),
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut result = CallToolResult::success(vec![
                ContentBlock::text(text.clone()),
                ContentBlock::text(format!(
                    "{}(`{}` gives the JSON above.){said}",
                    answer.answer_line.map(|line| format!("{line}\n")).unwrap_or_default(),
                    shown.join(" ")
                )),
            ]);
            result.structured_content = serde_json::from_str(&text).ok();
            result
        }
    }
}

impl rmcp::ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().enable_resources().build())
            .with_server_info(Implementation::new("pm-skills", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "Answers questions about a levelled skills framework: levels, skills, comparisons, a person's \
                 gaps, fit, plan, progress and routes. Names of levels and skills resolve by id, alias, name or \
                 unique prefix. A profile is a path inside a --profiles folder, or YAML text (what `pm-skills \
                 profile new` prints, filled in; its JSON Schema is a resource), as are the framework's files.",
            )
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(tools::list()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        self.call(&request.name, &request.arguments.unwrap_or_default()).map(Into::into)
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        Ok(ListResourcesResult::with_all_items(self.resources()?))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        self.read(&request.uri).map(Into::into)
    }
}
