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

/// Whether the diagnostics say that the root file could not be read at all
/// (E0001 or E0002 without a place): an I/O error rather than an error in a
/// budget.
inline bool unreadable(const diagnostics& diags) noexcept {
  for (const auto& d : diags)
    if ((d.code == "E0001" || d.code == "E0002") && !d.span) return true;
  return false;
}

/// Thrown by the throwing forms: a budget or a query with errors.  what()
/// holds the rendered diagnostics and a summary line.
class budget_error : public error {
public:
  explicit budget_error(yusuan::diagnostics d) : error(kind(d), render(d)), diagnostics_(std::move(d)) {}
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
  static std::string render(const yusuan::diagnostics& d) {
    std::ostringstream os;
    render_text(os, d);
    os << summary(d);
    return os.str();
  }
  yusuan::diagnostics diagnostics_;
};

}  // namespace yusuan
