/// English stop words: Snowball's list, plus the apostrophe-less spellings the analyzer
/// produces ("don't" → "dont") and chat filler that carries no topic ("please", "hi",
/// "really", "lately"): employees type these into a chat, articles rarely contain them,
/// and a query word no article contains counts against answering at all.
enum StopWords {
    static func contains(_ word: String) -> Bool { words.contains(word) }

    static func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool { table.value(for: word) != nil }

    /// The same words by bytes, for the indexing loop.
    private static let table: WordTable = {
        var table = WordTable(capacity: words.count)
        for word in words { table.insert(word, value: 0) }
        return table
    }()

    private static let words: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
        "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
        "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "can", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
        "werent", "wont", "wouldnt", "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "im", "ive",
        "ill", "youre", "youve", "youll", "hes", "shes", "thats", "theres", "whats", "lets",
        "also", "get", "got", "still", "please", "hi", "hello", "hey", "thanks", "thank", "u", "pls",
        "really", "lately", "suddenly", "anymore", "actually", "basically", "literally", "totally", "tons", "lots",
        "somehow", "maybe", "probably", "already", "ok", "okay", "yes", "yeah", "um", "hmm", "oh", "guys", "plz",
        "whichever", "whatever", "whoever", "whenever", "wherever",
    ]
}
