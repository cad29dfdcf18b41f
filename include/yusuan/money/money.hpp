// yusuan/money/money.hpp -- yusuan::money, an exact amount: a checked 64-bit
// count of 分 (0.01 元).
#pragma once

#include <yusuan/error.hpp>
#include <yusuan/money/amount_error.hpp>
#include <yusuan/money/decimal.hpp>
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
#include <type_traits>
#include <utility>

namespace yusuan {

namespace detail {

[[noreturn]] inline void throw_overflow(std::string_view op, const std::string& a, const std::string& b) {
  throw overflow_error("yusuan: overflow in " + std::string(op) + ": " + a + " and " + b + " do not fit in 64 bits of 分");
}
/// Out of line and cold: the operators' inline code is one add and one branch.
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_overflow_fen(std::string_view op, std::int64_t a, std::int64_t b) {
  throw_overflow(op, fen_text(a), fen_text(b));
}
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_invalid_argument(const char* what) {
  throw error(errc::invalid_argument, what);
}
/// The decimals an amount can be written with.
constexpr bool format_decimals_ok(int decimals) noexcept { return decimals >= 0 && decimals <= 18; }
/// -fen into `r`, or errc::overflow for the one amount without a negative.
constexpr errc negate_fen(std::int64_t fen, std::int64_t& r) noexcept {
  if (fen == std::numeric_limits<std::int64_t>::min()) return errc::overflow;
  r = -fen;
  return errc::ok;
}

}  // namespace detail

/// An amount of money: a whole number of 分, checked 64-bit.  Exact by
/// construction; there is no conversion from or to floating point.
///
/// Every named function that can fail has two forms, named alike: one throws
/// a yusuan::error; the other takes a `std::error_code& ec` last, never
/// throws, sets `ec` to the errc the throwing form's exception carries
/// (cleared on success) and returns 0 (a zero amount or decimal) on failure.
/// The operators (+, -, *, unary -) only throw; `money_sum` adds without
/// overflow, and `sum(amounts, ec)` is the non-throwing total.
class money {
public:
  constexpr money() noexcept = default;

