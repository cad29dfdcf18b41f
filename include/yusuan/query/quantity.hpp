// yusuan/query/quantity.hpp -- a figure of a query result: an amount of money
// or a count of items, never one taken for the other.
#pragma once

#include <yusuan/error.hpp>

#include <yusuan/money.hpp>

#include <compare>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace yusuan {

class quantity;
quantity difference(const quantity& a, const quantity& b);
quantity difference(const quantity& a, const quantity& b, std::error_code& ec) noexcept;

/// An amount (sum, min, max) or a count of items.  An amount converts from
/// money implicitly; a count is made with quantity::of_count.  Amounts and
/// counts compare unequal, order amounts first, and do not subtract from each
/// other (difference, operator-).
class quantity {
public:
  enum class kind : std::uint8_t { amount, count };

  constexpr quantity() noexcept = default;  ///< an amount of 0
  constexpr quantity(money m) noexcept : fen_(m.fen()) {}  // NOLINT: an amount is a quantity
  static constexpr quantity of_count(std::int64_t n) noexcept {
    quantity q;
    q.kind_ = kind::count;
    q.fen_ = n;
    return q;
  }

  constexpr kind type() const noexcept { return kind_; }
  constexpr bool is_amount() const noexcept { return kind_ == kind::amount; }
  constexpr bool is_count() const noexcept { return kind_ == kind::count; }
  /// The amount; throws yusuan::error (errc::invalid_argument) for a count.
  constexpr money amount() const {
    if (kind_ != kind::amount) throw error(errc::invalid_argument, "yusuan: quantity::amount() of a count");
    return money::from_fen(fen_);
  }
  /// The count; throws yusuan::error (errc::invalid_argument) for an amount.
  constexpr std::int64_t count() const {
    if (kind_ != kind::count) throw error(errc::invalid_argument, "yusuan: quantity::count() of an amount");
    return fen_;
  }
  /// An amount in `u` with `decimals` places, optionally with thousands
  /// separators (money::format); a count as a whole number.
  std::string format(unit u = unit::yuan, int decimals = 2, bool thousands = false) const {
    return kind_ == kind::count ? std::to_string(fen_) : money::from_fen(fen_).format(u, decimals, thousands);
  }

  friend constexpr bool operator==(const quantity&, const quantity&) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(const quantity& a, const quantity& b) noexcept {
    if (a.kind_ != b.kind_) return a.kind_ <=> b.kind_;
    return a.fen_ <=> b.fen_;
  }
  /// difference(a, b).
  friend quantity operator-(const quantity& a, const quantity& b) { return difference(a, b); }
  friend std::ostream& operator<<(std::ostream& os, const quantity& q) {
    if (q.is_count()) return os << q.fen_ << " items";
    return os << money::from_fen(q.fen_);
  }

  friend quantity difference(const quantity& a, const quantity& b);
  friend quantity difference(const quantity& a, const quantity& b, std::error_code& ec) noexcept;

private:
  /// a - b into `r`: errc::invalid_argument for an amount and a count,
  /// errc::overflow when the difference does not fit in 64 bits.
  static constexpr errc subtract(const quantity& a, const quantity& b, quantity& r) noexcept {
    if (a.kind_ != b.kind_) return errc::invalid_argument;
    std::int64_t d = 0;
    if (__builtin_sub_overflow(a.fen_, b.fen_, &d)) return errc::overflow;
    r.kind_ = a.kind_;
    r.fen_ = d;
    return errc::ok;
  }
  /// The exception of the failure `e` of subtract(a, b).
  [[noreturn, gnu::cold, gnu::noinline]] static void throw_difference_error(errc e, const quantity& a,
                                                                           const quantity& b) {
    if (e == errc::invalid_argument) throw error(errc::invalid_argument, "yusuan: difference of an amount and a count");
    if (a.is_amount()) detail::throw_overflow_fen("money subtraction", a.fen_, b.fen_);
    throw overflow_error("yusuan: overflow in the difference of the counts " + std::to_string(a.fen_) + " and " +
                         std::to_string(b.fen_));
  }

  std::int64_t fen_ = 0;  // 分 of an amount, or the count
  kind kind_ = kind::amount;
};

/// a - b of two amounts (an amount) or two counts (a count).  Throws
/// yusuan::error (errc::invalid_argument) for an amount and a count, and
/// overflow_error when the difference does not fit in 64 bits (of 分, or
/// items).  `a - b` is the same.
inline quantity difference(const quantity& a, const quantity& b) {
  quantity r;
  const errc e = quantity::subtract(a, b, r);
  if (e != errc::ok) [[unlikely]]
    quantity::throw_difference_error(e, a, b);
  return r;
}
/// a - b, never throwing: sets `ec` to errc::invalid_argument (an amount and
/// a count) or errc::overflow and returns quantity{} (an amount of 0) on
/// failure; clears `ec` on success.
inline quantity difference(const quantity& a, const quantity& b, std::error_code& ec) noexcept {
  quantity r;
  return detail::report(quantity::subtract(a, b, r), ec) ? r : quantity{};
}

}  // namespace yusuan
