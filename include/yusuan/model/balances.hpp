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

#include <array>
#include <optional>
#include <string_view>

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

/// The amount of a balance of `b`, exact (the 财政拨款 part adds three
/// amounts); none where the budget states nothing it is made of (a table
/// prints a blank, a check reads 0).
inline std::optional<money_sum> balance_of(const budget& b, const balance_name& n) {
  const auto part = [&](fund_source f) {
    return n.kind == balance_kind::closing ? b.year_end_balance(f) : b.opening_balance(f);
  };
  if (n.fiscal) {  // 其中 财政拨款 stands for 一般公共预算 where that is not stated
    money_sum s;
    bool any = false;
    for (const auto f : fiscal_balance_funds)
      if (const auto m = part(f)) s += *m, any = true;
    if (!part(fund_source::general_budget))
      if (const auto m = part(fund_source::fiscal_appropriation)) s += *m, any = true;
    if (!any) return std::nullopt;
    return s;
  }
  const auto m = n.fund ? part(*n.fund)
                        : n.kind == balance_kind::closing ? b.year_end_balance() : b.income_of(fund_source::carryover);
  if (!m) return std::nullopt;
  money_sum s;
  s += *m;
  return s;
}

/// Whether `b` states a balance of this kind that is not zero without
/// stating any of its parts by fund source: a table showing a part of it
/// shows 0.
inline bool balance_undivided(const budget& b, balance_kind kind) {
  const auto whole = balance_of(b, balance_name{kind, {}, false});
  if (!whole || whole->fen() == 0) return false;
  for (const auto f : all_fund_sources)
    if ((kind == balance_kind::closing ? b.year_end_balance(f) : b.opening_balance(f))) return false;
  return true;
}

}  // namespace yusuan
