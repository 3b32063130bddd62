import Engine
import HelpdeskCore
import Testing

/// Requests recognised and arguments read from everything `tools.json` says, for tools an
/// admin writes: free-text names, values named in a parameter's description, changes of
/// mind before confirming.
struct ToolsFileReadingTests {
    static let catalog = Result {
        try ToolCatalog.parse(
            """
            {"tools": [
              {"name": "install_software", "title": "Install software",
               "description": "Installs a named program on the requester's computer.",
               "examples": ["please install Firefox", "I need a program installed"],
               "parameters": {"type": "object", "required": ["program"], "properties": {
                 "program": {"type": "string", "pattern": "[A-Za-z0-9 .+_-]{2,40}",
                             "description": "Which program (its name, for example Inkscape or Notepad++)?"}}},
               "approval": "agent", "run": {"argv": ["/usr/local/bin/install-program", "{program}"]}},
              {"name": "reset_password", "title": "Reset a password",
               "description": "Sets a temporary password.",
               "examples": ["reset my password", "I forgot my password"],
               "parameters": {"type": "object", "required": ["account"], "properties": {
                 "account": {"type": "string", "enum": ["vpn", "email", "build_farm"],
                             "description": "Which account: vpn (GlobalProtect client), email or the build farm?"}}},
               "approval": "agent", "run": {"argv": ["/usr/local/bin/reset", "{account}"]}}
            ]}
            """, file: "tools.json")
    }

    private func chat(_ messages: String...) throws -> [Reply] {
        let engine = GroundedEngine(index: try DialogSuite.engine().index, tools: try Self.catalog.get())
        return engine.replies(to: messages)
    }

    @Test(arguments: [
        ("could you install Blender on my machine", "Blender"),
        ("pls install Notepad++", "Notepad++"),
        ("I need Adobe Acrobat Reader installed on this PC so I can open PDFs", "Adobe Acrobat Reader"),
        ("please install 7-Zip on my laptop", "7-Zip"),
        ("please install zotero on my laptop", "zotero"),
        // A name the description gives as an example is still a name.
        ("Would it be possible to get Inkscape installed?", "Inkscape"),
    ])
    func aProgramNamedInTheRequestIsTaken(message: String, program: String) throws {
        let reply = try chat(message)[0]
        #expect(reply.kind == .tool, "\(reply.text)")
        #expect(reply.tool == ToolCall(tool: "install_software", arguments: ["program": .string(program)]))
    }

    @Test func withoutANameItAsksWithTheDescriptionAndNeverShowsThePattern() throws {
        let replies = try chat("I need a program installed", "the one for drawing diagrams that my team uses", "Inkscape")
        #expect(replies[0].kind == .clarify)
        #expect(replies[0].text.contains("Which program (its name, for example Inkscape or Notepad++)?"))
        #expect(replies[1].kind == .clarify, "a description is not a name: \(replies[1].text)")
        #expect(!replies.contains { $0.text.contains("[A-Za-z") }, "a regular expression is never shown")
        #expect(replies[2].tool == ToolCall(tool: "install_software", arguments: ["program": .string("Inkscape")]))
    }

    @Test(arguments: [
        ("reset my GlobalProtect password please", "vpn"),
        ("please reset my build farm password", "build_farm"),
        ("reset my password, not email, the vpn one", "vpn"),
        ("my email works fine. please reset my vpn password", "vpn"),
    ])
    func valuesAreNamedAsTheDescriptionNamesThem(message: String, account: String) throws {
        let reply = try chat(message)[0]
        #expect(reply.tool == ToolCall(tool: "reset_password", arguments: ["account": .string(account)]), "\(reply.text)")
    }

