import Foundation
import Testing

@testable import Semantics

/// The tokenizer gives the ids Hugging Face's `tokenizers` gives, which the model was
/// trained on: any difference shifts what a sentence means to it.
struct WordPieceTokenizerTests {
    struct Cases: Decodable {
        struct Case: Decodable {
            let text: String
            let ids: [Int32]
        }
        let cases: [Case]
    }

    static let tokenizer = Result {
        try WordPieceTokenizer(contentsOf: InstalledModel.directory.get().appendingPathComponent("vocab.txt"))
    }

    /// 374 texts (questions, typos, accents, CJK, emoji, control characters, URLs, long
    /// words) with the ids `tokenizers` 0.23.3 gave them.
    @Test func givesTheIDsHuggingFaceGives() throws {
        let tokenizer = try Self.tokenizer.get()
        let cases = try InstalledModel.fixture("wordpiece-cases.json", as: Cases.self).cases
        #expect(cases.count > 300)
        for c in cases {
            #expect(tokenizer.ids(c.text) == c.ids, "\(c.text.debugDescription)")
        }
    }

    @Test func splitsUnknownWordsIntoPieces() throws {
        let tokenizer = try Self.tokenizer.get()
        #expect(tokenizer.ids("wipe my yubikey").count == 5)  // wipe, my, yu, ##bi, ##key
        #expect(tokenizer.ids("").isEmpty)
    }

    @Test func aMegabytePasteIsTokenized() throws {
        let paste = String(repeating: "my laptop won't connect to the vpn, ", count: 30_000)
        let tokenizer = try Self.tokenizer.get()
        #expect(tokenizer.ids(paste).count > 200_000)
        #expect(tokenizer.ids(paste, limit: 254) == Array(tokenizer.ids(paste).prefix(254)))
        // Words no vocabulary entry covers cost the most to split; the limit bounds that.
        let gibberish = (0..<10_000).map { _ in String((0..<100).map { _ in "qxzjvk".randomElement()! }) }
        #expect(tokenizer.ids(gibberish.joined(separator: " "), limit: 254).count == 254)
    }

    @Test func aFileThatIsNotAVocabularyIsNamedInTheError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-vocabulary-\(getpid()).txt")
        try Data("{\"model\": 3}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            _ = try WordPieceTokenizer(contentsOf: file)
        } throws: {
            "\($0)".contains(file.path)
        }
    }
}
