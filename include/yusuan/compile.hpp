// yusuan/compile.hpp -- compile budget files into a checked, immutable budget,
// and read queries against one.
//
// Each call comes in two forms, Boost.JSON style, named alike: without a
// `diagnostics&` it returns the result or throws `budget_error` (a
// `yusuan::error` carrying every diagnostic); with one it throws nothing for
// problems in the input, adds to `diags` (warnings too; what it held stays,
// so one `diagnostics` can gather several calls) and returns an empty
// optional on error.  Options the compiler cannot honour safely are the
// calling program's mistake: both forms of compile_file and compile_string
// throw yusuan::error (errc::invalid_argument) for them (check_options,
// compile/options.hpp).
//
//   yusuan::budget b = yusuan::compile_file("budgets/x.budget");   // throws budget_error
//   yusuan::render_text(std::cerr, b.warnings());
//
//   yusuan::diagnostics diags;
//   if (auto b = yusuan::compile_file("budgets/x.budget", diags)) … else render_text(std::cerr, diags);
//
// Header-only by default: this header then also brings in the parser (Spirit
// X3) and the compiler.  Define YUSUAN_SEPARATE_COMPILATION and link the
// compiled form (CMake target yusuan::compiled, or <yusuan/src.hpp> in one
// .cpp file of your own) to compile them once.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/budget_error.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/detail/config.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/error.hpp>
#include <yusuan/query.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan {

namespace detail {
// The compiler, given the library path to use when options.library_path is
// empty: default_library_path() read in the caller's translation unit, where
// YUSUAN_LIBRARY_DIR is the one the caller's build gives (the compiled form
// never reads it, so that it finds the library the program was built for).
YUSUAN_DECL std::optional<budget> compile_file(const std::filesystem::path& file, diagnostics& diags,
                                               const compile_options& options,
                                               std::vector<std::filesystem::path> default_library);
YUSUAN_DECL std::optional<budget> compile_string(std::string_view text, std::string name, diagnostics& diags,
                                                 const compile_options& options,
                                                 std::vector<std::filesystem::path> default_library);
YUSUAN_DECL std::optional<budget> apply_rules(const budget& b, diagnostics& diags, const compile_options& options,
                                              std::vector<std::filesystem::path> default_library);
}  // namespace detail

/// Compiles a budget file and the files it imports.  `diags` receives every
/// diagnostic; the budget is returned when there is no error.
inline std::optional<budget> compile_file(const std::filesystem::path& file, diagnostics& diags,
                                          const compile_options& options = {}) {
  return detail::compile_file(file, diags, options,
                              options.library_path.empty() ? default_library_path() : std::vector<std::filesystem::path>{});
}

/// Compiles a budget file, or throws budget_error.
inline budget compile_file(const std::filesystem::path& file, const compile_options& options = {}) {
  diagnostics diags;
  auto b = compile_file(file, diags, options);
  if (!b) throw budget_error(std::move(diags));
  return std::move(*b);
}

/// Compiles budget text held in memory.  `name` is used in diagnostics;
/// imports are resolved against options.root (or the current directory).
inline std::optional<budget> compile_string(std::string_view text, std::string name, diagnostics& diags,
                                            const compile_options& options = {}) {
  return detail::compile_string(text, std::move(name), diags, options,
                                options.library_path.empty() ? default_library_path()
                                                             : std::vector<std::filesystem::path>{});
}

/// Compiles budget text held in memory, or throws budget_error.
inline budget compile_string(std::string_view text, std::string name = "<input>", const compile_options& options = {}) {
  diagnostics diags;
  auto b = compile_string(text, std::move(name), diags, options);
  if (!b) throw budget_error(std::move(diags));
  return std::move(*b);
}

/// Applies the rule files of options.rules to a checked budget (compiled, or
/// built with budget_builder), as compiling it with them would: their 口径
/// and 核对 are read after the budget's contents, a 参数 the budget declares
/// comes before the rules' default and options.parameters (--set) before
/// both.  The budget's own checks are not run again.  Returns the budget
/// with the rules' measures and the results of their constraints after its
/// own (budget::constraints(), from_rules), its warnings followed by the
/// rules'; `diags` receives only what the rules give (a failed 核对, a
/// mistake in a rule file, each naming the budget).  `b` is not changed, so
/// one budget can be checked against several rule sets.  Of the options,
/// those of reading files and of constraints apply (check_catalog and
/// extra_checks do not: the budget was checked).  One difference from
/// compiling with the rules: a --set of a 参数 the budget declares itself
/// reaches the rules, not the budget's own 口径, which keep the value they
/// were compiled with.
inline std::optional<budget> apply_rules(const budget& b, diagnostics& diags, const compile_options& options) {
  return detail::apply_rules(b, diags, options,
                             options.library_path.empty() ? default_library_path() : std::vector<std::filesystem::path>{});
}

/// Applies rule files to a checked budget, or throws budget_error.
inline budget apply_rules(const budget& b, const compile_options& options) {
  diagnostics diags;
  auto out = apply_rules(b, diags, options);
  if (!out) throw budget_error(std::move(diags));
  return std::move(*out);
}

/// Reads the query language against a budget (whose projects, units and
/// tags the filters may name), with the column and a caret in the query
/// text of each diagnostic (file name "<query>"):
///   sum by function.类 where kind = 基本支出 order by sum desc limit 5
YUSUAN_DECL std::optional<query> parse_query(std::string_view text, const budget& b, diagnostics& diags);

/// Reads a query, or throws budget_error.
inline query parse_query(std::string_view text, const budget& b) {
  diagnostics diags;
  auto q = parse_query(text, b, diags);
  if (!q) throw budget_error(std::move(diags));
  return std::move(*q);
}

/// Reads a query to run with run_with_prior(b, prior, q): a project or unit
/// its filters name may be one only last year's budget has (its rows are 0
/// this year), as run_with_prior looks them up in each budget by name.
YUSUAN_DECL std::optional<query> parse_query(std::string_view text, const budget& b, const budget& prior,
                                             diagnostics& diags);

/// Reads a query to run with run_with_prior, or throws budget_error.
inline query parse_query(std::string_view text, const budget& b, const budget& prior) {
  diagnostics diags;
  auto q = parse_query(text, b, prior, diags);
  if (!q) throw budget_error(std::move(diags));
  return std::move(*q);
}

}  // namespace yusuan

#ifndef YUSUAN_SEPARATE_COMPILATION
#include <yusuan/compile/compile.ipp>
#endif
