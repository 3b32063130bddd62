import Foundation
import HelpdeskCore
import Store

extension HelpdeskService {
    /// Changes as they happen — requests, decisions, tickets — including those made by other
    /// processes on the same database, each with the changed record. Agents see everything;
    /// employees what concerns them.
    ///
    /// The database is the channel: every change adds an event row in its transaction, and
    /// this polls for new rows, which costs one indexed query per interval.
    public func changes() -> AsyncThrowingStream<HelpdeskEvent, any Error> {
        changes(pollEvery: .milliseconds(250))
    }

    public func changes(pollEvery interval: Duration) -> AsyncThrowingStream<HelpdeskEvent, any Error> {
        let feed = ChangeFeed(database: database)
        let concerns = self.concerns
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var last = try database.lastEventID()
                    while !Task.isCancelled {
                        for event in try feed.changes(after: &last) where concerns(event) { continuation.yield(event) }
                        try await Task.sleep(for: interval)
                    }
                    continuation.finish()
                } catch is CancellationError {
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Whether a change is the asker's business: all of them for an agent.
    public var concerns: @Sendable (HelpdeskEvent) -> Bool {
        let user = identity.user
        let everything = role == .agent
        return { everything || $0.user == user }
    }
}

/// New event rows with the records they changed, read once however many listen: the
/// daemon runs one feed for all its clients.
public struct ChangeFeed: Sendable {
    let database: HelpdeskDatabase

    public init(database: HelpdeskDatabase) { self.database = database }

    /// The changes after event `last`, which moves to the newest one read.
    public func changes(after last: inout Int) throws -> [HelpdeskEvent] {
        try database.events(after: last).map { event in
            last = event.id
            var event = event
            if event.kind.isAboutTicket {
                event.ticket = try database.ticket(event.subject)
            } else {
                event.request = try database.approval(event.subject)
            }
            return event
        }
    }
}
