// tools/cli.hpp -- shared helpers of the yusuan command-line program.
#pragma once

#include <cstddef>
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

/// Colour on standard error: "always", "never" or "auto" (a terminal and no NO_COLOR).
bool use_color(const std::string& mode);

// Subcommands: each takes the arguments after its name and returns the exit code.
int run_check(const std::vector<std::string>& args);
int run_catalog(const std::vector<std::string>& args);
int run_table(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);

}  // namespace cli
