import Foundation
import HelpdeskCore

/// The report on a terminal, within 80 columns: figures, a sparkline of tickets per day,
/// bar charts of categories. Bold headings and red breaches only when `styled`.
struct ReportOutput {
    let report: Report
    let styled: Bool

    var text: TerminalString {
        [header, selfService, tickets, times, satisfaction, articles, Self.gaps(report.knowledgeGaps, styled: styled)]
            .joined(separator: "\n\n")
    }

    private func heading(_ title: String) -> TerminalString {
        styled ? "\(trusted: .bold)\(title)\(trusted: .normal)" : "\(title)"
    }

    private var header: TerminalString {
        let hours = report.businessHours
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].enumerated().filter { hours.days.contains($0.offset) }
        let span = "\(Self.day(report.since)) – \(Self.day(report.until.addingTimeInterval(-1)))"
        return heading("Report \(span)")
            + "\nbusiness hours \(days.map(\.element).joined(separator: " ")) \(Self.clock(hours.start))–\(Self.clock(hours.end)) \(hours.timeZone)"
    }

    private var selfService: TerminalString {
        let conversations = report.conversations
        let runs = Dictionary(grouping: report.toolRuns, by: \.tool).sorted { $0.key < $1.key }.map { tool, runs in
            "\(tool) " + runs.map { "\($0.outcome) \($0.count)" }.joined(separator: ", ")
        }
        return heading("Self-service")
            + "\n  conversations            \(Self.pad(conversations.total))"
            + "\n  self-service resolutions \(Self.share(conversations.selfService))  (no ticket within \(conversations.selfServiceWindowHours)h)"
            + "\n  escalated to a ticket    \(Self.share(conversations.escalation))"
            + "\n  unanswered questions     \(Self.pad(report.unansweredQuestions))"
            + "\n  tool runs                \(runs.isEmpty ? "none" : runs.joined(separator: "; "))"
    }

    private var tickets: TerminalString {
        let tickets = report.tickets
        var text = heading("Tickets") + "            opened resolved reopened"
        text +=
            "\n  total          \(Self.pad(tickets.opened.total, 8)) \(Self.pad(tickets.resolved.total, 8)) \(Self.pad(tickets.reopened.total, 8))"
        for priority in Priority.allCases.map(\.rawValue) {
            let counts = [tickets.opened, tickets.resolved, tickets.reopened].map { Self.pad($0.byPriority[priority] ?? 0, 8) }
            text += "\n  \(priority.padding(toLength: 13, withPad: " ", startingAt: 0)) \(counts.joined(separator: " "))"
        }
        text += "\n  first-contact resolution \(Self.share(report.firstContactResolution))"
        let buckets = Chart.buckets(report.ticketsPerDay, columns: 56)
        text += "\n  per day   opened \(Chart.sparkline(buckets.map(\.opened)))"
        text += "\n          resolved \(Chart.sparkline(buckets.map(\.resolved)))"
        if buckets.count < report.ticketsPerDay.count {
            text += "\n  (each mark is \(Chart.daysPerBucket(report.ticketsPerDay.count, columns: 56)) days)"
        }
        text += "\n  opened by category"
        let categories = tickets.opened.byCategory.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8)
        let most = categories.first?.value ?? 0
        for (category, count) in categories {
            let name = String(category.prefix(16)).padding(toLength: 16, withPad: " ", startingAt: 0)
            text += "\n    \(name) \(Chart.bar(count, of: most, width: 48)) \(count)"
        }
        if tickets.opened.byQueue.count > 1 {
            let queues = tickets.opened.byQueue.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            text += "\n  opened by queue  \(queues.map { "\($0.key) \($0.value)" }.joined(separator: " · "))"
        }
        return text
    }

    private var times: TerminalString {
        var text = heading("Times in business hours") + "   first response  resolution    SLA met"
        for (row, sla) in zip(report.times, report.sla) {
            let met = "\(sla.met.count)/\(sla.met.total)".padding(toLength: 9, withPad: " ", startingAt: 0)
            text +=
                "\n  \(row.priority.rawValue)                        \(Self.hours(row.firstResponse))  \(Self.hours(row.resolution))  \(met)\(Self.percent(sla.met.rate))"
        }
        guard !report.breached.isEmpty else { return text }
        text += "\n  " + (styled ? "\(trusted: .red)breached\(trusted: .defaultColor)" : "breached")
        for breach in report.breached.prefix(10) {
            let when = breach.resolved.map { "resolved \(Self.time($0))" } ?? "still open"
            text +=
                "\n    #\(breach.ticket) \(breach.priority.rawValue) due \(Self.time(breach.dueBy)), \(when): \(String(breach.title.prefix(30)))"
        }
        if report.breached.count > 10 { text += "\n    … and \(report.breached.count - 10) more (--json lists them all)" }
        return text
    }

    private var satisfaction: TerminalString {
        let csat = report.csat
        let spread = (1...5).map { "\($0)★ \(csat.ratings[String($0)] ?? 0)" }.joined(separator: "  ")
        return heading("Satisfaction")
            + "\n  CSAT (rated 4 or 5) \(Self.share(csat.satisfied))   average \(csat.average.map { String(format: "%.2f", $0) } ?? "—")"
            + "\n  \(spread)"
    }

    private var articles: TerminalString {
        var text = heading("Most cited articles") + "                              shown   it helped"
        for use in report.articles {
            let name = String(use.article.prefix(44)).padding(toLength: 44, withPad: " ", startingAt: 0)
            text += "\n  \(name) \(Self.pad(use.helped.total, 6))   \(Self.percent(use.helped.rate))"
        }
        return report.articles.isEmpty ? text + "\n  none shown in this period" : text
    }

    static func gaps(_ gaps: Report.KnowledgeGaps, styled: Bool) -> TerminalString {
        let title = "Knowledge gaps (questions kept \(gaps.retentionDays) days; these from \(day(gaps.keptSince)) on)"
        var text: TerminalString = styled ? "\(trusted: .bold)\(title)\(trusted: .normal)" : "\(title)"
        for topic in gaps.topics.prefix(10) {
            text += "\n  \(pad(topic.count, 3))× \(topic.words.prefix(4).joined(separator: ", "))"
            for example in topic.examples.prefix(2) { text += "\n        “\(String(example.prefix(64)))”" }
            if let article = topic.nearestArticle { text += "\n        nearest article: \(article)" }
        }
        return gaps.topics.isEmpty ? text + "\n  none" : text
    }

    // MARK: - Formatting

    static func pad(_ number: Int, _ width: Int = 5) -> String {
        String(repeating: " ", count: max(0, width - String(number).count)) + String(number)
    }

    static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%5.1f%%", $0 * 100) } ?? "    —"
    }

    static func share(_ share: Report.Share) -> String {
        "\(pad(share.count)) of \(pad(share.total, 5)) \(percent(share.rate))"
    }

    static func hours(_ mean: Report.Mean) -> String {
        let value = mean.hours.map { String(format: "%.1f h", $0) } ?? "—"
        return value.padding(toLength: 7, withPad: " ", startingAt: 0)
            + "(\(mean.count))".padding(toLength: 7, withPad: " ", startingAt: 0)
    }

    static func day(_ date: Date) -> String { date.formatted(.iso8601.year().month().day()) }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
}
