/// Little-endian, length-prefixed encoding for the index cache: an order of magnitude
/// faster than Codable for arrays of millions of integers.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func write(_ string: String) {
        write(UInt32(string.utf8.count))
        bytes += string.utf8
    }

    mutating func write(_ string: String?) {
        write(UInt8(string == nil ? 0 : 1))
        if let string { write(string) }
    }

    mutating func write<T: FixedWidthInteger>(_ values: [T]) {
        write(UInt64(values.count))
        values.withUnsafeBytes { bytes += $0 }  // every supported host is little-endian
    }
}

/// Reads what `BinaryWriter` wrote; every read is bounds-checked, so a truncated or
/// corrupt cache fails with `BinaryReader.Truncated` instead of crashing.
struct BinaryReader {
    struct Truncated: Error {}
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) throws(Truncated) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw Truncated() }
        var value = T.zero
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<(offset + size)]) }
        offset += size
        return T(littleEndian: value)
    }

    mutating func readString() throws(Truncated) -> String {
        let count = Int(try read(UInt32.self))
        guard bytes.count - offset >= count else { throw Truncated() }
        defer { offset += count }
        return String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
    }

    mutating func readOptionalString() throws(Truncated) -> String? {
        try read(UInt8.self) == 0 ? nil : try readString()
    }

    mutating func readArray<T: FixedWidthInteger>(_: T.Type = T.self) throws(Truncated) -> [T] {
        let count = try read(UInt64.self)
        let size = MemoryLayout<T>.size
        guard count <= UInt64(bytes.count - offset) / UInt64(size) else { throw Truncated() }
        let length = Int(count) * size
        let values = [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + length)]))
            }
            initialized = Int(count)
        }
        offset += length
        return values
    }
}
