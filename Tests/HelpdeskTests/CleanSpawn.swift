import Foundation

/// Starts a program for a test with posix_spawn: standard input from /dev/null, standard
/// output and error to files, an empty signal mask and default signal dispositions.
///
/// The test's threads block most signals and a child inherits the mask: sshd, the daemon,
/// the tmux server and the chat in its pane would not hear SIGTERM or a hang-up, and would
/// outlive the tests. Files rather than pipes, because a server the child starts would
/// inherit a pipe and hold it open.
enum CleanSpawn {
    /// - Parameters:
    ///   - environment: the child's variables; nil passes the test's own.
    /// - Returns: the child's pid, or the error number posix_spawn gave.
    static func start(
        _ argv: [String], environment: [String]? = nil, stdout: String, stderr: String = "/dev/null", mode: mode_t = 0o600
    ) -> Result<pid_t, POSIXError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, mode)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, mode)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let arguments = argv.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let variables = environment.map { $0.map { strdup($0) } + [nil] }
        defer { variables?.forEach { free($0) } }
        var pid: pid_t = 0
        let error =
            if let variables {
                posix_spawn(&pid, argv[0], &actions, &attributes, arguments, variables)
            } else {
                posix_spawn(&pid, argv[0], &actions, &attributes, arguments, environ)
            }
        guard error == 0 else { return .failure(POSIXError(POSIXErrorCode(rawValue: error) ?? .EINVAL)) }
        return .success(pid)
    }
}
