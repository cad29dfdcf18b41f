// yusuan/rules/scanner.hpp -- finds the 测试 blocks of a file of tests of
// rules: their names, 规则 and 应 lines, and what is malformed in them
// (E0101, located).  Used by read_rule_tests() (<yusuan/rule_tests.hpp>) and
// by the formatter, which lays a test's own lines out.
#pragma once

#include <yusuan/compile/read_file.hpp>
#include <yusuan/rules/expected_amount.hpp>
#include <yusuan/rules/test.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace yusuan::detail {

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
    std::vector<std::pair<std::size_t, std::size_t>> not_shared;  // malformed tests
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
      bool unnamed = false;  // read to its closing brace, and run as no test
      if (!name) {
        problem(p, "expected the test's name as a quoted string after 测试", nullptr);
        const std::size_t e = line_end(p);
        std::size_t q = p;
        while (q < e && !punct_at(q, "{", "｛")) ++q;
        if (q == e) {
          p = end_of_statement(p);
          continue;
        }
        unnamed = true;
        name = std::string(trim(std::string_view(t_).substr(p, q - p)));
        p = q;
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
          for (std::size_t q = p;; q = p) {
            // <std/…>: a file of the library path, found when the test runs
            // (resolve_rule_file, <yusuan/rule_tests.hpp>)
            if (auto lib = library_path_at(p)) {
              b.test.rules.emplace_back(*lib);
              any = true;
              p = skip_inline_blank(p);
              continue;
            }
            auto path = string_at(p);
            if (!path) break;
            b.test.rules.push_back((file_.parent_path() / *path).lexically_normal());
            if (check_rule_files_)
              if (const auto why = why_unreadable(b.test.rules.back(), compile_options{}.max_file_size))
                problem(q, p, "E0001", "cannot read '" + b.test.rules.back().string() + "': " + *why,
                        "the rule file named here", &b.test);
            any = true;
            p = skip_inline_blank(p);
          }
          if (!any)
            problem(p, "expected the path of a rule file as a quoted string (or <std/…>) after 规则", &b.test);
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
          const std::size_t e = should_end(p);
          rule_expectation x;
          b.any_should = true;
          x.line = line_of(s);
          x.column = column_of(s);
          x.written = std::string(trim(std::string_view(t_).substr(s, e - s)));
          if (expectation(x)) b.test.expectations.push_back(std::move(x));
          else if (bad_amount_) problem(s + bad_amount_->b, s + bad_amount_->e, "E0202", bad_amount_->message,
                                        bad_amount_->label, &b.test);
          else problem(s, e, "expected 应 通过, 应 报错 CODE [\"TEXT\"] or 应 等于 NAME AMOUNT",
                       "found '" + x.written + "'", &b.test);
          // a separator after it ends it, as after 规则
          std::size_t after = e;
          if (after < t_.size() && t_[after] == ';') ++after;
          else if (t_.compare(after, std::string_view("；").size(), "；") == 0) after += std::string_view("；").size();
          b.blank.emplace_back(s, after);
          b.layout.push_back({s, after, rule_test_span::kind::line});
          p = after;
          continue;
        }
        // any other statement of the budget; braces of blocks nest
        const std::size_t e = end_of_statement(p, &depth);
        p = e;
      }
      if (!closed) {
        problem(start, open_end, "test \"" + b.test.name + "\" is never closed with '}'",
                "this test runs on to the end of the file", nullptr);
        not_shared.emplace_back(start, t_.size());  // what follows is no other test's
        break;
      }
      if (unnamed) {  // reported above; its lines are no other test's either
        not_shared.emplace_back(start, p);
        continue;
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
      // the lines of a test that is never closed, or has no name, are
      // shared by no test (after the tests: test i is still range i)
      for (const auto& [b, e] : not_shared) ranges.push_back({b, e, {}});
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

  /// The amount of a 应 等于 line that cannot be read, where it is in the
  /// line (set by expectation() when that is why it fails).
  struct unreadable_amount {
    std::size_t b, e;
    std::string message, label;
  };
  std::optional<unreadable_amount> bad_amount_;

  bool expectation(rule_expectation& x) {
    bad_amount_.reset();
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
        auto text = quoted_at(w, p);
        if (!text) return false;
        x.text = std::move(*text);
      }
      return rest_is_empty(w, p);
    }
    if (verb == "等于" || verb == "equal") {
      x.what = rule_expectation::kind::equals;
      x.name = next_word(p);
      const std::size_t amount_at = detail::skip_inline_blank(w, p);
      x.amount = next_word(p);
      if (x.name.empty() || x.amount.empty() || !rest_is_empty(w, p)) return false;
      // an amount as the language writes one (finer than 1 分 only in 元:
      // the budget's unit is known when the test runs)
      std::error_code ec;
      read_expected_amount(x.amount, unit::yuan, ec);
      if (!ec || ec == amount_errc::too_precise) return true;
      if (ec == amount_errc::out_of_range)
        bad_amount_ = {amount_at, p, "amount '" + x.amount + "' is more than an amount can hold",
                       "amounts are at most 92,233,720,368,547,758.07 元 either side of 0, counts 17 digits"};
      else
        bad_amount_ = {amount_at, p, "malformed amount '" + x.amount + "'",
                       "expected an amount such as 1,234.56 or a count such as 3"};
      return false;
    }
    return false;
  }
  static bool rest_is_empty(const std::string& w, std::size_t p) {
    p = detail::skip_inline_blank(w, p);
    return p == w.size() || w[p] == '#' || w.compare(p, 2, "//") == 0;
  }

  std::string where(std::size_t p) const { return file_.string() + ":" + std::to_string(line_of(p)); }
  /// The column of p in characters from 1.
  int column_of(std::size_t p) const {
    const int line = line_of(p);  // line_starts_ made
    const std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
    int column = 1;
    for (std::size_t i = start; i < p && i < t_.size(); ++i) column += (static_cast<unsigned char>(t_[i]) & 0xC0) != 0x80;
    return column;
  }
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
    if (t_.compare(e, 3, "\xE3\x80\x80") == 0 || t_.compare(e, 2, "\xC2\xA0") == 0) return true;
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
  /// A library path at `p`, <std/…> on one line, `p` moved past it.
  std::optional<std::string> library_path_at(std::size_t& p) const {
    if (p >= t_.size() || t_[p] != '<') return std::nullopt;
    const std::size_t e = t_.find_first_of(">\r\n", p + 1);
    if (e == std::string::npos || t_[e] != '>' || e == p + 1) return std::nullopt;
    std::string s = t_.substr(p, e + 1 - p);
    p = e + 1;
    return s;
  }
  std::optional<std::string> string_at(std::size_t& p) const {
    std::size_t q = p;
    auto s = quoted_at(t_, q);
    if (s) p = q;
    return s;
  }
  /// The string at `p` of `t` ("…", where \" is a quote and \\ a backslash,
  /// as in a budget; or “…”, without escapes), `p` moved past it.
  static std::optional<std::string> quoted_at(std::string_view t, std::size_t& p) {
    if (p < t.size() && t[p] == '"') {
      std::string s;
      for (std::size_t q = p + 1; q < t.size(); ++q) {
        if (t[q] == '"') {
          p = q + 1;
          return s;
        }
        if (t[q] == '\n' || t[q] == '\r') return std::nullopt;  // a string ends on its line
        if (t[q] == '\\' && q + 1 < t.size() && (t[q + 1] == '"' || t[q + 1] == '\\')) ++q;
        s += t[q];
      }
      return std::nullopt;
    }
    if (t.compare(p, 3, "“") == 0) {
      const std::string_view line = t.substr(0, std::min(t.size(), t.find_first_of("\r\n", p)));
      const std::size_t e = line.find("”", p + 3);
      if (e == std::string_view::npos) return std::nullopt;
      std::string s(t.substr(p + 3, e - p - 3));
      p = e + 3;
      return s;
    }
    return std::nullopt;
  }
  /// The end of the statement at p: its line or a separator (; ；), past
  /// strings and comments; braces on it change `depth`.
  /// Where a 应 line ends: at the end of its line, or before a brace, a
  /// separator or another 规则 or 应 outside its quoted text (应 通过 }
  /// closes the test; 应 报错 E0501 "甲" 应 报错 E0501 "乙" is two).
  std::size_t should_end(std::size_t p) const {
    const std::size_t e = line_end(p);
    const std::size_t first = p;
    while (p < e) {
      if (p > first && test_keyword_at(p)) {
        while (const std::size_t n = detail::inline_blank_before(t_, p)) p -= n;
        return p;
      }
      if (t_[p] == '#' || t_.compare(p, 2, "//") == 0) return e;
      if (t_[p] == '"' || t_.compare(p, 3, "“") == 0) {
        std::size_t q = p;
        if (string_at(q)) {
          p = q;
          continue;
        }
      }
      if (punct_at(p, "}", "｝") || punct_at(p, "{", "｛") || t_[p] == ';' || t_.compare(p, 3, "；") == 0) {
        while (const std::size_t n = detail::inline_blank_before(t_, p)) p -= n;
        return p;
      }
      p += char_len(p);
    }
    return e;
  }

  /// The length of the UTF-8 character at p.
  std::size_t char_len(std::size_t p) const {
    const auto c = static_cast<unsigned char>(t_[p]);
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  }

  /// Whether a 规则 or 应 of the test starts at p, after a blank: in a test
  /// they are keywords, so a statement of the budget ends before them
  /// (208 01 09 30101: 1.00 应 通过 on one line).
  bool test_keyword_at(std::size_t p) const {
    if (detail::inline_blank_before(t_, p) == 0) return false;
    return word_at(p, "应") || word_at(p, "should") || word_at(p, "规则") || word_at(p, "rules");
  }

  std::size_t end_of_statement(std::size_t p, int* depth = nullptr) const {
    while (p < t_.size() && t_[p] != '\n' && t_[p] != '\r') {
      if (depth && *depth == 0 && test_keyword_at(p)) return p;
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
      p += char_len(p);
    }
    return p;
  }

  std::string t_;
  std::filesystem::path file_;
  bool check_rule_files_ = false;
};
}  // namespace yusuan::detail
