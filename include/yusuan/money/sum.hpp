// yusuan/money/sum.hpp -- exact sums of any number of amounts: money_sum and
// sum().
#pragma once

#include <yusuan/error.hpp>
#include <yusuan/money/int128.hpp>
#include <yusuan/money/money.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <system_error>

namespace yusuan {

/// A sum of any number of amounts in 128 bits: adds at the speed of int64 and
/// spills into a 128-bit total only when 64 bits would overflow.
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
  int128 fen() const noexcept { return spill_ + part_; }
  /// The sum as money; throws overflow_error when it does not fit 64 bits.
  money value() const {
    std::int64_t r = 0;
    if (value_fen(r) != errc::ok) [[unlikely]]
      throw_too_large(fen());
    return money::from_fen(r);
  }
  /// The sum as money; errc::overflow and 0 when it does not fit 64 bits.
  money value(std::error_code& ec) const noexcept {
    std::int64_t r = 0;
    return detail::report(value_fen(r), ec) ? money::from_fen(r) : money{};
  }

private:
  errc value_fen(std::int64_t& r) const noexcept {
    const int128 v = fen();
    if (!v.fits_int64()) return errc::overflow;
    r = static_cast<std::int64_t>(v);
    return errc::ok;
  }
  [[noreturn, gnu::cold, gnu::noinline]] static void throw_too_large(int128 v) {
    throw overflow_error("yusuan: overflow in money sum: " + v.to_string() + " 分 does not fit in 64 bits");
  }

  std::int64_t part_ = 0;
  int128 spill_ = 0;
};

namespace detail {
/// format_fen for 0 ≤ decimals ≤ 18.
inline std::string format_fen_unchecked(int128 fen, unit u, int decimals, bool thousands) {
  if (fen.fits_int64()) return money::from_fen(static_cast<std::int64_t>(fen)).format(u, decimals, thousands);
  const bool negative = fen < 0;
  const int natural = exact_decimals(u);
  int places = natural;
  std::string digits;
  if (decimals < natural) {
    // divided first, the magnitude always has a negation (even of -2^127)
    const int128 div = static_cast<std::int64_t>(detail::pow10(natural - decimals));
    int128 mag = fen / div, rem = fen % div;
    if (negative) {
      mag = -mag;
      rem = -rem;
    }
    if (rem * 2 >= div) mag += 1;  // half-up (away from zero)
    places = decimals;
    digits = mag.to_string();
  } else {
    digits = fen.to_string();  // -2^127 too
    if (negative) digits.erase(0, 1);
  }
  const auto p = static_cast<std::size_t>(places);
  if (digits.size() <= p) digits.insert(0, p + 1 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - p);
  const std::string fraction = digits.substr(digits.size() - p);
  if (thousands)
    for (std::size_t i = whole.size(); i > 3; i -= 3) whole.insert(i - 3, ",");
  std::string out = (negative ? "-" : "") + whole;
  if (decimals > 0) out += "." + fraction + std::string(static_cast<std::size_t>(decimals - places), '0');
  return out;
}
}  // namespace detail

/// The decimals it takes to show `fen` exactly in `u`, at least two:
/// 38.385 万元 takes three, 38.38 万元 two.
inline int decimals_to_show(int128 fen, unit u) noexcept {
  const int most = exact_decimals(u);
  int decimals = 2;
  std::int64_t step = 1;
  for (int k = most; k > 2; --k) step *= 10;  // 分 per unit of the last of two decimals
  for (; decimals < most && fen % step != 0; step /= 10) ++decimals;
  return decimals;
}

/// An exact sum in 分 written as money::format writes an amount: in `u` with
/// `decimals` places (rounded half-up for display), optionally with thousands
/// separators; for sums past what one amount holds.  Throws yusuan::error
/// (invalid_argument) unless 0 ≤ decimals ≤ 18; the forms with a
/// std::error_code set errc::invalid_argument instead and return "".
inline std::string format_fen(int128 fen, unit u = unit::yuan, int decimals = 2, bool thousands = false) {
  if (!detail::format_decimals_ok(decimals)) [[unlikely]]
    detail::throw_invalid_argument("yusuan: format_fen: decimals must be in [0, 18]");
  return detail::format_fen_unchecked(fen, u, decimals, thousands);
}
inline std::string format_fen(int128 fen, unit u, int decimals, bool thousands, std::error_code& ec) {
  if (!detail::report(detail::format_decimals_ok(decimals) ? errc::ok : errc::invalid_argument, ec)) return {};
  return detail::format_fen_unchecked(fen, u, decimals, thousands);
}
inline std::string format_fen(int128 fen, unit u, int decimals, std::error_code& ec) {
  return format_fen(fen, u, decimals, false, ec);
}

/// The exact sum of `amounts`.  Throws overflow_error only when the total does
/// not fit in 64 bits of 分 (a running `+` throws as soon as a partial sum
/// does not).  Vectorises; see money_sum::add(std::span<const money>).
inline money sum(std::span<const money> amounts) {
  money_sum s;
  s.add(amounts);
  return s.value();
}
/// The exact sum of `amounts`; errc::overflow and 0 when it does not fit in
/// 64 bits of 分.
inline money sum(std::span<const money> amounts, std::error_code& ec) noexcept {
  money_sum s;
  s.add(amounts);
  return s.value(ec);
}

}  // namespace yusuan
