import Foundation
import HelpdeskCore

/// What the chat remembers: the conversation so far, what happened while it was closed,
/// and the resolved tickets waiting for the employee's word.
extension ChatProgram {
    /// Shows the last messages of the conversation, notices of what happened meanwhile
    /// included, above the welcome line.
    func showEarlierConversation() {
        let (api, conversation) = (self.api, self.conversation)
        perform({ try await api.recentMessages(of: conversation, limit: 40, before: nil) }) { result in
            guard case .success(let messages) = result else { return }
            let earlier = messages.map(Self.entry)
            if !earlier.isEmpty {
                self.entries.insert(contentsOf: [.notice("Earlier in this conversation:", .dim)] + earlier, at: 0)
            }
            self.lastMessage = messages.compactMap(\.id).max() ?? 0
            self.showNews()
        }
    }

    /// Messages stored since the newest shown that this chat did not write itself: what
    /// agents and decisions told us.
    func showNews(then next: @escaping () -> Void = {}) {
        guard let after = lastMessage else { return next() }
        let (api, conversation) = (self.api, self.conversation)
        perform({ try await api.messages(of: conversation, after: after) }) { result in
            defer { next() }
            guard case .success(let messages) = result, let newest = messages.compactMap(\.id).max(),
                newest > self.lastMessage ?? 0
            else { return }
            self.lastMessage = newest
            for message in messages where message.role == .notice { self.entries.append(Self.entry(message)) }
        }
    }

    private static func entry(_ message: Conversation.Message) -> ChatEntry {
        switch message.role {
        case .employee: .employee(message.text)
        case .helpdesk: .helpdesk(text: message.text, sources: [], streaming: false)
        case .notice: .notice(message.text, .accent)
        }
    }

    /// A card for each of our tickets an agent resolved that we have not confirmed yet.
    func askAboutResolvedTickets() {
        let api = self.api
        perform({ try await api.myTickets() }) { result in
            guard case .success(let tickets) = result else { return }
            for ticket in tickets.reversed() where ticket.status == .resolved { self.askAboutResolution(of: ticket) }
        }
    }

    func askAboutResolution(of ticket: Ticket) {
        let asked = entries.contains { entry in
            guard case .resolution(let card) = entry else { return false }
            return card.ticket == ticket.id && (card.state == .asking || card.state == .sending)
        }
        guard !asked else { return }
        entries.append(.resolution(ResolutionCard(ticket: ticket.id, title: ticket.title, state: .asking)))
    }

    /// Closes the ticket as fixed (with the rating) or reopens it.
    func confirmResolution(_ id: Int, fixed: Bool, rating: Int?) {
        let api = self.api
        perform({ try await api.confirmResolution(of: id, fixed: fixed, rating: rating) }) { result in
            for (index, entry) in self.entries.enumerated() {
                guard case .resolution(var card) = entry, card.ticket == id else { continue }
                switch result {
                case .success: card.state = fixed ? .closed(rating: rating) : .reopened
                case .failure(let error): card.state = .failed(String(describing: error))
                }
                self.entries[index] = .resolution(card)
            }
            self.refreshCounts()
        }
    }
}
