import Foundation
import HelpdeskCore
import Store

/// `helpdesk-bench write-tickets DATABASE COUNT`: creates COUNT tickets one by one and
/// prints "created N" as each is acknowledged. The benchmark runs several at once to
/// measure throughput; the tests kill them mid-run to check nothing acknowledged is lost.
enum TicketWriter {
    static func run(database path: String, count: Int) -> Never {
        let database: HelpdeskDatabase
        do {
            database = try HelpdeskDatabase(path: path)
        } catch {
            fail(error.description)
        }
        let writer = "writer-\(getpid())"
        for number in 1...count {
            do {
                let ticket = try database.createTicket(
                    .init(title: "Load test \(number)", category: "general", priority: .p3, summary: "Created by \(writer)"),
                    requester: writer)
                // Straight to the file descriptor: the line must be out before the next ticket.
                FileHandle.standardOutput.write(Data("created \(ticket.id)\n".utf8))
            } catch {
                fail("ticket \(number): \(error)")
            }
        }
        exit(0)
    }

    /// Tickets per second with `writers` processes creating `perWriter` tickets each.
    static func measure(writers: Int, perWriter: Int) -> Double? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-db-\(getpid())-\(writers)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("helpdesk.sqlite").path
        guard (try? HelpdeskDatabase(path: path)) != nil else { return nil }
        let start = ContinuousClock.now
        let processes = (0..<writers).compactMap { _ in
            Subprocess.spawn(CommandLine.arguments[0], ["write-tickets", path, String(perWriter)])
        }
        guard processes.count == writers, processes.allSatisfy({ Subprocess.wait($0) == 0 }) else { return nil }
        return Double(writers * perWriter) / (ContinuousClock.now - start).seconds
    }
}
