// yusuan check over many budgets: a directory tree, a list file (@list.txt)
// or several files, checked on all cores.  Results are printed in the order
// of the inputs whatever the number of threads; a budget is dropped as soon
// as it is checked, and workers run at most a window of budgets ahead of the
// printer, so memory is bounded by the budgets in flight, not by the region.
#include "budget_json.hpp"
#include "check_many.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "ordered_pool.hpp"
#include "rule_files.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/tables/check_notes.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace cli {

std::optional<yusuan::budget> compile_input(const std::string& file, yusuan::diagnostics& diags,
                                            yusuan::compile_options co);
std::vector<std::filesystem::path> library_path();

namespace fs = std::filesystem;

namespace {

bool is_list(const std::string& a) { return a.size() > 1 && a[0] == '@'; }

/// A directory of budgets: a directory not itself named *.budget (which is a
/// budget file that cannot be read, E0001).
bool is_tree(const std::string& a) {
  std::error_code ec;
  return a != "-" && fs::path(a).extension() != ".budget" && fs::is_directory(a, ec);
}

/// The paths of a list file, relative to the list file's directory; a list
/// that names nothing is a usage error.
void read_list(const std::string& list, std::vector<std::string>& out) {
  const std::string text = read_regular_file(list, "the list file");
  const fs::path dir = fs::path(list).parent_path();
  const std::size_t before = out.size();
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#') continue;
    const auto e = line.find_last_not_of(" \t");
    fs::path p = line.substr(b, e - b + 1);
    out.push_back(p.is_absolute() || dir.empty() ? p.string() : (dir / p).string());
  }
  if (out.size() == before) throw usage_error{"the list file '" + list + "' names no file"};
}

