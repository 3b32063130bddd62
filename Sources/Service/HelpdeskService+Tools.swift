import Foundation
import HelpdeskCore
import Logging
import Store

private let log = Logger(label: "helpdesk.approvals")

extension HelpdeskService {
    /// Files a request to run a whitelisted tool, validated exactly as the chat validates
    /// it. A tool that needs no approval is approved at once; the requester runs it with
    /// `run(_:)`.
    /// - Throws: `HelpdeskError.invalid` for an unknown tool or an invalid, missing or unknown argument.
    public func requestTool(_ name: String, arguments: [String: String]) throws -> ApprovalRequest {
        try fileRequest(name, arguments: arguments, conversation: nil)
    }

    func fileRequest(_ name: String, arguments: [String: String], conversation: Int?) throws -> ApprovalRequest {
        guard let tool = tools.tool(named: name) else {
            let known = tools.tools.map(\.name).joined(separator: ", ")
            throw HelpdeskError(.invalid, "there is no tool “\(name)”; the whitelist has \(known)")
        }
        let call: ToolCall
        do {
            call = try tool.call(with: arguments)
        } catch {
            throw error.asHelpdeskError
        }
        let request = try database.requestTool(
            call, requester: identity.user, conversation: conversation, needsApproval: tool.approval == .agent,
            expiresIn: approvalLifetime)
        log.info(
            "request filed", metadata: ["request": "\(request.id)", "tool": "\(call.tool)", "requester": "\(identity.user)"])
        return request
    }

    /// Agents: requests waiting for a decision, oldest first (overdue ones expire first).
    public func pendingApprovals() throws -> [ApprovalRequest] {
        guard role == .agent else { throw HelpdeskError.agentsOnly("see pending approvals", demoAgentAllowed: demoAgentAllowed) }
        try database.expireOverdue()
        try failAbandonedRuns()
        return try database.approvals(states: [.pending]).reversed()
    }

    /// Agents: approve or deny someone else's request.
    public func decide(_ id: Int, approve: Bool, note: String?) throws -> ApprovalRequest {
        guard role == .agent else {
            throw HelpdeskError.agentsOnly(approve ? "approve requests" : "deny requests", demoAgentAllowed: demoAgentAllowed)
        }
        if !approve && (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw HelpdeskError.invalid("say why you deny it: the employee is told the reason")
        }
        let request = try database.decide(id, approve: approve, by: identity.user, note: note)
        log.info(
            "request decided", metadata: ["request": "\(id)", "state": "\(request.state.rawValue)", "by": "\(identity.user)"])
        return request
    }

    /// One of the asker's own requests.
    public func request(_ id: Int) throws -> ApprovalRequest {
        try failAbandonedRuns()
        guard let request = try database.approval(id), request.requester == identity.user || role == .agent else {
            throw HelpdeskError.requestNotFound(id)
        }
        return request
    }

    /// The asker's approved requests not run yet, oldest first.
    public func approvedRequests() throws -> [ApprovalRequest] {
        try database.approvals(states: [.approved], requester: identity.user).reversed()
    }

    /// Runs the asker's approved request, once. The result — with a temporary password, if
    /// the tool made one — goes back to the caller only: the store keeps `record`.
    public func run(_ id: Int) throws -> ToolResult {
        let request = try request(id)
        guard request.requester == identity.user else { throw HelpdeskError.requestNotFound(id) }
        guard let tool = tools.tool(named: request.call.tool) else {
            throw HelpdeskError(.conflict, "tool “\(request.call.tool)” is no longer in the whitelist")
        }
        // Until `finish` below, the request's record names this process: if it dies (a
        // dropped ssh session, a crash), whoever next reads requests marks it failed.
        let claimed = try database.claim(id, by: identity.user, in: .current())
        let result = ToolRunner(database: database).run(claimed.call, tool: tool, requester: identity.user)
        _ = try database.finish(id, succeeded: result.succeeded, outcome: result.record, by: identity.user)
        // The chat's next message may answer "did that solve it?" about this run.
        if result.succeeded, let conversation = request.conversation {
            try? database.setPending(.askingIfSolved(tool: request.call.tool), in: conversation)
        }
        // The record, never the message: the message may hold a temporary password.
        log.log(
            level: result.succeeded ? .info : .warning, "request ran",
            metadata: ["request": "\(id)", "tool": "\(claimed.call.tool)", "outcome": "\(result.record)"])
        return result
    }

    /// Marks requests whose runner died before the tool finished as failed, so every
    /// request that started ends with an outcome. Reads only, unless there is one.
    private func failAbandonedRuns() throws {
        let count = try database.failAbandoned(isRunning: \.isRunning)
        if count > 0 { log.warning("requests abandoned by a runner that ended", metadata: ["count": "\(count)"]) }
    }
}
