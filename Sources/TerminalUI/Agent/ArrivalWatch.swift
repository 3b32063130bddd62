import HelpdeskCore

/// Notices what arrived between two loads of the queue — a request to decide, a P1 ticket —
/// so the console can ring. The first load only learns what is already there: an agent
/// opening the console is not alerted to the backlog they came to work on.
struct ArrivalWatch {
    private var knownApprovals: Set<Int>?
    /// Tickets seen while active at P1; one reopened, or raised to P1 since, arrives again.
    private var knownUrgent: Set<Int> = []

    /// Takes in a fresh load; returns whether anything arrived since the last one.
    mutating func update(approvals: [ApprovalRequest], tickets: [Ticket]) -> Bool {
        let approvalIDs = Set(approvals.map(\.id))
        let urgentIDs = Set(Self.urgent(tickets).map(\.id))
        defer {
            knownApprovals = (knownApprovals ?? []).union(approvalIDs)
            knownUrgent.formUnion(urgentIDs)
        }
        guard let knownApprovals else { return false }
        return !approvalIDs.isSubset(of: knownApprovals) || !urgentIDs.isSubset(of: knownUrgent)
    }

    /// The window title: the console's own words and counts only, never a person's text.
    static func title(approvals: [ApprovalRequest], tickets: [Ticket]) -> String {
        let count = approvals.count
        return "helpdesk agent · \(count) approval\(count == 1 ? "" : "s") · \(urgent(tickets).count) P1"
    }

    private static func urgent(_ tickets: [Ticket]) -> [Ticket] {
        tickets.filter { $0.priority == .p1 && $0.status.isActive }
    }
}
