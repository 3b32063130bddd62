import Foundation
import HelpdeskCore

/// The float tensors of a `.safetensors` file, mapped into memory rather than read: the
/// sentence model's 90 MB cost nothing until a page is touched, and are shared by every
/// process on the host that maps the same file.
///
/// Format: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the data.
final class SafeTensors: @unchecked Sendable {
    struct Tensor {
        let shape: [Int]
        let values: UnsafeBufferPointer<Float>
    }

    /// Identifies the model: a hash of the header, which holds every tensor's name, shape
    /// and place.
    let fingerprint: UInt64
    private let mapping: UnsafeMutableRawPointer
    private let size: Int
    private let tensors: [String: Tensor]

    init(contentsOf url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw SemanticModelError.unreadable(url.path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size > 8 else { throw SemanticModelError.malformed(url.path, "too short") }
        size = Int(status.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw SemanticModelError.unreadable(url.path, String(cString: strerror(errno)))
        }
        mapping = mapped
        do {
            (tensors, fingerprint) = try Self.parse(UnsafeRawBufferPointer(start: mapped, count: size), file: url.path)
        } catch {
            munmap(mapped, size)
            throw error
        }
    }

    deinit { munmap(mapping, size) }

    /// The tensor `name` with the shape the model needs; a clear error names what differs.
    func tensor(_ name: String, shape: [Int]) throws -> UnsafeBufferPointer<Float> {
        guard let tensor = tensors[name] else { throw SemanticModelError.missingTensor(name) }
        guard tensor.shape == shape else { throw SemanticModelError.wrongShape(name, tensor.shape, expected: shape) }
        return tensor.values
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws -> ([String: Tensor], UInt64) {
        let headerLength = Int(UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)))
        guard headerLength > 0, headerLength <= bytes.count - 8 else {
            throw SemanticModelError.malformed(file, "bad header length")
        }
        let header = Data(bytes[8..<(8 + headerLength)])
        guard let entries = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw SemanticModelError.malformed(file, "the header is not a JSON object")
        }
        let data = 8 + headerLength
        var tensors: [String: Tensor] = [:]
        // Only float tensors are weights; others (BERT's int64 position ids) are not read.
        for (name, entry) in entries where name != "__metadata__" {
            guard let entry = entry as? [String: Any] else {
                throw SemanticModelError.malformed(file, "tensor \(name) is not an object")
            }
            guard entry["dtype"] as? String == "F32" else { continue }
            guard let shape = entry["shape"] as? [Int], let range = entry["data_offsets"] as? [Int], range.count == 2,
                range[0] >= 0, range[0] <= range[1], data + range[1] <= bytes.count,
                range[1] - range[0] == shape.reduce(4, *), (data + range[0]) % 4 == 0
            else { throw SemanticModelError.malformed(file, "tensor \(name) is not a float32 tensor within the file") }
            let start = bytes.baseAddress?.advanced(by: data + range[0]).assumingMemoryBound(to: Float.self)
            tensors[name] = Tensor(shape: shape, values: UnsafeBufferPointer(start: start, count: shape.reduce(1, *)))
        }
        return (tensors, stableHash(header))
    }
}
