import CStemmer

/// Snowball English stemmer from Debian's libstemmer ("disconnecting" → "disconnect").
///
/// A libstemmer handle keeps per-call state, so one instance must not be used from two
/// threads at once; `Analyzer` owns one and is itself single-threaded.
final class Stemmer {
    private let handle: OpaquePointer

    init() {
        // Fails only when the library lacks the language or runs out of memory: English
        // and UTF-8 are compiled into every libstemmer build, so this is an install defect.
        guard let handle = sb_stemmer_new("english", "UTF_8") else {
            preconditionFailure("libstemmer has no English UTF-8 stemmer; reinstall libstemmer0d")
        }
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// Stems one lower-cased word.
    func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                let stemmed = sb_stemmer_stem(handle, base, Int32(bytes.count))
            else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        }
    }
}
