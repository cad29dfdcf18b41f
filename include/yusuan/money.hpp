// yusuan/money.hpp -- exact decimal money.
//
// `money` counts 分 (0.01 元) in a checked 64-bit integer.  Nothing here converts
// from or to binary floating point.  Whenever a value has to be rounded the
// caller names the rounding mode; products and quotients go through 128 bits
// (Boost.Multiprecision) so that `a * b / c` cannot overflow silently, and every
// overflow throws `yusuan::overflow_error`.
#pragma once

#include <yusuan/version.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace yusuan {

// ---------------------------------------------------------------------------
// Units and rounding modes
// ---------------------------------------------------------------------------

/// The unit an amount is written or read in.  Internally everything is 分.
enum class unit { yuan, wan_yuan, yi_yuan };

/// How a value is brought to a coarser precision.
///  half_up     四舍五入: halves away from zero (the Chinese convention)
///  half_even   banker's rounding: halves to the even neighbour
///  half_down   halves toward zero
///  up          away from zero;  down  toward zero (truncation)
///  ceiling     toward +infinity; floor toward -infinity
///  unnecessary the value must already be exact; otherwise rounding_error
enum class rounding { half_up, half_even, half_down, up, down, ceiling, floor, unnecessary };

/// Number of 分 in one of `u`.
constexpr std::int64_t fen_per(unit u) noexcept {
  switch (u) {
    case unit::yuan: return 100;
    case unit::wan_yuan: return 1'000'000;
    case unit::yi_yuan: return 10'000'000'000;
  }
  return 100;
}

/// Decimal places of `u` that are still whole 分 (元 2, 万元 6, 亿元 10).
constexpr int exact_decimals(unit u) noexcept {
  switch (u) {
    case unit::yuan: return 2;
    case unit::wan_yuan: return 6;
    case unit::yi_yuan: return 10;
  }
  return 2;
}

/// 元, 万元 or 亿元.
constexpr std::string_view unit_name(unit u) noexcept {
  switch (u) {
    case unit::yuan: return "元";
    case unit::wan_yuan: return "万元";
    case unit::yi_yuan: return "亿元";
  }
  return "元";
}

/// Accepts 元 / 万元 / 亿元 and yuan / wan_yuan / yi_yuan (also wan, yi).
inline std::optional<unit> parse_unit(std::string_view s) noexcept {
  if (s == "元" || s == "yuan") return unit::yuan;
  if (s == "万元" || s == "wan_yuan" || s == "wan-yuan" || s == "wan") return unit::wan_yuan;
  if (s == "亿元" || s == "yi_yuan" || s == "yi-yuan" || s == "yi") return unit::yi_yuan;
  return std::nullopt;
}

constexpr std::string_view to_string(rounding r) noexcept {
  switch (r) {
    case rounding::half_up: return "half_up";
    case rounding::half_even: return "half_even";
    case rounding::half_down: return "half_down";
    case rounding::up: return "up";
    case rounding::down: return "down";
    case rounding::ceiling: return "ceiling";
    case rounding::floor: return "floor";
    case rounding::unnecessary: return "unnecessary";
  }
  return "half_up";
}

inline std::optional<rounding> parse_rounding(std::string_view s) noexcept {
  for (auto r : {rounding::half_up, rounding::half_even, rounding::half_down, rounding::up, rounding::down,
                 rounding::ceiling, rounding::floor, rounding::unnecessary})
    if (to_string(r) == s) return r;
  if (s == "四舍五入") return rounding::half_up;
  if (s == "银行家舍入" || s == "四舍六入五成双") return rounding::half_even;
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Thrown when a result does not fit; the message names the operation and operands.
struct overflow_error : std::overflow_error {
  using std::overflow_error::overflow_error;
};

/// Thrown by rounding::unnecessary when rounding would change the value.
struct rounding_error : std::domain_error {
  using std::domain_error::domain_error;
};

/// Thrown by divisions, shares and changes whose divisor is zero.
struct division_by_zero : std::domain_error {
  using std::domain_error::domain_error;
};

/// Why a piece of text is not an amount.
enum class amount_errc {
  ok = 0,
  empty,             ///< nothing but whitespace
  missing_digits,    ///< a sign, point or separator without digits where they are needed
  bad_character,     ///< a character that has no place in an amount
  bad_grouping,      ///< thousands separators not in groups of three
  second_point,      ///< a second decimal point
  exponent,          ///< exponent notation such as 1e5
  not_finite,        ///< nan, inf, infinity
  too_precise,       ///< finer than 1 分 (or the decimal's scale) and no rounding mode given
  out_of_range,      ///< does not fit in 64 bits of 分
};

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
    }
    return "unknown amount error";
  }
};

inline const std::error_category& amount_category() noexcept {
  static const amount_category_impl instance;
  return instance;
}

inline std::error_code make_error_code(amount_errc e) noexcept { return {static_cast<int>(e), amount_category()}; }

}  // namespace yusuan

template <>
struct std::is_error_code_enum<yusuan::amount_errc> : std::true_type {};

