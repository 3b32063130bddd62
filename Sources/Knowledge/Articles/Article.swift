/// One Markdown file of the knowledge base.
public struct Article: Sendable, Equatable, Codable {
    /// Path relative to the knowledge folder without `.md`, e.g. `network/vpn-drops`.
    public let id: String
    public let title: String
    /// From front matter, else the article's folder (`network/vpn-drops` → `network`).
    public let category: String?
    public let tags: [String]
    /// The article split at its `## ` headings; never empty.
    public let passages: [Passage]

    public init(id: String, title: String, category: String?, tags: [String], passages: [Passage]) {
        self.id = id
        self.title = title
        self.category = category
        self.tags = tags
        self.passages = passages
    }
}

/// A section of an article: the text under one `## ` heading, or the text before the first.
public struct Passage: Sendable, Equatable, Codable {
    /// The `## ` heading, or nil for the article's opening text.
    public let heading: String?
    /// Markdown body of the section, without its heading.
    public let text: String

    public init(heading: String?, text: String) {
        self.heading = heading
        self.text = text
    }
}
