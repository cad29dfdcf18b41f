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

namespace yusuan {

/// An amount (sum, min, max) or a count of items.  An amount converts from
/// money implicitly; a count is made with quantity::of_count.  Amounts and
/// counts compare unequal, order amounts first, and do not subtract from each
/// other.
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
  /// a - b of two amounts or two counts.  Throws yusuan::error (errc::invalid_argument) for an
  /// amount and a count, overflow_error when the difference does not fit.
  friend quantity operator-(const quantity& a, const quantity& b) {
    if (a.kind_ != b.kind_) throw error(errc::invalid_argument, "yusuan: difference of an amount and a count");
    if (a.is_amount()) return money::from_fen(a.fen_) - money::from_fen(b.fen_);
    std::int64_t d = 0;
    if (__builtin_sub_overflow(a.fen_, b.fen_, &d))
      throw overflow_error("yusuan: overflow in the difference of the counts " + std::to_string(a.fen_) + " and " +
                           std::to_string(b.fen_));
    return of_count(d);
  }
  friend std::ostream& operator<<(std::ostream& os, const quantity& q) {
    if (q.is_count()) return os << q.fen_ << " items";
    return os << money::from_fen(q.fen_);
  }

private:
  std::int64_t fen_ = 0;  // 分 of an amount, or the count
  kind kind_ = kind::amount;
};

}  // namespace yusuan
