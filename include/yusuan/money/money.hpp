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

}  // namespace detail

/// An amount of money: a whole number of 分, checked 64-bit.  Exact by
/// construction; there is no conversion from or to floating point.
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
    if (std::cmp_greater(yuan, std::numeric_limits<std::int64_t>::max()) ||
        __builtin_mul_overflow(static_cast<std::int64_t>(yuan), std::int64_t{100}, &r))
      throw overflow_error("yusuan: overflow in money::from_yuan(" + std::to_string(yuan) + ")");
    return from_fen(r);
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
  /// rounding_error if that would change the value).
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
  /// unless 0 ≤ decimals ≤ 18.
  std::size_t format_to(char* out, unit u = unit::yuan, int decimals = 2, bool thousands = false) const {
    if (decimals < 0 || decimals > 18) [[unlikely]]
      detail::throw_invalid_argument("yusuan: money::format: decimals must be in [0, 18]");
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
  std::string format(unit u = unit::yuan, int decimals = 2, bool thousands = false) const {
    char buf[64];
    return std::string(buf, format_to(buf, u, decimals, thousands));
  }

  /// Rounds to `decimals` places of `u` (e.g. to 0.01 万元) as `mode` says.
  /// Throws yusuan::error (invalid_argument) when decimals is negative.
  money round(unit u, int decimals, rounding mode) const {
    if (decimals < 0) detail::throw_invalid_argument("yusuan: money::round: decimals must not be negative");
    const int natural = exact_decimals(u);
    if (decimals >= natural) return *this;
    const auto step = static_cast<std::int64_t>(detail::pow10(natural - decimals));
    const std::int64_t q = detail::round_div64(fen_, step, mode, "money::round");
    std::int64_t r = 0;
    if (__builtin_mul_overflow(q, step, &r))
      throw overflow_error("yusuan: overflow in money::round of " + detail::fen_text(fen_) + " 元");
    return from_fen(r);
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
    if (a.fen_ == std::numeric_limits<std::int64_t>::min())
      throw overflow_error("yusuan: overflow in money negation of " + detail::fen_text(a.fen_));
    return from_fen(-a.fen_);
  }
  friend money operator+(money a) noexcept { return a; }
  money& operator+=(money b) { return *this = *this + b; }
  money& operator-=(money b) { return *this = *this - b; }

  template <std::integral I>
    requires(!std::same_as<I, bool>)
  friend money operator*(money a, I k) {
    std::int64_t r;
    if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
      if (k > static_cast<I>(std::numeric_limits<std::int64_t>::max()))
        detail::throw_overflow("money multiplication", detail::fen_text(a.fen_), std::to_string(k));
    }
    if (__builtin_mul_overflow(a.fen_, static_cast<std::int64_t>(k), &r))
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

  /// This amount times a decimal, rounded to 分 as `mode` says.
  template <int S>
  money multiply(decimal<S> factor, rounding mode) const {
    std::int64_t prod;
    if (!__builtin_mul_overflow(fen_, factor.units(), &prod))
      return from_fen(detail::round_div64(prod, decimal<S>::one, mode, "money multiplication"));
    return from_fen(detail::round_div(int128(fen_) * factor.units(), decimal<S>::one, mode, "money multiplication"));
  }
  /// This amount divided by an integer, rounded to 分 as `mode` says.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  money divide(I divisor, rounding mode) const {
    return from_fen(detail::round_div(fen_, divisor, mode, "money division"));
  }
  /// this * numerator / denominator through 128 bits, rounded once.
  money muldiv(std::int64_t numerator, std::int64_t denominator, rounding mode) const {
    return from_fen(detail::round_div(int128(fen_) * numerator, denominator, mode, "money multiply-divide"));
  }
  /// The ratio of two amounts at scale S, rounded as `mode` says.
  template <int S>
  static decimal<S> ratio(money a, money b, rounding mode) {
    return decimal<S>::from_units(detail::round_div(int128(a.fen_) * decimal<S>::one, b.fen_, mode, "money ratio"));
  }

  money abs() const { return fen_ < 0 ? -*this : *this; }

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

}  // namespace yusuan

template <>
struct std::hash<yusuan::money> {
  std::size_t operator()(yusuan::money m) const noexcept { return std::hash<std::int64_t>{}(m.fen()); }
};
