import HelpdeskCore

/// A report that needs a person now rather than an article: a service down for many
/// people, or a security incident. The engine escalates these first, at P1 or P2, and
/// offers any relevant article only as interim help.
///
/// Read from words of incident reporting that every organisation shares (ITIL's major
/// incident and security incident categories), never from a company's systems: "down for
/// the whole ward", "customers can't log in", "files renamed .locked and a ransom note",
/// "clicked the link and typed my password", "my laptop was stolen".
struct Incident: Equatable {
    enum Kind: String {
        case outage, ransomware, compromise, lostDevice = "lost device", dataLeak = "data leak", report
    }

    let kind: Kind
    let priority: Priority

    /// Why it is an incident, for the ticket and for `--explain`.
    var reason: String {
        "reported a \(kind == .outage ? "service outage affecting many people" : "security incident (\(kind.rawValue))")"
    }

    init?(_ message: String) {
        let cues = MessageCues(message)
        let text = message.lowercased()
        // "What do I do if my laptop is stolen?" asks for the procedure; it reports nothing.
        let hypothetical =
            cues.hasAny(["if", "in case", "procedure", "what happens", "before i", "how do i report", "how do we report"])
            && !cues.hasAny(["already", "just", "broke into", "someone stole"])
            && !(cues.has("stolen") && cues.hasAny(["was", "got", "been", "were"]))
        if cues.hasAny(["ransom", "ransomware", "bitcoin", "cryptolocker"]) || text.contains(".locked")
            || (cues.has("encrypted") && cues.hasAny(["files", "pay", "payment", "note"]))
        {
            (kind, priority) = (.ransomware, .p1)
        } else if Self.leaksSecrets(cues) {
            (kind, priority) = (.dataLeak, .p1)
        } else if Self.manyAffected(cues), !Self.othersAreFine(cues), !Self.over(cues) {
            (kind, priority) = (.outage, Self.organisationWide(cues) ? .p1 : .p2)
        } else if Self.credentialsCompromised(cues) {
            (kind, priority) = (.compromise, .p2)
        } else if !hypothetical, Self.deviceLost(cues), !Self.over(cues) {
            (kind, priority) = (.lostDevice, .p2)
        } else if Self.misdirected(cues) {
            (kind, priority) = (.dataLeak, .p2)
        } else if cues.hasAny(["security incident", "data breach", "breach", "malware", "virus", "infected", "hacked"])
            || (cues.has("threat") && cues.hasAny(["active", "detected", "found"]))
        {
            (kind, priority) = (.report, .p2)
        } else {
            return nil
        }
    }

    /// "everyone else can print fine": one person's problem, whoever else is named.
    private static func othersAreFine(_ cues: MessageCues) -> Bool {
        cues.hasAny(["everyone else", "everybody else", "others", "colleagues", "rest of the"])
            && cues.hasAny(["fine", "ok", "okay", "works", "working", "no problem", "no problems", "no issues", "can"])
            && !cues.hasAny(["either", "too", "also", "as well"])
    }

    /// Already dealt with: "it was down this morning but it's working again", "stolen last
    /// month, and I already have a replacement".
    private static func over(_ cues: MessageCues) -> Bool {
        cues.hasAny([
            "working again", "fine now", "ok now", "okay now", "back to normal", "been resolved", "was resolved",
            "been sorted", "was sorted", "all sorted", "sorted it", "replacement", "last month", "last year", "months ago",
            "weeks ago",
        ])
    }

    /// Keys, passwords or tokens put where others can see them.
    private static func leaksSecrets(_ cues: MessageCues) -> Bool {
        let secrets = ["key", "keys", "password", "passwords", "secret", "secrets", "token", "tokens", "credentials"]
        let exposed = ["public", "pushed", "committed", "leaked", "exposed", "published", "posted", "pasted", "gist"]
        return cues.words.contains(where: secrets.contains) && cues.words.contains(where: exposed.contains)
            && !cues.isQuestion
    }

    /// Data sent to someone it was not meant for: "emailed the list to an outside supplier
    /// instead of finance".
    private static func misdirected(_ cues: MessageCues) -> Bool {
        cues.hasAny(["sent", "emailed", "forwarded", "shared", "attached", "replied", "posted", "uploaded"])
            && cues.hasAny([
                "wrong person", "wrong address", "wrong recipient", "wrong gp", "wrong practice", "wrong customer",
                "wrong client", "wrong email", "to the wrong", "instead of", "to an outside", "to an external",
                "to a different customer", "to a different client", "to a different patient", "to another customer",
                "to another client", "to another patient", "personal email", "personal gmail", "my gmail",
                "home email", "personal account",
            ])
            || (cues.hasAny(["sent", "emailed", "forwarded", "attached", "replied", "posted"])
                && cues.hasAny(["by mistake", "by accident", "accidentally"]) && !cues.isQuestion)
    }

