// yusuan/compile/balance_checks.hpp -- the built-in checks of income
// against spending: 收入总计 = 支出总计 (E0404), each fund source's balance
// (E0405), each per unit where the units of a department state their own
// income; and spending from last year's balances (W0412).
#pragma once

#include <yusuan/compile/amount_limits.hpp>
#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/reporter.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace yusuan::compile {

class balance_checks {
public:
  balance_checks(draft& d, reporter& r) : d_(d), rep_(r), by_unit_(units_with_income()) {}

  /// E0404 and E0405: the checks of totals (not run after an error that
  /// left part of the budget out).
  void totals() {
    balance();
    balance_by_unit();
    balance_by_fund();
  }

  /// How many checks balance(), balance_by_unit() and balance_by_fund() make.
  std::size_t count() const {
    const auto& data = *d_.data;
    if (data.income.empty()) return 0;
    std::size_t units = 0;
    for (const bool u : by_unit_) units += u;
    const std::size_t wholes = by_unit_.empty() ? 1 : units;  // the whole, unless each unit balances on its own
    return wholes + (detail::budget_access::make(d_.data).balances_by_fund() ? wholes : 0);
  }

  /// W0412: items paid from last year's balance (资金 上年结转结余) that
  /// spend more than the budget states it has: more than its 上年结转结余 in
  /// all, or, for items that name the fund (上年结转结余.政府性基金), more than
  /// that fund's 其中 part of it.  Checked in a budget with income lines;
  /// 财政拨款 counts as the 一般公共预算 it is part of, as in E0405.
  void spending_from_balances() const {
    const auto& data = *d_.data;
    if (data.income.empty()) return;
    each_balancing([&](ids items, ids income, ids, const std::string& who) { overspent_balances(items, income, who); });
  }

private:
  /// 收入总计 = 支出总计 (E0404), unless each unit balances on its own
  /// (balance_by_unit), which says where the difference is: the whole then
  /// balances exactly when every unit does.
  void balance() {
    const auto& data = *d_.data;
    if (data.income.empty()) return;  // a file of items or rules only
    if (!by_unit_.empty()) return;
    const budget b = detail::budget_access::make(d_.data);
    const money in = b.income_grand_total(), out = b.expenditure_grand_total();
    if (in == out) return;
    auto& d = rep_.error("E0404", "income total " + exact_text(in, u(), th()) + " differs from expenditure total " + exact_text(out, u(), th()),
                         data.income.front().span);
    d.expected = exact_text(in, u(), th()) + " (收入总计)";
    d.found = exact_text(out, u(), th()) + " (支出总计; difference " + signed_text(int128(out.fen()) - in.fen(), u(), th()) + " " +
              std::string(unit_name(u())) + ")";
    d.notes.push_back({"收入总计 = 本年收入合计 + 上年结转结余; 支出总计 = Σ items + 年终结转结余", {}});
  }

  /// Which units balance on their own: each unit of a department that states
  /// income of its own, when every unit with items or a 年终结转结余 does
  /// (else the income is the department's, and only the whole balances).
  std::vector<bool> units_with_income() const {
    const auto& data = *d_.data;
    std::vector<bool> income(data.units.size()), spends(data.units.size());
    if (data.units.size() < 2 || data.income.empty()) return {};
    for (const auto& l : data.income)
      if (l.unit < income.size()) income[l.unit] = true;
    for (const auto& it : data.items)
      if (it.unit < spends.size()) spends[it.unit] = true;
    for (const auto& y : data.year_end_units)
      if (y.unit < spends.size()) spends[y.unit] = true;
    for (std::size_t u = 0; u < income.size(); ++u)
      if (spends[u] && !income[u]) return {};
    return income;
  }

