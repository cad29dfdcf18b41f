// yusuan/model/balances.hpp -- the carry-over balances of a budget by the
// names budgets and templates give them: 年初结转结余 (上年结转结余) and
// 年终结转结余, whole or by fund source (年终结转结余.一般公共预算), and the
// 财政拨款 part of each (财政拨款上年结转, 财政拨款年终结转).  One lookup for
// the constraint evaluator and the table cells alike.
#pragma once

#include <yusuan/model/budget.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/money.hpp>
#include <yusuan/money/sum.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace yusuan {

/// Which balance: the opening one (年初结转结余, the income line 上年结转结余)
/// or the closing one (年终结转结余).
enum class balance_kind : std::uint8_t { opening, closing };

/// A balance a name denotes: whole (`fund` empty, `fiscal` false), one fund
/// source's 其中 part, or the 财政拨款 part (the parts of 一般公共预算,
/// 政府性基金 and 国有资本经营).
struct balance_name {
  balance_kind kind = balance_kind::closing;
  std::optional<fund_source> fund;
  bool fiscal = false;
};

/// The balance `name` denotes, if it is a balance's name: 年终结转结余,
/// 年初结转结余, 上年结转结余 (and the English year-end-balance,
/// opening-balance), each optionally followed by `.FUND`; 财政拨款上年结转,
/// 财政拨款年终结转 (fiscal-opening-balance, fiscal-year-end-balance).
inline std::optional<balance_name> parse_balance_name(std::string_view name) noexcept {
  struct spelling {
    std::string_view text;
    balance_kind kind;
  };
  static constexpr std::array<spelling, 5> whole{{{"年终结转结余", balance_kind::closing},
                                                  {"year-end-balance", balance_kind::closing},
                                                  {"年初结转结余", balance_kind::opening},
                                                  {"上年结转结余", balance_kind::opening},
                                                  {"opening-balance", balance_kind::opening}}};
  if (name == "财政拨款上年结转" || name == "fiscal-opening-balance") return balance_name{balance_kind::opening, {}, true};
  if (name == "财政拨款年终结转" || name == "fiscal-year-end-balance") return balance_name{balance_kind::closing, {}, true};
  for (const auto& s : whole) {
    if (name == s.text) return balance_name{s.kind, {}, false};
    if (name.size() > s.text.size() + 1 && name.substr(0, s.text.size()) == s.text && name[s.text.size()] == '.') {
      const auto f = parse_fund_source(name.substr(s.text.size() + 1));
      if (!f || *f == fund_source::carryover) return std::nullopt;
      return balance_name{s.kind, f, false};
    }
  }
  return std::nullopt;
}

/// The fund sources whose balances make the 财政拨款 part.
inline constexpr std::array<fund_source, 3> fiscal_balance_funds{fund_source::general_budget, fund_source::government_fund,
                                                                 fund_source::state_capital};

/// The amount of a balance of `b`, exact (summed over the units, or of
/// `unit` alone; the 财政拨款 part adds three amounts); none where the budget
/// (the unit) states nothing it is made of (a table prints a blank, a check
/// reads 0).
inline std::optional<money_sum> balance_of(const budget& b, const balance_name& n,
                                           std::optional<std::size_t> unit = std::nullopt) {
  money_sum s;
  bool any = false;
  const auto of_unit = [&](std::size_t u) { return !unit || u == *unit; };
  if (!n.fiscal && !n.fund) {  // the whole balance
    if (n.kind == balance_kind::closing) {
      if (!unit) {
        if (const auto m = b.year_end_balance()) s += *m, any = true;
      } else {
        for (const auto& y : b.year_end_by_unit())
          if (y.unit == *unit) s += y.amount, any = true;
      }
    } else {
      for (const auto& l : b.income())
        if (of_unit(l.unit) && is_income_of(l, fund_source::carryover)) s += l.amount, any = true;
    }
    return any ? std::optional<money_sum>(s) : std::nullopt;
  }
  // Whether a part of a unit's balance is one asked for: a unit's 其中 财政拨款
  // stands for its 一般公共预算 part where it does not state that (units
  // may write their balances either way)
  const auto wanted = [&](fund_source f, bool unit_states_general) {
    if (f == fund_source::fiscal_appropriation && unit_states_general) return n.fund == fund_source::fiscal_appropriation;
    if (n.fiscal)
      return f == fund_source::fiscal_appropriation ||
             std::find(fiscal_balance_funds.begin(), fiscal_balance_funds.end(), f) != fiscal_balance_funds.end();
    return f == *n.fund || (*n.fund == fund_source::general_budget && f == fund_source::fiscal_appropriation);
  };
  if (n.kind == balance_kind::closing) {
    for (const auto& y : b.year_end_by_unit()) {
      if (!of_unit(y.unit)) continue;
      const bool general = states_general_part(y.parts);
      for (const auto& p : y.parts)
        if (wanted(p.fund, general)) s += p.amount, any = true;
    }
  } else {
    const auto general = units_stating_general_part(b.income(), b.units().size());
    for (const auto& l : b.income())
      if (of_unit(l.unit) && l.of_which == fund_source::carryover &&
          wanted(l.source, l.unit < general.size() && general[l.unit]))
        s += l.amount, any = true;
  }
  return any ? std::optional<money_sum>(s) : std::nullopt;
}

/// Where `b` states a balance of this kind that is not 0 without any of its
/// parts by fund source, each place (a department's units each state their
/// own): a table showing a part of it shows 0 for that unit's.
inline std::vector<source_span> balances_undivided(const budget& b, balance_kind kind) {
  std::vector<source_span> out;
  if (kind == balance_kind::closing) {
    for (const auto& y : b.year_end_by_unit())
      if (!y.amount.is_zero() && !y.by_fund) out.push_back(y.span);
    return out;
  }
  std::vector<bool> parts(b.units().size() + 1, false);  // the units whose balance has 其中 parts
  for (const auto& p : b.income())
    if (p.of_which == fund_source::carryover && p.unit < parts.size()) parts[p.unit] = true;
  for (const auto& l : b.income())
    if (is_income_of(l, fund_source::carryover) && !l.amount.is_zero() && !(l.unit < parts.size() && parts[l.unit]))
      out.push_back(l.span);
  return out;
}

}  // namespace yusuan
