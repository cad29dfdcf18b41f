// yusuan/money/unit.hpp -- the units amounts are written in (元, 万元, 亿元) and
// the rounding modes, with their names.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace yusuan {

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

/// Accepts the names to_string gives, 四舍五入 (half_up) and 银行家舍入 or
/// 四舍六入五成双 (half_even).
inline std::optional<rounding> parse_rounding(std::string_view s) noexcept {
  for (auto r : {rounding::half_up, rounding::half_even, rounding::half_down, rounding::up, rounding::down,
                 rounding::ceiling, rounding::floor, rounding::unnecessary})
    if (to_string(r) == s) return r;
  if (s == "四舍五入") return rounding::half_up;
  if (s == "银行家舍入" || s == "四舍六入五成双") return rounding::half_even;
  return std::nullopt;
}

}  // namespace yusuan
