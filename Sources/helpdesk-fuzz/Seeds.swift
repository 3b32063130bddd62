import Foundation

/// The valid inputs mutation starts from: the repository's own files where it can find
/// them, and small hand-written ones that cover what those do not.
enum Seeds {
    /// The repository: this file is `Sources/helpdesk-fuzz/Seeds.swift`.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func inputs(for target: FuzzTarget) -> [[UInt8]] {
        switch target {
        case .tools: file("tools.json") + tools.map { Array($0.utf8) }
        case .config: configs.map { Array($0.utf8) }
        case .article: articles() + handWrittenArticles.map { Array($0.utf8) }
        }
    }

    private static func file(_ relative: String) -> [[UInt8]] {
        guard let data = FileManager.default.contents(atPath: repository.appendingPathComponent(relative).path) else { return [] }
        return [[UInt8](data)]
    }

    /// A few articles from different folders of `knowledge/`, chosen by name so the seed
    /// set does not change when an article is added.
    private static func articles() -> [[UInt8]] {
        ["network/vpn-drops.md", "accounts/password-reset.md", "linux-host/ssh-keys.md", "email/outlook-setup.md"]
            .flatMap { file("knowledge/" + $0) }
    }

    static let tools = [
        #"""
        {"tools": [{"name": "clear_queue", "title": "Clear a print queue", "description": "Cancels stuck jobs.",
          "examples": ["my print jobs are stuck"],
          "parameters": {"type": "object", "properties": {"printer": {"type": "string", "pattern": "[a-z0-9-]+",
             "minLength": 1, "maxLength": 32, "description": "Which printer"},
             "urgent": {"type": "boolean"}, "copies": {"type": "integer"}}, "required": ["printer"]},
          "approval": "none", "run": {"argv": ["/usr/bin/cancel", "-a", "{printer}", "--by={requester}"], "timeout_seconds": 5}}]}
        """#,
        #"{"tools": []}"#,
    ]

    static let configs = [
        """
        {
          "knowledge": "/srv/helpdesk/knowledge",
          "tools": "/etc/helpdesk/tools.json",
          "database": "/var/lib/helpdesk/helpdesk.sqlite",
          "agents": ["alice"],
          "agentGroups": ["helpdesk"],
          "approvalExpiryMinutes": 60,
          "sla": {"P1": "1h", "P2": "4h", "P3": "1 working day", "P4": "3 days"}
        }
        """,
        #"{"agents": ["alice", "bob"], "demoAgent": false}"#,
        "{}",
        "\u{FEFF}{\r\n  \"approvalExpiryMinutes\": 10080,\r\n  \"sla\": {\"p2\": \"2 working days\"}\r\n}\r\n",
    ]

    static let handWrittenArticles = [
        """
        ---
        title: "Printer offline"
        tags:
          - printing
          - offline
        category: printing
        ---
        # Printer offline

        Who this is for.

        ## Fix it yourself
        1. Turn it off and on.

        ```sh
        # not a heading
        lpstat -p
        ```

        ## When to contact IT
        When it stays offline.
        """,
        "# Just a title\n\nSome text with Wi-Fi and OneDrive and it's.\n",
        "---\ntitle: [broken\n---\nBody only.\n",
    ]
}
