import Foundation
import HelpdeskCore

/// The prompt on the bottom line: what it asks, and what each answer does.
extension AgentProgram {
    func ask(_ prompt: AgentPrompt, text: String = "") {
        self.prompt = prompt
        promptProblem = nil
        editor.set(text)
    }

    func handlePrompt(_ key: Key) {
        guard let prompt else { return }
        if key == .escape || key == .control("c") {
            if case .search(let previous) = prompt { search = previous }
            self.prompt = nil
            return
        }
        promptProblem = nil
        if key == .tab, case .assign = prompt {
            editor.set(Self.complete(editor.string, from: agentNames))
            return
        }
        // The editor ignores Enter on an empty line; some prompts take it as an answer.
        let emptyEnter = key == .enter && editor.isEmpty && !editor.pasting
        if case .submit(let text) = editor.handle(key) {
            answer(prompt, text)
        } else if emptyEnter && prompt.acceptsEmpty {
            answer(prompt, "")
        }
        if case .search = self.prompt {
            search = editor.string
            keepSelection(near: 0)
        }
    }

    /// Acts on an answer; a bad one keeps the prompt open and says what was wrong.
    private func answer(_ prompt: AgentPrompt, _ text: String) {
        self.prompt = nil
        let api = self.api
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch prompt {
        case .approve(let request):
            let note = trimmed.isEmpty ? nil : text
            act("Approved request #\(request.id); \(TerminalText.identifier(request.requester))'s chat runs it now.") {
                _ = try await api.decide(request.id, approve: true, note: note)
            }
        case .deny(let request):
            act("Denied request #\(request.id).") { _ = try await api.decide(request.id, approve: false, note: text) }
        case .comment(let id):
            change(ticket: id, "Commented on ticket #\(id).", showingLatest: true) {
                _ = try await api.comment(on: id, text, internal: false)
            }
        case .note(let id):
            change(ticket: id, "Added an internal note to ticket #\(id).", showingLatest: true) {
                _ = try await api.comment(on: id, text, internal: true)
            }
        case .status(let id):
            guard let status = Ticket.Status(rawValue: trimmed.lowercased()) else {
                return reject(prompt, text, "“\(trimmed)” is not a status: new, open, pending, resolved or closed.")
            }
            change(ticket: id, "Ticket #\(id) is \(status.rawValue).") { _ = try await api.setStatus(id, to: status) }
        case .priority(let id):
            let name = trimmed.uppercased()
            guard let priority = Priority(rawValue: name) ?? Priority(rawValue: "P" + name) else {
                return reject(prompt, text, "“\(trimmed)” is not a priority: P1, P2, P3 or P4.")
            }
            change(ticket: id, "Ticket #\(id) is \(priority.rawValue) now.") { _ = try await api.setPriority(id, to: priority) }
        case .assign(let id):
            guard agentNames.isEmpty || agentNames.contains(trimmed) else {
                let names = agentNames.map(TerminalText.identifier).joined(separator: ", ")
                return reject(prompt, text, "“\(TerminalText.identifier(trimmed))” is not an agent; agents: \(names).")
            }
            change(ticket: id, "Ticket #\(id) is assigned to \(TerminalText.identifier(trimmed)).") {
                _ = try await api.assign(id, to: trimmed)
            }
        case .search:
            search = trimmed
            keepSelection(near: 0)
        case .filter:
            do throws(QueueFilter.UnknownWord) {
                applyFilter(try QueueFilter.parse(text))
            } catch {
                reject(prompt, text, error.message)
            }
        }
    }

    /// Puts the prompt back with the answer given, and what was wrong with it.
    private func reject(_ prompt: AgentPrompt, _ text: String, _ problem: String) {
        ask(prompt, text: text)
        promptProblem = problem
    }

    /// Shows the tickets `filter` admits; a filter on finished tickets loads them.
    func applyFilter(_ filter: QueueFilter) {
        let reloading = filter.includesFinished != self.filter.includesFinished
        self.filter = filter
        keepSelection(near: 0)
        if reloading { reload() }
    }

    /// `typed` completed to the longest prefix the names starting with it share.
    static func complete(_ typed: String, from names: [String]) -> String {
        let candidates = names.filter { $0.hasPrefix(typed) }
        guard var common = candidates.first else { return typed }
        for name in candidates.dropFirst() {
            common = String(common.commonPrefix(with: name))
        }
        return common.count > typed.count ? common : typed
    }
}
