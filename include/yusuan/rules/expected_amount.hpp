// yusuan/rules/expected_amount.hpp -- the AMOUNT of a `应 等于 NAME AMOUNT`
// line of a test, read as the language reads an amount: full-width digits,
// ，．and － as their ASCII forms, thousands separators, and an optional unit
// after the number (50000元, 5.00万元); without one, the budget's unit.
#pragma once

#include <yusuan/compile/values.hpp>
#include <yusuan/money.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

namespace yusuan::detail {

/// An expected amount: its value, and the unit to show values in (the one
/// written after it, or the budget's).
struct expected_amount {
  money value;
  unit shown_in = unit::yuan;
};

/// Reads `written` in `budget_unit` unless it names its own; `ec` says why it
/// is no amount (amount_errc).
inline expected_amount read_expected_amount(std::string_view written, unit budget_unit, std::error_code& ec) {
  expected_amount out;
  out.shown_in = compile::value_reader::take_unit(written).value_or(budget_unit);
  const std::string ascii = compile::value_reader::narrow(written);
  std::size_t pos = 0;
  out.value = money::parse(ascii, out.shown_in, ec, pos);
  return out;
}

/// `m` in `u` with as many decimals as it has (at least two): 5.004, not 5.00.
inline std::string exact_amount_text(money m, unit u) {
  std::string s = m.format(u, exact_decimals(u));
  const std::size_t point = s.find('.');
  if (point == std::string::npos) return s;
  std::size_t keep = s.size();
  while (keep > point + 3 && s[keep - 1] == '0') --keep;
  s.resize(keep);
  return s;
}

}  // namespace yusuan::detail