namespace yusuan {

/// The outcome of parsing an amount without exceptions.  `position` is the byte
/// offset in the text where the problem was found; `detail` says what and where
/// in words (empty when parsing succeeded).
template <class T>
struct parse_result {
  T value{};
  std::error_code ec{};
  std::size_t position = 0;
  std::string detail;
  explicit operator bool() const noexcept { return !ec; }
  bool ok() const noexcept { return !ec; }
};

/// Thrown by the throwing parse functions.  what() is the same text as
/// parse_result::detail; code() and position() tell a program what went wrong.
class amount_parse_error : public std::invalid_argument {
public:
  amount_parse_error(std::error_code ec, std::size_t position, const std::string& what)
      : std::invalid_argument(what), ec_(ec), position_(position) {}
  std::error_code code() const noexcept { return ec_; }
  std::size_t position() const noexcept { return position_; }

private:
  std::error_code ec_;
  std::size_t position_;
};

namespace detail {

using int128 = boost::multiprecision::int128_t;

inline constexpr std::array<std::uint64_t, 20> pow10_table = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
    10000000000000000000ULL};

constexpr std::uint64_t pow10(int n) noexcept { return pow10_table[static_cast<std::size_t>(n)]; }

/// Adjusts a truncated magnitude `q` (the quotient toward zero) by one step as
/// `mode` requires.  `half` compares the discarded remainder with one half
/// (-1 below, 0 exactly half, +1 above); `inexact` is whether anything was
/// discarded at all; `negative` is the sign of the exact value.
/// Returns whether the magnitude is to grow by one.
constexpr bool round_away(rounding mode, bool negative, int half, bool inexact, std::uint64_t q, bool& must_throw) noexcept {
  must_throw = false;
  if (!inexact) return false;
  switch (mode) {
    case rounding::down: return false;
    case rounding::up: return true;
    case rounding::ceiling: return !negative;
    case rounding::floor: return negative;
    case rounding::half_up: return half >= 0;
    case rounding::half_down: return half > 0;
    case rounding::half_even: return half > 0 || (half == 0 && (q & 1U) != 0);
    case rounding::unnecessary: must_throw = true; return false;
  }
  return false;
}

[[gnu::noinline]] inline std::string int128_to_string(const int128& v) { return v.str(); }

/// Formats a count of 分 as 元 with two decimals, for error messages.
inline std::string fen_text(std::int64_t fen) {
  const bool neg = fen < 0;
  std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string s = std::to_string(mag / 100);
  const auto frac = mag % 100;
  s += '.';
  s += static_cast<char>('0' + frac / 10);
  s += static_cast<char>('0' + frac % 10);
  return neg ? "-" + s : s;
}

[[noreturn]] inline void throw_overflow(std::string_view op, const std::string& a, const std::string& b) {
  throw overflow_error("yusuan: overflow in " + std::string(op) + ": " + a + " and " + b + " do not fit in 64 bits of 分");
}
/// Out of line and cold: the operators' inline code is one add and one branch.
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_overflow_fen(std::string_view op, std::int64_t a, std::int64_t b) {
  throw_overflow(op, fen_text(a), fen_text(b));
}

/// Divides num by den and rounds as `mode` says.  Throws division_by_zero,
/// rounding_error (unnecessary and inexact) and overflow_error when the result
/// leaves int64.
inline std::int64_t round_div(const int128& num, const int128& den, rounding mode, std::string_view what = "division") {
  if (den == 0) throw division_by_zero("yusuan: division by zero in " + std::string(what));
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
  const bool away = round_away(mode, negative, half, r != 0, static_cast<std::uint64_t>(q & 1), must_throw);
  if (must_throw)
    throw rounding_error("yusuan: rounding is necessary in " + std::string(what) + ": " + int128_to_string(num) +
                         " / " + int128_to_string(den) + " is not exact");
  if (away) q += 1;
  if (negative) q = -q;
  if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
    throw overflow_error("yusuan: overflow in " + std::string(what) + ": " + int128_to_string(num) + " / " +
                         int128_to_string(den) + " does not fit in 64 bits");
  return static_cast<std::int64_t>(q);
}

/// Fast path of round_div for 64-bit operands.
inline std::int64_t round_div64(std::int64_t num, std::int64_t den, rounding mode, std::string_view what = "division") {
  if (den == 0) throw division_by_zero("yusuan: division by zero in " + std::string(what));
  if (num == std::numeric_limits<std::int64_t>::min() || den == std::numeric_limits<std::int64_t>::min())
    return round_div(int128(num), int128(den), mode, what);
  const bool negative = (num < 0) != (den < 0);
  const std::uint64_t n = num < 0 ? static_cast<std::uint64_t>(-num) : static_cast<std::uint64_t>(num);
  const std::uint64_t d = den < 0 ? static_cast<std::uint64_t>(-den) : static_cast<std::uint64_t>(den);
  std::uint64_t q = n / d;
  const std::uint64_t r = n % d;
  int half = 0;
  if (r != 0) half = r < d - r ? -1 : (r == d - r ? 0 : 1);
  bool must_throw = false;
  const bool away = round_away(mode, negative, half, r != 0, q, must_throw);
  if (must_throw)
    throw rounding_error("yusuan: rounding is necessary in " + std::string(what) + ": " + std::to_string(num) + " / " +
                         std::to_string(den) + " is not exact");
  if (away) ++q;
  return negative ? -static_cast<std::int64_t>(q) : static_cast<std::int64_t>(q);
}

/// Scanned form of a decimal numeral: magnitude digits kept up to `keep`
/// fraction digits, the first dropped digit and whether anything non-zero
/// follows it.  Shared by money::parse and decimal<S>::parse.
struct scanned_number {
  bool negative = false;
  std::uint64_t kept = 0;     // integer digits followed by `keep` fraction digits
  int first_dropped = 0;      // first digit beyond `keep`, 0 if none
  bool sticky = false;        // any non-zero digit after first_dropped
  bool dropped_any = false;   // any non-zero fraction digit beyond `keep`
  std::size_t first_excess = 0;  // offset of the first non-zero digit beyond `keep`
};

/// 2^63 / 10^k: the largest integer part that still fits once scaled by 10^k.
inline constexpr auto max_whole_table = [] {
  std::array<std::uint64_t, 19> t{};
  for (std::size_t k = 0; k < t.size(); ++k) t[k] = (std::uint64_t{1} << 63) / pow10_table[k];
  return t;
}();

/// Fast path for the common shape [-]digits[.digits]: at most `keep` fraction
/// digits and at most 18 - keep integer digits, so nothing can overflow.
/// Returns false for anything else, which the general scanner then decides.
inline bool scan_plain(std::string_view text, int keep, std::int64_t& value) noexcept {
  const char* p = text.data();
  const char* const end = p + text.size();
  if (p == end) return false;
  const bool negative = *p == '-';
  if (negative) ++p;
  const char* const int_start = p;
  std::uint64_t v = 0;
  while (p != end && static_cast<unsigned>(*p - '0') < 10U) v = v * 10 + static_cast<unsigned>(*p++ - '0');
  const auto int_digits = p - int_start;
  if (int_digits == 0 || int_digits > 18 - keep) return false;
  int frac_digits = 0;
  if (p != end) {
    if (*p != '.') return false;
    ++p;
    for (; p != end && static_cast<unsigned>(*p - '0') < 10U; ++p, ++frac_digits) {
      if (frac_digits == keep) return false;
      v = v * 10 + static_cast<unsigned>(*p - '0');
    }
    if (frac_digits == 0 || p != end) return false;
  }
  v *= pow10(keep - frac_digits);
  value = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return true;
}

inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// 'text' in single quotes.  (Built by appending: GCC 12 at -O3 gives a false
/// -Wrestrict warning for "'" + std::string(...), which breaks -Werror builds.)
inline std::string quoted(std::string_view text) {
  std::string q;
  q.reserve(text.size() + 2);
  q += '\'';
  q.append(text);
  q += '\'';
  return q;
}

inline std::string quote_char(std::string_view text, std::size_t pos) {
  // Quote the whole UTF-8 sequence starting at pos.
  std::size_t len = 1;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 0xF0) len = 4;
  else if (c >= 0xE0) len = 3;
  else if (c >= 0xC0) len = 2;
  len = std::min(len, text.size() - pos);
  return quoted(text.substr(pos, len));
}

