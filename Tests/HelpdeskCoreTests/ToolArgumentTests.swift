import HelpdeskCore
import Testing

struct ToolArgumentTests {
    let account = Parameter(
        name: "account", kind: .string, description: "Which account", isRequired: true,
        allowedValues: ["email", "vpn", "workstation"])
    let printer = Parameter(name: "printer", kind: .string, pattern: "[a-z0-9-]+", maxLength: 12)

    @Test(arguments: ["email; rm -rf /", "$(id)", "vpn && reboot", "`whoami`", "email\nvpn", "EMAIL"])
    func refusesAnythingButAnAllowedValue(raw: String) {
        let error = #expect(throws: ArgumentError.self) { try account.validate(raw) }
        #expect(
            error?.description.hasSuffix("is not a valid account: choose email, vpn or workstation") == true
                || error?.description.hasSuffix("it contains control characters") == true)
    }

    @Test func aPatternMustMatchTheWholeValue() throws {
        #expect(try printer.validate("floor-2") == .string("floor-2"))
        #expect(throws: ArgumentError.self) { try printer.validate("floor-2; rm -rf /") }
        #expect(throws: ArgumentError.self) { try printer.validate("x$(id)") }
        #expect(throws: ArgumentError.self) { try printer.validate("much-too-long-name") }
    }

    @Test func theRefusalSaysWhyInWordsAndShowsTheValueInert() {
        let error = #expect(throws: ArgumentError.self) { try account.validate("email\u{1B}[2J; rm") }
        #expect(error?.description == "“email; rm” is not a valid account: it contains control characters")
    }

    @Test func typesIntegersAndBooleans() throws {
        #expect(try Parameter(name: "days", kind: .integer).validate("14") == .integer(14))
        #expect(throws: ArgumentError.self) { try Parameter(name: "days", kind: .integer).validate("14; ls") }
        #expect(try Parameter(name: "notify", kind: .boolean).validate("yes") == .boolean(true))
    }

    @Test func aCallNeedsEveryRequiredArgumentAndNoUnknownOnes() throws {
        let tool = ToolDefinition(
            name: "reset_password", title: "Reset a password", description: "d", examples: [], parameters: [account],
            approval: .agent, run: .builtin("directory.reset_password"))
        #expect(
            try tool.call(with: ["account": "vpn"]) == ToolCall(tool: "reset_password", arguments: ["account": .string("vpn")]))
        let missing = #expect(throws: ArgumentError.self) { try tool.call(with: [:]) }
        #expect(missing?.description == "reset_password needs “account”: Which account? Choose email, vpn or workstation.")
        #expect(throws: ArgumentError.self) { try tool.call(with: ["account": "vpn", "user": "root"]) }
    }
}
