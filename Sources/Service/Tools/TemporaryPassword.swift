/// Temporary passwords from the operating system's CSPRNG (`getrandom` on Linux, through
/// `SystemRandomNumberGenerator`), in letters and digits that cannot be confused when read
/// off a screen (no 0/O, 1/l/I).
enum TemporaryPassword {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// 16 characters: about 93 bits, in four groups for reading aloud ("k7Qm-…").
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 16, by: 4).map { String(characters[$0..<($0 + 4)]) }.joined(separator: "-")
    }
}
