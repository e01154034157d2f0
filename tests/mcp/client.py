"""The official MCP Python SDK as a client of `pm-skills mcp`: run by tests/cli/mcp.rs.

    python client.py PM_SKILLS [SERVER ARGS...] < questions.json

Starts the server over stdio, lists its tools and resources, calls each tool of the questions
(a JSON list of [tool, arguments]) and prints one JSON document: the tools' names, the resources'
URIs, and each call's result (isError, structuredContent, the text of each content block).
"""

import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main() -> None:
    questions = json.load(sys.stdin)
    server = StdioServerParameters(command=sys.argv[1], args=["mcp", *sys.argv[2:]])
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = await session.list_tools()
            resources = await session.list_resources()
            results = []
            for tool, arguments in questions:
                result = await session.call_tool(tool, arguments)
                results.append(
                    {
                        "tool": tool,
                        "isError": bool(result.is_error),
                        "structuredContent": result.structured_content,
                        "text": [block.text for block in result.content],
                    }
                )
            print(
                json.dumps(
                    {
                        "tools": [tool.name for tool in tools.tools],
                        "resources": [str(r.uri) for r in resources.resources],
                        "results": results,
                    }
                )
            )


asyncio.run(main())
