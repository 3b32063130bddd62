import Foundation
import HelpdeskCore
import Logging

private let log = Logger(label: "helpdesk.chat")

extension ChatProgram {
    func receive(_ message: Message) {
        switch message {
        case .reply(let event): apply(event)
        case .replyFailed(let error):
            log.error("reply failed", metadata: ["error": "\(error)"])
            finishStreaming()
            entries.append(.notice("The helpdesk could not answer: \(error)", .danger))
        case .event(let event): update(for: event)
        case .toolFinished(let request, let result):
            updateCard(request: request) { $0.state = .finished(message: result.message, succeeded: result.succeeded) }
        case .toolFailed(let request, let error):
            log.error("request could not run", metadata: ["request": "\(request)", "error": "\(error)"])
            updateCard(request: request) { $0.state = .failed(error) }
        }
    }

    private func apply(_ event: ReplyEvent) {
        guard let index = entries.lastIndex(where: { if case .helpdesk(_, _, true) = $0 { true } else { false } }),
            case .helpdesk(let text, let sources, _) = entries[index]
        else { return }
        switch event {
        case .text(let chunk): entries[index] = .helpdesk(text: text + chunk, sources: sources, streaming: true)
        case .sources(let cited): entries[index] = .helpdesk(text: text, sources: cited, streaming: true)
        case .toolRequest, .ticketProposal: break
        case .done(let reply, _):
            entries[index] = .helpdesk(text: text, sources: sources, streaming: false)
            present(reply)
        }
    }

    /// Cards for what the reply prepared; a typed "yes" to a proposed request confirms it.
    private func present(_ reply: Reply) {
        if reply.kind == .tool, let call = reply.tool {
            if reply.toolConfirmed,
                let index = entries.lastIndex(where: { if case .tool(let c) = $0 { c.state == .proposed } else { false } }),
                case .tool(var card) = entries[index]
            {
                confirm(&card)
                entries[index] = .tool(card)
            } else if !reply.toolConfirmed {
                let tool = tools.tool(named: call.tool)
                entries.append(
                    .tool(
                        ToolCard(
                            call: call, title: tool?.title ?? call.tool, needsApproval: tool?.approval == .agent, state: .proposed
                        )))
            }
        }
        if reply.kind == .escalate, let draft = reply.ticket {
            entries.append(.ticket(TicketCard(draft: draft, state: .proposed)))
        }
    }

    private func finishStreaming() {
        for (index, entry) in entries.enumerated() {
            if case .helpdesk(let text, let sources, true) = entry {
                entries[index] = .helpdesk(text: text.isEmpty ? "…" : text, sources: sources, streaming: false)
            }
        }
    }

    /// Files the request; runs it at once when it needs no approval.
    func confirm(_ card: inout ToolCard) {
        do {
            let request = try api.confirm(card.call, in: conversation)
            card.state = .waiting(request: request.id)
            if request.state == .approved {
                card.state = .approved(request: request.id, by: nil, note: nil)
                run(request.id)
            }
        } catch {
            card.state = .failed(String(describing: error))
        }
    }

    /// An agent decided one of our requests, in this process or any other.
    private func update(for event: HelpdeskEvent) {
        refreshCounts()
        guard event.kind == .approvalDecided, let request = try? api.request(event.subject) else { return }
        updateCard(request: request.id) { card in
            switch request.state {
            case .approved:
                card.state = .approved(request: request.id, by: request.decidedBy, note: request.note)
                card.decision =
                    "approved by \(TerminalText.identifier(request.decidedBy ?? "an agent"))"
                    + (request.note.map { ": \($0)" } ?? "")
                run(request.id)
            case .denied:
                card.state = .denied(by: request.decidedBy, reason: request.note)
                card.decision =
                    "denied by \(TerminalText.identifier(request.decidedBy ?? "an agent"))"
                    + (request.note.map { ": \($0)" } ?? "")
            case .expired: card.state = .failed("the request expired before an agent decided it; ask again")
            default: break
            }
        }
    }

    /// Runs an approved request in the background; the result (with any temporary password)
    /// comes back to this screen only.
    private func run(_ request: Int) {
        let api = self.api
        let inbox = self.inbox
        Task.detached {
            do {
                inbox.post(.toolFinished(request: request, result: try api.run(request)))
            } catch {
                inbox.post(.toolFailed(request: request, error: String(describing: error)))
            }
        }
    }

    private func updateCard(request: Int, _ change: (inout ToolCard) -> Void) {
        for (index, entry) in entries.enumerated() {
            if case .tool(var card) = entry, card.request == request {
                change(&card)
                entries[index] = .tool(card)
            }
        }
    }
}
