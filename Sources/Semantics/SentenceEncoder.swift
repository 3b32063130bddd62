import CBLAS
import Foundation
import HelpdeskCore

/// Turns a sentence into a unit vector whose dot product with another's says how close
/// their meanings are: "I forgot my login" lies near "reset your password" although they
/// share no word, which BM25 cannot see.
///
/// It runs all-MiniLM-L6-v2, a 6-layer BERT encoder trained for sentence similarity,
/// as sentence-transformers does: WordPiece tokens, the encoder, the mean of the token
/// states, scaled to length 1. The matrix products go to OpenBLAS.
public final class SentenceEncoder: Sendable {
    public static let dimensions = 384
    /// Word pieces read per text, as the model was trained; a passage's opening says
    /// what it is about.
    static let maximumTokens = 256
    static let heads = 12
    static let layerCount = 6
    static let intermediate = 1536

    let tokenizer: WordPieceTokenizer
    private let tensors: SafeTensors
    private let embeddings: Embeddings
    private let layers: [Layer]

    /// Identifies the model, so that vectors another model made are not mixed with its own.
    public var fingerprint: UInt64 { tensors.fingerprint }

    /// Where an installed model is looked for when `config.json` names none: the user's
    /// own, then the host's. `scripts/install-model` puts it in either.
    public static var standardDirectories: [String] {
        [XDG.dataHome() + "/helpdesk/model", "/usr/local/share/helpdesk/model"]
    }

    /// The first of `standardDirectories` that holds a model; nil when none does.
    public static var installedDirectory: String? {
        standardDirectories.first { FileManager.default.fileExists(atPath: $0 + "/model.safetensors") }
    }

    /// Loads the model from a folder holding `model.safetensors` and `vocab.txt`.
    public init(directory: URL) throws {
        let tokenizer = try WordPieceTokenizer(contentsOf: directory.appendingPathComponent("vocab.txt"))
        let tensors = try SafeTensors(contentsOf: directory.appendingPathComponent("model.safetensors"))
        embeddings = try Embeddings(tensors, vocabulary: tokenizer.vocabularySize)
        layers = try (0..<Self.layerCount).map { try Layer(tensors, index: $0) }
        self.tokenizer = tokenizer
        self.tensors = tensors
    }

    /// The unit vector of `text`; only its first `maximumTokens` word pieces are read.
    public func embed(_ text: String) -> [Float] {
        let ids = [tokenizer.classifyID] + tokenizer.ids(text, limit: Self.maximumTokens - 2) + [tokenizer.separatorID]
        var states = embeddings.states(of: ids)
        var scratch = Buffers(tokens: ids.count)
        for layer in layers { layer.apply(to: &states, tokens: ids.count, scratch: &scratch) }
        return Self.meanPooled(states, tokens: ids.count)
    }

    private static func meanPooled(_ states: [Float], tokens: Int) -> [Float] {
        var mean = [Float](repeating: 0, count: dimensions)
        for t in 0..<tokens {
            for d in 0..<dimensions { mean[d] += states[t * dimensions + d] }
        }
        let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? mean.map { $0 / norm } : mean
    }
}

/// What one encoding reuses across layers, so that it allocates once.
struct Buffers {
    var query, key, value, context, attended, scores, hidden: [Float]

    init(tokens: Int) {
        let width = tokens * SentenceEncoder.dimensions
        query = [Float](repeating: 0, count: width)
        key = query
        value = query
        context = query
        attended = query
        scores = [Float](repeating: 0, count: tokens * tokens)
        hidden = [Float](repeating: 0, count: tokens * SentenceEncoder.intermediate)
    }
}

// The weights below point into the read-only mapping of `SafeTensors`, which the encoder
// keeps alive: shared between threads, never written, hence `@unchecked Sendable`.

/// Word, position and segment embeddings, summed and normalised: the encoder's input.
struct Embeddings: @unchecked Sendable {
    let words, positions, segment: UnsafeBufferPointer<Float>
    let norm: LayerNorm

    init(_ tensors: SafeTensors, vocabulary: Int) throws {
        let d = SentenceEncoder.dimensions
        words = try tensors.tensor("embeddings.word_embeddings.weight", shape: [vocabulary, d])
        positions = try tensors.tensor("embeddings.position_embeddings.weight", shape: [512, d])
        segment = try tensors.tensor("embeddings.token_type_embeddings.weight", shape: [2, d])
        norm = try LayerNorm(tensors, "embeddings.LayerNorm")
    }

    func states(of ids: [Int32]) -> [Float] {
        let d = SentenceEncoder.dimensions
        var states = [Float](repeating: 0, count: ids.count * d)
        for (t, id) in ids.enumerated() {
            for i in 0..<d { states[t * d + i] = words[Int(id) * d + i] + positions[t * d + i] + segment[i] }
        }
        norm.apply(to: &states, tokens: ids.count)
        return states
    }
}

struct LayerNorm: @unchecked Sendable {
    let gain, bias: UnsafeBufferPointer<Float>

    init(_ tensors: SafeTensors, _ name: String) throws {
        gain = try tensors.tensor(name + ".weight", shape: [SentenceEncoder.dimensions])
        bias = try tensors.tensor(name + ".bias", shape: [SentenceEncoder.dimensions])
    }

