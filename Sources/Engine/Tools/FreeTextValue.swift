import HelpdeskCore

/// Finds the value of a free-text parameter (a `pattern` and no `enum`: a program, a
/// printer queue, a group) in what an employee wrote: "could you put Blender on my
/// machine" gives "Blender", "add me to the payments-api team" gives "payments-api".
///
/// A value looks like a name: it has a digit or a symbol inside (`7-Zip`, `ng-4west-01`,
/// `Notepad++`), or capitals where a sentence has none (`Visio`, `RStudio`). Runs of capitalised words are
/// one name when the pattern allows spaces ("Adobe Acrobat Reader"). A plain lower-case
/// word is a weaker candidate, and only when no article uses it ("add me to sre"). Common
/// words never are: stop words, the tool's own wording, and words frequent in the
/// knowledge base.
struct FreeTextValue: Sendable {
    /// How a lower-case word is used: ordinary vocabulary, a word the knowledge base uses
    /// now and then, or one it never uses.
    enum WordUse: Sendable { case common, rare, unseen }

    let parameter: Parameter
    let use: @Sendable (String) -> WordUse

    /// The most name-like value in `message` that the parameter accepts, or nil when
    /// there is none or two are equally likely.
    func value(in message: String) -> String? {
        let ranked = candidates(in: message).sorted { $0.strength > $1.strength }
        guard let best = ranked.first else { return nil }
        if ranked.count > 1, ranked[1].strength == best.strength, ranked[1].text != best.text { return nil }
        return best.text
    }

    struct Candidate {
        let text: String
        let strength: Double
    }

    func candidates(in message: String) -> [Candidate] {
        let allowsSpaces = accepts("ab cd")
        var found: [Candidate] = []
        var run: [(text: String, strength: Double)] = []
        func closeRun() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            let text = run.map(\.text).joined(separator: " ")
            guard accepts(text) else { return }
            found.append(Candidate(text: text, strength: (run.map(\.strength).max() ?? 0) + 0.5 * Double(run.count - 1)))
        }
        var sentenceStart = true
        for raw in message.split(whereSeparator: \.isWhitespace) {
            let token = Self.trimmed(raw)
            let endsClause = raw.last.map { ",;.!?:".contains($0) } ?? false
            defer { sentenceStart = raw.last.map { ".!?:".contains($0) } ?? false }
            var strength = token.isEmpty ? 0 : nameStrength(token, sentenceStart: sentenceStart)
            // "Adobe Acrobat Reader": a capitalised common word continues a name already begun,
            // but not "I" or "A" ("Adobe XD" does).
            let connector = token.count < 2 || (token.count < 3 && isCommon(token.lowercased()))
            if strength == 0, allowsSpaces, !run.isEmpty, token.first?.isUppercase == true, !connector {
                strength = 0.5
            }
            guard strength > 0, accepts(token) else {
                closeRun()
                continue
            }
            // Capitalised words in a row are one name, where the pattern allows spaces.
            let joins = allowsSpaces && token.first?.isUppercase == true && run.last?.text.first?.isUppercase == true
            if !joins { closeRun() }
            run.append((token, strength))
            if endsClause || !allowsSpaces { closeRun() }
        }
        closeRun()
        return found
    }

    private func isCommon(_ word: String) -> Bool { use(word) == .common }

    /// 2 for a digit or symbol inside, 1 for capitals mid-sentence, 0.5 for a word no
    /// article uses, 0 for anything else.
    private func nameStrength(_ token: String, sentenceStart: Bool) -> Double {
        let lower = token.lowercased()
        let letters = token.filter(\.isLetter)
        if Self.hasSymbolInside(token) {
            // A name of its own unless it is a common word written with a hyphen ("wi-fi").
            let joined = lower.filter { $0.isLetter || $0.isNumber }
            if letters.isEmpty && token.count < 3 { return 0 }
            return !token.contains(where: \.isNumber) && isCommon(joined) ? 0 : 2
        }
        if isCommon(lower) { return 0 }
        if Self.isCapitalisedName(token, sentenceStart: sentenceStart) { return 1 }
        return !token.contains(where: \.isUppercase) && letters.count > 1 && use(lower) == .unseen ? 0.5 : 0
    }

    /// A digit, or a symbol between letters, as names have and words do not: `7-Zip`,
    /// `ng-4west-01`, `Notepad++`, `node.js`.
    static func hasSymbolInside(_ token: String) -> Bool {
        token.contains(where: \.isNumber) || token.dropFirst().dropLast().contains(where: { "-._+".contains($0) })
            || token.hasSuffix("++")
    }

    /// Capitals where a sentence has none: `Visio` mid-sentence, `RStudio` anywhere.
    static func isCapitalisedName(_ token: String, sentenceStart: Bool) -> Bool {
        let capitals = token.filter(\.isUppercase).count
        return capitals > 1 || (capitals == 1 && !sentenceStart)
    }

    /// `text` without the names it gives: "Which program (its name, for example Inkscape
    /// or Notepad++)?" keeps "Which program (its name, for example or".
    static func withoutNames(_ text: String) -> String {
        var sentenceStart = true
        var kept: [Substring] = []
        for raw in text.split(whereSeparator: \.isWhitespace) {
            defer { sentenceStart = raw.last.map { ".!?:".contains($0) } ?? false }
            let token = trimmed(raw)
            if !hasSymbolInside(token) && !isCapitalisedName(token, sentenceStart: sentenceStart) { kept.append(raw) }
        }
        return kept.joined(separator: " ")
    }

    private func accepts(_ text: String) -> Bool { (try? parameter.validate(text)) != nil }

    /// The token without quotes and sentence punctuation around it; `Notepad++` keeps its
    /// pluses and `ng-4west-01` its hyphens.
    static func trimmed(_ token: Substring) -> String {
        let edges: Set<Character> = ["\"", "'", "“", "”", "‘", "’", ",", ";", ":", "!", "?", "(", ")", "[", "]", "."]
        var text = token
        while let first = text.first, edges.contains(first) { text = text.dropFirst() }
        while let last = text.last, edges.contains(last) { text = text.dropLast() }
        if text.hasSuffix("'s") || text.hasSuffix("’s") { text = text.dropLast(2) }
        return String(text)
    }
}

extension Parameter {
    /// A value written freely within a `pattern` (a program, a printer queue, a group),
    /// not chosen from an `enum`.
    var isFreeText: Bool { allowedValues == nil && pattern != nil && kind == .string }
}
