import Foundation

/// The hours the helpdesk is staffed, for measuring response and resolution times as HDI
/// does: only the time inside them counts. Default Monday to Friday, 09:00 to 17:00, in
/// the host's time zone.
public struct BusinessHours: Sendable, Equatable, Codable {
    /// Working days, 0 = Sunday … 6 = Saturday.
    public let days: Set<Int>
    /// Minutes after local midnight the day starts and ends.
    public let start: Int
    public let end: Int
    public let timeZone: String

    public init(days: Set<Int> = [1, 2, 3, 4, 5], start: Int = 9 * 60, end: Int = 17 * 60, timeZone: String? = nil) {
        self.days = days
        self.start = start
        self.end = end
        self.timeZone = timeZone ?? TimeZone.current.identifier
    }

    /// The hours with their time zone looked up once, for measuring many tickets.
    public var clock: Clock { Clock(hours: self, zone: TimeZone(identifier: timeZone) ?? .current) }

    /// The business seconds between `start` and `end`; zero when `end` is not later.
    public func seconds(from start: Date, to end: Date) -> TimeInterval { clock.seconds(from: start, to: end) }

    public struct Clock: Sendable {
        let hours: BusinessHours
        let zone: TimeZone

        /// The business seconds between `start` and `end`; zero when `end` is not later.
        public func seconds(from start: Date, to end: Date) -> TimeInterval {
            guard end > start else { return 0 }
            return elapsed(until: end) - elapsed(until: start)
        }

        /// The local day of `date`, counted from 1 January 1970.
        public func localDay(of date: Date) -> Int {
            Int((localSeconds(date) / 86_400).rounded(.down))
        }

        private func localSeconds(_ date: Date) -> TimeInterval {
            date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))
        }

        /// Business seconds from the epoch to `date`: whole weeks, then the days left, then
        /// the part of `date`'s own day. O(1), so a report over 100,000 tickets need not walk
        /// calendars; local time follows the zone's offset at each instant, so a daylight
        /// saving change outside the hours costs nothing.
        private func elapsed(until date: Date) -> TimeInterval {
            let local = localSeconds(date)
            let day = (local / 86_400).rounded(.down)
            let dayLength = Double(max(hours.end - hours.start, 0) * 60)
            let index = Int(day)
            let weeks = index >= 0 ? index / 7 : (index - 6) / 7
            var total = Double(weeks * hours.days.count) * dayLength
            // Day 0, 1 January 1970, was a Thursday; so is the first day of every week counted.
            for offset in 0..<(index - weeks * 7) where hours.days.contains((4 + offset) % 7) { total += dayLength }
            if hours.days.contains(((index % 7) + 7 + 4) % 7) {
                total += min(max(local - day * 86_400 - Double(hours.start * 60), 0), dayLength)
            }
            return total
        }
    }

    /// Reads "Mon-Fri", "Sun-Thu" or "Mon,Wed,Fri" into weekdays (0 = Sunday).
    public static func days(_ text: String) -> Set<Int>? {
        let names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
        var days: Set<Int> = []
        for part in text.lowercased().split(separator: ",") {
            let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces).prefix(3) }
            guard (1...2).contains(ends.count), let first = names.firstIndex(of: String(ends[0])),
                let last = names.firstIndex(of: String(ends[ends.count - 1]))
            else { return nil }
            var day = first
            days.insert(day)
            while day != last {
                day = (day + 1) % 7
                days.insert(day)
            }
        }
        return days.isEmpty ? nil : days
    }

    /// Reads "09:00" into minutes after midnight; "24:00" is the end of the day.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...59).contains(minutes), (0...24).contains(hours), hours * 60 + minutes <= 24 * 60
        else { return nil }
        return hours * 60 + minutes
    }
}

extension BusinessHours {
    /// The days in order, so the same hours always encode to the same JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(days.sorted(), forKey: .days)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(timeZone, forKey: .timeZone)
    }
}
