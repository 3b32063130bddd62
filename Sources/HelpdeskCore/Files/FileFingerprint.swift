import Foundation

/// Size and modification time: what tells that a file changed without reading it.
public struct FileFingerprint: Sendable, Equatable {
    public let size: Int64
    /// Nanoseconds since 1970.
    public let modified: Int64

    public init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    /// The file's fingerprint; nil when it cannot be read.
    public static func of(_ path: String) -> FileFingerprint? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return FileFingerprint(size: size.int64Value, modified: Int64(modified.timeIntervalSince1970 * 1e9))
    }
}
