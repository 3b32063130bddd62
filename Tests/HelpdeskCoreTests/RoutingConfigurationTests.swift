import HelpdeskCore
import Testing

/// `routing` and `queues` in `config.json`: read strictly, and checked for rules that can
/// never match, queues nobody works and assignees who are not agents.
struct RoutingConfigurationTests {
    private func parse(_ json: String) throws -> Configuration {
        try Configuration.parse(bytes: Array(json.utf8), file: "config.json")
    }

    /// Lowercase words, as a stand-in for the service's analyser.
    private func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    @Test func readsRulesQueuesAndTheDefaultQueue() throws {
        let configuration = try parse(
            """
            {
              "agents": ["alice", "frank"],
              "routing": {
                "rules": [
                  {"category": "network", "queue": "netops"},
                  {"keywords": ["payroll", "salary"], "queue": "finance-it", "assignee": "frank"},
                  {"priority": ["P1", "p2"], "category": ["security", "accounts"], "queue": "secops"}
                ],
                "defaultQueue": "desk"
              },
              "queues": {"netops": {"agents": ["alice"], "groups": ["netadmins"]}, "finance-it": {"agents": ["frank"]}}
            }
            """)
        #expect(
            configuration.routing
                == Routing(
                    rules: [
                        RoutingRule(categories: ["network"], queue: "netops"),
                        RoutingRule(keywords: ["payroll", "salary"], queue: "finance-it", assignee: "frank"),
                        RoutingRule(categories: ["security", "accounts"], priorities: [.p1, .p2], queue: "secops"),
                    ], defaultQueue: "desk"))
        #expect(configuration.routing?.rules.map { $0.location?.line } == [5, 6, 7])
        #expect(configuration.queues?["netops"] == QueueMembers(agents: ["alice"], groups: ["netadmins"]))
        #expect(configuration.defaultQueue == "desk")
        #expect(configuration.queues(of: Identity(user: "bob", groups: ["netadmins"])) == ["netops"])
        #expect(Configuration().defaultQueue == "service-desk")
    }

    @Test(arguments: [
        (
            #"{"routing": {"rules": [{"queue": "a", "keyword": ["x"]}]}}"#, ConfigurationError.Code.unknownKey, "1:39",
            "did you mean \"keywords\"?"
        ),
        (#"{"routing": {"rule": []}}"#, .unknownKey, "1:14", "did you mean \"rules\"?"),
        (#"{"queues": {"netops": {"agent": ["alice"]}}}"#, .unknownKey, "1:24", "did you mean \"agents\"?"),
        (#"{"routing": {"rules": [{"category": "network"}]}}"#, .invalidValue, "1:24", "has no \"queue\""),
        (#"{"routing": {"rules": [{"keywords": [], "queue": "a"}]}}"#, .invalidValue, "1:37", "is empty"),
        (#"{"routing": {"rules": [{"keywords": "?!", "queue": "a"}]}}"#, .invalidValue, "1:37", "write a word"),
        (#"{"routing": {"rules": [{"priority": ["P9"], "queue": "a"}]}}"#, .invalidValue, "1:38", "not a priority"),
        (#"{"routing": {"rules": [{"priority": 1, "queue": "a"}]}}"#, .wrongType, "1:37", "must be text in quotes"),
        (#"{"routing": {"rules": [{"queue": "net ops"}]}}"#, .invalidValue, "1:34", "without spaces"),
        (#"{"routing": {"rules": [{"queue": 7}]}}"#, .wrongType, "1:34", "must be a name in quotes"),
        (#"{"routing": {"rules": {"queue": "a"}}}"#, .wrongType, "1:23", "must be a list of rules"),
        (#"{"routing": {"rules": ["netops"]}}"#, .wrongType, "1:24", "must be an object"),
        (#"{"routing": {"defaultQueue": null}}"#, .wrongType, "1:30", "must be a name in quotes"),
        (#"{"routing": []}"#, .wrongType, "1:13", "must be an object"),
        (#"{"queues": {"netops": ["alice"]}}"#, .wrongType, "1:23", "must be an object"),
        (#"{"queues": {"netops": {"agents": "alice"}}}"#, .wrongType, "1:34", "must be a list of user names"),
    ])
    func aMalformedRuleOrQueueIsNamedWithItsLineAndColumn(
        json: String, code: ConfigurationError.Code, location: String, wording: String
    ) {
        let error = #expect(throws: ConfigurationError.self) { try parse(json) }
        #expect(error?.code == code)
        #expect(error?.description.hasPrefix("config.json:\(location): ") == true, "\(String(describing: error))")
        #expect(error?.description.contains(wording) == true, "\(String(describing: error))")
    }

    @Test func aRuleAfterOneThatMatchesEverythingItWouldCanNeverMatch() throws {
        let configuration = try parse(
            """
            {
              "agents": ["alice"],
              "routing": {
                "rules": [
                  {"keywords": ["payroll", "salary"], "queue": "finance-it"},
                  {"keywords": ["payroll"], "category": "accounts", "queue": "accounts"},
                  {"category": "network", "queue": "netops"},
                  {"category": "Network", "priority": "P1", "queue": "netops-urgent"},
                  {"keywords": ["payroll export"], "queue": "exports"},
                  {"category": "network", "keywords": ["vpn"], "queue": "vpn"},
                  {"keywords": ["vpn"], "queue": "vpn"},
                  {"priority": ["P1", "P2", "P3", "P4"], "queue": "all"},
                  {"category": "printing", "queue": "print"}
                ]
              },
              "queues": {"finance-it": {"agents": ["alice"]}, "accounts": {"agents": ["alice"]},
                         "netops": {"agents": ["alice"]}, "netops-urgent": {"agents": ["alice"]},
                         "exports": {"agents": ["alice"]}, "vpn": {"agents": ["alice"]}, "all": {"agents": ["alice"]},
                         "print": {"agents": ["alice"]}, "service-desk": {"agents": ["alice"]}}
            }
            """)
        let check = configuration.checkRouting(categories: ["network", "accounts", "printing", "general"], terms: words)
        // Rule 6 (vpn anywhere) is narrower than nothing before it; rule 5 (network and vpn) comes
        // after the network rule, which takes every such ticket.
        #expect(
            check.errors.map(\.field) == [
                "routing.rules[1]", "routing.rules[3]", "routing.rules[4]", "routing.rules[5]", "routing.rules[8]",
            ])
        #expect(check.errors.allSatisfy { $0.code == .unreachable })
        #expect(check.errors.map { $0.location?.line } == [6, 8, 9, 10, 13])
        #expect(
            check.errors.first?.message
                == "routing.rules[1] (category accounts; keywords payroll) can never match: routing.rules[0] (line 5) "
                + "matches every ticket it would, and sends it to finance-it")
        #expect(check.warnings.isEmpty)
    }

    @Test func aKeywordTheMatcherIgnoresAndAnUnknownCategoryAreReported() throws {
        var configuration = Configuration(agents: ["alice"])
        configuration.routing = Routing(rules: [
            RoutingRule(categories: ["netwrok"], queue: "netops"), RoutingRule(keywords: ["the"], queue: "netops"),
        ])
        configuration.queues = ["netops": QueueMembers(agents: ["alice"]), "service-desk": QueueMembers(agents: ["alice"])]
        let check = configuration.checkRouting(categories: ["network", "general"]) { $0 == "the" ? [] : [$0] }
        #expect(check.errors.map(\.field) == ["routing.rules[1].keywords"])
        #expect(check.warnings.map(\.field) == ["routing.rules[0].category"])
        #expect(check.warnings.first?.message.contains("did you mean \"network\"?") == true)
        #expect(configuration.checkRouting(categories: nil, terms: words).warnings.isEmpty)
    }

    @Test func aQueueNoAgentBelongsToAndAnAssigneeWhoIsNoAgentAreErrors() throws {
        let configuration = try parse(
            """
            {
              "agents": ["alice"],
              "routing": {"rules": [{"category": "network", "queue": "netops", "assignee": "mallory"}]},
              "queues": {"netops": {"agents": ["bob"]}, "service-desk": {"agents": ["alice"]}}
            }
            """)
        let check = configuration.checkRouting(categories: nil, terms: words)
        #expect(check.errors.map(\.field) == ["routing.rules[0].assignee", "queues.netops"])
        #expect(check.errors.map { $0.location?.line } == [3, 4])
        #expect(check.warnings.map(\.message) == ["bob is in queue netops but is not an agent; add bob to \"agents\""])
    }

    @Test func withoutRoutingOrQueuesThereIsNothingToCheck() {
        let check = Configuration(agents: ["alice"]).checkRouting(categories: [], terms: words)
        #expect(check.errors.isEmpty && check.warnings.isEmpty)
    }
}
