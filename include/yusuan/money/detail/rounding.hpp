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

// A rounded division has one core, which reports its failure as an errc and
// throws nothing (the error-code forms use it as it is), and a throwing form
// that calls it and, only on failure, builds the message out of line.

/// Divides num by den and rounds as `mode` says into `q`.  Reports
/// errc::division_by_zero, errc::rounding_necessary (unnecessary and inexact)
/// and errc::overflow when the result leaves int64; `q` is then unspecified.
/// Out of line: it is the slow path of try_round_div64, which stays small
/// enough to be inlined.
[[gnu::noinline]] inline errc try_round_div(int128 num, int128 den, rounding mode, std::int64_t& q) noexcept {
  if (den == 0) return errc::division_by_zero;
  const bool negative = (num < 0) != (den < 0);
  const int128 n = abs(num), d = abs(den);
  int128 t = n / d;
  const int128 r = n - t * d;
  int half = 0;
  if (r != 0) {
    const int128 twice = r * 2;
    half = twice < d ? -1 : (twice == d ? 0 : 1);
  }
  bool must_throw = false;
  const bool away = round_away(mode, negative, half, r != 0, t % 2 != 0, must_throw);
  if (must_throw) return errc::rounding_necessary;
  if (away) t += 1;
  if (negative) t = -t;
  if (!t.fits_int64()) return errc::overflow;
  q = static_cast<std::int64_t>(t);
  return errc::ok;
}

/// try_round_div for 64-bit operands, in 64-bit arithmetic.
inline errc try_round_div64(std::int64_t num, std::int64_t den, rounding mode, std::int64_t& q) noexcept {
  if (den == 0) return errc::division_by_zero;
  if (num == std::numeric_limits<std::int64_t>::min() || den == std::numeric_limits<std::int64_t>::min()) [[unlikely]]
    return try_round_div(num, den, mode, q);
  const bool negative = (num < 0) != (den < 0);
  const std::uint64_t n = num < 0 ? static_cast<std::uint64_t>(-num) : static_cast<std::uint64_t>(num);
  const std::uint64_t d = den < 0 ? static_cast<std::uint64_t>(-den) : static_cast<std::uint64_t>(den);
  std::uint64_t t = n / d;
  const std::uint64_t r = n % d;
  int half = 0;
  if (r != 0) half = r < d - r ? -1 : (r == d - r ? 0 : 1);
  bool must_throw = false;
  const bool away = round_away(mode, negative, half, r != 0, (t & 1U) != 0, must_throw);
  if (must_throw) return errc::rounding_necessary;
  if (away) ++t;
  q = negative ? -static_cast<std::int64_t>(t) : static_cast<std::int64_t>(t);
  return errc::ok;
}

/// Throws the exception of the failure `e` of num / den in `what`:
/// division_by_zero, rounding_error or overflow_error.
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_division_error(errc e, std::string_view what, int128 num,
                                                                         int128 den) {
  const std::string operands = num.to_string() + " / " + den.to_string();
  if (e == errc::division_by_zero) throw division_by_zero("yusuan: division by zero in " + std::string(what));
  if (e == errc::rounding_necessary)
    throw rounding_error("yusuan: rounding is necessary in " + std::string(what) + ": " + operands + " is not exact");
  throw overflow_error("yusuan: overflow in " + std::string(what) + ": " + operands + " does not fit in 64 bits");
}

/// try_round_div, throwing division_by_zero, rounding_error or overflow_error
/// that name `what` and the operands.
inline std::int64_t round_div(int128 num, int128 den, rounding mode, std::string_view what = "division") {
  std::int64_t q = 0;
  const errc e = try_round_div(num, den, mode, q);
  if (e != errc::ok) [[unlikely]]
    throw_division_error(e, what, num, den);
  return q;
}

/// try_round_div64, throwing as round_div does.
inline std::int64_t round_div64(std::int64_t num, std::int64_t den, rounding mode, std::string_view what = "division") {
  std::int64_t q = 0;
  const errc e = try_round_div64(num, den, mode, q);
  if (e != errc::ok) [[unlikely]]
    throw_division_error(e, what, num, den);
  return q;
}

}  // namespace yusuan::detail
