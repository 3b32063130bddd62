import Foundation
import Testing

/// `helpdesk ask`, run as a process: what admins script against.
struct AskCommandTests {
    private func lines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func oneMessageGivesOneJSONLineWithEveryKey() throws {
        let run = try HelpdeskProcess.run(["ask", "--json", "vpn", "keeps", "disconnecting"])
        #expect(run.status == 0)
        let turn = try #require(try lines(run.stdout).first)
        #expect(Set(turn.keys) == ["turn", "kind", "text", "sources", "tool", "ticket", "confidence"])
        #expect(turn["turn"] as? Int == 1)
        #expect(turn["kind"] as? String == "answer")
        let source = try #require((turn["sources"] as? [[String: Any]])?.first)
        #expect(source["article"] as? String == "network/vpn-drops")
        #expect(source["section"] is String && source["title"] is String && source["score"] is Double)
        #expect(turn["tool"] is NSNull && turn["ticket"] is NSNull)
        #expect((turn["confidence"] as? Double ?? 0) >= 0.5)
    }

    @Test func standardInputIsOneConversation() throws {
        let run = try HelpdeskProcess.run(
            ["ask", "--json"], input: "reset my password\nemail; rm -rf /\nvpn\nhow do I get a parking badge\nyes\n")
        let turns = try lines(run.stdout)
        #expect(turns.map { $0["kind"] as? String } == ["clarify", "clarify", "tool", "not_found", "escalate"])
        #expect(turns.map { $0["turn"] as? Int } == [1, 2, 3, 4, 5])
        let tool = try #require(turns[2]["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "reset_password")
        #expect(tool["arguments"] as? [String: String] == ["account": "vpn"])
        let ticket = try #require(turns[4]["ticket"] as? [String: Any])
        #expect(["P1", "P2", "P3", "P4"].contains(ticket["priority"] as? String ?? ""))
        #expect((ticket["summary"] as? String)?.contains("parking badge") == true)
    }

    @Test func explainSaysWhyAQuestionWasRefused() throws {
        let run = try HelpdeskProcess.run(["ask", "--explain", "how do I get a parking badge"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("[not_found"))
        #expect(run.stdout.contains("why: a question for the knowledge base: the answer gate decides"))
        #expect(run.stdout.contains("(refuses; accepts at 0.50)"))
        for feature in ["covered", "missed", "heading", "margin", "unknown"] { #expect(run.stdout.contains(feature)) }
        #expect(run.stdout.contains("tool reset_password:"))

        let json = try HelpdeskProcess.run(["ask", "--json", "--explain", "I forgot my password"])
        let turn = try #require(try lines(json.stdout).first)
        let explanation = try #require(turn["explanation"] as? [String: Any])
        #expect((explanation["decision"] as? String)?.hasPrefix("a request for reset_password") == true)
        let best = try #require((explanation["tools"] as? [[String: Any]])?.first)
        #expect(best["tool"] as? String == "reset_password")
        #expect((best["probability"] as? Double ?? 0) >= 0.5)
    }

    /// With the sentence model installed, a question that shares too few words with the
    /// article that answers it is answered, and `--explain` shows how close in meaning it was.
    @Test func theSentenceModelAnswersWhatSharedWordsMiss() throws {
        let question = ["ask", "--explain", "my screen is black after plugging the dock in"]
        #expect(try HelpdeskProcess.run(question).stdout.hasPrefix("[not_found"))

        // The user's installed model; the passages' vectors kept beside the build between runs.
        let cache = HelpdeskProcess.repository.appendingPathComponent(".build/test-cache").path
        let data = ProcessInfo.processInfo.environment["XDG_DATA_HOME"] ?? NSHomeDirectory() + "/.local/share"
        let withModel = try HelpdeskProcess.run(question, environment: ["XDG_DATA_HOME": data, "XDG_CACHE_HOME": cache])
        #expect(withModel.status == 0, "\(withModel.stderr)")
        #expect(withModel.stdout.hasPrefix("[answer"), "is the model installed? scripts/install-model")
        #expect(withModel.stdout.contains("Monitor and docking station problems"))
        #expect(withModel.stdout.contains("meaningInArticle"))
    }

    @Test func aBrokenToolsFileIsReportedWithLineAndColumn() throws {
        let tools = FileManager.default.temporaryDirectory.appendingPathComponent("tools-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: tools) }
        try "{\"tools\": [\n  {\"name\": \"x\", \"approval\": \"sometimes\"}\n]}".write(
            to: tools, atomically: true, encoding: .utf8)
        let run = try HelpdeskProcess.run(["ask", "--tools", tools.path, "hello"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(tools.path):2:29:tools[0].approval: expected \"agent\" or \"none\", found \"sometimes\""))
        #expect(run.stdout.isEmpty)
    }

    /// The chat and the service hold a message to 16 KB; `ask` says so rather than spend
    /// seconds on a megabyte line, after answering the turns before it.
    @Test func aMessageOverTheLimitIsRefusedWithTheLimit() throws {
        let long = String(repeating: "printer jam ", count: 2_000)
        let run = try HelpdeskProcess.run(["ask", "--json"], input: "vpn keeps disconnecting\n\(long)\nreset my password\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("the message is 23 KB; one message holds at most 16 KB"), "\(run.stderr)")
        #expect(try lines(run.stdout).map { $0["turn"] as? Int } == [1])
    }

    @Test func plainOutputSanitisesWhatItEchoes() throws {
        let run = try HelpdeskProcess.run(["ask"], input: "reset my password\n\u{1B}]0;pwned\u{07}\u{1B}[2Jemail\n")
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(run.stdout.contains("[clarify"))
    }
}
