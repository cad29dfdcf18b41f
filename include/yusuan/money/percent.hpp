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

namespace yusuan {

namespace detail {
/// n * 100 * 10^scale.  When that does not fit 128 bits the quotient by a
/// 64-bit divisor cannot fit 64 bits either, so it is an overflow (not a wrap).
inline int128 percent_numerator(int128 n, int scale, std::string_view what) {
  const int128 factor = int128(100) * pow10(scale);
  if (abs(n) > int128::max() / factor)
    throw overflow_error("yusuan: overflow in " + std::string(what) + ": " + n.to_string() + " 分 at " +
                         std::to_string(scale) + " decimal places does not fit");
  return n * factor;
}
/// part / whole * 100 as a count of 10^-scale percent.
inline std::int64_t percent_units(money part, money whole, int scale, rounding mode, std::string_view what) {
  if (whole.is_zero())
    throw division_by_zero("yusuan: " + std::string(what) + " of " + fen_text(part.fen()) + " 元 in a whole of 0");
  return round_div(percent_numerator(part.fen(), scale, what), whole.fen(), mode, what);
}
/// (current - previous) / |previous| * 100 as a count of 10^-scale percent.
inline std::int64_t change_units(money current, money previous, int scale, rounding mode) {
  if (previous.is_zero())
    throw division_by_zero("yusuan: change against a previous value of 0 (from 0 to " + fen_text(current.fen()) +
                           " 元)");
  const int128 diff = int128(current.fen()) - previous.fen();
  return round_div(percent_numerator(diff, scale, "year-on-year change"), abs(int128(previous.fen())), mode,
                   "year-on-year change");
}
}  // namespace detail

/// `part` as a percentage of `whole`, rounded to Scale places ("占 6.06%").
template <int Scale = 2>
decimal<Scale> share(money part, money whole, rounding mode = rounding::half_up) {
  return decimal<Scale>::from_units(detail::percent_units(part, whole, Scale, mode, "share"));
}

/// Change from `previous` to `current` in percent of |previous|, rounded to
/// Scale places; negative for a fall ("下降 3.87%" is change == -3.87).
template <int Scale = 2>
decimal<Scale> change(money current, money previous, rounding mode = rounding::half_up) {
  return decimal<Scale>::from_units(detail::change_units(current, previous, Scale, mode));
}

}  // namespace yusuan
