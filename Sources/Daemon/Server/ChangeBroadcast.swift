import Foundation
import HelpdeskCore
import Service
import Synchronization

/// One reader of the database's changes for every subscribed connection: 500 clients
/// cost one indexed query per interval, not 500.
final class ChangeBroadcast: Sendable {
    struct Subscriber: Sendable {
        let concerns: @Sendable (HelpdeskEvent) -> Bool
        let deliver: @Sendable (HelpdeskEvent) -> Void
    }

    private let subscribers = Mutex<[ObjectIdentifier: Subscriber]>([:])
    private let feed: ChangeFeed
    private let interval: Duration

    init(feed: ChangeFeed, interval: Duration = .milliseconds(100)) {
        self.feed = feed
        self.interval = interval
    }

    func subscribe(_ owner: AnyObject, _ subscriber: Subscriber) {
        subscribers.withLock { $0[ObjectIdentifier(owner)] = subscriber }
    }

    func unsubscribe(_ owner: AnyObject) {
        _ = subscribers.withLock { $0.removeValue(forKey: ObjectIdentifier(owner)) }
    }

    /// Reads and delivers changes until cancelled. A failed read is retried next interval.
    func run(from last: Int) async {
        var last = last
        while !Task.isCancelled {
            if let events = try? feed.changes(after: &last), !events.isEmpty {
                let current = subscribers.withLock { Array($0.values) }
                for event in events {
                    for subscriber in current where subscriber.concerns(event) { subscriber.deliver(event) }
                }
            }
            try? await Task.sleep(for: interval)
        }
    }
}
