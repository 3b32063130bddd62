import ArgumentParser
import Engine
import Foundation
import HelpdeskCore
import Knowledge
import Service

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration, tools.json and the knowledge folder; exit 1 on any problem.")

    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var tools: ToolOptions

    func run() throws {
        var problems: [String] = []
        var loaded: (Configuration, path: String)?
        do {
            let (configuration, path) = try Configuration.load()
            _ = try configuration.serviceLevels(file: path ?? "config.json")
            Console.out("config:    \(path ?? "none (defaults)")")
            loaded = (configuration, path ?? "config.json")
        } catch {
            problems += error.messages
        }
        do {
            let catalog = try ToolCatalog.load(try tools.path())
            Console.out("tools:     \(catalog.tools.count) (\(id: catalog.tools.map(\.name).joined(separator: ", ")))")
        } catch let error as ToolCatalogError {
            problems += error.problems.map(\.description)
        } catch {
            problems.append(String(describing: error))
        }
        // The categories tickets get, for the routing check; unknown if the knowledge is broken.
        var categories: Set<String>?
        do {
            let base = try KnowledgeBase.load(try knowledge.directory())
            categories = Set(base.index.articles.map { $0.category ?? "general" }).union(["general"])
            Console.out(
                "knowledge: \(base.index.articles.count) articles, \(base.index.passageCount) sections in \(base.directory)")
            if !base.index.synonyms.isEmpty {
                Console.out("synonyms:  \(base.index.synonyms.count) words and phrases with synonyms in \(Synonyms.fileName)")
            }
            let priorities = DocumentedPriority.counts(in: base.index.articles)
            if !priorities.isEmpty {
                let named = priorities.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) in \($0.value)" }
                Console.out(
                    "priority:  sentences that give one: \(named.joined(separator: ", ")); an incident takes the one its article gives"
                )
            }
            problems += base.issues.map(\.description)
        } catch {
            problems.append(String(describing: error))
        }
        if let (configuration, path) = loaded { problems += checkRouting(configuration, file: path, categories: categories) }
        for problem in problems { Console.error("\(problem)") }
        guard problems.isEmpty else { throw ExitCode.failure }
        Console.out("No problems found.")
    }

    /// Prints what routing does and its warnings; returns its errors, one line each.
    private func checkRouting(_ configuration: Configuration, file: String, categories: Set<String>?) -> [String] {
        guard configuration.routing != nil || configuration.queues != nil else { return [] }
        let rules = configuration.routing?.rules.count ?? 0
        Console.out(
            "routing:   \(rules) rule\(rules == 1 ? "" : "s"), default queue \(id: configuration.defaultQueue); "
                + "queues \(id: configuration.knownQueues.joined(separator: ", "))")
        let check = configuration.checkRouting(categories: categories, terms: TicketRouter.terms(of:))
        // As compilers write them, so an editor can jump to the line.
        func line(_ problem: ConfigurationError.Problem, _ kind: String) -> String {
            (problem.location.map { "\(file):\($0): " } ?? "\(file): ") + kind + problem.message
        }
        for warning in check.warnings { Console.error("\(line(warning, "warning: "))") }
        return check.errors.map { line($0, "") }
    }
}
