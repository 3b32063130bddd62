import Foundation
import HelpdeskCore

extension HelpdeskService {
    /// Changes as they happen — requests, decisions, tickets — including those made by other
    /// processes on the same database. Agents see everything; employees what concerns them.
    ///
    /// The database is the channel: every change adds an event row in its transaction, and
    /// this polls for new rows, which costs one indexed query per interval.
    public func events(pollEvery interval: Duration = .milliseconds(250)) -> AsyncStream<HelpdeskEvent> {
        let database = self.database
        let user = identity.user
        let everything = role == .agent
        return AsyncStream { continuation in
            let task = Task {
                var last = (try? database.lastEventID()) ?? 0
                while !Task.isCancelled {
                    for event in (try? database.events(after: last)) ?? [] {
                        last = event.id
                        if everything || event.user == user { continuation.yield(event) }
                    }
                    try? await Task.sleep(for: interval)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
