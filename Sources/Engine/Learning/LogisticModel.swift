import Foundation

/// A logistic regression: the probability that something holds, from a few numeric
/// features, `σ(bias + Σ weightᵢ × featureᵢ)`.
///
/// The engine's decisions (does this passage answer the question? does this message ask
/// for that tool?) are such probabilities, fitted on labelled dialog suites of several
/// companies rather than set by hand, so that they carry to a company nobody fitted on.
public struct LogisticModel: Sendable, Equatable {
    public let weights: [Double]
    public let bias: Double

    /// The engine's decisions say yes from this probability on: more likely than not.
    public static let threshold = 0.5

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    public func probability(_ features: [Double]) -> Double {
        precondition(features.count == weights.count, "\(features.count) features for \(weights.count) weights")
        var sum = bias
        for (weight, feature) in zip(weights, features) { sum += weight * feature }
        return 1 / (1 + exp(-sum))
    }

    /// One labelled observation; `weight` says how many it counts for.
    public struct Example: Sendable {
        public let features: [Double]
        public let label: Bool
        public let weight: Double

        public init(features: [Double], label: Bool, weight: Double = 1) {
            self.features = features
            self.label = label
            self.weight = weight
        }
    }

    /// The maximum-likelihood fit with an L2 penalty of `ridge` on the weights (not the
    /// bias), by Newton's method: deterministic, and exact in a few iterations for the
    /// handful of features the engine uses. The penalty keeps weights finite when the
    /// examples are separable, as small suites often are.
    public static func fit(_ examples: [Example], ridge: Double = 1) -> LogisticModel {
        guard let width = examples.first?.features.count else { return LogisticModel(weights: [], bias: 0) }
        precondition(examples.allSatisfy { $0.features.count == width }, "every example needs the same features")
        // Parameters: the weights, then the bias (whose feature is a constant 1).
        var theta = [Double](repeating: 0, count: width + 1)
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: width + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: width + 1)
            for example in examples {
                let x = example.features + [1]
                let p = 1 / (1 + exp(-zip(theta, x).reduce(0) { $0 + $1.0 * $1.1 }))
                let error = example.weight * (p - (example.label ? 1 : 0))
                let curvature = example.weight * max(p * (1 - p), 1e-9)
                for i in 0...width {
                    gradient[i] += error * x[i]
                    for j in 0...width { hessian[i][j] += curvature * x[i] * x[j] }
                }
            }
            for i in 0..<width {
                gradient[i] += ridge * theta[i]
                hessian[i][i] += ridge
            }
            hessian[width][width] += 1e-6
            guard let step = solve(hessian, gradient) else { break }
            for i in 0...width { theta[i] -= step[i] }
            if step.map(abs).max() ?? 0 < 1e-10 { break }
        }
        return LogisticModel(weights: Array(theta.dropLast()), bias: theta[width])
    }

    /// Solves `a × x = b` by Gaussian elimination with partial pivoting; nil when singular.
    private static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a
        var v = b
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                abs(m[pivot][column]) > 1e-12
            else { return nil }
            m.swapAt(column, pivot)
            v.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = v[row]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}
