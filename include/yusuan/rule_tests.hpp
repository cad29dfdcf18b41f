// yusuan/rule_tests.hpp -- tests of fiscal rules, written in the language
// (docs/language.md, "Rules and tests"):
//
//   测试 "三公经费增长时报错" {
//     规则 "../austerity.budget"
//     金额单位 万元
//     上年 三公经费 10.00
//     208 01 09 30217 公务接待费: 12.00
//     应 报错 E0501 "三公经费不得增长"
//   }
//
// A 测试 (test) block is a small budget compiled with the rule files it
// names (规则, rules); its 应 (should) lines are what must come of it:
// 应 通过 (no error), 应 报错 CODE ["TEXT"] (a diagnostic of that code whose
// message, label or notes contain TEXT), 应 等于 NAME AMOUNT (a measure,
// figure or built-in name has that value).  What a test file holds outside
// its tests (imports, shared items) is part of every test of the file.
//
// read_rule_tests() finds the tests of a file, run_rule_test() runs one, and
// rule_coverage records, for every constraint (核对) of the rule files, whether
// some test made it fail and some test made it pass.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/compile/read_file.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/rules/test_budgets.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace yusuan {

/// One 应 line of a test.
struct rule_expectation {
  enum class kind : std::uint8_t { pass, report, equals } what = kind::pass;
  std::string code;    // 应 报错: E0501
  std::string text;    // 应 报错 … "TEXT"
  std::string name;    // 应 等于: the name
  std::string amount;  // 应 等于: the amount as written
  std::string written; // the line as written
  int line = 0;
};

/// A 测试 block: its name, the rule files it names, its expectations, and
/// the budget it is (budget(): its own lines and the statements outside
/// every test; rules/test_budgets.hpp).
struct rule_test {
  std::string name;
  std::filesystem::path file;
  int line = 0;
  std::vector<std::filesystem::path> rules;
  std::vector<rule_expectation> expectations;
  /// What is malformed in the test's own lines (a 应 line that cannot be
  /// read, no 应 line, a 规则 without a path: E0101), or a rule file it names
  /// that cannot be read (E0001), located in its file: a test with problems
  /// says nothing reliable, and is not to be run.
  diagnostics problems;

  /// The budget the test is compiled as, made when asked.
  rule_test_budget budget() const { return budgets ? budgets->budget(index) : rule_test_budget{}; }
  /// What budget() reads: the file's text, held once for all its tests.
  std::shared_ptr<const detail::rule_test_budgets> budgets;
  std::size_t index = 0;
};

/// What came of a test.
struct rule_test_result {
  const rule_test* test = nullptr;
  bool passed = false;
  std::vector<std::string> failures;  // one per expectation not met, with what was found
  diagnostics diags;                  // the test budget's diagnostics
};

/// Where a line of a test's own is in its file: the formatter lays them out.
struct rule_test_span {
  std::size_t b = 0, e = 0;
  enum class kind : std::uint8_t { open, line, close } what = kind::line;
};

namespace detail {

/// Scans the text of a test file; reports malformed tests as E0101, located
/// in the text: those of a test in its `problems`, the others in problems().
class rule_test_scanner {
public:
  /// With `check_rule_files`, a 规则 path that names no readable file is a
  /// problem of its test (E0001 at the path): the test cannot be run.  The
  /// formatter, which runs nothing, leaves it off.
  rule_test_scanner(std::string text, std::filesystem::path file, bool check_rule_files = false)
      : t_(std::move(text)), file_(std::move(file)), check_rule_files_(check_rule_files) {}

