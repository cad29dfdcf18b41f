// yusuan/syntax/recovery.hpp -- where reading goes on after a syntax error,
// for budget files and template files alike, and whether the line of the
// error opened a block.
#pragma once

#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/keywords.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace yusuan::syntax {

/// Where to resume after a syntax error at `where` in the statement that
/// began at `stmt_begin`: the next line, unless the error sits at the first
/// token of a later line (a statement left open, then a new one: that line
/// starts afresh) and `may_restart` (false for an error that the line
/// itself would give again, such as a string not closed).  `text_begin` is
/// the start of the text.
inline const char* resume_after_error(const char* text_begin, const char* stmt_begin, const char* where,
                                      const char* last, bool may_restart = true) noexcept {
  const char* line_begin = where;
  while (line_begin > text_begin && line_begin[-1] != '\n' && line_begin[-1] != '\r') --line_begin;
  const char* q = line_begin;
  while (q < where && (*q == ' ' || *q == '\t')) ++q;
  if (may_restart && q == where && line_begin > stmt_begin && where < last) return where;
  const char* p = where;
  while (p < last && *p != '\n' && *p != '\r') ++p;
  return p;
}

/// The first '}' (or '｝') after a syntax error at `where`, on its line,
/// that closes a block opened before the statement at `stmt_begin` (one it
/// did not open itself between `stmt_begin` and there), or nullptr.  A block
/// written on one line (`基本支出 { 人员经费 { 30101 10.00 } }`) closes at
/// it: the rest of the line is not passed over with the error.  Strings and
/// comments are passed over; a quote not closed on the line is read as text.
inline const char* enclosing_close_after(const char* stmt_begin, const char* where, const char* last) noexcept {
  const char* end = where;
  while (end < last && *end != '\n' && *end != '\r') ++end;
  int depth = 0;
  for (const char* p = stmt_begin; p < end;) {
    const char c = *p;
    const auto at = [&](const char* s) {
      for (int i = 0; s[i]; ++i)
        if (p + i >= end || p[i] != s[i]) return false;
      return true;
    };
    if (c == '#' || at("//")) {  // a comment: to its line's end
      while (p < end && *p != '\n' && *p != '\r') ++p;
    } else if (c == '"' || at("\xE2\x80\x9C")) {  // a string, to its close on the line
      const bool curly = c != '"';
      const char* q = p + (curly ? 3 : 1);
      bool closed = false;
      while (q < end && !closed) {
        if (!curly && *q == '\\' && q + 1 < end) {
          q += 2;
        } else if (!curly && *q == '"') {
          q += 1;
          closed = true;
        } else if (curly && end - q >= 3 && q[0] == '\xE2' && q[1] == '\x80' && q[2] == '\x9D') {  // ”
          q += 3;
          closed = true;
        } else {
          ++q;
        }
      }
      // a quote not closed on its line is read as text, as line_opens_block
      // reads it: `备注="甲 }` most likely lost its closing quote before the '}'
      p = closed ? q : p + (curly ? 3 : 1);
    } else if (c == '{' || at("\xEF\xBD\x9B")) {  // { or ｛
      ++depth;
      p += c == '{' ? 1 : 3;
    } else if (c == '}' || at("\xEF\xBD\x9D")) {  // } or ｝
      if (depth == 0 && p >= where) return p;
      if (depth > 0) --depth;
      p += c == '}' ? 1 : 3;
    } else {
      ++p;
    }
  }
  return nullptr;
}

