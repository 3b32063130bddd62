import Foundation
import HelpdeskCore
import Logging
import Synchronization

private let log = Logger(label: "helpdesk.reload")

/// What the service works with that an admin edits on disk — the tool whitelist and the
/// engine built from it and the articles — kept as the files say now, so a running daemon
/// or chat picks up a changed `tools.json` or article without a restart.
///
/// The files' fingerprints (sizes and modification times) are looked at at most every two
/// seconds, when the value is used. A broken edit keeps the last good version in use and is logged
/// once, with the loader's own message (file and line), until the files change again.
public final class Reloading<Value: Sendable>: Sendable {
    /// Each watched file's fingerprint, by path.
    public typealias Version = [String: FileFingerprint]

    private struct State {
        var value: Value
        var version: Version
        var checked: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let version: @Sendable () -> Version
    private let load: @Sendable () throws -> Value
    private let interval: Duration

    /// Loads the value now; a failure here is the caller's to report (at startup).
    /// - Parameters:
    ///   - version: the fingerprints of the files the value is loaded from; when they
    ///     change, it is loaded again.
    public init(
        watching version: @escaping @Sendable () -> Version, every interval: Duration = .seconds(2),
        load: @escaping @Sendable () throws -> Value
    ) throws {
        self.version = version
        self.load = load
        self.interval = interval
        state = Mutex(State(value: try load(), version: version(), checked: .now))
    }

    /// A value that never changes.
    public init(fixed value: Value) {
        version = { [:] }
        load = { value }
        interval = .seconds(Int64.max / 2)
        state = Mutex(State(value: value, version: [:], checked: .now))
    }

    /// The value as the files say now.
    public var value: Value {
        let changed = state.withLock { state -> Version? in
            guard state.checked.duration(to: .now) >= interval else { return nil }
            state.checked = .now
            let now = version()
            return now == state.version ? nil : now
        }
        guard let changed else { return state.withLock { $0.value } }
        do {
            let value = try load()
            return state.withLock { state in
                state.value = value
                state.version = changed
                log.notice("reloaded after a change on disk")
                return value
            }
        } catch {
            log.error("a change on disk could not be loaded; still using the last good version", metadata: ["error": "\(error)"])
            // Not retried until the files change again.
            return state.withLock { state in
                state.version = changed
                return state.value
            }
        }
    }
}
