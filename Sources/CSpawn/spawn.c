#define _GNU_SOURCE
#include "cspawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// fork + execve rather than posix_spawn: posix_spawn covers the mask, the dispositions
// and the process group (POSIX_SPAWN_SETSIGMASK | SETSIGDEF | SETPGROUP), but it cannot
// set PR_SET_PDEATHSIG, and without it a tool outlives a helpdesk killed with SIGKILL
// (a dropped ssh session), which is one of the faults this replaces.

// Descriptors the child needs are first moved to this number or above, so that none of
// them is already 0, 1, 2 or 3 when they are put in place (a daemon may run with 0-2 closed).
enum { cn_high_fd = 10 };

/// Tells the parent why the child could not become the tool, then exits.
/// Async-signal-safe, like everything the child runs.
static void cn_child_fail(int report, int error) {
    ssize_t written;
    do {
        written = write(report, &error, sizeof error);
    } while (written < 0 && errno == EINTR);
    _exit(127);
}

/// Runs in the child between fork and execve: only async-signal-safe calls, no allocation,
/// since another thread of the parent may have held a lock (malloc's) at the fork.
static void cn_child(
    const char *path, char *const argv[], char *const envp[], int null_fd, int output_fd, int report_fd,
    pid_t parent, int max_fd
) {
    // Every signal is still blocked (the parent blocked them all before forking), so no
    // handler inherited from the parent can run here before its disposition is reset.
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    for (int signal_number = 1; signal_number < NSIG; signal_number++) {
        if (signal_number == SIGKILL || signal_number == SIGSTOP) continue;
        if (sigaction(signal_number, &default_action, NULL) == 0) continue;
        // glibc refuses the signals it reserves (32 and 33), yet the caller may have them
        // ignored (the Swift test runner ignores 32), and an ignored signal survives
        // execve. The kernel call takes an all-zero action as SIG_DFL on every layout.
        unsigned long kernel_action[8] = {0};
#ifdef SYS_rt_sigaction
        if (syscall(SYS_rt_sigaction, signal_number, kernel_action, NULL, (NSIG - 1) / 8) != 0) {
            (void)syscall(SYS_rt_sigaction, signal_number, kernel_action, NULL, 16);
        }
#endif
    }
    if (setpgid(0, 0) != 0) cn_child_fail(report_fd, errno);
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) cn_child_fail(report_fd, errno);
    // The parent may have died before prctl took effect; then no signal will ever come.
    if (getppid() != parent) _exit(127);

    int null_high = fcntl(null_fd, F_DUPFD_CLOEXEC, cn_high_fd);
    int output_high = fcntl(output_fd, F_DUPFD_CLOEXEC, cn_high_fd + 1);
    int report_high = fcntl(report_fd, F_DUPFD_CLOEXEC, cn_high_fd + 2);
    if (null_high < 0 || output_high < 0 || report_high < 0) cn_child_fail(report_fd, errno);
    if (dup2(null_high, STDIN_FILENO) < 0 || dup2(output_high, STDOUT_FILENO) < 0
        || dup2(output_high, STDERR_FILENO) < 0) {
        cn_child_fail(report_high, errno);
    }
    // The report pipe stays open as 3, close-on-exec, so a successful execve closes it.
    if (dup3(report_high, 3, O_CLOEXEC) < 0) cn_child_fail(report_high, errno);
    int closed = -1;
#ifdef SYS_close_range
    closed = (int)syscall(SYS_close_range, 4u, ~0u, 0u);
#endif
    if (closed != 0) {
        for (int fd = 4; fd < max_fd; fd++) (void)close(fd);
    }

    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, envp);
    cn_child_fail(3, errno);
}

int cn_spawn(const char *path, char *const argv[], char *const envp[], pid_t *pid_out, int *output_out) {
    int output[2];
    int report[2];
    if (pipe2(output, O_CLOEXEC) != 0) return errno;
    if (pipe2(report, O_CLOEXEC) != 0) {
        int error = errno;
        close(output[0]);
        close(output[1]);
        return error;
    }
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null_fd < 0) {
        int error = errno;
        close(output[0]);
        close(output[1]);
        close(report[0]);
        close(report[1]);
        return error;
    }
    // Worked out before the fork: getrlimit is not on the async-signal-safe list.
    int max_fd = 65536;
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < (1u << 20)) {
        max_fd = (int)limit.rlim_cur;
    }
    pid_t parent = getpid();

    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    // _Fork (glibc 2.34) skips the pthread_atfork handlers, which are not async-signal-safe
    // and belong to libraries (libdispatch's among them) the child never uses.
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    pid_t pid = _Fork();
#else
    pid_t pid = fork();
#endif
    if (pid == 0) cn_child(path, argv, envp, null_fd, output[1], report[1], parent, max_fd);
    int fork_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);

    close(null_fd);
    close(output[1]);
    close(report[1]);
    if (pid < 0) {
        close(output[0]);
        close(report[0]);
        return fork_error;
    }
    // EOF means execve succeeded (the close-on-exec end closed); 4 bytes are its errno.
    int child_error = 0;
    ssize_t got;
    do {
        got = read(report[0], &child_error, sizeof child_error);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof child_error) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        close(output[0]);
        return child_error;
    }
    // Non-blocking on the read end only: the tool's end must stay blocking.
    int flags = fcntl(output[0], F_GETFL);
    if (flags >= 0) (void)fcntl(output[0], F_SETFL, flags | O_NONBLOCK);
    *pid_out = pid;
    *output_out = output[0];
    return 0;
}

int cn_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int cn_has_exited(pid_t pid) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int result;
    do {
        result = waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT);
    } while (result < 0 && errno == EINTR);
    if (result < 0) return -1;
    return info.si_pid == pid ? 1 : 0;
}

int cn_reap(pid_t pid, int block, int *exit_code, int *signal) {
    int status = 0;
    pid_t result;
    do {
        result = waitpid(pid, &status, block ? 0 : WNOHANG);
    } while (result < 0 && errno == EINTR);
    if (result < 0) return -1;
    if (result == 0) return 0;
    if (WIFEXITED(status)) {
        *exit_code = WEXITSTATUS(status);
        *signal = 0;
    } else {
        *exit_code = -1;
        *signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
    return 1;
}
