import Foundation

/// The agents' report over a period: what self-service solved, what reached a person, how
/// fast and how well it was handled, and what the knowledge base is missing. The README's
/// "Reports" section gives each figure's definition and the industry one it follows.
public struct Report: Sendable, Equatable, Codable {
    /// From `since` up to, not including, `until`.
    public var since: Date
    public var until: Date
    public var businessHours: BusinessHours
    public var conversations: Conversations
    public var toolRuns: [ToolRuns]
    public var unansweredQuestions: Int
    public var tickets: Tickets
    public var ticketsPerDay: [Day]
    public var firstContactResolution: Share
    public var times: [Times]
    public var sla: [Compliance]
    public var breached: [Breach]
    public var csat: Satisfaction
    public var articles: [ArticleUse]
    public var knowledgeGaps: KnowledgeGaps

    public init(since: Date, until: Date, businessHours: BusinessHours) {
        self.since = since
        self.until = until
        self.businessHours = businessHours
        conversations = Conversations()
        toolRuns = []
        unansweredQuestions = 0
        tickets = Tickets()
        ticketsPerDay = []
        firstContactResolution = Share(count: 0, of: 0)
        times = []
        sla = []
        breached = []
        csat = Satisfaction()
        articles = []
        knowledgeGaps = KnowledgeGaps(retentionDays: 0, keptSince: since, topics: [])
    }

    /// `count` of `total`, with the rate; the rate is nil when there is nothing to divide by.
    public struct Share: Sendable, Equatable, Codable {
        public var count: Int
        public var total: Int
        public var rate: Double?

        public init(count: Int, of total: Int) {
            self.count = count
            self.total = total
            rate = total == 0 ? nil : Double(count) / Double(total)
        }
    }

    public struct Conversations: Sendable, Equatable, Codable {
        /// Conversations in which the employee wrote in the period.
        public var total = 0
        /// Ended by the employee saying an answer or a tool solved it, with no ticket filed
        /// from the conversation within `selfServiceWindowHours`.
        public var selfService = Share(count: 0, of: 0)
        /// Conversations from which a ticket was filed in the period.
        public var escalation = Share(count: 0, of: 0)
        public var selfServiceWindowHours = 0

        public init() {}
    }

    public struct ToolRuns: Sendable, Equatable, Codable {
        public let tool: String
        /// The request's state: executed, failed, denied, expired, pending, approved, running.
        public let outcome: String
        public let count: Int

        public init(tool: String, outcome: String, count: Int) {
            self.tool = tool
            self.outcome = outcome
            self.count = count
        }
    }

    public struct Tickets: Sendable, Equatable, Codable {
        public var opened = Breakdown()
        /// Tickets that reached `resolved` in the period.
        public var resolved = Breakdown()
        /// Tickets moved back to `open` from resolved or closed in the period.
        public var reopened = Breakdown()

        public init() {}
    }

    /// A count, and the same by category, priority and queue.
    public struct Breakdown: Sendable, Equatable, Codable {
        public var total = 0
        public var byCategory: [String: Int] = [:]
        public var byPriority: [String: Int] = [:]
        public var byQueue: [String: Int] = [:]

        public init() {}

        public mutating func add(category: String, priority: Priority, queue: String) {
            total += 1
            byCategory[category, default: 0] += 1
            byPriority[priority.rawValue, default: 0] += 1
            byQueue[queue, default: 0] += 1
        }
    }

    public struct Day: Sendable, Equatable, Codable {
        /// The local date in the business hours' time zone, "2025-03-14".
        public let day: String
        public var opened: Int
        public var resolved: Int

        public init(day: String, opened: Int = 0, resolved: Int = 0) {
            self.day = day
            self.opened = opened
            self.resolved = resolved
        }
    }

    /// Mean business hours per priority to the first agent comment and to resolution.
    public struct Times: Sendable, Equatable, Codable {
        public let priority: Priority
        public var firstResponse: Mean
        public var resolution: Mean

        public init(priority: Priority, firstResponse: Mean, resolution: Mean) {
            self.priority = priority
            self.firstResponse = firstResponse
            self.resolution = resolution
        }
    }

    public struct Mean: Sendable, Equatable, Codable {
        public let count: Int
        /// Nil when `count` is zero.
        public let hours: Double?

        public init(seconds: [TimeInterval]) {
            count = seconds.count
            hours = seconds.isEmpty ? nil : seconds.reduce(0, +) / Double(seconds.count) / 3600
        }
    }

    public struct Compliance: Sendable, Equatable, Codable {
        public let priority: Priority
        /// Tickets met on time, of those resolved in the period plus those still open whose
        /// due time passed in it.
        public let met: Share

        public init(priority: Priority, met: Share) {
            self.priority = priority
            self.met = met
        }
    }

    public struct Breach: Sendable, Equatable, Codable {
        public let ticket: Int
        public let priority: Priority
        public let title: String
        public let dueBy: Date
        /// When it was resolved, late; nil while it is still open.
        public let resolved: Date?

        public init(ticket: Int, priority: Priority, title: String, dueBy: Date, resolved: Date?) {
            self.ticket = ticket
            self.priority = priority
            self.title = title
            self.dueBy = dueBy
            self.resolved = resolved
        }
    }

    public struct Satisfaction: Sendable, Equatable, Codable {
        /// Ratings of 4 or 5, of all ratings given in the period.
        public var satisfied = Share(count: 0, of: 0)
        public var average: Double?
        /// How many of each rating, "1" to "5".
        public var ratings: [String: Int] = [:]

        public init() {}
    }

    public struct ArticleUse: Sendable, Equatable, Codable {
        public let article: String
        /// Times shown before "did that solve it?", and how many of those the employee said it did.
        public let helped: Share

        public init(article: String, helped: Share) {
            self.article = article
            self.helped = helped
        }
    }

    public struct KnowledgeGaps: Sendable, Equatable, Codable {
        public let retentionDays: Int
        /// Question text older than this is forgotten; the topics cover what is kept.
        public let keptSince: Date
        public var topics: [GapTopic]

        public init(retentionDays: Int, keptSince: Date, topics: [GapTopic]) {
            self.retentionDays = retentionDays
            self.keptSince = keptSince
            self.topics = topics
        }
    }

    /// Unanswered questions that share their most telling terms.
    public struct GapTopic: Sendable, Equatable, Codable {
        /// The shared terms (stems), most telling first.
        public let terms: [String]
        /// Each term as the examples most often wrote it: "parking" for `park`.
        public let words: [String]
        public let count: Int
        /// Up to five of the questions, as asked.
        public let examples: [String]
        /// The article search finds for the topic's terms, if any.
        public let nearestArticle: String?
        public let nearestTitle: String?

        public init(
            terms: [String], words: [String], count: Int, examples: [String], nearestArticle: String?, nearestTitle: String?
        ) {
            self.terms = terms
            self.words = words
            self.count = count
            self.examples = examples
            self.nearestArticle = nearestArticle
            self.nearestTitle = nearestTitle
        }
    }
}
