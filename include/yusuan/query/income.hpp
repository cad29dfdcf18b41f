// yusuan/query/income.hpp -- sums of a budget's income lines: the lines (and
// 其中 parts) a filter over 资金 and 单位 takes, as 收入(…) means them.
//
//   收入(资金 = 一般公共预算)                   the line 收入 一般公共预算 …
//   收入(资金 = 一般公共预算.财政拨款)          its part 其中 财政拨款 …
//   收入(资金 = 上年结转结余.事业收入 且 单位 = 801002)
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/records.hpp>
#include <yusuan/money.hpp>

#include <cstddef>
#include <optional>

namespace yusuan {

/// Whether an income line passes a filter over 资金 and 单位.  A value names
/// a line by its source (一般公共预算) or a 其中 part by its line and its own
/// source (上年结转结余.一般公共预算); a line is not its parts.  A balance's
/// 其中 财政拨款 stands for its 一般公共预算 part where the unit's balance
/// states none (`general_stated`: it does, see units_stating_general_part),
/// as the balance measures read it.  Conditions on other dimensions take no
/// line.
inline bool income_passes(const filter& f, const income_line& l, bool general_stated = true) {
  const bool as_general = !general_stated && l.of_which == fund_source::carryover &&
                          l.source == fund_source::fiscal_appropriation;
  return filter_holds(f, [&](const filter& leaf, const filter_value& v) {
    if (leaf.dim.dim == dimension::fund)
      return v.part_of == l.of_which && (v.fund == l.source || (as_general && v.fund == fund_source::general_budget));
    if (leaf.dim.dim == dimension::unit) return v.id == l.unit;
    return false;
  });
}

/// Σ of the income lines that pass `where` (of one unit when `unit` is set)
/// and how many there are: none is a blank cell, not a total of 0.
struct income_total {
  money_sum sum;
  std::size_t count = 0;
};

inline income_total income_sum(const budget& b, const filter& where, std::optional<std::size_t> unit = std::nullopt) {
  detail::require_readable(where);
  income_total t;
  const auto general = units_stating_general_part(b.income(), b.units().size());
  for (const auto& l : b.income())
    if ((!unit || l.unit == *unit) && income_passes(where, l, l.unit < general.size() && general[l.unit])) {
      t.sum += l.amount;
      ++t.count;
    }
  return t;
}

}  // namespace yusuan
