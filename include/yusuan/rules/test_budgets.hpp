// yusuan/rules/test_budgets.hpp -- the budget each test of a file of tests
// of rules is compiled as: the test's own lines and the statements outside
// every test, each line taken as it is in the file, the other tests and the
// test's own 测试, 规则 and 应 lines and closing brace blanked.
//
// Built when a test is run, from one copy of the file's text: a file of
// thousands of tests (or of thousands of tests on one line) takes time and
// memory in proportion to its size, plus its shared statements once per
// test.  A line keeps only what lies between its first and last character
// that is not blank; where it came from in the file (line_origin) puts each
// diagnostic at the file's line and column.
#pragma once

#include <yusuan/diagnostics/source.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

/// The budget a test is compiled as, and where each of its lines is in the
/// test's file (compile_options::line_origins).
struct rule_test_budget {
  std::string text;
  std::vector<line_origin> lines;
};

namespace detail {

/// The length of a blank of the language (syntax::chars::is_space) other than
/// a line break at p, or 0: test lines and rule lines split words where the
/// budget language does.
inline std::size_t inline_blank_at(std::string_view s, std::size_t p) noexcept {
  if (p >= s.size() || syntax::chars::is_line_break(s[p])) return 0;
  const char* const at = s.data() + p;
  const char* q = at;
  return syntax::chars::is_space(text::decode(q, s.data() + s.size())) ? static_cast<std::size_t>(q - at) : 0;
}
/// The length of a blank ending just before p, or 0.
inline std::size_t inline_blank_before(std::string_view s, std::size_t p) noexcept {
  if (p >= 1 && inline_blank_at(s, p - 1) == 1) return 1;
  if (p >= 3 && inline_blank_at(s, p - 3) == 3) return 3;  // U+3000, U+FEFF
  return 0;
}
inline std::size_t skip_inline_blank(std::string_view s, std::size_t p) noexcept {
  while (const std::size_t n = inline_blank_at(s, p)) p += n;
  return p;
}
/// s without the blanks (and a CR) at its end.
inline std::string_view trim(std::string_view s) noexcept {
  for (;;) {
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    else if (const std::size_t b = inline_blank_before(s, s.size())) s.remove_suffix(b);
    else return s;
  }
}

/// Blanks [b, e) of s keeping every line break, the number of bytes and, for
/// the three-byte characters of Chinese text, the columns (U+3000 is a blank).
inline void blank(std::string& s, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e && i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (s[i] == '\n' || s[i] == '\r') {
      ++i;
      continue;
    }
    if (n == 3 && i + 3 <= s.size()) {
      s.replace(i, 3, "\xE3\x80\x80");
    } else {
      for (std::size_t k = 0; k < n && i + k < s.size(); ++k) s[i + k] = ' ';
    }
    i += n;
  }
}

/// The text of a file of tests, and the budget of each of its tests.
class rule_test_budgets {
public:
  /// A test: [begin, end) from 测试 to its closing brace; `own` its own lines
  /// (测试 … {, 规则, 应, the brace), blanked in its budget.
  struct test_range {
    std::size_t begin = 0, end = 0;
    std::vector<std::pair<std::size_t, std::size_t>> own;
  };

