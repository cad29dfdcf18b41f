// yusuan/diagnostics/diagnostic.hpp -- one problem found in a budget, and the
// diagnostics of a run.
#pragma once

#include <yusuan/diagnostics/source.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

enum class severity { error, warning, note };

inline std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
  }
  return "error";
}

/// A secondary message, optionally with its own location.
struct diagnostic_note {
  std::string message;
  source_span span;
};

/// One problem found in a budget.  `code` is stable (E0101, W0402, …) and
/// documented in docs/diagnostics.md.  `label` is the short text printed
/// under the caret ("expected an amount, found '3o.5'").
struct diagnostic {
  severity level = severity::error;
  std::string code;
  std::string message;
  source_span span;
  std::string label;
  std::string expected;
  std::string found;
  std::vector<diagnostic_note> notes;
  /// The file a diagnostic is about when it has no place in one (no span):
  /// a file that cannot be read (E0001) or is not UTF-8 (E0002).  No text of
  /// it can be pointed at, yet a program reading the diagnostics (the JSON's
  /// `file`) must know which file it was; empty otherwise.
  std::string file = {};
  /// The files its spans point into, kept alive with it (diagnostics::add
  /// fills it), so that a diagnostic copied out of its budget's or its
  /// error's diagnostics can still be resolved and printed.
  std::vector<std::shared_ptr<const source_file>> files = {};
};

/// The diagnostics of one run, with counts.
class diagnostics {
public:
  void add(diagnostic d) {
    hold(d, d.span);
    for (const auto& n : d.notes) hold(d, n.span);
    if (d.level == severity::error) ++errors_;
    else if (d.level == severity::warning) ++warnings_;
    list_.push_back(std::move(d));
  }
  std::size_t error_count() const noexcept { return errors_; }
  std::size_t warning_count() const noexcept { return warnings_; }
  bool has_errors() const noexcept { return errors_ != 0; }
  bool empty() const noexcept { return list_.empty(); }
  std::size_t size() const noexcept { return list_.size(); }
  const std::vector<diagnostic>& list() const noexcept { return list_; }
  auto begin() const noexcept { return list_.begin(); }
  auto end() const noexcept { return list_.end(); }
  const diagnostic& operator[](std::size_t i) const { return list_[i]; }
  /// Adds a note to every diagnostic `which` selects.
  template <class Pred>
  void add_note(const Pred& which, const std::string& note) {
    for (auto& d : list_)
      if (which(d)) d.notes.push_back({note, {}});
  }
  /// Turns every warning into an error (--werror).
  void promote_warnings() {
    for (auto& d : list_)
      if (d.level == severity::warning) {
        d.level = severity::error;
        --warnings_;
        ++errors_;
      }
  }
  void append(const diagnostics& o) {
    for (const auto& d : o.list_) add(d);
    for (const auto& f : o.files_) keep(f);
  }
  /// Has each diagnostic keep the files of its spans and its notes' spans
  /// alive (add does it for what a diagnostic holds when added; a note added
  /// after needs this).
  void hold_files() {
    for (auto& d : list_) {
      hold(d, d.span);
      for (const auto& n : d.notes) hold(d, n.span);
    }
  }
  /// Keeps a source file alive for as long as these diagnostics point into it.
  void keep(std::shared_ptr<const source_file> file) {
    if (std::find(files_.begin(), files_.end(), file) == files_.end()) files_.push_back(std::move(file));
  }
  /// The source files kept: those the diagnostics point into and, after a
  /// compile, every file it read (the root file, its imports, rule files),
  /// whether it succeeded or not.
  const std::vector<std::shared_ptr<const source_file>>& files() const noexcept { return files_; }

private:
  /// Keeps the file of `s` alive in `d` and here, where a shared_ptr owns it.
  void hold(diagnostic& d, const source_span& s) {
    if (!s.file) return;
    auto f = s.file->weak_from_this().lock();
    if (!f) return;
    if (std::find(d.files.begin(), d.files.end(), f) == d.files.end()) d.files.push_back(f);
    keep(std::move(f));
  }

  std::vector<diagnostic> list_;
  std::vector<std::shared_ptr<const source_file>> files_;
  std::size_t errors_ = 0, warnings_ = 0;
};

}  // namespace yusuan
