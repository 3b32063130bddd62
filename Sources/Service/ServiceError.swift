import HelpdeskCore

/// Why the service refused a request: who may do what, and what to do about it.
public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable { case forbidden, notFound, tooLarge }
    /// What kind of refusal: callers and tests branch on this, never on the wording.
    public let code: Code
    public let description: String

    public static func messageTooLong(bytes: Int) -> Self {
        Self(
            code: .tooLarge,
            description:
                "the message is \(bytes / 1024) KB; one message holds at most \(MessageLimit.described). Send it in parts, or attach it to a ticket"
        )
    }

    public static func agentsOnly(_ action: String, demoAgentAllowed: Bool = false) -> Self {
        let how =
            demoAgentAllowed
            ? "to try the agent side on this machine, add --demo-agent"
            : "agents are listed in config.json (`agents`, `agentGroups`)"
        return Self(code: .forbidden, description: "only agents can \(action); \(how)")
    }
    public static func notYours(_ id: Int) -> Self {
        // The same words as for a missing ticket: employees must not learn which numbers exist.
        Self(code: .notFound, description: "there is no ticket #\(id) of yours")
    }
    public static func noEngine() -> Self {
        Self(code: .forbidden, description: "this service has no conversation engine")
    }
    public static func notYourConversation(_ id: Int) -> Self {
        Self(code: .notFound, description: "there is no conversation #\(id) of yours")
    }
    public static func demoAgentDisabled() -> Self {
        Self(code: .forbidden, description: "the demo agent is off: agents are configured, so act as yourself")
    }
}