    /// A service failing for a group of people, a site, customers or production.
    private static func manyAffected(_ cues: MessageCues) -> Bool {
        let scope =
            cues.hasAny([
                "everyone", "everybody", "nobody", "no one", "noone", "all users", "all staff", "all of us", "all the",
                "whole", "entire", "none of the", "none of our", "customers", "several", "multiple", "company wide",
                "site wide", "of us", "production", "prod", "all our", "for all", "half the", "half our", "half of",
                "any of the", "any of our", "anyone in", "anybody in", "anyone on", "both", "department", "dept",
            ]) || everyOfAGroup(cues)
        let failing = cues.hasAny([
            "down", "outage", "offline", "not working", "isnt working", "arent working", "stopped working", "cant", "cannot",
            "unable", "failing", "fails", "failed", "wont", "not loading", "isnt loading", "blank", "stuck", "vanished",
            "disappeared", "no network", "no internet", "not connected", "no signal", "500s", "errors", "crashed",
            "crashing", "unavailable", "no access", "went red", "dropping", "drop", "frozen", "froze", "freezing",
            "erroring", "dead", "not responding", "timing out", "times out", "not worked", "no longer", "spinning", "grey screen",
            "gray screen", "500", "502", "503", "504",
        ])
        // "nobody can log in": a scope of no one says the failing itself. "Nobody can hear
        // me" is one person's problem, and "is there no one who can help" no failing at all.
        let noneCan =
            cues.hasAny(["nobody", "no one", "noone", "none of"]) && cues.hasAny(["can", "could", "able"])
            && !cues.hasAny(["me", "help", "who can", "who could"])
        return scope && (failing || noneCan)
    }

    /// "every printer", "every customer": a group; "every time", "every morning", "every 10
    /// minutes": one person's recurring problem.
    private static func everyOfAGroup(_ cues: MessageCues) -> Bool {
        zip(cues.words, cues.words.dropFirst()).contains {
            $0 == "every" && !recurring.contains($1) && !$1.allSatisfy(\.isNumber)
        }
    }

    /// What follows "every" in a recurring problem: "every time", "every monday".
    private static let recurring: Set = [
        "time", "day", "morning", "afternoon", "evening", "night", "week", "month", "year", "hour", "minute", "few", "now",
        "other", "single", "so", "login", "sign", "reboot", "restart", "monday", "tuesday", "wednesday", "thursday",
        "friday",
    ]

    private static func organisationWide(_ cues: MessageCues) -> Bool {
        cues.hasAny([
            "everyone", "everybody", "nobody", "no one", "noone", "all users", "customers", "customer", "production", "prod",
            "whole company", "entire company", "company wide", "status page", "patients",
        ])
    }

    /// Credentials typed into a fake page, sign-ins or approval prompts that were not the
    /// employee's.
    private static func credentialsCompromised(_ cues: MessageCues) -> Bool {
        let gaveAway =
            cues.hasAny(["typed", "entered", "put in", "gave", "filled in", "submitted", "approved"])
            && cues.hasAny(["password", "credentials", "details", "login", "code", "push", "pin"])
            && cues.hasAny([
                "clicked", "link", "fake", "phishing", "scam", "site", "page", "email", "already", "thought was",
                "looked like", "turned out",
            ])
        let notMe = cues.hasAny([
            "wasnt me", "not me", "didnt ask", "didnt request", "did not request", "not trying", "never asked",
            "wasnt signing", "not signing", "wasnt logging", "not logging", "was asleep", "didnt start", "never sent",
            "didnt send", "didnt create", "didnt set",
        ])
        let prompts = cues.hasAny([
            "push", "pushes", "approval", "approvals", "prompt", "prompts", "notification", "notifications", "request",
            "requests", "signed in", "signed into", "sign in", "logged in", "logged into", "login", "codes", "rule",
            "forwarding", "authenticator",
        ])
        // An attachment or a macro from a suspicious email, opened: possibly malware running.
        let openedBait =
            cues.hasAny(["opened", "ran", "downloaded", "clicked", "enabled"])
            && cues.hasAny(["attachment", "macro", "macros", "file", "zip"])
            && cues.hasAny([
                "suspicious", "phishing", "fake", "scam", "dodgy", "weird", "strange", "unknown sender", "dont recognise",
                "dont recognize",
            ])
        // Removable media of unknown origin, plugged in: as dangerous as an attachment.
        let foundMedia =
            cues.hasAny(["found", "picked up"]) && cues.hasAny(["plugged", "inserted", "put it in"]) && !cues.has("if")
        return gaveAway || openedBait || foundMedia || (notMe && prompts) || disowned(cues) || controlledByOther(cues)
            || (impersonated(cues) && complied(cues))
            || cues.hasAny(["compromised", "someone signed", "someone logged", "someone else logged"])
    }

