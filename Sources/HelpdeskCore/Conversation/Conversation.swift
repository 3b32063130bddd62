import Foundation

/// What the engine remembers of a conversation between turns. Plain data, so a service
/// can store it with the conversation and a restart loses nothing.
///
/// Engines read it and hand back the updated copy with each reply (`ReplyEvent.done`).
public struct Conversation: Sendable, Equatable, Codable {
    public struct Message: Sendable, Equatable, Codable {
        /// `notice`: what happened outside the chat, for its owner — an agent's comment, a
        /// decision, a status change — so a reopened chat shows it.
        public enum Role: String, Sendable, Codable { case employee, helpdesk, notice }
        public let role: Role
        public let text: String
        /// Its number and time in the store; nil in the engine's copy.
        public let id: Int?
        public let at: Date?

        public init(role: Role, text: String, id: Int? = nil, at: Date? = nil) {
            self.role = role
            self.text = text
            self.id = id
            self.at = at
        }
    }

    /// A passage already shown, so a follow-up offers something new.
    public struct ShownPassage: Sendable, Equatable, Hashable, Codable {
        public let article: String
        public let passage: Int

        public init(article: String, passage: Int) {
            self.article = article
            self.passage = passage
        }
    }

    /// What the last reply left open.
    public enum Pending: Sendable, Equatable, Codable {
        /// Collecting `tool`'s arguments; `asked` is the one just asked for.
        case collecting(tool: String, arguments: [String: String], asked: String)
        /// A complete request awaits the employee's yes or no.
        case confirming(ToolCall)
        /// A ticket was offered after "not found" or a failed answer.
        case offeringTicket
        /// "Did that solve it?", after an answer or a tool run (`tool` names the tool).
        case askingIfSolved(tool: String?)
    }

    public private(set) var messages: [Message] = []
    /// The question the current answers are about, with refinements appended.
    public var topic: String?
    public var shown: [ShownPassage] = []
    /// The citations shown so far, for the ticket summary.
    public var cited: [Citation] = []
    public var pending: Pending?
    /// How many times the employee said a suggestion did not help.
    public var failedAttempts = 0
    /// Where the current problem's messages begin, so a ticket carries those and not an
    /// earlier, unrelated problem. Optional so conversations stored before it still decode.
    public var problemStart: Int?

    public init() {}

    public mutating func append(_ role: Message.Role, _ text: String) {
        messages.append(Message(role: role, text: text))
    }

    /// The message just appended starts a new problem: what was said, shown and tried for
    /// the last one is behind it.
    public mutating func beginProblem() {
        problemStart = messages.count - 1
        topic = nil
        shown = []
        cited = []
        failedAttempts = 0
    }

    /// The messages about the current problem, oldest first.
    public var problemMessages: ArraySlice<Message> { messages[min(max(problemStart ?? 0, 0), messages.count)...] }

    /// The employee's messages about the current problem, oldest first.
    public var employeeMessages: [String] { problemMessages.filter { $0.role == .employee }.map(\.text) }
}