  static constexpr money from_fen(std::int64_t fen) noexcept {
    money m;
    m.fen_ = fen;
    return m;
  }
  /// A whole number of 元.  Throws overflow_error.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  static constexpr money from_yuan(I yuan) {
    std::int64_t r = 0;
    if (yuan_to_fen(yuan, r) != errc::ok) [[unlikely]]
      throw overflow_error("yusuan: overflow in money::from_yuan(" + std::to_string(yuan) + ")");
    return from_fen(r);
  }
  /// A whole number of 元; errc::overflow and 0 when it does not fit.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  static money from_yuan(I yuan, std::error_code& ec) noexcept {
    std::int64_t r = 0;
    return detail::report(yuan_to_fen(yuan, r), ec) ? from_fen(r) : money{};
  }
  static constexpr money max() noexcept { return from_fen(std::numeric_limits<std::int64_t>::max()); }
  static constexpr money min() noexcept { return from_fen(std::numeric_limits<std::int64_t>::min()); }

  constexpr std::int64_t fen() const noexcept { return fen_; }
  constexpr bool is_zero() const noexcept { return fen_ == 0; }
  constexpr int sign() const noexcept { return (fen_ > 0) - (fen_ < 0); }

  // --- parsing ------------------------------------------------------------
  //
  // "38381.46", "-1,543.19", "0.5" written in `u`, with white space around
  // allowed.  Text finer than 1 分 after scaling is an error unless a
  // rounding mode is given.  The forms with a std::error_code never throw
  // (Boost.JSON style): they set `ec` to an amount_errc (cleared on
  // success), `position` to the byte offset of the problem (0 on success),
  // and return 0 on failure; describe_amount_error puts the two into words.
  // None of them allocates unless it throws.

  /// Throws amount_parse_error (a yusuan::error) saying what and where.
  static money parse(std::string_view text, unit u = unit::yuan) { return parse_or_throw(text, u, std::nullopt); }
  /// Rounds text finer than 1 分 as `mode` says (unnecessary: throws
  /// rounding_error if that would change the value; the error-code forms set
  /// amount_errc::rounding_necessary, which compares equal to the exception's
  /// errc::rounding_necessary, and the position of the first digit too fine).
  static money parse(std::string_view text, unit u, rounding mode) { return parse_or_throw(text, u, mode); }

  static money parse(std::string_view text, std::error_code& ec) noexcept { return parse(text, unit::yuan, ec); }
  static money parse(std::string_view text, unit u, std::error_code& ec) noexcept {
    std::size_t position = 0;
    return parse(text, u, ec, position);
  }
  static money parse(std::string_view text, unit u, std::error_code& ec, std::size_t& position) noexcept {
    return parse_ec(text, u, std::nullopt, ec, position);
  }
  static money parse(std::string_view text, unit u, rounding mode, std::error_code& ec) noexcept {
    std::size_t position = 0;
    return parse(text, u, mode, ec, position);
  }
  static money parse(std::string_view text, unit u, rounding mode, std::error_code& ec,
                     std::size_t& position) noexcept {
    return parse_ec(text, u, mode, ec, position);
  }

  // --- formatting ---------------------------------------------------------

  /// Writes the amount in `u` with `decimals` places (rounded half-up for
  /// display), optionally with thousands separators.  Returns the length; `out`
  /// needs room for 48 characters.  Throws yusuan::error (invalid_argument)
  /// unless 0 ≤ decimals ≤ 18; the forms with a std::error_code set
  /// errc::invalid_argument instead and write nothing (format: return "").
  std::size_t format_to(char* out, unit u = unit::yuan, int decimals = 2, bool thousands = false) const {
    if (!detail::format_decimals_ok(decimals)) [[unlikely]]
      detail::throw_invalid_argument("yusuan: money::format: decimals must be in [0, 18]");
    return format_unchecked(out, u, decimals, thousands);
  }
  std::size_t format_to(char* out, unit u, int decimals, std::error_code& ec) const noexcept {
    return format_to(out, u, decimals, false, ec);
  }
  std::size_t format_to(char* out, unit u, int decimals, bool thousands, std::error_code& ec) const noexcept {
    const bool ok = detail::report(detail::format_decimals_ok(decimals) ? errc::ok : errc::invalid_argument, ec);
    return ok ? format_unchecked(out, u, decimals, thousands) : 0;
  }
  std::string format(unit u = unit::yuan, int decimals = 2, bool thousands = false) const {
    char buf[64];
    return std::string(buf, format_to(buf, u, decimals, thousands));
  }
  std::string format(unit u, int decimals, std::error_code& ec) const { return format(u, decimals, false, ec); }
  std::string format(unit u, int decimals, bool thousands, std::error_code& ec) const {
    char buf[64];
    return std::string(buf, format_to(buf, u, decimals, thousands, ec));
  }

  /// Rounds to `decimals` places of `u` (e.g. to 0.01 万元) as `mode` says.
  /// Throws yusuan::error (invalid_argument) when decimals is negative,
  /// rounding_error (unnecessary, and the value is not exact) and
  /// overflow_error (rounded away from zero past the largest amount).
  money round(unit u, int decimals, rounding mode) const {
    std::int64_t r = 0;
    const errc e = round_fen(u, decimals, mode, r);
    if (e != errc::ok) [[unlikely]]
      throw_round_error(e, u, decimals);
    return from_fen(r);
  }
  /// round, setting errc::invalid_argument, errc::rounding_necessary or
  /// errc::overflow and returning 0 instead of throwing.
  money round(unit u, int decimals, rounding mode, std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(round_fen(u, decimals, mode, r), ec) ? from_fen(r) : money{};
  }

  // --- arithmetic ---------------------------------------------------------

  friend constexpr auto operator<=>(money, money) noexcept = default;
  friend constexpr bool operator==(money, money) noexcept = default;

  friend money operator+(money a, money b) {
    std::int64_t r;
    if (__builtin_add_overflow(a.fen_, b.fen_, &r)) [[unlikely]]
      detail::throw_overflow_fen("money addition", a.fen_, b.fen_);
    return from_fen(r);
  }
  friend money operator-(money a, money b) {
    std::int64_t r;
    if (__builtin_sub_overflow(a.fen_, b.fen_, &r)) [[unlikely]]
      detail::throw_overflow_fen("money subtraction", a.fen_, b.fen_);
    return from_fen(r);
  }
  friend money operator-(money a) {
    std::int64_t r = 0;
    if (detail::negate_fen(a.fen_, r) != errc::ok) [[unlikely]]
      throw overflow_error("yusuan: overflow in money negation of " + detail::fen_text(a.fen_));
    return from_fen(r);
  }
  friend money operator+(money a) noexcept { return a; }
  money& operator+=(money b) { return *this = *this + b; }
  money& operator-=(money b) { return *this = *this - b; }

  template <std::integral I>
    requires(!std::same_as<I, bool>)
  friend money operator*(money a, I k) {
    // The builtin multiplies exactly, whatever the signedness and width of
    // its operands: only a product that leaves 64 bits overflows (0 × 2^63
    // and -1 × 2^63 fit).
    std::int64_t r;
    if (__builtin_mul_overflow(a.fen_, k, &r))
      detail::throw_overflow("money multiplication", detail::fen_text(a.fen_), std::to_string(k));
    return from_fen(r);
  }
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  friend money operator*(I k, money a) {
    return a * k;
  }
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  money& operator*=(I k) {
    return *this = *this * k;
  }

  // The named products and quotients throw rounding_error (rounding::
  // unnecessary and an inexact result), overflow_error and, for a divisor of
  // zero, division_by_zero; their error-code forms set errc::
  // rounding_necessary, errc::overflow or errc::division_by_zero and return 0.

  /// This amount times a decimal, rounded to 分 as `mode` says.
  template <int S>
  money multiply(decimal<S> factor, rounding mode) const {
    std::int64_t r = 0;
    const errc e = multiply_fen(factor, mode, r);
    if (e != errc::ok) [[unlikely]]
      detail::throw_division_error(e, "money multiplication", int128(fen_) * factor.units(), decimal<S>::one);
    return from_fen(r);
  }
  template <int S>
  money multiply(decimal<S> factor, rounding mode, std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(multiply_fen(factor, mode, r), ec) ? from_fen(r) : money{};
  }
  /// This amount divided by an integer, rounded to 分 as `mode` says.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  money divide(I divisor, rounding mode) const {
    return from_fen(detail::round_div(fen_, divisor, mode, "money division"));
  }
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  money divide(I divisor, rounding mode, std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(detail::try_round_div(fen_, divisor, mode, r), ec) ? from_fen(r) : money{};
  }
  /// this * numerator / denominator through 128 bits, rounded once.
  money muldiv(std::int64_t numerator, std::int64_t denominator, rounding mode) const {
    return from_fen(detail::round_div(int128(fen_) * numerator, denominator, mode, "money multiply-divide"));
  }
  money muldiv(std::int64_t numerator, std::int64_t denominator, rounding mode, std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(detail::try_round_div(int128(fen_) * numerator, denominator, mode, r), ec) ? from_fen(r)
                                                                                                     : money{};
  }
  /// The ratio of two amounts at scale S, rounded as `mode` says.
  template <int S>
  static decimal<S> ratio(money a, money b, rounding mode) {
    return decimal<S>::from_units(detail::round_div(int128(a.fen_) * decimal<S>::one, b.fen_, mode, "money ratio"));
  }
  template <int S>
  static decimal<S> ratio(money a, money b, rounding mode, std::error_code& ec) noexcept {
    std::int64_t r = 0;
    return detail::report(detail::try_round_div(int128(a.fen_) * decimal<S>::one, b.fen_, mode, r), ec)
               ? decimal<S>::from_units(r)
               : decimal<S>{};
  }

  /// The magnitude; throws overflow_error for money::min(), which has none.
  money abs() const { return fen_ < 0 ? -*this : *this; }
  /// The magnitude; errc::overflow and 0 for money::min().
  money abs(std::error_code& ec) const noexcept {
    std::int64_t r = fen_;
    const errc e = fen_ < 0 ? detail::negate_fen(fen_, r) : errc::ok;
    return detail::report(e, ec) ? from_fen(r) : money{};
  }

  // Floating point never meets money.
  template <std::floating_point F>
  friend void operator+(money, F) = delete;
  template <std::floating_point F>
  friend void operator+(F, money) = delete;
  template <std::floating_point F>
  friend void operator-(money, F) = delete;
  template <std::floating_point F>
  friend void operator-(F, money) = delete;
  template <std::floating_point F>
  friend void operator*(money, F) = delete;
  template <std::floating_point F>
  friend void operator*(F, money) = delete;

  /// A template, so that only code that writes to a stream needs <ostream>.
  template <class CharT, class Traits>
  friend std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, money m) {
    return os << m.format();
  }

