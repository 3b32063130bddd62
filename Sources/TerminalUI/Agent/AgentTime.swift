import Foundation

/// How urgent a due time looks in the console: danger when overdue, warning under an hour.
enum AgentTime {
    static func urgency(of date: Date, now: Date = Date()) -> Screen.Style {
        let left = date.timeIntervalSince(now)
        return left < 0 ? .danger : left < 3600 ? .warning : .normal
    }
}
