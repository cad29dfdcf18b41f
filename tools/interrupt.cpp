// tools/interrupt.cpp -- removing temporaries when a signal ends the program.
//
// The handler may run at any moment, in any thread: it reads a fixed table of
// paths (no allocation, no lock) and uses only async-signal-safe calls:
// unlink for a file; for a folder, `rm -rf` in a child process once the
// program has ended (fork, execve), since a handler cannot walk a tree itself
// and the workers may write into it until the end.
#include "interrupt.hpp"

#include <pthread.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <ctime>

extern char** environ;

namespace cli {

namespace {

enum : int { empty = 0, taking = 1, file = 2, folder = 3 };

struct slot {
  std::atomic<int> state{empty};
  char path[PATH_MAX];
};

constexpr int slot_count = 64;
slot slots[slot_count];

/// Removes the folder `path` once the program has ended: its workers may be
/// writing into it until then.  A child process, on its own and deaf to the
/// signals, waits for the program to end, then runs `rm -rf`.
void remove_folder_after_exit(const char* path) {
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid != 0) return;
  struct sigaction ignore{};
  ignore.sa_handler = SIG_IGN;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) ::sigaction(sig, &ignore, nullptr);
  ::setsid();
  for (int fd = 0; fd < 1024; ++fd) ::close(fd);  // no pipe of the caller's is held open
  while (::getppid() == parent) {
    const timespec tick{0, 10'000'000};
    ::nanosleep(&tick, nullptr);
  }
  char rm[] = "/bin/rm", rf[] = "-rf", dd[] = "--";
  char* argv[] = {rm, rf, dd, const_cast<char*>(path), nullptr};
  ::execve(argv[0], argv, environ);
  ::_exit(127);
}

extern "C" void on_signal(int sig) {
  const int saved = errno;
  for (auto& s : slots) {
    const int st = s.state.exchange(empty, std::memory_order_acq_rel);
    if (st == file) ::unlink(s.path);
    if (st == folder) remove_folder_after_exit(s.path);
  }
  errno = saved;
  std::signal(sig, SIG_DFL);
  ::raise(sig);  // ends the program as the signal would have
}

}  // namespace

void remove_temporaries_on_signals() {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction sa{};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    struct sigaction old{};
    // a signal the program was started to ignore (nohup) stays ignored
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &sa, nullptr);
  }
}

temporary_guard::temporary_guard(const std::string& path, bool is_folder) {
  if (path.size() >= PATH_MAX) return;
  for (int i = 0; i < slot_count; ++i) {
    int expected = empty;
    if (!slots[i].state.compare_exchange_strong(expected, taking, std::memory_order_acq_rel)) continue;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(is_folder ? folder : file, std::memory_order_release);
    slot_ = i;
    return;
  }
}

temporary_guard& temporary_guard::operator=(temporary_guard&& o) noexcept {
  if (this != &o) {
    release();
    slot_ = o.slot_;
    o.slot_ = -1;
  }
  return *this;
}

void temporary_guard::release() noexcept {
  if (slot_ < 0) return;
  slots[slot_].state.store(empty, std::memory_order_release);
  slot_ = -1;
}

signals_held::signals_held() {
  static_assert(sizeof(sigset_t) <= sizeof saved_);
  sigset_t held;
  ::sigemptyset(&held);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaddset(&held, sig);
  ::pthread_sigmask(SIG_BLOCK, &held, reinterpret_cast<sigset_t*>(saved_));
}

signals_held::~signals_held() { ::pthread_sigmask(SIG_SETMASK, reinterpret_cast<const sigset_t*>(saved_), nullptr); }

}  // namespace cli