private:
  std::size_t format_unchecked(char* out, unit u, int decimals, bool thousands) const noexcept {
    const bool neg = fen_ < 0;
    std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(fen_) : static_cast<std::uint64_t>(fen_);
    const int natural = exact_decimals(u);
    if (decimals >= natural) {
      // Exact: mag is a count of 10^-natural of u; pad with zeros.
      std::size_t len = detail::write_fixed(out, neg, mag, natural, thousands);
      for (int k = natural; k < decimals; ++k) out[len++] = '0';
      return len;
    }
    const std::uint64_t div = detail::pow10(natural - decimals);
    std::uint64_t q = mag / div;
    if (mag % div >= div - mag % div) ++q;  // half-up (away from zero)
    return detail::write_fixed(out, neg && q != 0, q, decimals, thousands);
  }
  template <std::integral I>
  static constexpr errc yuan_to_fen(I yuan, std::int64_t& fen) noexcept {
    if (std::cmp_greater(yuan, std::numeric_limits<std::int64_t>::max()) ||
        __builtin_mul_overflow(static_cast<std::int64_t>(yuan), std::int64_t{100}, &fen))
      return errc::overflow;
    return errc::ok;
  }
  errc round_fen(unit u, int decimals, rounding mode, std::int64_t& r) const noexcept {
    if (decimals < 0) return errc::invalid_argument;
    const int natural = exact_decimals(u);
    if (decimals >= natural) {
      r = fen_;
      return errc::ok;
    }
    const auto step = static_cast<std::int64_t>(detail::pow10(natural - decimals));
    std::int64_t q = 0;
    if (const errc e = detail::try_round_div64(fen_, step, mode, q); e != errc::ok) return e;
    return __builtin_mul_overflow(q, step, &r) ? errc::overflow : errc::ok;
  }
  [[noreturn, gnu::cold, gnu::noinline]] void throw_round_error(errc e, unit u, int decimals) const {
    if (e == errc::invalid_argument)
      detail::throw_invalid_argument("yusuan: money::round: decimals must not be negative");
    if (e == errc::overflow)
      throw overflow_error("yusuan: overflow in money::round of " + detail::fen_text(fen_) + " 元");
    const auto step = static_cast<std::int64_t>(detail::pow10(exact_decimals(u) - decimals));
    detail::throw_division_error(e, "money::round", fen_, step);
  }
  template <int S>
  errc multiply_fen(decimal<S> factor, rounding mode, std::int64_t& r) const noexcept {
    std::int64_t prod;
    if (!__builtin_mul_overflow(fen_, factor.units(), &prod))
      return detail::try_round_div64(prod, decimal<S>::one, mode, r);
    return detail::try_round_div(int128(fen_) * factor.units(), decimal<S>::one, mode, r);
  }

  static money parse_ec(std::string_view text, unit u, std::optional<rounding> mode, std::error_code& ec,
                        std::size_t& position) noexcept {
    std::int64_t v = 0;
    if (detail::scan_plain(text, exact_decimals(u), v)) [[likely]] {
      ec.clear();
      position = 0;
      return from_fen(v);
    }
    const amount_errc e = detail::scan_and_finish(text, exact_decimals(u), mode, v, position);
    return detail::report(e, ec, position) ? from_fen(v) : money{};
  }
  static money parse_or_throw(std::string_view text, unit u, std::optional<rounding> mode) {
    std::int64_t v = 0;
    if (detail::scan_plain(text, exact_decimals(u), v)) [[likely]]
      return from_fen(v);
    std::size_t position = 0;
    const amount_errc e = detail::scan_and_finish(text, exact_decimals(u), mode, v, position);
    if (e != amount_errc::ok) [[unlikely]]
      detail::throw_amount_error(text, e, position, u, mode);
    return from_fen(v);
  }

  std::int64_t fen_ = 0;
};

inline std::string to_string(money m, unit u = unit::yuan, int decimals = 2) { return m.format(u, decimals); }
inline std::string to_string(money m, unit u, int decimals, std::error_code& ec) { return m.format(u, decimals, ec); }

}  // namespace yusuan

template <>
struct std::hash<yusuan::money> {
  std::size_t operator()(yusuan::money m) const noexcept { return std::hash<std::int64_t>{}(m.fen()); }
};
