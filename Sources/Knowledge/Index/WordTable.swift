/// A hash table from short UTF-8 byte strings to ids, for the words and terms of a corpus:
/// indexing looks up every word of every article, and a `[String: UInt32]` would build a
/// `String` and run SipHash for each. Keys come from the knowledge base, and a query only
/// looks words up, so a simple FNV-1a hash is safe here.
struct WordTable: Sendable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var values: [UInt32] = []
    private var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    var count: Int { values.count }

    func value(for word: String) -> UInt32? {
        var word = word
        return word.withUTF8 { value(for: $0) }
    }

    mutating func insert(_ word: String, value: UInt32) {
        var word = word
        word.withUTF8 { insert($0, value: value) }
    }

    /// Calls `body` with every word, as bytes valid during the call, and its value.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for entry in 0..<values.count {
                body(UnsafeBufferPointer(rebasing: all[starts[entry]..<(starts[entry] + lengths[entry])]), values[entry])
            }
        }
    }

    func value(for word: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if hashes[entry] == hash, lengths[entry] == word.count, equals(entry, word) { return values[entry] }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Adds `word`, which must not be in the table yet.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, value: UInt32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(word)
        hashes.append(hash)
        starts.append(bytes.count)
        lengths.append(word.count)
        values.append(value)
        bytes += word
        place(values.count - 1, hash: hash)
    }

    /// Every word with its value, as strings.
    var entries: [(word: String, value: UInt32)] {
        (0..<values.count).map { (String(decoding: bytes[starts[$0]..<(starts[$0] + lengths[$0])], as: UTF8.self), values[$0]) }
    }

    private func equals(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        var j = starts[entry]
        while i < word.count {
            if bytes[j] != word[i] { return false }
            i += 1
            j += 1
        }
        return true
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for entry in 0..<values.count { place(entry, hash: hashes[entry]) }
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
