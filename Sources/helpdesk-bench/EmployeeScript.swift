/// What one employee types into the chat, turn by turn, in the mix a helpdesk sees: mostly
/// questions the knowledge base answers, some requests for a tool, some questions no
/// article covers. Whatever a reply leaves open (a request to confirm, an account asked
/// for, a ticket offered) the employee declines next, so nothing waits for an agent.
///
/// Determined by its seed: the daemon's clients and the in-process baseline send exactly
/// the same messages (the pauses come from a generator of their own, so taking them or
/// not changes no message).
struct EmployeeScript {
    static let toolRequests = [
        "please unlock my vpn account", "I'm locked out of my laptop, can you unlock it",
        "can you reset my email password please", "I forgot my vpn password", "my account is locked",
        "is my account locked?", "when does my password expire", "my password expired",
    ]

    static let unknownQuestions = [
        "can you book me a meeting room in the Paris office for friday", "what is on the canteen lunch menu today",
        "how many vacation days do I have left this year", "the coffee machine on the third floor is leaking",
        "who do I ask about a mistake on my payslip", "can I bring my dog to the office",
        "where do I submit my travel expenses", "the blinds in meeting room 4.12 are stuck",
    ]

    static let declines = ["no", "no thanks", "no, that's all"]

    /// Seconds between one message and the next, as a person reads and types.
    static let interval = 2.0...4.0

    private let questions: [String]
    private var random: SplitMix64
    private var timing: SplitMix64

    /// - Parameter questions: what the knowledge base answers; must not be empty.
    init(questions: [String], seed: UInt64) {
        self.questions = questions
        random = SplitMix64(seed: seed)
        timing = SplitMix64(seed: ~seed)
    }

    /// The next message: a decline when the last reply left something `pending`, else a
    /// question (60 %), a tool request (20 %) or a question nobody wrote an article for (20 %).
    mutating func next(afterPending pending: Bool) -> String {
        if pending { return pick(Self.declines) }
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<6: return pick(questions)
        case 6..<8: return pick(Self.toolRequests)
        default: return pick(Self.unknownQuestions)
        }
    }

    /// The pause before the next message.
    mutating func pause() -> Duration { .seconds(Double.random(in: Self.interval, using: &timing)) }

    /// When the first message goes, after the start: spread over one average interval, so
    /// the clients do not all send at once.
    mutating func firstDelay() -> Duration {
        .seconds(Double.random(in: 0..<(Self.interval.lowerBound + Self.interval.upperBound) / 2, using: &timing))
    }

    private mutating func pick(_ messages: [String]) -> String {
        messages[Int.random(in: 0..<messages.count, using: &random)]
    }
}
