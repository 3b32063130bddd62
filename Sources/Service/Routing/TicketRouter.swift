import HelpdeskCore
import Knowledge

/// Sends new tickets where the configuration's routing rules say. Keywords match whole
/// words as the knowledge search reads them — case and accents folded, possessives dropped,
/// stems compared — so "payroll" matches "Payroll's" but "pay" does not match "payroll".
package struct TicketRouter {
    let configuration: Configuration

    package init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Where `draft` goes. Keywords are looked for in its title and summary, not in the
    /// transcript, where the helpdesk's own answers would match them too. A rule's assignee
    /// who is not an agent (`helpdesk check` says so) is left out: nobody could work it.
    package func route(_ draft: TicketDraft) -> Route {
        let analyzer = Analyzer()
        let words = Set(analyzer.terms(in: draft.title + "\n" + draft.summary))
        let route = (configuration.routing ?? Routing()).route(category: draft.category, priority: draft.priority) {
            let terms = Set(analyzer.terms(in: $0))
            return !terms.isEmpty && terms.isSubset(of: words)
        }
        guard let assignee = route.assignee, !configuration.isAgent(assignee) else { return route }
        return Route(queue: route.queue, reason: route.reason)
    }

    /// A keyword's words as `route` compares them; empty when they are all words the
    /// analyser leaves out ("the", "it").
    package static func terms(of keyword: String) -> Set<String> {
        Set(Analyzer().terms(in: keyword))
    }
}
