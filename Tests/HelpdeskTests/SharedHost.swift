import Foundation
import Testing

/// A shared host made of real Unix accounts: `helpdesk serve` runs as `hd-daemon`, and
/// people run `helpdesk` as themselves through `runuser` or a real sshd. `tearDown()`
/// removes every account, process and file it made.
final class SharedHost {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A process started here; its output goes to files, so waiting can have a deadline.
    ///
    /// posix_spawn and waitpid rather than `Process`: started with `Process`, sshd (which
    /// closes every descriptor it inherits) left Foundation's one monitor thread blocked in
    /// waitpid on it, and every later `Process` in the test run then waited forever.
    final class Started {
        let pid: pid_t
        let stdout: String
        let stderr: String
        private var ended: Int32?

        init(pid: pid_t, stdout: String, stderr: String) {
            self.pid = pid
            self.stdout = stdout
            self.stderr = stderr
        }

        var isRunning: Bool {
            var status: Int32 = 0
            if ended == nil && waitpid(pid, &status, WNOHANG) == pid {
                // The exit code, or 128 + the signal that ended it, as a shell reports it.
                ended = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
            }
            return ended == nil
        }

        /// Its output once it ended; past `seconds` it is killed, and says so on stderr.
        func wait(seconds: Double = 60) -> HelpdeskProcess.Output {
            let finished = SharedHost.eventually(seconds: seconds) { !isRunning }
            if !finished { stop() }
            return HelpdeskProcess.Output(
                status: ended ?? -1, stdout: (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? "",
                stderr: ((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "")
                    + (finished ? "" : "\n(killed after \(seconds) s)"))
        }

        /// SIGTERM, then SIGKILL if it still runs 5 s later.
        func stop() {
            guard isRunning else { return }
            kill(pid, SIGTERM)
            if !SharedHost.eventually(seconds: 5, { !isRunning }) {
                kill(pid, SIGKILL)
                _ = SharedHost.eventually(seconds: 5) { !isRunning }
            }
        }
    }

    static let daemonUser = "hd-daemon"

    /// Readable by everyone: the binary, knowledge and tools must be reachable by the other
    /// users, which the build folder (say, under /root in CI) may not be.
    let folder = URL(fileURLWithPath: "/tmp/helpdesk-host-\(UUID().uuidString.prefix(8))")
    let users: [String]
    var helpdesk: String { folder.path + "/helpdesk" }
    var socket: String { folder.path + "/run/helpdesk.sock" }
    var database: String { folder.path + "/state/helpdesk.sqlite" }
    private var started: [Started] = []
    private var sshPort: Int?
    private var madePrivilegeSeparationFolder = false

    /// Creates `people` and the daemon's user, and starts the daemon with `agents` as its agents,
    /// through `launcher` (a command that runs the rest of its arguments) when there is one.
    /// - Throws: `Failure` when not root, or saying which step of the set-up failed.
    init(people: [String], agents: [String], launcher: [String] = []) throws {
        guard geteuid() == 0 else {
            throw Failure(
                description: "the shared-host tests create Unix users and start sshd: run `swift test` as root, as CI does")
        }
        users = [Self.daemonUser] + people
        do {
            try setUp(agents: agents, launcher: launcher)
        } catch {
            tearDown()
            throw error
        }
    }

    private func setUp(agents: [String], launcher: [String]) throws {
        for user in users {
            removeUser(user)  // left behind by an earlier run that was killed mid-test
            // `*`, not useradd's locked `!`: sshd without PAM refuses a locked account.
            try Self.require("/usr/sbin/useradd", ["--create-home", "--shell", "/bin/bash", "--password", "*", user])
        }
        let files = FileManager.default
        try files.createDirectory(at: folder, withIntermediateDirectories: false)
        try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try files.copyItem(at: HelpdeskProcess.executable, to: URL(fileURLWithPath: helpdesk))
        for item in ["knowledge", "tools.json"] {
            try files.copyItem(
                at: HelpdeskProcess.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        // The database's folder is traversable on purpose: the file's own mode must keep people out.
        for name in ["state", "run"] {
            try files.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: false)
            try Self.require("/bin/chown", ["\(Self.daemonUser):", folder.path + "/" + name])
        }
        let config = folder.path + "/config.json"
        try JSONEncoder().encode(["agents": agents]).write(to: URL(fileURLWithPath: config))
        let command = [
            "/usr/bin/setpriv", "--reuid=\(Self.daemonUser)", "--regid=\(Self.daemonUser)", "--init-groups", "--", helpdesk,
            "serve", "--socket", socket, "--config", config, "--knowledge", folder.path + "/knowledge", "--tools",
            folder.path + "/tools.json", "--database", database,
        ]
        let argv = launcher + command
        let daemon = try start(argv[0], Array(argv.dropFirst()))
        let socketPath = socket
        guard Self.eventually(seconds: 30, { files.fileExists(atPath: socketPath) || !daemon.isRunning }), daemon.isRunning
        else {
            throw Failure(description: "helpdesk serve did not start:\n\(daemon.wait(seconds: 5).stderr)")
        }
    }

    /// Runs `helpdesk ARGUMENTS --socket SOCKET` as `user`, as they would from their shell.
    func helpdesk(as user: String, _ arguments: [String]) throws -> HelpdeskProcess.Output {
        try run(as: user, helpdesk, arguments + ["--socket", socket])
    }

    /// Runs `executable` as `user` through runuser, as a login on this host would.
    func run(as user: String, _ executable: String, _ arguments: [String]) throws -> HelpdeskProcess.Output {
        try start(as: user, executable, arguments).wait()
    }

    func start(as user: String, _ executable: String, _ arguments: [String]) throws -> Started {
        try start("/usr/sbin/runuser", ["-u", user, "--", executable] + arguments)
    }

    /// The ids of `user`'s processes called `name` (pgrep's match on the process name).
    func processes(of user: String, named name: String? = nil) -> [pid_t] {
        let listed = try? Self.run("/usr/bin/pgrep", ["-u", user] + (name.map { [$0] } ?? []))
        return listed?.stdout.split(separator: "\n").compactMap { pid_t($0) } ?? []
    }

    private func start(_ executable: String, _ arguments: [String]) throws -> Started {
        let started = try Self.start(executable, arguments, outputs: folder.path + "/out-\(UUID().uuidString)")
        self.started.append(started)
        return started
    }

    // MARK: - sshd

    /// Starts sshd on a free port of 127.0.0.1, with its own host key, letting the users in
    /// with one client key only.
    func startSSHD() throws {
        let files = FileManager.default
        guard files.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw Failure(description: "/usr/sbin/sshd is missing: apt-get install -y openssh-server")
        }
        if !files.fileExists(atPath: "/run/sshd") {
            try files.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: false)
            madePrivilegeSeparationFolder = true
        }
        for key in ["host_key", "client_key"] {
            try Self.require("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", folder.path + "/" + key])
        }
        // sshd reads these as the user logging in, so they are readable by all.
        try files.createDirectory(at: folder.appendingPathComponent("keys"), withIntermediateDirectories: false)
        for user in users {
            try files.copyItem(atPath: folder.path + "/client_key.pub", toPath: folder.path + "/keys/" + user)
            try files.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.path + "/keys/" + user)
        }
        let config = """
            ListenAddress 127.0.0.1
            HostKey \(folder.path)/host_key
            PidFile \(folder.path)/sshd.pid
            AuthorizedKeysFile \(folder.path)/keys/%u
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin no
            AllowUsers \(users.joined(separator: " "))

            """
        try config.write(toFile: folder.path + "/sshd_config", atomically: true, encoding: .utf8)
        let port = try Self.freePort()
        let sshd = try start("/usr/sbin/sshd", ["-D", "-e", "-f", folder.path + "/sshd_config", "-p", String(port)])
        let listening = Self.eventually(seconds: 10) {
            !sshd.isRunning
                || (try? String(contentsOfFile: sshd.stderr, encoding: .utf8))?.contains("Server listening") == true
        }
        guard listening, sshd.isRunning else {
            throw Failure(description: "sshd did not start:\n\(sshd.wait(seconds: 5).stderr)")
        }
        sshPort = port
    }

    /// A shell command that logs in as `user` over ssh, with a terminal, and runs
    /// `helpdesk ARGUMENTS --socket SOCKET` there.
    func ssh(as user: String, _ arguments: [String]) -> String {
        let options = "-t -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes"
        return "ssh \(options) -i \(folder.path)/client_key -p \(sshPort ?? 22) \(user)@127.0.0.1 "
            + ([helpdesk] + arguments + ["--socket", socket]).joined(separator: " ")
    }

    // MARK: - Tearing down

    /// Stops the daemon, sshd and any client still running, deletes the users with their
    /// homes and the folder. Records an issue for what it could not remove.
    func tearDown() {
        for process in started.reversed() { process.stop() }
        for user in users { removeUser(user) }
        try? FileManager.default.removeItem(at: folder)
        if madePrivilegeSeparationFolder { try? FileManager.default.removeItem(atPath: "/run/sshd") }
    }

    /// Ends what `user` still runs (an ssh session closing, a client killed at its deadline),
    /// one process at a time by id, then deletes the account: userdel refuses a busy user.
    private func removeUser(_ user: String) {
        guard getpwnam(user) != nil else { return }
        _ = Self.eventually(seconds: 5) {
            let left = processes(of: user)
            for pid in left { kill(pid, SIGKILL) }
            return left.isEmpty
        }
        let removed = try? Self.run("/usr/sbin/userdel", ["--remove", user])
        if getpwnam(user) != nil {
            Issue.record("could not remove the test user \(user): \(removed?.stderr ?? "userdel did not run")")
        }
    }

    // MARK: - Processes

    /// Whether `condition` held within `seconds`, checked every 100 ms.
    static func eventually(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(100_000)
        }
        return true
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> HelpdeskProcess.Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-host-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: scratch.path + ".stdout") }
        defer { try? FileManager.default.removeItem(atPath: scratch.path + ".stderr") }
        return try start(executable, arguments, outputs: scratch.path).wait()
    }

    /// Runs a set-up command; its error output is the failure.
    private static func require(_ executable: String, _ arguments: [String]) throws {
        let result = try run(executable, arguments)
        guard result.status == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
    }

    /// Starts `executable` with a plain environment, output to `outputs`.stdout and .stderr.
    private static func start(_ executable: String, _ arguments: [String], outputs: String) throws -> Started {
        let (stdout, stderr) = (outputs + ".stdout", outputs + ".stderr")
        // From `/`: the test's own folder may be closed to the users. Not the test's
        // environment: an XDG_CONFIG_HOME of root's must not reach the users.
        let started = CleanSpawn.start(
            ["/usr/bin/env", "-C", "/", executable] + arguments,
            environment: ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"], stdout: stdout, stderr: stderr, mode: 0o644)
        switch started {
        case .success(let pid): return Started(pid: pid, stdout: stdout, stderr: stderr)
        case .failure(let error): throw Failure(description: "cannot start \(executable): \(error.localizedDescription)")
        }
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "no free TCP port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
