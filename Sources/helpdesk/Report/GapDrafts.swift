import Foundation
import HelpdeskCore

/// Markdown stubs, one per knowledge-gap topic, for a writer to complete: the article's
/// front matter with suggested tags, the questions employees asked, and the nearest
/// existing article. They go to a folder of the writer's choosing, never into the
/// knowledge base: nothing is published until someone moves one there.
struct GapDrafts {
    let folder: String

    /// Writes a stub per topic, leaving a file that already exists alone (a writer may have
    /// started on it); says what it did with each.
    func write(_ topics: [Report.GapTopic]) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var done: [String] = []
        for (number, topic) in topics.enumerated() {
            let path = (folder as NSString).appendingPathComponent(Self.fileName(topic, number: number + 1))
            guard !FileManager.default.fileExists(atPath: path) else {
                done.append("kept \(path): it exists")
                continue
            }
            try Data(Self.stub(topic).utf8).write(to: URL(fileURLWithPath: path))
            done.append("wrote \(path) (\(topic.count) questions)")
        }
        return done
    }

    /// `parking-book.md`: the topic's words in ASCII letters and digits.
    static func fileName(_ topic: Report.GapTopic, number: Int) -> String {
        let words = topic.words.prefix(3).map { word in
            String(word.lowercased().unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) })
        }.filter { !$0.isEmpty }
        return (words.isEmpty ? "topic-\(number)" : words.joined(separator: "-")) + ".md"
    }

    static func stub(_ topic: Report.GapTopic) -> String {
        let title =
            (topic.words.first.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Topic")
            + (topic.words.count > 1 ? ": " + topic.words.dropFirst().prefix(3).joined(separator: ", ") : "")
        let tags = topic.words.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: ", ")
        var text = """
            ---
            title: \(title) (draft, rename me)
            tags: [\(tags)]
            category: general
            ---
            # \(title)

            <!-- A stub from `helpdesk report gaps --draft`: \(topic.count) questions the knowledge base could not
            answer. Write the answer, fix the title, tags and category, then move it into the knowledge base. -->

            ## Questions employees asked


            """
        for example in topic.examples { text += "- \(example.replacingOccurrences(of: "\n", with: " "))\n" }
        if let article = topic.nearestArticle {
            text += "\nNearest existing article: \(topic.nearestTitle ?? article) (`\(article)`).\n"
        }
        return text + "\n## Answer\n\nTODO\n"
    }
}
