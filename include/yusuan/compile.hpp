// yusuan/compile.hpp -- compile budget files into a checked, immutable budget.
//
//   auto r = yusuan::compile_file("budgets/x.budget");
//   if (!r) { yusuan::render_text(std::cerr, r.diagnostics); return 1; }
//   const yusuan::budget& b = *r.value;
//
//   yusuan::budget b = yusuan::load_budget("budgets/x.budget");  // throws budget_error
//
// This header is free of Spirit.  In header-only mode (the default) it pulls in
// the implementation, grammar included; define YUSUAN_SEPARATE_COMPILATION and
// include <yusuan/src.hpp> in one .cpp file to compile the parser only once.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/detail/config.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/query.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace yusuan {

struct compile_options {
  /// Stop reporting syntax errors after this many (a note says how many more).
  std::size_t max_errors = 100;
  /// Imports may not leave this directory; empty: the directory of the root file.
  std::filesystem::path root;
  /// Check codes and names against the classification catalogs.
  bool check_catalog = true;
};

/// The outcome of a compilation: the budget when there is no error, and every
/// diagnostic (warnings are kept even on success).
struct compile_result {
  std::optional<budget> value;
  yusuan::diagnostics diagnostics;
  /// Whether the failure was an I/O error (missing, unreadable or non-UTF-8
  /// file) rather than an error in a budget.
  bool io_error = false;
  explicit operator bool() const noexcept { return value.has_value(); }
  bool ok() const noexcept { return value.has_value(); }
};

/// Thrown by load_budget; what() holds the rendered diagnostics.
class budget_error : public std::runtime_error {
public:
  explicit budget_error(yusuan::diagnostics d) : std::runtime_error(render(d)), diagnostics_(std::move(d)) {}
  const yusuan::diagnostics& diagnostics() const noexcept { return diagnostics_; }

private:
  static std::string render(const yusuan::diagnostics& d) {
    std::ostringstream os;
    render_text(os, d);
    os << summary(d);
    return os.str();
  }
  yusuan::diagnostics diagnostics_;
};

/// Compiles a budget file and the files it imports.  Never throws for
/// problems in the input: they are diagnostics.
YUSUAN_DECL compile_result compile_file(const std::filesystem::path& file, const compile_options& options = {});

/// Compiles budget text held in memory.  `name` is used in diagnostics;
/// imports are resolved against options.root (or the current directory).
YUSUAN_DECL compile_result compile_string(std::string_view text, std::string name = "<input>",
                                          const compile_options& options = {});

/// Compiles and returns the budget, or throws budget_error.
inline budget load_budget(const std::filesystem::path& file, const compile_options& options = {}) {
  auto r = compile_file(file, options);
  if (!r) throw budget_error(std::move(r.diagnostics));
  return std::move(*r.value);
}

/// Boost.JSON style: no exception; `diags` receives every diagnostic and the
/// result is empty on error.
inline std::optional<budget> load_budget(const std::filesystem::path& file, yusuan::diagnostics& diags,
                                         const compile_options& options = {}) {
  auto r = compile_file(file, options);
  diags = std::move(r.diagnostics);
  return std::move(r.value);
}

/// A parsed query, or the diagnostics of a malformed one (with the column
/// and a caret in the query text, file name "<query>").
struct query_parse_result {
  std::optional<yusuan::query> value;
  yusuan::diagnostics diagnostics;
  explicit operator bool() const noexcept { return value.has_value(); }
};

/// Parses the query language against a budget (whose projects, units and
/// tags the filters may name):
///   sum by function.类 where kind = 基本支出 order by sum desc limit 5
YUSUAN_DECL query_parse_result parse_query(std::string_view text, const budget& b);

/// Parses a query or throws budget_error.
inline yusuan::query make_query(std::string_view text, const budget& b) {
  auto r = parse_query(text, b);
  if (!r) throw budget_error(std::move(r.diagnostics));
  return std::move(*r.value);
}

}  // namespace yusuan

#ifndef YUSUAN_SEPARATE_COMPILATION
#include <yusuan/impl/compile.ipp>
#include <yusuan/detail/grammar_def.hpp>
#endif
