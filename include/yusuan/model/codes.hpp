// yusuan/model/codes.hpp -- classification codes: 功能科目 (functional codes,
// 支出功能分类) and 经济科目 (economic codes, 部门 and 政府 classifications).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yusuan {

// ---------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------

/// A code of 支出功能分类: 类 (3 digits, "208"), 款 (5, "20805") or 项 (7,
/// "2080507").  Stored as its digits and its level.
class function_code {
public:
  constexpr function_code() noexcept = default;
  /// From the digits, which must have 3, 5 or 7 of them (checked by parse()).
  static constexpr function_code from_digits(std::uint32_t digits, int level) noexcept {
    function_code c;
    c.value_ = digits;
    c.level_ = static_cast<std::uint8_t>(level);
    return c;
  }
  /// Accepts "2080507", "208 05 07", "208.05.07", "20805", "208".
  static std::optional<function_code> parse(std::string_view s) noexcept {
    std::uint32_t v = 0;
    int digits = 0;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') {
        v = v * 10 + static_cast<std::uint32_t>(ch - '0');
        if (++digits > 7) return std::nullopt;
      } else if (ch != ' ' && ch != '.') {
        return std::nullopt;
      }
    }
    if (digits != 3 && digits != 5 && digits != 7) return std::nullopt;
    return from_digits(v, (digits - 1) / 2);
  }
  constexpr bool empty() const noexcept { return level_ == 0; }
  explicit constexpr operator bool() const noexcept { return level_ != 0; }
  /// 1 类, 2 款, 3 项; 0 when absent.
  constexpr int level() const noexcept { return level_; }
  constexpr std::uint32_t digits() const noexcept { return value_; }
  /// The code cut to a coarser level (1..level()).
  constexpr function_code at(int level) const noexcept {
    if (level >= level_ || level <= 0) return level <= 0 ? function_code{} : *this;
    std::uint32_t v = value_;
    for (int l = level_; l > level; --l) v /= 100;
    return from_digits(v, level);
  }
  /// Whether `other` equals this code or lies under it.
  constexpr bool contains(function_code other) const noexcept {
    return level_ != 0 && other.level_ >= level_ && other.at(level_) == *this;
  }
  /// "2080507"
  std::string str() const { return level_ == 0 ? std::string() : std::to_string(value_); }
  /// "208 05 07", as the published tables print them.
  std::string spaced() const {
    const std::string d = str();
    if (level_ <= 1) return d;
    std::string out = d.substr(0, 3);
    for (std::size_t i = 3; i < d.size(); i += 2) out += " " + d.substr(i, 2);
    return out;
  }
  friend constexpr auto operator<=>(function_code a, function_code b) noexcept {
    // Order as the tables do: by the code's digits padded to 7 places, parents first.
    auto key = [](function_code c) {
      std::uint64_t v = c.value_;
      for (int l = c.level_; l < 3; ++l) v *= 100;
      return (v << 2) | c.level_;
    };
    return key(a) <=> key(b);
  }
  friend constexpr bool operator==(function_code, function_code) noexcept = default;

private:
  std::uint32_t value_ : 24 = 0;  // at most 7 digits: 9,999,999 < 2^24
  std::uint32_t level_ : 8 = 0;
};

/// A code of an economic classification: 部门预算支出经济分类 (3xx / 3xxxx) or
/// 政府预算支出经济分类 (5xx / 5xxxx).  Level 1 类 (3 digits), 2 款 (5 digits).
class econ_code {
public:
  constexpr econ_code() noexcept = default;
  static constexpr econ_code from_digits(std::uint32_t digits, int level) noexcept {
    econ_code c;
    c.value_ = digits;
    c.level_ = static_cast<std::uint8_t>(level);
    return c;
  }
  /// Accepts "30101", "301 01", "301".
  static std::optional<econ_code> parse(std::string_view s) noexcept {
    std::uint32_t v = 0;
    int digits = 0;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') {
        v = v * 10 + static_cast<std::uint32_t>(ch - '0');
        if (++digits > 5) return std::nullopt;
      } else if (ch != ' ' && ch != '.') {
        return std::nullopt;
      }
    }
    if (digits != 3 && digits != 5) return std::nullopt;
    return from_digits(v, digits == 3 ? 1 : 2);
  }
  constexpr bool empty() const noexcept { return level_ == 0; }
  explicit constexpr operator bool() const noexcept { return level_ != 0; }
  constexpr int level() const noexcept { return level_; }
  constexpr std::uint32_t digits() const noexcept { return value_; }
  /// 部门预算 codes start with 3, 政府预算 codes with 5.
  constexpr bool is_government() const noexcept { return class_digits() / 100 == 5; }
  constexpr std::uint32_t class_digits() const noexcept { return level_ == 2 ? value_ / 100 : value_; }
  constexpr econ_code at(int level) const noexcept {
    if (level <= 0) return {};
    if (level >= level_) return *this;
    return from_digits(value_ / 100, 1);
  }
  constexpr bool contains(econ_code other) const noexcept {
    return level_ != 0 && other.level_ >= level_ && other.at(level_) == *this;
  }
  std::string str() const { return level_ == 0 ? std::string() : std::to_string(value_); }
  /// "301 01", as 预算07表 prints them.
  std::string spaced() const {
    const std::string d = str();
    return level_ == 2 ? d.substr(0, 3) + " " + d.substr(3) : d;
  }
  friend constexpr auto operator<=>(econ_code a, econ_code b) noexcept {
    auto key = [](econ_code c) {
      std::uint64_t v = c.value_;
      if (c.level_ == 1) v *= 100;
      return (v << 2) | c.level_;
    };
    return key(a) <=> key(b);
  }
  friend constexpr bool operator==(econ_code, econ_code) noexcept = default;

private:
  std::uint32_t value_ : 24 = 0;  // at most 7 digits: 9,999,999 < 2^24
  std::uint32_t level_ : 8 = 0;
};

}  // namespace yusuan