/// Scans `text` as [+-]digits[,ddd...][.digits], keeping `keep` fraction digits.
/// The integer part times 10^keep must fit in int64 (checked against `limit`).
inline amount_errc scan_number(std::string_view text, int keep, scanned_number& out, std::size_t& pos,
                               std::string& detail, std::string_view what) {
  out = scanned_number{};
  std::size_t i = 0, n = text.size();
  while (i < n && is_space(text[i])) ++i;
  while (n > i && is_space(text[n - 1])) --n;
  pos = i;
  if (i == n) {
    detail = "empty " + std::string(what);
    return amount_errc::empty;
  }
  // nan / inf spelled out: only looked at when the first letter could start one.
  if (const std::size_t k = i + (text[i] == '+' || text[i] == '-' ? 1 : 0);
      k < n && ((text[k] | 0x20) == 'n' || (text[k] | 0x20) == 'i')) {
    std::string lower;
    for (std::size_t k = i; k < n && lower.size() < 10; ++k)
      lower += static_cast<char>(text[k] >= 'A' && text[k] <= 'Z' ? text[k] - 'A' + 'a' : text[k]);
    std::string_view l = lower;
    if (!l.empty() && (l[0] == '+' || l[0] == '-')) l.remove_prefix(1);
    if (l == "nan" || l == "inf" || l == "infinity") {
      detail = quoted(text.substr(i, n - i)) + " is not a finite decimal " + std::string(what);
      return amount_errc::not_finite;
    }
  }
  if (text[i] == '+' || text[i] == '-') {
    out.negative = text[i] == '-';
    ++i;
  }
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1U;
  const std::uint64_t scale = pow10(keep);
  const std::uint64_t max_whole = max_whole_table[static_cast<std::size_t>(keep)];  // limit / scale, no division
  const std::uint64_t guard = (max_whole - 9) / 10;
  std::uint64_t whole = 0;
  int int_digits = 0, group_digits = 0;
  bool grouped = false;
  std::size_t last_sep = 0;
  for (; i < n; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      // whole * 10 + digit > limit / scale, written so that whole * 10 cannot wrap (Scale 0).
      // whole * 10 + digit > max_whole, written so that whole * 10 cannot wrap.
      if (whole > guard && whole > (max_whole - static_cast<std::uint64_t>(c - '0')) / 10) {
        pos = i;
        detail = std::string(what) + " '" + std::string(text.substr(pos == 0 ? 0 : 0, n)) + "' is out of range";
        pos = 0;
        return amount_errc::out_of_range;
      }
      whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
      ++int_digits;
      ++group_digits;
    } else if (c == ',') {
      if (int_digits == 0) {
        pos = i;
        detail = "expected a digit before ',' at offset " + std::to_string(i);
        return amount_errc::missing_digits;
      }
      if ((grouped && group_digits != 3) || (!grouped && group_digits > 3)) {
        pos = i;
        detail = "thousands separator at offset " + std::to_string(i) + " does not close a group of three digits";
        return amount_errc::bad_grouping;
      }
      grouped = true;
      group_digits = 0;
      last_sep = i;
    } else {
      break;
    }
  }
  if (grouped && group_digits != 3) {
    pos = group_digits == 0 ? last_sep : i;
    detail = group_digits == 0 ? "expected three digits after ',' at offset " + std::to_string(last_sep)
                               : "thousands separator at offset " + std::to_string(last_sep) +
                                     " must be followed by exactly three digits";
    return group_digits == 0 ? amount_errc::missing_digits : amount_errc::bad_grouping;
  }
  std::uint64_t frac = 0;
  int frac_digits = 0;
  bool has_point = false;
  if (i < n && text[i] == '.') {
    has_point = true;
    if (int_digits == 0) {
      pos = i;
      detail = "expected a digit before '.' at offset " + std::to_string(i);
      return amount_errc::missing_digits;
    }
    ++i;
    const std::size_t frac_start = i;
    for (; i < n; ++i) {
      const char c = text[i];
      if (c < '0' || c > '9') break;
      const int d = c - '0';
      if (frac_digits < keep) {
        frac = frac * 10 + static_cast<std::uint64_t>(d);
      } else if (frac_digits == keep) {
        out.first_dropped = d;
        if (d != 0 && !out.dropped_any) {
          out.dropped_any = true;
          out.first_excess = i;
        }
      } else if (d != 0) {
        out.sticky = true;
        if (!out.dropped_any) {
          out.dropped_any = true;
          out.first_excess = i;
        }
      }
      ++frac_digits;
    }
    if (i == frac_start) {
      pos = i;
      detail = i < n ? "expected a digit after '.' at offset " + std::to_string(i - 1) + ", found " + quote_char(text, i)
                     : "expected a digit after '.' at offset " + std::to_string(i - 1);
      return i < n && text[i] == '.' ? amount_errc::second_point : amount_errc::missing_digits;
    }
  }
  if (int_digits == 0) {
    pos = i;
    detail = i < n ? "expected a digit at offset " + std::to_string(i) + ", found " + quote_char(text, i)
                   : "expected a digit after '" + std::string(text.substr(pos == 0 ? 0 : i - 1, 1)) + "'";
    if (i < n) {
      const char c = text[i];
      if (c != '+' && c != '-' && !is_space(c)) {
        detail = "unexpected character " + quote_char(text, i) + " at offset " + std::to_string(i) + " in " +
                 std::string(what);
        return amount_errc::bad_character;
      }
    }
    return amount_errc::missing_digits;
  }
  if (i < n) {
    pos = i;
    const char c = text[i];
    if (c == '.') {
      detail = "second decimal point at offset " + std::to_string(i);
      return amount_errc::second_point;
    }
    if (c == 'e' || c == 'E') {
      detail = "exponent notation ('" + std::string(text.substr(i, n - i)) + "' at offset " + std::to_string(i) +
               ") is not allowed in " + std::string(what) + "s";
      return amount_errc::exponent;
    }
    if (c == ',' && has_point) {
      detail = "thousands separator at offset " + std::to_string(i) + " after the decimal point";
      return amount_errc::bad_grouping;
    }
    detail = "unexpected character " + quote_char(text, i) + " at offset " + std::to_string(i) + " in " +
             std::string(what);
    return amount_errc::bad_character;
  }
  for (int k = frac_digits; k < keep; ++k) frac *= 10;
  out.kept = whole * scale + frac;
  if (out.kept > limit - (out.negative ? 0 : 1)) {
    pos = 0;
    detail = std::string(what) + " '" + std::string(text.substr(0, n)) + "' is out of range";
    return amount_errc::out_of_range;
  }
  return amount_errc::ok;
}

