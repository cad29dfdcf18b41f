// yusuan/tables/names.hpp -- what the cells of a table print for a key: a
// code as printed and its digits at a level, the name the budget (else the
// catalog) gives it, ordinals in Chinese numerals.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/catalog.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/query/dimension.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>

namespace yusuan::tables {

/// The catalog edition of a budget: the one its 科目版本 names, if any, else
/// the edition of its year.
template <class Budget>
const catalog& catalog_of(const Budget& b) {
  if constexpr (requires { { b.catalog_year() } -> std::convertible_to<int>; }) {
    if (const int y = b.catalog_year(); y != 0) return catalog::edition(y);
  }
  return catalog::edition(b.year());
}

/// The code of a key of a function or econ dimension (the empty code for no_key).
inline function_code function_of(dimension_key k) {
  if (k == no_key) return {};
  return function_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF));
}
inline econ_code econ_of(dimension_key k) {
  if (k == no_key) return {};
  return econ_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF));
}

/// The name the budget's `科目` declarations give the code of these digits, or empty.
inline std::string_view extension_name(const budget& b, const std::string& digits) {
  for (const auto& e : b.catalog_extensions())
    if (e.digits == digits) return e.name;
  return {};
}

/// The name of a functional code: the one its items give it, else the
/// budget's `科目`, else the catalog's.
inline std::string function_name(const budget& b, function_code c) {
  if (!c) return {};
  if (auto n = b.name_of(c); !n.empty()) return std::string(n);
  if (auto n = extension_name(b, c.str()); !n.empty()) return std::string(n);
  if (auto n = catalog_of(b).name(code_family::function, c.str())) return std::string(*n);
  return {};
}
/// The name of an economic code (部门 or 政府): the one its items give it,
/// else the budget's `科目`, else the catalog's.
inline std::string econ_name(const budget& b, econ_code c) {
  if (!c) return {};
  if (auto n = b.name_of(c); !n.empty()) return std::string(n);
  if (auto n = extension_name(b, c.str()); !n.empty()) return std::string(n);
  const auto family = c.is_government() ? code_family::gov_econ : code_family::econ;
  if (auto n = catalog_of(b).name(family, c.str())) return std::string(*n);
  return {};
}

/// The code's digits at a level: 类 "208", 款 "05", 项 "01"; empty when the
/// code is shorter.
inline std::string code_part(const std::string& digits, int level) {
  if (level == 1) return digits.substr(0, std::min<std::size_t>(3, digits.size()));
  const std::size_t at = 3 + 2 * static_cast<std::size_t>(level - 2);
  return digits.size() >= at + 2 ? digits.substr(at, 2) : std::string();
}

/// A whole number in Chinese numerals as ordinals are printed: 一 … 十,
/// 十一 … 九十九, 一百, 一百零一, 一百一十 … 一千零一十, 一万, 十万, 一亿 …
/// (one 零 for a run of zeros inside the number, none at its end; 十 alone
/// at the start, 一十 inside).  0 is 〇.
inline std::string chinese_ordinal(std::size_t n) {
  static constexpr const char* digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static constexpr const char* places[] = {"千", "百", "十", ""};
  static constexpr const char* groups[] = {"", "万", "亿", "万亿", "亿亿"};
  if (n == 0) return "〇";
  std::size_t parts[5] = {};  // groups of four digits, lowest first
  std::size_t count = 0;
  for (; n; n /= 10000) parts[count++] = n % 10000;
  std::string s;
  bool zero = false;  // zeros since the last digit printed
  for (std::size_t g = count; g-- > 0;) {
    const std::size_t part = parts[g];
    if (part == 0) {
      zero = true;
      continue;
    }
    for (std::size_t i = 0, div = 1000; i < 4; ++i, div /= 10) {
      const std::size_t d = part / div % 10;
      if (d == 0) {
        zero = zero || !s.empty();
        continue;
      }
      if (zero && !s.empty()) s += "零";
      zero = false;
      if (!(d == 1 && i == 2 && s.empty())) s += digits[d];  // 十一, 十万, but 一百一十
      s += places[i];
    }
    s += groups[g];
  }
  return s;
}

}  // namespace yusuan::tables
