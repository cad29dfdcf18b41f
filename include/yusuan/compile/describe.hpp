// yusuan/compile/describe.hpp -- how diagnostics show amounts and items.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/mistyped.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/missing_braces.hpp>
#include <yusuan/syntax/keywords.hpp>
#include <yusuan/syntax/parser.hpp>
#include <yusuan/text/suggest.hpp>
#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::compile {

/// An amount in `u` with as many decimals as it takes to show it exactly (at
/// least two): 38.385 万元 is "38.385", not "38.39".
inline std::string exact_text(money m, unit u, bool thousands = false) {
  return m.format(u, decimals_to_show(m.fen(), u), thousands);
}

/// An amount with its sign: +1.00, -0.10, 0.00.
inline std::string signed_text(money m, unit u, bool thousands = false) {
  return (m.sign() > 0 ? "+" : "") + exact_text(m, u, thousands);
}
/// The same for an exact difference of two amounts (every decimal it takes).
inline std::string signed_text(int128 fen, unit u, bool thousands = false) {
  if (fen.fits_int64()) return signed_text(money::from_fen(static_cast<std::int64_t>(fen)), u, thousands);
  return (fen > 0 ? "+" : "") + format_fen(fen, u, exact_decimals(u), thousands);
}

/// An item as a diagnostic names it: its codes and its project.
inline std::string describe(const detail::budget_data& d, const item& it) {
  std::string s;
  if (it.function) s += it.function.spaced();
  if (it.econ) s += (s.empty() ? "" : " ") + it.econ.str();
  if (it.gov_econ) s += (s.empty() ? "" : " → ") + it.gov_econ.str();
  if (it.project != npos32) s += (s.empty() ? "" : " ") + d.projects[it.project].name;
  return s.empty() ? "item" : s;
}

/// Notes listing the items [from, to) that made up a sum (at most 10).
inline void add_item_notes(diagnostic& diag, const detail::budget_data& d, std::size_t from, std::size_t to, unit u) {
  const std::size_t total = to > from ? to - from : 0;
  const std::size_t shown = total < 10 ? total : 10;
  for (std::size_t i = from; i < from + shown; ++i) {
    const auto& it = d.items[i];
    diag.notes.push_back({describe(d, it) + " " + exact_text(it.amount, u), {d.sources[it.file].get(), it.offset, 1}});
  }
  if (total > shown) diag.notes.push_back({"and " + std::to_string(total - shown) + " more items", {}});
}

/// What a syntax error found at `w`: the token there (a word, a number, a
/// string or one punctuation character, syntax::chars::token_end), quoted
/// and cut after 12 characters, or `end` at the end of the text.
inline std::string found_at(const char* w, const char* last, const char* end = "the end of the file") {
  if (w >= last) return end;
  const char* token = syntax::chars::token_end(w, last);
  if (token == w) return "the end of the line";
  const char* e = w;
  for (int chars = 0; e < token && chars < 12; ++chars) syntax::chars::next_char(e, token);
  return "'" + std::string(w, e) + (e < token ? "…'" : "'");
}

/// The ASCII spelling of the run of full-width digits (and single blanks
/// between groups of them) at `w`, or "" when `w` is not at one: a code
/// such as ２０８ ０１ ０９, which must be written in ASCII digits.
inline std::string ascii_digits_at(const char* w, const char* last) {
  auto full_width_digit = [&](const char* p) {
    return last - p >= 3 && p[0] == '\xEF' && p[1] == '\xBC' && static_cast<unsigned char>(p[2]) >= 0x90 &&
           static_cast<unsigned char>(p[2]) <= 0x99;
  };
  std::string ascii;
  const char* p = w;
  while (full_width_digit(p)) {
    ascii += static_cast<char>('0' + (static_cast<unsigned char>(p[2]) - 0x90));
    p += 3;
    if (p < last && *p == ' ' && full_width_digit(p + 1)) {
      ascii += ' ';
      ++p;
    }
  }
  // a whole token: ２０８元 is not a code
  return ascii.empty() || syntax::chars::word_char_at(p, last) ? std::string() : ascii;
}

