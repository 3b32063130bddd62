/// The known key a misspelt one was probably meant to be: `agent` → `agents`.
enum KeySuggestion {
    /// The closest of `known` to `key` by edit distance (ignoring case), if it is close
    /// enough to be a typo: at most a third of the known key's length, at least one edit.
    static func nearest(to key: String, among known: some Sequence<String>) -> String? {
        let typed = Array(key.lowercased().unicodeScalars)
        var best: (key: String, distance: Int)?
        for candidate in known {
            let target = Array(candidate.lowercased().unicodeScalars)
            let limit = max(1, target.count / 3)
            // The distance is at least the difference in length; skipping here keeps a
            // megabyte-long key from costing a megabyte of work per known key.
            guard abs(typed.count - target.count) <= limit else { continue }
            let distance = editDistance(typed, target)
            if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.key
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and
    /// transpositions of neighbours ("aproval", "agnets") each count one.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    row[j] = min(row[j], before[j - 2] + 1)
                }
            }
            (before, previous, row) = (previous, row, before)
        }
        return previous[b.count]
    }
}