  /// The tests of the text; with `texts` false their budget texts are left
  /// empty (the formatter needs only layout(): linear in the text).
  std::vector<rule_test> scan(std::vector<std::string>& errors, bool texts = true) {
    errors_ = &errors;
    problems_ = {};
    std::vector<block> blocks;
    std::size_t p = 0;
    while (p < t_.size()) {
      p = skip_blank(p);
      if (p >= t_.size()) break;
      const std::size_t start = p;
      if (!(word_at(p, "测试") || word_at(p, "test"))) {
        p = end_of_statement(p);
        continue;
      }
      block b;
      b.begin = start;
      b.test.file = file_;
      b.test.line = line_of(start);
      p = skip_blank(start + (word_at(start, "测试") ? std::string_view("测试").size() : 4));
      auto name = string_at(p);
      if (!name) {
        problem(p, "expected the test's name as a quoted string after 测试", nullptr);
        p = end_of_statement(p);
        continue;
      }
      b.test.name = *name;
      p = skip_blank(p);
      if (!punct_at(p, "{", "｛")) {
        problem(p, "expected '{' after the name of the test", nullptr);
        p = end_of_statement(p);
        continue;
      }
      b.blank.emplace_back(start, p + brace_len(p));
      b.layout.push_back({start, p + brace_len(p), rule_test_span::kind::open});
      p += brace_len(p);
      const std::size_t open_end = p;
      // the body: statements up to the matching brace
      int depth = 0;
      bool closed = false;
      while (p < t_.size()) {
        p = skip_blank(p);
        if (p >= t_.size()) break;
        if (punct_at(p, "}", "｝")) {
          if (depth == 0) {
            b.blank.emplace_back(p, p + brace_len(p));
            b.layout.push_back({p, p + brace_len(p), rule_test_span::kind::close});
            p += brace_len(p);
            closed = true;
            break;
          }
          --depth;
          p += brace_len(p);
          continue;
        }
        if (word_at(p, "规则") || word_at(p, "rules")) {
          const std::size_t s = p;
          p = skip_blank(p + (word_at(p, "规则") ? std::string_view("规则").size() : 5));
          bool any = false;
          for (std::size_t q = p; auto path = string_at(p); q = p) {
            b.test.rules.push_back((file_.parent_path() / *path).lexically_normal());
            if (check_rule_files_)
              if (const auto why = why_unreadable(b.test.rules.back(), compile_options{}.max_file_size))
                problem(q, p, "E0001", "cannot read '" + b.test.rules.back().string() + "': " + *why,
                        "the rule file named here", &b.test);
            any = true;
            p = skip_inline_blank(p);
          }
          if (!any) problem(p, "expected the path of a rule file as a quoted string after 规则", &b.test);
          // a separator after the paths ends the 规则 line: it is not left to
          // the budget, where a separator alone is not a statement
          if (p < t_.size() && t_[p] == ';') ++p;
          else if (t_.compare(p, std::string_view("；").size(), "；") == 0) p += std::string_view("；").size();
          b.blank.emplace_back(s, p);
          b.layout.push_back({s, p, rule_test_span::kind::line});
          continue;
        }
        if (word_at(p, "应") || word_at(p, "should")) {
          const std::size_t s = p;
          const std::size_t e = line_end(p);
          rule_expectation x;
          b.any_should = true;
          x.line = line_of(s);
          x.written = std::string(trim(std::string_view(t_).substr(s, e - s)));
          if (!expectation(x))
            problem(s, e, "expected 应 通过, 应 报错 CODE [\"TEXT\"] or 应 等于 NAME AMOUNT",
                    "found '" + x.written + "'", &b.test);
          else b.test.expectations.push_back(std::move(x));
          b.blank.emplace_back(s, e);
          b.layout.push_back({s, e, rule_test_span::kind::line});
          p = e;
          continue;
        }
        // any other statement of the budget; braces of blocks nest
        const std::size_t e = end_of_statement(p, &depth);
        p = e;
      }
      if (!closed) {
        problem(start, open_end, "test \"" + b.test.name + "\" is never closed with '}'",
                "this test runs on to the end of the file", nullptr);
        break;
      }
      if (!b.any_should)
        problem(start, open_end, "test \"" + b.test.name + "\" has no 应 line",
                "a test says what must come of it: 应 通过, 应 报错 CODE or 应 等于 NAME AMOUNT", &b.test);
      b.end = p;
      layout_.insert(layout_.end(), b.layout.begin(), b.layout.end());
      blocks.push_back(std::move(b));
    }
    std::shared_ptr<const rule_test_budgets> budgets;
    if (texts) {
      std::vector<rule_test_budgets::test_range> ranges;
      ranges.reserve(blocks.size());
      for (const auto& b : blocks) ranges.push_back({b.begin, b.end, b.blank});
      budgets = std::make_shared<const rule_test_budgets>(t_, std::move(ranges));
    }
    std::vector<rule_test> out;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      out.push_back(std::move(blocks[i].test));
      out.back().budgets = budgets;
      out.back().index = i;
    }
    return out;
  }

  /// The problems scan() found outside the tests it returned (a 测试 line
  /// without a name or a brace, a test never closed), located in the text.
  const diagnostics& problems() const noexcept { return problems_; }
  /// The text as the problems' spans point into it (null before the first).
  const std::shared_ptr<const source_file>& source() const noexcept { return source_; }

