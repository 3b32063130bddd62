import Foundation
import HelpdeskCore
import Store
import Synchronization

/// Runs whitelisted tools: built-in ones against the demo account directory, and `argv`
/// ones as a program started directly — never through a shell — with each validated
/// argument as exactly one argv element.
struct ToolRunner: Sendable {
    let database: HelpdeskDatabase

    /// Runs `call` (already validated against `tool`) on behalf of `requester`.
    func run(_ call: ToolCall, tool: ToolDefinition, requester: String) -> ToolResult {
        switch tool.run {
        case .builtin(let name):
            do {
                return try builtin(name, call: call, requester: requester)
            } catch {
                return ToolResult(succeeded: false, message: "It failed: \(error)", secret: nil, record: "failed: \(error)")
            }
        case .argv(let template, let timeout):
            let argv = template.map { Self.substitute($0, call: call, requester: requester) }
            return Self.execute(argv, timeout: timeout)
        }
    }

    private func builtin(_ name: String, call: ToolCall, requester: String) throws -> ToolResult {
        let account = call.arguments["account"].map { " \($0)" } ?? ""
        switch name {
        case "directory.reset_password":
            let password = TemporaryPassword.generate()
            try database.resetPassword(of: requester, to: password)
            return ToolResult(
                succeeded: true,
                message: "Your\(account) password was reset. Temporary password: \(password)\n"
                    + "It is shown only now and stored nowhere. You must choose a new one at your next sign-in.",
                secret: password, record: "temporary\(account) password set for \(requester); must be changed at next sign-in")
        case "directory.unlock_account":
            try database.unlock(requester)
            return ToolResult(
                succeeded: true, message: "Your\(account) account is unlocked. You can sign in again.", secret: nil,
                record: "\(requester) unlocked")
        case "directory.account_status":
            let status = try database.ensuredAccount(requester)
            let changed = status.passwordChanged.map { "last changed \($0.formatted(.iso8601))" } ?? "never changed here"
            let text =
                "Account \(requester): \(status.locked ? "locked" : "not locked"); password \(changed)"
                + (status.mustChangePassword ? "; must be changed at next sign-in" : "") + "."
            return ToolResult(succeeded: true, message: text, secret: nil, record: "status shown")
        default:
            return ToolResult(
                succeeded: false, message: "Unknown built-in tool \(name).", secret: nil, record: "unknown builtin \(name)")
        }
    }

    /// Replaces every `{name}` in one argv element; the result is still one element.
    static func substitute(_ element: String, call: ToolCall, requester: String) -> String {
        var result = element.replacingOccurrences(of: "{requester}", with: requester)
        for (name, value) in call.arguments {
            result = result.replacingOccurrences(of: "{\(name)}", with: value.description)
        }
        return result
    }

    /// Starts `argv[0]` directly with a minimal environment, no input, and a time limit.
    /// Its output goes to the requester only; the record keeps the exit status and the
    /// output's size, because a tool may print a secret.
    static func execute(_ argv: [String], timeout: Double) -> ToolResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return ToolResult(
                succeeded: false, message: "The tool could not be started: \(error.localizedDescription)", secret: nil,
                record: "could not start \(argv[0])")
        }
        // Read while it runs, so a chatty tool cannot fill the pipe and stall.
        let collected = Mutex(Data())
        let read = DispatchSemaphore(value: 0)
        Thread {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            collected.withLock { $0 = data }
            read.signal()
        }.start()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            finished.wait()
            return ToolResult(
                succeeded: false, message: "The tool did not finish within \(Int(timeout)) seconds and was stopped.", secret: nil,
                record: "timed out after \(Int(timeout)) s")
        }
        // A grandchild still holding the pipe open must not hang the helpdesk.
        _ = read.wait(timeout: .now() + 2)
        let data = collected.withLock { $0.prefix(64 * 1024) }
        let status = process.terminationStatus
        let text = String(decoding: data, as: UTF8.self)
        return ToolResult(
            succeeded: status == 0, message: text.isEmpty ? "The tool finished with exit status \(status)." : text, secret: nil,
            record: "exit status \(status), \(data.count) bytes of output")
    }
}
