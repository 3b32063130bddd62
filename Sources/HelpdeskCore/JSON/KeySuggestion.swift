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
            let distance = EditDistance.optimalStringAlignment(typed, target, limit: limit)
            if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.key
    }
}
