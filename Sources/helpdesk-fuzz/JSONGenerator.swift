/// Random JSON text shaped like `tools.json` or `config.json`: mostly the right keys with
/// values of the right type, and at every turn a chance of a wrong type, a typo, a huge
/// number, deep nesting or broken syntax.
final class JSONGenerator {
    var random: SplitMix64

    init(random: SplitMix64) { self.random = random }

    // MARK: - Documents

    /// A `tools.json` with a few (sometimes thousands of) tools.
    func toolsDocument() -> [UInt8] {
        let count = random.chance(0.02) ? random.size(upTo: 5_000) : random.size(upTo: 6)
        var names: [String] = []
        var tools: [String] = []
        for _ in 0..<count {
            // Reusing a name exercises the duplicate check.
            let name = !names.isEmpty && random.chance(0.1) ? random.pick(names) : identifier()
            names.append(name)
            tools.append(tool(named: name))
        }
        let root = random.chance(0.9) ? object([("tools", orWrong { array(tools) })]) : any(depth: 0)
        return finish(root)
    }

    /// A `config.json` with some of its keys, typos among them.
    func configDocument() -> [UInt8] {
        var members: [(String, String)] = []
        for key in ["knowledge", "tools", "database", "agents", "agentGroups", "demoAgent", "approvalExpiryMinutes", "sla"]
        where random.chance(0.5) {
            let name = random.chance(0.1) ? typo(of: key) : key
            switch key {
            case "agents", "agentGroups":
                members.append((name, orWrong { array((0..<random.size(upTo: 8)).map { _ in userName() }) }))
            case "demoAgent": members.append((name, orWrong { random.chance(0.5) ? "true" : "false" }))
            case "approvalExpiryMinutes": members.append((name, orWrong { number() }))
            case "sla": members.append((name, orWrong { slaObject() }))
            default:
                let path =
                    random.chance(0.8) ? "/srv/helpdesk/\(key)" : random.pick(["", "relative/path", "/tmp/\u{0}x", text()])
                members.append((name, orWrong { quoted(path) }))
            }
        }
        members.shuffle(using: &random)
        return finish(random.chance(0.95) ? object(members) : any(depth: 0))
    }