  /// The lines of the tests themselves (测试 … {, 规则, 应, the closing
  /// brace) of the tests scan() found, in order.
  const std::vector<rule_test_span>& layout() const noexcept { return layout_; }
  /// The text of the file with those lines blanked: what is budget text.
  std::string budget_text() const {
    std::string text = t_;
    for (const auto& sp : layout_) blank(text, sp.b, sp.e);
    return text;
  }

private:
  struct block {
    std::size_t begin, end;  // the whole test, from 测试 to its closing brace
    rule_test test;
    std::vector<std::pair<std::size_t, std::size_t>> blank;  // its own lines to blank
    std::vector<rule_test_span> layout;
    bool any_should = false;  // a 应 line, read or not
  };

  std::vector<rule_test_span> layout_;
  std::vector<std::string>* errors_ = nullptr;
  diagnostics problems_;
  std::shared_ptr<const source_file> source_;  // made for the first problem

  /// Records a problem at [b, e): as "FILE:LINE: message" in the errors of
  /// scan(), and as a located E0101 (or `code`) among the problems of `test`
  /// (or of the file when there is none).
  void problem(std::size_t b, std::size_t e, const std::string& message, std::string label, rule_test* test) {
    problem(b, e, "E0101", message, std::move(label), test);
  }
  void problem(std::size_t b, std::size_t e, const char* code, const std::string& message, std::string label,
               rule_test* test) {
    errors_->push_back(where(b) + ": " + message);
    if (!source_) source_ = std::make_shared<const source_file>(file_.string(), t_);
    diagnostic d;
    d.code = code;
    d.message = message;
    d.span = {source_.get(), static_cast<std::uint32_t>(std::min(b, t_.size())),
              static_cast<std::uint32_t>(std::min(e, t_.size()) - std::min(b, t_.size()))};
    d.label = std::move(label);
    diagnostics& into = test ? test->problems : problems_;
    into.keep(source_);
    into.add(std::move(d));
  }
  /// A problem at p, where a word (or the end of the line) was found.
  void problem(std::size_t p, const std::string& message, rule_test* test) {
    std::size_t e = p;
    while (e < t_.size() && t_[e] != '\n' && t_[e] != '\r' && !detail::inline_blank_at(t_, e)) ++e;
    if (e - p > 40) {  // a word of a line this long is shown by its start
      e = p + 40;
      while (e > p && (static_cast<unsigned char>(t_[e]) & 0xC0) == 0x80) --e;
    }
    problem(p, e, message, e == p ? "found the end of the line" : "found '" + t_.substr(p, e - p) + "'", test);
  }

  bool expectation(rule_expectation& x) {
    std::size_t p = x.written.rfind("应", 0) == 0 ? std::string_view("应").size() : std::string_view("should").size();
    const std::string& w = x.written;
    auto next_word = [&](std::size_t& q) {
      q = detail::skip_inline_blank(w, q);
      const std::size_t b = q;
      if (q < w.size() && (w[q] == '"' || w.compare(q, 3, "“") == 0)) return std::string();
      while (q < w.size() && !inline_blank_at(w, q) && w[q] != '#') ++q;
      return w.substr(b, q - b);
    };
    const std::string verb = next_word(p);
    if (verb == "通过" || verb == "pass") {
      x.what = rule_expectation::kind::pass;
      return rest_is_empty(w, p);
    }
    if (verb == "报错" || verb == "report") {
      x.what = rule_expectation::kind::report;
      x.code = next_word(p);
      if (x.code.size() != 5 || (x.code[0] != 'E' && x.code[0] != 'W')) return false;
      p = detail::skip_inline_blank(w, p);
      if (p < w.size() && (w[p] == '"' || w.compare(p, 3, "“") == 0)) {
        const bool curly = w[p] != '"';
        p += curly ? 3 : 1;
        const std::size_t e = w.find(curly ? "”" : "\"", p);
        if (e == std::string::npos) return false;
        x.text = w.substr(p, e - p);
        p = e + (curly ? 3 : 1);
      }
      return rest_is_empty(w, p);
    }
    if (verb == "等于" || verb == "equal") {
      x.what = rule_expectation::kind::equals;
      x.name = next_word(p);
      x.amount = next_word(p);
      return !x.name.empty() && !x.amount.empty() && rest_is_empty(w, p);
    }
    return false;
  }
  static bool rest_is_empty(const std::string& w, std::size_t p) {
    p = detail::skip_inline_blank(w, p);
    return p == w.size() || w[p] == '#' || w.compare(p, 2, "//") == 0;
  }

