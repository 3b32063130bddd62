import ArgumentParser
import Engine
import Foundation
import HelpdeskCore
import Knowledge

/// `--knowledge DIR`, shared by every command that reads the knowledge base.
struct KnowledgeOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Folder of Markdown articles (default: ./knowledge if it is yours and only you can write to it, else `knowledge` in config.json)."
    )
    var knowledge: String?

    /// The folder to use: the option, else a trusted `./knowledge`, else the configured folder.
    func directory() throws -> String {
        if let knowledge { return knowledge }
        if let local = WorkingDirectoryTrust.localPath("knowledge", option: "--knowledge") { return local }
        let (configuration, path) = try Configuration.load()
        if let configured = configuration.knowledge { return configured }
        let searched = Configuration.searchPaths().joined(separator: " or ")
        throw CommandError(
            "no knowledge base: no usable ./knowledge, and \(path ?? searched) names no `knowledge` folder; pass --knowledge DIR"
        )
    }

    /// Loads and indexes the knowledge base, printing warnings and, on a terminal when it
    /// takes more than a moment, a progress bar to standard error — unless `quiet`, as when
    /// the chat's screen is up.
    func load(quiet: Bool = false) throws -> KnowledgeBase {
        if quiet { return try KnowledgeBase.load(try directory(), cacheDirectory: XDG.cacheHome() + "/helpdesk") }
        let progress = ProgressBar(label: "Indexing knowledge")
        defer { progress.finish() }
        let base = try KnowledgeBase.load(
            try directory(), cacheDirectory: XDG.cacheHome() + "/helpdesk", progress: progress.update)
        progress.finish()
        for issue in base.issues {
            Console.error("warning: \(issue.description)")
        }
        return base
    }

    /// The engine for `index` and `catalog`, reading meaning too when a sentence model is
    /// installed; the first run encodes the passages, with a progress bar unless `quiet`.
    func engine(_ index: KnowledgeIndex, tools catalog: ToolCatalog, quiet: Bool = false) throws -> GroundedEngine {
        let progress = quiet ? nil : ProgressBar(label: "Encoding passages")
        defer { progress?.finish() }
        let semantics = SentenceModel.semantics(
            for: index, knowledge: try directory(), cacheDirectory: XDG.cacheHome() + "/helpdesk",
            configured: (try? Configuration.load())?.0.model, warn: { if !quiet { Console.error("warning: \($0)") } },
            progress: progress?.update)
        return GroundedEngine(index: index, tools: catalog, semantics: semantics)
    }
}

/// A failure the user can fix, printed as `Error: …` with exit status 1.
struct CommandError: Error, CustomStringConvertible {
    let message: TerminalString
    init(_ message: TerminalString) { self.message = message }
    var description: String { message.text }
}
