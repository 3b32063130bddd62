import Foundation

/// Whether `./tools.json` and `./knowledge` may be used without being named.
///
/// They win over the host's configuration, so in a folder someone else can write to
/// (`/tmp`, a shared project folder) a planted `tools.json` would run that person's
/// program as whoever starts `helpdesk` there, and a planted article would give them the
/// helpdesk's voice. Like git since its safe-directory fix, a file from the working
/// directory counts only when it — and the link to it, if it is one — is owned by this
/// user or root and writable by nobody else. A path given with `--tools` or `--knowledge`
/// is always used: the person chose it.
enum WorkingDirectoryTrust {
    /// Nil when `path` may be used; otherwise why not, for a warning.
    static func distrust(_ path: String) -> String? {
        var link = stat()
        var target = stat()
        guard lstat(path, &link) == 0, stat(path, &target) == 0 else { return "it cannot be read" }
        let me = getuid()
        for info in [link, target] where info.st_uid != me && info.st_uid != 0 {
            return "it is owned by \(userName(info.st_uid)), not by you or root"
        }
        if target.st_mode & (S_IWGRP | S_IWOTH) != 0 {
            return "other users can write to it (mode \(String(target.st_mode & 0o777, radix: 8)))"
        }
        return nil
    }

    /// `./NAME` when it exists and is trusted; nil when it does not exist. When it exists
    /// but is not trusted, warns saying why and how to use it anyway, and returns nil.
    static func localPath(_ name: String, option: String) -> String? {
        guard FileManager.default.fileExists(atPath: name) else { return nil }
        guard let reason = distrust(name) else { return name }
        Console.error(
            "warning: ignoring ./\(name): \(reason). Pass \(option) ./\(name) to use it anyway, or fix its owner and mode.")
        return nil
    }

    private static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
