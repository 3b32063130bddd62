import Foundation
import Knowledge

/// The knowledge base helpdesk ships, queried the way employees ask.
enum ShippedKnowledge {
    static let queriesFile = "Tests/KnowledgeTests/Fixtures/employee-queries.tsv"

    /// Questions of the kind the test suite uses, for when its query file is missing.
    static let builtInQueries = [
        "vpn keeps disconnecting", "how do I reset my password", "account locked out",
        "lost my phone authenticator app", "outlook not syncing email", "mailbox is full",
        "set up out of office reply", "share my calendar with a colleague", "printer not printing",
        "add a printer on mac", "scan to email", "wifi in the office drops",
        "slow home wifi", "laptop won't turn on", "second monitor not detected on dock",
        "keyboard and mouse not working", "request a new laptop", "my laptop is very slow",
        "onedrive sync stuck", "restore a deleted file from backup", "send a large file to a customer",
        "map network drive", "permission denied on shared folder", "ssh connection refused",
        "add my ssh key", "disk quota exceeded", "keep a job running after logout",
        "need sudo access", "install software on windows", "install an app on my mac",
        "admin rights on laptop", "clicked a phishing link", "report phishing email",
        "antivirus alert quarantine", "laptop stolen", "bitlocker recovery key",
        "certificate error proxy", "internal sites not loading on vpn", "teams video call echo",
        "meeting room screen not working", "new starter account", "leaver offboarding checklist",
        "service account password", "distribution list add member", "shared mailbox access",
        "spam filter blocked a message", "mfa enrolment", "password policy requirements",
    ]

    /// Loads `directory` and repeats the queries until there are at least `executions`.
    static func workload(directory: String, executions: Int) throws(KnowledgeError) -> (Workload, querySource: String) {
        let base = try KnowledgeBase.load(directory, cacheDirectory: nil)
        let (queries, source) = loadQueries()
        let repetitions = max(1, (executions + queries.count - 1) / max(queries.count, 1))
        let repeated = Array((0..<repetitions).map { _ in queries }.joined())
        return (
            Workload(
                name: "shipped knowledge base (\(directory))", articles: base.index.articles, queries: repeated,
                synonyms: base.index.synonyms),
            source
        )
    }

    /// The query column of the employee-query suite (`article-id<TAB>query`, `#` comments),
    /// or the built-in questions when the file is absent or holds none.
    static func loadQueries() -> ([String], String) {
        guard let text = try? String(contentsOfFile: queriesFile, encoding: .utf8) else {
            return (builtInQueries, "built-in queries (\(queriesFile) not found)")
        }
        let queries = text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            let query = line[line.index(after: tab)...].trimmingCharacters(in: .whitespaces)
            return query.isEmpty ? nil : query
        }
        return queries.isEmpty ? (builtInQueries, "built-in queries (\(queriesFile) has none)") : (queries, queriesFile)
    }
}