    func apply(to x: inout [Float], tokens: Int) {
        let d = SentenceEncoder.dimensions
        for t in 0..<tokens {
            let row = t * d
            var mean: Float = 0
            for i in 0..<d { mean += x[row + i] }
            mean /= Float(d)
            var variance: Float = 0
            for i in 0..<d { variance += (x[row + i] - mean) * (x[row + i] - mean) }
            let scale = 1 / (variance / Float(d) + 1e-12).squareRoot()
            for i in 0..<d { x[row + i] = (x[row + i] - mean) * scale * gain[i] + bias[i] }
        }
    }
}

/// `y = x Wᵀ + b` for a PyTorch `Linear` whose weight is `[outputs, inputs]`.
struct Linear: @unchecked Sendable {
    let weight, bias: UnsafeBufferPointer<Float>
    let inputs, outputs: Int

    init(_ tensors: SafeTensors, _ name: String, inputs: Int, outputs: Int) throws {
        weight = try tensors.tensor(name + ".weight", shape: [outputs, inputs])
        bias = try tensors.tensor(name + ".bias", shape: [outputs])
        self.inputs = inputs
        self.outputs = outputs
    }

    func apply(_ x: [Float], tokens: Int, into y: inout [Float]) {
        for t in 0..<tokens {
            for o in 0..<outputs { y[t * outputs + o] = bias[o] }
        }
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(tokens), Int32(outputs), Int32(inputs), 1, x, Int32(inputs),
            weight.baseAddress, Int32(inputs), 1, &y, Int32(outputs))
    }
}

/// One transformer block: self-attention, then the feed-forward network, each added to its
/// input and normalised.
struct Layer: Sendable {
    let query, key, value, attentionOutput, intermediate, output: Linear
    let attentionNorm, outputNorm: LayerNorm

    init(_ tensors: SafeTensors, index: Int) throws {
        let p = "encoder.layer.\(index)."
        let d = SentenceEncoder.dimensions
        let wide = SentenceEncoder.intermediate
        query = try Linear(tensors, p + "attention.self.query", inputs: d, outputs: d)
        key = try Linear(tensors, p + "attention.self.key", inputs: d, outputs: d)
        value = try Linear(tensors, p + "attention.self.value", inputs: d, outputs: d)
        attentionOutput = try Linear(tensors, p + "attention.output.dense", inputs: d, outputs: d)
        attentionNorm = try LayerNorm(tensors, p + "attention.output.LayerNorm")
        intermediate = try Linear(tensors, p + "intermediate.dense", inputs: d, outputs: wide)
        output = try Linear(tensors, p + "output.dense", inputs: wide, outputs: d)
        outputNorm = try LayerNorm(tensors, p + "output.LayerNorm")
    }

    func apply(to x: inout [Float], tokens n: Int, scratch s: inout Buffers) {
        let d = SentenceEncoder.dimensions
        let width = d / SentenceEncoder.heads
        query.apply(x, tokens: n, into: &s.query)
        key.apply(x, tokens: n, into: &s.key)
        value.apply(x, tokens: n, into: &s.value)
        for head in 0..<SentenceEncoder.heads {
            // Head `head` is columns offset..<offset + width of the query, key, value and
            // context rows: read and written in place with a leading dimension of d.
            let offset = head * width
            s.query.withUnsafeBufferPointer { q in
                s.key.withUnsafeBufferPointer { k in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(n), Int32(width),
                        1 / Float(width).squareRoot(), q.baseAddress.map { $0 + offset }, Int32(d),
                        k.baseAddress.map { $0 + offset }, Int32(d), 0, &s.scores, Int32(n))
                }
            }
            Self.softmaxRows(&s.scores, count: n)
            s.value.withUnsafeBufferPointer { v in
                s.context.withUnsafeMutableBufferPointer { c in
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(width), Int32(n), 1, s.scores, Int32(n),
                        v.baseAddress.map { $0 + offset }, Int32(d), 0, c.baseAddress.map { $0 + offset }, Int32(d))
                }
            }
        }
        attentionOutput.apply(s.context, tokens: n, into: &s.attended)
        for i in 0..<(n * d) { x[i] += s.attended[i] }
        attentionNorm.apply(to: &x, tokens: n)
        intermediate.apply(x, tokens: n, into: &s.hidden)
        for i in 0..<(n * SentenceEncoder.intermediate) { s.hidden[i] = Self.gelu(s.hidden[i]) }
        output.apply(s.hidden, tokens: n, into: &s.attended)
        for i in 0..<(n * d) { x[i] += s.attended[i] }
        outputNorm.apply(to: &x, tokens: n)
    }

    static func softmaxRows(_ scores: inout [Float], count n: Int) {
        for row in 0..<n {
            let start = row * n
            var top = -Float.infinity
            for i in start..<(start + n) { top = max(top, scores[i]) }
            var sum: Float = 0
            for i in start..<(start + n) {
                scores[i] = exp(scores[i] - top)
                sum += scores[i]
            }
            for i in start..<(start + n) { scores[i] /= sum }
        }
    }

    /// BERT's exact GELU, with the error function rather than the tanh approximation.
    static func gelu(_ x: Float) -> Float { 0.5 * x * (1 + erf(x / Float(2).squareRoot())) }
}