/// Error texts of finish_number, out of line and cold: keeps the parsers' hot
/// path small (and clear of GCC 12's -Wrestrict false positive on inlined
/// std::string concatenation).
[[gnu::cold, gnu::noinline]] inline void too_precise_detail(std::string& detail, std::string_view text,
                                                            std::string_view precision_words, std::size_t offset,
                                                            bool had_mode) {
  detail = quoted(text) + " is finer than " + std::string(precision_words) + " (digit at offset " +
           std::to_string(offset) + (had_mode ? "); rounding is necessary" : "); give a rounding mode");
}
[[gnu::cold, gnu::noinline]] inline void out_of_range_detail(std::string& detail, std::string_view text) {
  detail = quoted(text) + " is out of range";
}

/// Finishes a scanned number: applies `mode` (or fails with too_precise when
/// there is none and digits were dropped) and returns the signed count.
inline amount_errc finish_number(const scanned_number& s, const std::optional<rounding>& mode, std::int64_t& value,
                                 std::string& detail, std::size_t& pos, std::string_view text,
                                 std::string_view precision_words) {
  std::uint64_t q = s.kept;
  if (s.dropped_any) {
    if (!mode || *mode == rounding::unnecessary) {
      pos = s.first_excess;
      too_precise_detail(detail, text, precision_words, s.first_excess, mode.has_value());
      return amount_errc::too_precise;
    }
    const int half = s.first_dropped > 5 || (s.first_dropped == 5 && s.sticky) ? 1 : (s.first_dropped == 5 ? 0 : -1);
    bool must_throw = false;
    if (round_away(*mode, s.negative, half, true, q, must_throw)) ++q;
  }
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (q > limit + (s.negative ? 1U : 0U)) {
    pos = 0;
    out_of_range_detail(detail, text);
    return amount_errc::out_of_range;
  }
  value = s.negative ? static_cast<std::int64_t>(0ULL - q) : static_cast<std::int64_t>(q);
  return amount_errc::ok;
}

