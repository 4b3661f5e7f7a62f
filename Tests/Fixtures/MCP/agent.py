"""An agent for Podium's MCP tests: the official Python MCP client (PyPI `mcp`) starts
`podium mcp` as a subprocess over stdio, plays a scenario and prints what it saw as JSON.

    python3 agent.py PODIUM WORKSPACE full|read-only
"""
import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client
try:  # the name changed between versions of the client
    from mcp.shared.exceptions import MCPError as McpError
except ImportError:
    from mcp.shared.exceptions import McpError


def text_of(result):
    return "".join(part.text for part in result.content if getattr(part, "type", "") == "text")


async def call(session, name, arguments):
    """A tool call as {"error": bool, "text": str, "json": value or None}, or the JSON-RPC error."""
    try:
        result = await session.call_tool(name, arguments)
    except McpError as error:
        return {"rpc_error": error.error.code, "message": error.error.message}
    text = text_of(result)
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    flagged = getattr(result, "is_error", None)
    if flagged is None:
        flagged = getattr(result, "isError", False)
    return {"error": bool(flagged), "text": text, "json": parsed}


async def main(podium, workspace, scenario):
    arguments = ["mcp", "-w", workspace] + (["--read-only"] if scenario == "read-only" else [])
    # The whole environment (the client passes only a few variables by default): the test's
    # config folder, and the API keys that must never come out of the server.
    server = StdioServerParameters(command=podium, args=arguments, env=dict(os.environ))
    seen = {}
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write, client_info=types.Implementation(name="Test Agent", version="1.0")) as session:
            await session.initialize()
            seen["tools"] = sorted(tool.name for tool in (await session.list_tools()).tools)
            seen["resources"] = sorted(str(resource.uri) for resource in (await session.list_resources()).resources)
            vision = await session.read_resource("podium://product/vision")
            seen["vision"] = "".join(getattr(part, "text", "") for part in vision.contents)
            search = await call(session, "search_feedback", {"text": "offline", "limit": 5})
            seen["search"] = search
            seen["negative"] = await call(session, "search_feedback", {"sentiment": "negative", "limit": 200})
            seen["everything"] = await call(session, "search_feedback", {"limit": 200})
            first = search["json"]["feedback"][0]
            seen["record"] = await call(session, "get_record", {"id": first["id"][-8:]})
            seen["backlog"] = await call(session, "list_backlog", {})
            seen["themes"] = await call(session, "themes_and_signals", {})
            seen["stakeholders"] = await call(session, "list_stakeholders", {})
            seen["decisions"] = await call(session, "list_decisions", {})
            seen["bad_argument"] = await call(session, "search_feedback", {"limit": "many"})
            seen["unknown_tool"] = await call(session, "drop_tables", {})
            summary = {"kind": "summarize-feedback", "title": "What offline users say (agent)",
                       "content": "- Offline sync is the top complaint [#%s]." % first["id"][-8:],
                       "evidence": [first["id"]]}
            seen["proposed"] = await call(session, "propose_draft", summary)
            seen["unknown_id"] = await call(session, "propose_draft", dict(summary, evidence=[first["id"], "deadbeef"],
                                                                                 title="Cites an id nobody has"))
            seen["unknown_citation"] = await call(session, "propose_draft", dict(summary, content="See [#0badc0de].",
                                                                                       title="Cites in its text an id nobody has"))
            if scenario == "full":
                backlog = [item["id"] for item in seen["backlog"]["json"]["backlog"]]
                seen["order"] = await call(session, "propose_draft", {
                    "kind": "order-backlog", "title": "Second item first (agent)", "content": "Put the second item first.",
                    "evidence": backlog[:2], "backlog_order": [backlog[1], backlog[0]] + backlog[2:]})
                seen["run"] = await call(session, "run_job", {"kind": "summarize-feedback"})
    print(json.dumps(seen))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
