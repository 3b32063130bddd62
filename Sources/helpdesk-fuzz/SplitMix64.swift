/// A small, fast generator whose sequence depends only on its seed, so that input number
/// 4711 of `--seed 1` is the same input on every machine and every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator for one input: independent of how many inputs came before, so an
    /// input can be regenerated from its number alone.
    init(seed: UInt64, stream: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        state = mixer.next() ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// One of `choices`; `choices` must not be empty.
    mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &self)] }

    /// A size that is usually small and occasionally large: each doubling is half as likely.
    mutating func size(upTo limit: Int) -> Int {
        let bits = Int.random(in: 0...max(0, Int.bitWidth - limit.leadingZeroBitCount), using: &self)
        return Int.random(in: 0...min(limit, (1 << bits) - 1), using: &self)
    }
}
