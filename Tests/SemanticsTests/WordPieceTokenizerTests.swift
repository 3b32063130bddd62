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
        try WordPieceTokenizer(contentsOf: InstalledModel.directory.get().appendingPathComponent("tokenizer.json"))
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
        #expect(try Self.tokenizer.get().ids(paste).count > 200_000)
    }

    @Test func aFileThatIsNotATokenizerIsNamedInTheError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-tokenizer-\(getpid()).json")
        try Data("{\"model\": 3}".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            _ = try WordPieceTokenizer(contentsOf: file)
        } throws: {
            "\($0)".contains(file.path)
        }
    }
}
