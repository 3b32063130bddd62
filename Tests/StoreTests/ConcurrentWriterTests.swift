import Foundation
import Store
import Testing

/// Many processes on one database file, as on a shared host.
@Suite(.serialized)
struct ConcurrentWriterTests {
    @Test func eightProcessesCreatingTwoHundredTicketsEachLoseNothing() throws {
        let store = try TemporaryDatabase()
        let writers = try (0..<8).map { _ in try TicketWriterProcess.start(database: store.path, count: 200) }
        let acknowledged = writers.flatMap { process, output in
            let ids = TicketWriterProcess.acknowledged(output)
            process.waitUntilExit()
            return ids
        }
        #expect(writers.allSatisfy { $0.0.terminationStatus == 0 })
        #expect(acknowledged.count == 1600)
        #expect(Set(acknowledged).count == 1600)
        #expect(try store.database.tickets().count == 1600)
        #expect(try store.database.integrityCheck() == "ok")
        #expect(try store.database.verifyAudit() == .intact(entries: 1600))
    }

    @Test func aWriterKilledAtRandomLosesNoAcknowledgedTicket() throws {
        let store = try TemporaryDatabase()
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [Int] = []
        for _ in 0..<50 {
            let (process, output) = try TicketWriterProcess.start(database: store.path, count: 1000)
            // Once it is writing (however long start-up took on a loaded machine), kill it
            // at a random moment in the middle of its work.
            let first = output.fileHandleForReading.availableData
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            acknowledged += TicketWriterProcess.acknowledged(first + output.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
        }
        let stored = Set(try store.database.tickets().map(\.id))
        #expect(acknowledged.count > 50, "the writers were killed before creating anything; the test proves nothing")
        #expect(acknowledged.filter { !stored.contains($0) } == [])
        #expect(try store.database.integrityCheck() == "ok")
        #expect(try store.database.verifyAudit() == .intact(entries: stored.count))
    }
}

/// Processes that all start on a database nobody has created yet: the first open creates
/// the file, switches it to WAL and migrates, and the others must wait for it, not fail.
@Suite(.serialized)
struct FirstOpenTests {
    @Test func eightProcessesOpeningANewDatabaseTogetherAllSucceed() throws {
        for round in 0..<10 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-first-open-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("helpdesk.sqlite").path
            let writers = try (0..<8).map { _ in try TicketWriterProcess.start(database: path, count: 5) }
            let acknowledged = writers.flatMap { process, output in
                let ids = TicketWriterProcess.acknowledged(output)
                process.waitUntilExit()
                return ids
            }
            #expect(writers.allSatisfy { $0.0.terminationStatus == 0 }, "round \(round): a process failed to open")
            #expect(Set(acknowledged).count == 40, "round \(round)")
            let database = try HelpdeskDatabase(path: path)
            #expect(try database.tickets().count == 40, "round \(round)")
        }
    }
}
