import CNcursesw
import Foundation
import HelpdeskCore
import Synchronization

/// Messages from background tasks to the UI, and a pipe that wakes the loop for them.
///
/// ncurses is single-threaded: only the loop's thread draws. Background work (streaming
/// replies, live events) posts here; the loop `poll`s the terminal and this pipe.
final class Inbox<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])
    private let callbacks = Mutex<[LoopCallback]>([])
    let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var fds: [Int32] = [0, 0]
        _ = pipe(&fds)
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
        _ = fcntl(writeEnd, F_SETFL, O_NONBLOCK)
    }

    func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Queues `body` to run on the loop's thread.
    func callBack(_ body: LoopCallback) {
        callbacks.withLock { $0.append(body) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func drain() -> (messages: [Message], callbacks: [LoopCallback]) {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        let messages = messages.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
        let callbacks = callbacks.withLock { callbacks in
            defer { callbacks.removeAll() }
            return callbacks
        }
        return (messages, callbacks)
    }
}

/// Code that touches a program's state, carried from a background task to the loop's
/// thread. Unchecked: it is only ever called there, by `EventLoop.run`.
struct LoopCallback: @unchecked Sendable {
    let run: () -> Void
}

extension TerminalProgram {
    /// Runs `work` (a call to the helpdesk, which may be a round trip to the daemon) in the
    /// background, and hands its result to `then` on the loop's thread: drawing never waits.
    func perform<T: Sendable>(
        _ work: @escaping @Sendable () async throws -> T, then: @escaping (Result<T, any Error>) -> Void
    ) {
        let inbox = self.inbox
        let then = LoopCallback.Handler(then)
        Task.detached {
            let result: Result<T, any Error>
            do {
                result = .success(try await work())
            } catch {
                result = .failure(error)
            }
            inbox.callBack(LoopCallback { then.body(result) })
        }
    }
}

extension LoopCallback {
    /// A result handler on its way to the loop's thread; see `LoopCallback`.
    struct Handler<T>: @unchecked Sendable {
        let body: (Result<T, any Error>) -> Void
        init(_ body: @escaping (Result<T, any Error>) -> Void) { self.body = body }
    }
}

/// A full-screen program: it reacts to keys and messages and draws itself.
protocol TerminalProgram: AnyObject {
    associatedtype Message: Sendable
    var inbox: Inbox<Message> { get }
    /// Handles a key; returns false to quit.
    func handle(_ key: Key) -> Bool
    func receive(_ message: Message)
    /// Called about once a second, for clocks and ages; returns whether anything shown changed.
    func tick() -> Bool
    func draw(on screen: Screen)
}

enum EventLoop {
    /// Takes over the terminal for `program`, feeding it the helpdesk's live changes until
    /// it quits; the terminal is restored however it ends. When the changes stop with an
    /// error (the daemon went away), the program hears of it and they are followed again
    /// a second later, for as long as it runs.
    static func runFullScreen<Program: TerminalProgram>(
        _ program: Program, changes: @escaping @Sendable () -> AsyncThrowingStream<HelpdeskEvent, any Error>,
        as message: @escaping @Sendable (HelpdeskEvent) -> Program.Message,
        lost: @escaping @Sendable (any Error) -> Program.Message
    ) {
        let screen = Screen()
        screen.start()
        defer { screen.stop() }
        let inbox = program.inbox
        // Detached: a task started here would otherwise wait for the main thread, which
        // the loop below never gives up.
        let listener = Task.detached {
            while !Task.isCancelled {
                do {
                    for try await event in changes() { inbox.post(message(event)) }
                } catch {
                    if Task.isCancelled { break }
                    inbox.post(lost(error))
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        defer { listener.cancel() }
        run(program, on: screen)
    }

    /// Runs `program` until it quits. Keys are read without blocking whenever standard
    /// input is readable; a resize interrupts `poll` (SIGWINCH) and arrives as a key.
    static func run<Program: TerminalProgram>(_ program: Program, on screen: Screen) {
        nodelay(cn_stdscr(), true)
        screen.clear()
        program.draw(on: screen)
        screen.refreshScreen()
        var lastTick = Date()
        while true {
            var fds = [
                pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: program.inbox.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&fds, 2, 250)
            // The terminal went away (an ssh session dropped, a tmux server died): quit
            // rather than spin on a descriptor that will never deliver another key.
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return }
            // Idle at idle: draw only when a key, a message, a tick or a size change asks for
            // it — laying out a long transcript four times a second costs a core over ssh.
            var changed = false
            var code: UInt32 = 0
            while true {
                let result = cn_get_wch(&code)
                if result == ERR { break }
                changed = true
                let key = Key.decode(code, isKey: result == KEY_CODE_YES)
                if key == .resize { screen.updateSize() }
                if !program.handle(key) { return }
            }
            let (messages, callbacks) = program.inbox.drain()
            for message in messages {
                changed = true
                program.receive(message)
            }
            for callback in callbacks {
                changed = true
                callback.run()
            }
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                changed = program.tick() || changed
            }
            changed = screen.syncSize() || changed
            guard changed else { continue }
            screen.clear()
            program.draw(on: screen)
            screen.refreshScreen()
        }
    }
}
