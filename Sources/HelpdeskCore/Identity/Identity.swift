#if canImport(Glibc)
    import Glibc
#endif

/// Who is acting, as the operating system says: the process's effective user here, the
/// socket peer's uid on a shared host. Never what a client claims.
public struct Identity: Sendable, Equatable, Hashable, Codable {
    public let user: String
    /// Unix groups, for roles given to a group.
    public let groups: [String]
    /// True for the embedded default's demo agent, which is no real account.
    public let isDemoAgent: Bool

    public init(user: String, groups: [String] = [], isDemoAgent: Bool = false) {
        self.user = user
        self.groups = groups
        self.isDemoAgent = isDemoAgent
    }

    /// The embedded default's stand-in agent, so one person can try approvals and the
    /// ticket queue on their own machine. Its name cannot be a real user's.
    public static let demoAgent = Identity(user: "demo-agent", isDemoAgent: true)

    /// The effective user of this process, with its groups.
    public static func currentProcess() -> Identity { user(uid: geteuid()) ?? Identity(user: "uid\(geteuid())") }

    /// The user with `uid` and their groups, from the password and group databases.
    public static func user(uid: uid_t) -> Identity? {
        account { entry, buffer, result in getpwuid_r(uid, &entry, &buffer, buffer.count, &result) }
    }

    /// The account named `name` and its groups; nil when there is none.
    public static func user(named name: String) -> Identity? {
        account { entry, buffer, result in getpwnam_r(name, &entry, &buffer, buffer.count, &result) }
    }

    /// The users listed as members of group `name` (not those for whom it is only the
    /// primary group, which the group database does not list).
    public static func members(ofGroup name: String) -> [String] {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 65_536)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil, var member = entry.gr_mem
        else { return [] }
        var names: [String] = []
        while let name = member.pointee {
            names.append(String(cString: name))
            member += 1
        }
        return names
    }

    private static func account(
        _ lookup: (inout passwd, inout [CChar], inout UnsafeMutablePointer<passwd>?) -> Int32
    ) -> Identity? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard lookup(&entry, &buffer, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        let user = String(cString: name)
        var count: Int32 = 64
        var ids = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(user, entry.pw_gid, &ids, &count) < 0 {
            ids = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(user, entry.pw_gid, &ids, &count)
        }
        let groups = ids.prefix(Int(max(count, 0))).compactMap { gid -> String? in
            guard let group = getgrgid(gid), let name = group.pointee.gr_name else { return nil }
            return String(cString: name)
        }
        return Identity(user: user, groups: groups)
    }
}

/// What a person may do.
public enum Role: String, Sendable, Equatable, Codable {
    /// Chats, requests tools, files and follows their own tickets.
    case employee
    /// Also approves others' requests and works every ticket.
    case agent
}
