import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file that holds the input being run, rewritten before each one: a crash ends the
/// process before it can report anything, and this file is then the input that crashed it.
///
/// One descriptor kept open and rewritten in place: opening and closing a file 300,000
/// times would cost more than the parsers.
final class CurrentInput {
    let path: String
    private let descriptor: Int32

    init?(path: String) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Replaces the file's contents with `input`. No `fsync`: the kernel keeps the data
    /// when the process dies; only a power cut would lose it.
    func record(_ input: [UInt8]) {
        _ = ftruncate(descriptor, 0)
        var written = 0
        input.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = pwrite(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written, off_t(written))
                guard result > 0 else { return }
                written += result
            }
        }
    }
}
