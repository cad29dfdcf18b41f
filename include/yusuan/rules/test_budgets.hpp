// yusuan/rules/test_budgets.hpp -- the budget each test of a file of tests
// of rules is compiled as: the test's own lines and the statements outside
// every test, each line taken as it is in the file, the other tests and the
// test's own 测试, 规则 and 应 lines and closing brace blanked.
//
// Built when a test is run, from one copy of the file's text: a file of
// thousands of tests (or of thousands of tests on one line) takes time and
// memory in proportion to its size, plus its shared statements once per
// test.  A line keeps only what lies between its first and last character
// that says something (not blank, a separator or a comment); where it came
// from in the file (line_origin) puts each diagnostic at the file's line and
// column.
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
  if (p >= 2 && inline_blank_at(s, p - 2) == 2) return 2;  // U+00A0
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

/// [begin, end) of what says something in a line: past blanks, statement
/// separators (; ；) and a comment (# or // outside a string, to the end of
/// the line); begin == end when nothing does.
inline std::pair<std::size_t, std::size_t> significant_extent(std::string_view l) noexcept {
  std::size_t begin = l.size(), end = 0;
  for (std::size_t p = 0; p < l.size();) {
    if (const std::size_t n = inline_blank_at(l, p)) {
      p += n;
      continue;
    }
    if (l[p] == ';' || l.compare(p, 3, "；") == 0) {
      p += l[p] == ';' ? 1 : 3;
      continue;
    }
    if (l[p] == '#' || l.compare(p, 2, "//") == 0) break;
    const std::size_t start = p;
    if (l[p] == '"') {  // "…" with \" and \\ escapes
      for (++p; p < l.size() && l[p] != '"'; ++p)
        if (l[p] == '\\') ++p;
      p = std::min(p + 1, l.size());
    } else if (l.compare(p, 3, "“") == 0) {
      const std::size_t e = l.find("”", p + 3);
      p = e == std::string_view::npos ? l.size() : e + 3;
    } else {
      const char* q = l.data() + p;
      syntax::chars::next_char(q, l.data() + l.size());
      p = static_cast<std::size_t>(q - l.data());
    }
    begin = std::min(begin, start);
    end = p;
  }
  return begin < end ? std::pair{begin, end} : std::pair{end, end};
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
    const auto starts = line_starts(text_);
    for (std::size_t k = 0; k < starts.size(); ++k) {
      std::size_t end = k + 1 < starts.size() ? starts[k + 1] : text_.size();
      while (end > starts[k] && syntax::chars::is_line_break(text_[end - 1])) --end;  // without its line break
      lines_.push_back({starts[k], end, 0, 0, 0});
    }
    for (const auto& t : tests_) blank(shared_, t.begin, t.end);
    for (std::size_t k = 0; k < lines_.size(); ++k) {  // what is left of each line: statements outside every test
      line& l = lines_[k];
      const auto [b, e] = significant_extent(std::string_view(shared_).substr(l.begin, l.end - l.begin));
      if (b == e) continue;
      l.shared_begin = l.begin + b;
      l.shared_end = l.begin + e;
      l.shared_column = static_cast<std::uint32_t>(text::length(std::string_view(text_).substr(l.begin, b)));
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
      add(piece(l.shared_begin, l.shared_end, nullptr), k, l.shared_column);
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
      const std::string p = piece(b, e, &t);
      const std::size_t lead = skip_inline_blank(p, 0);
      column += static_cast<std::uint32_t>(text::length(std::string_view(p).substr(0, lead)));
      add(trim(std::string_view(p).substr(lead)), k, column);
    }
    for (; s != shared_lines_.end(); ++s)
      if (*s > last) add_shared(*s);
    return out;
  }

private:
  /// [b, e) of the text (within a line) with the tests other than t, and t's
  /// own lines, blanked: a space for each character, so that the piece has
  /// as many characters as the file's text (the columns are the file's).
  std::string piece(std::size_t b, std::size_t e, const test_range* t) const {
    std::string out;
    out.reserve(e - b);
    auto own = t ? t->own.begin() : std::vector<std::pair<std::size_t, std::size_t>>::const_iterator();
    for (std::size_t p = b; p < e;) {
      const char* q = text_.data() + p;
      syntax::chars::next_char(q, text_.data() + e);
      const std::size_t n = static_cast<std::size_t>(q - (text_.data() + p));
      bool blanked;
      if (t && p >= t->begin && p < t->end) {
        while (own != t->own.end() && own->second <= p) ++own;
        blanked = own != t->own.end() && own->first <= p;
      } else {
        blanked = shared_.compare(p, n, text_, p, n) != 0;  // in another test
      }
      if (blanked) out += ' ';
      else out.append(text_, p, n);
      p += n;
    }
    return out;
  }

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
