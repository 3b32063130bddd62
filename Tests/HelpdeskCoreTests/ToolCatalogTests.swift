import Foundation
import HelpdeskCore
import Testing

struct ToolCatalogTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tools.json").path

    @Test func theShippedWhitelistLoads() throws {
        let catalog = try ToolCatalog.load(Self.shipped)
        #expect(catalog.tools.map(\.name) == ["reset_password", "unlock_account", "check_account_status"])
        #expect(catalog.tool(named: "reset_password")?.approval == .agent)
        #expect(catalog.tool(named: "unlock_account")?.approval == .agent)
        #expect(catalog.tool(named: "check_account_status")?.approval == ToolDefinition.Approval.none)
        #expect(catalog.tool(named: "reset_password")?.requiredParameters.map(\.name) == ["account"])
    }

    @Test func readsAnArgvToolWithPlaceholdersAndTimeout() throws {
        let catalog = try ToolCatalog.parse(
            """
            {"tools": [{"name": "clear_queue", "title": "Clear a print queue", "description": "Cancels stuck jobs.",
              "parameters": {"type": "object", "properties": {"printer": {"type": "string", "pattern": "[a-z0-9-]+",
                 "maxLength": 32}}, "required": ["printer"]},
              "approval": "none", "run": {"argv": ["/usr/bin/cancel", "-a", "{printer}", "--by={requester}"], "timeout_seconds": 5}}]}
            """, file: "tools.json")
        let tool = try #require(catalog.tool(named: "clear_queue"))
        #expect(tool.run == .argv(["/usr/bin/cancel", "-a", "{printer}", "--by={requester}"], timeoutSeconds: 5))
        #expect(tool.parameter(named: "printer")?.pattern == "[a-z0-9-]+")
        #expect(tool.examples.isEmpty)
    }

    @Test func aSyntaxErrorNamesFileLineAndColumn() {
        let error = #expect(throws: ToolCatalogError.self) {
            try ToolCatalog.parse("{\n  \"tools\": [\n    {\"name\": \"x\",}\n  ]\n}", file: "/etc/helpdesk/tools.json")
        }
        #expect(error?.description == "/etc/helpdesk/tools.json:3:18: expected a member name in double quotes")
    }

    @Test(arguments: [
        (
            #"{"tools": [{"name": "Reset!", "title": "t", "description": "d", "approval": "agent", "run": {"builtin": "directory.reset_password"}}]}"#,
            "tools.json:1:21:tools[0].name: `Reset!` must be lower-case letters, digits and `_`, starting with a letter"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "approval": "maybe", "run": {"builtin": "directory.reset_password"}}]}"#,
            "tools.json:1:72:tools[0].approval: expected \"agent\" or \"none\", found \"maybe\""
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "aproval": "agent", "run": {"builtin": "directory.reset_password"}}]}"#,
            "tools.json:1:71:tools[0].aproval: unknown field `aproval`; expected approval, description, examples, name, parameters, run, title"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "approval": "none", "run": {"argv": ["rm", "-rf"]}}]}"#,
            "tools.json:1:96:tools[0].run.argv: the first element must be the program's absolute path (no shell, no PATH lookup)"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "approval": "none", "run": {"argv": ["/bin/x", "{who}"]}}]}"#,
            "tools.json:1:96:tools[0].run.argv: `{who}` is neither a parameter nor {requester}"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "approval": "none", "run": {"builtin": "shell.exec"}}]}"#,
            "tools.json:1:99:tools[0].run.builtin: unknown builtin `shell.exec`; known: directory.account_status, directory.reset_password, directory.unlock_account"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "parameters": {"type": "object", "properties": {"n": {"type": "array"}}}, "approval": "none", "run": {"builtin": "directory.account_status"}}]}"#,
            "tools.json:1:122:tools[0].parameters.properties.n.type: expected \"string\", \"integer\" or \"boolean\", found \"array\""
        ),
    ])
    func aSchemaErrorNamesTheOffendingField(json: String, expected: String) {
        let error = #expect(throws: ToolCatalogError.self) { try ToolCatalog.parse(json, file: "tools.json") }
        #expect(error?.problems.first?.description == expected)
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        let error = #expect(throws: ToolCatalogError.self) {
            try ToolCatalog.parse(#"{"tools": [{"name": "a"}, {"title": 3}]}"#, file: "tools.json")
        }
        #expect((error?.problems.count ?? 0) >= 5)
        #expect(error?.problems.contains { $0.field == "tools[1].title" && $0.message.contains("found a number") } == true)
    }
}
