import ArgumentParser
import Foundation
import HelpdeskCore
import Service

struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request",
        abstract: "Ask for a whitelisted action without the chat, e.g. `helpdesk request reset_password account=vpn`.",
        discussion: """
            The request is validated exactly like the chat's. If it needs an agent's approval, \
            this waits for the decision (Ctrl-C stops waiting; the request stays pending, and \
            `helpdesk request --resume ID` picks it up again), then runs it and prints the result \
            — a temporary password is shown here once and stored nowhere.
            """)

    @OptionGroup var service: ServiceOptions
    @OptionGroup var tools: ToolOptions

    @Flag(help: "File the request and return without waiting.") var noWait = false
    @Option(help: "Wait for and run an earlier request instead of filing a new one.") var resume: Int?
    @Argument(help: "The tool's name.") var tool: String?
    @Argument(help: "Arguments as NAME=VALUE.") var arguments: [String] = []

    func validate() throws {
        if resume == nil && tool == nil { throw ValidationError("name a TOOL, or --resume ID") }
        for argument in arguments where !argument.contains("=") {
            throw ValidationError("arguments are NAME=VALUE; “\(argument)” has no `=`")
        }
    }

    func run() async throws {
        let api = try await service.api { try service.service(tools: try tools.load()) }
        var request: ApprovalRequest
        if let resume {
            request = try await api.request(resume)
        } else if let tool {
            var values: [String: String] = [:]
            for argument in arguments {
                let parts = argument.split(separator: "=", maxSplits: 1)
                values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            request = try await api.requestTool(tool, arguments: values)
            Console.out(
                request.call.arguments.isEmpty
                    ? "Request #\(request.id): \(id: request.call.tool)."
                    : "Request #\(request.id): \(id: request.call.tool) \(Self.describe(request.call)).")
        } else {
            return
        }
        if request.state == .pending {
            if noWait {
                Console.out("Waiting for an agent; `helpdesk request --resume \(request.id)` runs it once approved.")
                return
            }
            Console.out("Waiting for an agent to approve it…")
            request = try await Self.decision(on: request, from: api)
        }
        switch request.state {
        case .approved:
            if let decider = request.decidedBy {
                Console.out("Approved by \(id: decider)\(request.note.map { ": \($0)" } ?? "").")
            }
            let result = try await api.run(request.id)
            Console.out("\(lines: result.message)")
            if !result.succeeded { throw ExitCode.failure }
        case .denied:
            throw CommandError(
                "request #\(request.id) was denied by \(id: request.decidedBy ?? "an agent"): \(request.note ?? "no reason given")"
            )
        case .executed, .failed:
            throw CommandError("request #\(request.id) already ran (\(request.state.rawValue)): \(request.outcome ?? "")")
        default:
            throw CommandError("request #\(request.id) is \(request.state.rawValue)")
        }
    }

    /// The request once an agent decided it: from the change that says so, or from asking
    /// again — a second after subscribing (a decision made before the subscription took
    /// hold sends no change this client sees), then every 30 s, and whenever the changes
    /// stop (the daemon restarting).
    private static func decision(on request: ApprovalRequest, from api: any HelpdeskAPI) async throws -> ApprovalRequest {
        try await withThrowingTaskGroup(of: ApprovalRequest.self) { group in
            group.addTask { try await announced(request.id, by: api) }
            group.addTask {
                try await Task.sleep(for: .seconds(1))
                while true {
                    let current = try await api.request(request.id)
                    if current.state != .pending { return current }
                    try await Task.sleep(for: .seconds(30))
                }
            }
            defer { group.cancelAll() }
            guard let decided = try await group.next() else { throw CancellationError() }
            return decided
        }
    }

    /// The request as the change announcing its decision carries it.
    private static func announced(_ id: Int, by api: any HelpdeskAPI) async throws -> ApprovalRequest {
        while true {
            do {
                for try await event in api.changes() where event.subject == id && event.kind == .approvalDecided {
                    if let decided = event.request { return decided }
                }
            } catch let error as HelpdeskError where error.code == .unavailable {
                try await Task.sleep(for: .seconds(1))
            }
            let current = try await api.request(id)
            if current.state != .pending { return current }
        }
    }

    static func describe(_ call: ToolCall) -> TerminalString {
        call.arguments.sorted { $0.key < $1.key }.map { "\(id: $0.key)=\($0.value.description)" }.joined(separator: " ")
    }
}
