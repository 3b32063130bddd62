import Foundation
import HelpdeskCore

/// The report as CSV for spreadsheets: `metric,dimension,value`, one figure a line, so a
/// pivot table can slice it. Text from people (titles, questions) cannot start a formula.
enum ReportCSV {
    static func text(_ report: Report) -> String {
        var rows: [[String]] = [["metric", "dimension", "value"]]
        func add(_ metric: String, _ dimension: String = "", _ value: String) { rows.append([metric, dimension, value]) }
        func add(_ metric: String, _ share: Report.Share) {
            add(metric, "count", String(share.count))
            add(metric, "total", String(share.total))
            add(metric, "rate", share.rate.map { String($0) } ?? "")
        }
        func add(_ metric: String, _ breakdown: Report.Breakdown) {
            add(metric, "total", String(breakdown.total))
            for (name, counts) in [
                ("category", breakdown.byCategory), ("priority", breakdown.byPriority), ("queue", breakdown.byQueue),
            ] {
                for (key, count) in counts.sorted(by: { $0.key < $1.key }) { add(metric, "\(name):\(key)", String(count)) }
            }
        }
        add("period", "since", ISO8601DateFormatter().string(from: report.since))
        add("period", "until", ISO8601DateFormatter().string(from: report.until))
        add("conversations", "total", String(report.conversations.total))
        add("conversations.selfService", report.conversations.selfService)
        add("conversations.escalation", report.conversations.escalation)
        for run in report.toolRuns { add("toolRuns", "\(run.tool):\(run.outcome)", String(run.count)) }
        add("unansweredQuestions", "", String(report.unansweredQuestions))
        add("tickets.opened", report.tickets.opened)
        add("tickets.resolved", report.tickets.resolved)
        add("tickets.reopened", report.tickets.reopened)
        for day in report.ticketsPerDay {
            add("ticketsPerDay.opened", day.day, String(day.opened))
            add("ticketsPerDay.resolved", day.day, String(day.resolved))
        }
        add("firstContactResolution", report.firstContactResolution)
        for row in report.times {
            add("times.firstResponse.hours", row.priority.rawValue, row.firstResponse.hours.map { String($0) } ?? "")
            add("times.resolution.hours", row.priority.rawValue, row.resolution.hours.map { String($0) } ?? "")
        }
        for row in report.sla { add("sla.\(row.priority.rawValue)", row.met) }
        for breach in report.breached { add("sla.breached", "#\(breach.ticket) \(breach.priority.rawValue)", breach.title) }
        add("csat.satisfied", report.csat.satisfied)
        add("csat.average", "", report.csat.average.map { String($0) } ?? "")
        for (rating, count) in report.csat.ratings.sorted(by: { $0.key < $1.key }) { add("csat.ratings", rating, String(count)) }
        for use in report.articles { add("articles.\(use.article)", use.helped) }
        for topic in report.knowledgeGaps.topics {
            let name = topic.words.joined(separator: " ")
            add("knowledgeGaps.count", name, String(topic.count))
            for example in topic.examples { add("knowledgeGaps.example", name, example) }
        }
        return rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a
    /// spreadsheet shows the text rather than running it (OWASP's CSV injection advice).
    private static func cell(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
