import ArgumentParser
import Foundation

/// `--since 7d|30d|DATE` and `--until DATE`: the period a report covers.
struct ReportPeriod: ParsableArguments {
    @Option(help: "Start: a number of days back (7d, 30d) or a date (2025-03-01, local time).") var since = "30d"
    @Option(help: "End: a date, whose whole day is included (default: now).") var until: String?

    /// The period from `since` up to, not including, `until`.
    func range(now: Date = Date()) throws -> (since: Date, until: Date) {
        let end = try until.map { try Self.date($0, option: "--until", endOfDay: true) } ?? now
        let start: Date
        if since.hasSuffix("d"), let days = Int(since.dropLast()), (1...3_660).contains(days) {
            start = end.addingTimeInterval(-Double(days) * 86_400)
        } else {
            start = try Self.date(since, option: "--since", endOfDay: false)
        }
        guard start < end else { throw ValidationError("--since must come before --until") }
        return (start, end)
    }

    /// A date (local midnight, or the next one for `endOfDay`) or an ISO 8601 time.
    static func date(_ text: String, option: String, endOfDay: Bool) throws -> Date {
        if let time = ISO8601DateFormatter().date(from: text) { return time }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let day = formatter.date(from: text) else {
            throw ValidationError("\(option) \"\(text)\" is not a date: write e.g. 2025-03-01 or 2025-03-01T09:00:00Z")
        }
        return endOfDay ? Calendar.current.date(byAdding: .day, value: 1, to: day) ?? day : day
    }
}