  /// Each unit that states its own income (units_with_income): 收入总计 =
  /// Σ its items + its 年终结转结余 (E0404, at its first income line).
  void balance_by_unit() {
    const auto& data = *d_.data;
    const auto& checked = by_unit_;
    if (checked.empty()) return;
    std::vector<money_sum> in(checked.size()), out(checked.size());
    std::vector<source_span> where(checked.size());
    for (const auto& l : data.income)
      if (!l.of_which && l.unit < in.size()) {
        in[l.unit] += l.amount;
        if (!where[l.unit]) where[l.unit] = l.span;
      }
    for (const auto& it : data.items)
      if (it.unit < out.size()) out[it.unit] += it.amount;
    for (const auto& y : data.year_end_units)
      if (y.unit < out.size()) out[y.unit] += y.amount;
    for (std::size_t k = 0; k < checked.size(); ++k) {
      if (!checked[k] || !where[k] || in[k].fen() == out[k].fen()) continue;
      if (!fits_in_amount(rep_, {in[k], out[k]}, where[k], "a unit's total")) continue;
      const money i = in[k].value(), o = out[k].value();
      auto& d = rep_.error("E0404",
                           "unit " + unit_text(data.units[k]) + ": income total " +
                               exact_text(i, u(), th()) + " differs from expenditure total " + exact_text(o, u(), th()),
                           where[k]);
      d.expected = exact_text(i, u(), th()) + " (the unit's 收入总计)";
      d.found = exact_text(o, u(), th()) + " (its items and 年终结转结余; difference " +
                signed_text(int128(o.fen()) - i.fen(), u(), th()) + " " + std::string(unit_name(u())) + ")";
      d.notes.push_back({"each unit of the department states its own income, so each balances: 收入总计 = Σ its items + "
                         "its 年终结转结余",
                         {}});
    }
  }

  /// Per fund source, when the budget states its balances by fund:
  /// 年初结转结余 + 收入 = 支出 + 年终结转结余 (E0405).  财政拨款 counts as
  /// the 一般公共预算 it is part of; spending from last year's balance of a
  /// fund (资金 上年结转结余.政府性基金) is that fund's.  Where each unit
  /// states its own income (units_with_income), each unit's funds balance
  /// instead, reported as "unit CODE NAME: FUND: …" (the whole then balances
  /// when every unit does).
  void balance_by_fund() {
    const auto& data = *d_.data;
    if (data.income.empty() || !detail::budget_access::make(d_.data).balances_by_fund()) return;
    each_balancing([&](ids items, ids income, ids closing, const std::string& who) {
      report_funds(funds_of(items, income, closing), who);
    });
  }

  using ids = std::span<const std::uint32_t>;  // indices of items, income lines or 年终结转结余

  /// Calls f(items, income lines, 年终结转结余, who) for the whole budget
  /// (who empty), or, where each unit states its own income, for each such
  /// unit ("unit 801001 甲单位: ").  Each record is read once: a department
  /// of many units is not read once per unit.
  template <class F>
  void each_balancing(F f) const {
    const auto& data = *d_.data;
    const std::size_t units = by_unit_.empty() ? 1 : by_unit_.size();
    const auto items = of_each_unit(data.items, units), income = of_each_unit(data.income, units),
               closing = of_each_unit(data.year_end_units, units);
    for (std::size_t k = 0; k < units; ++k) {
      if (!by_unit_.empty() && !by_unit_[k]) continue;
      const auto of = [&](const unit_records& r) { return ids(r.order).subspan(r.start[k], r.start[k + 1] - r.start[k]); };
      f(of(items), of(income), of(closing), by_unit_.empty() ? std::string() : "unit " + unit_text(data.units[k]) + ": ");
    }
  }

