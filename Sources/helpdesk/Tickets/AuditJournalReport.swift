import HelpdeskCore
import Store

/// What `helpdesk audit verify --against-journal` says: one line when the journal confirms
/// the log, else a line per way they part, oldest entry first, and an error naming where.
struct AuditJournalReport {
    let chain: AuditVerification
    let comparison: AuditJournalComparison

    /// Prints the findings.
    /// - Throws: `CommandError` (exit status 1) when the chain is broken or the journal
    ///   does not confirm every entry.
    func print() throws {
        let findings = self.findings
        if findings.isEmpty {
            Console.out(intact)
            return
        }
        for finding in findings { Console.out(finding) }
        if let entry = comparison.firstParting {
            throw CommandError("the database and the journal part at entry \(entry)")
        }
        if case .broken(let entry, _) = chain {
            throw CommandError("the audit log is broken at entry \(entry)")
        }
    }

    private var intact: TerminalString {
        let total = comparison.entries
        guard !comparison.coveredByLaterAnchor.isEmpty else {
            return "intact: \(total) entries, all \(comparison.anchored) anchored in the journal"
        }
        let covered = comparison.coveredByLaterAnchor
        return "intact: \(total) entries, \(comparison.anchored) anchored in the journal; \(Self.entries(covered)) "
            + "\(covered.count == 1 ? "is" : "are") not, but a later anchored entry vouches for "
            + "\(covered.count == 1 ? "it" : "them") through the chain"
    }

    /// Each way they part, oldest entry first: the first line is where they part.
    private var findings: [TerminalString] {
        var findings: [(entry: Int, text: TerminalString)] = []
        func note(_ entry: Int, _ text: TerminalString) { findings.append((entry, text)) }
        if case .broken(let entry, let reason) = chain {
            note(entry, "the audit log is broken at entry \(entry): \(reason)")
        }
        for entry in comparison.conflicting {
            note(
                entry, "entry \(entry): the journal gives it more than one hash (a forged line, or two databases under one name)")
        }
        if let first = comparison.mismatches.first {
            note(
                first.entry,
                "entry \(first.entry): the database says hash \(Self.short(first.database)), the journal says "
                    + "\(Self.short(first.journal)): the database was rewritten after it was written")
            let later = comparison.mismatches.dropFirst().map(\.entry)
            if let next = later.first {
                note(next, "\(Self.entries(later)) \(later.count == 1 ? "differs" : "differ") from the journal too")
            }
        }
        if let first = comparison.deleted.first {
            let one = comparison.deleted.count == 1
            note(
                first,
                "\(Self.entries(comparison.deleted)) \(one ? "is" : "are") in the journal but not in the database: "
                    + "\(one ? "it was" : "they were") deleted")
        }
        if let first = comparison.unanchored.first {
            let one = comparison.unanchored.count == 1
            note(
                first,
                "\(Self.entries(comparison.unanchored)) \(one ? "is" : "are") not in the journal: written after it was read, "
                    + "or not by the daemon")
        }
        // Stable: at one entry, the chain's own finding comes first.
        return findings.enumerated().sorted { ($0.element.entry, $0.offset) < ($1.element.entry, $1.offset) }.map(\.element.text)
    }

    /// The first 12 hexadecimal digits: enough to tell two hashes apart at a glance.
    private static func short(_ hash: String) -> String { hash.prefix(12) + "…" }

    /// "entry 4", "entries 4–6, 9": runs of numbers as ranges.
    static func entries(_ numbers: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for number in numbers.sorted() {
            if let last = runs.last, last.upperBound + 1 == number {
                runs[runs.count - 1] = last.lowerBound...number
            } else {
                runs.append(number...number)
            }
        }
        let text = runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        return (numbers.count == 1 ? "entry " : "entries ") + text.joined(separator: ", ")
    }
}