    /// Any JSON value, or something close to one: for the parser rather than the reader.
    func anyDocument() -> [UInt8] {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return finish(nested(depth: Int.random(in: 200...300, using: &random)))
        case 1: return finish(any(depth: 0))
        case 2:
            return finish(
                String(repeating: random.pick(["[", "{\"a\":", "[{\"b\":[", "-", "\""]), count: random.size(upTo: 50_000)))
        default: return finish(object((0..<random.size(upTo: 20_000)).map { index in ("k\(index % 997)", number()) }))
        }
    }

    // MARK: - Pieces of tools.json

    private func tool(named name: String) -> String {
        var members: [(String, String)] = [
            ("name", orWrong { quoted(name) }),
            ("title", orWrong { quoted(text()) }),
            ("description", orWrong { quoted(text()) }),
        ]
        if random.chance(0.7) {
            members.append(("examples", orWrong { array((0..<random.size(upTo: 6)).map { _ in quoted(text()) }) }))
        }
        let parameterNames = (0..<random.size(upTo: 4)).map { _ in identifier() }
        if random.chance(0.7) { members.append(("parameters", orWrong { parameters(parameterNames) })) }
        members.append(("approval", orWrong { quoted(random.pick(["agent", "none", "sometimes", "", "AGENT"])) }))
        members.append(("run", orWrong { run(parameterNames) }))
        if random.chance(0.05) { members.append((typo(of: random.pick(members).0), any(depth: 3))) }
        if random.chance(0.05) { members.removeSubrange(0..<Int.random(in: 0...members.count, using: &random)) }
        members.shuffle(using: &random)
        return object(members)
    }

    private func parameters(_ names: [String]) -> String {
        var properties: [(String, String)] = []
        for name in names {
            var property: [(String, String)] = [
                ("type", orWrong { quoted(random.pick(["string", "integer", "boolean", "array"])) })
            ]
            if random.chance(0.4) {
                let values = (0..<random.size(upTo: 5)).map { _ in identifier() }
                property.append(("enum", orWrong { array(values.map(quoted)) }))
                if random.chance(0.5), let value = values.first ?? (random.chance(0.5) ? "x" : nil) {
                    property.append(("synonyms", orWrong { object([(value, array([quoted(text())]))]) }))
                }
            }
            if random.chance(0.3) { property.append(("pattern", orWrong { quoted(pattern()) })) }
            if random.chance(0.3) { property.append(("minLength", orWrong { number() })) }
            if random.chance(0.3) { property.append(("maxLength", orWrong { number() })) }
            if random.chance(0.5) { property.append(("description", orWrong { quoted(text()) })) }
            properties.append((name, orWrong { object(property) }))
        }
        var members: [(String, String)] = [("type", orWrong { quoted(random.chance(0.9) ? "object" : "array") })]
        members.append(("properties", orWrong { object(properties) }))
        let required = names.filter { _ in random.chance(0.5) } + (random.chance(0.1) ? [identifier()] : [])
        members.append(("required", orWrong { array(required.map(quoted)) }))
        return object(members)
    }

    private func run(_ names: [String]) -> String {
        if random.chance(0.5) {
            let builtin = random.pick([
                "directory.reset_password", "directory.unlock_account", "directory.account_status", "shell.exec", "",
            ])
            return object([("builtin", orWrong { quoted(builtin) })])
        }
        var argv = [quoted(random.pick(["/usr/bin/cancel", "/bin/x", "rm", "", "/"]))]
        for _ in 0..<random.size(upTo: 6) {
            argv.append(quoted(random.pick(["-a", "{requester}", "{\(names.first ?? "who")}", "{", "}{", "{{x}}", text()])))
        }
        var members = [("argv", orWrong { array(argv) })]
        if random.chance(0.6) { members.append(("timeout_seconds", orWrong { number() })) }
        return object(members)
    }

    /// Regular expressions, including ones that are invalid, huge or slow to compile.
    private func pattern() -> String {
        random.pick([
            "[a-z0-9-]+", "(a+)+$", "[", "(?<n>x)", "\\", "a{1000000}", "(((((((((())))))))))", "\\p{L}+", "[\\s\\S]*",
            String(repeating: "(a|b)*", count: random.size(upTo: 200)), String(repeating: "[", count: random.size(upTo: 2000)),
            text(),
        ])
    }

    // MARK: - Pieces of config.json

    private func slaObject() -> String {
        var members: [(String, String)] = []
        for _ in 0..<random.size(upTo: 5) {
            let priority = random.chance(0.9) ? random.pick(["P1", "P2", "P3", "P4", "p3"]) : random.pick(["P9", "", "urgent"])
            let target =
                random.chance(0.7)
                ? random.pick(["1h", "4 hours", "3 days", "1 working day"])
                : random.pick([
                    "1h", "4 hours", "3 days", "1 working day", "soonish", "0h", "-1h", "99999999999999999999 days",
                    "1000000000 working days", "8760h", "261 working days", String(repeating: "9", count: 100) + "h",
                ])
            members.append((priority, orWrong { quoted(target) }))
        }
        return object(members)
    }

    private func userName() -> String {
        quoted(
            random.chance(0.9)
                ? random.pick(["alice", "bob", "ALICE", "b\u{200B}ob"]) : random.pick(["", "help desk", "root\n", "a\u{0}"]))
    }

    // MARK: - Values

    /// `right()` most of the time, otherwise a value of any type.
    private func orWrong(_ right: () -> String) -> String {
        random.chance(0.85) ? right() : any(depth: 4)
    }

    func any(depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 6 ? 5 : 7), using: &random) {
        case 0: return "null"
        case 1: return random.chance(0.5) ? "true" : "false"
        case 2: return number()
        case 3, 4: return quoted(text())
        case 5: return array((0..<random.size(upTo: 6)).map { _ in any(depth: depth + 1) })
        default: return object((0..<random.size(upTo: 6)).map { _ in (text(), any(depth: depth + 1)) })
        }
    }

    private func nested(depth: Int) -> String {
        var text = ""
        var closers: [String] = []
        for _ in 0..<depth {
            if random.chance(0.5) {
                text += "["
                closers.append("]")
            } else {
                text += "{\"k\":"
                closers.append("}")
            }
        }
        return text + "0" + closers.reversed().joined()
    }

    func number() -> String {
        random.pick([
            "0", "-0", "1", "5", "60", "600", "601", "10080", "10081", "-5", "0.5", "2.5", "1e300", "-1e300", "1e-300",
            "1E2", "1e999", "123456789012345678901234567890", "9007199254740993", "4.9e-324",
            String(repeating: "9", count: random.size(upTo: 2000) + 1), "\(Int.random(in: -100...100_000, using: &random))",
        ])
    }

    /// Text for a string: words, escapes, non-ASCII, controls, sometimes very long.
    func text() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return ""
        case 1: return String(repeating: random.pick(["a", "é", "\u{FEFF}", "👩‍💻", " ", "{x}"]), count: random.size(upTo: 100_000))
        case 2: return random.pick(["\u{0}", "\u{7}", "\u{1B}[31m", "\u{202E}evil", "e\u{301}", "\u{10FFFF}", "\r\n"])
        default:
            return (0..<random.size(upTo: 8)).map { _ in
                random.pick(["reset", "password", "VPN", "laptop", "Wi-Fi", "OneDrive", "it's", "über", "ﬁle", "日本語", "😀"])
            }.joined(separator: " ")
        }
    }

    private func identifier() -> String {
        random.chance(0.9)
            ? random.pick(["reset", "unlock", "status", "account", "printer", "a", "x1"])
                + "_\(Int.random(in: 0..<1000, using: &random))"
            : random.pick(["Reset!", "", "1abc", "a-b", "ß"])
    }

    private func typo(of key: String) -> String {
        guard !key.isEmpty else { return "x" }
        var scalars = Array(key.unicodeScalars)
        let index = Int.random(in: 0..<scalars.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: scalars.remove(at: index)
        case 1: scalars.insert(random.pick(["s", "_", " ", "A"]), at: index)
        case 2 where index + 1 < scalars.count: scalars.swapAt(index, index + 1)
        default: scalars[index] = random.pick(["e", "x", "Q"])
        }
        return String(String.UnicodeScalarView(scalars))
    }

    // MARK: - Writing

    /// A JSON string literal for `text`, escaped properly most of the time.
    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += random.chance(0.98) ? "\\n" : "\n"
            case _ where scalar.value < 0x20:
                result +=
                    random.chance(0.9)
                    ? "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16) : String(scalar)
            case _ where scalar.value > 0xFFFF && random.chance(0.3):
                let value = scalar.value - 0x10000
                result += "\\u" + String(0xD800 + (value >> 10), radix: 16) + "\\u" + String(0xDC00 + (value & 0x3FF), radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        if random.chance(0.02) { result += random.pick(["\\ud800", "\\udc00", "\\u12", "\\q"]) }
        return random.chance(0.99) ? result + "\"" : result
    }

    private func whitespace() -> String {
        if random.chance(0.002) { return "\u{00A0}" }  // not JSON whitespace, and invisible
        return random.chance(0.7) ? "" : random.pick([" ", "\n", "\r\n", "\t", "\n    "])
    }

    private func array(_ elements: [String]) -> String {
        var text = "[" + elements.map { whitespace() + $0 }.joined(separator: ",")
        if random.chance(0.02) { text += "," }
        return text + (random.chance(0.99) ? "]" : "")
    }

    private func object(_ members: [(String, String)]) -> String {
        var members = members
        if !members.isEmpty && random.chance(0.02) { members.append(random.pick(members)) }  // duplicate key
        var text =
            "{" + members.map { key, value in whitespace() + quoted(key) + ":" + whitespace() + value }.joined(separator: ",")
        if random.chance(0.02) { text += "," }
        return text + whitespace() + (random.chance(0.99) ? "}" : "")
    }

    /// The text as bytes, now and then with a byte-order mark, a NUL or invalid UTF-8.
    private func finish(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if random.chance(0.05) { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        if random.chance(0.03) {
            bytes.insert(random.pick([0x00, 0xFF, 0xC0, 0xED]), at: Int.random(in: 0...bytes.count, using: &random))
        }
        return bytes
    }
}
