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
        return word.withUTF8 { stem($0) { String(decoding: $0, as: UTF8.self) } }
    }

    /// Stems the UTF-8 bytes of a lower-cased word; `body` gets the stem, valid only
    /// during the call.
    func stem<Result>(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let base = word.baseAddress, let stemmed = sb_stemmer_stem(handle, base, Int32(word.count)) else {
            return body(word)
        }
        return body(UnsafeBufferPointer(start: stemmed, count: Int(sb_stemmer_length(handle))))
    }
}
