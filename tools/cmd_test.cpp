// yusuan test -- run the tests of fiscal rules (测试 blocks).
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "junit.hpp"
#include "rule_files.hpp"
#include "test_parameters.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/rule_tests.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

const char* const test_help = R"(Usage: yusuan test [options] FILE|DIR...

Runs the tests of fiscal rules: every 测试 (test) block of each FILE, and of
each .budget file of each DIR (and of its subdirectories).  A test is a small
budget compiled with the rule files it names (规则 "…"); its 应 lines say what
must come of it: 应 通过 (no error), 应 报错 CODE ["TEXT"] (a diagnostic of that
code mentioning TEXT), 应 等于 NAME AMOUNT (a value).  One line per test: ok,
or FAILED with the expectation, what was found and the diagnostics, or ERROR
for a malformed test (not run; its errors also on standard error); then
"N passed, M failed" (and ", K errors").

Options:
  --filter TEXT        run only the tests whose name contains TEXT
  --format text|junit  text (default), or JUnit XML (one testsuite per file,
                       one testcase per test) for CI systems
  --coverage           then list every constraint (核对) of the rule files
                       the tests use (and of the files they import), whether
                       a test made it fail and a test made it pass; a
                       constraint no test made fail (or pass), or one that
                       could only be evaluated with an error, is reported and
                       makes the run fail, and so does a run that covers no
                       constraint
  --set NAME=VALUE     the value of a 参数 of the rules (repeatable)
  -o FILE              write the report to FILE
  -h, --help           show this help

Exit codes: 0 every test passed (and, with --coverage, every constraint was
made to fail and to pass), 1 a test failed, 2 usage or I/O errors, or a
malformed test.  A run with no test to run (no 测试 block in the files, or
none whose name --filter selects) and a --set that no test's rules declare
are usage errors (2), said before any test runs.
)";

std::vector<std::filesystem::path> library_path();

namespace {

std::vector<std::filesystem::path> test_files(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const auto& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      for (auto& f : budget_files_in(a, true)) out.emplace_back(std::move(f));
    } else if (fs::exists(a, ec)) {
      out.emplace_back(a);
    } else {
      throw usage_error{"no such file or directory: " + a};
    }
  }
  return out;
}

/// A located problem on one line: "FILE:LINE:COL: message".
std::string one_line(const yusuan::diagnostic& d) {
  const auto at = yusuan::resolve(d.span);
  return (at.file.empty() ? std::string() : at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": ") +
         d.message;
}

/// The codes of a file that cannot be read, found or imported (E0001,
/// E0002, E0311–E0313).
bool is_unreadable_import(std::string_view code) {
  for (std::string_view c : {"E0001", "E0002", "E0311", "E0312", "E0313"})
    if (code == c) return true;
  return false;
}

/// A test (or a file of tests) that cannot be run: its JUnit <error>.
junit::testcase in_error(const std::string& name, const std::string& file, const yusuan::diagnostics& problems) {
  junit::testcase c;
  c.name = name;
  c.classname = file;
  c.errored = true;
  c.message = problems.empty() ? std::string() : problems[0].message;
  for (const auto& d : problems) c.details += one_line(d) + "\n";
  return c;
}

}  // namespace

