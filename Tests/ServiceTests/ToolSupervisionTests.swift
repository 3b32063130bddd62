import Foundation
import HelpdeskCore
import Testing

/// `argv` tools run under supervision: the time limit holds for the whole process group,
/// leftover processes do not hold the caller, output is capped, and the caller's blocked
/// signals do not leak into the tool.
struct ToolSupervisionTests {
    @Test func aToolThatIgnoresTermIsKilledAtItsLimitWithItsWholeGroup() throws {
        let pidFile = ProcessProbe.pidFilePath()
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let setup = try ServiceSetup(
            tools: ServiceSetup.catalog(
                "stubborn", argv: ["/bin/sh", "-c", "trap '' TERM; echo $$ > \(pidFile); sleep 30; echo survived"], timeout: 1))
        let started = Date()
        let result = try setup.runTool("stubborn")
        #expect(!result.succeeded)
        #expect(result.record == "timed out after 1 s")
        #expect(!result.message.contains("survived"))
        #expect(Date().timeIntervalSince(started) < 10)
        let leader = try #require(ProcessProbe.pid(inFile: pidFile))
        #expect(ProcessProbe.isGone(leader))
        #expect(ProcessProbe.groupIsGone(leader))
    }

    @Test func aBackgroundGrandchildDoesNotHoldTheCaller() throws {
        let setup = try ServiceSetup(
            tools: ServiceSetup.catalog("detach", argv: ["/bin/sh", "-c", "sleep 300 & echo started $!"], timeout: 5))
        let started = Date()
        let result = try setup.runTool("detach")
        #expect(Date().timeIntervalSince(started) < 4, "it returned before its 5 s limit")
        #expect(result.succeeded)
        #expect(result.record.hasPrefix("exit status 0"))
        let words = result.message.split(separator: " ")
        #expect(words.first == "started")
        let sleeper = try #require(words.last.flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(ProcessProbe.eventually(within: 5) { ProcessProbe.isGone(sleeper) })
    }

    @Test func endlessOutputKeeps64KiBInBoundedMemory() throws {
        let setup = try ServiceSetup(tools: ServiceSetup.catalog("chatty", argv: ["/usr/bin/yes"], timeout: 3))
        // "5" resets this process's peak resident size (VmHWM) to its current one.
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        let before = ProcessProbe.ownStatus("VmRSS")
        let result = try setup.runTool("chatty")
        let peak = ProcessProbe.ownStatus("VmHWM")
        #expect(result.record == "timed out after 3 s")
        let kept = result.message.utf8.prefix(64 * 1024)
        #expect(kept.elementsEqual(String(repeating: "y\n", count: 32 * 1024).utf8))
        #expect(result.message.contains("more bytes of output were left out"))
        #expect(peak - before < 16 * 1024 * 1024, "peak resident size grew by \(peak - before) bytes")
    }

    @Test func theToolStartsWithNoBlockedOrIgnoredSignalsWhateverTheCallerBlocks() throws {
        let argv = ["/bin/sh", "-c", "grep -E '^Sig(Blk|Ign)' /proc/self/status"]
        let setup = try ServiceSetup(tools: ServiceSetup.catalog("signals", argv: argv, timeout: 5))
        // As the chat's UI thread does for its signalfd.
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGCHLD, SIGQUIT, SIGWINCH, SIGUSR1] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let result = try setup.runTool("signals")
        #expect(result.succeeded)
        #expect(result.message == "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n")
    }

    @Test func aMissingProgramIsAClearError() throws {
        let setup = try ServiceSetup(tools: ServiceSetup.catalog("missing", argv: ["/nonexistent/tool", "x"], timeout: 5))
        let result = try setup.runTool("missing")
        #expect(!result.succeeded)
        #expect(result.message == "The tool could not be started: No such file or directory.")
        #expect(result.record == "could not start /nonexistent/tool: No such file or directory")
    }
}
