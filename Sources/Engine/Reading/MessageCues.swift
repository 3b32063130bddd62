/// What a message says about itself, apart from its topic: a greeting, thanks, yes or no,
/// a wish to talk to a person, a follow-up, a ticket number. Read from its words (English).
///
/// These are words of conversation, the same for every deployment; what a tool is for is
/// never written here but read from `tools.json`.
struct MessageCues {
    /// Lower-case words, apostrophes removed ("don't" → "dont").
    let words: [String]
    /// Where in `words` each sentence (or clause after ";" or ":") begins.
    private let sentenceStarts: [Int]
    private let padded: String

    init(_ message: String) {
        var words: [String] = []
        var starts = [0]
        var current = ""
        for character in message.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "\u{2019}" {
                continue
            } else {
                if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                if ".!?;:\n".contains(character), starts.last != words.count { starts.append(words.count) }
            }
        }
        if !current.isEmpty { words.append(current) }
        self.words = words
        sentenceStarts = starts
        padded = " " + words.joined(separator: " ") + " "
    }

    /// Whether the words contain `phrase` ("talk to") as consecutive whole words.
    func has(_ phrase: String) -> Bool { padded.contains(" \(phrase) ") }

    func hasAny(_ phrases: [String]) -> Bool { phrases.contains(where: has) }

    /// Only conversational words: "hi", "thanks a lot!", "ok great".
    var isSmallTalk: Bool {
        !words.isEmpty && words.allSatisfy { Self.smallTalk.contains($0) || Self.filler.contains($0) }
            && words.contains(where: Self.smallTalk.contains)
    }

    var isGreeting: Bool { words.contains(where: Self.greetings.contains) }
    var isThanks: Bool {
        hasAny(["thanks", "thank", "thx", "ty", "cheers", "appreciated", "worked", "works", "fixed", "solved", "helped"])
    }
    var isGoodbye: Bool { hasAny(["bye", "goodbye", "cya", "later"]) }

    var isYes: Bool {
        guard words.count <= 6, !isNo else { return false }
        return hasAny(Self.yes)
    }

    var isNo: Bool {
        guard words.count <= 6 else { return false }
        return hasAny(Self.no)
    }

    /// A yes or no without its words of assent: "yep go ahead" → "", "yes, ng-icu-02
    /// please" → "ng-icu-02". What is left may name a value; "ahead" must not.
    static func withoutAssent(_ message: String) -> String {
        let assent = Set((yes + no + ["thanks", "thank", "you", "that", "one"]).flatMap { $0.split(separator: " ") })
        return message.split(whereSeparator: \.isWhitespace).filter { token in
            !assent.contains(Substring(token.lowercased().filter { $0.isLetter }))
        }.joined(separator: " ")
    }

    private static let yes = [
        "yes", "yeah", "yep", "yup", "ya", "y", "sure", "ok", "okay", "please", "go ahead", "do it", "confirm", "correct",
        "right", "absolutely", "definitely",
    ]
    private static let no = ["no", "nope", "nah", "n", "not now", "dont", "do not", "no thanks"]

    var isCancel: Bool {
        words.count <= 6
            && hasAny(["cancel", "never mind", "nevermind", "forget it", "stop", "abort", "no", "nope", "nah", "dont"])
    }

    /// "can I talk to a person", "open a ticket", "escalate this", "can someone call me back".
    var wantsPerson: Bool {
        let verbs: Set = ["talk", "speak", "chat", "connect", "call", "get", "want", "need", "transfer", "send"]
        let people: Set = ["human", "person", "agent", "someone", "somebody", "technician", "tech", "real", "people"]
        // The person follows the verb closely: "talk to a real person", not "connect my laptop … anyone".
        let reachesPerson = words.indices.contains { index in
            verbs.contains(words[index]) && words[(index + 1)..<min(index + 5, words.count)].contains(where: people.contains)
        }
        // Asking to be called back asks for a person: "can someone from IT call me?".
        let callBack =
            hasAny(["call me back", "ring me back", "phone me back", "give me a call", "give me a ring"])
            || (hasAny(["someone", "somebody", "anyone", "technician"]) && hasAny(["call me", "ring me", "phone me"]))
        return reachesPerson || callBack || opensTicket || words.contains("escalate")
    }

    /// "open a ticket", "please file a ticket for this" — not "is ticket 4 still open?".
    var opensTicket: Bool {
        let verbs = ["open", "file", "create", "raise", "log", "submit", "make", "put in"]
        return hasAny(verbs.flatMap { ["\($0) a ticket", "\($0) ticket", "\($0) a new ticket", "\($0) a support ticket"] })
            || has("new ticket")
    }

    /// "status of ticket 42", "any news on my ticket?", "has anyone looked at INC 587":
    /// the number, if one is given. Asking to open a ticket is not a status question.
    var ticketStatus: (asked: Bool, number: Int?)? {
        let glued = words.first { $0.hasPrefix("inc") && Int($0.dropFirst(3)) != nil }
        let records = ["ticket", "tickets", "incident", "inc", "case", "request", "requests"]
        let requestStatus =
            hasAny(["request", "requests"])
            && hasAny(["status", "open", "any news", "update", "progress", "check on", "still", "my request", "my requests"])
        guard !opensTicket, glued != nil || hasAny(["ticket", "tickets", "incident", "inc", "case"]) || requestStatus else {
            return nil
        }
        for (index, word) in words.enumerated() where (records + ["number", "no"]).contains(word) {
            if index + 1 < words.count, let number = Int(words[index + 1]) { return (true, number) }
        }
        if let glued { return (true, Int(glued.dropFirst(3))) }
        // "my ticket" with no number: a question about the employee's own tickets; a
        // bare number elsewhere ("3 days") is not a ticket number.
        return hasAny(["ticket", "tickets"]) || requestStatus ? (true, nil) : nil
    }

    /// "still doesn't work", "tried that", "same problem".
    var saysItDidNotHelp: Bool {
        hasAny([
            "still", "didnt work", "did not work", "doesnt work", "does not work", "not working", "no luck",
            "didnt help", "did not help", "doesnt help", "not help", "same problem", "same issue", "same thing",
            "tried that", "tried it", "tried this", "tried everything", "no change", "not fixed", "nope", "no good",
            "didnt fix", "did not fix", "still broken", "wont work", "same error",
        ])
    }

    /// "what about on my phone?", "and for the mac?": the same topic in a new setting.
    var isRefinement: Bool {
        words.count <= 8
            && hasAny([
                "what about", "how about", "and on", "and for", "and with", "and if", "what if", "and in", "same on", "also on",
                "and my", "and the",
            ])
    }

    /// Asks what to do, or tells of a problem, rather than asking for a fact or how to reach
    /// IT: "how do I …", "what should I do now", "outlook says my mailbox is full". Such a
    /// message wants the steps of an article, not its overview; "why is my mailbox full",
    /// "how long does a lockout last" and "how do I contact IT about it" do not.
    var wantsSteps: Bool {
        let reachingIT = hasAny([
            "contact", "call it", "call the", "call you", "call someone", "phone number", "get in touch", "reach it",
            "reach the", "reach someone", "opening hours", "escalate",
        ])
        return !reachingIT && (asksWhatToDo || !isQuestion)
    }

    /// Asks how to do something, or what to do: "how do I …", "what should I do now".
    var asksWhatToDo: Bool {
        hasAny([
            "how do", "how does", "how can", "how to", "how should", "how would", "how could", "how i", "how we",
            "what do i do", "what should i do", "what can i do", "what do i have to do", "what do i need to do",
            "what to do", "what now", "what do we do", "what should we do", "steps to", "what am i supposed to",
            "what are we supposed to",
        ])
    }

    /// Asks how or why: "how do I change my password?", "why does my account keep locking?".
    /// A question the knowledge base is for, however little it has on it, that no tool answers.
    var asksHowOrWhy: Bool { asksWhatToDo || words.first == "why" }

    /// Asks for something and asks no question: "look up my password expiry date please",
    /// not "can I get a sandbox account?" or "could you tell me how to…".
    var asksForAction: Bool { isRequest && !isQuestion && !asksHowOrWhy }

    /// A short message that points back at what was said before: "can you unlock it for
    /// me?", "reset that one".
    var refersBack: Bool {
        words.count <= 12 && words.contains { ["it", "its", "that", "thats", "this", "one"].contains($0) }
    }

    /// Starts like a request for information ("how", "why", "what", "do I need", "can I").
    var isQuestion: Bool {
        guard let first = words.first else { return false }
        if ["can", "could", "would", "will"].contains(first) {
            return words.dropFirst().first == "i" || words.dropFirst().first == "we"
        }
        return Self.questionWords.contains(first)
    }

    /// Asks for something to be done: "can you", "please", "I need", "can I get", or says
    /// what to do (`isImperative`).
    var isRequest: Bool {
        isImperative
            || hasAny([
                "can you", "could you", "would you", "will you", "please", "pls", "plz", "i need", "i want", "id like",
                "i would like", "help me", "need you to", "can i get", "could i get", "can i have", "could i have",
                "may i have", "can we get", "could we get", "give me", "get me", "set me up", "would it be possible",
                "any chance",
            ])
    }

    /// A sentence that tells the helpdesk what to do: a verb of what a service desk does,
    /// then what it acts on ("hook me up with Zoom", "unlock my mac", "sort out a new
    /// password"). "Install fails with 1603" reports; "show me how to map a drive" asks how.
    var isImperative: Bool {
        sentenceStarts.contains { start in
            guard let verb = words[start...].firstIndex(where: { !Self.openers.contains($0) }),
                verb + 1 < words.count, Self.serviceVerbs.contains(words[verb])
            else { return false }
            return Self.actedOn.contains(words[verb + 1])
        }
    }

    /// Words a sentence may open with before its verb: "hi, reset my password", "pls add me".
    private static let openers: Set = ["hi", "hey", "hello", "pls", "please", "plz", "ok", "okay", "so", "also", "just", "and"]
    /// What a service desk does (`ActionVerbs`), without the verbs that open a how-to ("show
    /// me how", "tell me where"), and "sort" ("sort out a new password"). Not "set up" or
    /// "fix": "set up email on my phone" asks how, "fix my vpn" tells a problem.
    private static let serviceVerbs = ActionVerbs.all.subtracting(["show", "tell", "look", "see", "view", "find"])
        .union(["sort"])
    /// What a service verb acts on, when it is said as an instruction.
    private static let actedOn: Set = [
        "me", "my", "us", "our", "it", "this", "that", "these", "those", "the", "a", "an", "them", "their", "him", "her",
        "his", "out", "up", "back", "off",
    ]

    /// The message without an opening like "different question," or "quick question:",
    /// which says nothing about the topic but would count against finding it.
    static func withoutPreamble(_ message: String) -> String {
        let preambles = [
            "different question", "another question", "quick question", "new question", "one more question",
            "one more thing", "also", "btw", "by the way", "and another thing", "next question", "other question",
        ]
        let lowered = message.lowercased()
        for preamble in preambles where lowered.hasPrefix(preamble) {
            let rest = message.dropFirst(preamble.count).drop { !$0.isLetter && !$0.isNumber }
            if !rest.isEmpty { return String(rest) }
        }
        return message
    }

    /// Words about the conversation rather than the problem ("open a ticket", "get me a
    /// human now"), left out when working out what a problem is about.
    static let conversational: Set = [
        "ticket", "tickets", "open", "file", "create", "raise", "log", "submit", "human", "person", "agent", "someone",
        "somebody", "talk", "speak", "send", "get", "me", "now", "please", "pls", "it", "escalate", "help", "need",
        "want", "hi", "hello", "thanks", "asap", "urgent", "real", "yes", "no", "ok", "okay", "sure", "yeah", "yep", "nope",
    ]

    static let questionWords: Set = [
        "how", "hows", "what", "whats", "when", "why", "where", "wheres", "which", "who", "is", "are", "does", "do",
        "did", "should", "must", "shall", "am", "whom", "whose",
    ]
    private static let greetings: Set = [
        "hi", "hello", "hey", "hiya", "howdy", "yo", "morning", "afternoon", "evening", "greetings", "hallo", "hola",
    ]
    private static let smallTalk: Set = [
        "hi", "hello", "hey", "hiya", "howdy", "yo", "morning", "afternoon", "evening", "greetings", "hallo", "hola",
        "thanks", "thank", "thx", "ty", "cheers", "appreciated", "bye", "goodbye", "cya", "later", "ok", "okay", "k",
        "cool", "great", "perfect", "awesome", "nice", "alright", "fine", "brilliant", "excellent", "worked", "works",
        "fixed", "solved", "sorted", "good", "got", "helped", "helps", "helpful",
    ]
    private static let filler: Set = [
        "i", "you", "very", "much", "so", "for", "the", "help", "a", "lot", "all", "again", "there", "team", "it",
        "that", "this", "now", "guys", "folks", "bot", "helpdesk", "day", "have", "nice", "great", "good", "be",
        "will", "see", "ya", "thats", "its", "is", "was", "many", "your", "everyone", "oh", "ah", "well", "just",
        "really", "super", "u", "to", "me", "we", "there", "youve", "youre", "been", "anyone", "anybody", "here",
    ]

    /// Devices and platforms: where a problem happens, never what it is about.
    static let devices: Set = [
        "windows", "mac", "macos", "macbook", "iphone", "ipad", "android", "phone", "mobile", "linux", "laptop",
        "desktop", "pc", "computer", "host", "tablet", "ios", "ubuntu", "home", "office", "browser", "chrome",
        "firefox", "safari", "edge", "outlook", "web", "machine", "workstation",
    ]
}
