import Foundation
import HelpdeskCore
import Service
import Testing

/// An argv tool gets each argument as exactly one argv element, never through a shell.
struct ArgvToolTests {
    /// A tool that prints its argv as JSON, so the test sees exactly what it received.
    static let echoTool = #"""
        {"tools": [{"name": "echo_args", "title": "Echo", "description": "Prints its arguments.",
          "parameters": {"type": "object", "properties": {"note": {"type": "string", "maxLength": 200}}, "required": ["note"]},
          "approval": "none",
          "run": {"argv": ["/usr/bin/python3", "-c", "import json, sys; print(json.dumps(sys.argv[1:]))", "{note}", "--by={requester}"],
                  "timeout_seconds": 5}}]}
        """#

    @Test(arguments: ["email; rm -rf /", "$(id)", "`whoami`", "a \"quoted\" 'value'", "&& reboot | cat > /tmp/x"])
    func hostileTextArrivesAsOneArgument(note: String) throws {
        let setup = try ServiceSetup(tools: Self.echoTool)
        let ann = try setup.service("ann")
        let request = try ann.requestTool("echo_args", arguments: ["note": note])
        let result = try ann.run(request.id)
        #expect(result.succeeded)
        let received = try JSONDecoder().decode([String].self, from: Data(result.message.utf8))
        #expect(received == [note, "--by=ann"])
    }

    @Test func aNewlineIsRefusedBeforeAnythingRuns() throws {
        let setup = try ServiceSetup(tools: Self.echoTool)
        let error = #expect(throws: HelpdeskError.self) {
            try setup.service("ann").requestTool("echo_args", arguments: ["note": "a\nb"])
        }
        #expect(error?.code == .invalid)
        #expect(try setup.database.approvals().isEmpty)
    }

    @Test func aToolThatHangsIsStoppedAtItsTimeout() throws {
        let setup = try ServiceSetup(
            tools: #"""
                {"tools": [{"name": "hang", "title": "Hang", "description": "Sleeps.", "approval": "none",
                  "run": {"argv": ["/bin/sleep", "30"], "timeout_seconds": 1}}]}
                """#)
        let ann = try setup.service("ann")
        let started = Date()
        let result = try ann.run(try ann.requestTool("hang", arguments: [:]).id)
        #expect(!result.succeeded)
        #expect(result.record == "timed out after 1 s")
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
