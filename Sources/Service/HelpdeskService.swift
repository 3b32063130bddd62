import Engine
import Foundation
import HelpdeskCore
import Store

/// The one interface every front end uses: the chat, the agent console, the command line,
/// and on a shared host the daemon's clients. It knows who is asking and what they may
/// do; the front ends never touch the store.
public struct HelpdeskService: HelpdeskAPI {
    public let identity: Identity
    public let role: Role
    public var connection: String { "embedded" }
    let database: HelpdeskDatabase
    let levels: ServiceLevels
    /// The whitelist and the engine, re-read when their files change.
    let loaded: Reloading<Loaded>
    var tools: ToolCatalog { loaded.value.tools }
    var engine: (any ConversationEngine)? { loaded.value.engine }
    /// How long a request waits for an agent before it expires.
    let approvalLifetime: TimeInterval
    /// Whether refusals should point at `--demo-agent` (the embedded default).
    let demoAgentAllowed: Bool
    /// Who may be assigned tickets.
    let configuration: Configuration

    /// - Parameters:
    ///   - identity: who is asking, as the operating system says.
    ///   - tools: the whitelist requests are checked against.
    ///   - engine: answers chat messages; only the chat needs one.
    /// - Throws: `HelpdeskError` when `identity` is the demo agent and the configuration
    ///   does not allow it.
    public init(
        database: HelpdeskDatabase, configuration: Configuration, identity: Identity,
        tools: ToolCatalog = ToolCatalog(tools: []), engine: (any ConversationEngine)? = nil,
        levels: ServiceLevels = ServiceLevels()
    ) throws(HelpdeskError) {
        try self.init(
            database: database, configuration: configuration, identity: identity,
            loaded: Reloading(fixed: Loaded(tools: tools, engine: engine)), levels: levels)
    }

    /// As above, with the whitelist and engine kept as their files say now.
    public init(
        database: HelpdeskDatabase, configuration: Configuration, identity: Identity, loaded: Reloading<Loaded>,
        levels: ServiceLevels = ServiceLevels()
    ) throws(HelpdeskError) {
        if identity.isDemoAgent && !configuration.allowsDemoAgent { throw .demoAgentDisabled() }
        self.database = database
        self.identity = identity
        self.role = configuration.role(of: identity)
        self.levels = levels
        self.loaded = loaded
        self.approvalLifetime = Double(configuration.approvalExpiryMinutes ?? 60) * 60
        self.demoAgentAllowed = configuration.allowsDemoAgent
        self.configuration = configuration
    }

    /// What the service loads from files an admin edits.
    public struct Loaded: Sendable {
        public let tools: ToolCatalog
        public let engine: (any ConversationEngine)?

        public init(tools: ToolCatalog, engine: (any ConversationEngine)?) {
            self.tools = tools
            self.engine = engine
        }
    }

    // MARK: - Tickets

    /// The asker's own tickets, newest first.
    public func myTickets() throws -> [Ticket] {
        try database.tickets(requester: identity.user)
    }

    /// Agents: the tickets still needing work, most urgent first (priority, then due date).
    public func queue(includingFinished: Bool = false) throws -> [Ticket] {
        guard role == .agent else { throw HelpdeskError.agentsOnly("see the ticket queue", demoAgentAllowed: demoAgentAllowed) }
        let statuses: Set<Ticket.Status>? = includingFinished ? nil : [.new, .open, .pending]
        return try database.tickets(statuses: statuses).sorted { a, b in
            (a.priority, a.dueBy, a.id) < (b.priority, b.dueBy, b.id)
        }
    }

    /// A ticket and its history, if the asker may see it (their own, or any for agents);
    /// internal notes for agents only.
    public func ticket(_ id: Int) throws -> TicketDetail {
        guard let ticket = try database.ticket(id), role == .agent || ticket.requester == identity.user else {
            throw role == .agent ? HelpdeskError.ticketNotFound(id) : HelpdeskError.notYours(id)
        }
        return TicketDetail(ticket: ticket, history: try database.events(of: id, includingNotes: role == .agent))
    }

    /// Comments on a ticket the asker may see; only agents write internal notes.
    public func comment(on id: Int, _ text: String, internal: Bool) throws -> Ticket {
        _ = try ticket(id)
        guard role == .agent || !`internal` else {
            throw HelpdeskError.agentsOnly("write internal notes", demoAgentAllowed: demoAgentAllowed)
        }
        return try database.comment(on: id, by: identity.user, text: text, internal: `internal`)
    }

    /// Agents assign tickets to an agent.
    public func assign(_ id: Int, to user: String) throws -> Ticket {
        guard role == .agent else { throw HelpdeskError.agentsOnly("assign tickets", demoAgentAllowed: demoAgentAllowed) }
        guard configuration.isAgent(user) else {
            throw HelpdeskError.invalid(
                "\(user) is not an agent; tickets go to one of: \(configuration.knownAgents.joined(separator: ", "))")
        }
        return try database.assign(id, to: user, by: identity.user)
    }

    public func agents() throws -> [String] {
        guard role == .agent else { throw HelpdeskError.agentsOnly("list the agents", demoAgentAllowed: demoAgentAllowed) }
        return configuration.knownAgents
    }

    public func setPriority(_ id: Int, to priority: Priority) throws -> Ticket {
        guard role == .agent else {
            throw HelpdeskError.agentsOnly("change a ticket's priority", demoAgentAllowed: demoAgentAllowed)
        }
        return try database.setPriority(id, to: priority, by: identity.user, levels: levels)
    }

    /// The requester closes a resolved ticket as fixed, rating it if they like, or reopens it.
    public func confirmResolution(of id: Int, fixed: Bool, rating: Int?) throws -> Ticket {
        let ticket = try ticket(id).ticket
        guard ticket.requester == identity.user else {
            throw HelpdeskError(.forbidden, "only \(ticket.requester), who asked for ticket #\(id), can confirm it is fixed")
        }
        guard ticket.status == .resolved else {
            throw HelpdeskError(
                .conflict, "ticket #\(id) is \(ticket.status.rawValue), not resolved: there is nothing to confirm")
        }
        if let rating, !(1...5).contains(rating) { throw HelpdeskError.invalid("a rating is a whole number from 1 to 5") }
        let changed = try database.setStatus(id, to: fixed ? .closed : .open, by: identity.user)
        guard fixed, let rating else { return changed }
        return try database.rate(id, rating, by: identity.user)
    }

    /// Agents move tickets through their lifecycle; employees may only close or reopen
    /// their own once resolved.
    public func setStatus(_ id: Int, to status: Ticket.Status) throws -> Ticket {
        let ticket = try ticket(id).ticket
        let employeeMayChange = ticket.status == .resolved && (status == .closed || status == .open)
        guard role == .agent || employeeMayChange else {
            throw HelpdeskError.agentsOnly("change a ticket's status", demoAgentAllowed: demoAgentAllowed)
        }
        return try database.setStatus(id, to: status, by: identity.user)
    }

    // MARK: - Audit

    public func auditEntries(limit: Int?) throws -> [AuditEntry] {
        guard role == .agent else { throw HelpdeskError.agentsOnly("read the audit log", demoAgentAllowed: demoAgentAllowed) }
        return try database.auditEntries(limit: limit)
    }

    public func verifyAudit() throws -> AuditVerification {
        guard role == .agent else { throw HelpdeskError.agentsOnly("verify the audit log", demoAgentAllowed: demoAgentAllowed) }
        return try database.verifyAudit()
    }
}
