/// The keys the console takes: the help line for what is on screen, and the full list `?`
/// shows.
enum AgentKeys {
    struct Item {
        let key: String
        let action: String

        init(_ key: String, _ action: String) {
            self.key = key
            self.action = action
        }
    }

    /// The keys that work now, most useful first; the help line shows as many as fit.
    static func help(for console: AgentProgram) -> [Item] {
        if console.showingKeys { return [Item("any key", "back")] }
        let ticketKeys = [
            Item("c", "comment"), Item("n", "note"), Item("m", "take"), Item("A", "assign"), Item("p", "priority"),
            Item("s", "status"),
        ]
        if console.detail != nil {
            return [Item("↑↓", "scroll")] + ticketKeys + [Item("Esc", "back")]
        }
        var items: [Item] = []
        if console.selectedApproval != nil { items += [Item("a", "approve"), Item("d", "deny")] }
        if console.selectedTicket != nil { items += [Item("Enter", "open")] + ticketKeys }
        items += [Item("/", "search"), Item("f", "filter")]
        if !console.search.isEmpty || !console.filter.isEmpty { items.append(Item("Esc", "show all")) }
        return items + [Item("q", "quit")]
    }

    /// Shown at the end of the help line when some keys did not fit.
    static let more = Item("?", "all keys")

    /// Every key, for the `?` list.
    static let all: [Item] = [
        Item("↑ ↓  j k", "move through the queue, or scroll a ticket"),
        Item("PgUp PgDn Home End", "a page, or to either end"),
        Item("Enter", "open the selected ticket"),
        Item("a", "approve the selected request (asks first; note optional)"),
        Item("d", "deny the selected request, with a reason"),
        Item("c", "comment on the ticket; the employee sees it"),
        Item("n", "internal note on the ticket; agents only"),
        Item("m", "assign the ticket to you"),
        Item("A", "assign the ticket to an agent (Tab completes the name)"),
        Item("p", "set the priority, P1 to P4; the due time follows"),
        Item("s", "set the status: new, open, pending, resolved, closed"),
        Item("/", "search titles, requesters and summaries"),
        Item("f", "filter: mine, unassigned, queues, queue:Q, p1–p4, status:S, category:C"),
        Item("Esc", "leave a ticket; on the queue, clear search and filter"),
        Item("r", "reload"),
        Item("? F1", "this list"),
        Item("q Ctrl-C", "quit (q in a ticket goes back to the queue)"),
    ]
}
