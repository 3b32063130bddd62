import ArgumentParser
import Foundation
import HelpdeskCore

/// `--tools FILE`, shared by every command that reads the tool whitelist.
struct ToolOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The tool whitelist (default: ./tools.json if it is yours and only you can write to it, else `tools` in config.json)."
    )
    var tools: String?

    /// The file to use: the option, else a trusted `./tools.json`, else the configured file.
    func path() throws -> String {
        if let tools { return tools }
        if let local = WorkingDirectoryTrust.localPath("tools.json", option: "--tools") { return local }
        let (configuration, path) = try Configuration.load()
        if let configured = configuration.tools { return configured }
        let searched = Configuration.searchPaths().joined(separator: " or ")
        throw CommandError(
            "no tool whitelist: no usable ./tools.json, and \(path ?? searched) names no `tools` file; pass --tools FILE")
    }

    func load() throws -> ToolCatalog {
        do {
            return try ToolCatalog.load(try path())
        } catch let error as ToolCatalogError {
            throw CommandError("the tool whitelist is not valid:\n\(error.description)")
        }
    }
}
