import Foundation
import HelpdeskCore
import Store

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

    /// Runs `argv[0]` directly under supervision (`ToolProcess`): a minimal environment, no
    /// input, a clean signal mask, its own process group, a time limit for the whole group
    /// and at most 64 KiB of output kept. Its output goes to the requester only; the record
    /// keeps the exit status and the output's size, because a tool may print a secret.
    static func execute(_ argv: [String], timeout: Double) -> ToolResult {
        let outcome = ToolProcess(argv: argv, timeout: .milliseconds(Int64((timeout * 1000).rounded()))).run()
        let left = outcome.omittedBytes
        let output =
            String(decoding: outcome.output, as: UTF8.self) + (left > 0 ? "\n[\(left) more bytes of output were left out]" : "")
        let size = "\(outcome.output.count + left) bytes of output" + (left > 0 ? " (\(left) left out)" : "")
        /// The output, then `sentence` on a line of its own.
        func after(_ sentence: String) -> String {
            output.isEmpty ? sentence : output + (output.hasSuffix("\n") ? "" : "\n") + sentence
        }
        switch outcome.ending {
        case .exited(let status):
            return ToolResult(
                succeeded: status == 0, message: output.isEmpty ? "The tool finished with exit status \(status)." : output,
                secret: nil, record: "exit status \(status), \(size)")
        case .killed(let signal):
            return ToolResult(
                succeeded: false, message: after("The tool was ended by signal \(signal)."), secret: nil,
                record: "ended by signal \(signal), \(size)")
        case .statusLost:
            return ToolResult(
                succeeded: false, message: after("The tool's exit status could not be collected."), secret: nil,
                record: "exit status unknown, \(size)")
        case .timedOut:
            return ToolResult(
                succeeded: false, message: after("The tool did not finish within \(Int(timeout)) seconds and was stopped."),
                secret: nil, record: "timed out after \(Int(timeout)) s")
        case .notStarted(let reason):
            return ToolResult(
                succeeded: false, message: "The tool could not be started: \(reason).", secret: nil,
                record: "could not start \(argv.first ?? "an empty command"): \(reason)")
        }
    }
}