  std::string where(std::size_t p) const { return file_.string() + ":" + std::to_string(line_of(p)); }
  int line_of(std::size_t p) const {
    if (line_starts_.empty()) line_starts_ = line_starts(t_);  // once
    return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(),
                                             static_cast<std::uint32_t>(std::min(p, t_.size()))) -
                            line_starts_.begin());
  }
  mutable std::vector<std::uint32_t> line_starts_;

  std::size_t skip_inline_blank(std::size_t p) const {
    return detail::skip_inline_blank(t_, p);
  }
  /// Past blanks, comments and statement separators.
  std::size_t skip_blank(std::size_t p) const {
    for (;;) {
      p = skip_inline_blank(p);
      if (p >= t_.size()) return p;
      if (t_[p] == '\n' || t_[p] == '\r' || t_[p] == ';') {
        ++p;
        continue;
      }
      if (t_.compare(p, 3, "；") == 0) {
        p += 3;
        continue;
      }
      if (t_[p] == '#' || t_.compare(p, 2, "//") == 0) {
        p = line_end(p);
        continue;
      }
      return p;
    }
  }
  std::size_t line_end(std::size_t p) const {
    while (p < t_.size() && t_[p] != '\n' && t_[p] != '\r') ++p;
    return p;
  }
  static bool word_char(unsigned char c) {
    return c >= 0x80 || std::isalnum(c) || c == '-' || c == '_' || c == '.';
  }
  bool word_at(std::size_t p, std::string_view w) const {
    if (t_.compare(p, w.size(), w) != 0) return false;
    const std::size_t e = p + w.size();
    if (e >= t_.size()) return true;
    if (t_.compare(e, 3, "\xE3\x80\x80") == 0) return true;
    const auto c = static_cast<unsigned char>(t_[e]);
    if (c >= 0x80) {  // full-width punctuation ends a word
      for (std::string_view punct : {"“", "”", "｛", "｝", "：", "；", "，"})
        if (t_.compare(e, punct.size(), punct) == 0) return true;
      return false;
    }
    return !word_char(c);
  }
  bool punct_at(std::size_t p, std::string_view a, std::string_view b) const {
    return t_.compare(p, a.size(), a) == 0 || t_.compare(p, b.size(), b) == 0;
  }
  std::size_t brace_len(std::size_t p) const { return static_cast<unsigned char>(t_[p]) < 0x80 ? 1 : 3; }
  /// Whether [p, e) holds a line break: a string is on one line.
  bool crosses_line(std::size_t p, std::size_t e) const {
    return std::string_view(t_).substr(p, e - p).find_first_of("\r\n") != std::string_view::npos;
  }
  std::optional<std::string> string_at(std::size_t& p) const {
    if (p < t_.size() && t_[p] == '"') {
      const std::size_t e = t_.find('"', p + 1);
      if (e == std::string::npos || crosses_line(p, e)) return std::nullopt;
      std::string s = t_.substr(p + 1, e - p - 1);
      p = e + 1;
      return s;
    }
    if (t_.compare(p, 3, "“") == 0) {
      const std::size_t e = t_.find("”", p + 3);
      if (e == std::string::npos || crosses_line(p, e)) return std::nullopt;
      std::string s = t_.substr(p + 3, e - p - 3);
      p = e + 3;
      return s;
    }
    return std::nullopt;
  }
  /// The end of the statement at p: its line or a separator (; ；), past
  /// strings and comments; braces on it change `depth`.
  std::size_t end_of_statement(std::size_t p, int* depth = nullptr) const {
    while (p < t_.size() && t_[p] != '\n' && t_[p] != '\r') {
      if (t_[p] == '#' || t_.compare(p, 2, "//") == 0) return line_end(p);
      if (t_[p] == ';' || t_.compare(p, 3, "；") == 0) return p;  // a separator: the next statement may be a test
      if (t_[p] == '"' || t_.compare(p, 3, "“") == 0) {
        std::size_t q = p;
        if (string_at(q)) {
          p = q;
          continue;
        }
      }
      if (depth && punct_at(p, "{", "｛")) ++*depth;
      if (depth && punct_at(p, "}", "｝")) {
        if (*depth == 0) return p;  // the test's own closing brace
        --*depth;
      }
      p += static_cast<unsigned char>(t_[p]) < 0x80 ? 1 : static_cast<unsigned char>(t_[p]) >= 0xF0 ? 4
                                                         : static_cast<unsigned char>(t_[p]) >= 0xE0 ? 3 : 2;
    }
    return p;
  }

  std::string t_;
  std::filesystem::path file_;
  bool check_rule_files_ = false;
};

