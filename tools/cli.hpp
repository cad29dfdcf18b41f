// tools/cli.hpp -- shared helpers of the yusuan command-line program.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/money.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_budget_error = 1;
inline constexpr int exit_usage = 2;

/// Thrown for bad command lines; main prints it and exits with 2.
struct usage_error {
  std::string message;
};

/// Whether `a` is `--name` or `--name=value`.
inline bool is_option(const std::string& a, std::string_view name) {
  return a == name || (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=');
}

/// The value of an option written `--name value` or `--name=value`.
inline std::string option_value(const std::vector<std::string>& args, std::size_t& i, std::string_view name) {
  const std::string& a = args[i];
  if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=')
    return a.substr(name.size() + 1);
  if (i + 1 >= args.size()) throw usage_error{std::string(name) + " needs a value"};
  return args[++i];
}

/// The value of an option that must be one of `allowed` (--format text|csv|…).
inline std::string choice_option(const std::vector<std::string>& args, std::size_t& i, std::string_view name,
                                 std::initializer_list<std::string_view> allowed) {
  std::string v = option_value(args, i, name);
  std::string list;
  for (auto a : allowed) {
    if (v == a) return v;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  throw usage_error{std::string(name) + " must be one of " + list + ", not '" + v + "'"};
}

/// The value of --unit: 元, 万元 or 亿元 (yuan, wan_yuan, yi_yuan).
inline yusuan::unit unit_option(const std::vector<std::string>& args, std::size_t& i) {
  const std::string v = option_value(args, i, "--unit");
  auto u = yusuan::parse_unit(v);
  if (!u) throw usage_error{"--unit must be 元, 万元 or 亿元, not '" + v + "'"};
  return *u;
}

/// Set when a command has reported that it could not write standard output.
inline bool standard_output_failed = false;

/// Flushes standard output and standard error and returns `rc`, or 2
/// (exit_usage) with a message when a write to either failed (a full
/// device, a closed pipe): every command ends through it.
inline int checked_output(int rc) {
  std::cout.flush();
  errno = 0;
  const bool out_failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout;
  const int out_errno = errno;
  if (out_failed && standard_output_failed) {
    rc = exit_usage;
  } else if (out_failed) {
    std::cerr << "yusuan: error: cannot write standard output"
              << (out_errno != 0 ? std::string(": ") + std::strerror(out_errno) : std::string()) << "\n";
    rc = exit_usage;
  }
  std::cerr.flush();
  if (std::fflush(stderr) != 0 || std::ferror(stderr) != 0 || !std::cerr) rc = exit_usage;
  return rc;
}

/// Colour on standard error: "always", "never" or "auto" (a terminal and no NO_COLOR).
bool use_color(const std::string& mode);

// Subcommands: each takes the arguments after its name and returns the exit code.
int run_check(const std::vector<std::string>& args);
int run_test(const std::vector<std::string>& args);
int run_catalog(const std::vector<std::string>& args);
int run_table(const std::vector<std::string>& args);
int run_templates(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_consolidate(const std::vector<std::string>& args);
int run_fmt(const std::vector<std::string>& args);

/// A command of the program: its name, a one-line summary, its help text and
/// what runs it.
struct command_entry {
  const char* name;
  const char* summary;
  const char* help;
  int (*run)(const std::vector<std::string>&);
};

/// The commands, in the order of the main help.
const std::vector<command_entry>& commands();

// The help texts (yusuan CMD --help), also the sections of the man page.
extern const char* const main_help;
extern const char* const check_help;
extern const char* const test_help;
extern const char* const catalog_help;
extern const char* const table_help;
extern const char* const templates_help;
extern const char* const query_help;
extern const char* const export_help;
extern const char* const report_help;
extern const char* const consolidate_help;
extern const char* const fmt_help;

}  // namespace cli
