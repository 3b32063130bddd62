import Foundation
import Synchronization

/// A one-line progress bar on standard error, drawn only when it is a terminal and the
/// work has already taken longer than a moment — so quick start-ups and pipes stay quiet.
final class ProgressBar: Sendable {
    private let label: String
    private let started = ContinuousClock.now
    private let enabled = isatty(STDERR_FILENO) == 1
    /// When the bar was last drawn; nil while it is not on screen.
    private let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let now = ContinuousClock.now
        guard now - started >= .milliseconds(300) else { return }
        lastDrawn.withLock { lastDrawn in
            if let last = lastDrawn, now - last < .milliseconds(50), done < total { return }
            lastDrawn = now
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            Console.error("\r\(label) \(bar) \(done)/\(total) (\(100 * done / total)%)", terminator: "")
        }
    }

    /// Erases the bar, if it was drawn.
    func finish() {
        lastDrawn.withLock { lastDrawn in
            guard lastDrawn != nil else { return }
            lastDrawn = nil
            Console.error("\r\u{1B}[K", terminator: "")
        }
    }
}