  /// W0412 for these items against these income lines (of one unit, or of
  /// the whole budget); `who` starts the message.
  void overspent_balances(ids item_ids, ids income, const std::string& who) const {
    const auto& data = *d_.data;
    constexpr std::size_t n = n_funds;
    const std::size_t all = fund(fund_source::carryover);  // the balance as a whole
    std::array<money_sum, n> stated, spent;
    std::array<source_span, n> stated_at{};
    std::array<std::size_t, n> items{}, first, past;  // the first item, and the one the spending goes past the balance at
    std::array<std::size_t, n> fiscal{};             // items that wrote 上年结转结余.财政拨款 (counted as 一般公共预算)
    first.fill(data.items.size());
    past.fill(data.items.size());
    bool by_fund = false;  // 其中 parts stated
    for (const auto i : income) by_fund = by_fund || data.income[i].of_which == fund_source::carryover;
    const auto& general = general_opening_;  // a unit's 其中 财政拨款 may stand for it
    for (const auto i : income) {
      const auto& l = data.income[i];
      std::size_t f = n;
      if (!l.of_which && l.source == fund_source::carryover) f = all;
      else if (l.of_which == fund_source::carryover && !(l.source == fund_source::fiscal_appropriation && general[l.unit]))
        f = fund(l.source);
      if (f == n) continue;
      stated[f] += l.amount;
      if (!stated_at[f]) stated_at[f] = l.span;
    }
    for (const auto i : item_ids) {
      const auto& it = data.items[i];
      if (it.fund != fund_source::carryover || it.amount.is_zero()) continue;
      const std::size_t of = fund(it.balance_of);  // `all` when the item names no fund
      for (const std::size_t f : {all, of}) {
        spent[f] += it.amount;
        ++items[f];
        fiscal[f] += it.balance_of == fund_source::fiscal_appropriation;
        if (first[f] == data.items.size()) first[f] = i;
        if (past[f] == data.items.size() && spent[f].fen() > stated[f].fen()) past[f] = i;
        if (of == all) break;  // counted once, in the whole
      }
    }
    const budget b = detail::budget_access::make(d_.data);
    const std::string whose = who.empty() ? "the budget's" : "the unit's";
    for (std::size_t f = n; f-- > 0;) {  // the whole first
      if (items[f] == 0 || (f != all && !by_fund) || spent[f].fen() <= 0 || spent[f].fen() <= stated[f].fen()) continue;
      // as the items write it: 上年结转结余.财政拨款 counts as the 一般公共预算 part
      const std::string part = std::string(chinese_name(static_cast<fund_source>(f)));
      const std::string what = f == all                 ? "上年结转结余"
                               : fiscal[f] == 0         ? "上年结转结余." + part
                               : fiscal[f] == items[f]  ? "上年结转结余.财政拨款"
                                                        : "上年结转结余." + part + " and .财政拨款";
      const std::string balance =
          f == all ? whose + " 上年结转结余" : "its " + std::string(chinese_name(static_cast<fund_source>(f))) + " part";
      auto& d = rep_.warning("W0412",
                             who + "items paid from " + what + " spend " + format_fen(spent[f].fen(), u(), 2, th()) +
                                 ", more than " + balance + " " + format_fen(stated[f].fen(), u(), 2, th()),
                             b.span_of(data.items[past[f]]),
                             past[f] == first[f] ? "the first of them" : "the one that goes past the balance");
      d.expected = "at most " + format_fen(stated[f].fen(), u(), 2, th()) + " (" + balance + ")";
      d.found = format_fen(spent[f].fen(), u(), 2, th()) + " (" + std::to_string(items[f]) +
                (items[f] == 1 ? " item" : " items") + "; difference " + signed_text(spent[f].fen() - stated[f].fen(), u(), th()) +
                " " + std::string(unit_name(u())) + ")";
      d.notes.push_back({f == all ? (stated[all].fen() == 0
                                         ? (who.empty() ? "the budget states" : "the unit states") +
                                               std::string(" no 收入 上年结转结余: state last year's balance, or pay these "
                                                           "items from this year's income (资金 一般公共预算 …)")
                                         : "a budget cannot spend more of last year's balance than it has: check the "
                                           "balance (收入 上年结转结余) and the items' 资金")
                                  : "the budget states its balance by fund source (其中 of 收入 上年结转结余), and a fund's "
                                    "balance is spent only by items paid from it: check that part and the items' 资金",
                         {}});
      if (past[f] != first[f]) d.notes.push_back({"the first item paid from it", b.span_of(data.items[first[f]])});
      if (!who.empty())
        d.notes.push_back({"each unit of the department states its own income, so each spends only its own balance", {}});
      if (stated_at[f]) d.notes.push_back({"the balance is stated here", stated_at[f]});
      if (f == all) break;  // the parts of a balance overspent in all would repeat it
    }
  }

