import HelpdeskCore
import Knowledge

/// The fingerprints a running chat or daemon watches to reload without a restart: the
/// articles and `synonyms.txt` in `knowledge`, and the tool whitelist.
func sourceVersion(knowledge: String, tools: String) -> [String: FileFingerprint] {
    var version = KnowledgeBase.version(of: knowledge)
    version[tools] = FileFingerprint.of(tools)
    return version
}
