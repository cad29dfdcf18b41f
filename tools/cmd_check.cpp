// yusuan check -- check budget files: syntax, codes, totals, constraints.
#include "args.hpp"
#include "budget_json.hpp"
#include "check_many.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "junit.hpp"
#include "rule_files.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables/check_notes.hpp>
#include <yusuan/tables/library.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace cli {

const char* const check_help = R"(Usage: yusuan check [options] FILE...
       yusuan check [options] DIR | @LIST | -j N FILE...

Checks each budget file and the files it imports: syntax, classification codes
and names, stated totals, project amounts, income against expenditure, every
constraint (核对), and the template its tables are printed in (模板).  Diagnostics go to standard error as text, or to standard
output as a JSON array with --format json.  FILE - reads the budget from
standard input (its imports resolve against the current directory).

Many budgets: a directory (its *.budget files, recursively, in path order,
but its files of tests of rules, 测试, which yusuan test runs), a
list file (@units.list: one path a line, relative to the list file), or files
with -j are checked on all cores.  Each failing budget gets one line (its first
error), then a summary; the results and their order are the same whatever -j
is.  A file named twice (by any path) is checked and counted once.  A progress bar is drawn on a terminal.  --rules applies to every budget
(the summary counts the rules passed and failed); --format junit checks the
budgets one after the other, a testsuite each.

Options:
  --format text|json|junit
                       how to print diagnostics (default text); json: each
                       diagnostic names the budget checked ("budget"); junit:
                       each budget a testsuite, each constraint checked on it
                       (its own and those of --rules) a testcase, and each
                       other error of the budget a failed testcase
  --rules FILE|DIR     check each budget with these rule files added (the
                       budgets are not edited); DIR: its .budget files but
                       those of tests (测试); repeatable.  A line per budget gives its rules passed
                       and failed, and a last line the budgets × rules.
                       A rule file that does not read (a syntax error, a
                       missing import …) is reported once and no budget is
                       checked (exit 2)
  --set NAME=VALUE     the value of a 参数 of the rules (repeatable)
  --werror             treat warnings as errors
  --max-errors N       report at most N errors and N warnings, count the rest
                       (default 100; 0: report them all)
  -q, --quiet          print nothing when a file checks clean
  -o FILE              write the diagnostics and the summary to FILE
  -j, --jobs N         check N budgets at a time (default: the number of cores)
  --diagnostics        many budgets: print every diagnostic of each failing
                       budget (and the warnings), not only its first error
  --color auto|always|never
                       colour the text output (default auto: only on a
                       terminal, and never when NO_COLOR is set)
  -h, --help           show this help

Exit codes: 0 no error (warnings printed), 1 an error in a budget, 2 usage or I/O errors, or a rule file that does not read.
)";

std::optional<yusuan::budget> compile_input(const std::string& file, yusuan::diagnostics& diags,
                                            yusuan::compile_options co);
std::vector<std::filesystem::path> library_path();

