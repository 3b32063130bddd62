import ArgumentParser
import Foundation
import HelpdeskCore
import Knowledge

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration, tools.json and the knowledge folder; exit 1 on any problem.")

    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var tools: ToolOptions

    func run() throws {
        var problems: [String] = []
        do {
            let (configuration, path) = try Configuration.load()
            _ = try configuration.serviceLevels(file: path ?? "config.json")
            Console.out("config:    \(path ?? "none (defaults)")")
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
        do {
            let base = try KnowledgeBase.load(try knowledge.directory())
            Console.out(
                "knowledge: \(base.index.articles.count) articles, \(base.index.passageCount) sections in \(base.directory)")
            if !base.index.synonyms.isEmpty {
                Console.out("synonyms:  \(base.index.synonyms.count) words and phrases with synonyms in \(Synonyms.fileName)")
            }
            problems += base.issues.map(\.description)
        } catch {
            problems.append(String(describing: error))
        }
        for problem in problems { Console.error("\(problem)") }
        guard problems.isEmpty else { throw ExitCode.failure }
        Console.out("No problems found.")
    }
}
