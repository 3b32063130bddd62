import HelpdeskCore
import Knowledge

extension GroundedEngine {
    /// Answers from the best passage, or says plainly that the knowledge base does not
    /// cover the question and offers a ticket.
    ///
    /// - Parameter newProblem: false when the question continues the problem at hand ("what
    ///   about on my phone?"), whose topic and messages a ticket then still tells.
    /// - Parameter judged: `judge(question)`, when the caller already has it.
    func answer(
        _ question: String, newProblem: Bool = true, judged: Judgement? = nil, _ conversation: inout Conversation
    ) -> Reply {
        let (results, probability) = judged ?? judge(question)
        let best = results.hits.first
        let confidence = Self.rounded(probability)
        if newProblem {
            conversation.beginProblem()
            conversation.topic = question
        }
        guard let best, probability >= LogisticModel.threshold else {
            conversation.pending = .offeringTicket
            return Reply(
                kind: .notFound,
                text:
                    "I can't find this in our knowledge base, so I won't guess. Shall I file a ticket for the service desk? (yes/no)",
                confidence: confidence)
        }
        return grounded(
            section(toShow: best, for: question, query: results.query), intro: nil, confidence: confidence, &conversation)
    }

    /// Of several wordings of one question, the one whose best passage the answer gate is
    /// most confident of.
    func mostAnswerable(_ questions: [String]) -> String {
        questions.map { ($0, judge($0).probability) }.max { $0.1 < $1.1 }?.0 ?? ""
    }

    /// The search for a question, and how likely its best passage answers it (0 when no
    /// article shares a word).
    typealias Judgement = (results: SearchResults, probability: Double)

    func judge(_ question: String) -> Judgement {
        let results = index.search(MessageCues.withoutPreamble(question), limit: 5)
        return (results, results.hits.first.map { gate.probability(of: $0, in: results, index: index) } ?? 0)
    }

    /// The section of `hit`'s article to answer `question` from: the best for it (by
    /// words, and by meaning too when a sentence model is installed); for someone with a
    /// problem, the best that tells them what to do rather than an overview or a "when to
    /// contact IT" section, when the article has one.
    func section(toShow hit: SearchHit, for question: String, query: String) -> SearchHit {
        let passages = index.passages(ofArticle: hit.article.id, for: query, everyPassage: semantics != nil)
        let best = semantics?.ranked(passages, for: query).first ?? hit
        guard best.passage.role != .content, MessageCues(question).wantsSteps else { return best }
        return ranked(passages.filter { $0.passage.role == .content }, for: query).first ?? best
    }

    /// The sections of article `id` that tell what to do (neither its overview nor a
    /// handover to IT), best for `query` first.
    private func sections(ofArticle id: String, for query: String) -> [SearchHit] {
        let passages = index.passages(ofArticle: id, for: query, everyPassage: semantics != nil)
        return ranked(passages.filter { $0.passage.role == .content }, for: query)
    }

    /// Passages of one article, best by shared words first, ranked by meaning too when a
    /// sentence model is installed.
    private func ranked(_ passages: [SearchHit], for query: String) -> [SearchHit] {
        semantics?.ranked(passages, for: query) ?? passages
    }

