import Foundation

/// Settings an admin or user writes in `config.json`; every field is optional.
///
/// Looked up in `$XDG_CONFIG_HOME/helpdesk/config.json` (default `~/.config/…`), then
/// `/etc/helpdesk/config.json`; the first file that exists wins, so a user's file
/// overrides the host's.
public struct Configuration: Sendable, Equatable, Codable {
    /// Folder of Markdown articles, used when `./knowledge` does not exist.
    public var knowledge: String?
    /// The tool whitelist, used when `./tools.json` does not exist.
    public var tools: String?

    public init(knowledge: String? = nil, tools: String? = nil) {
        self.knowledge = knowledge
        self.tools = tools
    }

    /// Where configuration files are looked for, most specific first.
    public static func searchPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        [XDG.configHome(environment) + "/helpdesk/config.json", "/etc/helpdesk/config.json"]
    }

    /// Loads the first configuration file that exists, or the defaults when there is none.
    /// - Throws: `ConfigurationError` naming the file when it exists but cannot be read or parsed.
    public static func load(from paths: [String] = searchPaths()) throws(ConfigurationError) -> (Configuration, path: String?) {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadable(path)
            }
            do {
                return (try JSONDecoder().decode(Configuration.self, from: data), path)
            } catch {
                throw .malformed(path, detail: String(describing: error))
            }
        }
        return (Configuration(), nil)
    }
}
