import Foundation
import HelpdeskCore
import Testing

struct ConfigurationTests {
    @Test func theFirstExistingFileWins() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let user = folder.appendingPathComponent("user.json")
        let host = folder.appendingPathComponent("host.json")
        try #"{"knowledge": "/srv/kb"}"#.write(to: host, atomically: true, encoding: .utf8)

        let (fromHost, path) = try Configuration.load(from: [user.path, host.path])
        #expect(fromHost.knowledge == "/srv/kb")
        #expect(path == host.path)

        try #"{"knowledge": "/home/me/kb"}"#.write(to: user, atomically: true, encoding: .utf8)
        #expect(try Configuration.load(from: [user.path, host.path]).0.knowledge == "/home/me/kb")
        #expect(try Configuration.load(from: [folder.appendingPathComponent("none").path]).0 == Configuration())
    }

    @Test func readsEverySetting() throws {
        let configuration = try Configuration.parse(
            bytes: Array(
                """
                {
                  "knowledge": "/srv/helpdesk/knowledge",
                  "tools": "/etc/helpdesk/tools.json",
                  "database": "/var/lib/helpdesk/helpdesk.sqlite",
                  "agents": ["alice"],
                  "agentGroups": ["helpdesk"],
                  "demoAgent": false,
                  "approvalExpiryMinutes": 60,
                  "sla": {"P1": "1h", "P2": "4h", "P3": "1 working day", "P4": "3 days"}
                }
                """.utf8), file: "config.json")
        #expect(
            configuration
                == Configuration(
                    knowledge: "/srv/helpdesk/knowledge", tools: "/etc/helpdesk/tools.json",
                    database: "/var/lib/helpdesk/helpdesk.sqlite", agents: ["alice"], agentGroups: ["helpdesk"],
                    demoAgent: false, approvalExpiryMinutes: 60,
                    sla: ["P1": "1h", "P2": "4h", "P3": "1 working day", "P4": "3 days"]))
    }

    @Test func aMisspeltKeyIsAnErrorThatSuggestsTheKnownOne() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.parse(
                bytes: Array("{\n  \"knowledge\": \"/srv/kb\",\n    \"agent\": [\"alice\"]\n}".utf8), file: "config.json")
        }
        #expect(error?.code == .unknownKey)
        #expect(error?.description == #"config.json:3:5: unknown key "agent"; did you mean "agents"?"#)
    }

    @Test func anUnknownKeyFarFromAnyKnownOneListsThem() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.parse(bytes: Array(#"{"colour": "blue"}"#.utf8), file: "config.json")
        }
        #expect(error?.code == .unknownKey)
        #expect(error?.description.contains("the keys are knowledge, tools, database, socket, agents") == true)
    }

    @Test(arguments: [
        (#"{"approvalExpiryMinutes": -5}"#, ConfigurationError.Code.outOfRange, "approvalExpiryMinutes", "1:27"),
        (#"{"approvalExpiryMinutes": 10081}"#, .outOfRange, "approvalExpiryMinutes", "1:27"),
        (#"{"approvalExpiryMinutes": 1e300}"#, .outOfRange, "approvalExpiryMinutes", "1:27"),
        (#"{"approvalExpiryMinutes": 2.5}"#, .invalidValue, "approvalExpiryMinutes", "1:27"),
        (#"{"approvalExpiryMinutes": "60"}"#, .wrongType, "approvalExpiryMinutes", "1:27"),
        (#"{"agents": "alice"}"#, .wrongType, "agents", "1:12"),
        (#"{"agents": ["alice", 7]}"#, .wrongType, "agents[1]", "1:22"),
        (#"{"agentGroups": ["help desk"]}"#, .invalidValue, "agentGroups[0]", "1:18"),
        (#"{"agents": null}"#, .wrongType, "agents", "1:12"),
        (#"{"demoAgent": "yes"}"#, .wrongType, "demoAgent", "1:15"),
        (#"{"knowledge": ""}"#, .invalidValue, "knowledge", "1:15"),
        (#"{"database": ["/var/db"]}"#, .wrongType, "database", "1:14"),
        (#"{"sla": {"P2": "soonish"}}"#, .invalidValue, "sla.P2", "1:16"),
        (#"{"sla": {"P9": "1h"}}"#, .unknownKey, "sla.P9", "1:10"),
        (#"{"sla": {"P1": 4}}"#, .wrongType, "sla.P1", "1:16"),
        (#"{"sla": {"P4": "1000000000 working days"}}"#, .outOfRange, "sla.P4", "1:16"),
        (#"{"sla": "4h"}"#, .wrongType, "sla", "1:9"),
    ])
    func aBadValueNamesItsLineColumnAndField(
        json: String, code: ConfigurationError.Code, field: String, location: String
    ) {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.parse(bytes: Array(json.utf8), file: "/etc/helpdesk/config.json")
        }
        #expect(error?.code == code)
        #expect(error?.problems.first?.field == field)
        #expect(error?.description.hasPrefix("/etc/helpdesk/config.json:\(location): ") == true)
    }

    @Test func theExpiryRangeIsSpelledOut() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.parse(bytes: Array(#"{"approvalExpiryMinutes": -5}"#.utf8), file: "config.json")
        }
        #expect(
            error?.description
                == #"config.json:1:27: "approvalExpiryMinutes" must be a whole number of minutes from 1 to 10080 (a week); found -5"#
        )
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.parse(
                bytes: Array("{\n\"agent\": [],\n\"demoAgent\": 1,\n\"approvalExpiryMinutes\": 0\n}".utf8), file: "config.json")
        }
        #expect(error?.problems.map(\.code) == [.unknownKey, .wrongType, .outOfRange])
        #expect(error?.problems.compactMap(\.location?.line) == [2, 3, 4])
    }

    @Test func aSyntaxErrorNamesLineAndColumn() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration.parse(bytes: Array("{\n  \"agents\": [\"alice\",]\n}".utf8), file: "config.json")
        }
        #expect(error?.code == .syntax)
        #expect(error?.description == "config.json:2:22: a comma before `]`; remove the trailing comma")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let configuration = try Configuration.parse(
            bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"agents": ["alice"]}"#.utf8), file: "c.json")
        #expect(configuration.agents == ["alice"])
    }

    @Test func invalidUTF8IsNamedWithItsLine() {
        let bytes = Array("{\n  \"agents\": [\"".utf8) + [0xE9] + Array("lise\"]\n}".utf8)
        let error = #expect(throws: ConfigurationError.self) { try Configuration.parse(bytes: bytes, file: "config.json") }
        #expect(error?.code == .syntax)
        #expect(error?.description.hasPrefix("config.json:2:15: byte 0xE9 is not UTF-8; re-save the file as UTF-8") == true)
    }

    @Test func aMalformedFileIsAnErrorNamingIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try #"{"knowledge": 42}"#.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigurationError.self) { try Configuration.load(from: [file.path]) }
        #expect(error?.description.hasPrefix("\(file.path):1:15: \"knowledge\" must be a path in quotes") == true)
    }

    @Test func xdgPathsFollowTheSpec() {
        #expect(XDG.cacheHome(["HOME": "/home/ann"]) == "/home/ann/.cache")
        #expect(XDG.cacheHome(["HOME": "/home/ann", "XDG_CACHE_HOME": "/tmp/c"]) == "/tmp/c")
        #expect(XDG.configHome(["HOME": "/home/ann", "XDG_CONFIG_HOME": "relative"]) == "/home/ann/.config")
        #expect(XDG.dataHome(["HOME": "/home/ann"]) == "/home/ann/.local/share")
    }
}

struct ServiceLevelConfigurationTests {
    @Test func slaValuesOverrideTheDefaults() throws {
        let levels = try Configuration(sla: ["P3": "2 working days", "p1": "30h"]).serviceLevels()
        #expect(levels.targets[.p3] == .workingDays(2))
        #expect(levels.targets[.p1] == .hours(30))
        #expect(levels.targets[.p2] == .hours(4))
    }

    @Test func slaTargetsMayBeMinutes() throws {
        let levels = try Configuration(sla: ["P1": "30m", "P2": "90 minutes"]).serviceLevels()
        let opened = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(levels.dueDate(for: .p1, from: opened) == opened.addingTimeInterval(30 * 60))
        #expect(levels.dueDate(for: .p2, from: opened) == opened.addingTimeInterval(90 * 60))
        #expect(throws: ConfigurationError.self) { try Configuration(sla: ["P1": "600000 minutes"]).serviceLevels() }
    }

    @Test func aBadSLAValueIsNamed() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration(sla: ["P2": "soonish"]).serviceLevels(file: "/etc/helpdesk/config.json")
        }
        #expect(
            error?.description
                == #"/etc/helpdesk/config.json: sla.P2 is "soonish"; write e.g. "30m", "4h", "3 days" or "1 working day""#)
        #expect(throws: ConfigurationError.self) { try Configuration(sla: ["P9": "1h"]).serviceLevels() }
    }
}