    /// A value named in another order, or with a hyphen where its name has none, is still
    /// named: "read-only prod" is `prod_readonly`, the description's "production read-only".
    @Test func aValueNamedInAnotherOrderIsTaken() throws {
        let catalog = try ToolCatalog.parse(
            """
            {"tools": [{"name": "grant_aws_access", "title": "Grant AWS access", "description": "Requests an AWS account.",
              "examples": ["I need AWS access"], "approval": "agent", "run": {"argv": ["/usr/local/bin/grant", "{account}"]},
              "parameters": {"type": "object", "required": ["account"], "properties": {
                "account": {"type": "string", "enum": ["sandbox", "staging", "prod_readonly"],
                            "description": "Which AWS account: sandbox, staging or production read-only?"}}}}]}
            """, file: "tools.json")
        let engine = GroundedEngine(index: try DialogSuite.engine().index, tools: catalog)
        func account(_ message: String) -> ArgumentValue? { engine.replies(to: [message])[0].tool?.arguments["account"] }
        #expect(account("I need AWS access, could you request read-only prod for me?") == .string("prod_readonly"))
        #expect(account("I need AWS access to prod, the read-only kind") == .string("prod_readonly"))
        #expect(account("I need AWS access for staging, the read-only prod one is no use") == .string("staging"))
        #expect(account("I need AWS access, prod is down and I can only read the logs") == nil)
    }

    /// Two values in the sentence that asks leave the choice open.
    @Test func twoValuesInTheRequestAreAskedAbout() throws {
        let reply = try chat("please reset my email and vpn passwords")[0]
        #expect(reply.kind == .clarify)
        #expect(reply.tool == ToolCall(tool: "reset_password", arguments: [:]))
    }

    /// A name the description gives as an example is still a name when someone asks for it.
    @Test func aNameFromTheDescriptionIsTakenToo() throws {
        let reply = try chat("could you install Notepad++ on my PC?")[0]
        #expect(reply.tool == ToolCall(tool: "install_software", arguments: ["program": .string("Notepad++")]), "\(reply.text)")
    }

    @Test func aYesOrAVagueWordIsNotAName() throws {
        let replies = try chat("I need a program installed", "yep go ahead", "install whichever one opens zip files")
        #expect(replies[1].kind == .clarify, "\(replies[1].text)")
        #expect(replies[1].tool?.arguments == [:])
        #expect(replies[2].tool?.arguments["program"] == nil, "\(replies[2].text)")
    }

    @Test(arguments: ["yep go ahead", "yup", "yes please, absolutely"])
    func aYesToTheRequestConfirmsItAsItIs(yes: String) throws {
        let replies = try chat("please install 7-Zip", yes)
        #expect(replies[1].toolConfirmed, "\(replies[1].text)")
        #expect(replies[1].tool == ToolCall(tool: "install_software", arguments: ["program": .string("7-Zip")]))
    }

    @Test func aRequestForItTakesTheValueTheConversationNamed() throws {
        let replies = try chat("why does the GlobalProtect client keep rejecting my password?", "ok, can you reset it for me")
        #expect(replies[1].tool == ToolCall(tool: "reset_password", arguments: ["account": .string("vpn")]), "\(replies[1].text)")
        // Without a word pointing back, the request is asked about afresh.
        let fresh = try chat("why does the GlobalProtect client keep rejecting my password?", "reset my password please")
        #expect(fresh[1].kind == .clarify, "\(fresh[1].text)")
    }

    @Test func askingForAPersonWhileAskedForAnArgumentHandsOver() throws {
        let replies = try chat("I need a program installed", "actually, I'd rather talk to a Human")
        #expect(replies[1].kind == .escalate, "\(replies[1].text)")
    }

    @Test func aNewValueBeforeConfirmingChangesTheRequest() throws {
        let replies = try chat("please install Firefox", "wait, make that Thunderbird instead", "yes")
        #expect(replies[1].kind == .tool)
        #expect(replies[1].tool == ToolCall(tool: "install_software", arguments: ["program": .string("Thunderbird")]))
        #expect(replies[2].toolConfirmed)
        #expect(replies[2].tool?.arguments["program"] == .string("Thunderbird"))
    }

    @Test func aQuestionAboutTheTopicIsNotARequest() throws {
        let reply = try chat("how often must I change my password?")[0]
        #expect(reply.tool == nil)
        #expect(reply.kind == .answer)
    }
}
