import Foundation
import HelpdeskCore
import Knowledge

/// Turns a conversation into a ticket an agent can act on in one read: category,
/// priority, the problem in a sentence, key facts, and what was already suggested.
struct Triage {
    let index: KnowledgeIndex

    /// - Parameter priority: the priority when already known (an incident), else read
    ///   from what the employee wrote.
    func draft(for conversation: Conversation, reason: String, priority known: Priority? = nil) -> TicketDraft {
        let problem = problemStatement(conversation)
        let everything = conversation.employeeMessages.joined(separator: "\n")
        var summary = "Problem: \(problem)\n"
        let facts = keyFacts(in: everything)
        if !facts.isEmpty { summary += "Facts: " + facts.joined(separator: "; ") + "\n" }
        if conversation.cited.isEmpty {
            summary += "Already suggested: nothing.\n"
        } else {
            let suggested = conversation.cited.map { "\($0.title) › \($0.section) (\($0.article))" }
            summary += "Already suggested: " + suggested.joined(separator: "; ") + "\n"
        }
        summary += "Why escalated: \(reason)"
        let transcript = conversation.problemMessages.map { "\($0.role.rawValue): \($0.text)" }
        return TicketDraft(
            title: String(problem.prefix(80)), category: category(for: conversation, text: everything),
            priority: known ?? priority(of: everything), summary: summary, transcript: transcript)
    }

    /// The question being discussed, else the first message that says what is wrong (not a
    /// greeting or "get me a person"), on one line.
    private func problemStatement(_ conversation: Conversation) -> String {
        let messages = conversation.employeeMessages.filter { message in
            let cues = MessageCues(message)
            return !cues.isSmallTalk && !cues.wantsPerson && !cues.isYes && !cues.isNo && !cues.saysItDidNotHelp
        }
        let text = conversation.topic ?? messages.first ?? conversation.employeeMessages.last ?? "(no description)"
        let line = TerminalText.sanitize(text).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return line.count > 300 ? String(line.prefix(299)) + "…" : line
    }

    /// The category of the articles shown, else of the best match for what was said,
    /// else "general".
    private func category(for conversation: Conversation, text: String) -> String {
        if let cited = conversation.cited.first,
            let article = index.articles.first(where: { $0.id == cited.article }), let category = article.category
        {
            return category
        }
        // The category with the most score among the best five articles: one stray word
        // ("office" in "out of office") should not decide it.
        let topic = MessageCues(text).words.filter { !MessageCues.conversational.contains($0) }.joined(separator: " ")
        var scores: [String: Double] = [:]
        for hit in index.search(topic, limit: 5).hits {
            scores[hit.article.category ?? "general", default: 0] += hit.score
        }
        return scores.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "general"
    }

    /// P1 when many people or production are affected or a security incident is under
    /// way; P2 when someone cannot work or a deadline is close; P4 for requests that can
    /// wait; P3 otherwise. Frustration (shouting, "!!!") raises P3 to P2.
    private func priority(of text: String) -> Priority {
        let cues = MessageCues(text)
        if cues.hasAny([
            "everyone", "everybody", "whole team", "whole office", "all users", "all of us", "nobody can",
            "no one can", "entire", "production", "outage", "site down", "server down", "ransomware", "hacked",
            "breach", "data leak", "virus spreading",
        ]) {
            return .p1
        }
        let startsSoon = zip(cues.words, zip(cues.words.dropFirst(), cues.words.dropFirst(2))).contains { word, next in
            word == "in" && Int(next.0) != nil && ["min", "mins", "minutes", "hour", "hours"].contains(next.1)
        }
        let blocked =
            startsSoon
            || cues.hasAny([
                "cant work", "cannot work", "unable to work", "can not work", "urgent", "asap", "deadline", "immediately",
                "right now", "blocked", "presentation", "meeting in", "client waiting", "customer waiting", "today",
                "emergency", "critical", "customer call", "client call",
            ])
        let letters = text.filter(\.isLetter)
        let shouting = letters.count >= 12 && letters.filter(\.isUppercase).count * 10 >= letters.count * 7
        let frustrated =
            shouting || text.contains("!!") || cues.hasAny(["wtf", "ridiculous", "fed up", "again and again", "useless"])
        if blocked || frustrated { return .p2 }
        if cues.hasAny([
            "when you have time", "no rush", "no hurry", "not urgent", "whenever", "would like", "request", "new software",
            "nice to have",
        ]) {
            return .p4
        }
        return .p3
    }

    /// Account, device and quoted error messages mentioned anywhere in the conversation.
    private func keyFacts(in text: String) -> [String] {
        var facts: [String] = []
        let cues = MessageCues(text)
        let devices = [
            ("windows", "Windows"), ("mac", "Mac"), ("macbook", "Mac"), ("iphone", "iPhone"), ("android", "Android"),
            ("ipad", "iPad"), ("phone", "phone"), ("laptop", "laptop"), ("login host", "Linux login host"),
            ("linux", "Linux"), ("printer", "printer"), ("monitor", "monitor"), ("docking station", "docking station"),
        ]
        var seen = Set<String>()
        let named = devices.filter { cues.has($0.0) && seen.insert($0.1).inserted }.map(\.1)
        if !named.isEmpty { facts.append("device: " + named.joined(separator: ", ")) }
        let accounts = ["vpn", "email", "outlook", "wifi", "mfa", "ssh", "sudo", "onedrive", "teams"]
        let systems = accounts.filter(cues.has)
        if !systems.isEmpty { facts.append("systems: " + systems.joined(separator: ", ")) }
        let quoted = Self.quotations(in: text)
        if !quoted.isEmpty { facts.append("error: " + quoted.map { "“\($0)”" }.joined(separator: ", ")) }
        return facts
    }

    /// Text in quotes, or after "error:" / "says", up to the end of the line: what the
    /// screen said, worth copying verbatim into the ticket.
    static func quotations(in text: String) -> [String] {
        var found: [String] = []
        let sanitized = TerminalText.sanitize(text, keepNewlines: true)
        for pattern in [#""([^"\n]{3,200})""#, #"“([^”\n]{3,200})”"#, #"(?i)(?:error|says|message)\s*[:=]\s*([^\n]{3,200})"#] {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(sanitized.startIndex..., in: sanitized)
            for match in expression.matches(in: sanitized, range: range) {
                if let captured = Range(match.range(at: 1), in: sanitized) {
                    let quote = sanitized[captured].trimmingCharacters(in: .whitespaces)
                    if !found.contains(quote) { found.append(quote) }
                }
            }
        }
        return found
    }
}
