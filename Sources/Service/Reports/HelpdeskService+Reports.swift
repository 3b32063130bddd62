import Engine
import Foundation
import HelpdeskCore
import Store

extension HelpdeskService {
    /// Agents: the report over `since` up to `until`. Computed here, next to the database,
    /// so the daemon's clients get the same figures as the embedded default.
    public func report(since: Date, until: Date) throws -> Report {
        guard role == .agent else { throw HelpdeskError.agentsOnly("read the report", demoAgentAllowed: demoAgentAllowed) }
        guard since < until else { throw HelpdeskError.invalid("a report's period must start before it ends") }
        return try report(since: since, until: until, now: Date())
    }

    /// The report as of `now`, which decides what is overdue and what text is still kept.
    func report(since: Date, until: Date, now: Date) throws -> Report {
        let period = since..<until
        let hours = configuration.businessHours ?? BusinessHours()
        var report = Report(since: since, until: until, businessHours: hours)
        TicketFigures(period: period, clock: hours.clock, now: now).fill(&report, from: try database.ticketHistories(in: period))
        try ConversationFigures(database: database, period: period).fill(&report)

        let keptSince = now.addingTimeInterval(-gapRetention)
        try database.forgetGapQuestions(before: keptSince)
        let gaps = try database.knowledgeGaps(in: period)
        report.unansweredQuestions = gaps.count
        let index = (engine as? GroundedEngine)?.index
        report.knowledgeGaps = Report.KnowledgeGaps(
            retentionDays: configuration.gapRetentionDays ?? 90, keptSince: max(keptSince, since),
            topics: GapTopics(index: index).group(gaps.compactMap(\.question)))
        return report
    }
}
