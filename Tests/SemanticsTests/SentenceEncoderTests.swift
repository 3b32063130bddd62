import Foundation
import Knowledge
import Testing

@testable import Semantics

/// The encoder computes what the reference implementation computes, and its vectors
/// carry meaning that shared words do not.
struct SentenceEncoderTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            let text: String
            let vector: [Float]
        }
        let cases: [Case]
    }

    /// Vectors computed from the same weights by an independent implementation (numpy).
    @Test func matchesTheReferenceVectors() throws {
        let encoder = try InstalledModel.encoder.get()
        for c in try InstalledModel.fixture("minilm-vectors.json", as: Vectors.self).cases {
            let vector = encoder.embed(c.text)
            #expect(vector.count == SentenceEncoder.dimensions)
            #expect(zip(vector, c.vector).allSatisfy { abs($0 - $1) < 1e-4 }, "\(c.text)")
        }
    }

    @Test func aParaphraseIsCloserThanAnotherTopic() throws {
        let encoder = try InstalledModel.encoder.get()
        func similarity(_ a: String, _ b: String) -> Float {
            zip(encoder.embed(a), encoder.embed(b)).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let paraphrase = similarity("I forgot my login", "How to reset your password")
        let other = similarity("I forgot my login", "Clearing a paper jam in the printer")
        #expect(paraphrase > other + 0.2)
    }

    @Test func aFolderWithoutAModelIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            _ = try SentenceEncoder(directory: folder)
        } throws: {
            "\($0)".contains(folder.path + "/vocab.txt")
        }
    }

    @Test func aTruncatedModelFileIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-model-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: InstalledModel.directory.get().appendingPathComponent("vocab.txt"),
            to: folder.appendingPathComponent("vocab.txt"))
        try Data([0xff, 0xff, 0, 0, 0, 0, 0, 0, 0x7b]).write(to: folder.appendingPathComponent("model.safetensors"))
        #expect(throws: SemanticModelError.malformed(folder.path + "/model.safetensors", "bad header length")) {
            _ = try SentenceEncoder(directory: folder)
        }
    }
}
