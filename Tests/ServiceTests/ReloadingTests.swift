import Foundation
import HelpdeskCore
import Service
import Testing

/// A running service follows the files an admin edits: a change is picked up, a broken
/// change keeps the last good version, and fixing it is picked up again.
struct ReloadingTests {
    @Test func aChangeIsPickedUpAndABrokenOneKeepsTheLastGoodVersion() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tools.json").path
        try "1".write(toFile: file, atomically: true, encoding: .utf8)
        let loaded = try Reloading(watching: { FileFingerprint.of(file).map { [file: $0] } ?? [:] }, every: .zero) {
            guard let number = Int(try String(contentsOfFile: file, encoding: .utf8)) else {
                throw CocoaError(.fileReadCorruptFile)
            }
            return number
        }
        #expect(loaded.value == 1)
        try "22".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(loaded.value == 22)
        try "not a number".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(loaded.value == 22, "a broken edit keeps the last good version")
        try "333".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(loaded.value == 333)
    }
}
