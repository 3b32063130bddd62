import Foundation
import HelpdeskCore
import Logging
import NIOCore
import NIOPosix
import Service
import Synchronization

private let log = Logger(label: "helpdesk.daemon")

/// One client connection: the peer's identity from the kernel, the service acting as
/// them, and the requests they send, each answered on this connection only.
final class Session: Sendable {
    private let channel: any Channel
    let service: HelpdeskService
    private let changes: ChangeBroadcast
    /// Where the service's calls run: they block (SQLite, a tool that takes its time), and
    /// blocking the few threads Swift concurrency has would stall every client.
    private let threads: NIOThreadPool
    private let greeted = Mutex(false)
    private let tasks = Mutex<[Int: Task<Void, Never>]>([:])
    private let nextTask = Atomic(0)

    init(channel: any Channel, service: HelpdeskService, changes: ChangeBroadcast, threads: NIOThreadPool) {
        self.channel = channel
        self.service = service
        self.changes = changes
        self.threads = threads
    }

    /// Answers one line, then calls `done`. Each request runs in its own task, so a long
    /// reply does not hold up the next call; the answer carries the request's id.
    func receive(_ line: ByteBuffer, done: @escaping @Sendable () -> Void) {
        let number = nextTask.wrappingAdd(1, ordering: .relaxed).newValue
        // Registered under the lock the task also takes to leave, so it cannot leave first.
        tasks.withLock { tasks in
            tasks[number] = Task { [self] in
                await handle(Data(line.readableBytesView))
                _ = self.tasks.withLock { $0.removeValue(forKey: number) }
                done()
            }
        }
    }

    /// The connection closed: stop its work and its subscription.
    func close() {
        changes.unsubscribe(self)
        for task in tasks.withLock({ Array($0.values) }) { task.cancel() }
    }

    private func handle(_ line: Data) async {
        guard let envelope = try? Wire.decoder.decode(Envelope.self, from: line) else {
            // JSON that is not a request object is an invalid request; anything else, a parse error.
            let isJSON = (try? JSONSerialization.jsonObject(with: line, options: .fragmentsAllowed)) != nil
            return await send(
                Response<Empty>(
                    id: nil,
                    error: isJSON
                        ? RPCError(code: RPCError.invalidRequest, message: "expected a request object")
                        : RPCError(code: RPCError.parseError, message: "not JSON")))
        }
        guard envelope.jsonrpc == "2.0", let name = envelope.method else {
            return await send(
                Response<Empty>(
                    id: envelope.id,
                    error: RPCError(code: RPCError.invalidRequest, message: "expected {\"jsonrpc\": \"2.0\", \"method\": …}")))
        }
        // A notification from the client: the protocol defines none, and none is answered.
        guard let id = envelope.id else { return }
        guard let method = Method(rawValue: name) else {
            return await send(
                Response<Empty>(id: id, error: RPCError(code: RPCError.methodNotFound, message: "no method \(name)")))
        }
        guard method == .hello || greeted.withLock({ $0 }) else {
            return await send(
                Response<Empty>(
                    id: id, error: RPCError(code: RPCError.invalidRequest, message: "say hello first, with the protocol version"))
            )
        }
        do {
            try await dispatch(method, id: id, line: line)
        } catch let error as HelpdeskError {
            await send(Response<Empty>(id: id, error: RPCError(error)))
        } catch is CancellationError {
            return  // the connection closed while the call ran: nobody to answer
        } catch is DecodingError {
            await send(
                Response<Empty>(id: id, error: RPCError(code: RPCError.invalidParams, message: "invalid params for \(name)")))
        } catch {
            log.error("request failed", metadata: ["method": "\(name)", "error": "\(error)"])
            await send(Response<Empty>(id: id, error: RPCError(code: RPCError.internalError, message: "\(error)")))
        }
    }

