import Foundation
import Semantics

/// The installed sentence model (`scripts/install-model`), which these tests check.
enum InstalledModel {
    static let directory = Result {
        guard let directory = SentenceEncoder.installedDirectory else {
            throw Missing(
                description:
                    "no sentence model in \(SentenceEncoder.standardDirectories.joined(separator: " or ")); run scripts/install-model"
            )
        }
        return URL(fileURLWithPath: directory)
    }
    static let encoder = Result { try SentenceEncoder(directory: directory.get()) }

    struct Missing: Error, CustomStringConvertible { let description: String }

    static func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}
