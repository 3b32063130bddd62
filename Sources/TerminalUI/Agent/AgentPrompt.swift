import HelpdeskCore

/// What the console is asking the agent, on the bottom line, with the question (or what
/// was wrong with the last answer) on the line above.
enum AgentPrompt {
    /// Approving asks first: a request may make a temporary password, and one stray key
    /// must not hand it out. The note is optional.
    case approve(ApprovalRequest)
    case deny(ApprovalRequest)
    case comment(Int)
    case note(Int)
    case status(Int)
    case priority(Int)
    case assign(Int)
    /// The search is applied as it is typed; Esc puts back `previous`.
    case search(previous: String)
    case filter

    /// The request the prompt decides, if it decides one.
    var request: ApprovalRequest? {
        switch self {
        case .approve(let request), .deny(let request): request
        default: nil
        }
    }

    /// Whether Enter on an empty line answers (rather than being ignored).
    var acceptsEmpty: Bool {
        switch self {
        case .approve, .search, .filter: true
        default: false
        }
    }

    /// The line above the input: what is asked, in full.
    func question(agents: [String]) -> String {
        switch self {
        case .approve(let request):
            "Approve #\(request.id) \(Self.describe(request)) for \(TerminalText.identifier(request.requester))?"
        case .deny(let request):
            "Deny #\(request.id) \(Self.describe(request)) for \(TerminalText.identifier(request.requester))?"
        case .comment(let id): "Comment on #\(id); the employee sees it. Esc cancels."
        case .note(let id): "Internal note on #\(id); agents only, never shown to the employee. Esc cancels."
        case .status(let id): "Status for #\(id): new, open, pending, resolved or closed."
        case .priority(let id): "Priority for #\(id): P1 (most urgent) to P4; the due time follows."
        case .assign(let id):
            "Assign #\(id) to: "
                + (agents.isEmpty ? "an agent's user name" : agents.map(TerminalText.identifier).joined(separator: ", "))
                + " (Tab completes)"
        case .search: "Search titles, requesters and summaries; Enter keeps it, Esc cancels."
        case .filter: "Filter: mine, unassigned, queues, queue:Q, p1–p4, status:S, category:C, all."
        }
    }

    /// The label before the input.
    var label: String {
        switch self {
        case .approve: "Note, or just Enter to approve (Esc cancels): "
        case .deny: "Reason: "
        case .comment: "Comment: "
        case .note: "Internal note: "
        case .status: "Status: "
        case .priority: "Priority: "
        case .assign: "Agent: "
        case .search: "Search: "
        case .filter: "Filter: "
        }
    }

    /// "reset_password account=vpn", names and values with invisible characters shown.
    static func describe(_ request: ApprovalRequest) -> String {
        let arguments = request.call.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return TerminalText.identifier(([request.call.tool] + arguments).joined(separator: " "))
    }
}
