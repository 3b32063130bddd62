import HelpdeskCore

/// The store's refusals and failures.
extension HelpdeskError {
    public static func unavailable(_ path: String, _ reason: String) -> Self {
        Self(.unavailable, "the ticket database \(path) cannot be used: \(reason)")
    }
    public static func ticketNotFound(_ id: Int) -> Self {
        Self(.notFound, "there is no ticket #\(id)")
    }
    public static func illegalTransition(_ id: Int, from: String, to: String, allowed: [String]) -> Self {
        let options = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
        return Self(.conflict, "ticket #\(id) is \(from) and cannot become \(to) (allowed: \(options))")
    }
    public static func requestNotFound(_ id: Int) -> Self {
        Self(.notFound, "there is no request #\(id)")
    }
    public static func selfApproval(_ id: Int) -> Self {
        Self(.forbidden, "request #\(id) is your own: another agent must decide it")
    }
    public static func alreadyDecided(_ id: Int, state: String, by: String?) -> Self {
        Self(.conflict, "request #\(id) was already \(state)" + (by.map { " by \($0)" } ?? ""))
    }
    public static func expired(_ id: Int) -> Self {
        Self(.conflict, "request #\(id) expired before anyone decided it; the employee can ask again")
    }
    public static func notRunnable(_ id: Int, state: String) -> Self {
        Self(.conflict, "request #\(id) is \(state), so it cannot run")
    }
    public static func invalid(_ what: String) -> Self {
        Self(.invalid, what)
    }
}
