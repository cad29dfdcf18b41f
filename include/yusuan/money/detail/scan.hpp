// yusuan/money/detail/scan.hpp -- reading a decimal numeral into a count of
// 10^-keep, for money::parse and decimal<S>::parse.
//
// The scanner says what is wrong (an amount_errc) and where (a byte offset),
// and nothing more: it never allocates.  The words for a failure are built
// only when asked for, by describe_amount_error (describe.hpp).
#pragma once

#include <yusuan/money/amount_error.hpp>
#include <yusuan/money/detail/pow10.hpp>
#include <yusuan/money/detail/rounding.hpp>
#include <yusuan/money/unit.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>

namespace yusuan::detail {

/// Scanned form of a decimal numeral: magnitude digits kept up to `keep`
/// fraction digits, the first dropped digit and whether anything non-zero
/// follows it.
struct scanned_number {
  bool negative = false;
  std::uint64_t kept = 0;        // integer digits followed by `keep` fraction digits
  int first_dropped = 0;         // first digit beyond `keep`, 0 if none
  bool sticky = false;           // any non-zero digit after first_dropped
  bool dropped_any = false;      // any non-zero fraction digit beyond `keep`
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

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// `text` without the white space around it; `first` receives its offset.
constexpr std::string_view trim(std::string_view text, std::size_t& first) noexcept {
  std::size_t i = 0, n = text.size();
  while (i < n && is_space(text[i])) ++i;
  while (n > i && is_space(text[n - 1])) --n;
  first = i;
  return text.substr(i, n - i);
}

/// Whether `s` (already trimmed) is nan, inf or infinity in any case, signed or not.
constexpr bool spells_non_finite(std::string_view s) noexcept {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  const auto is = [s](std::string_view word) {
    if (s.size() != word.size()) return false;
    for (std::size_t k = 0; k < s.size(); ++k)
      if ((s[k] >= 'A' && s[k] <= 'Z' ? s[k] - 'A' + 'a' : s[k]) != word[k]) return false;
    return true;
  };
  return is("nan") || is("inf") || is("infinity");
}

/// Scans `text` as [+-]digits[,ddd...][.digits] between optional white space,
/// keeping `keep` fraction digits.  On failure `pos` is the offset of the
/// problem (0 for out_of_range: the whole text).
inline amount_errc scan_number(std::string_view text, int keep, scanned_number& out, std::size_t& pos) noexcept {
  out = scanned_number{};
  std::size_t i = 0;
  const std::string_view trimmed = trim(text, i);
  const std::size_t n = i + trimmed.size();
  pos = i;
  if (i == n) return amount_errc::empty;
  if (spells_non_finite(trimmed)) return amount_errc::not_finite;
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
      // whole * 10 + digit > max_whole, written so that whole * 10 cannot wrap (keep 0).
      if (whole > guard && whole > (max_whole - static_cast<std::uint64_t>(c - '0')) / 10) {
        pos = 0;
        return amount_errc::out_of_range;
      }
      whole = whole * 10 + static_cast<std::uint64_t>(c - '0');
      ++int_digits;
      ++group_digits;
    } else if (c == ',') {
      // a first group of a leading 0 ("0,500": a decimal comma?) is no grouping
      const bool leading_zero = !grouped && int_digits > 0 && text[i - static_cast<std::size_t>(int_digits)] == '0';
      if (int_digits == 0 || (grouped && group_digits != 3) || (!grouped && group_digits > 3) || leading_zero) {
        pos = i;
        return int_digits == 0 ? amount_errc::missing_digits : amount_errc::bad_grouping;
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
    return group_digits == 0 ? amount_errc::missing_digits : amount_errc::bad_grouping;
  }
  std::uint64_t frac = 0;
  int frac_digits = 0;
  bool has_point = false;
  if (i < n && text[i] == '.') {
    has_point = true;
    if (int_digits == 0) {
      pos = i;
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
      return i < n && text[i] == '.' ? amount_errc::second_point : amount_errc::missing_digits;
    }
  }
  if (int_digits == 0) {
    pos = i;
    const bool sign_or_space = i == n || text[i] == '+' || text[i] == '-' || is_space(text[i]);
    return sign_or_space ? amount_errc::missing_digits : amount_errc::bad_character;
  }
  if (i < n) {
    pos = i;
    const char c = text[i];
    if (c == '.') return amount_errc::second_point;
    if (c == 'e' || c == 'E') return amount_errc::exponent;
    if (c == ',' && has_point) return amount_errc::bad_grouping;
    return amount_errc::bad_character;
  }
  for (int k = frac_digits; k < keep; ++k) frac *= 10;
  out.kept = whole * scale + frac;
  if (out.kept > limit - (out.negative ? 0 : 1)) {
    pos = 0;
    return amount_errc::out_of_range;
  }
  return amount_errc::ok;
}

/// Finishes a scanned number: applies `mode` and gives the signed count.
/// When digits were dropped, fails with too_precise if there is no mode and
/// with rounding_necessary if it is unnecessary, `pos` at the first of them.
inline amount_errc finish_number(const scanned_number& s, std::optional<rounding> mode, std::int64_t& value,
                                 std::size_t& pos) noexcept {
  std::uint64_t q = s.kept;
  if (s.dropped_any) {
    if (!mode || *mode == rounding::unnecessary) {
      pos = s.first_excess;
      return mode ? amount_errc::rounding_necessary : amount_errc::too_precise;
    }
    const int half = s.first_dropped > 5 || (s.first_dropped == 5 && s.sticky) ? 1 : (s.first_dropped == 5 ? 0 : -1);
    bool must_throw = false;
    if (round_away(*mode, s.negative, half, true, (q & 1U) != 0, must_throw)) ++q;
  }
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (q > limit + (s.negative ? 1U : 0U)) {
    pos = 0;
    return amount_errc::out_of_range;
  }
  value = s.negative ? static_cast<std::int64_t>(0ULL - q) : static_cast<std::int64_t>(q);
  return amount_errc::ok;
}

/// Sets what an error-code form of parse reports: `ec` cleared and
/// `position` 0 on success, else the code (`position` is already set).
/// Returns whether parsing succeeded.
inline bool report(amount_errc e, std::error_code& ec, std::size_t& position) noexcept {
  if (e != amount_errc::ok) {
    ec = e;
    return false;
  }
  ec.clear();
  position = 0;
  return true;
}

/// scan_number then finish_number; `value` is untouched on failure.
inline amount_errc scan_and_finish(std::string_view text, int keep, std::optional<rounding> mode, std::int64_t& value,
                                   std::size_t& pos) noexcept {
  scanned_number s;
  const amount_errc e = scan_number(text, keep, s, pos);
  return e == amount_errc::ok ? finish_number(s, mode, value, pos) : e;
}

}  // namespace yusuan::detail
