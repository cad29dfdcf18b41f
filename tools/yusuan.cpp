// yusuan -- check budgets, query them, print their tables, publish them.
//
// Exit codes: 0 success (warnings allowed), 1 an error in a budget, 2 usage or
// I/O errors (a missing or unreadable file, a file that is not UTF-8, an
// output that cannot be written), 3 an internal error.
#include "args.hpp"
#include "cli.hpp"
#include "interrupt.hpp"
#include "io.hpp"
#include "man.hpp"

#include <yusuan/error.hpp>
#include <yusuan/version.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

const char* const main_help = R"(yusuan — exact, checked Chinese government unit and department budgets (预算)

Usage: yusuan <command> [options] [files]

Commands:
  check FILE...        check budget files: syntax, codes, totals and every constraint
                       (DIR or @LIST: all of them, on all cores, -j N)
  test FILE|DIR...     run the tests of fiscal rules (测试 blocks)
  query FILE 'QUERY'   aggregate the items: sum by function.类 where kind = 基本支出 …
  table FILE ID|all    print a disclosure table, or all of them (also as .xlsx), in the
                       budget's template (模板) or --template's
  templates [NAME]     list the templates of disclosure tables and their tables
  report FILE          one self-contained HTML page: totals, tables, charts, targets, checks
  export FILE --to DIR every item as CSV with a Tabular Data Package descriptor (or .xlsx)
  catalog KIND         list a classification catalog (function, econ, gov-econ, mapping)
  consolidate DEPT...  departments from their units' budgets, a region from its
                       departments, and what does not add up
  fmt FILE|DIR...      write budget files in canonical layout (--check, --write)

Every command that reads a budget reads standard input for the file name -
(imports then resolve against the current directory) and takes -I DIR: a
directory searched first by 导入 <std/…> (then $YUSUAN_PATH, the library
installed beside the program, the one it was built with).  Every command that
prints takes -o FILE and --color auto|always|never (and honours NO_COLOR);
check, query and catalog take --format json, with which their errors too are
a JSON array on standard output.
-o FILE is replaced only when the command has written all of its output (a
command that fails leaves it as it was), and never when it is a file the
command reads (a budget, an import, a template, a rule file).  -- ends the
options: what follows is a file even when it starts with '-'.

Options:
  -h, --help           show this help (or a command's: yusuan check --help,
                       yusuan help check)
  --version            show the version

Also: yusuan man (the manual page, roff), yusuan complete bash (a bash
completion script); both are installed by cmake --install.

Exit codes: 0 success (warnings allowed), 1 errors in a budget, 2 usage or I/O errors,
3 an internal error (a bug).
)";

const std::vector<command_entry>& commands() {
  static const std::vector<command_entry> list{
      {"check", "check budget files", check_help, run_check},
      {"test", "run the tests of fiscal rules (测试)", test_help, run_test},
      {"query", "aggregation queries over a budget", query_help, run_query},
      {"table", "the disclosure tables of a budget, in its template", table_help, run_table},
      {"templates", "the templates of disclosure tables", templates_help, run_templates},
      {"report", "an HTML report of a budget", report_help, run_report},
      {"export", "every item as typed data (Tabular Data Package, xlsx)", export_help, run_export},
      {"catalog", "the classification catalogs", catalog_help, run_catalog},
      {"consolidate", "department budgets from their units, a region from its departments", consolidate_help,
       run_consolidate},
      {"fmt", "budget files in canonical layout", fmt_help, run_fmt},
  };
  return list;
}

}  // namespace cli

namespace {

/// Whether the command line asks for JSON output (--format json or
/// --format=json), so that errors are reported as JSON too.
bool wants_json(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format=json") return true;
    if (args[i] == "--format" && i + 1 < args.size() && args[i + 1] == "json") return true;
  }
  return false;
}

/// The colour mode asked for on the command line (for errors printed by main).
std::string color_mode(const std::vector<std::string>& args) {
  std::string mode = "auto";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    for (std::string_view name : {"--color", "--colour"}) {
      if (a == name && i + 1 < args.size()) mode = args[i + 1];
      else if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=')
        mode = a.substr(name.size() + 1);
    }
  }
  return mode;
}

/// `--` ends the options: each argument after it is a file (or another
/// argument of the command) even when it starts with '-': "-x.budget" is read
/// as "./-x.budget", the same file, which no command takes for an option.
std::vector<std::string> end_of_options(std::vector<std::string> rest) {
  const auto end = std::find(rest.begin(), rest.end(), std::string("--"));
  if (end == rest.end()) return rest;
  for (auto a = end + 1; a != rest.end(); ++a)
    if (cli::looks_like_option(*a)) *a = "./" + *a;
  rest.erase(end);
  return rest;
}

int dispatch(const std::vector<std::string>& args) {
  using namespace cli;
  if (args.empty()) {
    std::cerr << main_help;
    return exit_usage;
  }
  const std::string cmd = args.front();
  std::vector<std::string> rest = end_of_options({args.begin() + 1, args.end()});
  if (cmd == "help" && rest.size() == 1 && (rest.front() == "help" || rest.front() == "-h" || rest.front() == "--help"))
    rest.clear();  // yusuan help help: this help
  if (cmd == "help" && !rest.empty()) {  // yusuan help CMD: that command's help, as yusuan CMD --help
    if (rest.size() > 1) throw usage_error{"help takes one command (see yusuan --help)"};
    std::vector<std::string_view> names;
    for (const auto& c : commands()) {
      if (rest.front() == c.name) {
        std::cout << c.help;
        return exit_ok;
      }
      names.push_back(c.name);
    }
    throw usage_error{"unknown command '" + rest.front() + "'" + did_you_mean(rest.front(), names) + " (see yusuan --help)"};
  }
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::cout << main_help;
    return exit_ok;
  }
  if (cmd == "--version" || cmd == "-V" || cmd == "version") {
    std::cout << "yusuan " << yusuan::version_string << "\n";
    return exit_ok;
  }
  if (cmd == "man") return write_man_page(rest);
  if (cmd == "complete") return write_completion(rest);
  std::vector<std::string_view> names{"help", "version"};
  for (const auto& c : commands()) {
    if (cmd == c.name) return c.run(rest);
    names.push_back(c.name);
  }
  if (cmd.size() > 1 && cmd[0] == '-') throw usage_error{"unknown option '" + cmd + "'" + did_you_mean(cmd, {"--help", "--version"}) + " (see yusuan --help)"};
  throw usage_error{"unknown command '" + cmd + "'" + did_you_mean(cmd, names) + " (see yusuan --help)"};
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cli;
  remove_temporaries_on_signals();
  const std::vector<std::string> args(argv + 1, argv + argc);
  const reporting r{wants_json(args), color_mode(args) == "always" || (color_mode(args) == "auto" && use_color("auto"))};
  try {
    return checked_output(dispatch(args));
  } catch (const usage_error& e) {
    report_error(r, "usage", e.message);
    return checked_output(exit_usage);
  } catch (const io_error& e) {
    report_error(r, e.code.empty() ? "io" : e.code, e.message, e.file);
    if (r.json) standard_output_failed = false;  // the report went to standard output: say it on standard error
    return checked_output(exit_usage);
  } catch (const yusuan::error& e) {
    report_error(r, "error", e.what());
    return checked_output(exit_budget_error);
  } catch (const std::exception& e) {
    report_error(r, "internal", std::string("internal error: ") + e.what());
    return 3;
  }
}
