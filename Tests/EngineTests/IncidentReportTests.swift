import HelpdeskCore
import Testing

@testable import Engine

/// Incidents told as employees tell them, and look-alikes that are not incidents (a
/// procedure question, one person's problem, a theft already dealt with), for each company,
/// each set written by someone who had not seen the engine:
/// - `incident-reports.jsonl`: 48 reports and 32 look-alikes each, by two writers. Each
///   writer's 40 were measured before any change was made for them; their misses were read
///   since, and the signs of an incident widened;
/// - `incident-reports-unread.jsonl`: 40 more per company by a third writer, measured but
///   never read, so that it still shows how the engine does on reports nobody fitted it to.
struct IncidentReportTests {
    struct Tally: CustomStringConvertible {
        var escalated = 0
        var rightPriority = 0
        var incidents = 0
        var falseAlarms = 0
        var lookAlikes = 0

        var description: String {
            "\(escalated)/\(incidents) escalated at P1/P2 (\(rightPriority) at the priority given), \(falseAlarms)/\(lookAlikes) look-alikes escalated"
        }
    }

    static func tally(_ company: DialogSuite.Company, file: String) throws -> Tally {
        let engine = try company.engine()
        var tally = Tally()
        for label in try company.incidentLabels(in: file) {
            let reply = engine.respond(to: label.message, in: Conversation()).0
            let priority = reply.kind == .escalate ? reply.ticket?.priority : nil
            let urgent = priority == .p1 || priority == .p2
            if label.incident {
                tally.incidents += 1
                if urgent { tally.escalated += 1 }
                if urgent, priority == label.priority { tally.rightPriority += 1 }
            } else {
                tally.lookAlikes += 1
                if urgent { tally.falseAlarms += 1 }
            }
        }
        return tally
    }

    /// The goal is 0.90 of the reports and none of the look-alikes; these floors only keep
    /// a change from making either worse than it was when the reports were written.
    @Test(arguments: try DialogSuite.companies())
    func reportsAreEscalatedAndLookAlikesAreNot(company: DialogSuite.Company) throws {
        let tally = try Self.tally(company, file: "incident-reports.jsonl")
        print("incident reports of \(company.name): \(tally)")
        #expect(tally.escalated * 3 >= tally.incidents * 2)
        #expect(tally.falseAlarms * 4 <= tally.lookAlikes)
        let unread = try Self.tally(company, file: "incident-reports-unread.jsonl")
        print("incident reports of \(company.name), unread: \(unread)")
        #expect(unread.escalated * 2 >= unread.incidents)
        #expect(unread.falseAlarms * 4 <= unread.lookAlikes)
    }
}
