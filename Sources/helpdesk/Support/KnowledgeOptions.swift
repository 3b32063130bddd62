import ArgumentParser
import Foundation
import HelpdeskCore
import Knowledge

/// `--knowledge DIR`, shared by every command that reads the knowledge base.
struct KnowledgeOptions: ParsableArguments {
    @Option(
        name: .long, help: "Folder of Markdown articles (default: ./knowledge if it exists, else `knowledge` in config.json).")
    var knowledge: String?

    /// The folder to use: the option, else `./knowledge`, else the configured folder.
    func directory() throws -> String {
        if let knowledge { return knowledge }
        if FileManager.default.fileExists(atPath: "knowledge") { return "knowledge" }
        let (configuration, path) = try Configuration.load()
        if let configured = configuration.knowledge { return configured }
        let searched = Configuration.searchPaths().joined(separator: " or ")
        throw CommandError(
            "no knowledge base: ./knowledge does not exist and \(path ?? searched) names no `knowledge` folder; pass --knowledge DIR"
        )
    }

    /// Loads and indexes the knowledge base, printing warnings and, on a terminal when it
    /// takes more than a moment, a progress bar to standard error.
    func load() throws -> KnowledgeBase {
        let progress = ProgressBar(label: "Indexing knowledge")
        defer { progress.finish() }
        let base = try KnowledgeBase.load(
            try directory(), cacheDirectory: XDG.cacheHome() + "/helpdesk", progress: progress.update)
        progress.finish()
        for issue in base.issues {
            StandardError.write("warning: \(TerminalText.sanitize(issue.description))\n")
        }
        return base
    }
}

/// A failure the user can fix, printed as `Error: …` with exit status 1.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
