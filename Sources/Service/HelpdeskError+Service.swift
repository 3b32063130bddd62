import HelpdeskCore

/// The service's refusals: who may do what, and what to do about it.
extension HelpdeskError {
    public static func messageTooLong(bytes: Int) -> Self {
        Self(
            .tooLarge,
            "the message is \(bytes / 1024) KB; one message holds at most \(MessageLimit.described). Send it in parts, or attach it to a ticket"
        )
    }

    public static func agentsOnly(_ action: String, demoAgentAllowed: Bool = false) -> Self {
        let how =
            demoAgentAllowed
            ? "to try the agent side on this machine, add --demo-agent"
            : "agents are listed in the helpdesk's configuration (`agents`, `agentGroups`)"
        return Self(.forbidden, "only agents can \(action); \(how)")
    }
    public static func notYours(_ id: Int) -> Self {
        // The same words as for a missing ticket: employees must not learn which numbers exist.
        Self(.notFound, "there is no ticket #\(id) of yours")
    }
    public static func noEngine() -> Self {
        Self(.unavailable, "this service has no conversation engine")
    }
    public static func notYourConversation(_ id: Int) -> Self {
        Self(.notFound, "there is no conversation #\(id) of yours")
    }
    public static func demoAgentDisabled() -> Self {
        Self(.forbidden, "the demo agent is off: agents are configured, so act as yourself")
    }
}
