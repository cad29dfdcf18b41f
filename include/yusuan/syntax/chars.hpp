// yusuan/syntax/chars.hpp -- the character classes of the budget language:
// blanks, line breaks, the characters that end a word.  Spirit-free.
#pragma once

#include <yusuan/text/utf8.hpp>

#include <cstddef>
#include <cstring>

namespace yusuan::syntax::chars {

/// Blanks between tokens: ASCII white space, the ideographic space U+3000,
/// the no-break spaces U+00A0, U+2007 and U+202F (text copied from documents
/// and web pages is full of them) and the byte order mark U+FEFF.
constexpr bool is_space(char32_t c) noexcept {
  if (c <= ' ') return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return c >= 0xA0 && (c == 0xA0 || c == 0x2007 || c == 0x202F || c == 0x3000 || c == 0xFEFF);
}

/// A line ends at LF, at CR LF and at a CR alone.
constexpr bool is_line_break(char c) noexcept { return c == '\n' || c == '\r'; }

/// The end of the line of p: its line break, or `last`.
constexpr const char* line_end(const char* p, const char* last) noexcept {
  while (p < last && !is_line_break(*p)) ++p;
  return p;
}

/// The length of the no-break space at p (U+00A0, U+2007, U+202F), or 0.
constexpr std::size_t no_break_space_length(const char* p, const char* last) noexcept {
  const auto c = [&](std::ptrdiff_t i) { return static_cast<unsigned char>(p[i]); };
  if (last - p >= 2 && c(0) == 0xC2 && c(1) == 0xA0) return 2;
  if (last - p >= 3 && c(0) == 0xE2 && c(1) == 0x80 && (c(2) == 0x87 || c(2) == 0xAF)) return 3;
  return 0;
}

/// The length of the blank at p that is no line break (a space, a tab, a
/// form feed, a vertical tab, a no-break space, U+3000 or U+FEFF), or 0.
constexpr std::size_t blank_length(const char* p, const char* last) noexcept {
  if (p >= last) return 0;
  const auto c0 = static_cast<unsigned char>(*p);
  if (c0 == ' ' || c0 == '\t' || c0 == '\f' || c0 == '\v') return 1;
  if (c0 < 0x80) return 0;
  if (const std::size_t n = no_break_space_length(p, last)) return n;
  if (last - p >= 3) {
    const auto c1 = static_cast<unsigned char>(p[1]), c2 = static_cast<unsigned char>(p[2]);
    if ((c0 == 0xE3 && c1 == 0x80 && c2 == 0x80) || (c0 == 0xEF && c1 == 0xBB && c2 == 0xBF)) return 3;
  }
  return 0;
}

/// What must follow the first byte of a blank or a comment: 0 when the byte
/// starts none, 1 when it may start one whatever follows (ASCII white space
/// and control bytes, '#'), else the second byte it needs ('/' after '/';
/// A0 after C2, 80 after E2, 80 after E3, BB after EF: the blanks outside
/// ASCII).  The arrow, the quotes and the comparisons (E2 86, E2 80 9C,
/// E2 89) and all Chinese text are turned away by two loads.
struct blank_start_table {
  unsigned char next[256] = {};
  constexpr blank_start_table() {
    for (int c = 0; c <= ' '; ++c) next[c] = 1;
    next[static_cast<unsigned char>('#')] = 1;
    next[static_cast<unsigned char>('/')] = '/';
    next[0xC2] = 0xA0;
    next[0xE2] = 0x80;
    next[0xE3] = 0x80;
    next[0xEF] = 0xBB;
  }
};
inline constexpr blank_start_table blank_start{};

/// Whether a blank or a comment may start at p (p < last).  False means
/// none does; true, that one may (skip_blank decides).
constexpr bool may_start_blank(const char* p, const char* last) noexcept {
  const unsigned char n = blank_start.next[static_cast<unsigned char>(*p)];
  return n == 1 || (n != 0 && last - p >= 2 && static_cast<unsigned char>(p[1]) == n);
}

/// ASCII punctuation that ends a word.
inline constexpr char ascii_punctuation[] = "{}()[]:;,\"'=<>!+*%#/&|";

/// Characters that end a word.
constexpr bool is_punctuation(char32_t c) noexcept {
  if (c < 0x80) {
    for (const char* q = ascii_punctuation; *q; ++q)
      if (static_cast<char32_t>(*q) == c) return true;
    return false;
  }
  switch (c) {
    case 0xFF1A:  // ：
    case 0xFF1B:  // ；
    case 0xFF0C:  // ，
    case 0x3001:  // 、
    case 0x3002:  // 。
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x2192:  // →
    case 0x2260:  // ≠
    case 0x2264:  // ≤
    case 0x2265:  // ≥
    case 0xFF1D:  // ＝
    case 0xFF05:  // ％
    case 0xFF5B:  // ｛
    case 0xFF5D:  // ｝
    case 0xFF08:  // （
    case 0xFF09:  // ）
      return true;
    default: return false;
  }
}

/// Word characters of ASCII, as a table (the hot path of the lexer).
struct ascii_word_table {
  bool word[128] = {};
  constexpr ascii_word_table() {
    for (int c = 0x21; c < 0x7F; ++c) word[c] = true;
    for (const char* q = ascii_punctuation; *q; ++q) word[static_cast<unsigned char>(*q)] = false;
  }
};
inline constexpr ascii_word_table ascii{};

/// Whether the character at p continues a word.
constexpr bool word_char_at(const char* p, const char* last) noexcept {
  if (p >= last) return false;
  const auto c0 = static_cast<unsigned char>(*p);
  if (c0 < 0x80) return ascii.word[c0];
  if (c0 >= 0xE4 && c0 <= 0xE9) return true;  // U+4000–U+9FFF: CJK ideographs, never blank or punctuation
  const char* q = p;
  const char32_t c = text::decode(q, last);
  return !is_space(c) && !is_punctuation(c);
}

/// Advances past the character at p.  The text has been checked to be
/// UTF-8 before it is parsed, so the lead byte gives the length.
constexpr void next_char(const char*& p, const char* last) noexcept {
  const auto c = static_cast<unsigned char>(*p);
  const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  p = last - p < n ? last : p + n;
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// Whether `s` (of length n) is at p.
inline bool at(const char* p, const char* last, const char* s, std::size_t n) noexcept {
  return static_cast<std::size_t>(last - p) >= n && (n == 0 || *p == *s) && std::memcmp(p, s, n) == 0;
}

/// The end of the token at p, as a diagnostic names what it found there: a
/// string closed on its line, quotes included; a word or a number (a word
/// with the parentheses it may hold, a number with its point, its thousands
/// separators and a '%'); or one punctuation character.  p itself at a
/// blank, a line break or the end.
inline const char* token_end(const char* p, const char* last) noexcept {
  if (p >= last || is_line_break(*p) || *p == ' ' || *p == '\t') return p;
  const bool curly = at(p, last, "\xE2\x80\x9C", 3);  // “
  if (*p == '"' || curly) {
    const char* q = p + (curly ? 3 : 1);
    while (q < last && !is_line_break(*q)) {
      if (!curly && *q == '\\' && q + 1 < last && !is_line_break(q[1])) {
        q += 2;
        continue;
      }
      if (!curly && *q == '"') return q + 1;
      if (curly && at(q, last, "\xE2\x80\x9D", 3)) return q + 3;  // ”
      ++q;
    }
    return p + (curly ? 3 : 1);
  }
  const char* e = p;
  if (!word_char_at(e, last)) {
    next_char(e, last);
    return e;
  }
  const bool number = is_digit(*p) || (*p == '-' && p + 1 < last && is_digit(p[1]));
  while (e < last) {
    if (word_char_at(e, last)) {
      next_char(e, last);
    } else if (number && *e == ',' && e + 1 < last && is_digit(e[1])) {
      ++e;
    } else if (number && (*e == '%' || at(e, last, "\xEF\xBC\x85", 3))) {  // % or ％
      return e + (*e == '%' ? 1 : 3);
    } else if (*e == '(' || at(e, last, "\xEF\xBC\x88", 3)) {  // a parenthesis a word holds: (护) or （护）
      const char* q = e + (*e == '(' ? 1 : 3);
      const char* inner = q;
      while (word_char_at(q, last)) next_char(q, last);
      if (q == inner || !(q < last && (*q == ')' || at(q, last, "\xEF\xBC\x89", 3)))) break;
      e = q + (*q == ')' ? 1 : 3);
    } else {
      break;
    }
  }
  return e;
}

/// Skips blanks and comments (# … and // … to the end of the line).
constexpr void skip_blank(const char*& first, const char* last) noexcept {
  const char* p = first;
  while (p < last) {
    const auto c0 = static_cast<unsigned char>(*p);
    if (c0 == ' ' || c0 == '\n' || c0 == '\t' || c0 == '\r' || c0 == '\f' || c0 == '\v') {
      ++p;
      continue;
    }
    if (c0 == '#' || (c0 == '/' && p + 1 < last && p[1] == '/')) {
      while (p < last && !is_line_break(*p)) ++p;
      continue;
    }
    if (c0 < 0x80 || !may_start_blank(p, last)) break;
    if (const std::size_t n = blank_length(p, last)) {  // the blanks outside ASCII
      p += n;
      continue;
    }
    break;
  }
  first = p;
}

}  // namespace yusuan::syntax::chars
