import HelpdeskCore
import Knowledge

extension GroundedEngine {
    /// Answers from the best passage, or says plainly that the knowledge base does not
    /// cover the question and offers a ticket.
    func answer(_ question: String, _ conversation: inout Conversation) -> Reply {
        let results = index.search(MessageCues.withoutPreamble(question), limit: 5)
        let best = results.hits.first
        let probability = best.map { gate.probability(of: $0, in: results, index: index) } ?? 0
        let confidence = Self.rounded(probability)
        conversation.beginProblem()
        conversation.topic = question
        guard let best, probability >= LogisticModel.threshold else {
            conversation.pending = .offeringTicket
            return Reply(
                kind: .notFound,
                text:
                    "I can't find this in our knowledge base, so I won't guess. Shall I file a ticket for the service desk? (yes/no)",
                confidence: confidence)
        }
        return grounded(best, intro: nil, confidence: confidence, &conversation)
    }

    /// After "still doesn't work" (refinement nil) or "what about on my phone?": the best
    /// passage not shown yet, or a ticket when nothing relevant is left.
    func followUp(_ conversation: inout Conversation, refinement: String?) -> Reply {
        let topic = [conversation.topic.map { Self.topic($0, refinedBy: refinement) }, refinement]
            .compactMap { $0 }.joined(separator: " ")
        if refinement == nil { conversation.failedAttempts += 1 }
        guard conversation.failedAttempts < 3 else {
            return escalate(&conversation, reason: "the suggestions from the knowledge base did not help")
        }
        let results = index.search(topic, limit: 20, onePerArticle: false)
        // After "it didn't help", something not shown yet; after "what about on Linux?",
        // the best passage even if shown before, since it may cover both.
        let shown = refinement == nil ? Set(conversation.shown) : []
        let leaders = AnswerGate.leaders(of: results, index: index)
        let next = results.hits.lazy
            .filter { !shown.contains(.init(article: $0.article.id, passage: $0.passageIndex)) }
            .map { (hit: $0, probability: self.gate.probability(of: $0, in: results, index: self.index, leaders: leaders)) }
            .first { $0.probability >= LogisticModel.threshold }
        guard let next else {
            return escalate(&conversation, reason: "the knowledge base has nothing further on this")
        }
        conversation.topic = topic
        let intro = refinement == nil ? "Sorry that didn't solve it. Here is something else to try." : nil
        return grounded(next.hit, intro: intro, confidence: Self.rounded(next.probability), &conversation)
    }

    /// The earlier question without the devices and places the refinement replaces: after
    /// "how do I install software on Windows", "and on a mac?" is about the Mac only.
    static func topic(_ topic: String, refinedBy refinement: String?) -> String {
        guard let refinement else { return topic }
        let settings = MessageCues.devices
        guard MessageCues(refinement).words.contains(where: settings.contains) else { return topic }
        return MessageCues(topic).words.filter { !settings.contains($0) }.joined(separator: " ")
    }

    /// A reply quoting `hit`'s passage, with its citation; remembers it as shown.
    private func grounded(_ hit: SearchHit, intro: String?, confidence: Double, _ conversation: inout Conversation) -> Reply {
        let citation = cite(hit, &conversation)
        conversation.shown.append(.init(article: hit.article.id, passage: hit.passageIndex))
        var text = intro.map { $0 + "\n\n" } ?? ""
        text +=
            "\(hit.article.title) — \(hit.section)\n\n\(hit.passage.text)\n\nSource: \(hit.article.title), “\(hit.section)” (\(hit.article.id))"
            + "\n\nDid that solve it? (yes/no)"
        conversation.pending = .askingIfSolved(tool: nil)
        return Reply(kind: .answer, text: text, sources: [citation], confidence: confidence)
    }

    /// Hands an incident to a person at once, at its priority, with the most relevant
    /// passage as something to do in the meantime. It is a pointer beside the ticket, not
    /// the answer, so it needs half the confidence an answer needs.
    func escalate(_ incident: Incident, message: String, _ conversation: inout Conversation) -> Reply {
        let results = index.search(MessageCues.withoutPreamble(message), limit: 5)
        let interim = results.hits.first.flatMap {
            gate.probability(of: $0, in: results, index: index) >= LogisticModel.threshold / 2 ? $0 : nil
        }
        // Cited before the ticket is drafted, so the ticket says what the employee was shown.
        let sources = interim.map { [cite($0, &conversation)] } ?? []
        let draft = Triage(index: index).draft(for: conversation, reason: incident.reason, priority: incident.priority)
        conversation.pending = nil
        var text =
            "This needs a person now: I'll hand it to the service desk as \(draft.priority.rawValue) (\(draft.category)), with what you told me."
        if let best = interim {
            text +=
                "\n\nIn the meantime — \(best.article.title), “\(best.section)”:\n\n\(best.passage.text)\n\nSource: \(best.article.title) (\(best.article.id))"
        }
        return Reply(kind: .escalate, text: text, sources: sources, ticket: draft, confidence: 1)
    }

    /// The citation of `hit`, remembered as cited in the conversation.
    private func cite(_ hit: SearchHit, _ conversation: inout Conversation) -> Citation {
        let citation = Citation(
            article: hit.article.id, title: hit.article.title, section: hit.section, score: (hit.score * 100).rounded() / 100)
        if !conversation.cited.contains(citation) { conversation.cited.append(citation) }
        return citation
    }

    /// A probability as a reply's confidence, to two places.
    static func rounded(_ probability: Double) -> Double { (probability * 100).rounded() / 100 }

    /// Hands over to a person with a ticket drafted from the conversation.
    func escalate(_ conversation: inout Conversation, reason: String) -> Reply {
        let draft = Triage(index: index).draft(for: conversation, reason: reason)
        conversation.pending = nil
        let text =
            "I'll hand this over to the service desk. Here is the ticket I'd file (\(draft.priority.rawValue), \(draft.category)), with what you told me and what we already tried, so nobody has to ask you again."
        return Reply(kind: .escalate, text: text, ticket: draft, confidence: 1)
    }
}