/// "1.00万元" when `w` is at a unit of amounts (元, 万元, 亿元) that follows
/// an amount and a blank on its line, as in `= 1.00 万元`; else "".
inline std::string unit_after_a_blank(const char* begin, const char* w, const char* last) {
  const char* e = syntax::chars::token_end(w, last);
  const std::string_view unit(w, static_cast<std::size_t>(e - w));
  if (unit != "元" && unit != "万元" && unit != "亿元") return {};
  if (begin > w) return {};
  const char* b = w;
  while (b > begin && (b[-1] == ' ' || b[-1] == '\t')) --b;
  if (b == w) return {};
  const char* n = b;
  while (n > begin && (syntax::chars::is_digit(n[-1]) || n[-1] == '.' || n[-1] == ',')) --n;
  if (n == b || !syntax::chars::is_digit(b[-1])) return {};
  return std::string(n, b) + std::string(unit);
}

/// Whether the syntax error is a quote not closed on its line (the error
/// is at the quote).
inline bool string_not_closed(const syntax::syntax_error& err) {
  return err.nesting_limit == 0 && err.name_length == 0 &&
         (err.expected == syntax::closing_quote || err.expected == syntax::closing_curly_quote);
}

/// Reports a block whose '}' is most likely missing before a line, or a '}'
/// most likely one too many (E0103, syntax/missing_braces.hpp), in the
/// reporter's file.
inline void report_missing_brace(reporter& rep, const syntax::missing_brace& m) {
  if (m.extra) {
    auto& d = rep.error("E0103", "unexpected '}'", rep.span_at(m.before, *m.before == '}' ? 1 : 3),
                        "indented deeper than the line that opens the block it would close");
    d.notes.push_back({"the block it would close opens here: is this '}' one too many, or is a '{' missing above it?",
                       rep.span_at(m.opener)});
    return;
  }
  const auto before = rep.span_at(m.before);
  auto& d = rep.error("E0103", "unclosed '{'", rep.span_at(m.opener), "this block is not closed");
  d.notes.push_back({"its '}' is most likely missing before line " + std::to_string(resolve(before).line) +
                         ", which is indented no deeper than the line that opens the block",
                     before});
}

/// The innermost '(' or '（' not closed between `first` and `where`, strings
/// and comments passed over; nullptr when every one is closed.
inline const char* unclosed_paren(const char* first, const char* where) noexcept {
  std::vector<const char*> open;
  const char* p = first;
  while (p < where) {
    if (*p == '#' || syntax::chars::at(p, where, "//", 2)) {
      while (p < where && !syntax::chars::is_line_break(*p)) ++p;
      continue;
    }
    if (*p == '"' || syntax::chars::at(p, where, "\xE2\x80\x9C", 3)) {  // a string closed on its line
      p = std::max(syntax::chars::token_end(p, where), p + 1);
      continue;
    }
    if (*p == '(' || syntax::chars::at(p, where, "\xEF\xBC\x88", 3)) open.push_back(p);  // ( or （
    else if ((*p == ')' || syntax::chars::at(p, where, "\xEF\xBC\x89", 3)) && !open.empty()) open.pop_back();
    syntax::chars::next_char(p, where);
  }
  return open.empty() ? nullptr : open.back();
}

/// The statement keywords closest to the word at `w`, in its script (核队
/// for 核对, mesure for measure): what a line that starts no statement most
/// likely meant.
inline std::vector<std::string> statement_keywords_near(const char* w, const char* last) {
  if (w >= last || syntax::chars::is_digit(*w)) return {};
  const char* e = syntax::chars::token_end(w, last);
  const std::string_view word(w, static_cast<std::size_t>(e - w));
  if (text::length(word) < 2) return {};  // 年, 项: too short to tell a misspelling
  const char* after = e;
  syntax::chars::skip_blank(after, last);
  if (after < last && (*after == ':' || syntax::chars::at(after, last, "\xEF\xBC\x9A", 3))) return {};  // a key: a row
  const bool ascii = static_cast<unsigned char>(*w) < 0x80;
  std::vector<std::string> spellings;
  for (const auto k : syntax::statement_keywords) {
    const auto& s = syntax::spelling(k);
    for (const std::string_view sp : ascii ? std::array{s.en, s.en2} : std::array{s.zh, s.zh2})
      if (!sp.empty()) spellings.emplace_back(sp);
  }
  return text::closest_names(word, spellings);
}

