// yusuan/money/decimal.hpp -- decimal<Scale>: rates, percentages and shares
// as an exact count of 10^-Scale.
#pragma once

#include <yusuan/error.hpp>
#include <yusuan/money/amount_error.hpp>
#include <yusuan/money/describe.hpp>
#include <yusuan/money/detail/format.hpp>
#include <yusuan/money/detail/pow10.hpp>
#include <yusuan/money/detail/rounding.hpp>
#include <yusuan/money/detail/scan.hpp>
#include <yusuan/money/int128.hpp>
#include <yusuan/money/unit.hpp>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace yusuan {

/// A signed fixed-point number with `Scale` decimal places: an integer count of
/// 10^-Scale in 64 bits.  Used for rates, percentages and shares.
///
/// Every named function that can fail has two forms, named alike: one throws
/// a yusuan::error; the other takes a `std::error_code& ec` last, never
/// throws, sets `ec` to the errc the throwing form's exception carries
/// (cleared on success) and returns 0 on failure.  The operators only throw.
template <int Scale>
class decimal {
  static_assert(Scale >= 0 && Scale <= 18, "decimal<Scale>: Scale must be in [0, 18]");

public:
  static constexpr int scale = Scale;
  static constexpr std::int64_t one = static_cast<std::int64_t>(detail::pow10(Scale));

  constexpr decimal() noexcept = default;
  /// An integer value (e.g. decimal<2>{3} is 3.00).  Throws overflow_error.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  static constexpr decimal from_integer(I v) {
    std::int64_t r = 0;
    if (integer_to_units(v, r) != errc::ok) [[unlikely]]
      throw overflow_error("yusuan: overflow in decimal<" + std::to_string(Scale) + ">::from_integer(" +
                           std::to_string(v) + ")");
    return from_units(r);
  }
  /// An integer value; errc::overflow and 0 when it does not fit.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  static decimal from_integer(I v, std::error_code& ec) noexcept {
    std::int64_t r = 0;
    return detail::report(integer_to_units(v, r), ec) ? from_units(r) : decimal{};
  }
  /// The value units * 10^-Scale.
  static constexpr decimal from_units(std::int64_t units) noexcept {
    decimal d;
    d.units_ = units;
    return d;
  }
  constexpr std::int64_t units() const noexcept { return units_; }

  // --- parsing ------------------------------------------------------------
  //
  // "12.5", "-0.0325", "1,000.5", with white space around allowed.  Text
  // finer than 10^-Scale needs a rounding mode.  The forms with a
  // std::error_code never throw: they set `ec` to an amount_errc (cleared on
  // success), `position` to the byte offset of the problem (0 on success),
  // and return 0 on failure; describe_decimal_error puts the two into words.

  /// Throws amount_parse_error saying what and where.
  static decimal parse(std::string_view text) { return parse_or_throw(text, std::nullopt); }
  /// Rounds text finer than 10^-Scale as `mode` says (unnecessary: throws
  /// rounding_error if that would change the value; the error-code forms set
  /// amount_errc::rounding_necessary, which compares equal to the exception's
  /// errc::rounding_necessary).
  static decimal parse(std::string_view text, rounding mode) { return parse_or_throw(text, mode); }

  static decimal parse(std::string_view text, std::error_code& ec) noexcept {
    std::size_t position = 0;
    return parse(text, ec, position);
  }
  static decimal parse(std::string_view text, std::error_code& ec, std::size_t& position) noexcept {
    return parse_ec(text, std::nullopt, ec, position);
  }
  static decimal parse(std::string_view text, rounding mode, std::error_code& ec) noexcept {
    std::size_t position = 0;
    return parse(text, mode, ec, position);
  }
  static decimal parse(std::string_view text, rounding mode, std::error_code& ec, std::size_t& position) noexcept {
    return parse_ec(text, mode, ec, position);
  }

  // --- formatting and arithmetic ------------------------------------------

  /// The value with all its Scale decimals ("6.06", "-3.87").
  std::string format() const {
    char buf[48];
    const bool neg = units_ < 0;
    const std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(units_) : static_cast<std::uint64_t>(units_);
    return std::string(buf, detail::write_fixed(buf, neg, mag, Scale, false));
  }

  /// Changes the scale; a coarser scale needs the rounding mode.  Throws
  /// overflow_error (a finer scale and too many digits) or rounding_error
  /// (rounding::unnecessary and digits that would be dropped).
  template <int S2>
  decimal<S2> rescale(rounding mode) const {
    std::int64_t r = 0;
    const errc e = rescale_units<S2>(mode, r);
    if (e != errc::ok) [[unlikely]] {
      if constexpr (S2 < Scale)
        if (e != errc::overflow)
          detail::throw_division_error(e, "decimal rescale", units_, static_cast<std::int64_t>(detail::pow10(Scale - S2)));
      throw overflow_error("yusuan: overflow in decimal rescale of " + format());
    }
    return decimal<S2>::from_units(r);
  }
  template <int S2>
  decimal<S2> rescale(rounding mode, std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(rescale_units<S2>(mode, r), ec) ? decimal<S2>::from_units(r) : decimal<S2>{};
  }

  friend constexpr auto operator<=>(decimal, decimal) noexcept = default;
  friend constexpr bool operator==(decimal, decimal) noexcept = default;

  friend decimal operator+(decimal a, decimal b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a.units_, b.units_, &r))
      throw overflow_error("yusuan: overflow in decimal addition: " + a.format() + " + " + b.format());
    return from_units(r);
  }
  friend decimal operator-(decimal a, decimal b) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a.units_, b.units_, &r))
      throw overflow_error("yusuan: overflow in decimal subtraction: " + a.format() + " - " + b.format());
    return from_units(r);
  }
  friend decimal operator-(decimal a) {
    if (a.units_ == std::numeric_limits<std::int64_t>::min())
      throw overflow_error("yusuan: overflow in decimal negation of " + a.format());
    return from_units(-a.units_);
  }
  decimal& operator+=(decimal b) { return *this = *this + b; }
  decimal& operator-=(decimal b) { return *this = *this - b; }

  // multiply and divide throw rounding_error, overflow_error and, for a
  // divisor of zero, division_by_zero; their error-code forms set errc::
  // rounding_necessary, errc::overflow or errc::division_by_zero.

  /// Product of two decimals at this scale, rounded as `mode` says.
  template <int S2>
  decimal multiply(decimal<S2> b, rounding mode) const {
    return from_units(detail::round_div(int128(units_) * b.units(), detail::pow10(S2), mode, "decimal multiplication"));
  }
  template <int S2>
  decimal multiply(decimal<S2> b, rounding mode, std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(detail::try_round_div(int128(units_) * b.units(), detail::pow10(S2), mode, r), ec)
               ? from_units(r)
               : decimal{};
  }
  /// Quotient at this scale, rounded as `mode` says.
  decimal divide(decimal b, rounding mode) const {
    return from_units(detail::round_div(int128(units_) * one, b.units_, mode, "decimal division"));
  }
  decimal divide(decimal b, rounding mode, std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(detail::try_round_div(int128(units_) * one, b.units_, mode, r), ec) ? from_units(r)
                                                                                             : decimal{};
  }

  /// A template, so that only code that writes to a stream needs <ostream>.
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, decimal d) {
    return os << d.format();
  }

