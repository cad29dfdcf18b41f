// yusuan/compile/reporter.hpp -- how the passes of the compiler report
// problems: located diagnostics, a bound on how many are kept
// (compile_options::max_errors), and spans computed from the source text.
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/syntax/ast.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace yusuan::compile {

using syntax::ast::slice;

/// Collects the diagnostics of one compilation.  Past `max_errors` errors (and
/// as many warnings) it keeps counting but stores no more; a closing E0102
/// says how many were left out, so that no input makes the compiler print
/// without bound.  A `max_errors` of 0 keeps every one.
class reporter {
public:
  explicit reporter(std::size_t max_errors)
      : max_errors_(max_errors == 0 ? static_cast<std::size_t>(-1) : max_errors) {}

  /// Reports a diagnostic; returns it for notes, or a scratch diagnostic when
  /// the limit was reached.
  diagnostic& report(severity level, std::string code, std::string message, source_span span, std::string label = {}) {
    diagnostic d;
    d.level = level;
    d.code = std::move(code);
    d.message = std::move(message);
    d.span = span;
    d.label = std::move(label);
    return add(std::move(d));
  }
  diagnostic& error(std::string code, std::string message, source_span span, std::string label = {}) {
    return report(severity::error, std::move(code), std::move(message), span, std::move(label));
  }
  diagnostic& warning(std::string code, std::string message, source_span span, std::string label = {}) {
    return report(severity::warning, std::move(code), std::move(message), span, std::move(label));
  }
  /// Whether a diagnostic of `level` reported now would be kept (not past
  /// the limit): what only a kept one shows ("did you mean") need not be
  /// worked out for the others.
  bool keeps(severity level) const noexcept {
    if (level == severity::note) return true;
    return (level == severity::error ? errors_seen_ : warnings_seen_) < max_errors_;
  }

  /// Whether a diagnostic of `level` reported now may look for the names
  /// meant ("did you mean"): when it is kept, for the first
  /// `max_suggestions` of a compilation; each looks among every name known,
  /// and thousands of unknown names among thousands of names would take
  /// time out of proportion to the input (language.md §22).
  bool may_suggest(severity level) noexcept { return keeps(level) && suggestions_++ < max_suggestions; }
  static constexpr std::size_t max_suggestions = 100;

  /// Adds a diagnostic made elsewhere, within the limit.
  diagnostic& add(diagnostic d) {
    if (d.level == severity::error && !compares_what_was_read(d.code)) ++input_errors_;
    std::size_t& seen = d.level == severity::error ? errors_seen_ : warnings_seen_;
    if (d.level == severity::note || ++seen <= max_errors_) {
      if (d.level != severity::note && seen == max_errors_)
        d.notes.push_back({"stopping " + std::string(to_string(d.level)) + " reports here (limit " +
                               std::to_string(max_errors_) + ")",
                           {}});
      diags_.add(std::move(d));
      return const_cast<diagnostic&>(diags_.list().back());
    }
    scratch_ = diagnostic{};
    return scratch_;
  }

  /// E0301 for a project not declared before its use (a block or a group
  /// naming it): kept, so that point_to_declarations can show where it is
  /// declared when that is further on.
  diagnostic& unknown_project(const std::string& name, source_span at, std::string label) {
    diagnostic& d = error("E0301", "unknown project '" + name + "'", at, std::move(label));
    if (&d != &scratch_) unknown_projects_.emplace_back(name, diags_.size() - 1);
    return d;
  }
  /// Adds to each E0301 of unknown_project the place `declared(name)` gives
  /// (an empty span: none), the project's declaration after its use.
  template <class Declared>
  void point_to_declarations(Declared declared) {
    for (const auto& [name, i] : unknown_projects_)
      if (const source_span at = declared(name))
        const_cast<diagnostic&>(diags_.list()[i])
            .notes.push_back({"declared here, after it is used: a project is declared before the blocks and groups "
                              "that name it",
                              at});
  }

  /// Calls `f(diagnostic&)` on each diagnostic kept, to add to it (a note).
  template <class F>
  void amend(F f) {
    for (std::size_t i = 0; i < diags_.size(); ++i) f(const_cast<diagnostic&>(diags_.list()[i]));
  }

  /// How many diagnostics are kept so far, to note those a step adds
  /// (note_unplaced_since).
  std::size_t kept() const noexcept { return diags_.size(); }
  /// Adds `note` to each diagnostic kept since `from` (kept()) that has no
  /// place in a file and whose code is not one of `except`: what a budget
  /// assembled in C++ was checking when it failed.
  void note_unplaced_since(std::size_t from, const std::string& note, std::initializer_list<std::string_view> except = {}) {
    note_since(from, note, except, true);
  }

  /// A note for every diagnostic kept since `from` (kept()), but those of
  /// the codes `except` (and, with `unplaced_only`, those with a place).
  void note_since(std::size_t from, const std::string& note, std::initializer_list<std::string_view> except = {},
                  bool unplaced_only = false) {
    std::size_t i = 0;
    diags_.add_note(
        [&](const diagnostic& d) {
          if (i++ < from || (unplaced_only && d.span)) return false;
          for (auto c : except)
            if (d.code == c) return false;
          return true;
        },
        note);
  }

  bool has_errors() const noexcept { return errors_seen_ > 0; }
  /// Errors that may have left part of the input out of the budget (a
  /// statement, or a part of one, dropped or read otherwise than written):
  /// every error but those of the checks that compare what was read.
  /// Checks that need the whole budget do not report while there are any:
  /// their figures are known to be incomplete (see not_run).
  std::size_t input_errors() const noexcept { return input_errors_; }
  /// Counts checks of the whole budget (or of a block) not run because of
  /// input errors; the compiler says how many once, in a closing note.
  void not_run(std::size_t checks) noexcept { not_run_ += checks; }
  std::size_t checks_not_run() const noexcept { return not_run_; }
  std::size_t errors_seen() const noexcept { return errors_seen_; }
  void keep(std::shared_ptr<const source_file> f) { diags_.keep(std::move(f)); }
  /// Every diagnostic of `found` (the catalog checks', the caller's extra
  /// checks'), with the files they point into.
  void add_all(const diagnostics& found) {
    for (const auto& f : found.files()) keep(f);
    for (const auto& d : found) add(d);
  }

  /// Names a statement left out by a syntax error may have declared (its
  /// project's or unit's name and code, syntax/recovery.hpp): where one is
  /// used, "unknown" is not reported, the syntax error is.
  void left_out(std::string name) { left_out_.insert(std::move(name)); }
  bool was_left_out(const std::string& name) const { return !left_out_.empty() && left_out_.contains(name); }

  /// The diagnostics, with a closing note when some were left out.
  diagnostics finish() {
    auto omitted = [](std::size_t seen, std::size_t kept) { return seen > kept ? seen - kept : 0; };
    const std::size_t errors = omitted(errors_seen_, max_errors_), warnings = omitted(warnings_seen_, max_errors_);
    if (errors + warnings > 0) {
      diagnostic d;
      d.level = errors > 0 ? severity::error : severity::warning;
      d.code = "E0102";
      d.message = std::to_string(errors) + " more error" + (errors == 1 ? "" : "s") +
                  (warnings ? " and " + std::to_string(warnings) + " more warning" + (warnings == 1 ? "" : "s") : "") +
                  " not shown";
      diags_.add(std::move(d));
    }
    diags_.hold_files();  // the notes added to a diagnostic after it was reported
    return std::move(diags_);
  }

  // spans ---------------------------------------------------------------------

  void set_file(const source_file* f) noexcept { file_ = f; }
  const source_file* file() const noexcept { return file_; }
  std::uint32_t offset_of(const char* p) const noexcept {
    return static_cast<std::uint32_t>(p - file_->text().data());
  }
  source_span span_of(slice s) const noexcept {
    return {file_, offset_of(s.b), static_cast<std::uint32_t>(std::max<std::size_t>(s.size(), 1))};
  }
  source_span span_at(const char* p, std::size_t len = 1) const noexcept {
    return {file_, offset_of(p), static_cast<std::uint32_t>(std::max<std::size_t>(len, 1))};
  }

private:
  /// The codes of the checks that compare statements read in full: a stated
  /// total, a project's amount, a group's, a balance, a constraint, and the
  /// catalog's (a code the catalog lacks: the item is kept as written).
  /// They leave nothing out.
  static bool compares_what_was_read(std::string_view code) noexcept {
    for (std::string_view c :
         {"E0401", "E0402", "E0403", "E0404", "E0405", "E0501", "E0503", "E0506", "E0601", "E0602", "E0603"})
      if (code == c) return true;
    return false;
  }

  std::size_t max_errors_;
  std::size_t suggestions_ = 0;  // may_suggest() calls so far
  std::size_t errors_seen_ = 0, warnings_seen_ = 0;
  std::size_t input_errors_ = 0, not_run_ = 0;
  std::unordered_set<std::string> left_out_;
  diagnostics diags_;
  std::vector<std::pair<std::string, std::size_t>> unknown_projects_;  // name, index in diags_
  diagnostic scratch_;
  const source_file* file_ = nullptr;
};

/// `in` with each place in `builder` (the file of a budget_builder, in which
/// an item's offset is its index, of no text to show) said as the item's
/// index: "item 3 of the budget_builder".
inline diagnostics said_by_item_index(const diagnostics& in, const source_file* builder) {
  if (!builder) return in;
  diagnostics out;
  for (diagnostic d : in) {
    if (d.span.file == builder) {
      d.notes.insert(d.notes.begin(), {"item " + std::to_string(d.span.offset) + " of the budget_builder", {}});
      d.span = {};
    }
    for (auto& n : d.notes)
      if (n.span.file == builder) {
        n.message += " (item " + std::to_string(n.span.offset) + ")";
        n.span = {};
      }
    out.add(std::move(d));
  }
  for (const auto& f : in.files()) out.keep(f);
  return out;
}

}  // namespace yusuan::compile
