import Foundation
import Testing

/// `helpdesk report`, run as a process on a private database.
struct ReportCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-report-\(UUID().uuidString)")
    var database: String { folder.appendingPathComponent("db.sqlite").path }

    private func helpdesk(_ arguments: String..., environment: [String: String] = [:]) throws -> HelpdeskProcess.Output {
        try HelpdeskProcess.run(arguments + ["--database", database], environment: environment)
    }

    /// A ticket, and four questions the knowledge base could not answer, three about parking.
    private func seed() throws {
        #expect(
            try helpdesk("tickets", "new", "--title", "VPN drops", "--summary", "hourly", "--category", "network").status == 0)
        let now = Date().timeIntervalSince1970
        let questions = [
            "how do I book a parking spot", "where can I reserve parking for tomorrow", "is there a car park booking system",
            "can I bring my dog to the office",
        ]
        var sql = "INSERT INTO conversation (user, state, started, updated) VALUES ('ann', '{}', \(now), \(now));"
        for question in questions {
            sql += "INSERT INTO knowledgeGap (conversation, user, question, at) VALUES (1, 'ann', '\(question)', \(now));"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func agentsGetJSONCSVAndChartsAndEmployeesAreRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try seed()
        let json = try helpdesk("report", "--json", "--since", "7d", "--demo-agent")
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let tickets = try #require(report["tickets"] as? [String: [String: Any]])
        #expect(tickets["opened"]?["total"] as? Int == 1)
        #expect(tickets["opened"]?["byCategory"] as? [String: Int] == ["network": 1])
        let gaps = try #require(report["knowledgeGaps"] as? [String: Any])
        let topics = try #require(gaps["topics"] as? [[String: Any]])
        #expect(topics.map { $0["count"] as? Int } == [3, 1])

        let csv = try helpdesk("report", "--csv", "--demo-agent")
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("metric,dimension,value\n"))
        #expect(csv.stdout.contains("tickets.opened,category:network,1\n"))

        let charts = try helpdesk("report", "--demo-agent", environment: ["NO_COLOR": "1"])
        #expect(charts.status == 0)
        #expect(charts.stdout.contains("Tickets"))
        #expect(charts.stdout.contains("  network          ████████████████████████████████████████████████ 1"))
        #expect(!charts.stdout.contains("\u{1B}"))
        #expect(charts.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "fits 80 columns")

        let refused = try helpdesk("report", "--json")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("only agents can read the report"))
    }

    @Test func gapsDraftWritesAStubPerTopic() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try seed()
        let drafts = folder.appendingPathComponent("drafts")
        let written = try helpdesk("report", "gaps", "--draft", drafts.path, "--demo-agent")
        #expect(written.status == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: drafts.path).sorted()
        #expect(files.count == 2)
        let parking = try #require(files.first { $0.hasPrefix("parking") })
        let stub = try String(contentsOf: drafts.appendingPathComponent(parking), encoding: .utf8)
        #expect(stub.hasPrefix("---\ntitle: Parking"))
        #expect(stub.contains("- is there a car park booking system\n"))
        #expect(stub.contains("- how do I book a parking spot\n"))
        let again = try helpdesk("report", "gaps", "--draft", drafts.path, "--demo-agent")
        #expect(again.stdout.contains("kept "), "a stub a writer may have started on is left alone")
    }
}
