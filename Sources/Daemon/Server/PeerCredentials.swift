import Glibc
import HelpdeskCore
import NIOCore

/// `struct ucred` from <sys/socket.h>, which Swift's Glibc module does not import
/// (it is behind `_GNU_SOURCE`): the process, user and group at the other end of a
/// Unix socket, as the kernel recorded them when it connected.
public struct PeerCredentials: Sendable {
    public var pid: Int32 = 0
    public var uid: UInt32 = 0
    public var gid: UInt32 = 0

    /// SO_PEERCRED in <asm-generic/socket.h>.
    private static let option: Int32 = 17

    /// The peer of `channel`, as the kernel says; never what the client claims.
    static func of(_ channel: any Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(HelpdeskError(.forbidden, "not a socket: no peer credentials"))
        }
        return provider.unsafeGetSocketOption(
            level: NIOBSDSocket.OptionLevel(rawValue: SOL_SOCKET), name: NIOBSDSocket.Option(rawValue: option))
    }

    /// The peer's account and groups. Fails closed: a uid with no account is refused,
    /// never mapped to a default.
    func identity() throws -> Identity {
        guard let identity = Identity.user(uid: uid) else {
            throw HelpdeskError(.forbidden, "uid \(uid) has no account on this host")
        }
        return identity
    }
}