/// "1 budget", "2 budgets".
std::string counted(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

/// What is kept of a checked budget until it is printed.
struct outcome {
  bool done = false;
  bool failed = false;
  bool unreadable = false;
  std::size_t items = 0, projects = 0, constraints = 0, errors = 0, warnings = 0;
  std::size_t rules_passed = 0, rules_failed = 0;  // constraints of --rules checked on it
  std::string text;  // what to print for it (text), or its diagnostics' JSON array elements (json)
};

/// The first error (or warning) of a failing budget on one line:
/// "FILE:LINE:COL: error[E0501]: message".
std::string one_line(const std::string& file, const yusuan::diagnostics& diags) {
  const yusuan::diagnostic* first = nullptr;
  for (const auto& d : diags)
    if (d.level == yusuan::severity::error) {
      first = &d;
      break;
    }
  std::string s;
  if (first) {
    const auto loc = yusuan::resolve(first->span);
    if (!loc.file.empty()) s = loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": ";
    s += "error[" + first->code + "]: " + first->message;
    // (a syntax error's message already says what it expected)
    if (!first->expected.empty() && first->message.ends_with("expected " + first->expected))
      s += (first->found.empty() ? "" : ", found " + first->found);
    else if (!first->expected.empty() || !first->found.empty())
      s += ": expected " + first->expected + ", found " + first->found;
    s += "; ";
  }
  return file + ": " + yusuan::summary(diags) + (first ? " — " + s.substr(0, s.size() - 2) : std::string()) + "\n";
}

outcome check_one(const std::string& file, const check_settings& s, const std::vector<fs::path>& libs) {
  outcome o;
  yusuan::compile_options co = s.base;
  co.library_path = libs;
  if (!co.rules.empty())
    co.on_constraint = [&o](const yusuan::constraint_result& r) {
      if (counted_rule(r)) ++(r.passed ? o.rules_passed : o.rules_failed);
    };
  // 模板 and 表注 against its tables, whether its 核对 pass or not
  yusuan::tables::check_notes_too(co);
  yusuan::diagnostics diags;
  {
    auto b = compile_input(file, diags, co);
    note_files_read(diags);  // the template of its 表注
    if (b) {
      o.items = b->items().size();
      o.projects = b->projects().size();
      o.constraints = b->constraints().size();
    }
  }  // the budget is gone before anything is printed
  if (s.werror) diags.promote_warnings();
  o.failed = diags.has_errors();
  if (o.failed) o.items = o.projects = o.constraints = 0;  // counted for the ok budgets only (--werror fails a built one)
  o.unreadable = yusuan::unreadable(diags);
  o.errors = diags.error_count();
  o.warnings = diags.warning_count();
  if (s.format == "json") {
    o.text = yusuan::json_objects(diags, file);
  } else {
    if (s.full && (o.failed || o.warnings)) {
      std::ostringstream os;
      yusuan::render_text(os, diags, {false});
      o.text = os.str();
    }
    if (o.failed) o.text += one_line(file, diags);
  }
  o.done = true;
  return o;
}

/// A progress bar on standard error, redrawn at most ten times a second.
class progress {
public:
  progress(bool on, std::size_t total) : on_(on), total_(total) {}
  void clear() {
    if (on_ && drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }
  void update(std::size_t n, std::size_t failed) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && n != total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr std::size_t width = 30;
    const std::size_t fill = total_ ? n * width / total_ : width;
    std::cerr << "\r\033[K[" << std::string(fill, '#') << std::string(width - fill, '.') << "] " << n << "/" << total_
              << " budgets" << (failed ? ", " + std::to_string(failed) + " failed" : std::string()) << std::flush;
    drawn_ = true;
  }

private:
  bool on_;
  std::size_t total_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

bool names_many_budgets(const std::vector<std::string>& inputs) {
  return std::any_of(inputs.begin(), inputs.end(), [](const std::string& a) { return is_list(a) || is_tree(a); });
}

std::vector<std::string> expand_budget_inputs(const std::vector<std::string>& inputs, std::size_t* tests_passed_over) {
  std::vector<std::string> out;
  for (const auto& a : inputs) {
    if (is_list(a)) read_list(a.substr(1), out);
    else if (is_tree(a)) {
      for (auto& f : budget_files_in(a, true)) {
        if (holds_tests(f)) {  // tests of rules (测试): no budget
          if (tests_passed_over) ++*tests_passed_over;
          continue;
        }
        out.push_back(std::move(f));
      }
    }
    else out.push_back(a);
  }
  return out;
}

unsigned effective_jobs(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? n : 1;
}

/// `files` with each file once (by identity: two paths or a link to one file
/// are one; a file that cannot be read by its path): a budget named twice
/// (a line repeated in a list, a file in a list and in a folder) would be
/// counted twice.  The first repeat, and how many, in `first_repeat`.
static std::vector<std::string> each_once(std::vector<std::string> files, std::string& first_repeat,
                                          std::size_t& repeats) {
  std::set<file_id> ids;
  std::set<std::string> paths;
  std::vector<std::string> out;
  for (auto& f : files) {
    const auto id = f == "-" ? std::nullopt : regular_file_id(f);
    if (f == "-" || (id ? ids.insert(*id).second : paths.insert(f).second)) {  // standard input twice is refused below
      out.push_back(std::move(f));
    } else {
      if (repeats++ == 0) first_repeat = f;
    }
  }
  return out;
}

int run_check_many(const std::vector<std::string>& inputs, const check_settings& s) {
  std::size_t tests = 0, repeats = 0;
  std::string first_repeat;
  const std::vector<std::string> files = each_once(expand_budget_inputs(inputs, &tests), first_repeat, repeats);
  if (files.empty()) throw usage_error{"no budget file found in " + inputs.front()};
  if (repeats > 0 && !s.quiet)
    std::cerr << "note: " << first_repeat
              << (repeats == 1 ? " is named twice: checked once\n"
                               : " and " + std::to_string(repeats - 1) + " more are named more than once: each checked once\n");
  if (tests > 0 && !s.quiet)
    std::cerr << "note: " << tests << (tests == 1 ? " file" : " files")
              << " of tests (测试) passed over: run them with yusuan test\n";
  if (std::count(files.begin(), files.end(), std::string("-")) > 0 && files.size() > 1)
    throw usage_error{"standard input (-) can be checked only on its own"};
  const unsigned jobs = std::min<std::size_t>(effective_jobs(s.jobs), files.size());
  const std::vector<fs::path> libs = library_path();

  // the output is opened before the budgets are read
  std::vector<std::string> to_read = files;
  to_read.insert(to_read.end(), s.base.rules.begin(), s.base.rules.end());
  refuse_output_over_input(s.common.output, to_read);
  output out(s.common.output);
  std::ostream& text_out = out.is_stdout() ? std::cerr : out.stream();
  const bool json = s.format == "json";
  progress bar(!json && out.is_stdout() && files.size() > 1 && ::isatty(2) == 1, files.size());

  std::size_t ok = 0, failed = 0, unreadable = 0, items = 0, projects = 0, constraints = 0, warnings = 0,
              with_warnings = 0, rules_passed = 0, rules_failed = 0;
  std::optional<budget_json_array> array;
  if (json) array.emplace(out.stream());
  run_ordered<outcome>(
      files.size(), jobs,
      [&](std::size_t i) {
        try {
          return check_one(files[i], s, libs);
        } catch (const std::exception& e) {  // out of memory, …: the budget fails, the run goes on
          outcome o;
          o.done = o.failed = true;
          o.errors = 1;
          if (!json) o.text = files[i] + ": error: " + e.what() + "\n";
          else {  // in the array too, with no code: it is no diagnostic of the language
            yusuan::diagnostics ds;
            yusuan::diagnostic d;
            d.message = e.what();
            ds.add(std::move(d));
            o.text = yusuan::json_objects(ds, files[i]);
          }
          return o;
        }
      },
      [&](std::size_t i, outcome o) {
        if (o.unreadable) ++unreadable;
        else if (o.failed) ++failed;
        else ++ok;
        items += o.items;
        projects += o.projects;
        constraints += o.constraints;
        warnings += o.warnings;
        if (o.warnings) ++with_warnings;
        rules_passed += o.rules_passed;
        rules_failed += o.rules_failed;
        if (json) {
          array->add(o.text);
        } else if (!o.text.empty()) {
          bar.clear();
          text_out << o.text;
        }
        bar.update(i + 1, failed + unreadable);
      });
  bar.clear();

  if (json) {
    array->close();
  } else if (!s.quiet || failed + unreadable > 0) {
    text_out << counted(files.size(), "budget") << " checked: " << ok << " ok, " << failed << " with errors";
    if (unreadable) text_out << ", " << unreadable << " unreadable";
    // a budget with errors is not built: what it holds is counted only in
    // the budgets that are
    text_out << "; " << counted(items, "item") << ", " << counted(projects, "project") << ", "
             << counted(constraints, "constraint");
    if (failed + unreadable > 0) text_out << " in the " << counted(ok, "ok budget");
    text_out << "; " << counted(warnings, "warning");
    if (warnings) text_out << " in " << counted(with_warnings, "budget");
    if (!s.base.rules.empty())
      text_out << "; rules checked: " << rules_passed << " passed, " << rules_failed << " failed";
    text_out << "\n";
  }
  out.finish();
  if (unreadable) return exit_usage;
  return failed ? exit_budget_error : exit_ok;
}

}  // namespace cli