    /// Something done in the employee's name that they say they did not do: "pushes to
    /// repos I've never touched", "emails I never sent", "sign-in requests I'm not making".
    private static func disowned(_ cues: MessageCues) -> Bool {
        let denials: Set = ["didnt", "never", "not", "havent", "wasnt", "hadnt"]
        let agentive: Set = [
            "sent", "send", "wrote", "write", "written", "made", "make", "making", "added", "add", "created", "create",
            "touched", "touch", "requested", "request", "requesting", "asked", "authorised", "authorized", "pushed", "push",
            "forwarded", "shared", "share", "invited", "granted",
        ]
        let words = cues.words
        return words.indices.contains { index in
            guard ["i", "im", "ive", "id"].contains(words[index]) else { return false }
            let after = words[(index + 1)..<min(index + 4, words.count)]
            guard let denial = after.firstIndex(where: denials.contains) else { return false }
            return words[(denial + 1)..<min(denial + 3, words.count)].contains(where: agentive.contains)
        }
    }

    /// Someone else working the employee's computer: a stranger given remote control, or the
    /// machine acting on its own.
    private static func controlledByOther(_ cues: MessageCues) -> Bool {
        // "opening windows on its own", not "does the lockout clear on its own?".
        let actsAlone =
            cues.hasAny(["on its own", "by itself"])
            && cues.hasAny(["mouse", "cursor", "opening", "clicking", "typing", "moving", "windows"]) && !cues.isQuestion
        return actsAlone
            || cues.hasAny([
                "mouse moving", "mouse is moving", "mouse was moving", "moving my mouse", "moving the mouse", "took control",
                "taking control", "controlling my", "remote control", "remoted in", "let him in", "let them in", "let her in",
            ])
    }

    /// Someone who claimed to be someone they were not: "a guy rang saying he was from IT".
    private static func impersonated(_ cues: MessageCues) -> Bool {
        cues.hasAny([
            "pretending", "claiming", "claimed", "saying he was", "saying she was", "saying they were", "said he was",
            "said she was", "said they were", "posing as", "impersonating", "wasnt him", "wasnt her", "wasnt them",
        ])
    }

    /// The employee did what the impostor asked.
    private static func complied(_ cues: MessageCues) -> Bool {
        cues.hasAny([
            "i did", "did it", "bought", "sent", "gave", "typed", "entered", "let", "approved", "clicked", "read out",
            "told him", "told her", "installed",
        ])
    }

    /// A work device reported stolen or lost (not left at home, not "if I lose").
    private static func deviceLost(_ cues: MessageCues) -> Bool {
        let devices = [
            "laptop", "phone", "mobile", "tablet", "ipad", "iphone", "macbook", "computer", "device", "notebook", "pc",
            "yubikey", "backpack", "bag", "badge", "usb", "smartphone", "android", "chromebook",
        ]
        let stolen = cues.hasAny([
            "stolen", "stole", "theft", "robbed", "broke into", "break in", "broken into", "snatched", "mugged", "nicked",
            "pinched", "pickpocketed", "swiped", "walked off with",
        ])
        let lost = cues.hasAny([
            "lost my", "lost our", "lost the", "lost a", "lost his", "lost her", "misplaced", "gone missing", "went missing",
            "fell out",
        ])
        // Left behind on public transport or in a taxi: lost, unlike "left it at home".
        let leftBehind =
            cues.has("left")
            && cues.hasAny(["train", "bus", "tram", "metro", "subway", "taxi", "cab", "uber", "plane", "flight", "airport"])
        return (stolen || lost || leftBehind) && cues.words.contains(where: devices.contains)
    }
}
