import Foundation
import HelpdeskCore

/// The queue as shown: the search and filter applied, and the selection moving over it.
extension AgentProgram {
    /// Pending requests matching the search; the filter is about tickets and leaves them be.
    var shownApprovals: [ApprovalRequest] {
        approvals.filter { request in
            Self.matches(search, [request.requester, AgentPrompt.describe(request), "#\(request.id)"])
        }
    }

    var shownTickets: [Ticket] {
        tickets.filter { ticket in
            filter.admits(ticket, me: api.identity.user, queues: myQueues ?? [])
                && Self.matches(search, [ticket.title, ticket.requester, ticket.summary, "#\(ticket.id)"])
        }
    }

    /// Tickets still needing work, as loaded (a filter on a finished status loads those too).
    var activeTicketCount: Int { tickets.count { $0.status.isActive } }

    /// Whether any of `fields` contains `search`, ignoring case and accents; an empty search
    /// matches everything.
    private static func matches(_ search: String, _ fields: [String]) -> Bool {
        let words = search.split(whereSeparator: \.isWhitespace)
        return words.allSatisfy { word in
            fields.contains { $0.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
    }

    /// Rows the selection moves over: approvals, then tickets.
    var rows: [Row] { shownApprovals.map { .approval($0.id) } + shownTickets.map { .ticket($0.id) } }

    var selectedApproval: ApprovalRequest? {
        guard detail == nil, case .approval(let id) = selection else { return nil }
        return approvals.first { $0.id == id }
    }

    var selectedTicket: Ticket? {
        guard detail == nil, case .ticket(let id) = selection else { return nil }
        return tickets.first { $0.id == id }
    }

    /// The ticket the ticket keys act on: the one open, or the one selected.
    var currentTicketID: Int? { detail?.ticket.id ?? selectedTicket?.id }

    /// Keeps the selection where it is if that row is still shown, else on the row now at
    /// `index` (the one after a row that went away).
    func keepSelection(near index: Int) {
        let rows = self.rows
        if let selection, rows.contains(selection) { return }
        selection = rows.isEmpty ? nil : rows[min(max(index, 0), rows.count - 1)]
    }

    /// Moves the selection `offset` rows, stopping at either end.
    func moveSelection(by offset: Int) {
        let rows = self.rows
        guard !rows.isEmpty else { return }
        let index = selection.flatMap { rows.firstIndex(of: $0) } ?? 0
        selection = rows[min(max(index + offset, 0), rows.count - 1)]
    }
}
