import Foundation

/// XDG base directories, with the spec's fallbacks when the variables are unset or empty.
public enum XDG {
    public static func configHome(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        directory(env["XDG_CONFIG_HOME"], fallback: ".config", env)
    }
    public static func cacheHome(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        directory(env["XDG_CACHE_HOME"], fallback: ".cache", env)
    }
    public static func stateHome(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        directory(env["XDG_STATE_HOME"], fallback: ".local/state", env)
    }
    public static func dataHome(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        directory(env["XDG_DATA_HOME"], fallback: ".local/share", env)
    }

    private static func directory(_ value: String?, fallback: String, _ env: [String: String]) -> String {
        // The spec says relative values are invalid and must be ignored.
        if let value, value.hasPrefix("/") { return value }
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + fallback
    }
}
