import Engine
import Foundation
import HelpdeskCore
import Logging
import NIOCore
import NIOPosix
import Service
import Store
import Synchronization

private let log = Logger(label: "helpdesk.daemon")

/// `helpdesk serve`: the one process that opens the database and runs the tools. Clients
/// connect to its Unix socket; who each one is comes from the kernel (SO_PEERCRED), and
/// what they may do from the daemon's own configuration.
public final class Daemon: Sendable {
    public struct Setup: Sendable {
        public let database: HelpdeskDatabase
        public let configuration: Configuration
        /// The whitelist and the engine, re-read when an admin edits their files.
        public let loaded: Reloading<HelpdeskService.Loaded>
        public let levels: ServiceLevels

        public init(
            database: HelpdeskDatabase, configuration: Configuration, loaded: Reloading<HelpdeskService.Loaded>,
            levels: ServiceLevels
        ) {
            self.database = database
            self.configuration = configuration
            self.loaded = loaded
            self.levels = levels
        }
    }

    public let socket: String
    private let server: any Channel
    private let changes: Task<Void, Never>

    /// Listens on `socket` (mode 0666: every local user may connect; what they may do is
    /// decided per call). Refuses to take over a socket another daemon is serving.
    public static func start(socket: String, setup: Setup) async throws -> Daemon {
        try await start(socket: socket, setup: setup) { try $0.identity() }
    }

    /// As `start(socket:setup:)`, with who each peer is decided by `identify`: for the
    /// conformance tests, which play several users from one process. Never in a daemon.
    @_spi(Testing)
    public static func start(
        socket: String, setup: Setup, identify: @escaping @Sendable (PeerCredentials) throws -> Identity
    ) async throws -> Daemon {
        if FileManager.default.fileExists(atPath: socket) {
            if (try? await SocketClient.probe(socket)) == true {
                throw HelpdeskError(.unavailable, "another helpdesk daemon is already listening on \(socket)")
            }
            try FileManager.default.removeItem(atPath: socket)
        }
        // Enough threads that tools taking their time (each up to its time limit) leave
        // room for everyone else's calls.
        let threads = NIOThreadPool(numberOfThreads: 64)
        threads.start()
        let broadcast = ChangeBroadcast(feed: ChangeFeed(database: setup.database))
        let last = try setup.database.lastEventID()
        let connections = Connections()
        // Everyone is who the kernel says: no demo agent, whatever the configuration allows.
        let configuration = {
            var configuration = setup.configuration
            configuration.demoAgent = false
            return configuration
        }()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 4096)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 256 << 10, high: 1 << 20))
            .childChannelInitializer { channel in
                PeerCredentials.of(channel).flatMapThrowing { credentials in
                    let identity = try identify(credentials)
                    let service = try HelpdeskService(
                        database: setup.database, configuration: configuration, identity: identity,
                        loaded: setup.loaded, levels: setup.levels)
                    let session = Session(channel: channel, service: service, changes: broadcast, threads: threads)
                    connections.add(channel)
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(LineFrameDecoder(limit: Wire.maxFrameBytes)), SessionHandler(session: session),
                    ])
                }.flatMapErrorThrowing { error in
                    log.warning("connection refused", metadata: ["error": "\(error)"])
                    throw error
                }
            }
            .bind(unixDomainSocketPath: socket).get()
        chmod(socket, 0o666)
        log.info("listening", metadata: ["socket": "\(socket)"])
        return Daemon(
            socket: socket, server: server, connections: connections, threads: threads,
            changes: Task.detached { await broadcast.run(from: last) })
    }

    private let connections: Connections
    private let threads: NIOThreadPool

    private init(
        socket: String, server: any Channel, connections: Connections, threads: NIOThreadPool, changes: Task<Void, Never>
    ) {
        self.socket = socket
        self.server = server
        self.connections = connections
        self.threads = threads
        self.changes = changes
    }

    /// Stops listening, closes every connection and removes the socket. Database writes
    /// are transactions, so none is left half done.
    public func stop() async {
        changes.cancel()
        try? await server.close()
        await connections.closeAll()
        try? await threads.shutdownGracefully()
        try? FileManager.default.removeItem(atPath: socket)
        log.info("stopped", metadata: ["socket": "\(socket)"])
    }

    /// Until the server channel closes.
    public func wait() async {
        try? await server.closeFuture.get()
    }
}

/// The open client connections, so stopping closes them all.
private final class Connections: Sendable {
    private let open = Mutex<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        open.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { _ in _ = self.open.withLock { $0.removeValue(forKey: key) } }
    }

    func closeAll() async {
        for channel in open.withLock({ Array($0.values) }) { try? await channel.close() }
    }
}

/// Hands each line to the session; answers an oversized or undecodable frame with an
/// error and closes the connection.
///
/// Backpressure: while `limit` requests of a connection are unanswered (an answer counts
/// once the kernel took it), its socket is not read. A client that floods requests, or
/// never reads its answers, waits on itself; the daemon's memory and the other clients
/// do not notice.
private final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let session: Session
    private let limit = 16
    private var unanswered = 0
    /// Set by the first bad frame: the connection is answered once and closed.
    private var failed = false

    init(session: Session) { self.session = session }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        unanswered += 1
        if unanswered == limit { context.channel.setOption(.autoRead, value: false).whenComplete { _ in } }
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let context = NIOLoopBound(context, eventLoop: context.eventLoop)
        let eventLoop = context.value.eventLoop
        session.receive(unwrapInboundIn(data)) {
            eventLoop.execute { handler.value.answered(context: context.value) }
        }
    }

    private func answered(context: ChannelHandlerContext) {
        unanswered -= 1
        guard unanswered == limit - 1, context.channel.isActive else { return }
        context.channel.setOption(.autoRead, value: true).whenComplete { _ in }
        context.read()
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.close()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !failed else { return }
        failed = true
        context.channel.setOption(.autoRead, value: false).whenComplete { _ in }
        let message =
            error is LineFrameDecoder.FrameTooLong
            ? "a message may be at most \(Wire.maxFrameBytes) bytes; closing the connection" : "\(error)"
        let session = self.session
        let channel = context.channel
        Task {
            await session.send(Response<Empty>(id: nil, error: RPCError(code: RPCError.invalidRequest, message: message)))
            try? await channel.close()
        }
    }
}
