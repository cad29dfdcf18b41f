// yusuan/syntax/recovery.hpp -- where reading goes on after a syntax error,
// for budget files and template files alike, and whether the line of the
// error opened a block.
#pragma once

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

}  // namespace yusuan::syntax
