import Foundation
import HelpdeskCore
import Logging
import Synchronization

private let log = Logger(label: "helpdesk.reload")

/// What the service works with that an admin edits on disk — the tool whitelist and the
/// engine built from it and the articles — kept as the files say now, so a running daemon
/// or chat picks up a changed `tools.json` or article without a restart.
///
/// The files are looked at (sizes and modification times only) at most every two seconds,
/// when the value is used. A broken edit keeps the last good version in use and is logged
/// once, with the loader's own message (file and line), until the files change again.
public final class Reloading<Value: Sendable>: Sendable {
    private struct State {
        var value: Value
        var stamp: [String]
        var checked: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let files: @Sendable () -> [String]
    private let load: @Sendable () throws -> Value
    private let interval: Duration

    /// Loads the value now; a failure here is the caller's to report (at startup).
    /// - Parameters:
    ///   - files: the files and folders whose change means reloading.
    public init(
        watching files: @escaping @Sendable () -> [String], every interval: Duration = .seconds(2),
        load: @escaping @Sendable () throws -> Value
    ) throws {
        self.files = files
        self.load = load
        self.interval = interval
        state = Mutex(State(value: try load(), stamp: Self.stamp(of: files()), checked: .now))
    }

    /// A value that never changes.
    public init(fixed value: Value) {
        files = { [] }
        load = { value }
        interval = .seconds(Int64.max / 2)
        state = Mutex(State(value: value, stamp: [], checked: .now))
    }

    /// The value as the files say now.
    public var value: Value {
        let due = state.withLock { state -> [String]? in
            guard state.checked.duration(to: .now) >= interval else { return nil }
            state.checked = .now
            let stamp = Self.stamp(of: files())
            return stamp == state.stamp ? nil : stamp
        }
        guard let stamp = due else { return state.withLock { $0.value } }
        do {
            let value = try load()
            return state.withLock { state in
                state.value = value
                state.stamp = stamp
                log.notice("reloaded after a change on disk")
                return value
            }
        } catch {
            log.error("a change on disk could not be loaded; still using the last good version", metadata: ["error": "\(error)"])
            // Not retried until the files change again.
            return state.withLock { state in
                state.stamp = stamp
                return state.value
            }
        }
    }

    /// Each file's path, size and modification time; a folder's Markdown and text files.
    private static func stamp(of paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return ["\(path) missing"] }
            guard isFolder.boolValue else { return [describe(path)] }
            let inside = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            return inside.filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted().map { describe(path + "/" + $0) }
        }
    }

    private static func describe(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) unreadable" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
