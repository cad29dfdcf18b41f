// yusuan/money/detail/rounding.hpp -- integer division rounded as a rounding
// mode says, the one place where every mode is decided.
#pragma once

#include <yusuan/error.hpp>
#include <yusuan/money/int128.hpp>
#include <yusuan/money/unit.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace yusuan::detail {

/// Adjusts a truncated magnitude (the quotient toward zero) by one step as
/// `mode` requires.  `half` compares the discarded remainder with one half
/// (-1 below, 0 exactly half, +1 above); `inexact` is whether anything was
/// discarded at all; `negative` is the sign of the exact value; `odd` whether
/// the truncated magnitude is odd (for half_even).
/// Returns whether the magnitude is to grow by one.
constexpr bool round_away(rounding mode, bool negative, int half, bool inexact, bool odd, bool& must_throw) noexcept {
  must_throw = false;
  if (!inexact) return false;
  switch (mode) {
    case rounding::down: return false;
    case rounding::up: return true;
    case rounding::ceiling: return !negative;
    case rounding::floor: return negative;
    case rounding::half_up: return half >= 0;
    case rounding::half_down: return half > 0;
    case rounding::half_even: return half > 0 || (half == 0 && odd);
    case rounding::unnecessary: must_throw = true; return false;
  }
  return false;
}

// The failures of a rounded division, out of line and cold: the divisions'
// inline code is the arithmetic alone.
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_division_by_zero(std::string_view what) {
  throw division_by_zero("yusuan: division by zero in " + std::string(what));
}
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_not_exact(std::string_view what, int128 num, int128 den) {
  throw rounding_error("yusuan: rounding is necessary in " + std::string(what) + ": " + num.to_string() + " / " +
                       den.to_string() + " is not exact");
}
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_quotient_overflow(std::string_view what, int128 num,
                                                                            int128 den) {
  throw overflow_error("yusuan: overflow in " + std::string(what) + ": " + num.to_string() + " / " + den.to_string() +
                       " does not fit in 64 bits");
}

/// Divides num by den and rounds as `mode` says.  Throws division_by_zero,
/// rounding_error (unnecessary and inexact) and overflow_error when the result
/// leaves int64.  Out of line: it is the slow path of round_div64, which stays
/// small enough to be inlined.
[[gnu::noinline]] inline std::int64_t round_div(int128 num, int128 den, rounding mode,
                                                std::string_view what = "division") {
  if (den == 0) throw_division_by_zero(what);
  const bool negative = (num < 0) != (den < 0);
  const int128 n = abs(num), d = abs(den);
  int128 q = n / d;
  const int128 r = n - q * d;
  int half = 0;
  if (r != 0) {
    const int128 twice = r * 2;
    half = twice < d ? -1 : (twice == d ? 0 : 1);
  }
  bool must_throw = false;
  const bool away = round_away(mode, negative, half, r != 0, q % 2 != 0, must_throw);
  if (must_throw) throw_not_exact(what, num, den);
  if (away) q += 1;
  if (negative) q = -q;
  if (!q.fits_int64()) throw_quotient_overflow(what, num, den);
  return static_cast<std::int64_t>(q);
}

/// round_div for 64-bit operands, in 64-bit arithmetic.
inline std::int64_t round_div64(std::int64_t num, std::int64_t den, rounding mode, std::string_view what = "division") {
  if (den == 0) throw_division_by_zero(what);
  if (num == std::numeric_limits<std::int64_t>::min() || den == std::numeric_limits<std::int64_t>::min()) [[unlikely]]
    return round_div(num, den, mode, what);
  const bool negative = (num < 0) != (den < 0);
  const std::uint64_t n = num < 0 ? static_cast<std::uint64_t>(-num) : static_cast<std::uint64_t>(num);
  const std::uint64_t d = den < 0 ? static_cast<std::uint64_t>(-den) : static_cast<std::uint64_t>(den);
  std::uint64_t q = n / d;
  const std::uint64_t r = n % d;
  int half = 0;
  if (r != 0) half = r < d - r ? -1 : (r == d - r ? 0 : 1);
  bool must_throw = false;
  const bool away = round_away(mode, negative, half, r != 0, (q & 1U) != 0, must_throw);
  if (must_throw) throw_not_exact(what, num, den);
  if (away) ++q;
  return negative ? -static_cast<std::int64_t>(q) : static_cast<std::int64_t>(q);
}

}  // namespace yusuan::detail
