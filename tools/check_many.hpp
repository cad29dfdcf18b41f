// tools/check_many.hpp -- `yusuan check` over many budgets: a directory tree,
// a list file (@list.txt) or several files, on all cores.
#pragma once

#include "args.hpp"

#include <yusuan/compile/options.hpp>

#include <cstddef>
#include <cstdlib>
#include <string>
#include <vector>

namespace cli {

/// What `yusuan check` was asked, as parsed by run_check.
struct check_settings {
  std::string format = "text";
  bool werror = false;
  bool quiet = false;
  bool full = false;         // --diagnostics: every diagnostic of a failing budget, not one line
  unsigned jobs = 0;         // 0: the number of cores
  common_flags common;
  /// The options each budget is compiled with (max_errors, and whatever else
  /// the command line sets); the library path is filled in once for all.
  yusuan::compile_options base;
};

/// Whether the inputs name a tree or a list of budgets: a directory or a list
/// file among them (several files named one by one are checked one after the
/// other, with every diagnostic, unless -j asks for threads).
bool names_many_budgets(const std::vector<std::string>& inputs);

/// The budget files the inputs name, in order: a file as given, a directory's
/// `*.budget` files (recursively, sorted by path) but its files of tests
/// (holds_tests: counted in `tests_passed_over` when given), a list file's
/// lines (@FILE: one path a line, relative to the list file; blank lines and
/// lines starting with # skipped).
std::vector<std::string> expand_budget_inputs(const std::vector<std::string>& inputs,
                                              std::size_t* tests_passed_over = nullptr);

/// The number of threads of `-j N` (0: the number of cores).
unsigned effective_jobs(unsigned requested);

/// The value of -j N, -jN, --jobs N or --jobs=N: a positive number.
inline unsigned jobs_option(const std::vector<std::string>& args, std::size_t& i) {
  const std::string& a = args[i];
  const std::string v = (a.size() > 2 && a.rfind("-j", 0) == 0) ? a.substr(2)
                        : a == "-j"                             ? option_value(args, i, "-j")
                                                                : option_value(args, i, "--jobs");
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n <= 0 || n > 4096) throw usage_error{"-j needs a number of jobs, not '" + v + "'"};
  return static_cast<unsigned>(n);
}

/// Checks every budget the inputs name on `jobs` threads; results are printed
/// in input order whatever the number of threads.  Returns the exit code.
int run_check_many(const std::vector<std::string>& inputs, const check_settings& s);

/// yusuan export of many budgets into DIR, hive-partitioned (export_region.cpp).
int run_export_region(const std::vector<std::string>& inputs, const std::string& dir, unsigned jobs, bool bom,
                      bool color);

}  // namespace cli
