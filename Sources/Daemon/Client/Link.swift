import Foundation
import HelpdeskCore
import NIOCore
import NIOPosix
import Synchronization

/// One connection to the daemon: requests matched to their answers by id, and pushed
/// notifications handed to whoever waits for them. When it closes, everything waiting
/// on it fails with `unavailable`, so no caller hangs on a daemon that went away.
final class Link: Sendable {
    private let channel: any Channel
    private let state: State
    let hello: Results.Hello

    private final class State: Sendable {
        let pending = Mutex<[RPCID: CheckedContinuation<Data, any Error>]>([:])
        let listeners = Mutex<[String: @Sendable (Data?) -> Void]>([:])
        let closed = Mutex<HelpdeskError?>(nil)
        let nextID = Atomic(0)
    }

    /// Connects to `path` and says hello.
    static func open(_ path: String) async throws -> Link {
        let state = State()
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            ByteToMessageHandler(LineFrameDecoder(limit: Wire.maxAnswerBytes)), LinkHandler(state: state),
                        ])
                    }
                }
                .connect(unixDomainSocketPath: path).get()
        } catch {
            throw HelpdeskError(
                .unavailable, "cannot reach the helpdesk daemon at \(path) (\(error)); is `helpdesk serve` running?")
        }
        let data = try await Self.request(
            Request(id: .number(0), method: Method.hello.rawValue, params: Params.Hello(version: Wire.version)),
            on: channel, state: state)
        let hello: Results.Hello = try Self.result(from: data)
        return Link(channel: channel, state: state, hello: hello)
    }

    private init(channel: any Channel, state: State, hello: Results.Hello) {
        self.channel = channel
        self.state = state
        self.hello = hello
    }

    var isOpen: Bool { channel.isActive && state.closed.withLock { $0 == nil } }

    func close() { channel.close(promise: nil) }

    /// Calls `method` and decodes its result; a refusal throws the daemon's `HelpdeskError`.
    func call<P: Codable & Sendable, R: Codable & Sendable>(_ method: Method, _ params: P) async throws -> R {
        try Self.result(from: try await call(method, params, id: nextID()))
    }

    /// Calls `method` with `id`, returning the raw answer once it arrives.
    func call<P: Codable & Sendable>(_ method: Method, _ params: P, id: RPCID) async throws -> Data {
        try await Self.request(Request(id: id, method: method.rawValue, params: params), on: channel, state: state)
    }

    func nextID() -> RPCID { .number(state.nextID.wrappingAdd(1, ordering: .relaxed).newValue) }

    /// Hands every notification for `key` to `body`: a `change`, or a reply's pieces
    /// (`replyKey`); nil when the connection closes.
    func listen(for key: String, _ body: @escaping @Sendable (Data?) -> Void) {
        state.listeners.withLock { $0[key] = body }
    }

    /// The listener key of the reply to call `id`.
    static func replyKey(_ id: RPCID) -> String { "\(Pushed.reply)/\(id)" }

    func stopListening(for key: String) {
        _ = state.listeners.withLock { $0.removeValue(forKey: key) }
    }

    static func result<R: Codable & Sendable>(from data: Data) throws -> R {
        let response = try Wire.decoder.decode(Response<R>.self, from: data)
        if let error = response.error { throw error.helpdeskError }
        guard let result = response.result else { throw HelpdeskError(.unavailable, "the daemon's answer had no result") }
        return result
    }

    private static func request<P: Codable & Sendable>(
        _ request: Request<P>, on channel: any Channel, state: State
    ) async throws -> Data {
        let buffer = try Wire.line(request, allocator: channel.allocator)
        return try await withCheckedThrowingContinuation { continuation in
            if let closed = state.closed.withLock({ $0 }) { return continuation.resume(throwing: closed) }
            state.pending.withLock { $0[request.id] = continuation }
            channel.writeAndFlush(buffer).whenFailure { error in
                if let waiting = state.pending.withLock({ $0.removeValue(forKey: request.id) }) {
                    waiting.resume(throwing: HelpdeskError(.unavailable, "the helpdesk daemon went away (\(error))"))
                }
            }
        }
    }

    /// Routes each line: answers to their callers, notifications to their listeners.
    private final class LinkHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer

        let state: State

        init(state: State) { self.state = state }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let line = Data(unwrapInboundIn(data).readableBytesView)
            guard let envelope = try? Wire.decoder.decode(Envelope.self, from: line) else { return }
            if let method = envelope.method {
                let key = Self.listenerKey(method: method, line: line)
                state.listeners.withLock { $0[key] }?(line)
            } else if let id = envelope.id, let waiting = state.pending.withLock({ $0.removeValue(forKey: id) }) {
                waiting.resume(returning: line)
            }
        }

        /// A reply's pieces go to the call they belong to; changes to the subscriber.
        private static func listenerKey(method: String, line: Data) -> String {
            guard method == Pushed.reply,
                let push = try? Wire.decoder.decode(Notification<Pushes.Reply>.self, from: line)
            else { return method }
            return replyKey(push.params.call)
        }

        func channelInactive(context: ChannelHandlerContext) {
            let gone = HelpdeskError(.unavailable, "the helpdesk daemon closed the connection")
            state.closed.withLock { $0 = gone }
            let waiting = state.pending.withLock { pending in
                defer { pending.removeAll() }
                return Array(pending.values)
            }
            for caller in waiting { caller.resume(throwing: gone) }
            for listener in state.listeners.withLock({ Array($0.values) }) { listener(nil) }
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
