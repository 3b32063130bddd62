import Engine
import Foundation
import HelpdeskCore
import Logging
import NIOCore
import NIOPosix
import Service
import Store

private let log = Logger(label: "helpdesk.daemon")

/// `helpdesk serve`: the one process that opens the database and runs the tools. Clients
/// connect to its Unix socket; who each one is comes from the kernel (SO_PEERCRED), and
/// what they may do from the daemon's own configuration.
public final class Daemon: Sendable {
    public struct Setup: Sendable {
        public let database: HelpdeskDatabase
        public let configuration: Configuration
        public let tools: ToolCatalog
        public let engine: any ConversationEngine
        public let levels: ServiceLevels

        public init(
            database: HelpdeskDatabase, configuration: Configuration, tools: ToolCatalog, engine: any ConversationEngine,
            levels: ServiceLevels
        ) {
            self.database = database
            self.configuration = configuration
            self.tools = tools
            self.engine = engine
            self.levels = levels
        }
    }

    public let socket: String
    private let server: any Channel
    private let changes: Task<Void, Never>

    /// Listens on `socket` (mode 0666: every local user may connect; what they may do is
    /// decided per call). Refuses to take over a socket another daemon is serving.
    public static func start(socket: String, setup: Setup) async throws -> Daemon {
        if FileManager.default.fileExists(atPath: socket) {
            if (try? await SocketClient.probe(socket)) == true {
                throw HelpdeskError(.unavailable, "another helpdesk daemon is already listening on \(socket)")
            }
            try FileManager.default.removeItem(atPath: socket)
        }
        let broadcast = ChangeBroadcast(feed: ChangeFeed(database: setup.database))
        let last = try setup.database.lastEventID()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 512)
            .childChannelInitializer { channel in
                PeerCredentials.of(channel).flatMapThrowing { credentials in
                    let identity = try credentials.identity()
                    let service = try HelpdeskService(
                        database: setup.database, configuration: setup.configuration, identity: identity,
                        tools: setup.tools, engine: setup.engine, levels: setup.levels)
                    let session = Session(channel: channel, service: service, changes: broadcast)
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
        return Daemon(socket: socket, server: server, changes: Task.detached { await broadcast.run(from: last) })
    }

    private init(socket: String, server: any Channel, changes: Task<Void, Never>) {
        self.socket = socket
        self.server = server
        self.changes = changes
    }

    /// Stops listening, closes every connection and removes the socket. Database writes
    /// are transactions, so none is left half done.
    public func stop() async {
        changes.cancel()
        try? await server.close()
        try? FileManager.default.removeItem(atPath: socket)
        log.info("stopped", metadata: ["socket": "\(socket)"])
    }

    /// Until the server channel closes.
    public func wait() async {
        try? await server.closeFuture.get()
    }
}

/// Hands each line to the session; answers an oversized or undecodable frame with an
/// error and closes the connection.
private final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let session: Session

    init(session: Session) { self.session = session }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session.receive(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.close()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let message =
            error is LineFrameDecoder.FrameTooLong
            ? "a message may be at most \(Wire.maxFrameBytes) bytes; closing the connection" : "\(error)"
        session.send(Response<Empty>(id: nil, error: RPCError(code: RPCError.invalidRequest, message: message)))
        context.close(promise: nil)
    }
}