    // swift-format-ignore
    private func dispatch(_ method: Method, id: RPCID, line: Data) async throws {
        let service = self.service
        switch method {
        case .hello: try await answer(id, line) { (p: Params.Hello) in try self.hello(p) }
        case .conversationStart: try await answer(id, line) { (_: Empty) in Results.Conversation(conversation: try service.startConversation()) }
        case .conversationResume: try await answer(id, line) { (_: Empty) in Results.Conversation(conversation: try service.resumeConversation()) }
        case .conversationSend: try await stream(id, line)
        case .conversationMessages: try await answer(id, line) { (p: Params.Messages) in try service.messages(of: p.conversation, after: p.after) }
        case .conversationRecent: try await answer(id, line) { (p: Params.Recent) in try service.recentMessages(of: p.conversation, limit: p.limit, before: p.before) }
        case .requestsFile: try await answer(id, line) { (p: Params.FileRequest) in try service.requestTool(p.tool, arguments: p.arguments) }
        case .requestsGet: try await answer(id, line) { (p: Params.ID) in try service.request(p.id) }
        case .requestsApproved: try await answer(id, line) { (_: Empty) in try service.approvedRequests() }
        case .requestsRun: try await answer(id, line) { (p: Params.ID) in try service.run(p.id) }
        case .approvalsPending: try await answer(id, line) { (_: Empty) in try service.pendingApprovals() }
        case .approvalsDecide: try await answer(id, line) { (p: Params.Decide) in try service.decide(p.id, approve: p.approve, note: p.note) }
        case .ticketsFile: try await answer(id, line) { (p: Params.FileTicket) in try service.fileTicket(p.draft, from: p.conversation) }
        case .ticketsMine: try await answer(id, line) { (_: Empty) in try service.myTickets() }
        case .ticketsGet: try await answer(id, line) { (p: Params.ID) in try service.ticket(p.id) }
        case .ticketsConfirmResolution: try await answer(id, line) { (p: Params.ConfirmResolution) in try service.confirmResolution(of: p.id, fixed: p.fixed, rating: p.rating) }
        case .ticketsQueue: try await answer(id, line) { (p: Params.Queue) in try service.queue(includingFinished: p.includingFinished) }
        case .ticketsComment: try await answer(id, line) { (p: Params.Comment) in try service.comment(on: p.id, p.text, internal: p.internal ?? false) }
        case .ticketsAssign: try await answer(id, line) { (p: Params.Assign) in try service.assign(p.id, to: p.user) }
        case .ticketsSetStatus: try await answer(id, line) { (p: Params.SetStatus) in try service.setStatus(p.id, to: p.status) }
        case .ticketsSetPriority: try await answer(id, line) { (p: Params.SetPriority) in try service.setPriority(p.id, to: p.priority) }
        case .ticketsSetQueue: try await answer(id, line) { (p: Params.SetQueue) in try service.setQueue(p.id, to: p.queue) }
        case .queuesMine: try await answer(id, line) { (_: Empty) in try service.myQueues() }
        case .agentsList: try await answer(id, line) { (_: Empty) in try service.agents() }
        case .auditEntries: try await answer(id, line) { (p: Params.Limit) in try service.auditEntries(limit: p.limit) }
        case .auditVerify: try await answer(id, line) { (_: Empty) in try service.verifyAudit() }
        case .reportsGet: try await answer(id, line) { (p: Params.Period) in try service.report(since: p.since, until: p.until) }
        case .changesSubscribe: try await answer(id, line) { (_: Empty) in self.subscribe() }
        }
    }

    private func answer<P: Codable & Sendable, R: Codable & Sendable>(
        _ id: RPCID, _ line: Data, _ body: @escaping @Sendable (P) throws -> R
    ) async throws {
        let params = try Wire.decoder.decode(Request<P>.self, from: line).params
        await send(Response(id: id, result: try await threads.runIfActive { try body(params) }))
    }

    private func hello(_ params: Params.Hello) throws -> Results.Hello {
        guard params.version == Wire.version else {
            throw HelpdeskError(
                .invalid, "this daemon speaks protocol version \(Wire.version), not \(params.version): update helpdesk")
        }
        greeted.withLock { $0 = true }
        return Results.Hello(
            version: Wire.version, identity: service.identity, role: service.role, host: ProcessInfo.processInfo.hostName)
    }

    /// `conversation.send`: each piece of the reply is pushed as it is produced, then the
    /// request is answered.
    private func stream(_ id: RPCID, _ line: Data) async throws {
        let params = try Wire.decoder.decode(Request<Params.Send>.self, from: line).params
        for try await event in service.send(params.message, in: params.conversation) {
            await send(Notification(method: Pushed.reply, params: Pushes.Reply(call: id, event: event)))
        }
        await send(Response(id: id, result: Empty()))
    }

    private func subscribe() -> Empty {
        let channel = self.channel
        changes.subscribe(
            self,
            .init(concerns: service.concerns) { event in
                Self.push(Notification(method: Pushed.change, params: Pushes.Change(event: event)), to: channel)
            })
        return Empty()
    }

    /// Writes `value` and waits until the kernel took it: a client that does not read
    /// holds up its own requests (see `SessionHandler`), never the daemon's memory.
    func send<T: Encodable>(_ value: T) async {
        guard channel.isActive, let buffer = try? Wire.line(value, allocator: channel.allocator) else { return }
        try? await channel.writeAndFlush(buffer).get()
    }

    /// A change for a subscriber. Not waited for: one subscriber must not hold up the
    /// others. One that stops reading is disconnected once a megabyte is waiting for it.
    private static func push<T: Encodable>(_ value: T, to channel: any Channel) {
        guard channel.isActive, let buffer = try? Wire.line(value, allocator: channel.allocator) else { return }
        guard channel.isWritable else {
            channel.close(promise: nil)
            return
        }
        channel.writeAndFlush(buffer, promise: nil)
    }
}
