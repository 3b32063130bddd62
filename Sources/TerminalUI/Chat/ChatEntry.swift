import Foundation
import HelpdeskCore

/// One thing in the chat transcript.
enum ChatEntry {
    case employee(String)
    /// A reply, growing while it streams.
    case helpdesk(text: String, sources: [Citation], streaming: Bool)
    case tool(ToolCard)
    case ticket(TicketCard)
    /// An agent resolved a ticket: is it fixed?
    case resolution(ResolutionCard)
    /// Help, errors, lists, and what happened elsewhere (an agent's comment, a decision).
    case notice(String, Screen.Style)
}

/// A tool request shown as a card whose state updates live.
struct ToolCard {
    enum State: Equatable {
        /// Prepared by the engine; waits for the employee's yes or no.
        case proposed
        case waiting(request: Int)
        case approved(request: Int, by: String?, note: String?)
        case denied(by: String?, reason: String?)
        case finished(message: String, succeeded: Bool)
        case cancelled
        case failed(String)
    }

    /// Identifies the card while a call about it is under way.
    let id = UUID()
    let call: ToolCall
    let title: String
    let needsApproval: Bool
    var state: State
    /// "approved by alice: checked", kept once the result replaces the state.
    var decision: String?

    var request: Int? {
        switch state {
        case .waiting(let request), .approved(let request, _, _): request
        default: nil
        }
    }
}

/// A proposed ticket shown as a card: file it, edit its summary, or cancel.
struct TicketCard {
    enum State: Equatable {
        case proposed, filing, filed(Int), cancelled
        case failed(String)
    }

    let id = UUID()
    var draft: TicketDraft
    var state: State
}

/// A resolved ticket waiting for its requester to confirm it, rating it if they like, or
/// to say it is not fixed.
struct ResolutionCard {
    enum State: Equatable {
        case asking, sending
        case closed(rating: Int?)
        case reopened
        case failed(String)
    }

    let ticket: Int
    let title: String
    var state: State
}

extension ChatEntry {
    /// Whether this is the card of request `id`.
    func isCard(for request: Int) -> Bool {
        if case .tool(let card) = self { card.request == request } else { false }
    }

    /// The entry as screen lines for `width` columns.
    func lines(width: Int) -> [(String, Screen.Style)] {
        switch self {
        case .employee(let text):
            return block("you", text, width: width, style: .bold)
        case .helpdesk(let text, let sources, let streaming):
            // Articles mark emphasis with **; the terminal shows the words plainly.
            let shown = text.replacingOccurrences(of: "**", with: "") + (streaming ? " ▍" : "")
            var lines = block("helpdesk", shown, width: width, style: .normal)
            for source in sources {
                let cited = DisplayWidth.wrap(
                    "↳ \(source.title) — \(source.section) [\(source.article)]", width: max(width - 2, 1))
                lines += cited.map { ("  " + $0, .accent) }
            }
            return lines
        case .tool(let card):
            return cardLines(card, width: width)
        case .ticket(let card):
            return ticketLines(card, width: width)
        case .resolution(let card):
            return resolutionLines(card, width: width)
        case .notice(let text, let style):
            return DisplayWidth.wrap(text, width: width).map { ($0, style) }
        }
    }

    private func block(_ who: String, _ text: String, width: Int, style: Screen.Style) -> [(String, Screen.Style)] {
        var lines: [(String, Screen.Style)] = [(who, who == "you" ? .bold : .accent)]
        lines += DisplayWidth.wrap(text, width: max(width - 2, 1)).map { ("  " + $0, style) }
        return lines
    }

    private func cardLines(_ card: ToolCard, width: Int) -> [(String, Screen.Style)] {
        let arguments = card.call.arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        var lines = boxed(card.title + (arguments.isEmpty ? "" : " — \(arguments)"), first: "┌ ", width: width, style: .warning)
        lines += boxed(card.needsApproval ? "needs an agent's approval" : "runs once you confirm", width: width, style: .warning)
        if let decision = card.decision { lines += boxed(decision, width: width, style: .success) }
        let status: (String, Screen.Style)? =
            switch card.state {
            case .proposed: ("type y to send the request, n to cancel", .warning)
            case .waiting(let request): ("request #\(request): waiting for an agent…", .warning)
            case .approved: ("running…", .warning)
            case .denied: nil
            case .finished(let message, let succeeded): (message, succeeded ? .success : .danger)
            case .cancelled: ("cancelled", .dim)
            case .failed(let error): (error, .danger)
            }
        if let status { lines += boxed(status.0, width: width, style: status.1) }
        if case .finished(_, true) = card.state {
            lines += boxed("Did that solve it? Type yes or no.", width: width, style: .accent)
        }
        lines.append(("└", .warning))
        return lines
    }

    /// `text` wrapped inside a card, each line behind "│ ".
    private func boxed(_ text: String, first: String = "│ ", width: Int, style: Screen.Style) -> [(String, Screen.Style)] {
        DisplayWidth.wrap(text, width: max(width - 2, 1)).enumerated().map { index, line in
            ((index == 0 ? first : "│ ") + line, style)
        }
    }

    private func resolutionLines(_ card: ResolutionCard, width: Int) -> [(String, Screen.Style)] {
        var lines = boxed(
            "Ticket #\(card.ticket) “\(card.title)” is resolved. Is it fixed?", first: "┌ ", width: width, style: .warning)
        let status: (String, Screen.Style) =
            switch card.state {
            case .asking: ("type y if it is fixed (y 1 to y 5 also rates it, 5 = great), n if it is not", .warning)
            case .sending: ("sending…", .warning)
            case .closed(let rating): ("closed, thank you" + (rating.map { "; rated \($0) of 5" } ?? ""), .success)
            case .reopened: ("reopened: an agent picks it up again", .warning)
            case .failed(let error): (error, .danger)
            }
        lines += boxed(status.0, width: width, style: status.1)
        lines.append(("└", .warning))
        return lines
    }

    private func ticketLines(_ card: TicketCard, width: Int) -> [(String, Screen.Style)] {
        let head = "Ticket (\(card.draft.priority.rawValue), \(card.draft.category)): \(card.draft.title)"
        var lines = boxed(head, first: "┌ ", width: width, style: .warning)
        for line in card.draft.summary.split(separator: "\n") {
            lines += boxed(String(line), width: width, style: .normal)
        }
        let status: (String, Screen.Style) =
            switch card.state {
            case .proposed: ("type y to file it, e to edit its title, n to cancel", .warning)
            case .filing: ("filing…", .warning)
            case .filed(let id): ("filed as ticket #\(id)", .success)
            case .cancelled: ("not filed", .dim)
            case .failed(let error): (error, .danger)
            }
        lines += boxed(status.0, width: width, style: status.1)
        lines.append(("└", .warning))
        return lines
    }
}
