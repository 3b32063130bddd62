/// Byte-level changes to a valid input, the kind a text editor, a bad copy and paste or a
/// hostile admin make: most land somewhere a parser must say what is wrong.
struct Mutator {
    /// Inputs never grow past this: the point is odd structure, not running out of memory.
    static let maximumSize = 1 << 21

    /// Tokens worth inserting whole: JSON syntax, numbers at the edges of `Double`, escapes
    /// that decode to surrogates or NUL, byte-order marks, invalid UTF-8 and Markdown
    /// structure.
    static let dictionary: [[UInt8]] = {
        let texts = [
            "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "false", "tru", "nul", "-", "-0", "0", "00",
            "1e300", "1e309", "-1e400", "1e-400", "0.5", "1.", ".5", "1e", "1E+2", "9223372036854775808",
            "18446744073709551616", "123456789012345678901234567890", "\\u0000", "\\ud800", "\\udc00", "\\ud83d\\ude00",
            "\\uZZZZ", "\\x41", "\u{FEFF}", "\u{00A0}", "\u{201C}", "\u{202E}", "\u{200B}", "é", "e\u{301}", "👩‍💻",
            "\r\n", "\r", "\t", "\n", "//", "/*", "'", "---", "---\n", "--- ", "----", "# ", "## ", "### ", "```",
            "~~~", "```swift\n", "- ", "-", "[a, b", "a, b]", "title:", "tags:", "category:", "tags: [", "title: \"",
            "\"tools\"", "\"name\"", "\"title\"", "\"description\"", "\"examples\"", "\"parameters\"", "\"approval\"",
            "\"run\"", "\"builtin\"", "\"argv\"", "\"timeout_seconds\"", "\"properties\"", "\"required\"", "\"enum\"",
            "\"synonyms\"", "\"pattern\"", "\"minLength\"", "\"maxLength\"", "\"agents\"", "\"agent\"", "\"sla\"",
            "\"agentGroups\"", "\"demoAgent\"", "\"approvalExpiryMinutes\"", "\"knowledge\"", "\"database\"",
            "\"P1\"", "\"p9\"", "\"1 working day\"", "\"agent\"", "\"none\"", "\"directory.reset_password\"",
            "\"{account}\"", "\"{requester}\"", "\"{\"", "\"}{\"", "\"/bin/sh\"", "\"(a+)+$\"", "\"[\"", "\"a{1000000}\"",
        ]
        return texts.map { Array($0.utf8) } + [
            [0xEF, 0xBB, 0xBF], [0x00], [0xFF], [0xFE], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xE2, 0x82], [0x80], [0xF0, 0x9F, 0x98], [0xC3], [0xC3, 0x28],
        ]
    }()

    /// `input` changed by one to eight stacked mutations; `donors` supply material to splice in.
    static func mutate(_ input: [UInt8], donors: [[UInt8]], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            mutateOnce(&bytes, donors: donors, using: &random)
            if bytes.count > maximumSize { bytes.removeLast(bytes.count - maximumSize) }
        }
        return bytes
    }

    private static func mutateOnce(_ bytes: inout [UInt8], donors: [[UInt8]], using random: inout SplitMix64) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        func range() -> Range<Int> {
            guard !bytes.isEmpty else { return 0..<0 }
            let start = Int.random(in: 0..<bytes.count, using: &random)
            return start..<min(bytes.count, start + random.size(upTo: 256) + 1)
        }
        switch Int.random(in: 0..<14, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[position % bytes.count] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1 where !bytes.isEmpty:
            bytes[position % bytes.count] = random.pick([
                0x00, 0xFF, 0x80, 0xC0, 0xED, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x0A,
            ])
        case 2:
            bytes.removeSubrange(range())
        case 3:
            let chunk = Array(bytes[range()])
            bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &random))
        case 4, 5:
            bytes.insert(contentsOf: random.pick(dictionary), at: position)
        case 6:
            bytes.removeLast(bytes.count - position)
        case 7:
            // One chunk repeated into a long line or a long run of brackets.
            let chunk = bytes.isEmpty ? random.pick(dictionary) : Array(bytes[range()].prefix(16))
            let times = random.size(upTo: 100_000 / max(1, chunk.count)) + 1
            var repeated: [UInt8] = []
            repeated.reserveCapacity(chunk.count * times)
            for _ in 0..<times { repeated += chunk }
            bytes.insert(contentsOf: repeated, at: position)
        case 8:
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
        case 9 where !donors.isEmpty:
            // Splice: a piece of another input, in place of a piece of this one.
            let donor = random.pick(donors)
            guard !donor.isEmpty else { return }
            let start = Int.random(in: 0..<donor.count, using: &random)
            let piece = donor[start..<min(donor.count, start + random.size(upTo: 4096) + 1)]
            let replaced = range()
            bytes.replaceSubrange(replaced, with: piece)
        case 10:
            let first = range()
            let second = range()
            guard first.upperBound <= second.lowerBound else { return }
            let a = Array(bytes[first])
            let b = Array(bytes[second])
            bytes.replaceSubrange(second, with: a)
            bytes.replaceSubrange(first, with: b)
        case 11:
            // Line endings changed throughout, as a Windows editor would.
            var converted: [UInt8] = []
            converted.reserveCapacity(bytes.count + bytes.count / 16)
            for byte in bytes {
                if byte == 0x0A { converted.append(0x0D) }
                converted.append(byte)
            }
            bytes = converted
        case 12:
            // A digit run replaced by an enormous or odd number.
            let number = random.pick([
                "1e300", "-1e300", "1e999", "-0", "0.000001", "4.9e-324", "1.7976931348623157e308", "600.0000001",
                "10080", "10081", String(repeating: "9", count: random.size(upTo: 5000) + 1),
            ])
            bytes.insert(contentsOf: Array(number.utf8), at: position)
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
    }
}
