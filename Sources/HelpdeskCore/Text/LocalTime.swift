import Foundation

/// Times as people read them: local clock times (the store keeps seconds since 1970) and
/// spans such as "due in 3h 20m". One wording for the chat, the console and the command line.
public enum LocalTime {
    /// "14:05" today, "Mon 23 Nov 14:05" on another day, in the local time zone.
    public static func clock(_ date: Date, now: Date = Date()) -> String {
        let calendar = Calendar.current
        let parts = calendar.dateComponents([.weekday, .day, .month, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        guard !calendar.isDate(date, inSameDayAs: now) else { return time }
        let weekday = calendar.shortWeekdaySymbols[((parts.weekday ?? 1) - 1) % 7]
        let month = calendar.shortMonthSymbols[((parts.month ?? 1) - 1) % 12]
        return "\(weekday) \(parts.day ?? 1) \(month) \(time)"
    }

    /// "45m", "3h 20m", "2d 4h": two units at most, so a line stays short.
    public static func span(_ seconds: TimeInterval) -> String {
        let minutes = Int(abs(seconds) / 60)
        if minutes < 1 { return "<1m" }
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 1440 { return minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h \(minutes % 60)m" }
        let hours = minutes / 60
        return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d \(hours % 24)h"
    }

    /// "due in 3h 20m" or "overdue 20m".
    public static func due(_ date: Date, now: Date = Date()) -> String {
        let left = date.timeIntervalSince(now)
        return left < 0 ? "overdue \(span(left))" : "due in \(span(left))"
    }
}
