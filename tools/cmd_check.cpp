// yusuan check -- check budget files: syntax, codes, totals, constraints.
#include "args.hpp"
#include "check_many.hpp"
#include "cli.hpp"
#include "io.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables/check_notes.hpp>
#include <yusuan/tables/library.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace cli {

const char* const check_help = R"(Usage: yusuan check [options] FILE...
       yusuan check [options] DIR | @LIST | FILE FILE...

Checks each budget file and the files it imports: syntax, classification codes
and names, stated totals, project amounts, income against expenditure, every
constraint (核对), and the template its tables are printed in (模板).  Diagnostics go to standard error as text, or to standard
output as a JSON array with --format json.  FILE - reads the budget from
standard input (its imports resolve against the current directory).

Many budgets: a directory (its *.budget files, recursively, in path order), a
list file (@units.list: one path a line, relative to the list file) or several
files are checked on all cores.  Each failing budget gets one line (its first
error), then a summary; the results and their order are the same whatever -j
is.  A progress bar is drawn on a terminal.

Options:
  --format text|json   how to print diagnostics (default text)
  --werror             treat warnings as errors
  --max-errors N       stop reporting syntax errors after N (default 100)
  -q, --quiet          print nothing when a file checks clean
  -o FILE              write the diagnostics and the summary to FILE
  -j, --jobs N         check N budgets at a time (default: the number of cores)
  --diagnostics        many budgets: print every diagnostic of each failing
                       budget (and the warnings), not only its first error
  --color auto|always|never
                       colour the text output (default auto: only on a
                       terminal, and never when NO_COLOR is set)
  -h, --help           show this help

Exit codes: 0 no error (warnings printed), 1 an error in a budget, 2 usage or I/O errors.
)";

std::optional<yusuan::budget> compile_input(const std::string& file, yusuan::diagnostics& diags,
                                            yusuan::compile_options co);

namespace {

/// "1 item", "2 items".
std::string counted(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

}  // namespace

int run_check(const std::vector<std::string>& args) {
  std::string format = "text";
  bool werror = false, quiet = false;
  std::size_t max_errors = 100;
  common_flags common;
  std::vector<std::string> files;
  check_settings many;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << check_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"text", "json"});
    } else if (a == "--werror") {
      werror = true;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (is_option(a, "--max-errors")) {
      const std::string v = option_value(args, i, "--max-errors");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n <= 0) throw usage_error{"--max-errors needs a positive number, not '" + v + "'"};
      max_errors = static_cast<std::size_t>(n);
    } else if (a == "-j" || is_option(a, "--jobs") || (a.size() > 2 && a.rfind("-j", 0) == 0)) {
      many.jobs = jobs_option(args, i);
    } else if (a == "--diagnostics") {
      many.full = true;
    } else if (looks_like_option(a)) {
      unknown_option("check", a,
                     with_common({"--format", "--werror", "--max-errors", "--quiet", "-q", "--jobs", "-j", "--diagnostics"}));
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) throw usage_error{"check needs at least one budget file (see yusuan check --help)"};
  if (names_many_budgets(files) || many.jobs > 0 || many.full) {
    many.format = format;
    many.werror = werror;
    many.quiet = quiet;
    many.base.max_errors = max_errors;
    many.common = common;
    return run_check_many(files, many);
  }

  output out(common.output);
  // Text diagnostics go to standard error unless -o names a file.
  std::ostream& text_out = out.is_stdout() ? std::cerr : out.stream();
  const bool color = out.is_stdout() && use_color(common.color);
  bool any_error = false, any_io = false;
  yusuan::diagnostics all;
  for (const auto& f : files) {
    yusuan::compile_options co;
    co.max_errors = max_errors;
    yusuan::diagnostics diags;
    auto b = compile_input(f, diags, co);
    if (b && !yusuan::tables::check_notes(*b, diags)) b.reset();  // 模板 and 表注 against its tables
    if (werror) diags.promote_warnings();
    const bool failed = diags.has_errors();
    if (yusuan::unreadable(diags)) any_io = true;
    else if (failed) any_error = true;
    if (format == "json") {
      all.append(diags);
      continue;
    }
    yusuan::render_text(text_out, diags, {color});
    if (failed) {
      text_out << f << ": " << yusuan::summary(diags) << "\n";
    } else if (!quiet || diags.warning_count() > 0) {
      text_out << f << ": ok: " << counted(b->items().size(), "item") << ", " << counted(b->projects().size(), "project")
               << ", " << counted(b->constraints().size(), "constraint") << " checked";
      if (diags.warning_count() > 0) text_out << ", " << yusuan::summary(diags);
      text_out << "\n";
    }
  }
  if (format == "json") yusuan::render_json(out.stream(), all);
  out.finish();
  if (any_io) return exit_usage;
  return any_error ? exit_budget_error : exit_ok;
}

}  // namespace cli
