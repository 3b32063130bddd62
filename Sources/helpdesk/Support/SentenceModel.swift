import Foundation
import HelpdeskCore
import Knowledge
import Semantics

/// The optional sentence model: when one is installed (`scripts/install-model`) or named
/// by `model` in config.json, the engine also matches questions to passages by meaning.
enum SentenceModel {
    /// The meanings of `index`'s passages, kept in `cacheDirectory` between runs; nil when
    /// no model is installed, or when the one found cannot be loaded, which `warn` is told.
    static func semantics(
        for index: KnowledgeIndex, knowledge: String, cacheDirectory: String, configured: String?,
        warn: (String) -> Void, progress: ((Int, Int) -> Void)? = nil
    ) -> SemanticIndex? {
        guard let directory = configured ?? SentenceEncoder.installedDirectory else { return nil }
        do {
            let encoder = try SentenceEncoder(directory: URL(fileURLWithPath: directory))
            return SemanticIndex(
                index: index, encoder: encoder,
                cacheFile: SemanticIndex.cacheFile(forKnowledge: knowledge, in: cacheDirectory), progress: progress)
        } catch {
            warn("\(error); matching questions by shared words only")
            return nil
        }
    }
}
