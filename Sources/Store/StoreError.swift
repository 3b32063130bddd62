/// Why the store refused or failed an operation, in words a person can act on.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable { case unavailable, notFound, illegalTransition, invalid, decision }
    private let code: Code
    public let description: String

    public static func unavailable(_ path: String, _ reason: String) -> Self {
        Self(code: .unavailable, description: "the ticket database \(path) cannot be used: \(reason)")
    }
    public static func ticketNotFound(_ id: Int) -> Self {
        Self(code: .notFound, description: "there is no ticket #\(id)")
    }
    public static func illegalTransition(_ id: Int, from: String, to: String, allowed: [String]) -> Self {
        let options = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
        return Self(
            code: .illegalTransition, description: "ticket #\(id) is \(from) and cannot become \(to) (allowed: \(options))")
    }
    public static func requestNotFound(_ id: Int) -> Self {
        Self(code: .notFound, description: "there is no request #\(id)")
    }
    public static func selfApproval(_ id: Int) -> Self {
        Self(code: .decision, description: "request #\(id) is your own: another agent must decide it")
    }
    public static func alreadyDecided(_ id: Int, state: String, by: String?) -> Self {
        Self(code: .decision, description: "request #\(id) was already \(state)" + (by.map { " by \($0)" } ?? ""))
    }
    public static func expired(_ id: Int) -> Self {
        Self(code: .decision, description: "request #\(id) expired before anyone decided it; the employee can ask again")
    }
    public static func notRunnable(_ id: Int, state: String) -> Self {
        Self(code: .decision, description: "request #\(id) is \(state), so it cannot run")
    }
    public static func invalid(_ what: String) -> Self {
        Self(code: .invalid, description: what)
    }
}