/// Writes the magnitude `mag` (an integer count of 10^-decimals) with a point
/// before the last `decimals` digits and optional thousands separators.
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

}  // namespace detail

// ---------------------------------------------------------------------------
// decimal<Scale>: rates, percentages and intermediate results
// ---------------------------------------------------------------------------

/// A signed fixed-point number with `Scale` decimal places: an integer count of
/// 10^-Scale in 64 bits.  Used for rates, percentages and shares.
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
    if (std::cmp_greater(v, std::numeric_limits<std::int64_t>::max()) ||
        __builtin_mul_overflow(static_cast<std::int64_t>(v), one, &r))
      throw overflow_error("yusuan: overflow in decimal<" + std::to_string(Scale) + ">::from_integer(" +
                           std::to_string(v) + ")");
    return from_units(r);
  }
  /// The value units * 10^-Scale.
  static constexpr decimal from_units(std::int64_t units) noexcept {
    decimal d;
    d.units_ = units;
    return d;
  }
  constexpr std::int64_t units() const noexcept { return units_; }

  /// Parses "12.5", "-0.0325", "1,000.5"; finer text needs a rounding mode.
  static parse_result<decimal> try_parse(std::string_view text, std::optional<rounding> mode = std::nullopt) {
    parse_result<decimal> r;
    detail::scanned_number s;
    auto e = detail::scan_number(text, Scale, s, r.position, r.detail, "decimal");
    std::int64_t v = 0;
    if (e == amount_errc::ok)
      e = detail::finish_number(s, mode, v, r.detail, r.position, text,
                                Scale == 0 ? std::string("a whole number")
                                           : "10^-" + std::to_string(Scale));
    if (e != amount_errc::ok) {
      r.ec = e;
      return r;
    }
    r.value = from_units(v);
    return r;
  }
  static decimal parse(std::string_view text, std::error_code& ec) noexcept {
    try {
      auto r = try_parse(text);
      ec = r.ec;
      return r.value;
    } catch (...) {
      ec = amount_errc::out_of_range;
      return {};
    }
  }
  static decimal parse(std::string_view text, std::optional<rounding> mode = std::nullopt) {
    auto r = try_parse(text, mode);
    if (!r && mode && r.ec == amount_errc::too_precise) throw rounding_error("yusuan: " + r.detail);
    if (!r) throw amount_parse_error(r.ec, r.position, "yusuan: " + r.detail);
    return r.value;
  }

  /// The value with all its Scale decimals ("6.06", "-3.87").
  std::string format() const {
    char buf[48];
    const bool neg = units_ < 0;
    const std::uint64_t mag = neg ? 0ULL - static_cast<std::uint64_t>(units_) : static_cast<std::uint64_t>(units_);
    return std::string(buf, detail::write_fixed(buf, neg, mag, Scale, false));
  }

  /// Changes the scale; a coarser scale needs the rounding mode.
  template <int S2>
  decimal<S2> rescale(rounding mode) const {
    if constexpr (S2 >= Scale) {
      std::int64_t r = 0;
      if (__builtin_mul_overflow(units_, static_cast<std::int64_t>(detail::pow10(S2 - Scale)), &r))
        throw overflow_error("yusuan: overflow in decimal rescale of " + format());
      return decimal<S2>::from_units(r);
    } else {
      return decimal<S2>::from_units(
          detail::round_div64(units_, static_cast<std::int64_t>(detail::pow10(Scale - S2)), mode, "decimal rescale"));
    }
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

  /// Product of two decimals at this scale, rounded as `mode` says.
  template <int S2>
  decimal multiply(decimal<S2> b, rounding mode) const {
    return from_units(detail::round_div(detail::int128(units_) * b.units(), detail::int128(detail::pow10(S2)), mode,
                                        "decimal multiplication"));
  }
  /// Quotient at this scale, rounded as `mode` says.
  decimal divide(decimal b, rounding mode) const {
    return from_units(detail::round_div(detail::int128(units_) * one, detail::int128(b.units_), mode,
                                        "decimal division"));
  }

  friend std::ostream& operator<<(std::ostream& os, decimal d) { return os << d.format(); }

private:
  std::int64_t units_ = 0;
};

