import Foundation
import HelpdeskCore

/// A ticket as the report needs it: what it is now, and the steps of its history that the
/// figures are made of (status changes, public comments, ratings), oldest first.
public struct TicketHistory: Sendable, Equatable {
    public let id: Int
    public let title: String
    public let category: String
    public let priority: Priority
    public let queue: String
    public let status: Ticket.Status
    public let created: Date
    public let dueBy: Date
    public let conversation: Int?
    public internal(set) var steps: [Step] = []

    public struct Step: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case status(Ticket.Status)
            /// A public comment, by the requester or by someone else (an agent).
            case comment(byRequester: Bool)
            case rating(Int)
        }

        public let kind: Kind
        public let at: Date
    }
}