  static constexpr std::size_t n_funds = static_cast<std::size_t>(fund_source::carryover) + 1;
  /// A fund source as the checks count it: 财政拨款 is the 一般公共预算 it is part of.
  static constexpr std::size_t fund(fund_source f) noexcept {
    return static_cast<std::size_t>(f == fund_source::fiscal_appropriation ? fund_source::general_budget : f);
  }
  static std::string unit_text(const budget_unit& unit) {
    if (unit.code.empty() && unit.name.empty()) return "无 (the items of the department's own file)";
    return unit.code.empty() ? unit.name : unit.code + " " + unit.name;
  }

  /// One fund's figures of the budget, or of one unit.
  struct fund_figures {
    std::array<money_sum, n_funds> income, opening, items, closing;
    std::array<bool, n_funds> seen{};
    std::array<source_span, n_funds> where{};     // its first income line or balance part
    std::array<std::size_t, n_funds> first_item;  // where a fund with neither is reported
    money_sum from_balance;                       // items paid from last year's balance that name no fund
    std::size_t from_balance_items = 0;
  };

  /// The indices of `records` by unit (a counting sort, in their order
  /// within a unit): unit k's are order[start[k], start[k + 1]).  With one
  /// unit, all of them.
  struct unit_records {
    std::vector<std::uint32_t> start, order;
  };
  template <class Record>
  static unit_records of_each_unit(const std::vector<Record>& records, std::size_t units) {
    unit_records r;
    r.start.assign(units + 1, 0);
    const auto unit_of = [&](const Record& x) { return units == 1 || x.unit >= units ? 0 : std::size_t{x.unit}; };
    for (const auto& x : records) ++r.start[unit_of(x) + 1];
    for (std::size_t k = 0; k < units; ++k) r.start[k + 1] += r.start[k];
    r.order.resize(records.size());
    std::vector<std::uint32_t> next(r.start.begin(), r.start.end() - 1);
    for (std::size_t i = 0; i < records.size(); ++i) r.order[next[unit_of(records[i])]++] = static_cast<std::uint32_t>(i);
    return r;
  }

  /// The figures by fund of these items, income lines and 年终结转结余 (of
  /// one unit, or of the whole budget).
  fund_figures funds_of(ids items, ids income, ids closing) const {
    const auto& data = *d_.data;
    fund_figures r;
    r.first_item.fill(data.items.size());
    // a unit's balance's 其中 财政拨款 is its 一般公共预算 part where it does not state that
    for (const auto i : income) {
      const auto& l = data.income[i];
      if (l.source == fund_source::fiscal_appropriation &&
          (l.of_which != fund_source::carryover || general_opening_[l.unit]))
        continue;  // the 其中 of 一般公共预算
      const std::size_t f = fund(l.source);
      if (!l.of_which && l.source != fund_source::carryover) r.income[f] += l.amount;
      else if (l.of_which == fund_source::carryover) r.opening[f] += l.amount;
      else continue;
      r.seen[f] = true;
      if (!r.where[f]) r.where[f] = l.span;
    }
    for (const auto i : items) {
      const auto& it = data.items[i];
      const std::size_t f = fund(it.fund == fund_source::carryover ? it.balance_of : it.fund);
      if (r.first_item[f] == data.items.size()) r.first_item[f] = i;
      if (f == fund(fund_source::carryover) && !it.amount.is_zero()) {
        r.from_balance += it.amount;
        ++r.from_balance_items;
      }
      r.items[f] += it.amount;
      r.seen[f] = true;
    }
    for (const auto i : closing) {
      const auto& parts = data.year_end_units[i].parts;
      const bool closing_general = states_general_part(parts);
      for (const auto& p : parts) {
        if (p.fund == fund_source::fiscal_appropriation && closing_general) continue;
        r.closing[fund(p.fund)] += p.amount;
        r.seen[fund(p.fund)] = true;
        if (!r.where[fund(p.fund)]) r.where[fund(p.fund)] = p.span;
      }
    }
    return r;
  }

