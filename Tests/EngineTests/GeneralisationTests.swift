import Engine
import Foundation
import HelpdeskCore
import Testing

/// The engine on every company's dialog suite, with the figures that say whether it decides
/// right for a company it was not tuned on: overall, false answers to what it should not
/// answer, tool requests with every argument, incidents escalated at P1/P2, and whole
/// conversations. Printed for each company on every `swift test`.
struct GeneralisationTests {
    /// What one company's suite measured.
    struct Score: CustomStringConvertible {
        var turns = Tally()
        /// Replies that answered a message expected to be `not_found` or `escalate`.
        var falseAnswers = Tally()
        var toolsWithArguments = Tally()
        var incidents = Tally()
        var conversations = Tally()

        struct Tally {
            var hits = 0
            var total = 0
            var rate: Double { total == 0 ? 1 : Double(hits) / Double(total) }
            mutating func count(_ hit: Bool) {
                total += 1
                if hit { hits += 1 }
            }
            var text: String { "\(hits)/\(total) (\(String(format: "%.2f", rate)))" }
        }

        mutating func record(_ expected: DialogSuite.Expectation, _ reply: Reply) -> Bool {
            let right = expected.mismatches(reply).isEmpty
            turns.count(right)
            if expected.kind == "not_found" || expected.kind == "escalate" { falseAnswers.count(reply.kind == .answer) }
            if expected.kind == "tool" { toolsWithArguments.count(right) }
            if expected.kind == "escalate", let priority = expected.priority, priority == "P1" || priority == "P2" {
                incidents.count(reply.kind == .escalate && [.p1, .p2].contains(reply.ticket?.priority))
            }
            return right
        }

        var description: String {
            "overall \(turns.text) · false answers \(falseAnswers.text) · tool with every argument \(toolsWithArguments.text)"
                + " · incidents at P1/P2 \(incidents.text) · conversations right throughout \(conversations.text)"
        }
    }

    static func score(_ company: DialogSuite.Company) throws -> Score {
        let engine = try company.engine()
        var score = Score()
        for expectation in try company.expectations() {
            _ = score.record(expectation, engine.respond(to: expectation.message, in: Conversation()).0)
        }
        for dialog in try company.dialogs() {
            var conversation = Conversation()
            var allRight = true
            for expectation in dialog.turns {
                let (reply, next) = engine.respond(to: expectation.message, in: conversation)
                conversation = next
                allRight = score.record(expectation, reply) && allRight
            }
            score.conversations.count(allRight)
        }
        return score
    }

    /// Floors under today's figures, so a change that makes the engine worse on a company
    /// fails here. They are not the goal: the goal, on each company held out of fitting, is
    /// overall ≥ 0.90, false answers ≤ 0.02, tools ≥ 0.90 and incidents ≥ 0.90.
    static let floors: [String: Double] = ["shipped": 0.95, "harborview": 0.60, "quillstack": 0.60]

    @Test(arguments: try DialogSuite.companies())
    func eachCompanysFiguresArePrinted(company: DialogSuite.Company) throws {
        let suite = try company.expectations()
        #expect(suite.count >= 150, "a company's suite has at least 150 single messages")
        #expect(try company.dialogs().count >= 25, "and at least 25 conversations")
        let score = try Self.score(company)
        print("\(company.name): \(score)")
        #expect(score.turns.rate >= Self.floors[company.name] ?? 0.9, "\(company.name): \(score)")
    }
}
