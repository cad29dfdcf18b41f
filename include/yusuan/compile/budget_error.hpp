// yusuan/compile/budget_error.hpp -- the exception of a budget, a query, a
// built budget or a table template with errors, and how to tell an
// unreadable file from a budget with errors.
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/error.hpp>

#include <sstream>
#include <string>
#include <system_error>
#include <utility>

namespace yusuan {

/// Whether the diagnostics say that a file the compiler was given could not
/// be read at all (E0001 or E0002 without a place): the root file, or a rule
/// file of compile_options::rules, whose path no budget text states.  An I/O
/// error rather than an error in a budget (`yusuan check` exits with 2, as for
/// `--rules` naming a missing file).  An import that cannot be read is an
/// error in the budget: E0311 or E0001 at the 导入 that names it.
inline bool unreadable(const diagnostics& diags) noexcept {
  for (const auto& d : diags)
    if ((d.code == "E0001" || d.code == "E0002") && !d.span) return true;
  return false;
}

/// Thrown by the throwing forms: a budget or a query with errors.  what()
/// holds the rendered diagnostics and a summary line; diagnostic_code() the
/// code of the error when there is one error (empty when there are several).
class budget_error : public error {
public:
  explicit budget_error(yusuan::diagnostics d)
      : error(kind(d), render(d), only_error(d)), diagnostics_(std::move(d)) {}
  const yusuan::diagnostics& diagnostics() const noexcept { return diagnostics_; }

private:
  static std::error_code kind(const yusuan::diagnostics& d) {
    for (const auto& x : d)
      if (!x.span && x.code == "E0001") return errc::io_error;
      else if (!x.span && x.code == "E0002") return errc::not_utf8;
    for (const auto& x : d)
      if (x.level == severity::error && x.code.compare(0, 3, "E01") == 0) return errc::syntax_error;
    for (const auto& x : d)
      if (x.level == severity::error && (x.code == "E0801" || x.code == "E0803")) return errc::unknown_table;
      else if (x.level == severity::error && (x.code == "E0804" || x.code == "E0805")) return errc::invalid_template;
    return errc::invalid_budget;
  }
  static std::string_view only_error(const yusuan::diagnostics& d) {
    const yusuan::diagnostic* found = nullptr;
    for (const auto& x : d)
      if (x.level == severity::error) {
        if (found) return {};
        found = &x;
      }
    return found ? std::string_view(found->code) : std::string_view();
  }
  static std::string render(const yusuan::diagnostics& d) {
    std::ostringstream os;
    render_text(os, d);
    os << summary(d);
    return os.str();
  }
  yusuan::diagnostics diagnostics_;
};

}  // namespace yusuan
