import Foundation
import HelpdeskCore
import Knowledge

/// One of the three parsers, run on one input the way `helpdesk` runs it on a file.
enum FuzzTarget: String, CaseIterable, Sendable {
    case tools, config, article

    /// What a parser made of an input.
    enum Outcome: Equatable {
        case accepted
        case rejected
        /// The parser returned, but broke a promise its callers rely on.
        case invalid(String)
    }

    /// Distinguishes the three random streams, so `--parser config` alone generates the
    /// same config inputs as `--parser all`.
    var stream: UInt64 {
        switch self {
        case .tools: 1
        case .config: 2
        case .article: 3
        }
    }

    /// Runs the parser on `input`; `scratch` is a folder this target may write to.
    func run(_ input: [UInt8], scratch: String) -> Outcome {
        switch self {
        case .tools: Self.runTools(input)
        case .config: Self.runConfig(input)
        case .article: Self.runArticle(input, scratch: scratch)
        }
    }

    /// Errors go to a terminal and to JSON-RPC clients: each must say where, and stay short
    /// enough to read even when the input is a megabyte.
    static let longestMessage = 2_000

    private static func runTools(_ input: [UInt8]) -> Outcome {
        do {
            let catalog = try ToolCatalog.parse(bytes: input, file: "tools.json")
            var names = Set<String>()
            for tool in catalog.tools {
                guard names.insert(tool.name).inserted else { return .invalid("two tools named \(tool.name) accepted") }
                if case .argv(_, let timeout) = tool.run, !ToolDefinition.Run.timeoutSecondsRange.contains(timeout) {
                    return .invalid("timeout \(timeout) accepted")
                }
            }
            return .accepted
        } catch {
            guard !error.problems.isEmpty else { return .invalid("rejected without a problem") }
            return unreadable(error.problems.map { ($0.location != nil, $0.description) }) ?? .rejected
        }
    }

    private static func runConfig(_ input: [UInt8]) -> Outcome {
        do {
            let configuration = try Configuration.parse(bytes: input, file: "config.json")
            if let minutes = configuration.approvalExpiryMinutes, !Configuration.approvalExpiryMinutesRange.contains(minutes) {
                return .invalid("approvalExpiryMinutes \(minutes) accepted")
            }
            do {
                _ = try configuration.serviceLevels()
            } catch {
                return .invalid("accepted, but its service levels throw: \(error)")
            }
            return .accepted
        } catch {
            return unreadable(error.problems.map { ($0.location != nil, $0.description) }) ?? .rejected
        }
    }

    /// What a refusal must not be: a problem without a location, or one too long to read.
    private static func unreadable(_ problems: [(located: Bool, text: String)]) -> Outcome? {
        for problem in problems {
            if !problem.located { return .invalid("a problem without a location: \(problem.text.prefix(300))") }
            if problem.text.count > longestMessage {
                return .invalid("a \(problem.text.count)-character message: \(problem.text.prefix(300))…")
            }
        }
        return nil
    }

    /// Through `KnowledgeBase.load`, the public way in: the article parser is internal to
    /// `Knowledge`, and loading a folder also runs the byte-order-mark, NUL and UTF-8
    /// checks and the analyser on whatever the parser let through.
    private static func runArticle(_ input: [UInt8], scratch: String) -> Outcome {
        let file = scratch + "/article.md"
        guard FileManager.default.createFile(atPath: file, contents: Data(input)) else {
            return .invalid("could not write \(file)")
        }
        do {
            let base = try KnowledgeBase.load(scratch)
            for issue in base.issues where issue.line.map({ $0 < 1 }) ?? false {
                return .invalid("an issue on line \(issue.line ?? 0)")
            }
            if base.index.articles.contains(where: \.passages.isEmpty) { return .invalid("an article without passages") }
            return base.index.articles.isEmpty ? .invalid("loaded with no article") : .accepted
        } catch {
            return .rejected
        }
    }
}
