// yusuan/text/width.hpp -- terminal columns of UTF-8 text, for aligned tables
// and carets under CJK source lines.
#pragma once

#include <yusuan/text/utf8.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace yusuan::text {

/// Terminal columns of a code point: 2 for East Asian wide and fullwidth
/// characters, 0 for combining marks and zero-width characters, 1 otherwise.
constexpr int width(char32_t cp) noexcept {
  if (cp == 0) return 0;
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
      (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

/// Display width of a UTF-8 string.
constexpr std::size_t display_width(std::string_view s) noexcept {
  std::size_t w = 0;
  const char* p = s.data();
  const char* const e = p + s.size();
  while (p < e) w += static_cast<std::size_t>(width(decode(p, e)));
  return w;
}

/// Pads `s` with spaces to `columns` display columns (left-aligned, or
/// right-aligned when `right`).
inline std::string pad(std::string_view s, std::size_t columns, bool right = false) {
  const std::size_t w = display_width(s);
  if (w >= columns) return std::string(s);
  std::string fill(columns - w, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

/// Centres `s` in `columns` display columns (the extra space goes right).
inline std::string centre(std::string_view s, std::size_t columns) {
  const std::size_t w = display_width(s);
  if (w >= columns) return std::string(s);
  const std::size_t left = (columns - w) / 2;
  return std::string(left, ' ') + std::string(s) + std::string(columns - w - left, ' ');
}

}  // namespace yusuan::text
