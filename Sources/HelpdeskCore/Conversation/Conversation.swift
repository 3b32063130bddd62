/// What the engine remembers of a conversation between turns. Plain data, so a service
/// can store it with the conversation and a restart loses nothing.
///
/// Engines read it and hand back the updated copy with each reply (`ReplyEvent.done`).
public struct Conversation: Sendable, Equatable, Codable {
    public struct Message: Sendable, Equatable, Codable {
        public enum Role: String, Sendable, Codable { case employee, helpdesk }
        public let role: Role
        public let text: String

        public init(role: Role, text: String) {
            self.role = role
            self.text = text
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

    public init() {}

    public mutating func append(_ role: Message.Role, _ text: String) {
        messages.append(Message(role: role, text: text))
    }

    /// The employee's messages, oldest first.
    public var employeeMessages: [String] { messages.filter { $0.role == .employee }.map(\.text) }
}
