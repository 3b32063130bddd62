import Foundation
import Testing

/// `helpdesk search`, run as a process over the shipped knowledge base.
struct SearchCommandTests {
    @Test func showsTheRightArticleFirstWithSectionAndHighlightedSnippet() throws {
        let run = try HelpdeskProcess.run(["search", "vpn keeps disconnecting"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "1. VPN keeps disconnecting  [network/vpn-drops]")
        #expect(lines.count > 1 && lines[1].hasPrefix("   § ") && lines[1].contains("score"))
        #expect(lines.count > 2 && lines[2].contains("**VPN**"))
        #expect(run.stderr.isEmpty)
    }

    @Test func saysHowItReadAMisspelledQuery() throws {
        let run = try HelpdeskProcess.run(["search", "--limit", "1", "pasword", "expird"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("(read \"pasword\" as \"password\", \"expird\" as \"expire") == true)
        #expect(lines.dropFirst().first == "1. Password rules and expiry  [accounts/password-policy]")
    }

    @Test func jsonOutputCarriesRankArticleSectionScoreAndSnippet() throws {
        let run = try HelpdeskProcess.run(["search", "--json", "--limit", "2", "printer", "wont", "print"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["rank"] as? Int == 1)
        #expect(results[0]["article"] as? String == "printing/printer-not-printing")
        #expect(results[0]["section"] is String)
        #expect((results[0]["score"] as? Double ?? 0) >= (results[1]["score"] as? Double ?? 0))
        #expect((results[0]["highlights"] as? [String])?.isEmpty == false)
    }

    @Test func batchModePrintsTRECRunLines() throws {
        let queries = FileManager.default.temporaryDirectory.appendingPathComponent("queries-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: queries) }
        try "# comment\nq1\tlocked out of my account\n\nq2\tdisk quota exceeded on login host\n".write(
            to: queries, atomically: true, encoding: .utf8)
        let run = try HelpdeskProcess.run(["search", "--queries", queries.path, "--format", "trec", "--limit", "3"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.count == 6 && $0[1] == "Q0" && $0[5] == "helpdesk" && Double($0[4]) != nil })
        #expect(lines.map { $0[0] } == ["q1", "q1", "q1", "q2", "q2", "q2"])
        #expect(lines.map { $0[3] } == ["1", "2", "3", "1", "2", "3"])
        #expect(lines[0][2] == "accounts/account-lockout")
        #expect(lines[3][2] == "linux-host/disk-quota")
    }

    @Test func aMalformedQueriesFileNamesTheLine() throws {
        let queries = FileManager.default.temporaryDirectory.appendingPathComponent("queries-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: queries) }
        try "q1\tvpn\nq2 no tab here\n".write(to: queries, atomically: true, encoding: .utf8)
        let run = try HelpdeskProcess.run(["search", "--queries", queries.path, "--format", "trec"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(queries.path):2: expected `qid<TAB>query`"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aMissingKnowledgeFolderIsAClearErrorNotACrash() throws {
        let run = try HelpdeskProcess.run(["search", "--knowledge", "/no/such/folder", "vpn"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("knowledge folder /no/such/folder does not exist"))
    }

    @Test func usesTheConfiguredFolderWhenThereIsNoLocalKnowledgeFolder() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config/helpdesk")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let knowledge = HelpdeskProcess.repository.appendingPathComponent("knowledge").path
        try #"{"knowledge": "\#(knowledge)"}"#.write(
            to: config.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)

        let found = try HelpdeskProcess.run(
            ["search", "--limit", "1", "quota"], in: home,
            environment: ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path])
        #expect(found.stdout.contains("[linux-host/disk-quota]"))
        let missing = try HelpdeskProcess.run(["search", "quota"], in: home)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no knowledge base: no usable ./knowledge, and"))
    }

    @Test func warnsAboutBadArticlesOnStandardErrorAndStillSearches() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: Printer\n---\nClear the \u{1B}]0;pwned\u{07}jam.\n".write(
            to: folder.appendingPathComponent("printer.md"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2]).write(to: folder.appendingPathComponent("blob.md"))
        let run = try HelpdeskProcess.run(["search", "--knowledge", folder.path, "jam"])
        #expect(run.status == 0)
        #expect(run.stderr == "warning: \(folder.path)/blob.md: looks binary (contains NUL bytes); skipped\n")
        #expect(run.stdout.contains("Clear the **jam**."))
        #expect(!run.stdout.contains("\u{1B}"))
    }
}

/// `helpdesk search` and `helpdesk check` with a `synonyms.txt` in the knowledge folder.
struct SearchSynonymsCommandTests {
    /// A knowledge folder with one laptop article and `synonyms`.
    private func folder(synonyms: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "---\ntitle: Laptop battery\n---\nCharge the laptop overnight.\n".write(
            to: folder.appendingPathComponent("battery.md"), atomically: true, encoding: .utf8)
        try synonyms.write(to: folder.appendingPathComponent("synonyms.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func textOutputSaysWhichSynonymsItSearchedAndMarksThem() throws {
        let folder = try folder(synonyms: "laptop, notebook, computer\u{1B}]0;pwned\u{07}\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try HelpdeskProcess.run(["search", "--knowledge", folder.path, "notebook", "battery"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "Synonyms: notebook → laptop, computer")
        #expect(lines.dropFirst().first == "1. Laptop battery  [battery]")
        #expect(run.stdout.contains("Charge the **laptop** overnight."))
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(run.stderr.isEmpty)
    }

    @Test func jsonOutputListsTheExpansions() throws {
        let folder = try folder(synonyms: "laptop, notebook\napp store => charge laptop\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try HelpdeskProcess.run(["search", "--knowledge", folder.path, "--json", "notebook", "app", "store"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let expansions = try #require(object["expansions"] as? [[String: Any]])
        #expect(expansions.count == 2)
        #expect(expansions.first?["words"] as? String == "notebook")
        #expect(expansions.first?["synonyms"] as? [String] == ["laptop"])
        #expect(expansions.first?["replaced"] as? Bool == false)
        #expect(expansions.last?["words"] as? String == "app store")
        #expect(expansions.last?["replaced"] as? Bool == true)
        #expect(object["terms"] as? [String] == ["notebook", "app", "store"])
        #expect((object["results"] as? [[String: Any]])?.first?["article"] as? String == "battery")
    }

    @Test func checkNamesTheFileAndLineOfABrokenSynonymAndSearchStillUsesTheRest() throws {
        let folder = try folder(synonyms: "# synonyms\nlaptop, notebook\nvpn => \n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try HelpdeskProcess.run(["check", "--knowledge", folder.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("synonyms:  2 words and phrases with synonyms in synonyms.txt"))
        #expect(
            check.stderr.contains(
                "\(folder.path)/synonyms.txt:3: `=>` needs words on both sides, as in `app store => software catalog`; ignored"))

        let search = try HelpdeskProcess.run(["search", "--knowledge", folder.path, "notebook"])
        #expect(search.stderr.contains("warning: \(folder.path)/synonyms.txt:3:"))
        #expect(search.stdout.contains("[battery]"))
    }

    /// An admin sees that the priorities their articles give were read.
    @Test func checkCountsTheSentencesThatGiveAPriority() throws {
        let folder = try folder(synonyms: "")
        defer { try? FileManager.default.removeItem(at: folder) }
        try
            "---\ntitle: Dictation\n---\nIf dictation is down for a whole ward, call the desk (P1). Log a P3 for one microphone.\n"
            .write(to: folder.appendingPathComponent("dictation.md"), atomically: true, encoding: .utf8)
        let check = try HelpdeskProcess.run(["check", "--knowledge", folder.path])
        #expect(check.stdout.contains("priority:  sentences that give one: P1 in 1, P3 in 1;"))
    }
}
