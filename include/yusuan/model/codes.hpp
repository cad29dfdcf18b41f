// yusuan/model/codes.hpp -- classification codes: 功能科目 (functional codes,
// 支出功能分类) and 经济科目 (economic codes, 部门 and 政府 classifications).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yusuan {

namespace detail {

/// A classification code as its digits and its level: level 1 has 3 digits,
/// each finer level two more (类 208, 款 208 05, 项 208 05 07).  `Code` is
/// the concrete code type; `MaxLevel` its finest level.
template <class Code, int MaxLevel>
class leveled_code {
public:
  static constexpr int max_level = MaxLevel;

  /// From the digits, which must have as many as the level says (checked by parse()).
  static constexpr Code from_digits(std::uint32_t digits, int level) noexcept {
    Code c;
    c.value_ = digits;
    c.level_ = static_cast<std::uint8_t>(level);
    return c;
  }
  /// Accepts the digits with or without blanks or points between groups.
  static std::optional<Code> parse(std::string_view s) noexcept {
    std::uint32_t v = 0;
    int digits = 0;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') {
        v = v * 10 + static_cast<std::uint32_t>(ch - '0');
        if (++digits > 1 + 2 * MaxLevel) return std::nullopt;
      } else if (ch != ' ' && ch != '.') {
        return std::nullopt;
      }
    }
    if (digits < 3 || digits % 2 == 0) return std::nullopt;
    return from_digits(v, (digits - 1) / 2);
  }
  constexpr bool empty() const noexcept { return level_ == 0; }
  explicit constexpr operator bool() const noexcept { return level_ != 0; }
  /// 1 类, 2 款, 3 项; 0 when absent.
  constexpr int level() const noexcept { return level_; }
  constexpr std::uint32_t digits() const noexcept { return value_; }
  /// The code cut to a coarser level (1..level()).
  constexpr Code at(int level) const noexcept {
    if (level <= 0) return Code{};
    if (level >= level_) return self();
    std::uint32_t v = value_;
    for (int l = level_; l > level; --l) v /= 100;
    return from_digits(v, level);
  }
  /// Whether `other` equals this code or lies under it.
  constexpr bool contains(Code other) const noexcept {
    return level_ != 0 && other.level_ >= level_ && other.at(level_) == self();
  }
  /// "2080507"
  std::string str() const { return level_ == 0 ? std::string() : std::to_string(value_); }
  /// "208 05 07", as the published tables print codes.
  std::string spaced() const {
    const std::string d = str();
    if (level_ <= 1) return d;
    std::string out;
    out.reserve(d.size() + 3);
    for (std::size_t i = 0; i < d.size(); ++i) {
      if (i >= 3 && (i - 3) % 2 == 0) out.push_back(' ');
      out.push_back(d[i]);
    }
    return out;
  }
  /// Ordered as the tables order codes: by the digits padded to the finest
  /// level, parents before their children.
  friend constexpr auto operator<=>(const leveled_code& a, const leveled_code& b) noexcept {
    return a.order_key() <=> b.order_key();
  }
  friend constexpr bool operator==(const leveled_code& a, const leveled_code& b) noexcept {
    return a.value_ == b.value_ && a.level_ == b.level_;
  }

private:
  constexpr Code self() const noexcept { return from_digits(value_, level_); }
  constexpr std::uint64_t order_key() const noexcept {
    std::uint64_t v = value_;
    for (int l = level_; l < MaxLevel; ++l) v *= 100;
    return (v << 2) | level_;
  }
  std::uint32_t value_ : 24 = 0;  // at most 7 digits: 9,999,999 < 2^24
  std::uint32_t level_ : 8 = 0;
};

}  // namespace detail

/// A code of 支出功能分类: 类 (3 digits, "208"), 款 (5, "20805") or 项 (7,
/// "2080507").  parse() accepts "2080507", "208 05 07", "208.05.07".
class function_code : public detail::leveled_code<function_code, 3> {};

/// A code of an economic classification: 部门预算支出经济分类 (3xx / 3xxxx) or
/// 政府预算支出经济分类 (5xx / 5xxxx).  Level 1 类 (3 digits), 2 款 (5 digits).
class econ_code : public detail::leveled_code<econ_code, 2> {
public:
  /// 部门预算 codes start with 3, 政府预算 codes with 5.
  constexpr bool is_government() const noexcept { return class_digits() / 100 == 5; }
  constexpr std::uint32_t class_digits() const noexcept { return level() == 2 ? digits() / 100 : digits(); }
};

}  // namespace yusuan
