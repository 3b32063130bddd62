import Foundation
import HelpdeskCore
import Store

/// The self-service side of the report: conversations, what they solved or escalated, the
/// tools run and the articles shown.
struct ConversationFigures {
    let database: HelpdeskDatabase
    let period: Range<Date>
    /// A conversation the employee said was solved counts as self-service only if no
    /// ticket follows from it within this long: one that does was not really solved.
    static let selfServiceWindow: TimeInterval = 24 * 3600

    func fill(_ report: inout Report) throws {
        let total = try database.conversationsWithQuestions(in: period)
        let filed = try database.ticketsFiledFromConversations(
            in: period.lowerBound..<period.upperBound.addingTimeInterval(Self.selfServiceWindow))
        var last: [Int: (conversation: Int, solved: Bool, at: Date)] = [:]
        for answer in try database.outcomeAnswers(in: period) { last[answer.conversation] = answer }
        let selfSolved = last.values.filter { outcome in
            outcome.solved
                && !(filed[outcome.conversation] ?? []).contains {
                    $0 >= outcome.at && $0 < outcome.at.addingTimeInterval(Self.selfServiceWindow)
                }
        }
        let escalated = filed.values.filter { $0.contains(where: period.contains) }
        report.conversations.total = total
        report.conversations.selfService = .init(count: selfSolved.count, of: total)
        report.conversations.escalation = .init(count: escalated.count, of: total)
        report.conversations.selfServiceWindowHours = Int(Self.selfServiceWindow / 3600)

        report.toolRuns = try database.toolRequests(in: period).map { .init(tool: $0.tool, outcome: $0.state, count: $0.count) }

        report.articles = try database.articleOutcomes(in: period).map {
            .init(article: $0.article, helped: .init(count: $0.helped, of: $0.shown))
        }
        .sorted { ($0.helped.total, $1.article) > ($1.helped.total, $0.article) }
        .prefix(10).map { $0 }
    }
}
