import ArgumentParser
import Foundation
import HelpdeskCore

/// `--tools FILE`, shared by every command that reads the tool whitelist.
struct ToolOptions: ParsableArguments {
    @Option(name: .long, help: "The tool whitelist (default: ./tools.json if it exists, else `tools` in config.json).")
    var tools: String?

    /// The file to use: the option, else `./tools.json`, else the configured file.
    func path() throws -> String {
        if let tools { return tools }
        if FileManager.default.fileExists(atPath: "tools.json") { return "tools.json" }
        let (configuration, path) = try Configuration.load()
        if let configured = configuration.tools { return configured }
        let searched = Configuration.searchPaths().joined(separator: " or ")
        throw CommandError(
            "no tool whitelist: ./tools.json does not exist and \(path ?? searched) names no `tools` file; pass --tools FILE")
    }

    func load() throws -> ToolCatalog {
        do {
            return try ToolCatalog.load(try path())
        } catch let error as ToolCatalogError {
            throw CommandError("the tool whitelist is not valid:\n\(error.description)")
        }
    }
}
