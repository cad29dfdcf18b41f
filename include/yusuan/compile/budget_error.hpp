// yusuan/compile/budget_error.hpp -- the exception of a budget, a query, a
// built budget or a table template with errors, and how to tell an
// unreadable file from a budget with errors.
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/error.hpp>

#include <sstream>
#include <string>
#include <string_view>
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
/// code of the error when there is one error (empty when there are several),
/// position() its byte offset in its file when it has a place (no_position
/// otherwise: diagnostics() locates every one).
///
/// code() is the yusuan::errc of the diagnostics (error_code_of), whoever
/// made them: a budget_error built from the diagnostics of a non-throwing form
/// has the code the throwing form's exception carries.
class budget_error : public error {
public:
  explicit budget_error(yusuan::diagnostics d)
      : budget_error(std::move(d), only_error(d)) {}
  const yusuan::diagnostics& diagnostics() const noexcept { return diagnostics_; }

  /// The errc of diagnostics with errors, by the table of error.hpp.  When
  /// their errors are of several families, the first of these that applies
  /// decides (whatever the order of the diagnostics):
  ///   1. errc::io_error, errc::not_utf8: a file the compiler was given cannot
  ///      be read (E0001, E0002 without a place: see unreadable());
  ///   2. errc::invalid_query: an error in the text of a query (the file
  ///      `<query>` of yusuan::parse_query), whatever its code: E0101, E0301,
  ///      E0305, E0505;
  ///   3. errc::limit_exceeded: an input past a limit of compile_options
  ///      (E0711–E0717), which stops the reading of it;
  ///   4. errc::syntax_error: E0101, E0103 (E0102 only counts the errors not
  ///      shown);
  ///   5. errc::unknown_table (E0801, E0803), errc::unknown_format (E0802),
  ///      errc::invalid_template (E0804, E0805);
  ///   6. errc::overflow (E0701), errc::rounding_necessary (E0702),
  ///      errc::division_by_zero (E0703);
  ///   7. errc::invalid_budget: any other error (E02xx–E06xx, E0806, E0807);
  /// errc::ok when there is no error.
  static std::error_code error_code_of(const yusuan::diagnostics& d) noexcept {
    if (!d.has_errors()) return errc::ok;
    for (const auto& x : d)
      if (!x.span && x.code == "E0001") return errc::io_error;
      else if (!x.span && x.code == "E0002") return errc::not_utf8;
    auto any = [&](auto&& pred) {
      for (const auto& x : d)
        if (x.level == severity::error && pred(x)) return true;
      return false;
    };
    auto code_in = [](const diagnostic& x, std::string_view from, std::string_view to) {
      return x.code.size() == 5 && x.code >= from && x.code <= to;
    };
    if (any([](const diagnostic& x) { return x.span && x.span.file->name() == "<query>"; })) return errc::invalid_query;
    if (any([&](const diagnostic& x) { return code_in(x, "E0711", "E0799"); })) return errc::limit_exceeded;
    if (any([](const diagnostic& x) { return x.code == "E0101" || x.code == "E0103"; })) return errc::syntax_error;
    if (any([](const diagnostic& x) { return x.code == "E0801" || x.code == "E0803"; })) return errc::unknown_table;
    if (any([](const diagnostic& x) { return x.code == "E0802"; })) return errc::unknown_format;
    if (any([](const diagnostic& x) { return x.code == "E0804" || x.code == "E0805"; })) return errc::invalid_template;
    if (any([](const diagnostic& x) { return x.code == "E0701"; })) return errc::overflow;
    if (any([](const diagnostic& x) { return x.code == "E0702"; })) return errc::rounding_necessary;
    if (any([](const diagnostic& x) { return x.code == "E0703"; })) return errc::division_by_zero;
    return errc::invalid_budget;
  }

private:
  budget_error(yusuan::diagnostics&& d, const diagnostic* one)
      : error(error_code_of(d), render(d), one->code, one->span ? one->span.offset : no_position),
        diagnostics_(std::move(d)) {}

  /// The one error of `d`, or a diagnostic of no code and no place when it
  /// has several or none.
  static const diagnostic* only_error(const yusuan::diagnostics& d) {
    static const diagnostic none{};
    const yusuan::diagnostic* found = nullptr;
    for (const auto& x : d)
      if (x.level == severity::error) {
        if (found) return &none;
        found = &x;
      }
    return found ? found : &none;
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