  /// E0405 for each fund of `r` that does not balance; `who` starts the
  /// message ("unit 801001 甲单位: ", or nothing for the whole budget).
  void report_funds(const fund_figures& r, const std::string& who) {
    const auto& data = *d_.data;
    const budget b = detail::budget_access::make(d_.data);
    for (std::size_t f = 0; f < n_funds; ++f) {
      if (!r.seen[f] || f == fund(fund_source::carryover)) continue;
      const int128 in = r.income[f].fen() + r.opening[f].fen(), out = r.items[f].fen() + r.closing[f].fen();
      if (in == out) continue;
      const auto name = std::string(chinese_name(static_cast<fund_source>(f)));
      const source_span at = r.where[f]                           ? r.where[f]
                             : r.first_item[f] < data.items.size() ? b.span_of(data.items[r.first_item[f]])
                                                                   : data.income.front().span;
      auto& d = rep_.error("E0405",
                           who + name + ": 年初结转结余 + 收入 " + format_fen(in, u(), 2, th()) + " differs from 支出 + 年终结转结余 " +
                               format_fen(out, u(), 2, th()),
                           at);
      d.expected = format_fen(in, u(), 2, th()) + " (年初 " + format_fen(r.opening[f].fen(), u(), 2, th()) + " + 收入 " +
                   format_fen(r.income[f].fen(), u(), 2, th()) + ")";
      d.found = format_fen(out, u(), 2, th()) + " (支出 " + format_fen(r.items[f].fen(), u(), 2, th()) + " + 年末 " +
                format_fen(r.closing[f].fen(), u(), 2, th()) + "; difference " + signed_text(out - in, u(), th()) + " " +
                std::string(unit_name(u())) + ")";
      d.notes.push_back({who.empty() ? "the budget states its balances by fund source (其中 of 上年结转结余 or 年终结转结余), so each fund "
                                       "must balance: 年初结转结余 + 收入 = 支出 + 年终结转结余; a fund not listed has a balance of 0"
                                     : "the budget states its balances by fund source, and each unit of the department its own "
                                       "income, so each unit's funds balance: 年初结转结余 + 收入 = 支出 + 年终结转结余; a fund "
                                       "the unit does not list has a balance of 0",
                         {}});
      if (r.from_balance_items != 0)
        d.notes.push_back({std::to_string(r.from_balance_items) +
                               (r.from_balance_items == 1 ? " item paid from 上年结转结余 (" : " items paid from 上年结转结余 (") +
                               format_fen(r.from_balance.fen(), u(), 2, th()) +
                               (r.from_balance_items == 1 ? ") names no fund and counts in none" : ") name no fund and count in none") +
                               ": write the fund the balance is of, as in 资金 上年结转结余." + name,
                           {}});
    }
  }

  unit u() const noexcept { return d_.data->header.amount_unit; }
  /// Whether amounts are shown with thousands separators: as the budget writes them.
  bool th() const noexcept { return d_.data->header.thousands; }

  draft& d_;
  reporter& rep_;
  std::vector<bool> by_unit_;  // units_with_income()
  std::vector<bool> general_opening_ =
      units_stating_general_part(d_.data->income, d_.data->units.size());  // whose 上年结转结余 states 一般公共预算
};

}  // namespace yusuan::compile
