/// Why the sentence model could not be loaded, worded for the admin who installed it.
public enum SemanticModelError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, String)
    case malformed(String, String)
    case missingTensor(String)
    case wrongShape(String, [Int], expected: [Int])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the sentence model: \(reason)"
        case .malformed(let file, let reason): "\(file): not a sentence model: \(reason)"
        case .missingTensor(let name): "the sentence model has no tensor \(name): is it all-MiniLM-L6-v2?"
        case .wrongShape(let name, let shape, let expected):
            "the sentence model's tensor \(name) is \(shape), expected \(expected): is it all-MiniLM-L6-v2?"
        }
    }
}
