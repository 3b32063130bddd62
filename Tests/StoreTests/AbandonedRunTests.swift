import Foundation
import GRDB
import HelpdeskCore
import Store
import Testing

/// A claimed request records the process running it, so a request left `running` by a
/// process that died can be found and failed exactly once.
struct AbandonedRunTests {
    private let runner = HelpdeskDatabase.RunnerProcess(pid: 4242, started: 123_456, boot: "boot-a")

    private func claimedRequest(_ db: HelpdeskDatabase) throws -> Int {
        let request = try db.requestTool(
            ToolCall(tool: "sleeper", arguments: [:]), requester: "ann", needsApproval: false, expiresIn: 3600)
        _ = try db.claim(request.id, by: "ann", in: runner)
        return request.id
    }

    @Test func theRecordedRunnerIsWhatTheLivenessCheckSees() throws {
        let store = try TemporaryDatabase()
        let id = try claimedRequest(store.database)
        var asked: [HelpdeskDatabase.RunnerProcess] = []
        let count = try store.database.failAbandoned { runner in
            asked.append(runner)
            return true
        }
        #expect(count == 0)
        #expect(asked == [runner])
        #expect(try store.database.approval(id)?.state == .running)
    }

    @Test func aRequestWhoseRunnerIsGoneFailsOnceWithAnAuditedOutcome() throws {
        let store = try TemporaryDatabase()
        let id = try claimedRequest(store.database)
        let eventsBefore = try store.database.lastEventID()
        #expect(try store.database.failAbandoned(isRunning: { _ in false }) == 1)
        #expect(try store.database.failAbandoned(isRunning: { _ in false }) == 0)
        let request = try #require(try store.database.approval(id))
        #expect(request.state == .failed && request.outcome == HelpdeskDatabase.abandonedOutcome)
        #expect(try store.database.auditEntries().map(\.action).suffix(2) == ["approval.running", "approval.failed"])
        #expect(try store.database.events(after: eventsBefore).map(\.kind) == [.approvalFinished])
        #expect(try store.database.verifyAudit() == .intact(entries: 3))
    }

    @Test func aRequestClaimedBeforeRunnersWereRecordedCountsAsAbandoned() throws {
        let store = try TemporaryDatabase()
        let id = try claimedRequest(store.database)
        // What a row claimed by an older helpdesk looks like after the migration.
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE approval SET runnerPid = NULL, runnerStarted = NULL, runnerBoot = NULL")
        }
        #expect(try store.database.failAbandoned(isRunning: { _ in true }) == 1)
        #expect(try store.database.approval(id)?.state == .failed)
    }
}
