/// What a section of an article is for, read from where it is and what its heading says.
///
/// Someone with a problem wants the section that tells them what to do, not the one that
/// says what the article covers or when to call IT; the engine uses this to tell them apart.
public enum PassageRole: Sendable, Equatable {
    /// The opening text, or a section headed "Overview", "Introduction", "Summary",
    /// "Background" or "About …": what the article is about and who it is for.
    case overview
    /// A section about handing over to people: "When to contact IT about …", "Escalation",
    /// "Getting help".
    case handover
    /// Everything else: steps, explanations, rules.
    case content
}

extension Passage {
    public var role: PassageRole {
        guard let heading else { return .overview }
        let words = heading.lowercased().split { !$0.isLetter }
        guard let first = words.first else { return .overview }
        if first == "about" || (words.count == 1 && ["overview", "introduction", "summary", "background"].contains(first)) {
            return .overview
        }
        let asksForHelp = zip(words, words.dropFirst()).contains {
            ["get", "getting", "more", "further"].contains($0) && $1 == "help"
        }
        let contacting = words.contains { $0 == "contact" || $0 == "contacting" || $0.hasPrefix("escalat") }
        if asksForHelp || contacting { return .handover }
        return .content
    }
}