  rule_test_budgets(std::string text, std::vector<test_range> tests)
      : text_(std::move(text)), shared_(text_), tests_(std::move(tests)) {
    for (std::size_t from = 0;;) {  // lines as the language ends them
      std::size_t to = from;
      while (to < text_.size() && !syntax::chars::is_line_break(text_[to])) ++to;
      lines_.push_back({from, to, 0, 0, 0});
      if (to >= text_.size()) break;
      from = to + (text_.compare(to, 2, "\r\n") == 0 ? 2 : 1);
    }
    for (const auto& t : tests_) blank(shared_, t.begin, t.end);
    for (std::size_t k = 0; k < lines_.size(); ++k) {  // what is left of each line: statements outside every test
      line& l = lines_[k];
      const std::string_view s = std::string_view(shared_).substr(l.begin, l.end - l.begin);
      const std::size_t b = skip_inline_blank(s, 0);
      if (b == s.size()) continue;
      l.shared_begin = l.begin + b;
      l.shared_end = l.begin + trim(s).size();
      l.shared_column = static_cast<std::uint32_t>(text::length(s.substr(0, b)));
      shared_lines_.push_back(k);
    }
    // the column each test starts at, counted once along each line
    first_line_.reserve(tests_.size());
    begin_column_.reserve(tests_.size());
    std::size_t at_line = lines_.size(), at = 0;
    std::uint32_t column = 0;
    for (const auto& t : tests_) {
      const std::size_t k = line_of(t.begin);
      if (k != at_line) {
        at_line = k;
        at = lines_[k].begin;
        column = 0;
      }
      column += static_cast<std::uint32_t>(text::length(std::string_view(text_).substr(at, t.begin - at)));
      at = t.begin;
      first_line_.push_back(k);
      begin_column_.push_back(column);
    }
  }

  std::size_t size() const noexcept { return tests_.size(); }

  /// The budget of test i: the lines that hold a statement outside every test
  /// before the test, the test's lines, the lines that hold one after it.
  rule_test_budget budget(std::size_t i) const {
    const test_range& t = tests_[i];
    const std::size_t first = first_line_[i], last = line_of(t.end == 0 ? 0 : t.end - 1);
    rule_test_budget out;
    auto add = [&](std::string_view piece, std::size_t k, std::uint32_t column) {
      out.text += piece;
      out.text += '\n';
      out.lines.push_back({static_cast<std::uint32_t>(k + 1), column});
    };
    auto add_shared = [&](std::size_t k) {
      const line& l = lines_[k];
      add(std::string_view(shared_).substr(l.shared_begin, l.shared_end - l.shared_begin), k, l.shared_column);
    };
    auto s = shared_lines_.begin();
    for (; s != shared_lines_.end() && *s < first; ++s) add_shared(*s);
    for (std::size_t k = first; k <= last; ++k) {
      const line& l = lines_[k];
      // the test's part of the line, and the statements outside every test on it
      std::size_t b = std::max(t.begin, l.begin), e = std::min(t.end, l.end);
      std::uint32_t column = k == first ? begin_column_[i] : 0;
      if (l.shared_end > l.shared_begin) {
        if (l.shared_begin < b) column = l.shared_column;
        b = std::min(b, l.shared_begin);
        e = std::max(e, l.shared_end);
      }
      std::string piece = shared_.substr(b, e - b);
      const std::size_t from = std::max(t.begin, b), to = std::min(t.end, e);
      if (from < to) piece.replace(from - b, to - from, text_, from, to - from);
      for (const auto& [ob, oe] : t.own)
        if (ob < e && oe > b) blank(piece, std::max(ob, b) - b, std::min(oe, e) - b);
      const std::size_t lead = skip_inline_blank(piece, 0);
      column += static_cast<std::uint32_t>(text::length(std::string_view(piece).substr(0, lead)));
      add(trim(std::string_view(piece).substr(lead)), k, column);
    }
    for (; s != shared_lines_.end(); ++s)
      if (*s > last) add_shared(*s);
    return out;
  }

private:
  struct line {
    std::size_t begin, end;                // without the line break
    std::size_t shared_begin, shared_end;  // the statements outside every test on it, or empty
    std::uint32_t shared_column;           // characters before shared_begin
  };
  /// The 0-based line of an offset.
  std::size_t line_of(std::size_t offset) const noexcept {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                               [](std::size_t o, const line& l) { return o < l.begin; });
    return static_cast<std::size_t>(it - lines_.begin()) - 1;
  }

  std::string text_, shared_;
  std::vector<test_range> tests_;
  std::vector<line> lines_;
  std::vector<std::size_t> shared_lines_;  // the lines with statements outside every test
  std::vector<std::size_t> first_line_;    // of each test
  std::vector<std::uint32_t> begin_column_;  // characters before each test on its first line
};

}  // namespace detail

}  // namespace yusuan