/// Whether the line of `where` ends by opening a block: its last token
/// before any comment is '{' or '｛'.  A string closed on the line is passed
/// over; a quote that is not closed is read as text, so that the line
/// `项目 "甲 {` still opens its block.  After a syntax error on such a line,
/// the compiler keeps the block, so that its '}' closes it.
inline bool line_opens_block(const char* text_begin, const char* where, const char* last) noexcept {
  const char* p = where;
  while (p > text_begin && p[-1] != '\n' && p[-1] != '\r') --p;
  auto at = [&](const char* s, int n) {
    if (last - p < n) return false;
    for (int i = 0; i < n; ++i)
      if (p[i] != s[i]) return false;
    return true;
  };
  bool opens = false;
  while (p < last && *p != '\n' && *p != '\r') {
    const char c = *p;
    if (c == '#' || at("//", 2)) break;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++p;
    } else if (at("\xE3\x80\x80", 3)) {  // the ideographic space
      p += 3;
    } else if (c == '{' || at("\xEF\xBD\x9B", 3)) {  // { or ｛
      opens = true;
      p += c == '{' ? 1 : 3;
    } else if (c == '"' || at("\xE2\x80\x9C", 3)) {  // a string, if it is closed on the line
      const bool curly = c != '"';
      const char* q = p + (curly ? 3 : 1);
      while (q < last && *q != '\n' && *q != '\r') {
        if (!curly && *q == '\\' && q + 1 < last && q[1] != '\n' && q[1] != '\r') {
          q += 2;
          continue;
        }
        if (!curly && *q == '"') break;
        if (curly && last - q >= 3 && q[0] == '\xE2' && q[1] == '\x80' && q[2] == '\x9D') break;  // ”
        ++q;
      }
      opens = false;
      if (q < last && *q != '\n' && *q != '\r') p = q + (curly ? 3 : 1);
      else p += curly ? 3 : 1;
    } else {
      opens = false;
      ++p;
    }
  }
  return opens;
}

/// Whether a syntax error at `where` is inside the block its statement opened
/// on its first line (the rows of `核对 … 按 … {`): the error is on a later
/// line than `stmt_begin`, the statement's first line ends by opening a block,
/// and no '}' follows the error on its line.
inline bool inside_block_of(const char* text_begin, const char* stmt_begin, const char* where,
                            const char* last) noexcept {
  const char* p = stmt_begin;
  while (p < where && !chars::is_line_break(*p)) ++p;
  if (p >= where || !line_opens_block(text_begin, stmt_begin, last)) return false;
  for (const char* q = where; q < last && !chars::is_line_break(*q);) {
    if (*q == '#' || chars::at(q, last, "//", 2)) break;
    if (*q == '"' || chars::at(q, last, "\xE2\x80\x9C", 3)) {
      const char* e = chars::token_end(q, last);
      if (e == q + (*q == '"' ? 1 : 3)) break;  // a string not closed: the rest of the line is in it
      q = e;
      continue;
    }
    if (*q == '}' || chars::at(q, last, "\xEF\xBD\x9D", 3)) return false;
    chars::next_char(q, last);
  }
  return true;
}

/// Past the '}' (or '｝') at `where`, when it closes the block that the
/// statement at `stmt_begin` opens on its first line and `where` is on a
/// later line; else nullptr.
inline const char* closing_own_block(const char* text_begin, const char* stmt_begin, const char* where,
                                     const char* last) noexcept {
  if (where >= last || !(*where == '}' || chars::at(where, last, "\xEF\xBD\x9D", 3))) return nullptr;
  const char* p = stmt_begin;
  while (p < where && !chars::is_line_break(*p)) ++p;
  if (p >= where || !line_opens_block(text_begin, stmt_begin, last)) return nullptr;
  return where + (*where == '}' ? 1 : 3);
}

/// The blanks (spaces and tabs) that begin the line of `p`, up to `p`.
inline std::string_view indentation_of(const char* text_begin, const char* p) noexcept {
  const char* line = p;
  while (line > text_begin && !chars::is_line_break(line[-1])) --line;
  const char* e = line;
  while (e < p && (*e == ' ' || *e == '\t')) ++e;
  return std::string_view(line, static_cast<std::size_t>(e - line));
}

/// Whether the line of `a` is indented deeper than the line of `b`: the
/// blanks before it are those of b's line and more.
inline bool indented_deeper(const char* text_begin, const char* a, const char* b) noexcept {
  const std::string_view ia = indentation_of(text_begin, a), ib = indentation_of(text_begin, b);
  return ia.size() > ib.size() && ia.substr(0, ib.size()) == ib;
}

