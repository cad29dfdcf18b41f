// yusuan/money/detail/format.hpp -- writing a count of 10^-decimals as
// decimal text, for money::format_to and decimal<S>::format.
#pragma once

#include <yusuan/money/detail/pow10.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>

namespace yusuan::detail {

/// "00" … "99", two characters each.
inline constexpr auto digit_pairs = [] {
  std::array<char, 200> t{};
  for (std::size_t k = 0; k < 100; ++k) {
    t[2 * k] = static_cast<char>('0' + k / 10);
    t[2 * k + 1] = static_cast<char>('0' + k % 10);
  }
  return t;
}();

/// Decimal digits of v (1 for 0).  v | 1 has as many digits as v.
constexpr int count_digits(std::uint64_t v) noexcept {
  v |= 1;
  const int t = (std::bit_width(v) * 1233) >> 12;  // floor(log10(2) * bits), off by at most one
  return t + (v >= pow10_table[static_cast<std::size_t>(t)] ? 1 : 0);
}

/// Writes the magnitude `mag` (an integer count of 10^-decimals) with a point
/// before the last `decimals` digits and optional thousands separators.
/// Returns the length; `out` needs room for 48 characters.
inline std::size_t write_fixed(char* out, bool negative, std::uint64_t mag, int decimals, bool thousands) noexcept {
  const std::uint64_t scale = pow10(decimals);
  std::uint64_t frac = mag % scale, whole = mag / scale;
  const int digits = count_digits(whole);
  const std::size_t len = static_cast<std::size_t>((negative ? 1 : 0) + digits + (thousands ? (digits - 1) / 3 : 0) +
                                                   (decimals > 0 ? 1 + decimals : 0));
  char* p = out + len;
  for (int k = 0; k < decimals; ++k) {
    *--p = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  if (decimals > 0) *--p = '.';
  if (thousands) {
    int written = 0;
    do {
      if (written > 0 && written % 3 == 0) *--p = ',';
      *--p = static_cast<char>('0' + whole % 10);
      whole /= 10;
      ++written;
    } while (whole != 0);
  } else {
    while (whole >= 100) {
      const auto r = static_cast<std::size_t>(whole % 100) * 2;
      whole /= 100;
      p -= 2;
      p[0] = digit_pairs[r];
      p[1] = digit_pairs[r + 1];
    }
    if (whole >= 10) {
      p -= 2;
      p[0] = digit_pairs[whole * 2];
      p[1] = digit_pairs[whole * 2 + 1];
    } else {
      *--p = static_cast<char>('0' + whole);
    }
  }
  if (negative) *--p = '-';
  return len;
}

/// A count of 分 as 元 with two decimals ("-12.05"), for error messages.
inline std::string fen_text(std::int64_t fen) {
  char buf[32];
  const bool neg = fen < 0;
  const std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  return std::string(buf, write_fixed(buf, neg, mag, 2, false));
}

}  // namespace yusuan::detail