// ---------------------------------------------------------------------------
// money
// ---------------------------------------------------------------------------

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

  /// Parses "38381.46", "-1,543.19", "0.5" written in `u`.  Text finer than 1 分
  /// after scaling is an error unless `mode` is given.  Never throws.
  static parse_result<money> try_parse(std::string_view text, unit u = unit::yuan,
                                       std::optional<rounding> mode = std::nullopt) {
    parse_result<money> r;
    std::int64_t fast = 0;
    if (detail::scan_plain(text, exact_decimals(u), fast)) {
      r.value = from_fen(fast);
      return r;
    }
    detail::scanned_number s;
    auto e = detail::scan_number(text, exact_decimals(u), s, r.position, r.detail, "amount");
    std::int64_t v = 0;
    if (e == amount_errc::ok)
      e = detail::finish_number(s, mode, v, r.detail, r.position, text,
                                u == unit::yuan ? std::string_view("1 分 (0.01 元)") : u == unit::wan_yuan ? std::string_view("1 分 (0.000001 万元)") : std::string_view("1 分 (0.0000000001 亿元)"));
    if (e != amount_errc::ok) {
      r.ec = e;
      return r;
    }
    r.value = from_fen(v);
    return r;
  }
  /// Boost.JSON style: sets ec instead of throwing.
  static money parse(std::string_view text, unit u, std::error_code& ec) {
    auto r = try_parse(text, u);
    ec = r.ec;
    return r.value;
  }
  static money parse(std::string_view text, std::error_code& ec) { return parse(text, unit::yuan, ec); }
  /// Throws amount_parse_error (a std::invalid_argument) saying what and where.
  static money parse(std::string_view text, unit u = unit::yuan) {
    auto r = try_parse(text, u);
    if (!r) throw amount_parse_error(r.ec, r.position, "yusuan: " + r.detail);
    return r.value;
  }
  /// Rounds text finer than 1 分 as `mode` says (unnecessary: throws rounding_error if inexact).
  static money parse(std::string_view text, unit u, rounding mode) {
    auto r = try_parse(text, u, mode);
    if (!r && r.ec == amount_errc::too_precise) throw rounding_error("yusuan: " + r.detail);  // unnecessary
    if (!r) throw amount_parse_error(r.ec, r.position, "yusuan: " + r.detail);
    return r.value;
  }

  // --- formatting ---------------------------------------------------------

  /// Writes the amount in `u` with `decimals` places (rounded half-up for
  /// display), optionally with thousands separators.  Returns the length; `out`
  /// needs room for 48 characters.
  std::size_t format_to(char* out, unit u = unit::yuan, int decimals = 2, bool thousands = false) const {
    if (decimals < 0 || decimals > 18) throw std::invalid_argument("yusuan: money::format: decimals must be in [0, 18]");
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
  money round(unit u, int decimals, rounding mode) const {
    if (decimals < 0) throw std::invalid_argument("yusuan: money::round: decimals must not be negative");
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
    return from_fen(detail::round_div(detail::int128(fen_) * factor.units(), detail::int128(decimal<S>::one), mode,
                                      "money multiplication"));
  }
  /// This amount divided by an integer, rounded to 分 as `mode` says.
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  money divide(I divisor, rounding mode) const {
    return from_fen(detail::round_div(detail::int128(fen_), detail::int128(divisor), mode, "money division"));
  }
  /// this * numerator / denominator through 128 bits, rounded once.
  money muldiv(std::int64_t numerator, std::int64_t denominator, rounding mode) const {
    return from_fen(detail::round_div(detail::int128(fen_) * numerator, detail::int128(denominator), mode,
                                      "money multiply-divide"));
  }
  /// The ratio of two amounts at scale S, rounded as `mode` says.
  template <int S>
  static decimal<S> ratio(money a, money b, rounding mode) {
    return decimal<S>::from_units(
        detail::round_div(detail::int128(a.fen_) * decimal<S>::one, detail::int128(b.fen_), mode, "money ratio"));
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

  friend std::ostream& operator<<(std::ostream& os, money m) { return os << m.format(); }

private:
  std::int64_t fen_ = 0;
};

inline std::string to_string(money m, unit u = unit::yuan, int decimals = 2) { return m.format(u, decimals); }

/// A sum of any number of amounts in 128 bits: adds at the speed of int64 and
/// spills into Boost.Multiprecision only when 64 bits would overflow.
class money_sum {
public:
  constexpr money_sum() noexcept = default;
  void add(money m) noexcept {
    std::int64_t r;
    if (__builtin_add_overflow(part_, m.fen(), &r)) {
      spill_ += part_;
      part_ = m.fen();
    } else {
      part_ = r;
    }
  }
  /// Adds every amount: the same exact result as adding them one at a time,
  /// but the loop vectorises.  Blocks of up to 1024 are summed with wrapping
  /// 64-bit adds while the magnitudes are OR-ed together; when every |x| in a
  /// block is below 2^(63 - bit_width(block size)) (2^52 for a full block, about
  /// 45 万亿元) no partial sum can leave int64, so the wrapped sum is exact.  Any
  /// other block is added one amount at a time.
  void add(std::span<const money> amounts) noexcept {
    constexpr std::size_t block = 1024;
    const money* p = amounts.data();
    std::size_t n = amounts.size();
    while (n != 0) {
      const std::size_t k = n < block ? n : block;
      std::uint64_t s = 0, bound = 0;
      for (std::size_t i = 0; i < k; ++i) {
        const std::int64_t x = p[i].fen();
        s += static_cast<std::uint64_t>(x);
        bound |= static_cast<std::uint64_t>(x ^ (x >> 63));  // |x| or |x| - 1
      }
      if (std::bit_width(bound) + std::bit_width(k) <= 63) [[likely]] {
        add(money::from_fen(static_cast<std::int64_t>(s)));
      } else {
        for (std::size_t i = 0; i < k; ++i) add(p[i]);
      }
      p += k;
      n -= k;
    }
  }
  money_sum& operator+=(money m) noexcept {
    add(m);
    return *this;
  }
  money_sum& operator+=(const money_sum& o) noexcept {
    spill_ += o.spill_;
    add(money::from_fen(o.part_));
    return *this;
  }
  /// The exact sum in 分.
  detail::int128 fen() const { return spill_ + part_; }
  /// The sum as money; throws overflow_error when it does not fit 64 bits.
  money value() const {
    const detail::int128 v = fen();
    if (v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min()) [[unlikely]]
      throw_too_large(v);
    return money::from_fen(static_cast<std::int64_t>(v));
  }

private:
  [[noreturn, gnu::cold, gnu::noinline]] static void throw_too_large(const detail::int128& v) {
    throw overflow_error("yusuan: overflow in money sum: " + detail::int128_to_string(v) + " 分 does not fit in 64 bits");
  }

  std::int64_t part_ = 0;
  detail::int128 spill_ = 0;
};

/// The exact sum of `amounts`.  Throws overflow_error only when the total does
/// not fit in 64 bits of 分 (a running `+` throws as soon as a partial sum
/// does not).  Vectorises; see money_sum::add(std::span<const money>).
inline money sum(std::span<const money> amounts) {
  money_sum s;
  s.add(amounts);
  return s.value();
}

// ---------------------------------------------------------------------------
// Shares and year-on-year changes
// ---------------------------------------------------------------------------

namespace detail {
/// n * 100 * 10^scale.  When that does not fit 128 bits the quotient by a
/// 64-bit divisor cannot fit 64 bits either, so it is an overflow (not a wrap).
inline int128 percent_numerator(const int128& n, int scale, std::string_view what) {
  const int128 factor = int128(100) * int128(pow10(scale));
  if (abs(n) > std::numeric_limits<int128>::max() / factor)
    throw overflow_error("yusuan: overflow in " + std::string(what) + ": " + n.str() + " 分 at " +
                         std::to_string(scale) + " decimal places does not fit");
  return n * factor;
}
/// part / whole * 100 as a count of 10^-scale percent.
inline std::int64_t percent_units(money part, money whole, int scale, rounding mode, std::string_view what) {
  if (whole.is_zero()) throw division_by_zero("yusuan: " + std::string(what) + " of " + fen_text(part.fen()) + " 元 in a whole of 0");
  return round_div(percent_numerator(int128(part.fen()), scale, what), int128(whole.fen()), mode, what);
}
/// (current - previous) / |previous| * 100 as a count of 10^-scale percent.
inline std::int64_t change_units(money current, money previous, int scale, rounding mode) {
  if (previous.is_zero())
    throw division_by_zero("yusuan: change against a previous value of 0 (from 0 to " + fen_text(current.fen()) + " 元)");
  const int128 diff = int128(current.fen()) - int128(previous.fen());
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

// ---------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------

/// Splits `total` in proportion to `weights` by the largest-remainder method.
/// The parts always sum exactly to `total`; each is within one 分 of its ideal
/// share total * w / Σw.  The 分 left over after rounding every share toward
/// zero go one each to the parts with the largest remainders; among equal
/// remainders the earlier part wins.  A negative total is split as its
/// magnitude and negated.  Weights must be non-negative with a positive sum.
inline std::vector<money> allocate(money total, std::span<const std::int64_t> weights) {
  if (weights.empty()) throw std::invalid_argument("yusuan: allocate: no weights");
  detail::int128 sum = 0;
  for (auto w : weights) {
    if (w < 0) throw std::invalid_argument("yusuan: allocate: weight " + std::to_string(w) + " is negative");
    sum += w;
  }
  if (sum == 0) throw std::invalid_argument("yusuan: allocate: the weights sum to zero");
  const bool negative = total.fen() < 0;
  const detail::int128 mag = abs(detail::int128(total.fen()));
  // Magnitudes go up to 2^63 (a total of money::min()), so they are kept unsigned.
  std::vector<std::uint64_t> mags(weights.size());
  std::vector<std::pair<detail::int128, std::size_t>> rem(weights.size());
  detail::int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const detail::int128 ideal = mag * weights[i];
    const detail::int128 q = ideal / sum;
    rem[i] = {ideal - q * sum, i};
    given += q;
    mags[i] = static_cast<std::uint64_t>(q);
  }
  auto left = static_cast<std::size_t>(mag - given);  // < number of parts
  std::stable_sort(rem.begin(), rem.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; k < left; ++k) ++mags[rem[k].second];
  std::vector<money> parts(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i)
    parts[i] = money::from_fen(static_cast<std::int64_t>(negative ? 0ULL - mags[i] : mags[i]));
  return parts;
}

/// Splits `total` into `n` parts as equal as possible (earlier parts get the
/// extra 分).
inline std::vector<money> allocate(money total, std::size_t n) {
  if (n == 0) throw std::invalid_argument("yusuan: allocate: zero parts");
  std::vector<std::int64_t> w(n, 1);
  return allocate(total, std::span<const std::int64_t>(w));
}

// ---------------------------------------------------------------------------
// 人民币大写
// ---------------------------------------------------------------------------

namespace detail {
inline constexpr std::array<std::string_view, 10> cn_digit = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

/// 1 ≤ v ≤ 9999, without leading 零.
inline void cn_group(std::string& out, unsigned v) {
  static constexpr std::array<std::string_view, 4> place = {"仟", "佰", "拾", ""};
  const unsigned d[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
  bool started = false, zero = false;
  for (int k = 0; k < 4; ++k) {
    if (d[k] == 0) {
      zero = started;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += cn_digit[d[k]];
    out += place[static_cast<std::size_t>(k)];
    started = true;
  }
}

/// n ≥ 1, in groups of 万 and 亿 (亿亿 beyond).
inline void cn_integer(std::string& out, std::uint64_t n) {
  constexpr std::uint64_t yi = 100'000'000, wan = 10'000;
  if (n >= yi) {
    cn_integer(out, n / yi);
    out += "亿";
    const std::uint64_t low = n % yi;
    if (low == 0) return;
    // zeros between 亿 and the first digit of the rest: the 仟万 digit is 0, or the
    // high part ends in a whole group of zeros (1,0000,1000,0000 → 壹万亿零壹仟万).
    if (low < yi / 10 || n / yi % wan == 0) out += "零";
    cn_integer(out, low);
    return;
  }
  if (n >= wan) {
    cn_group(out, static_cast<unsigned>(n / wan));
    out += "万";
    const auto low = static_cast<unsigned>(n % wan);
    if (low == 0) return;
    if (low < 1000) out += "零";
    cn_group(out, low);
    return;
  }
  cn_group(out, static_cast<unsigned>(n));
}
}  // namespace detail

/// The amount in Chinese capital numerals as 《支付结算办法》 writes them:
/// 1409.50 → 壹仟肆佰零玖元伍角, 6007.14 → 陆仟零柒元壹角肆分, 10 → 壹拾元整,
/// 105000 → 壹拾万伍仟元整, 1000001 → 壹佰万零壹元整, 325.04 → 叁佰贰拾伍元零肆分.
/// Where the rules allow a choice: one 零 stands for a run of zeros between
/// non-zero digits, but none is written when the run only closes a 万 or 亿
/// group and the next group starts at its 仟 digit (105000 → 壹拾万伍仟元整,
/// 100005000 → 壹亿零伍仟元整); a zero 元 digit before a non-zero 角 is written
/// 零 (1680.32 → 壹仟陆佰捌拾元零叁角贰分); 整 follows 元 but not 角 or 分.
/// Negative amounts start with 负.  Amounts below one 元 start at 角 or 分.
inline std::string to_chinese_uppercase(money m) {
  const bool negative = m.fen() < 0;
  const std::uint64_t mag = negative ? 0ULL - static_cast<std::uint64_t>(m.fen()) : static_cast<std::uint64_t>(m.fen());
  const std::uint64_t yuan = mag / 100;
  const auto jiao = static_cast<std::size_t>(mag / 10 % 10), fen = static_cast<std::size_t>(mag % 10);
  if (mag == 0) return "零元整";
  std::string out;
  if (negative) out += "负";
  if (yuan != 0) {
    detail::cn_integer(out, yuan);
    out += "元";
  }
  if (jiao == 0 && fen == 0) return out + "整";
  if (jiao != 0) {
    if (yuan % 10 == 0 && yuan != 0) out += "零";
    out += detail::cn_digit[jiao];
    out += "角";
  } else if (yuan != 0) {
    out += "零";
  }
  if (fen != 0) {
    out += detail::cn_digit[fen];
    out += "分";
  }
  return out;
}

}  // namespace yusuan

template <>
struct std::hash<yusuan::money> {
  std::size_t operator()(yusuan::money m) const noexcept { return std::hash<std::int64_t>{}(m.fen()); }
};
