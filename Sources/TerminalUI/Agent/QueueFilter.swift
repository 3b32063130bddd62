import Foundation
import HelpdeskCore

/// Which tickets the queue shows, as the agent types it: any mix of `mine`, `unassigned`,
/// `queues` (the agent's own queues), a queue (`queue:netops`), a priority (`p1`), a status
/// (`pending` or `status:pending`) and a category (`category:network`); every condition
/// must hold. `all`, or nothing, shows every ticket.
struct QueueFilter: Equatable {
    var mine = false
    var unassigned = false
    /// Only tickets in the queues the agent belongs to.
    var myQueues = false
    var queue: String?
    var priority: Priority?
    var status: Ticket.Status?
    var category: String?

    /// A word of a filter that means nothing.
    struct UnknownWord: Error {
        let word: String

        var message: String {
            "“\(word)” is not a filter (mine, unassigned, queues, queue:Q, p1–p4, status:S, category:C, all)"
        }
    }

    /// Reads a filter as the agent typed it.
    /// - Throws: `UnknownWord` naming the first word that is not a condition.
    static func parse(_ text: String) throws(UnknownWord) -> QueueFilter {
        var filter = QueueFilter()
        for word in text.lowercased().split(whereSeparator: \.isWhitespace) {
            try filter.add(String(word))
        }
        return filter
    }

    /// Adds one condition: a keyword, a bare priority or status, or `key:value`.
    private mutating func add(_ word: String) throws(UnknownWord) {
        let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
        let key = parts.count == 2 ? parts[0] : nil
        let value = parts.last ?? word
        if key == nil, value == "all" {
            self = QueueFilter()
        } else if key == nil, value == "mine" {
            mine = true
        } else if key == nil, value == "unassigned" {
            unassigned = true
        } else if key == nil, value == "queues" {
            myQueues = true
        } else if key == "queue", !value.isEmpty {
            queue = value
        } else if key == nil || key == "priority", let priority = Priority(rawValue: value.uppercased()) {
            self.priority = priority
        } else if key == nil || key == "status", let status = Ticket.Status(rawValue: value) {
            self.status = status
        } else if key == "category", !value.isEmpty {
            category = value
        } else {
            throw UnknownWord(word: word)
        }
    }

    var isEmpty: Bool { self == QueueFilter() }

    /// Resolved and closed tickets are left out of the queue unless the filter asks for them.
    var includesFinished: Bool { status.map { !$0.isActive } ?? false }

    /// - Parameter queues: the queues the agent belongs to, for `queues`.
    func admits(_ ticket: Ticket, me: String, queues: [String]) -> Bool {
        (!mine || ticket.assignee == me) && (!unassigned || ticket.assignee == nil)
            && (!myQueues || queues.contains(ticket.queue))
            && queue.map { ticket.queue.caseInsensitiveCompare($0) == .orderedSame } ?? true
            && priority.map { ticket.priority == $0 } ?? true
            && status.map { ticket.status == $0 } ?? true
            && category.map { ticket.category.caseInsensitiveCompare($0) == .orderedSame } ?? true
    }

    /// The filter as it would be typed: "mine p1 status:pending".
    var description: String {
        var words: [String] = []
        if mine { words.append("mine") }
        if unassigned { words.append("unassigned") }
        if myQueues { words.append("queues") }
        if let queue { words.append("queue:\(queue)") }
        if let priority { words.append(priority.rawValue.lowercased()) }
        if let status { words.append("status:\(status.rawValue)") }
        if let category { words.append("category:\(category)") }
        return words.joined(separator: " ")
    }
}
