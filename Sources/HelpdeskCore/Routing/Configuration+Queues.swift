extension Configuration {
    /// Where tickets no rule matches go.
    public var defaultQueue: String { routing?.defaultQueue ?? Routing.fallbackQueue }

    /// The queues `identity` works, by user name or Unix group, in name order.
    public func queues(of identity: Identity) -> [String] {
        (queues ?? [:]).filter { $0.value.include(identity) }.keys.sorted()
    }

    /// Every queue a ticket can be in: those with members, those rules send to, and the
    /// default, in name order.
    public var knownQueues: [String] {
        Set((queues ?? [:]).keys).union((routing?.rules ?? []).map(\.queue)).union([defaultQueue]).sorted()
    }
}
