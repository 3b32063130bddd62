import Foundation
import Knowledge
import Testing

@testable import Engine

/// The section an answer quotes, judged against the sections a person chose as the best to
/// show first, for every answerable single message of each company (`section-choice.jsonl`,
/// labelled by someone who had not seen the engine). The article is the labelled one, so
/// only the choice of section within it is judged.
struct SectionLabelTests {
    /// How many messages get a labelled section, by words alone and with the sentence model.
    static func rightSections(_ company: DialogSuite.Company) throws -> (words: Int, meaning: Int, of: Int) {
        let engines = (words: try company.engine(), meaning: try company.engine(semantic: true))
        let labels = try company.sectionLabels()
        func right(_ engine: GroundedEngine) -> Int {
            labels.count { label in
                let query = MessageCues.withoutPreamble(label.message)
                guard let hit = engine.index.passages(ofArticle: label.article, for: query).first else { return false }
                return label.sections.contains(engine.section(toShow: hit, for: label.message, query: query).section)
            }
        }
        return (right(engines.words), right(engines.meaning), labels.count)
    }

    @Test func meaningChoosesTheLabelledSectionMoreOftenThanWords() throws {
        var total = (words: 0, meaning: 0)
        for company in try DialogSuite.companies() {
            let right = try Self.rightSections(company)
            print(
                "sections of \(company.name): \(right.words)/\(right.of) right by words, \(right.meaning)/\(right.of) with the sentence model"
            )
            #expect(right.meaning >= right.words, "\(company.name)")
            #expect(Double(right.words) >= 0.6 * Double(right.of), "\(company.name)")
            total = (total.words + right.words, total.meaning + right.meaning)
        }
        #expect(total.meaning > total.words)
    }
}
