// yusuan/syntax/recovery.hpp -- where reading goes on after a syntax error,
// for budget files and template files alike.
#pragma once

namespace yusuan::syntax {

/// Where to resume after a syntax error at `where` in the statement that
/// began at `stmt_begin`: the next line, unless the error sits at the first
/// token of a later line (a statement left open, then a new one: that line
/// starts afresh).  `text_begin` is the start of the text.
inline const char* resume_after_error(const char* text_begin, const char* stmt_begin, const char* where,
                                      const char* last) noexcept {
  const char* line_begin = where;
  while (line_begin > text_begin && line_begin[-1] != '\n' && line_begin[-1] != '\r') --line_begin;
  const char* q = line_begin;
  while (q < where && (*q == ' ' || *q == '\t')) ++q;
  if (q == where && line_begin > stmt_begin && where < last) return where;
  const char* p = where;
  while (p < last && *p != '\n' && *p != '\r') ++p;
  return p;
}

}  // namespace yusuan::syntax
