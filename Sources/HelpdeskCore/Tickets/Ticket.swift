import Foundation

/// A request for help that a person works on.
public struct Ticket: Sendable, Equatable, Codable {
    public let id: Int
    /// The user name of the employee it is for.
    public let requester: String
    public var title: String
    public var summary: String
    public var category: String
    public var priority: Priority
    public var status: Status
    /// The team that works it, chosen by the routing rules when it was filed.
    public var queue: String
    public var assignee: String?
    public let created: Date
    public var updated: Date
    /// When the priority's SLA says it must be resolved.
    public var dueBy: Date

    public init(
        id: Int, requester: String, title: String, summary: String, category: String, priority: Priority, status: Status,
        queue: String, assignee: String?, created: Date, updated: Date, dueBy: Date
    ) {
        self.id = id
        self.requester = requester
        self.title = title
        self.summary = summary
        self.category = category
        self.priority = priority
        self.status = status
        self.queue = queue
        self.assignee = assignee
        self.created = created
        self.updated = updated
        self.dueBy = dueBy
    }

    /// Where a ticket is in its life: new → open → pending (waiting on the employee) →
    /// resolved → closed, and reopened from resolved or closed.
    public enum Status: String, Sendable, Equatable, Codable, CaseIterable {
        case new, open, pending, resolved, closed

        /// The statuses a ticket may move to from this one.
        public var next: Set<Status> {
            switch self {
            case .new: [.open, .pending, .resolved, .closed]
            case .open: [.pending, .resolved, .closed]
            case .pending: [.open, .resolved, .closed]
            case .resolved: [.open, .closed]
            case .closed: [.open]
            }
        }

        /// Still needs work (counts towards the queue and the SLA).
        public var isActive: Bool { self == .new || self == .open || self == .pending }
    }
}

/// Something that happened to a ticket, for its history.
public struct TicketEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case created, comment, status, assignment, priority
        /// Sent to a queue: by the routing rules when filed, or moved by an agent.
        case queue
        /// An agent's internal note: agents only, never shown to the employee.
        case note
        /// The employee's rating, "1"…"5", when confirming a resolution.
        case rating
    }

    public let ticket: Int
    public let actor: String
    public let kind: Kind
    /// The comment or note, the new status, assignee, priority or queue, or the rating.
    public let detail: String
    public let at: Date

    public init(ticket: Int, actor: String, kind: Kind, detail: String, at: Date) {
        self.ticket = ticket
        self.actor = actor
        self.kind = kind
        self.detail = detail
        self.at = at
    }
}
