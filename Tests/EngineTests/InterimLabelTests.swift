import Foundation
import HelpdeskCore
import Knowledge
import Testing

@testable import Engine

/// The help an escalated incident offers in the meantime, judged against the section a
/// person chose as the best to do while IT takes over, or none where no article helps
/// (`interim-choice.jsonl`, labelled by someone who had not seen the engine).
struct InterimLabelTests {
    struct Tally: CustomStringConvertible {
        var engine = 0
        var bestPassage = 0
        var escalated = 0
        var labelled = 0

        var description: String {
            "\(engine)/\(escalated) right (best passage of the search: \(bestPassage)), \(escalated)/\(labelled) escalated"
        }
    }

    static func tally(_ company: DialogSuite.Company, semantic: Bool) throws -> Tally {
        let engine = try company.engine(semantic: semantic)
        var tally = Tally()
        for label in try company.interimLabels() {
            tally.labelled += 1
            let reply = engine.respond(to: label.message, in: Conversation()).0
            guard reply.kind == .escalate else { continue }
            tally.escalated += 1
            func isRight(_ shown: (article: String, section: String)?) -> Bool {
                guard let shown else { return label.article == nil }
                return shown.article == label.article && label.sections.contains(shown.section)
            }
            if isRight(reply.sources.first.map { ($0.article, $0.section) }) { tally.engine += 1 }
            // What the search alone would show: its best passage, if the gate takes it as
            // a pointer (half the confidence of an answer).
            let results = engine.index.search(MessageCues.withoutPreamble(label.message), limit: 5)
            let best = results.hits.first.flatMap {
                engine.gate.probability(of: $0, in: results, index: engine.index) >= LogisticModel.threshold / 2 ? $0 : nil
            }
            if isRight(best.map { ($0.article.id, $0.section) }) { tally.bestPassage += 1 }
        }
        return tally
    }

    @Test(arguments: [false, true])
    func interimHelpIsRightMoreOftenThanTheBestPassageOfTheSearch(semantic: Bool) throws {
        var total = (engine: 0, bestPassage: 0)
        for company in try DialogSuite.companies() {
            let tally = try Self.tally(company, semantic: semantic)
            print("interim help for \(company.name)\(semantic ? " with the sentence model" : " by words"): \(tally)")
            #expect(tally.engine >= tally.bestPassage, "\(company.name)")
            total = (total.engine + tally.engine, total.bestPassage + tally.bestPassage)
        }
        #expect(total.engine > total.bestPassage)
    }
}
