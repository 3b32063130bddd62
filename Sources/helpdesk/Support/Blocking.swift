import Foundation
import Synchronization

/// Async work awaited from a synchronous command. The full-screen programs keep the main
/// thread for their event loop (ncurses is single-threaded), so they start from a
/// synchronous `run()` and wait here for the connection they need first.
enum Blocking {
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>>(.failure(CancellationError()))
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let value = try await work()
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0 }.get()
    }
}
