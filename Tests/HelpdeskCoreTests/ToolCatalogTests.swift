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
        #expect(error?.description == "/etc/helpdesk/tools.json:3:18: a comma before `}`; remove the trailing comma")
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
            "tools.json:1:60:tools[0].aproval: unknown field `aproval`; did you mean `approval`?"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "approval": "none", "run": {"argv": ["/bin/x"], "timeout_seconds": 1e300}}]}"#,
            "tools.json:1:127:tools[0].run.timeout_seconds: expected a number of seconds from 1 to 600 (leave it out for 10), found 1e+300"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "approval": "none", "run": {"argv": ["/bin/x"], "timeout_seconds": 0.5}}]}"#,
            "tools.json:1:127:tools[0].run.timeout_seconds: expected a number of seconds from 1 to 600 (leave it out for 10), found 0.5"
        ),
        (
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "parameters": {"properties": {"n": {"type": "string", "maxLength": 1e300}}}, "approval": "none", "run": {"builtin": "directory.account_status"}}]}"#,
            "tools.json:1:127:tools[0].parameters.properties.n.maxLength: expected a whole number from 0 to 1000000, found 1e+300"
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

    @Test func theDefaultTimeoutIsTenSeconds() throws {
        let catalog = try ToolCatalog.parse(
            #"{"tools": [{"name": "a", "title": "t", "description": "d", "approval": "none", "run": {"argv": ["/bin/x"]}}]}"#,
            file: "tools.json")
        #expect(catalog.tool(named: "a")?.run == .argv(["/bin/x"], timeoutSeconds: 10))
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.shipped))
        let catalog = try ToolCatalog.parse(bytes: [0xEF, 0xBB, 0xBF] + [UInt8](data), file: "tools.json")
        #expect(catalog.tools.count == 3)
    }

    @Test func aByteOrderMarkInsideTheFileIsNamed() {
        let error = #expect(throws: ToolCatalogError.self) {
            try ToolCatalog.parse(bytes: Array("{\"tools\":\n \u{FEFF}[]}".utf8), file: "tools.json")
        }
        #expect(
            error?.description
                == "tools.json:2:2: expected a JSON value, found a byte-order mark (U+FEFF, invisible; delete it)")
    }

    @Test func invalidUTF8IsNamedWithItsLine() {
        let error = #expect(throws: ToolCatalogError.self) {
            try ToolCatalog.parse(bytes: Array("{\n\"tools\": []\n".utf8) + [0xFF], file: "tools.json")
        }
        #expect(error?.description.hasPrefix("tools.json:3:1: byte 0xFF is not UTF-8") == true)
    }

    @Test func aRepeatedNameNamesTheFirst() {
        let tool =
            #"{"name": "a", "title": "t", "description": "d", "approval": "none", "run": {"builtin": "directory.account_status"}}"#
        let error = #expect(throws: ToolCatalogError.self) {
            try ToolCatalog.parse("{\"tools\": [\n\(tool),\n\(tool)]}", file: "tools.json")
        }
        #expect(
            error?.description
                == "tools.json:3:10:tools[1].name: a second tool named `a` (the first is at line 2); names must be unique")
    }

    /// The duplicate-name check was quadratic: 96 s for this file, which a regression would
    /// bring back to every `swift test` (no timed assertion here: those fail on busy machines).
    @Test func twoHundredThousandToolsLoad() throws {
        var text = #"{"tools": ["#
        for index in 0..<200_000 {
            if index > 0 { text += ",\n" }
            text +=
                #"{"name": "t\#(index)", "title": "t", "description": "d", "approval": "none", "run": {"builtin": "directory.account_status"}}"#
        }
        text += "]}"
        let catalog = try ToolCatalog.parse(bytes: Array(text.utf8), file: "tools.json")
        #expect(catalog.tools.count == 200_000)
    }
}
