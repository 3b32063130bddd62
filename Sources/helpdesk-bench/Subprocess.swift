import Foundation

/// posix_spawn and waitpid: Foundation's `Process.waitUntilExit` polls a run loop and adds
/// tens of milliseconds, more than a short command takes.
enum Subprocess {
    /// Starts `path` with `arguments`, no input, standard output to `output` (default
    /// /dev/null) and standard error to `errors` (default /dev/null; nil: to `output` too).
    static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        output: String = "/dev/null", errors: String? = "/dev/null"
    ) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 ? pid : nil
    }

    /// Waits for `pid` and returns its exit status (-1 if it did not exit normally).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid else { return -1 }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