/// The '}' that closes the rows of a block whose '{' the statement at
/// `stmt_begin` lacks (`核对 合计 按 经济`, then its rows, then '}'), or
/// nullptr: `where` starts a line indented deeper than the statement, and
/// the first line after it that is not blank, a comment or indented deeper
/// is at the statement's indentation and starts with '}' or '｝'.
inline const char* brace_closing_rows(const char* text_begin, const char* stmt_begin, const char* where,
                                      const char* last) noexcept {
  if (where >= last || !indented_deeper(text_begin, where, stmt_begin)) return nullptr;
  const std::string_view indent = indentation_of(text_begin, stmt_begin);
  const char* p = where;
  for (;;) {
    p = chars::line_end(p, last);
    while (p < last && chars::is_line_break(*p)) ++p;
    if (p >= last) return nullptr;
    const char* q = p;
    while (q < last && (*q == ' ' || *q == '\t')) ++q;
    if (q == last || chars::is_line_break(*q) || *q == '#' || chars::at(q, last, "//", 2)) continue;
    if (indented_deeper(text_begin, q, stmt_begin)) continue;
    if (indentation_of(text_begin, q) != indent) return nullptr;
    return *q == '}' || chars::at(q, last, "\xEF\xBD\x9D", 3) ? q : nullptr;
  }
}

/// What a statement that did not parse may have declared: for a line that
/// starts with 项目 (project), the name after the keyword (a string's text,
/// or a word) and the code after 编码 (code) on the line; for one that
/// starts with 单位 (unit), its code and the name after it.
/// The compiler does not report these names as unknown where they are used:
/// the syntax error is the one to fix.
inline std::vector<std::string> names_declared_by(const char* stmt_begin, const char* last) {
  std::vector<std::string> out;
  const char* p = stmt_begin;
  const auto blanks = [&] {
    while (p < last && (*p == ' ' || *p == '\t' || chars::at(p, last, "\xE3\x80\x80", 3))) p += *p == '\xE3' ? 3 : 1;
  };
  const auto next_token = [&]() -> std::string_view {
    blanks();
    const char* e = chars::token_end(p, last);
    const std::string_view t(p, static_cast<std::size_t>(e - p));
    p = e;
    return t;
  };
  const auto is = [](std::string_view t, keyword k) {
    const auto& s = spelling(k);
    return !t.empty() && (t == s.zh || t == s.en || (!s.zh2.empty() && t == s.zh2) || (!s.en2.empty() && t == s.en2));
  };
  const auto text_of = [](std::string_view t) {
    const bool curly = t.starts_with("\xE2\x80\x9C");  // “…”
    if (curly && t.size() >= 6 && t.ends_with("\xE2\x80\x9D")) return std::string(t.substr(3, t.size() - 6));
    if (t.size() < 2 || t.front() != '"' || t.back() != '"') return std::string(t);
    std::string r;
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
      if (t[i] == '\\' && i + 2 < t.size()) ++i;
      r += t[i];
    }
    return r;
  };
  const std::string_view first = next_token();
  const bool unit = is(first, keyword::unit);
  if (!is(first, keyword::project) && !unit) return out;
  const auto quote = [](std::string_view t) { return t == "\"" || t == "\xE2\x80\x9C"; };
  const std::string_view name = next_token();
  if (quote(name)) return out;  // a string not closed: the rest of the line is in it
  if (!name.empty() && name != "{") out.push_back(text_of(name));
  if (unit) {  // 单位 CODE "NAME"
    const char* at = p;
    const std::string_view unit_name = next_token();
    if (quote(unit_name)) return out;
    if (unit_name.size() >= 2 && (unit_name.front() == '"' || unit_name.starts_with("\xE2\x80\x9C")))
      out.push_back(text_of(unit_name));
    else p = at;
  }
  while (p < last && !chars::is_line_break(*p)) {
    const std::string_view t = next_token();
    if (t.empty()) break;
    if (t == "#" || t == "/") break;
    if (is(t, keyword::code)) {
      if (const auto code = next_token(); !code.empty() && chars::is_digit(code.front())) out.push_back(std::string(code));
      break;
    }
  }
  return out;
}

}  // namespace yusuan::syntax
