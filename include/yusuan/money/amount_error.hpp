// yusuan/money/amount_error.hpp -- why a piece of text is not an amount:
// yusuan::amount_errc, its error category, and amount_parse_error.
#pragma once

#include <yusuan/error.hpp>

#include <cstddef>
#include <string>
#include <system_error>
#include <type_traits>

namespace yusuan {

/// Why a piece of text is not an amount (or a decimal<S>), or, for
/// rounding_necessary, why it cannot be read as one exactly.  Every code but ok
/// and rounding_necessary compares equal to errc::malformed_amount;
/// rounding_necessary compares equal to errc::rounding_necessary, the code of
/// the rounding_error the throwing forms raise for it.
enum class amount_errc {
  ok = 0,
  empty,               ///< nothing but whitespace
  missing_digits,      ///< a sign, point or separator without digits where they are needed
  bad_character,       ///< a character that has no place in an amount
  bad_grouping,        ///< thousands separators not in groups of three
  second_point,        ///< a second decimal point
  exponent,            ///< exponent notation such as 1e5
  not_finite,          ///< nan, inf, infinity
  too_precise,         ///< finer than 1 分 (or the decimal's scale) and no rounding mode given
  out_of_range,        ///< does not fit in 64 bits of 分
  rounding_necessary,  ///< finer than 1 分 (or the decimal's scale) and rounding::unnecessary given
};

namespace detail {
class amount_category_impl final : public std::error_category {
public:
  const char* name() const noexcept override { return "yusuan.amount"; }
  std::string message(int ev) const override {
    switch (static_cast<amount_errc>(ev)) {
      case amount_errc::ok: return "no error";
      case amount_errc::empty: return "empty amount";
      case amount_errc::missing_digits: return "expected a digit";
      case amount_errc::bad_character: return "unexpected character in amount";
      case amount_errc::bad_grouping: return "thousands separators must split the whole part into groups of three digits";
      case amount_errc::second_point: return "second decimal point in amount";
      case amount_errc::exponent: return "exponent notation is not allowed in amounts";
      case amount_errc::not_finite: return "not a finite decimal amount";
      case amount_errc::too_precise: return "amount is finer than the precision allowed; give a rounding mode";
      case amount_errc::out_of_range: return "amount out of range";
      case amount_errc::rounding_necessary: return "amount is finer than the precision allowed; rounding is necessary";
    }
    return "unknown amount error";
  }
  /// Every code but ok and rounding_necessary is a malformed amount (E0202):
  /// `ec == errc::malformed_amount` holds for each of them.  rounding_necessary
  /// is well-formed text that rounding::unnecessary forbids to round:
  /// `ec == errc::rounding_necessary` (E0702).
  std::error_condition default_error_condition(int ev) const noexcept override {
    if (ev == 0) return {0, *this};
    if (ev == static_cast<int>(amount_errc::rounding_necessary))  // (an int: amount_errc is not yet an error-code enum)
      return make_error_condition(errc::rounding_necessary);
    return make_error_condition(errc::malformed_amount);
  }
};
}  // namespace detail

/// The category of yusuan::amount_errc, named "yusuan.amount".
inline const std::error_category& amount_category() noexcept {
  static const detail::amount_category_impl instance;
  return instance;
}

inline std::error_code make_error_code(amount_errc e) noexcept { return {static_cast<int>(e), amount_category()}; }

}  // namespace yusuan

template <>
struct std::is_error_code_enum<yusuan::amount_errc> : std::true_type {};

namespace yusuan {

/// Thrown by the throwing forms of money::parse and decimal<S>::parse for text
/// that is not an amount (for amount_errc::rounding_necessary they throw
/// rounding_error instead, whose code() is errc::rounding_necessary).  code()
/// is the amount_errc, diagnostic_code() E0202, position() the byte offset of
/// the problem in the text, and what() says what and where in the words of
/// describe_amount_error, after "yusuan: ".
class amount_parse_error : public error {
public:
  amount_parse_error(std::error_code ec, std::size_t position, const std::string& what)
      : error(ec, what, "E0202", position) {}
};

}  // namespace yusuan
