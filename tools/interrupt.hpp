// tools/interrupt.hpp -- what a command leaves when it is interrupted: the
// temporary files and folders it writes before putting them in place are
// removed when a signal (SIGINT, SIGTERM, SIGHUP) ends the program (a folder
// just after it has ended), so that Ctrl-C leaves neither a half-written
// output nor a hidden temporary one.
#pragma once

#include <string>

namespace cli {

/// Removes the registered temporaries when SIGINT, SIGTERM or SIGHUP ends the
/// program, then ends it by that signal as it would have been.  Called once
/// by main.
void remove_temporaries_on_signals();

/// A temporary file (or, with `folder`, a folder and all it holds) that a
/// signal ending the program removes, until it is released: registered for
/// its lifetime.  Paths longer than the system's limit, or more than a few
/// dozen at once, are not registered (they are left as without this).
class temporary_guard {
public:
  temporary_guard() = default;
  temporary_guard(const std::string& path, bool folder);
  temporary_guard(temporary_guard&& o) noexcept : slot_(o.slot_) { o.slot_ = -1; }
  temporary_guard& operator=(temporary_guard&& o) noexcept;
  temporary_guard(const temporary_guard&) = delete;
  temporary_guard& operator=(const temporary_guard&) = delete;
  ~temporary_guard() { release(); }
  /// The path is no longer the program's to remove (it was moved into place,
  /// or removed).
  void release() noexcept;

private:
  int slot_ = -1;
};

/// Holds off SIGINT, SIGTERM and SIGHUP for its lifetime (a signal that
/// comes meanwhile is delivered when it ends): a temporary is made and
/// registered (temporary_guard) within one, so that no signal finds it made
/// and not yet registered.
class signals_held {
public:
  signals_held();
  ~signals_held();
  signals_held(const signals_held&) = delete;
  signals_held& operator=(const signals_held&) = delete;

private:
  unsigned char saved_[128];  // the signal mask before (a sigset_t)
};

}  // namespace cli
