import ArgumentParser
import Engine
import Foundation
import HelpdeskCore
import Service

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Agents: self-service, tickets, response times, SLA, satisfaction and knowledge gaps over a period.",
        subcommands: [Summary.self, Gaps.self],
        defaultSubcommand: Summary.self)

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The report, as charts on a terminal, or --json / --csv for spreadsheets and dashboards.")
        @OptionGroup var service: ServiceOptions
        @OptionGroup var knowledge: KnowledgeOptions
        @OptionGroup var period: ReportPeriod
        @Flag(help: "Print JSON.") var json = false
        @Flag(help: "Print CSV: one figure a line, as metric,dimension,value.") var csv = false

        func validate() throws {
            if json && csv { throw ValidationError("choose one of --json and --csv") }
        }

        func run() async throws {
            let report = try await ReportCommand.fetch(service, knowledge, period)
            if json {
                Console.json(report)
            } else if csv {
                Console.out("\(lines: ReportCSV.text(report))", terminator: "")
            } else {
                Console.out(ReportOutput(report: report, styled: Console.styled).text)
            }
        }
    }

    struct Gaps: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The knowledge gaps; with --draft DIR, a Markdown stub per topic for a writer to complete.")
        @OptionGroup var service: ServiceOptions
        @OptionGroup var knowledge: KnowledgeOptions
        @OptionGroup var period: ReportPeriod
        @Option(help: "Write a stub per topic into this folder; nothing is published.") var draft: String?

        func run() async throws {
            let gaps = try await ReportCommand.fetch(service, knowledge, period).knowledgeGaps
            guard let draft else {
                Console.out(ReportOutput.gaps(gaps, styled: Console.styled))
                return
            }
            let written = try GapDrafts(folder: draft).write(gaps.topics)
            for outcome in written { Console.out("\(outcome)") }
            Console.out("\(written.count) topics; nothing is published until a writer moves a stub into the knowledge base.")
        }
    }

    /// The report from the daemon, or embedded with the knowledge base loaded so gaps are
    /// grouped by how rare their words are in it and point at the nearest article.
    static func fetch(_ service: ServiceOptions, _ knowledge: KnowledgeOptions, _ period: ReportPeriod) async throws -> Report {
        let (since, until) = try period.range()
        let api = try await service.api {
            // No knowledge base is no reason to refuse a report: the topics just name no article.
            let engine = (try? knowledge.load(quiet: true)).map { GroundedEngine(index: $0.index, tools: ToolCatalog(tools: [])) }
            return try service.service(loaded: Reloading(fixed: .init(tools: ToolCatalog(tools: []), engine: engine)))
        }
        return try await api.report(since: since, until: until)
    }
}
