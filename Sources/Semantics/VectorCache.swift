import Foundation
import HelpdeskCore

/// Passage vectors on disk, keyed by a hash of the text encoded. A cache: a missing,
/// foreign or damaged file is ignored and rewritten, never an error.
struct VectorCache {
    private static let magic: UInt32 = 0x4844_5643  // "HDVC"
    let path: String?
    /// The model's fingerprint: another model's vectors mean nothing to this one.
    let model: UInt64
    private var vectors: [UInt64: [Float]] = [:]

    init(path: String?, model: UInt64) {
        self.path = path
        self.model = model
        guard let path, let data = FileManager.default.contents(atPath: path) else { return }
        vectors = decode(data) ?? [:]
    }

    func vector(for text: String) -> [Float]? { vectors[Self.key(text)] }

    mutating func store(_ vector: [Float], for text: String) { vectors[Self.key(text)] = vector }

    /// Writes the vectors of `texts` (those of deleted passages are dropped) to a temporary
    /// file renamed into place, so that readers only ever see a whole file. Up to `spare`
    /// others are kept too.
    func save(keeping texts: [String], spare: Int = 0) {
        guard let path else { return }
        var keys = Set(texts.map(Self.key))
        let limit = keys.count + spare
        for key in vectors.keys.sorted() where keys.count < limit { keys.insert(key) }
        var data = Data()
        func append<T>(_ value: T) { withUnsafeBytes(of: value) { data.append(contentsOf: $0) } }
        append(Self.magic)
        append(UInt32(SentenceEncoder.dimensions))
        append(model)
        for (key, vector) in vectors where keys.contains(key) {
            append(key)
            vector.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        if FileManager.default.createFile(atPath: temporary, contents: data) {
            if rename(temporary, path) != 0 { unlink(temporary) }
        }
    }

    private func decode(_ data: Data) -> [UInt64: [Float]]? {
        let d = SentenceEncoder.dimensions
        let header = 16
        let entry = 8 + 4 * d
        guard data.count >= header, (data.count - header) % entry == 0 else { return nil }
        return data.withUnsafeBytes { bytes -> [UInt64: [Float]]? in
            guard bytes.loadUnaligned(as: UInt32.self) == Self.magic,
                bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self) == d,
                bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == model
            else { return nil }
            var vectors: [UInt64: [Float]] = [:]
            var offset = header
            while offset < bytes.count {
                let key = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                vectors[key] = (0..<d).map { bytes.loadUnaligned(fromByteOffset: offset + 8 + 4 * $0, as: Float.self) }
                offset += entry
            }
            return vectors
        }
    }

    static func key(_ text: String) -> UInt64 { stableHash(text.utf8) }
}