int run_test(const std::vector<std::string>& args) {
  std::string format = "text", filter;
  bool coverage = false;
  common_flags common;
  std::vector<std::string> inputs;
  std::map<std::string, std::string, std::less<>> parameters;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << test_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"text", "junit"});
    } else if (is_option(a, "--filter")) {
      filter = option_value(args, i, "--filter");
    } else if (a == "--coverage") {
      coverage = true;
    } else if (is_option(a, "--set")) {
      const std::string v = option_value(args, i, "--set");
      const auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0) throw usage_error{"--set needs NAME=VALUE, not '" + v + "'"};
      parameters[v.substr(0, eq)] = v.substr(eq + 1);
    } else if (looks_like_option(a)) {
      unknown_option("test", a, with_common({"--format", "--filter", "--coverage", "--set"}));
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) throw usage_error{"test needs at least one test file or directory (see yusuan test --help)"};
  const auto files = test_files(inputs);
  refuse_output_over_input(common.output, std::vector<std::string>(files.begin(), files.end()));

  // Every file is read before a test runs: a run that would test nothing,
  // or a --set that no test declares, is a usage error said before anything
  // else (not a run that passes, nor one where every test fails alike).
  std::vector<yusuan::diagnostics> file_problems(files.size());  // of each file outside its tests
  std::vector<std::vector<yusuan::rule_test>> keep;             // results point at their tests
  keep.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    keep.push_back(yusuan::read_rule_tests(files[i], file_problems[i]));
    note_file_read(files[i].string());
  }
  const auto selected = [&](const yusuan::rule_test& t) {
    return filter.empty() || t.name.find(filter) != std::string::npos;
  };
  std::vector<const yusuan::rule_test*> to_run;  // selected and well formed
  std::size_t found = 0, chosen = 0;
  for (const auto& tests : keep)
    for (const auto& t : tests) {
      ++found;
      if (!selected(t)) continue;
      ++chosen;
      if (t.problems.empty()) to_run.push_back(&t);
    }
  const bool file_errors =
      std::any_of(file_problems.begin(), file_problems.end(), [](const auto& p) { return !p.empty(); });
  if (chosen == 0 && !file_errors) {  // a file that cannot be read or scanned is an ERROR of its own, below
    std::string where;
    for (const auto& a : inputs) where += (where.empty() ? "'" : ", '") + a + "'";
    if (files.empty()) throw usage_error{"no test to run: no .budget file in " + where};
    if (found == 0) throw usage_error{"no test to run: no 测试 block in " + where};
    throw usage_error{"no test to run: --filter '" + filter + "' selects none of the " + std::to_string(found) +
                      (found == 1 ? " test" : " tests") + " in " + where};
  }
  if (!parameters.empty() && !to_run.empty()) refuse_undeclared_parameters(to_run, parameters);

  const reporting rep{false, use_color(common.color)};
  output out(common.output);
  std::ostream& o = out.stream();
  std::size_t passed = 0, failed = 0, errors = 0;
  bool malformed = false;
  yusuan::rule_coverage cov;
  std::map<std::filesystem::path, yusuan::diagnostics> rule_errors;  // of each rule file read alone
  std::vector<junit::testsuite> suites;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& file = files[i];
    const yusuan::diagnostics& problems = file_problems[i];
    junit::testsuite suite;
    suite.name = file.string();
    // a file or a test that cannot be run: an error, not a result
    const auto in_error_case = [&](const std::string& name, const std::string& heading, const yusuan::diagnostics& ds,
                                   bool print = true) {
      if (print) report(rep, ds);
      malformed = true;
      ++errors;
      suite.cases.push_back(in_error(name, file.string(), ds));
      if (format == "text") {
        o << "ERROR   " << heading << "\n";
        for (const auto& d : ds) o << "        " << one_line(d) << "\n";
      }
    };
    // the file cannot be read, or a 测试 line is not a test
    if (!problems.empty()) in_error_case(file.string(), file.string(), problems);
    for (const auto& t : keep[i]) {
      if (!selected(t)) continue;
      if (!t.problems.empty()) {  // malformed: what it says is not known, so it is not run
        in_error_case(t.name, t.name + "  (" + file.string() + ":" + std::to_string(t.line) + ")", t.problems);
        continue;
      }
      std::vector<std::filesystem::path> rule_files;  // 规则 <std/…> found in the library path
      for (const auto& r : t.rules) rule_files.push_back(yusuan::resolve_rule_file(r, library_path()));
      for (const auto& r : rule_files) note_file_read(r.string());
      // a rule file with an error no test could change (it does not parse,
      // an import of its own is missing …): the test cannot be run, and the
      // file's errors are printed once
      yusuan::diagnostics broken;
      bool first_time = false;
      for (const auto& r : rule_files) {
        auto it = rule_errors.find(r);
        if (it == rule_errors.end()) {
          it = rule_errors.emplace(r, rule_file_errors({r}, library_path(), {}, 100)).first;
          first_time = first_time || it->second.has_errors();
        }
        broken.append(it->second);
      }
      if (broken.has_errors()) {
        in_error_case(t.name, t.name + "  (" + file.string() + ":" + std::to_string(t.line) + ")", broken, first_time);
        continue;
      }
      if (coverage) {
        // a rule file that cannot be read lists nothing; the test reports it (E0001)
        yusuan::diagnostics unread;
        for (const auto& r : rule_files) cov.add_rule_file(r, unread);
      }
      yusuan::compile_options co;
      co.library_path = library_path();
      co.parameters = parameters;
      co.ignore_undeclared_parameters = true;  // each test takes those it declares (some test does: above)
      const auto r = yusuan::run_rule_test(t, co, coverage ? &cov : nullptr);
      note_files_read(r.diags);  // the imports of the test's budget and of its rule files
      // a file the test's budget imports that cannot be found or read: the
      // test cannot be built (ERROR), unless that very error is what it expects
      yusuan::diagnostics unbuilt;
      for (const auto& d : r.diags)
        if (d.level == yusuan::severity::error && is_unreadable_import(d.code) &&
            std::none_of(t.expectations.begin(), t.expectations.end(),
                         [&](const yusuan::rule_expectation& x) { return x.code == d.code; }))
          unbuilt.add(d);
      if (!unbuilt.empty()) {
        in_error_case(t.name, t.name + "  (" + file.string() + ":" + std::to_string(t.line) + ")", unbuilt);
        continue;
      }
      junit::testcase c;
      c.name = t.name;
      c.classname = file.string();
      const std::string at = file.string() + ":" + std::to_string(t.line);
      if (r.passed) {
        ++passed;
        if (format == "text") o << "ok      " << t.name << "  (" << at << ")\n";
      } else {
        ++failed;
        c.failed = true;
        // each expectation not met at its 应 (file:line:column), as a
        // diagnostic is, so that an editor goes to it
        std::vector<std::string> located;
        for (std::size_t k = 0; k < r.failures.size(); ++k) {
          const auto* x = k < r.failed.size() ? r.failed[k] : nullptr;
          located.push_back(x ? file.string() + ":" + std::to_string(x->line) + ":" + std::to_string(x->column) + ": " +
                                    r.failures[k]
                              : r.failures[k]);
        }
        c.message = located.front();
        for (const auto& f : located) c.details += f + "\n";
        if (format == "text") {
          o << "FAILED  " << t.name << "  (" << at << ")\n";
          for (const auto& f : located) o << "        " << f << "\n";
        }
      }
      suite.cases.push_back(std::move(c));
    }
    suites.push_back(std::move(suite));
  }
  bool uncovered = false;
  if (format == "junit") {
    junit::write(o, suites);
  } else {
    o << passed << " passed, " << failed << " failed";
    if (errors > 0) o << ", " << errors << (errors == 1 ? " error" : " errors");
    o << "\n";
  }
  if (coverage) {
    std::ostream& co = format == "junit" ? std::cerr : o;
    const auto entries = cov.entries();
    std::size_t full = 0;
    for (const auto& e : entries) full += e.failed && e.passed;
    co << "coverage: " << full << " of " << entries.size() << " constraints made to fail and to pass\n";
    if (entries.empty()) {  // nothing was covered: no rule file, or none with a constraint
      uncovered = true;
      co << "  no constraint (核对) in the rule files the tests name (规则) or in the files they import\n";
    }
    for (const auto& e : entries) {
      if (e.failed && e.passed) continue;
      uncovered = true;
      co << "  " << e.file << ":" << e.line << ":" << e.column << ": "
         << (!e.failed && !e.passed ? (e.undecided ? "never decided (an error in it wherever a test checked it)"
                                                   : "never checked")
             : !e.failed            ? "no test makes it fail"
                                    : "no test makes it pass")
         << ": " << e.text << "\n";
    }
  }
  out.finish();
  if (malformed) return exit_usage;
  return failed > 0 || uncovered ? exit_budget_error : exit_ok;
}

}  // namespace cli
