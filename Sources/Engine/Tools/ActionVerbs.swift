import Knowledge

/// Verbs that ask for the same operation. `tools.json` names each tool's action with one
/// verb ("Unlock an account", "Adds the requester to a team"); employees use any verb of
/// its kind: "lift the lockout", "wipe my hardware key", "hook me up with Zoom", "look up
/// my serial number". These are the operations a service desk performs on accounts,
/// access and devices, in any organisation; no tool or company is named here.
enum ActionVerbs {
    private static let kinds: [[String]] = [
        // Taking something away, so that it can be set up again.
        [
            "reset", "wipe", "clear", "remove", "delete", "erase", "revoke", "deregister", "unregister", "unenrol",
            "unenroll", "regenerate", "reissue", "renew", "issue",
        ],
        // Restoring access that was blocked.
        ["unlock", "unblock", "unfreeze", "lift", "release", "reenable", "reactivate", "restore", "undo"],
        // Giving access or an entitlement.
        ["grant", "give", "provide", "request", "allocate", "assign", "approve", "enable", "authorise", "authorize"],
        // Adding to a group, or putting something on a machine.
        [
            "add", "put", "include", "join", "enrol", "enroll", "map", "connect", "attach", "hook", "link", "subscribe",
            "install", "deploy", "download", "queue",
        ],
        // Showing what is on record.
        ["show", "list", "display", "tell", "check", "look", "see", "view", "confirm", "find", "lookup"],
    ]

    /// Every verb of every kind, as written.
    static let all = Set(kinds.joined())

    /// `actions` (analysed terms) with every verb of the same kind, analysed alike.
    static func ofTheSameKind(as actions: Set<String>, analyzer: Analyzer) -> Set<String> {
        kinds.map { Set($0.flatMap { analyzer.terms(in: $0) }) }
            .filter { !$0.isDisjoint(with: actions) }
            .reduce(actions) { $0.union($1) }
    }
}