    /// After "still doesn't work" (refinement nil): the next section of the article shown
    /// last that tells what to do, then the best passage of another article; a ticket when
    /// nothing relevant is left. After "what about on my phone?": the best passage for the
    /// question in its new setting, or for the refinement alone.
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
        func isNew(_ hit: SearchHit) -> Bool { !shown.contains(.init(article: hit.article.id, passage: hit.passageIndex)) }
        let leaders = AnswerGate.leaders(of: results, index: index)
        func probability(_ hit: SearchHit) -> Double {
            gate.probability(of: hit, in: results, index: index, leaders: leaders)
        }
        // The article already judged to answer the question is not judged again: its steps
        // not yet tried come first, as the employee would read them in it; and another
        // device that still leads to it ("what about on my iPhone?") is answered from it.
        let nextStep = conversation.shown.last.flatMap { last in
            guard let refinement else { return sections(ofArticle: last.article, for: topic).first(where: isNew) }
            return results.hits.first.flatMap { $0.article.id == last.article && onlyNamesDevices(refinement) ? $0 : nil }
        }
        let next =
            nextStep.map { (hit: $0, probability: probability($0)) }
            ?? results.hits.lazy.filter(isNew).map { (hit: $0, probability: probability($0)) }
            .first { $0.probability >= LogisticModel.threshold }
        guard let next else {
            guard let refinement else {
                return escalate(&conversation, reason: "the knowledge base has nothing further on this")
            }
            // Nothing on the topic in its new setting: the refinement may be a question of its
            // own ("what about the wifi on my phone?"), still part of the same problem.
            conversation.topic = topic
            return answer(refinement, newProblem: false, &conversation)
        }
        conversation.topic = topic
        let intro = refinement == nil ? "Sorry that didn't solve it. Here is something else to try." : nil
        return grounded(next.hit, intro: intro, confidence: Self.rounded(next.probability), &conversation)
    }

    /// Whether `refinement` moves the question to another device only ("and on a Mac?"),
    /// not to another subject ("what about the wifi on my phone?").
    private func onlyNamesDevices(_ refinement: String) -> Bool {
        analyzer.withLock { analyzer in
            let devices = Set(analyzer.terms(in: MessageCues.devices.joined(separator: " ")))
            return analyzer.terms(in: refinement).allSatisfy(devices.contains)
        }
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

    /// Hands an incident to a person at once, at its priority, with something to do in the
    /// meantime where an article tells it (`interimHelp`).
    ///
    /// The priority is the one the most relevant article gives the situation, where it
    /// gives one (`DocumentedPriority`); else the one the incident's words suggest.
    func escalate(
        _ incident: Incident, message: String, _ conversation: inout Conversation, because why: inout String
    ) -> Reply {
        let results = index.search(MessageCues.withoutPreamble(message), limit: 5)
        let interim = interimHelp(from: results)
        let documented = results.hits.first.flatMap { best in
            DocumentedPriority.statement(in: best.article, matching: results.terms, among: [.p1, .p2]) {
                index.idf(of: $0) ?? 0
            }
        }
        let priority = documented?.priority ?? incident.priority
        let reason =
            incident.reason
            + (documented.map { ", \($0.priority.rawValue) as \($0.article) says: “\($0.text)”" } ?? ", \(priority.rawValue)")
        why = "an incident: " + reason
        // Cited before the ticket is drafted, so the ticket says what the employee was shown.
        let sources = interim.map { [cite($0, &conversation)] } ?? []
        let draft = Triage(index: index).draft(for: conversation, reason: reason, priority: priority)
        conversation.pending = nil
        var text =
            "This needs a person now: I'll hand it to the service desk as \(draft.priority.rawValue) (\(draft.category)), with what you told me."
        if let best = interim {
            text +=
                "\n\nIn the meantime — \(best.article.title), “\(best.section)”:\n\n\(best.passage.text)\n\nSource: \(best.article.title) (\(best.article.id))"
        }
        return Reply(kind: .escalate, text: text, sources: sources, ticket: draft, confidence: 1)
    }

    /// What to do while a person takes an incident over: the section of the best article
    /// that tells what to do. Never its overview, nor a "contact IT" section, since the
    /// ticket is that contact; and nothing when the incident matches such a section best,
    /// for then the article's advice is to call IT. It is a pointer beside the ticket, not
    /// the answer, so the gate judges it with half the confidence an answer needs.
    private func interimHelp(from results: SearchResults) -> SearchHit? {
        guard let best = results.hits.first, best.passage.role != .handover,
            let section = sections(ofArticle: best.article.id, for: results.query).first
        else { return nil }
        return gate.probability(of: section, in: results, index: index) >= LogisticModel.threshold / 2 ? section : nil
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
