import HelpdeskCore

/// Compact charts of Unicode blocks, which every terminal with a UTF-8 font draws.
enum Chart {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// One to seven eighths of a column.
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// One mark per value, its height relative to the largest; a zero stays the lowest mark.
    static func sparkline(_ values: [Int]) -> String {
        let most = values.max() ?? 0
        return String(
            values.map { value in
                most == 0 || value == 0 ? levels[0] : levels[max(1, Int((Double(value) / Double(most) * 7).rounded()))]
            })
    }

    /// A horizontal bar `width` columns long for `most`, in eighths of a column.
    static func bar(_ value: Int, of most: Int, width: Int) -> String {
        guard most > 0 else { return "" }
        let total = Int((Double(value) / Double(most) * Double(width * 8)).rounded())
        let partial = total % 8 == 0 ? "" : String(eighths[total % 8 - 1])
        return String(repeating: "█", count: total / 8) + partial
    }

    static func daysPerBucket(_ days: Int, columns: Int) -> Int { (days + columns - 1) / columns }

    /// Days summed into at most `columns` buckets, so a long period still fits a line.
    static func buckets(_ days: [Report.Day], columns: Int) -> [Report.Day] {
        let size = daysPerBucket(days.count, columns: columns)
        guard size > 1 else { return days }
        return stride(from: 0, to: days.count, by: size).map { start in
            let slice = days[start..<min(start + size, days.count)]
            return Report.Day(
                day: slice.first?.day ?? "", opened: slice.map(\.opened).reduce(0, +),
                resolved: slice.map(\.resolved).reduce(0, +))
        }
    }
}
