// yusuan/text/utf8.hpp -- the one UTF-8 decoder of yusuan.
//
// Budget files, names and table cells are UTF-8.  Decoding is strict: an
// overlong form, a surrogate (U+D800–U+DFFF), a code point above U+10FFFF, a
// stray continuation byte or a truncated sequence is invalid, decodes as
// U+FFFD and advances by one byte.  The grammar, the compiler, the
// diagnostics and the tables all decode through these functions.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace yusuan::text {

inline constexpr char32_t replacement_character = 0xFFFD;

/// Decodes the code point at `p` (p < last) and advances `p` past it.
/// Invalid input decodes as U+FFFD and advances one byte.
constexpr char32_t decode(const char*& p, const char* last) noexcept {
  const auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) {
    ++p;
    return c;
  }
  const auto avail = last - p;
  auto cont = [&](std::ptrdiff_t k) -> int {
    if (k >= avail) return -1;
    const auto b = static_cast<unsigned char>(p[k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (c >= 0xC2 && c <= 0xDF) {
    const int b1 = cont(1);
    if (b1 >= 0) {
      p += 2;
      return static_cast<char32_t>(((c & 0x1F) << 6) | b1);
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    const int b1 = cont(1), b2 = cont(2);
    if (b1 >= 0 && b2 >= 0) {
      const auto cp = static_cast<char32_t>(((c & 0x0F) << 12) | (b1 << 6) | b2);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        p += 3;
        return cp;
      }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    const int b1 = cont(1), b2 = cont(2), b3 = cont(3);
    if (b1 >= 0 && b2 >= 0 && b3 >= 0) {
      const auto cp = static_cast<char32_t>(((c & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3);
      if (cp >= 0x10000 && cp <= 0x10FFFF) {
        p += 4;
        return cp;
      }
    }
  }
  ++p;
  return replacement_character;
}

/// Decodes the code point at s[i] and advances i past it.
constexpr char32_t decode(std::string_view s, std::size_t& i) noexcept {
  const char* p = s.data() + i;
  const char32_t c = decode(p, s.data() + s.size());
  i = static_cast<std::size_t>(p - s.data());
  return c;
}

/// Byte length of a valid sequence starting at `p`, or 0 when invalid.
constexpr std::size_t sequence_length(const char* p, const char* last) noexcept {
  const char* q = p;
  const char32_t c = decode(q, last);
  if (c == replacement_character && !(q - p == 3 && static_cast<unsigned char>(p[0]) == 0xEF)) return 0;
  return static_cast<std::size_t>(q - p);
}

/// Offset of the first byte that is not valid UTF-8, or npos.
constexpr std::size_t first_invalid(std::string_view s) noexcept {
  const char* const b = s.data();
  const char* const e = b + s.size();
  const char* p = b;
  while (p < e) {
    // ASCII eight bytes at a time, up to the first byte that is not
    while (e - p >= 8) {
      std::uint64_t w = 0;
      for (int k = 0; k < 8; ++k) w |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
      if (const std::uint64_t high = w & 0x8080808080808080ULL) {
        p += std::countr_zero(high) / 8;
        break;
      }
      p += 8;
    }
    if (p == e) break;
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      ++p;
      continue;
    }
    // the common case, Chinese text: a lead byte E1–EC or EE–EF and two
    // continuation bytes is always valid (E0 and ED have ranges of their own)
    if (e - p >= 3 && c >= 0xE1 && c <= 0xEF && c != 0xED && (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(p[2]) & 0xC0) == 0x80) {
      p += 3;
      continue;
    }
    const std::size_t n = sequence_length(p, e);
    if (n == 0) return static_cast<std::size_t>(p - b);
    p += n;
  }
  return std::string_view::npos;
}

/// Number of code points.
constexpr std::size_t length(std::string_view s) noexcept {
  std::size_t n = 0;
  const char* p = s.data();
  const char* const e = p + s.size();
  while (p < e) {
    decode(p, e);
    ++n;
  }
  return n;
}

/// Appends a code point as UTF-8.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace yusuan::text
