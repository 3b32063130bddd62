import Foundation
import HelpdeskCore
import Store

/// The ticket side of the report, from each ticket's history: what was opened, resolved
/// and reopened, how fast (in business hours), whether on time, and how it was rated.
struct TicketFigures {
    let period: Range<Date>
    let clock: BusinessHours.Clock
    /// What is overdue is decided as of now.
    let now: Date

    /// What one ticket contributes.
    private struct Facts {
        /// The last time it reached `resolved` in the period.
        var resolved: Date?
        var reopened = false
        var firstResponse: Date?
        var firstContact = false
        var ratings: [Int] = []
    }

    func fill(_ report: inout Report, from tickets: [TicketHistory]) {
        var days = dayList()
        var firstResponses: [Priority: [TimeInterval]] = [:]
        var resolutions: [Priority: [TimeInterval]] = [:]
        var compliance: [Priority: (met: Int, total: Int)] = [:]
        var firstContact = 0
        var ratings: [Int] = []
        for ticket in tickets {
            let facts = facts(of: ticket)
            if period.contains(ticket.created) {
                report.tickets.opened.add(category: ticket.category, priority: ticket.priority, queue: ticket.queue)
                days[dayIndex(ticket.created)].opened += 1
            }
            if facts.reopened {
                report.tickets.reopened.add(category: ticket.category, priority: ticket.priority, queue: ticket.queue)
            }
            if let response = facts.firstResponse {
                firstResponses[ticket.priority, default: []].append(clock.seconds(from: ticket.created, to: response))
            }
            ratings += facts.ratings
            if let resolved = facts.resolved {
                report.tickets.resolved.add(category: ticket.category, priority: ticket.priority, queue: ticket.queue)
                days[dayIndex(resolved)].resolved += 1
                resolutions[ticket.priority, default: []].append(clock.seconds(from: ticket.created, to: resolved))
                if facts.firstContact { firstContact += 1 }
                let onTime = resolved <= ticket.dueBy
                compliance[ticket.priority, default: (0, 0)].total += 1
                if onTime { compliance[ticket.priority, default: (0, 0)].met += 1 }
                if !onTime { report.breached.append(breach(ticket, resolved: resolved)) }
            } else if ticket.status.isActive, period.contains(ticket.dueBy), ticket.dueBy < now {
                compliance[ticket.priority, default: (0, 0)].total += 1
                report.breached.append(breach(ticket, resolved: nil))
            }
        }
        report.ticketsPerDay = days
        report.firstContactResolution = .init(count: firstContact, of: report.tickets.resolved.total)
        report.times = Priority.allCases.map { priority in
            .init(
                priority: priority, firstResponse: .init(seconds: firstResponses[priority] ?? []),
                resolution: .init(seconds: resolutions[priority] ?? []))
        }
        report.sla = Priority.allCases.map { priority in
            let counts = compliance[priority] ?? (0, 0)
            return .init(priority: priority, met: .init(count: counts.met, of: counts.total))
        }
        report.csat.satisfied = .init(count: ratings.filter { $0 >= 4 }.count, of: ratings.count)
        report.csat.average = ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
        report.csat.ratings = Dictionary(ratings.map { (String($0), 1) }, uniquingKeysWith: +)
    }

    /// Reads one ticket's history. First contact (Freshservice): resolved the first time
    /// with at most one agent comment, none from the requester, and never reopened.
    private func facts(of ticket: TicketHistory) -> Facts {
        var facts = Facts()
        var previous: Ticket.Status = .new
        var firstResolved = false
        var agentComments = 0
        var requesterComments = 0
        var contactBroken = false
        for step in ticket.steps {
            let inPeriod = period.contains(step.at)
            switch step.kind {
            case .status(let status):
                if status == .resolved {
                    if inPeriod { facts.resolved = step.at }
                    if !firstResolved { contactBroken = requesterComments > 0 || agentComments > 1 }
                    firstResolved = true
                }
                if status == .open && (previous == .resolved || previous == .closed) {
                    contactBroken = true
                    if inPeriod { facts.reopened = true }
                }
                previous = status
            case .comment(let byRequester):
                if byRequester {
                    requesterComments += 1
                } else {
                    agentComments += 1
                    if agentComments == 1 && inPeriod { facts.firstResponse = step.at }
                }
            case .rating(let rating):
                if inPeriod { facts.ratings.append(rating) }
            }
        }
        facts.firstContact = !contactBroken
        return facts
    }

    private func breach(_ ticket: TicketHistory, resolved: Date?) -> Report.Breach {
        .init(ticket: ticket.id, priority: ticket.priority, title: ticket.title, dueBy: ticket.dueBy, resolved: resolved)
    }

    /// One entry per local day of the period, in the business hours' time zone.
    private func dayList() -> [Report.Day] {
        let first = clock.localDay(of: period.lowerBound)
        let last = clock.localDay(of: period.upperBound.addingTimeInterval(-1))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return (first...max(first, last)).map { day in
            .init(day: formatter.string(from: Date(timeIntervalSince1970: Double(day) * 86_400)))
        }
    }

    private func dayIndex(_ date: Date) -> Int {
        clock.localDay(of: date) - clock.localDay(of: period.lowerBound)
    }
}
