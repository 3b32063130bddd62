import Foundation

/// Catches what a daemon sends to syslog(3), one line per message in a file the test
/// reads, without touching a syslog daemon the host may run.
///
/// glibc's syslog(3) writes datagrams to /dev/log and nowhere else, and this container has
/// no journald or rsyslogd. So a datagram socket of the test's own stands in for the
/// journal, bound at one of two places:
/// - /dev/log itself, when nothing is there: the daemon starts as usual, and `tearDown()`
///   removes the socket (only if it is still this one).
/// - the test's folder, when /dev/log exists (a real syslog daemon, or a socket left by a
///   run that was killed): `launcher` starts the daemon in a mount namespace of its own
///   (unshare), with the socket bind-mounted over /dev/log there. The host's /dev/log is
///   never changed, and the namespace ends with the daemon.
/// A real rsyslogd would also listen on /dev/log, so it would need one of these anyway.
final class SyslogCapture {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Readable by everyone, as are the lines: the helpdesk's users read them.
    let folder: URL
    let lines: String
    /// What to run the daemon through, or nothing when it reaches /dev/log as it is.
    let launcher: [String]
    private let socketPath: String
    private let socketInode: ino_t
    private let reader: any DispatchSourceRead

    init() throws {
        folder = URL(fileURLWithPath: "/tmp/helpdesk-syslog-\(UUID().uuidString.prefix(8))")
        lines = folder.path + "/syslog.txt"
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        chmod(folder.path, 0o755)
        var existing = stat()
        let devLogExists = lstat("/dev/log", &existing) == 0
        socketPath = devLogExists ? folder.path + "/dev-log" : "/dev/log"
        launcher =
            devLogExists
            ? [
                "/usr/bin/unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-ec",
                #"mount --bind "$0" /dev/log; exec "$@""#, socketPath,
            ]
            : []
        do {
            let socket = try Self.bind(socketPath)
            var bound = stat()
            lstat(socketPath, &bound)
            socketInode = bound.st_ino
            let output = open(lines, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard output >= 0 else {
                close(socket)
                unlink(socketPath)
                throw Failure(description: "cannot create \(lines)")
            }
            reader = Self.copy(from: socket, to: output)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Stops listening and removes the socket and the folder.
    func tearDown() {
        reader.cancel()
        var now = stat()
        if lstat(socketPath, &now) == 0 && now.st_ino == socketInode { unlink(socketPath) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The lines caught so far.
    func text() -> String {
        (try? String(contentsOfFile: lines, encoding: .utf8)) ?? ""
    }

    /// A datagram socket bound at `path`, writable by every user, as syslog daemons make it.
    private static func bind(_ path: String) throws -> Int32 {
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            bytes.copyBytes(from: Array(path.utf8.prefix(bytes.count - 1)))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard socket >= 0, bound == 0, chmod(path, 0o666) == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw Failure(description: "cannot listen on \(path): \(reason)")
        }
        return socket
    }

    /// Drains `socket` as datagrams arrive, appending each as a line to `output`. Drained at
    /// once, not when the test reads: a Unix datagram socket queues only a few messages
    /// (net.unix.max_dgram_qlen, 10 here) before the sender's syslog(3) blocks.
    private static func copy(from socket: Int32, to output: Int32) -> any DispatchSourceRead {
        let reader = DispatchSource.makeReadSource(fileDescriptor: socket, queue: DispatchQueue(label: "syslog-capture"))
        reader.setEventHandler {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                guard count > 0 else { return }
                // glibc ends no message with a newline; a message holding one stays one line.
                let line = buffer[..<count].map { $0 == 0x0A ? 0x20 : $0 } + [0x0A]
                _ = line.withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            }
        }
        reader.setCancelHandler {
            close(socket)
            close(output)
        }
        reader.resume()
        return reader
    }
}
