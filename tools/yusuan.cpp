// yusuan -- check budgets, query them and print their tables.
//
// Exit codes: 0 success (warnings allowed), 1 an error in a budget, 2 usage or
// I/O errors (a missing or unreadable file, a file that is not UTF-8).
#include "cli.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables/library.hpp>
#include <yusuan/version.hpp>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

const char* const main_help = R"(yusuan — exact, checked Chinese government unit and department budgets (预算)

Usage: yusuan <command> [options] [files]

Commands:
  check FILE...        check budget files: syntax, codes, totals and every constraint
  query FILE 'QUERY'   aggregate the items: sum by function.类 where kind = 基本支出 …
  export FILE --to DIR every item as CSV with a Fiscal Data Package descriptor
  catalog KIND         list a classification catalog (function, econ, gov-econ, mapping)
  table FILE ID|all    print a disclosure table, or every table, in the budget's template
  templates [NAME]     list the templates of disclosure tables and their tables

Options:
  -h, --help           show this help (or a command's: yusuan check --help)
  --version            show the version

Exit codes: 0 success (warnings allowed), 1 errors in a budget, 2 usage or I/O errors.
)";

const char* const check_help = R"(Usage: yusuan check [options] FILE...

Checks each budget file and the files it imports: syntax, classification codes
and names, stated totals, project amounts, income against expenditure, every
constraint (核对), and the template its tables are printed in (模板).  Diagnostics go to standard error as text, or to standard
output as a JSON array with --format json.

Options:
  --format text|json   how to print diagnostics (default text)
  --werror             treat warnings as errors
  --max-errors N       stop reporting syntax errors after N (default 100)
  --color auto|always|never
                       colour the text output (default auto: only on a terminal)
  -q, --quiet          print nothing when a file checks clean
  -h, --help           show this help

Exit codes: 0 no error (warnings printed), 1 an error in a budget, 2 usage or I/O errors.
)";

/// Options shared by the subcommands.
struct common_options {
  std::string format = "text";
  bool werror = false;
  bool quiet = false;
  std::size_t max_errors = 100;
  std::string color = "auto";
  std::vector<std::string> files;
};

}  // namespace

namespace cli {

/// "1 item", "2 items".
std::string counted(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no = std::getenv("NO_COLOR");
  return isatty(2) != 0 && (no == nullptr || *no == '\0');
}

int run_check(const std::vector<std::string>& args) {
  common_options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << check_help;
      return exit_ok;
    } else if (is_option(a, "--format")) {
      o.format = choice_option(args, i, "--format", {"text", "json"});
    } else if (a == "--werror") {
      o.werror = true;
    } else if (a == "-q" || a == "--quiet") {
      o.quiet = true;
    } else if (is_option(a, "--max-errors")) {
      const std::string v = option_value(args, i, "--max-errors");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n <= 0) throw usage_error{"--max-errors needs a positive number, not '" + v + "'"};
      o.max_errors = static_cast<std::size_t>(n);
    } else if (is_option(a, "--color") || is_option(a, "--colour")) {
      o.color = option_value(args, i, a.rfind("--colour", 0) == 0 ? "--colour" : "--color");
      if (o.color != "auto" && o.color != "always" && o.color != "never")
        throw usage_error{"--color must be auto, always or never"};
    } else if (a.size() > 1 && a[0] == '-') {
      throw usage_error{"unknown option '" + a + "' for check (see yusuan check --help)"};
    } else {
      o.files.push_back(a);
    }
  }
  if (o.files.empty()) throw usage_error{"check needs at least one budget file (see yusuan check --help)"};

  const bool color = use_color(o.color);
  bool any_error = false, any_io = false;
  yusuan::diagnostics all;
  for (const auto& f : o.files) {
    yusuan::compile_options co;
    co.max_errors = o.max_errors;
    yusuan::diagnostics diags;
    auto b = yusuan::compile_file(f, diags, co);
    if (b && !b->header().template_name.empty() && !yusuan::tables::template_of(*b, diags)) b.reset();  // 模板
    if (o.werror) diags.promote_warnings();
    const bool failed = diags.has_errors();
    if (yusuan::unreadable(diags)) any_io = true;
    else if (failed) any_error = true;
    if (o.format == "json") {
      all.append(diags);
      continue;
    }
    yusuan::render_text(std::cerr, diags, {color});
    if (failed) {
      std::cerr << f << ": " << yusuan::summary(diags) << "\n";
    } else if (!o.quiet || diags.warning_count() > 0) {
      std::cerr << f << ": ok: " << counted(b->items().size(), "item") << ", " << counted(b->projects().size(), "project")
                << ", " << counted(b->constraints().size(), "constraint") << " checked";
      if (diags.warning_count() > 0) std::cerr << ", " << yusuan::summary(diags);
      std::cerr << "\n";
    }
  }
  if (o.format == "json") yusuan::render_json(std::cout, all);
  if (any_io) return exit_usage;
  return any_error ? exit_budget_error : exit_ok;
}

}  // namespace cli

namespace {
struct command_entry {
  const char* name;
  int (*run)(const std::vector<std::string>&);
};
const command_entry commands[] = {
    {"check", cli::run_check},
    {"catalog", cli::run_catalog},
    {"table", cli::run_table},
    {"templates", cli::run_templates},
    {"query", cli::run_query},
    {"export", cli::run_export},
};
}  // namespace

int main(int argc, char** argv) {
  using namespace cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      std::cerr << main_help;
      return exit_usage;
    }
    const std::string cmd = args.front();
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
      std::cout << main_help;
      return exit_ok;
    }
    if (cmd == "--version" || cmd == "-V" || cmd == "version") {
      std::cout << "yusuan " << yusuan::version_string << "\n";
      return exit_ok;
    }
    for (const auto& c : commands)
      if (cmd == c.name) return c.run(rest);
    throw usage_error{"unknown command '" + cmd + "' (see yusuan --help)"};
  } catch (const usage_error& e) {
    std::cerr << "yusuan: error: " << e.message << "\n";
    return exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "yusuan: internal error: " << e.what() << "\n";
    return 3;
  }
}
