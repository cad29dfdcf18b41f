// yusuan/money/percent.hpp -- shares and year-on-year changes in percent:
// "占 6.06%", "下降 3.87%".
#pragma once

#include <yusuan/error.hpp>
#include <yusuan/money/decimal.hpp>
#include <yusuan/money/detail/format.hpp>
#include <yusuan/money/detail/pow10.hpp>
#include <yusuan/money/detail/rounding.hpp>
#include <yusuan/money/int128.hpp>
#include <yusuan/money/money.hpp>
#include <yusuan/money/unit.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace yusuan {

namespace detail {
/// n * 100 * 10^scale into `out`.  When that does not fit 128 bits the
/// quotient by a 64-bit divisor cannot fit 64 bits either, so it is an
/// overflow (not a wrap).
inline errc try_percent_numerator(int128 n, int scale, int128& out) noexcept {
  const int128 factor = int128(100) * pow10(scale);
  if (abs(n) > int128::max() / factor) return errc::overflow;
  out = n * factor;
  return errc::ok;
}
/// n / d * 100 as a count of 10^-scale percent into `out`: errc::
/// division_by_zero, errc::overflow or errc::rounding_necessary on failure.
inline errc try_percent_of(int128 n, int128 d, int scale, rounding mode, std::int64_t& out) noexcept {
  if (d == 0) return errc::division_by_zero;
  int128 num = 0;
  if (const errc e = try_percent_numerator(n, scale, num); e != errc::ok) return e;
  return try_round_div(num, d, mode, out);
}
/// The exception of the failure `e` of n / d * 100 in `what` (d != 0).
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_percent_error(errc e, int128 n, int128 d, int scale,
                                                                        std::string_view what) {
  int128 num = 0;
  if (try_percent_numerator(n, scale, num) != errc::ok)
    throw overflow_error("yusuan: overflow in " + std::string(what) + ": " + n.to_string() + " 分 at " +
                         std::to_string(scale) + " decimal places does not fit");
  throw_division_error(e, what, num, d);
}

/// part / whole * 100 as a count of 10^-scale percent into `out`.
inline errc try_percent_units(money part, money whole, int scale, rounding mode, std::int64_t& out) noexcept {
  return try_percent_of(part.fen(), whole.fen(), scale, mode, out);
}
/// try_percent_units, throwing division_by_zero, overflow_error or
/// rounding_error that name `what`.
inline std::int64_t percent_units(money part, money whole, int scale, rounding mode, std::string_view what) {
  std::int64_t r = 0;
  const errc e = try_percent_units(part, whole, scale, mode, r);
  if (e == errc::division_by_zero) [[unlikely]]
    throw division_by_zero("yusuan: " + std::string(what) + " of " + fen_text(part.fen()) + " 元 in a whole of 0");
  if (e != errc::ok) [[unlikely]]
    throw_percent_error(e, part.fen(), whole.fen(), scale, what);
  return r;
}

/// (current - previous) / |previous| * 100 as a count of 10^-scale percent
/// into `out`.
inline errc try_change_units(money current, money previous, int scale, rounding mode, std::int64_t& out) noexcept {
  return try_percent_of(int128(current.fen()) - previous.fen(), abs(int128(previous.fen())), scale, mode, out);
}
/// try_change_units, throwing division_by_zero, overflow_error or rounding_error.
inline std::int64_t change_units(money current, money previous, int scale, rounding mode) {
  std::int64_t r = 0;
  const errc e = try_change_units(current, previous, scale, mode, r);
  if (e == errc::division_by_zero) [[unlikely]]
    throw division_by_zero("yusuan: change against a previous value of 0 (from 0 to " + fen_text(current.fen()) +
                           " 元)");
  if (e != errc::ok) [[unlikely]]
    throw_percent_error(e, int128(current.fen()) - previous.fen(), abs(int128(previous.fen())), scale,
                        "year-on-year change");
  return r;
}
}  // namespace detail

// Both throw division_by_zero for a whole (or previous value) of zero,
// overflow_error for a percentage past 64 bits of 10^-Scale and rounding_error
// for rounding::unnecessary and an inexact percentage.  Their forms with a
// std::error_code never throw: they set errc::division_by_zero, errc::overflow
// or errc::rounding_necessary (cleared on success) and return 0 on failure.

/// `part` as a percentage of `whole`, rounded to Scale places ("占 6.06%").
template <int Scale = 2>
decimal<Scale> share(money part, money whole, rounding mode = rounding::half_up) {
  return decimal<Scale>::from_units(detail::percent_units(part, whole, Scale, mode, "share"));
}
template <int Scale = 2>
decimal<Scale> share(money part, money whole, std::error_code& ec) noexcept {
  return share<Scale>(part, whole, rounding::half_up, ec);
}
template <int Scale = 2>
decimal<Scale> share(money part, money whole, rounding mode, std::error_code& ec) noexcept {
  std::int64_t r = 0;
  return detail::report(detail::try_percent_units(part, whole, Scale, mode, r), ec) ? decimal<Scale>::from_units(r)
                                                                                   : decimal<Scale>{};
}

/// Change from `previous` to `current` in percent of |previous|, rounded to
/// Scale places; negative for a fall ("下降 3.87%" is change == -3.87).
template <int Scale = 2>
decimal<Scale> change(money current, money previous, rounding mode = rounding::half_up) {
  return decimal<Scale>::from_units(detail::change_units(current, previous, Scale, mode));
}
template <int Scale = 2>
decimal<Scale> change(money current, money previous, std::error_code& ec) noexcept {
  return change<Scale>(current, previous, rounding::half_up, ec);
}
template <int Scale = 2>
decimal<Scale> change(money current, money previous, rounding mode, std::error_code& ec) noexcept {
  std::int64_t r = 0;
  return detail::report(detail::try_change_units(current, previous, Scale, mode, r), ec)
             ? decimal<Scale>::from_units(r)
             : decimal<Scale>{};
}

}  // namespace yusuan
