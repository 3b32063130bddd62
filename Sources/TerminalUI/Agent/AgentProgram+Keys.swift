import Foundation
import HelpdeskCore

/// Keys on the queue and in the ticket view, and the changes they make.
extension AgentProgram {
    func handle(_ key: Key) -> Bool {
        if prompt != nil {
            handlePrompt(key)
            return true
        }
        if key == .control("c") { return false }
        notice = nil
        if showingKeys {
            showingKeys = false
            return true
        }
        if key == .character("?") || key == .function(1) {
            showingKeys = true
            return true
        }
        if detail != nil {
            handleTicketView(key)
            return true
        }
        if key == .character("q") { return false }
        handleQueue(key)
        return true
    }

    private func handleQueue(_ key: Key) {
        switch key {
        case .up, .character("k"): moveSelection(by: -1)
        case .down, .character("j"): moveSelection(by: 1)
        case .pageUp: moveSelection(by: -page)
        case .pageDown: moveSelection(by: page)
        case .home: moveSelection(by: -rows.count)
        case .end: moveSelection(by: rows.count)
        case .wheel(let lines): moveSelection(by: lines)
        case .enter: if let ticket = selectedTicket { open(ticket.id) }
        case .character("a"): if let request = selectedApproval { ask(.approve(request)) }
        case .character("d"): if let request = selectedApproval { ask(.deny(request)) }
        case .character("/"): ask(.search(previous: search), text: search)
        case .character("f"): ask(.filter, text: filter.description)
        case .character("r"): reload()
        case .escape where !search.isEmpty || !filter.isEmpty:
            search = ""
            applyFilter(QueueFilter())
        default: handleTicketKey(key)
        }
    }

    private func handleTicketView(_ key: Key) {
        switch key {
        case .escape, .character("q"):
            detail = nil
            reload()
        case .up, .character("k"): detailScroll -= 1
        case .down, .character("j"): detailScroll += 1
        case .pageUp: detailScroll -= max(page - 1, 1)
        case .pageDown, .character(" "): detailScroll += max(page - 1, 1)
        case .home, .character("g"): detailScroll = 0
        // The layout brings it back to the last page.
        case .end, .character("G"): detailScroll = Int.max / 2
        case .wheel(let direction): detailScroll += direction * 3
        case .character("r"): reload()
        default: handleTicketKey(key)
        }
    }

    /// Keys that work on a ticket, the one open or the one selected in the queue.
    private func handleTicketKey(_ key: Key) {
        guard let id = currentTicketID else { return }
        switch key {
        case .character("c"): ask(.comment(id))
        case .character("n"): ask(.note(id))
        case .character("s"): ask(.status(id))
        case .character("p"): ask(.priority(id))
        case .character("A"):
            ask(.assign(id))
            loadAgents()
        case .character("m"):
            let api = self.api
            change(ticket: id, "Ticket #\(id) is assigned to you.") { _ = try await api.assign(id, to: api.identity.user) }
        default: break
        }
    }

    /// Does `change`, then reloads; says what happened or why it was refused.
    func act(_ done: String, _ change: @escaping @Sendable () async throws -> Void) {
        perform(change) { result in
            self.reload {
                switch result {
                case .success: self.notice = (done, .success)
                case .failure(let error): self.notice = (String(describing: error), .danger)
                }
            }
        }
    }

    /// Changes ticket `id`, then shows it as it is now if it is open — at its end when
    /// `showingLatest`, so the comment just written is on screen — and reloads the queue.
    func change(
        ticket id: Int, _ done: String, showingLatest: Bool = false, _ edit: @escaping @Sendable () async throws -> Void
    ) {
        let api = self.api
        perform({
            try await edit()
            return try? await api.ticket(id)
        }) { result in
            if case .success(let detail?) = result, self.detail?.ticket.id == id {
                self.detail = detail
                if showingLatest { self.detailScroll = Int.max / 2 }
            }
            self.reload {
                switch result {
                case .success: self.notice = (done, .success)
                case .failure(let error): self.notice = (String(describing: error), .danger)
                }
            }
        }
    }

    /// Opens ticket `id` in detail, with its history, at the top.
    private func open(_ id: Int) {
        let api = self.api
        perform({ try await api.ticket(id) }) { result in
            switch result {
            case .success(let detail):
                self.detail = detail
                self.detailScroll = 0
            case .failure(let error): self.notice = (String(describing: error), .danger)
            }
        }
    }

    /// Fetches the configured agents, to offer and check when assigning.
    private func loadAgents() {
        let api = self.api
        perform({ try await api.agents() }) { result in
            if case .success(let names) = result { self.agentNames = names.sorted() }
        }
    }
}
