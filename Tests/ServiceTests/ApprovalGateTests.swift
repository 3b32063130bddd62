import Foundation
import HelpdeskCore
import Service
import Store
import Testing

struct ApprovalGateTests {
    @Test func anAgentApprovesAndTheRequesterRunsItOnce() throws {
        let setup = try ServiceSetup()
        let ann = try setup.service("ann")
        let request = try ann.requestTool("unlock_account", arguments: ["account": "workstation"])
        #expect(request.state == .pending)
        #expect(try setup.service("alice").pendingApprovals().map(\.id) == [request.id])
        #expect(throws: HelpdeskError.notRunnable(request.id, state: "pending")) { try ann.run(request.id) }

        let approved = try setup.service("alice").decide(request.id, approve: true, note: "verified by phone")
        #expect(approved.state == .approved && approved.decidedBy == "alice")
        let result = try ann.run(request.id)
        #expect(result.succeeded)
        #expect(try setup.database.account("ann")?.locked == false)
        #expect(try ann.request(request.id).state == .executed)
        #expect(throws: HelpdeskError.notRunnable(request.id, state: "executed")) { try ann.run(request.id) }
        let actions = try setup.database.auditEntries().map(\.action)
        #expect(actions == ["approval.requested", "approval.approved", "approval.running", "approval.executed"])
    }

    @Test func nobodyApprovesTheirOwnRequest() throws {
        let setup = try ServiceSetup()
        let request = try setup.service("alice").requestTool("reset_password", arguments: ["account": "vpn"])
        #expect(throws: HelpdeskError.selfApproval(request.id)) {
            try setup.service("alice").decide(request.id, approve: true, note: nil)
        }
        #expect(try setup.service("dave").decide(request.id, approve: true, note: nil).state == .approved)
    }

    @Test func anEmployeeCannotApprove() throws {
        let setup = try ServiceSetup()
        let request = try setup.service("ann").requestTool("reset_password", arguments: ["account": "vpn"])
        #expect(throws: HelpdeskError.agentsOnly("approve requests")) {
            try setup.service("bob").decide(request.id, approve: true, note: nil)
        }
        #expect(try setup.database.approval(request.id)?.state == .pending)
    }

    @Test func aSecondDecisionIsRefused() throws {
        let setup = try ServiceSetup()
        let request = try setup.service("ann").requestTool("reset_password", arguments: ["account": "vpn"])
        _ = try setup.service("alice").decide(request.id, approve: false, note: "call the desk first")
        let error = #expect(throws: HelpdeskError.self) { try setup.service("dave").decide(request.id, approve: true, note: nil) }
        #expect(error?.description == "request #\(request.id) was already denied by alice")
        let denied = try setup.service("ann").request(request.id)
        #expect(denied.note == "call the desk first")
    }

    @Test func aDecisionOnAnExpiredRequestIsRefusedAndRecorded() throws {
        let setup = try ServiceSetup()
        let request = try setup.database.requestTool(
            ToolCall(tool: "reset_password", arguments: ["account": .string("vpn")]), requester: "ann", needsApproval: true,
            expiresIn: 60, at: Date().addingTimeInterval(-3600))
        #expect(throws: HelpdeskError.expired(request.id)) {
            try setup.database.decide(request.id, approve: true, by: "alice", note: nil)
        }
        #expect(try setup.database.approval(request.id)?.state == .expired)
    }

    @Test func aDenialNeedsAReason() throws {
        let setup = try ServiceSetup()
        let request = try setup.service("ann").requestTool("reset_password", arguments: ["account": "vpn"])
        #expect(throws: HelpdeskError.self) { try setup.service("alice").decide(request.id, approve: false, note: " ") }
    }

    @Test func requestsAreValidatedLikeTheChat() throws {
        let setup = try ServiceSetup()
        let ann = try setup.service("ann")
        for arguments in [["account": "email; rm -rf /"], [:]] {
            let error = #expect(throws: HelpdeskError.self) { try ann.requestTool("reset_password", arguments: arguments) }
            #expect(error?.code == .invalid)
        }
        let unknown = #expect(throws: HelpdeskError.self) { try ann.requestTool("format_disk", arguments: [:]) }
        #expect(unknown?.code == .invalid)
        #expect(try setup.database.approvals().isEmpty)
    }

    @Test func aReadOnlyToolNeedsNoApproval() throws {
        let setup = try ServiceSetup()
        let ann = try setup.service("ann")
        let request = try ann.requestTool("check_account_status", arguments: [:])
        #expect(request.state == .approved)
        #expect(try ann.run(request.id).message.hasPrefix("Account ann: locked"))
    }

    @Test func theTemporaryPasswordIsShownOnceAndStoredNowhere() throws {
        let setup = try ServiceSetup()
        let ann = try setup.service("ann")
        let request = try ann.requestTool("reset_password", arguments: ["account": "email"])
        _ = try setup.service("alice").decide(request.id, approve: true, note: nil)
        let result = try ann.run(request.id)
        let password = try #require(result.secret)
        #expect(password.count == 19)
        #expect(result.message.contains(password))
        let record = try ann.request(request.id).outcome ?? ""
        #expect(!record.contains(password))
        #expect(try setup.database.auditEntries().allSatisfy { !$0.detail.contains(password) })
        let bytes = try setup.storedBytes()
        #expect(bytes.range(of: Data(password.utf8)) == nil, "the password is somewhere in the database files")
        #expect(try setup.database.account("ann")?.mustChangePassword == true)
    }
}
