/// Words that mean the same to the people searching, from `synonyms.txt` at the top of the
/// knowledge folder, in the synonym format of Solr and Elasticsearch:
///
///     # Equivalent: each finds the others.
///     laptop, notebook, computer
///     # One way: the left side in a query is read as the right.
///     app store, self service => software catalog
///
/// They are applied to queries only, never to the index: editing the file changes search
/// at the next start without indexing anything again. Entries go through the same analysis
/// as articles, so "laptops" in a query finds an entry "laptop".
public struct Synonyms: Sendable {
    /// The file's name in the knowledge folder.
    public static let fileName = "synonyms.txt"

    /// A word or phrase of the file: as written, and the index terms it analyses to.
    struct Phrase: Sendable, Equatable {
        let text: String
        let terms: [String]
    }

    /// What the words `key` in a query are searched as: the phrases of its equivalence lines
    /// (itself included) and the right-hand sides of its `=>` lines.
    struct Rule: Sendable {
        let key: Phrase
        var alternatives: [Phrase]
    }

    /// Rules by their key's terms. The index compiles them into `CompiledSynonyms`, which
    /// it looks query words up in.
    private var rules: [[String]: Rule] = [:]

    /// Problems found reading the file, each with its file and line; the other lines apply.
    public let issues: [KnowledgeIssue]

    /// No synonyms.
    public init() { issues = [] }

    /// The synonyms of a file's text, with a `KnowledgeIssue` naming `file` and the line for
    /// each line that cannot be used.
    public init(parsing text: String, file: String = Synonyms.fileName) {
        let text = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : Substring(text)
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.enumerated().map { ($0 + 1, $1) }
        let (rules, issues) = SynonymsFile.parse(lines, file: file)
        self.init(rules: rules, issues: issues)
    }

    /// Whether there are no synonyms at all.
    public var isEmpty: Bool { rules.isEmpty }

    /// How many words and phrases have synonyms.
    public var count: Int { rules.count }

    /// Every rule, in no particular order.
    var allRules: Dictionary<[String], Rule>.Values { rules.values }

    /// The rule whose key is exactly `terms`.
    func rule(for terms: [String]) -> Rule? { rules[terms] }

    /// Synonyms made of `rules`, whose keys must differ.
    init(rules list: [Rule], issues: [KnowledgeIssue]) {
        for rule in list where !rule.key.terms.isEmpty { rules[rule.key.terms] = rule }
        self.issues = issues
    }
}