inline bool contains(std::string_view hay, std::string_view needle) {
  return needle.empty() || hay.find(needle) != std::string_view::npos;
}

inline std::string describe(const diagnostic& d) {
  std::string s = d.code + " " + d.message;
  if (d.span) {
    const auto lc = resolve(d.span);
    s += " (" + lc.file + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + ")";
  }
  return s;
}

}  // namespace detail

/// The tests of a test file; problems with the file itself (it cannot be
/// read, a test is malformed) are added to `errors`, one "FILE:LINE: …" each.
inline std::vector<rule_test> read_rule_tests(const std::filesystem::path& file, std::vector<std::string>& errors) {
  std::string why;
  auto text = read_source_file(file, compile_options{}.max_file_size, why);
  if (!text) {
    errors.push_back(file.string() + ": cannot read the file: " + why);
    return {};
  }
  return detail::rule_test_scanner(std::move(*text), file, true).scan(errors);
}

/// The tests of a test file; the problems of the file outside its tests go
/// to `diags`, located: E0001 (it cannot be read), E0101 (a 测试 line without
/// a name or a brace, a test never closed).  A malformed test, or one whose
/// rule file cannot be read, is returned with its own problems
/// (rule_test::problems).
inline std::vector<rule_test> read_rule_tests(const std::filesystem::path& file, diagnostics& diags) {
  std::string why;
  auto text = read_source_file(file, compile_options{}.max_file_size, why);
  if (!text) {
    diags.add(cannot_read(file, why));
    return {};
  }
  std::vector<std::string> errors;
  detail::rule_test_scanner scanner(std::move(*text), file, true);
  auto tests = scanner.scan(errors);
  diags.append(scanner.problems());
  return tests;
}

/// The tests of a test file.  Throws budget_error with every problem of the
/// file and of its tests when there is any (a malformed test says nothing
/// reliable): the throwing form of read_rule_tests(file, diags).
inline std::vector<rule_test> read_rule_tests(const std::filesystem::path& file) {
  diagnostics diags;
  auto tests = read_rule_tests(file, diags);
  for (const auto& t : tests) diags.append(t.problems);
  if (diags.has_errors()) throw budget_error(std::move(diags));
  return tests;
}

/// Every constraint of the rule files under test: whether some test made it
/// fail and some test made it pass.
class rule_coverage {
public:
  struct entry {
    std::string file;
    std::uint32_t line = 0, column = 0;
    std::string text;
    bool failed = false, passed = false;
  };

  /// Lists the constraints of a rule file: the statements that begin a line
  /// with 核对 / expect, or 每个 / each.  A file that cannot be read (only a
  /// regular file is) lists nothing: false, and E0001 in `diags`.
  bool add_rule_file(const std::filesystem::path& file, diagnostics& diags) {
    std::error_code ec;
    const std::string key = std::filesystem::weakly_canonical(file, ec).string();
    if (files_.count(key)) return true;
    std::string why;
    auto text = read_source_file(file, compile_options{}.max_file_size, why);
    if (!text) {
      diags.add(cannot_read(file, why));
      return false;
    }
    files_.emplace(key, file.lexically_normal().string());
    // lines, blanks and word ends as the language has them
    const source_file src(key, std::move(*text));
    for (std::uint32_t n = 1; n <= src.line_count(); ++n) {
      const std::string_view line = src.line_text(n);
      std::size_t p = 0;
      std::uint32_t col = 1;
      while (const std::size_t b = detail::inline_blank_at(line, p)) {
        p += b;
        ++col;
      }
      const char* const end = line.data() + line.size();
      for (std::string_view w : {"核对", "expect", "每个", "each"})
        if (line.compare(p, w.size(), w) == 0 && !syntax::chars::word_char_at(line.data() + p + w.size(), end)) {
          entry e;
          e.file = file.lexically_normal().string();
          e.line = n;
          e.column = col;
          std::string_view t = line.substr(p);
          for (std::size_t h = t.find('#'); h != std::string_view::npos; h = t.find('#', h + 1))
            if (detail::inline_blank_before(t, h) != 0) {
              t = t.substr(0, h);  // a comment after the statement
              break;
            }
          e.text = std::string(detail::trim(t));
          entries_.emplace(std::make_tuple(key, n, col), std::move(e));
          break;
        }
    }
    return true;
  }
  /// The throwing form: budget_error (E0001) for a file that cannot be read.
  void add_rule_file(const std::filesystem::path& file) {
    diagnostics diags;
    if (!add_rule_file(file, diags)) throw budget_error(std::move(diags));
  }

