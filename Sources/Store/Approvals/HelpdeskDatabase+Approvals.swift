import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    /// The process running a claimed request. A pid alone can be reused by an unrelated
    /// process, so the start time and the boot are kept with it.
    public struct RunnerProcess: Sendable, Equatable {
        public let pid: Int32
        /// Clock ticks after boot (field 22 of `/proc/PID/stat`); 0 when unknown.
        public let started: Int64
        /// `/proc/sys/kernel/random/boot_id`; empty when unknown.
        public let boot: String

        public init(pid: Int32, started: Int64, boot: String) {
            self.pid = pid
            self.started = started
            self.boot = boot
        }
    }

    /// What an abandoned request's record says.
    public static let abandonedOutcome = "the helpdesk process running it ended before the tool finished"

    /// Files a request for `call`; it waits for an agent unless `needsApproval` is false.
    /// Pending requests are in the database, so they survive restarts.
    public func requestTool(
        _ call: ToolCall, requester: String, conversation: Int? = nil, needsApproval: Bool, expiresIn: TimeInterval,
        at now: Date = Date()
    ) throws -> ApprovalRequest {
        let arguments = String(decoding: try JSONEncoder.sorted.encode(call.arguments), as: UTF8.self)
        let state: ApprovalRequest.State = needsApproval ? .pending : .approved
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO approval (tool, arguments, requester, conversation, state, note, created, expires)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    call.tool, arguments, requester, conversation, state.rawValue, needsApproval ? nil : "needs no approval",
                    now.timeIntervalSince1970, now.addingTimeInterval(expiresIn).timeIntervalSince1970,
                ])
            let id = Int(db.lastInsertedRowID)
            try Self.audit(
                db, actor: requester, action: "approval.requested", subject: "request/\(id)", detail: "\(call.tool) \(arguments)",
                at: now)
            try Self.notify(db, .approvalRequested, subject: id, user: requester, at: now)
            guard let request = try Self.approval(db, id) else { throw HelpdeskError.requestNotFound(id) }
            return request
        }
    }

    public func approval(_ id: Int) throws -> ApprovalRequest? {
        try read { db in try Self.approval(db, id) }
    }

    /// Requests, newest first; optionally only some states or one requester's.
    public func approvals(states: Set<ApprovalRequest.State>? = nil, requester: String? = nil) throws -> [ApprovalRequest] {
        try read { db in
            var sql = "SELECT * FROM approval WHERE 1"
            var arguments: StatementArguments = []
            if let states {
                sql += " AND state IN (\(states.map { _ in "?" }.joined(separator: ", ")))"
                arguments += StatementArguments(states.map(\.rawValue))
            }
            if let requester {
                sql += " AND requester = ?"
                arguments += [requester]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id DESC", arguments: arguments).compactMap(Self.approval)
        }
    }

    /// Approves or denies a pending request. Refuses the requester deciding their own, a
    /// second decision, and a decision after the request expired (which marks it expired).
    public func decide(_ id: Int, approve: Bool, by decider: String, note: String?, at now: Date = Date()) throws
        -> ApprovalRequest
    {
        let outcome: Result<ApprovalRequest, HelpdeskError> = try write { db in
            guard var request = try Self.approval(db, id) else { return .failure(.requestNotFound(id)) }
            guard request.requester != decider else { return .failure(.selfApproval(id)) }
            guard request.state == .pending else {
                return .failure(.alreadyDecided(id, state: request.state.rawValue, by: request.decidedBy))
            }
            if now > request.expires {
                // Recorded even though the decision is refused: it did expire.
                request.state = .expired
                try Self.update(db, request, finished: now)
                try Self.audit(db, actor: decider, action: "approval.expired", subject: "request/\(id)", detail: "", at: now)
                try Self.notify(db, .approvalDecided, subject: id, user: request.requester, at: now)
                try Self.tell(db, request.requester, Self.notice(of: request), at: now)
                return .failure(.expired(id))
            }
            request.state = approve ? .approved : .denied
            request.decidedBy = decider
            request.note = note
            request.decided = now
            try Self.update(db, request, finished: approve ? nil : now)
            try Self.audit(
                db, actor: decider, action: approve ? "approval.approved" : "approval.denied", subject: "request/\(id)",
                detail: note ?? "", at: now)
            try Self.notify(db, .approvalDecided, subject: id, user: request.requester, at: now)
            try Self.tell(db, request.requester, Self.notice(of: request), at: now)
            return .success(request)
        }
        return try outcome.get()
    }

    /// What the requester is told of a decision.
    static func notice(of request: ApprovalRequest) -> String {
        let what = "request #\(request.id) (\(request.call.tool))"
        let note = request.note.map { ": \($0)" } ?? ""
        switch request.state {
        case .approved: return "\(request.decidedBy ?? "an agent") approved \(what)\(note)."
        case .denied: return "\(request.decidedBy ?? "an agent") denied \(what)\(note)."
        default: return "Your \(what) expired before an agent decided it; ask again if you still need it."
        }
    }

    /// Marks pending requests past their expiry as expired; returns how many.
    @discardableResult
    public func expireOverdue(at now: Date = Date()) throws -> Int {
        try write { db in
            let overdue = try Row.fetchAll(
                db, sql: "SELECT * FROM approval WHERE state = 'pending' AND expires < ?", arguments: [now.timeIntervalSince1970]
            ).compactMap(Self.approval)
            for var request in overdue {
                request.state = .expired
                try Self.update(db, request, finished: now)
                try Self.audit(
                    db, actor: "helpdesk", action: "approval.expired", subject: "request/\(request.id)", detail: "", at: now)
                try Self.notify(db, .approvalDecided, subject: request.id, user: request.requester, at: now)
                try Self.tell(db, request.requester, Self.notice(of: request), at: now)
            }
            return overdue.count
        }
    }

    /// Takes an approved request for running, so it runs once even if two processes try.
    /// `process` is recorded so that `failAbandoned(isRunning:)` can tell when it died.
    public func claim(_ id: Int, by runner: String, in process: RunnerProcess, at now: Date = Date()) throws
        -> ApprovalRequest
    {
        let outcome: Result<ApprovalRequest, HelpdeskError> = try write { db in
            guard var request = try Self.approval(db, id) else { return .failure(.requestNotFound(id)) }
            guard request.state == .approved else { return .failure(.notRunnable(id, state: request.state.rawValue)) }
            request.state = .running
            try Self.update(db, request, finished: nil)
            try db.execute(
                sql: "UPDATE approval SET runnerPid = ?, runnerStarted = ?, runnerBoot = ? WHERE id = ?",
                arguments: [process.pid, process.started, process.boot, id])
            try Self.audit(
                db, actor: runner, action: "approval.running", subject: "request/\(id)", detail: request.call.tool, at: now)
            return .success(request)
        }
        return try outcome.get()
    }

    /// Records how a claimed request ended. `outcome` must not contain a secret.
    public func finish(_ id: Int, succeeded: Bool, outcome: String, by runner: String, at now: Date = Date()) throws
        -> ApprovalRequest
    {
        let result: Result<ApprovalRequest, HelpdeskError> = try write { db in
            guard var request = try Self.approval(db, id) else { return .failure(.requestNotFound(id)) }
            guard request.state == .running else { return .failure(.notRunnable(id, state: request.state.rawValue)) }
            request.state = succeeded ? .executed : .failed
            request.outcome = outcome
            try Self.update(db, request, finished: now)
            try Self.audit(
                db, actor: runner, action: succeeded ? "approval.executed" : "approval.failed", subject: "request/\(id)",
                detail: outcome, at: now)
            try Self.notify(db, .approvalFinished, subject: id, user: request.requester, at: now)
            return .success(request)
        }
        return try result.get()
    }

    /// Marks `running` requests whose runner process is gone as failed, audited and
    /// announced like any outcome; returns how many. A request claimed before runners were
    /// recorded counts as abandoned. Writes only when there is one, so it is cheap to call
    /// wherever requests are read.
    /// - Parameter isRunning: whether a recorded runner still exists (the store does not
    ///   look at processes itself).
    @discardableResult
    public func failAbandoned(isRunning: (RunnerProcess) -> Bool, at now: Date = Date()) throws -> Int {
        let running = try read { db in
            try Row.fetchAll(db, sql: "SELECT id, runnerPid, runnerStarted, runnerBoot FROM approval WHERE state = 'running'")
        }
        let abandoned = running.filter { row in Self.runnerProcess(row).map { !isRunning($0) } ?? true }.map { row in
            (id: row.integer("id"), runner: Self.runnerProcess(row))
        }
        guard !abandoned.isEmpty else { return 0 }
        return try write { db in
            var count = 0
            for (id, runner) in abandoned {
                // Re-read inside the write: it may have finished since, or been swept by another process.
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM approval WHERE id = ?", arguments: [id]),
                    var request = Self.approval(row), request.state == .running, Self.runnerProcess(row) == runner
                else { continue }
                request.state = .failed
                request.outcome = Self.abandonedOutcome
                try Self.update(db, request, finished: now)
                try Self.audit(
                    db, actor: "helpdesk", action: "approval.failed", subject: "request/\(id)", detail: Self.abandonedOutcome,
                    at: now)
                try Self.notify(db, .approvalFinished, subject: id, user: request.requester, at: now)
                count += 1
            }
            return count
        }
    }

    private static func runnerProcess(_ row: Row) -> RunnerProcess? {
        guard let pid = row.optionalInteger("runnerPid").flatMap(Int32.init(exactly:)) else { return nil }
        return RunnerProcess(
            pid: pid, started: Int64(row.integer("runnerStarted")),
            boot: row.text("runnerBoot"))
    }

    private static func update(_ db: Database, _ request: ApprovalRequest, finished: Date?) throws {
        try db.execute(
            sql: """
                UPDATE approval SET state = ?, decidedBy = ?, note = ?, outcome = ?, decided = ?, finished = COALESCE(?, finished)
                WHERE id = ?
                """,
            arguments: [
                request.state.rawValue, request.decidedBy, request.note, request.outcome, request.decided?.timeIntervalSince1970,
                finished?.timeIntervalSince1970, request.id,
            ])
    }

    private static func approval(_ db: Database, _ id: Int) throws -> ApprovalRequest? {
        try Row.fetchOne(db, sql: "SELECT * FROM approval WHERE id = ?", arguments: [id]).flatMap(approval)
    }

    private static func approval(_ row: Row) -> ApprovalRequest? {
        guard let arguments = try? JSONDecoder().decode([String: ArgumentValue].self, from: Data(row.text("arguments").utf8)),
            let state = ApprovalRequest.State(rawValue: row.text("state"))
        else { return nil }
        return ApprovalRequest(
            id: row.integer("id"), call: ToolCall(tool: row.text("tool"), arguments: arguments), requester: row.text("requester"),
            conversation: row.optionalInteger("conversation"), state: state, decidedBy: row.optionalText("decidedBy"),
            note: row.optionalText("note"), outcome: row.optionalText("outcome"), created: row.date("created"),
            decided: row.optionalDate("decided"), expires: row.date("expires"))
    }
}

extension JSONEncoder {
    /// Sorted keys, so the same arguments always encode (and audit) the same way.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
