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

    @Test func aMalformedFileIsAnErrorNamingIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try #"{"knowledge": 42}"#.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigurationError.self) { try Configuration.load(from: [file.path]) }
        #expect(error?.description.hasPrefix("\(file.path): is not a valid configuration") == true)
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

    @Test func aBadSLAValueIsNamed() {
        let error = #expect(throws: ConfigurationError.self) {
            try Configuration(sla: ["P2": "soonish"]).serviceLevels(file: "/etc/helpdesk/config.json")
        }
        #expect(
            error?.description
                == "/etc/helpdesk/config.json: is not a valid configuration: `sla.P2` is \"soonish\"; write e.g. \"4h\", \"3 days\" or \"1 working day\""
        )
        #expect(throws: ConfigurationError.self) { try Configuration(sla: ["P9": "1h"]).serviceLevels() }
    }
}