  /// Records the result of a constraint checked in some test.
  void record(const constraint_result& r) {
    if (!r.span) return;
    const auto lc = resolve(r.span);
    std::error_code ec;
    // a rule file is named in diagnostics by the path it was given as
    const std::string key = std::filesystem::weakly_canonical(lc.file, ec).string();
    auto it = entries_.find(std::make_tuple(key, lc.line, lc.column));
    if (it == entries_.end()) return;
    (r.passed ? it->second.passed : it->second.failed) = true;
  }

  std::vector<entry> entries() const {
    std::vector<entry> out;
    for (const auto& [k, e] : entries_) out.push_back(e);
    return out;
  }
  /// Whether every constraint was made to fail and made to pass.
  bool complete() const {
    for (const auto& [k, e] : entries_)
      if (!e.failed || !e.passed) return false;
    return true;
  }

private:
  std::map<std::string, std::string> files_;
  std::map<std::tuple<std::string, std::uint32_t, std::uint32_t>, entry> entries_;
};

/// Runs one test: compiles its budget with its rule files (on top of
/// `base`'s options) and checks each expectation.  `coverage`, when given,
/// records the result of every constraint checked.
inline rule_test_result run_rule_test(const rule_test& t, compile_options base = {},
                                      rule_coverage* coverage = nullptr) {
  rule_test_result r;
  r.test = &t;
  compile_options co = std::move(base);
  co.root = t.file.parent_path().empty() ? std::filesystem::path(".") : t.file.parent_path();
  co.rules.insert(co.rules.end(), t.rules.begin(), t.rules.end());
  auto previous = co.on_constraint;
  co.on_constraint = [&](const constraint_result& c) {
    if (coverage) coverage->record(c);
    if (previous) previous(c);
  };
  auto budget = t.budget();
  co.line_origins = std::move(budget.lines);
  auto b = compile_string(budget.text, t.file.string(), r.diags, co);
  auto found = [&] {
    std::string s;
    for (const auto& d : r.diags)
      if (d.level != severity::note) s += (s.empty() ? "" : "; ") + detail::describe(d);
    return s.empty() ? std::string("no diagnostic") : s;
  };
  for (const auto& x : t.expectations) {
    switch (x.what) {
      case rule_expectation::kind::pass:
        if (r.diags.has_errors()) r.failures.push_back(x.written + ": expected no error, found " + found());
        break;
      case rule_expectation::kind::report: {
        bool any = false;
        for (const auto& d : r.diags) {
          if (d.code != x.code) continue;
          std::string all = d.message + "\n" + d.label + "\n" + d.expected + "\n" + d.found;
          if (!d.expected.empty() || !d.found.empty()) all += "\nexpected " + d.expected + ", found " + d.found;
          for (const auto& n : d.notes) all += "\n" + n.message;
          if (detail::contains(all, x.text)) any = true;
        }
        if (!any) r.failures.push_back(x.written + ": expected " + x.code + (x.text.empty() ? "" : " \"" + x.text + "\"") +
                                       ", found " + found());
        break;
      }
      case rule_expectation::kind::equals: {
        if (!b) {
          r.failures.push_back(x.written + ": the budget has errors, so " + x.name + " has no value: " + found());
          break;
        }
        std::error_code ec;
        std::size_t pos = 0;
        const money want = money::parse(x.amount, b->header().amount_unit, ec, pos);
        if (ec) {
          r.failures.push_back(x.written + ": '" + x.amount + "' is not an amount");
          break;
        }
        std::optional<money> got;
        for (const auto& m : b->measures())
          if (m.name == x.name) got = m.value;
        if (!got)
          for (const auto& f : b->figures())
            if (f.name == x.name && f.is_money) got = f.amount;
        if (!got) {
          r.failures.push_back(x.written + ": no measure or figure named '" + x.name + "'");
          break;
        }
        if (*got != want)
          r.failures.push_back(x.written + ": expected " + x.amount + ", found " +
                               got->format(b->header().amount_unit, 2));
        break;
      }
    }
  }
  r.passed = r.failures.empty();
  return r;
}

}  // namespace yusuan
