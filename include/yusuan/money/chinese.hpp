// yusuan/money/chinese.hpp -- amounts in Chinese capital numerals (人民币大写),
// as cheques and vouchers write them: 壹仟肆佰零玖元伍角.
#pragma once

#include <yusuan/money/money.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace yusuan {

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