private:
  template <std::integral I>
  static constexpr errc integer_to_units(I v, std::int64_t& units) noexcept {
    if (std::cmp_greater(v, std::numeric_limits<std::int64_t>::max()) ||
        __builtin_mul_overflow(static_cast<std::int64_t>(v), one, &units))
      return errc::overflow;
    return errc::ok;
  }
  template <int S2>
  errc rescale_units(rounding mode, std::int64_t& r) const noexcept {
    if constexpr (S2 >= Scale) {
      return __builtin_mul_overflow(units_, static_cast<std::int64_t>(detail::pow10(S2 - Scale)), &r) ? errc::overflow
                                                                                                       : errc::ok;
    } else {
      return detail::try_round_div64(units_, static_cast<std::int64_t>(detail::pow10(Scale - S2)), mode, r);
    }
  }

  static decimal parse_ec(std::string_view text, std::optional<rounding> mode, std::error_code& ec,
                          std::size_t& position) noexcept {
    std::int64_t v = 0;
    const amount_errc e = detail::scan_and_finish(text, Scale, mode, v, position);
    return detail::report(e, ec, position) ? from_units(v) : decimal{};
  }
  static decimal parse_or_throw(std::string_view text, std::optional<rounding> mode) {
    std::int64_t v = 0;
    std::size_t position = 0;
    const amount_errc e = detail::scan_and_finish(text, Scale, mode, v, position);
    if (e != amount_errc::ok) [[unlikely]]
      detail::throw_decimal_error(text, e, position, Scale, mode);
    return from_units(v);
  }

  std::int64_t units_ = 0;
};

}  // namespace yusuan