/// Reports a statement or query that did not parse: E0101, or E0715 for
/// expressions and filters nested past the limit.
/// `statement`, where the statement began: a ')' expected is traced to the
/// '(' it would close.
inline void report_syntax_error(reporter& rep, const syntax::syntax_error& err, const char* last,
                                const char* statement = nullptr) {
  if (!rep.keeps(severity::error)) {  // past the limit: counted, its words not looked into (nor for a likely keyword)
    rep.error(err.nesting_limit != 0 ? "E0715" : err.name_length != 0 ? "E0717" : "E0101", "syntax error",
              rep.span_at(err.where, 1));
    return;
  }
  if (err.nesting_limit != 0) {
    const std::string limit = std::to_string(err.nesting_limit);
    auto& d = rep.error("E0715", "expression nested too deeply", rep.span_at(err.where, 1),
                        "level " + std::to_string(err.nesting_limit + 1) + ": parentheses, 占比, 增幅 and 合计 nest at most " +
                            limit + " deep");
    d.expected = "at most " + limit + " levels";
    d.found = "a level more: " + found_at(err.where, last);
    return;
  }
  if (err.name_length != 0) {
    const std::string limit = std::to_string(syntax::max_name_length);
    auto& d = rep.error("E0717", "name or string too long", rep.span_at(err.where, 1),
                        std::to_string(err.name_length) + " bytes: a name or a string has at most " + limit + " bytes");
    d.expected = "at most " + limit + " bytes";
    d.found = std::to_string(err.name_length) + " bytes";
    return;
  }
  // 当单位类型 = 行政 after a constraint: 当 glued to its condition reads as
  // a word that starts a statement of its own (a tag, then an item)
  if (statement && rep.file() && syntax::chars::at(statement, last, "\xE5\xBD\x93", 3) &&
      syntax::chars::word_char_at(statement + 3, last)) {
    const char* begin = rep.file()->text().data();
    const char* q = statement;
    while (q > begin && (q[-1] == ' ' || q[-1] == '\t')) --q;
    if (q > begin && !syntax::chars::is_line_break(q[-1])) {  // after a statement on its line
      const char* e = syntax::chars::token_end(statement, last);
      auto& d = rep.error("E0101", "syntax error: expected a blank after 当", rep.span_at(statement, 3),
                          "write 当 " + std::string(statement + 3, e));
      d.expected = "当 and a condition";
      d.found = "'" + std::string(statement, e) + "'";
      return;
    }
  }
  if (string_not_closed(err)) {
    const bool curly = err.expected == syntax::closing_curly_quote;
    auto& d = rep.error("E0101", "string not closed", rep.span_at(err.where, curly ? 3 : 1));
    d.expected = err.expected;
    d.found = "the end of the line";
    // "…” or “…": the other kind of quote closes no string (when it is the
    // one such quote on the rest of the line, and no “ opens a quotation
    // inside: "说明：“无”。 lacks its '"', the ” is the quotation's)
    const std::string_view other = curly ? "\"" : "\xE2\x80\x9D";
    const char* close = nullptr;
    std::size_t closers = 0, openers = 0;
    for (const char* p = err.where + (curly ? 3 : 1); p < last && !syntax::chars::is_line_break(*p); ++p) {
      if (syntax::chars::at(p, last, other.data(), other.size())) {
        if (!close) close = p;
        ++closers;
      }
      if (!curly && syntax::chars::at(p, last, "\xE2\x80\x9C", 3)) ++openers;
    }
    if (close && closers == 1 && openers == 0) {
      d.notes.push_back({std::string("a string opened with ") + (curly ? "'“'" : "'\"'") + " is closed with " +
                             (curly ? "'”'" : "'\"'") + ", not with " + (curly ? "'\"'" : "'”'"),
                         rep.span_at(close, other.size())});
      return;
    }
    d.notes.push_back({std::string("a string is written on one line: close it with ") + (curly ? "'”'" : "'\"'") +
                           " on the line it starts",
                       {}});
    return;
  }
  // a word the statement lacks at the end of its line (the unit of a count,
  // a name, a target's value): at the end of that line, not at the next
  // line's first word, which the statement may not take
  // (so is the '{' that opens a statement's block: its rows are on the next
  // lines, and the ':' of a row: the next row or the '}' follows)
  if (statement && statement < err.where &&
      (err.expected.ends_with("line") || err.expected.starts_with("'{'") || err.expected == "':'")) {
    const char* p = err.where;
    // back over blanks, line breaks and comments, to the statement's last token
    for (;;) {
      while (p > statement && (p[-1] == ' ' || p[-1] == '\t' || syntax::chars::is_line_break(p[-1]))) --p;
      const char* line = p;
      while (line > statement && !syntax::chars::is_line_break(line[-1])) --line;
      const char* comment = nullptr;
      bool in_string = false;
      for (const char* q = line; q < p && !comment; ++q) {
        if (*q == '"') in_string = !in_string;
        else if (!in_string && (*q == '#' || (*q == '/' && q + 1 < p && q[1] == '/'))) comment = q;
      }
      if (!comment) break;
      p = comment;
    }
    if (std::find_if(p, err.where, [](char c) { return syntax::chars::is_line_break(c); }) != err.where) {
      auto& d = rep.error("E0101", "syntax error: expected " + err.expected, rep.span_at(p, 1));
      d.expected = err.expected;
      d.found = "the end of the line";
      return;
    }
  }
  // a statement cut short by the end of the file: at its end (the line
  // after it, which the file may not even have, is no place to show)
  const char* at = err.where;
  if (statement && statement < at && at >= last)
    while (at > statement && (at[-1] == ' ' || at[-1] == '\t' || syntax::chars::is_line_break(at[-1]))) --at;
  auto& d = rep.error("E0101", "syntax error: expected " + err.expected, rep.span_at(at, 1));
  d.expected = err.expected;
  d.found = found_at(err.where, last);
  if (rep.file())
    for (auto& note : mistyped_notes(rep.file()->text().data(), err.where, last)) d.notes.push_back({std::move(note), {}});
  // (only for the first word of a statement: a word after others is no keyword misspelt)
  if (err.expected == "a statement" && statement == err.where)
    if (const auto near = statement_keywords_near(err.where, last); !near.empty())
      d.notes.push_back({"did you mean " + text::quoted_list(near) + "?", {}});
  if (err.expected == "an amount" && (*err.where == '=' || syntax::chars::at(err.where, last, "\xEF\xBC\x9D", 3)))
    d.notes.push_back({"the amount follows the name without '=': 上年 支出合计 9.00 (or with ':')", {}});
  if (const std::string unit = unit_after_a_blank(rep.file() ? rep.file()->text().data() : err.where, err.where, last);
      !unit.empty())
    d.notes.push_back({"a unit is written right after its amount, without a blank: " + unit, {}});
  if (const std::string ascii = ascii_digits_at(err.where, last); !ascii.empty())
    d.notes.push_back({"codes are written in ASCII digits: " + ascii +
                           " (full-width digits are read only in amounts, percentages and counts)",
                       {}});
  if (statement && statement < err.where && err.expected.starts_with("')'"))
    if (const char* open = unclosed_paren(statement, err.where))
      d.notes.push_back({"this parenthesis is not closed", rep.span_at(open, *open == '(' ? 1 : 3)});
}

}  // namespace yusuan::compile
