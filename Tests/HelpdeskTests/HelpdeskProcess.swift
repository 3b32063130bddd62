import Foundation

/// Runs the built `helpdesk` executable, as a user would from a shell.
struct HelpdeskProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable SwiftPM built next to the test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("helpdesk")

    /// The repository root, where `knowledge/` lives.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `helpdesk ARGUMENTS` in `directory` with a private cache, config and data
    /// folder: no sentence model, the embedded default, unless `environment` says otherwise.
    static func run(
        _ arguments: [String], in directory: URL = repository, environment: [String: String] = [:], input: String? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = scratch.appendingPathComponent("cache").path
        env["XDG_CONFIG_HOME"] = scratch.appendingPathComponent("config").path
        env["XDG_STATE_HOME"] = scratch.appendingPathComponent("state").path
        env["XDG_DATA_HOME"] = scratch.appendingPathComponent("data").path
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data((input ?? "").utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