namespace {

/// "1 item", "2 items".
std::string counted(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

}  // namespace

/// A diagnostic as the text of a JUnit failure: located message, expected
/// and found, notes.
static std::string failure_text(const yusuan::diagnostic& d) {
  const auto at = yusuan::resolve(d.span);
  std::string t = (at.file.empty() ? std::string() : at.file + ":" + std::to_string(at.line) + ":" +
                                                         std::to_string(at.column) + ": ") +
                  d.code + " " + d.message + "\n";
  if (!d.expected.empty() || !d.found.empty()) t += "  expected " + d.expected + ", found " + d.found + "\n";
  for (const auto& n : d.notes) t += "  note: " + n.message + "\n";
  return t;
}

int run_check(const std::vector<std::string>& args) {
  std::string format = "text";
  bool werror = false, quiet = false;
  std::size_t max_errors = 100;
  common_flags common;
  std::vector<std::string> files;
  check_settings many;
  std::vector<std::filesystem::path> rules;
  std::map<std::string, std::string, std::less<>> parameters;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << check_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"text", "json", "junit"});
    } else if (is_option(a, "--rules")) {
      const std::filesystem::path r = option_value(args, i, "--rules");
      std::error_code ec;
      if (std::filesystem::is_directory(r, ec)) {
        // its rule files: not its files of tests of rules (测试), which name the rules they test
        std::vector<std::filesystem::path> found;
        for (const auto& f : budget_files_in(r.string(), false))
          if (!holds_tests(f)) found.push_back(f);
        if (found.empty())
          throw usage_error{"--rules " + r.string() + ": no .budget file of rules in this directory"};
        rules.insert(rules.end(), found.begin(), found.end());
      } else if (std::filesystem::exists(r, ec)) {
        rules.push_back(r);
      } else {
        throw usage_error{"--rules: no such file or directory: " + r.string()};
      }
    } else if (is_option(a, "--set")) {
      const std::string v = option_value(args, i, "--set");
      const auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0) throw usage_error{"--set needs NAME=VALUE, not '" + v + "'"};
      parameters[v.substr(0, eq)] = v.substr(eq + 1);
    } else if (a == "--werror") {
      werror = true;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (is_option(a, "--max-errors")) {
      const std::string v = option_value(args, i, "--max-errors");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 0)
        throw usage_error{"--max-errors needs a whole number (0: no limit), not '" + v + "'"};
      max_errors = static_cast<std::size_t>(n);
    } else if (a == "-j" || is_option(a, "--jobs") || (a.size() > 2 && a.rfind("-j", 0) == 0)) {
      many.jobs = jobs_option(args, i);
    } else if (a == "--diagnostics") {
      many.full = true;
    } else if (looks_like_option(a)) {
      unknown_option("check", a,
                     with_common({"--format", "--werror", "--max-errors", "--quiet", "-q", "--rules", "--set", "--jobs", "-j",
                                  "--diagnostics"}));
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) throw usage_error{"check needs at least one budget file (see yusuan check --help)"};
  refuse_stdin_twice(files);
  {  // a rule file named twice (--rules a.budget --rules DIR holding it) is one rule file
    std::vector<std::filesystem::path> once;
    std::vector<std::filesystem::path> seen;
    for (const auto& r : rules) {
      std::error_code ec;
      auto key = std::filesystem::weakly_canonical(r, ec);
      if (ec) key = r.lexically_normal();
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(std::move(key));
      once.push_back(r);
    }
    rules = std::move(once);
  }
  // a rule file that does not read would fail every budget alike: said once,
  // and no budget is checked
  if (!rules.empty())
    if (const auto broken = rule_file_errors(rules, library_path(), parameters, max_errors); broken.has_errors()) {
      std::vector<std::string> read;
      for (const auto& r : rules) read.push_back(r.string());
      refuse_output_over_input(common.output, read);
      output out(common.output);
      if (format == "json") {
        yusuan::render_json(out.stream(), broken);
      } else {
        std::ostream& text_out = out.is_stdout() ? std::cerr : out.stream();
        yusuan::render_text(text_out, broken, {out.is_stdout() && use_color(common.color)});
        text_out << "the rule files have errors (" << yusuan::summary(broken) << "): no budget was checked\n";
      }
      out.finish();
      return exit_usage;
    }
  if (format == "junit") files = expand_budget_inputs(files);  // a testsuite per budget, one at a time
  else if (names_many_budgets(files) || many.jobs > 0 || many.full) {
    many.base.rules = rules;
    many.base.parameters = parameters;
    many.format = format;
    many.werror = werror;
    many.quiet = quiet;
    many.base.max_errors = max_errors;
    many.common = common;
    return run_check_many(files, many);
  }

  // the output is opened before the budgets are read
  std::vector<std::string> to_read = files;
  to_read.insert(to_read.end(), rules.begin(), rules.end());
  refuse_output_over_input(common.output, to_read);
  output out(common.output);
  // Text diagnostics go to standard error unless -o names a file.
  std::ostream& text_out = out.is_stdout() ? std::cerr : out.stream();
  const bool color = out.is_stdout() && use_color(common.color);
  bool any_error = false, any_io = false;
  // JSON is gathered and written at the end: an input error that stops the
  // run is then the only thing printed (a JSON array of its own)
  std::ostringstream json_text;
  budget_json_array json_array(json_text);
  std::size_t budgets_passed = 0, budgets_failed = 0, rules_passed = 0, rules_failed = 0;
  std::vector<junit::testsuite> suites;
  for (const auto& f : files) {
    yusuan::compile_options co;
    co.max_errors = max_errors;
    co.rules = rules;
    co.parameters = parameters;
    std::size_t passed = 0, failed = 0;
    junit::testsuite suite;
    suite.name = f;
    std::vector<yusuan::source_span> case_spans;  // each testcase's constraint, for its failures' details
    co.on_constraint = [&](const yusuan::constraint_result& r) {
      if (counted_rule(r)) ++(r.passed ? passed : failed);
      // every constraint checked is a testcase: the rules' and the budget's own
      if (format != "junit") return;
      junit::testcase c;
      const auto at = yusuan::resolve(r.span);
      c.name = r.text;
      c.classname = at.file + ":" + std::to_string(at.line);
      c.failed = !r.passed && (r.decided || r.level != yusuan::severity::warning);  // W0502: not failed
      c.message = !c.failed    ? ""
                  : r.decided ? "constraint failed: " + r.text
                              : "constraint could not be evaluated (see its error): " + r.text;
      suite.cases.push_back(std::move(c));
      case_spans.push_back(r.span);
    };
    // 模板 and 表注 against its tables, whether its 核对 pass or not
    yusuan::tables::check_notes_too(co);
    yusuan::diagnostics diags;
    auto b = compile_input(f, diags, co);
    note_files_read(diags);                                         // the template file it read
    if (werror) diags.promote_warnings();
    const bool failed_budget = diags.has_errors();
    if (yusuan::unreadable(diags)) any_io = true;
    else if (failed_budget) any_error = true;
    rules_passed += passed;
    rules_failed += failed;
    ++(failed_budget ? budgets_failed : budgets_passed);
    if (format == "junit") {
      // a failed constraint's text: each of its failures (a grouped one's rows), as printed
      for (std::size_t k = 0; k < case_spans.size() && k < suite.cases.size(); ++k) {
        const auto& at = case_spans[k];
        for (const auto& d : diags)
          if (d.span.file && d.span.file == at.file && d.span.offset >= at.offset &&
              d.span.offset <= at.offset + at.length &&
              (d.code == "E0501" || d.code == "E0503" || d.code == "W0501" || d.code == "W0503"))
            suite.cases[k].details += failure_text(d);
      }
      for (const auto& d : diags)  // an error of the budget itself (not a rule) fails it too
        if (d.level == yusuan::severity::error && d.code != "E0501" && d.code != "E0503") {
          junit::testcase c;
          const auto at = yusuan::resolve(d.span);
          c.name = d.code + " " + d.message;
          c.classname = at.file.empty() ? f : at.file + ":" + std::to_string(at.line);  // where it is: a rule file's
          c.failed = true;
          c.message = d.message;
          c.details = failure_text(d);
          suite.cases.push_back(std::move(c));
        }
      suites.push_back(std::move(suite));
      continue;
    }
    if (format == "json") {
      json_array.add(yusuan::json_objects(diags, f));
      continue;
    }
    yusuan::render_text(text_out, diags, {color});
    const std::string rule_counts = rules.empty() ? std::string()
                                                  : ", rules: " + std::to_string(passed) + " passed, " +
                                                        std::to_string(failed) + " failed";
    if (failed_budget) {
      text_out << f << ": " << yusuan::summary(diags) << rule_counts << "\n";
    } else if (!quiet || diags.warning_count() > 0 || !rules.empty()) {
      text_out << f << ": ok: " << counted(b->items().size(), "item") << ", " << counted(b->projects().size(), "project")
               << ", " << counted(b->constraints().size(), "constraint") << " checked";
      if (diags.warning_count() > 0) text_out << ", " << yusuan::summary(diags);
      text_out << rule_counts << "\n";
    }
  }
  if (format == "json") {
    json_array.close();
    out.stream() << json_text.str();
  }
  if (format == "junit") junit::write(out.stream(), suites);
  if (format == "text" && !rules.empty())
    text_out << counted(files.size(), "budget") << " × " << counted(rules.size(), "rule file") << ": "
             << counted(budgets_passed, "budget") << " passed, " << budgets_failed << " failed (rules checked: "
             << rules_passed << " passed, " << rules_failed << " failed)\n";
  out.finish();
  if (any_io) return exit_usage;
  return any_error ? exit_budget_error : exit_ok;
}

}  // namespace cli
