import HelpdeskCore

/// Queues: which team works a ticket, and which teams an agent is on.
extension HelpdeskService {
    var router: TicketRouter { TicketRouter(configuration) }

    /// Agents move a ticket to another queue, one the configuration knows.
    public func setQueue(_ id: Int, to queue: String) throws -> Ticket {
        guard role == .agent else {
            throw HelpdeskError.agentsOnly("move a ticket to another queue", demoAgentAllowed: demoAgentAllowed)
        }
        let known = configuration.knownQueues
        guard known.contains(queue) else {
            throw HelpdeskError.invalid("there is no queue \(queue); the queues are \(known.joined(separator: ", "))")
        }
        return try database.setQueue(id, to: queue, by: identity.user)
    }

    /// The queues the asker works, by user name or Unix group, as the configuration says.
    public func myQueues() throws -> [String] {
        guard role == .agent else { throw HelpdeskError.agentsOnly("see the queues", demoAgentAllowed: demoAgentAllowed) }
        return configuration.queues(of: identity)
    }
}
