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
    let tools: ToolCatalog
    let engine: (any ConversationEngine)?
    /// How long a request waits for an agent before it expires.
    let approvalLifetime: TimeInterval
    /// Whether refusals should point at `--demo-agent` (the embedded default).
    let demoAgentAllowed: Bool

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
        if identity.isDemoAgent && !configuration.allowsDemoAgent { throw .demoAgentDisabled() }
        self.database = database
        self.identity = identity
        self.role = configuration.role(of: identity)
        self.levels = levels
        self.tools = tools
        self.engine = engine
        self.approvalLifetime = Double(configuration.approvalExpiryMinutes ?? 60) * 60
        self.demoAgentAllowed = configuration.allowsDemoAgent
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

    /// A ticket and its history, if the asker may see it (their own, or any for agents).
    public func ticket(_ id: Int) throws -> TicketDetail {
        guard let ticket = try database.ticket(id), role == .agent || ticket.requester == identity.user else {
            throw role == .agent ? HelpdeskError.ticketNotFound(id) : HelpdeskError.notYours(id)
        }
        return TicketDetail(ticket: ticket, history: try database.events(of: id))
    }

    /// Comments on a ticket the asker may see.
    public func comment(on id: Int, _ text: String) throws -> Ticket {
        _ = try ticket(id)
        return try database.comment(on: id, by: identity.user, text: text)
    }

    public func assign(_ id: Int, to user: String) throws -> Ticket {
        guard role == .agent else { throw HelpdeskError.agentsOnly("assign tickets", demoAgentAllowed: demoAgentAllowed) }
        return try database.assign(id, to: user, by: identity.user)
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
