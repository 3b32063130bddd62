import Foundation

/// How long each priority may take to resolve.
///
/// Defaults: P1 1 hour, P2 4 hours, P3 1 working day, P4 3 days. Working days skip
/// Saturday and Sunday (in UTC); holidays are not known.
public struct ServiceLevels: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case minutes(Int)
        case hours(Int)
        case days(Int)
        case workingDays(Int)
    }

    public var targets: [Priority: Target]

    public init(targets: [Priority: Target] = [.p1: .hours(1), .p2: .hours(4), .p3: .workingDays(1), .p4: .days(3)]) {
        self.targets = targets
    }

    /// When a ticket of `priority` opened at `start` is due.
    public func dueDate(for priority: Priority, from start: Date) -> Date {
        switch targets[priority] ?? .days(3) {
        case .minutes(let minutes): return start.addingTimeInterval(Double(minutes) * 60)
        case .hours(let hours): return start.addingTimeInterval(Double(hours) * 3600)
        case .days(let days): return start.addingTimeInterval(Double(days) * 86_400)
        case .workingDays(let days):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
            var due = start
            var left = days
            while left > 0 {
                due = due.addingTimeInterval(86_400)
                if !calendar.isDateInWeekend(due) { left -= 1 }
            }
            return due
        }
    }

    /// Reads "30m", "45 minutes", "1h", "4 hours", "3 days", "1 working day".
    public static func parse(_ text: String) -> Target? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber }
        guard let count = Int(digits), count > 0 else { return nil }
        switch trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces) {
        case "m", "min", "mins", "minute", "minutes": return .minutes(count)
        case "h", "hour", "hours": return .hours(count)
        case "d", "day", "days": return .days(count)
        case "working day", "working days", "workday", "workdays": return .workingDays(count)
        default: return nil
        }
    }
}
