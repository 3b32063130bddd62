import Foundation
import HelpdeskCore
import Logging

private let log = Logger(label: "helpdesk.chat")

extension ChatProgram {
    func receive(_ message: Message) {
        switch message {
        case .reply(let event): apply(event)
        case .replyFailed(let line, let error):
            log.error("reply failed", metadata: ["error": "\(error)"])
            finishStreaming()
            entries.append(.notice("The helpdesk could not answer: \(error)", .danger))
            // Nothing typed is lost: a message the helpdesk never got goes back to the input line.
            if error.code == .unavailable && editor.isEmpty { editor.set(line) }
        case .event(let event): update(for: event)
        case .connectionLost(let error):
            if !disconnected {
                disconnected = true
                entries.append(.notice("Lost the helpdesk (\(error)); reconnecting…", .danger))
            }
        case .toolFinished(let request, let result):
            updateCard(request: request, movingToTheEnd: true) {
                $0.state = .finished(message: result.message, succeeded: result.succeeded)
            }
        case .toolFailed(let request, let error):
            log.error("request could not run", metadata: ["request": "\(request)", "error": "\(error)"])
            updateCard(request: request, movingToTheEnd: true) { $0.state = .failed(error) }
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
        case .done(let reply, let next):
            entries[index] = .helpdesk(text: text, sources: sources, streaming: false)
            present(reply)
            withdrawUnaskedCards(next)
        }
    }

    /// Cards for what the reply prepared. A request the employee confirmed was filed by
    /// the helpdesk, and the reply says which: its card now waits for an agent, or runs.
    private func present(_ reply: Reply) {
        if reply.kind == .tool, let call = reply.tool {
            if reply.toolConfirmed {
                let proposed = entries.lastIndex { if case .tool(let c) = $0 { c.state == .proposed } else { false } }
                guard let proposed, case .tool(let card) = entries[proposed] else { return }
                guard let request = reply.request else {
                    return updateCard(card.id) { $0.state = .failed("not filed") }
                }
                updateCard(card.id) { $0.state = .waiting(request: request.id) }
                if request.state == .approved {
                    updateCard(card.id) { $0.state = .approved(request: request.id, by: nil, note: nil) }
                    run(request.id)
                }
            } else {
                entries.append(
                    .tool(
                        ToolCard(
                            call: call, title: reply.toolTitle ?? call.tool, needsApproval: reply.toolNeedsApproval,
                            state: .proposed)))
            }
        }
        if reply.kind == .escalate, let draft = reply.ticket {
            entries.append(.ticket(TicketCard(draft: draft, state: .proposed)))
        }
    }

    /// The engine owns the question a proposed card asks: once it no longer waits for a
    /// yes to that request ("no", or the employee moved on), the card says so.
    private func withdrawUnaskedCards(_ conversation: Conversation) {
        for (index, entry) in entries.enumerated() {
            guard case .tool(var card) = entry, card.state == .proposed else { continue }
            if case .confirming(let call) = conversation.pending, call == card.call { continue }
            card.state = .cancelled
            entries[index] = .tool(card)
        }
    }

    private func finishStreaming() {
        for (index, entry) in entries.enumerated() {
            if case .helpdesk(let text, let sources, true) = entry {
                entries[index] = .helpdesk(text: text.isEmpty ? "…" : text, sources: sources, streaming: false)
            }
        }
    }

    /// Files the ticket a card proposed.
    func file(_ card: TicketCard) {
        let (api, draft, conversation) = (self.api, card.draft, self.conversation)
        perform({ try await api.fileTicket(draft, from: conversation) }) { result in
            for (index, entry) in self.entries.enumerated() {
                guard case .ticket(var shown) = entry, shown.id == card.id else { continue }
                switch result {
                case .success(let ticket): shown.state = .filed(ticket.id)
                case .failure(let error): shown.state = .failed(String(describing: error))
                }
                self.entries[index] = .ticket(shown)
            }
            self.refreshCounts()
        }
    }

    /// Runs requests approved while this chat was closed or disconnected: their results
    /// (a temporary password, say) are delivered here, once.
    func runApprovedRequests() {
        let api = self.api
        perform({ try await api.approvedRequests() }) { result in
            guard case .success(let requests) = result else { return }
            for request in requests where !self.entries.contains(where: { $0.isCard(for: request.id) }) {
                self.entries.append(
                    .tool(
                        ToolCard(
                            call: request.call, title: request.call.tool, needsApproval: true,
                            state: .approved(request: request.id, by: request.decidedBy, note: request.note),
                            decision: Self.decision(request))))
                self.run(request.id)
            }
        }
    }

    /// Something changed for us, in this process or any other: what we were told of it,
    /// a resolved ticket to confirm, a decision on one of our requests.
    private func update(for event: HelpdeskEvent) {
        refreshCounts()
        // The card after the notice that the ticket was resolved, as it happened.
        let resolved = event.ticket.flatMap { $0.status == .resolved && $0.requester == api.identity.user ? $0 : nil }
        showNews { if let resolved { self.askAboutResolution(of: resolved) } }
        guard event.kind == .approvalDecided, let request = event.request else { return }
        var approved = false
        updateCard(request: request.id) { card in
            card.decision = Self.decision(request)
            switch request.state {
            case .approved:
                card.state = .approved(request: request.id, by: request.decidedBy, note: request.note)
                approved = true
            case .denied: card.state = .denied(by: request.decidedBy, reason: request.note)
            case .expired: card.state = .failed("the request expired before an agent decided it; ask again")
            default: break
            }
        }
        if approved { run(request.id) }
    }

    /// "approved by alice: checked", for the card.
    private static func decision(_ request: ApprovalRequest) -> String? {
        let verb: String
        switch request.state {
        case .approved: verb = "approved"
        case .denied: verb = "denied"
        default: return nil
        }
        return "\(verb) by \(TerminalText.identifier(request.decidedBy ?? "an agent"))" + (request.note.map { ": \($0)" } ?? "")
    }

    /// Runs an approved request in the background; the result (with any temporary password)
    /// comes back to this screen only.
    private func run(_ request: Int) {
        let api = self.api
        let inbox = self.inbox
        Task.detached {
            do {
                inbox.post(.toolFinished(request: request, result: try await api.run(request)))
            } catch {
                inbox.post(.toolFailed(request: request, error: String(describing: error)))
            }
        }
    }

    private func updateCard(_ id: UUID, _ change: (inout ToolCard) -> Void) {
        for (index, entry) in entries.enumerated() {
            if case .tool(var card) = entry, card.id == id {
                change(&card)
                entries[index] = .tool(card)
            }
        }
    }

    /// Changes request `request`'s card; a result moves it to the end, where the employee
    /// is looking, however far it had scrolled away.
    private func updateCard(request: Int, movingToTheEnd: Bool = false, _ change: (inout ToolCard) -> Void) {
        guard let index = entries.firstIndex(where: { $0.isCard(for: request) }), case .tool(var card) = entries[index] else {
            return
        }
        change(&card)
        if movingToTheEnd {
            entries.remove(at: index)
            entries.append(.tool(card))
        } else {
            entries[index] = .tool(card)
        }
    }
}
