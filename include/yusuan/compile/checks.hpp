// yusuan/compile/checks.hpp -- the built-in checks of a complete budget:
// each project's amount against its items, each project group's breakdown
// against its projects, income against expenditure, and every total within
// what an amount can hold.
#pragma once

#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/reporter.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yusuan::compile {

class built_in_checks {
public:
  built_in_checks(draft& d, reporter& r) : d_(d), rep_(r) {}

  /// Runs the checks; false when a total cannot be represented (nothing
  /// that sums items can be computed then).  When an error left part of the
  /// input out (reporter::input_errors), the checks that compare totals are
  /// not run, only counted: their figures are known to be incomplete.
  bool run() {
    if (!totals_fit()) return false;
    if (rep_.input_errors() > 0) {
      rep_.not_run(checks_of_totals());
      return true;
    }
    projects();
    if (!fits({project_total()}, d_.data->projects.empty() ? source_span{} : d_.data->projects.front().span,
              "the total of the projects' amounts"))
      return false;
    groups();
    balance();
    balance_by_unit();
    balance_by_fund();
    // a budget with errors may be missing what would have placed its items
    if (!rep_.has_errors()) {
      unplaced_items();
      negative_income();
      spending_from_balances();
    }
    return true;
  }

private:
  unit u() const noexcept { return d_.data->header.amount_unit; }
  /// Whether amounts are shown with thousands separators: as the budget writes them.
  bool th() const noexcept { return d_.data->header.thousands; }

  /// How many checks projects(), groups(), balance() and balance_by_fund()
  /// make: a project's amount against its items, a group's breakdown, income
  /// against expenditure, each fund's balance.
  std::size_t checks_of_totals() const {
    const auto& data = *d_.data;
    std::size_t n = data.groups.size();
    for (std::size_t i = 0; i < data.projects.size(); ++i)
      n += d_.stated_project_amount[i].first || data.projects[i].group != npos32;
    const auto by_unit = units_with_income();
    if (!data.income.empty()) {
      n += by_unit.empty();  // the whole, unless each unit balances on its own
      n += detail::budget_access::make(d_.data).balances_by_fund();
    }
    for (const bool u : by_unit) n += u;
    return n;
  }

  /// Σ of the projects' amounts (once they are known).
  money_sum project_total() const {
    money_sum s;
    for (const auto& p : d_.data->projects) s += p.amount;
    return s;
  }

  /// Whether every sum fits in an amount; E0701 at `at` when one does not.
  /// Amounts are within ±(2^63 - 1) 分, so that each has a negation.
  bool fits(std::initializer_list<money_sum> sums, source_span at, const char* what) {
    for (const money_sum& s : sums) {
      const auto v = s.fen();
      if (v <= std::numeric_limits<std::int64_t>::max() && v >= -std::numeric_limits<std::int64_t>::max()) continue;
      rep_.error("E0701", std::string(what) + " is more than an amount can hold", at,
                 "amounts and their totals are at most 92,233,720,368,547,758.07 元");
      return false;
    }
    return true;
  }

  /// Whether every total the budget holds fits in an amount: Σ items, with
  /// and without the year-end balance, Σ income, with and without the
  /// carry-over.
  bool totals_fit() {
    auto& data = *d_.data;
    money_sum items, income, current_income;
    for (const auto& it : data.items) items += it.amount;
    for (const auto& l : data.income)
      if (!l.of_which) {
        income += l.amount;
        if (l.source != fund_source::carryover) current_income += l.amount;
      }
    money_sum grand = items;
    if (data.year_end_balance) grand += *data.year_end_balance;
    const source_span first_item =
        data.items.empty() ? source_span{} : source_span{data.sources[data.items.front().file].get(), data.items.front().offset, 1};
    const bool expenditure_fits = fits({items, grand}, first_item, "the budget's expenditure total");
    const bool income_fits = fits({income, current_income}, data.income.empty() ? source_span{} : data.income.front().span,
                                  "the budget's income total");
    return expenditure_fits && income_fits;
  }

  void projects() {
    auto& data = *d_.data;
    std::vector<money_sum> sums(data.projects.size());
    std::vector<std::size_t> counts(data.projects.size());
    for (const auto& it : data.items)
      if (it.project != npos32) {
        sums[it.project] += it.amount;
        ++counts[it.project];
      }
    for (std::size_t i = 0; i < data.projects.size(); ++i) {
      auto& p = data.projects[i];
      const auto& stated = d_.stated_project_amount[i];
      p.has_items = counts[i] != 0;
      if (p.has_items) {
        if (!fits({sums[i]}, p.span, "the sum of the project's items")) continue;
        p.amount = sums[i].value();
        if (stated.first && *stated.first != p.amount) {
          auto& d = rep_.error("E0402",
                               "project '" + p.name + "' amount " + exact_text(*stated.first, u(), th()) +
                                   " differs from its items " + exact_text(p.amount, u(), th()),
                               stated.second);
          d.expected = exact_text(*stated.first, u(), th());
          d.found = exact_text(p.amount, u(), th()) + " in its items (difference " +
                    signed_text(int128(p.amount.fen()) - stated.first->fen(), u(), th()) + ")";
          project_item_notes(d, static_cast<std::uint32_t>(i));
        }
        if (p.group != npos32) {
          auto& d = rep_.error("E0403", "project '" + p.name + "' has items of its own and is also in group '" +
                                            data.groups[p.group].name + "'",
                               p.span);
          d.notes.push_back({"the group", data.groups[p.group].span});
        }
      } else if (stated.first) {
        p.amount = *stated.first;
        if (p.group == npos32 && !p.amount.is_zero()) {
          auto& d = rep_.warning("W0405", "project '" + p.name + "' has an amount but no items and is in no 项目组",
                                 stated.second);
          d.label = "this amount is not part of the budget's expenditure";
          d.notes.push_back({"give the project its items (in its block, or with 项目 on items), or list it in a 项目组 "
                             "whose block gives the economic breakdown",
                             {}});
        }
      } else if (p.group != npos32) {
        rep_.error("E0402", "project '" + p.name + "' in group '" + data.groups[p.group].name + "' needs a 金额", p.span);
      }
    }
  }

  /// Items the tables cannot place: without a functional code (W0406), left
  /// out of every table classified by function; without a kind (W0407) in a
  /// budget whose other items have one, counted in a table's 合计 but in none
  /// of its 基本支出 / 项目支出 columns.
  /// One warning each, at the first such item, with the count of the others.
  void unplaced_items() {
    const auto& data = *d_.data;
    std::vector<std::size_t> no_function, no_kind;
    bool kinds_used = false;
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      const auto& it = data.items[i];
      if (!it.function) no_function.push_back(i);
      if (it.kind == spending_kind::unspecified) no_kind.push_back(i);
      else kinds_used = true;
    }
    // a budget that gives no item a kind does not split its spending at all
    // (its tables' 基本支出 and 项目支出 columns are blank throughout); one that
    // splits some of it must split all of it
    if (!kinds_used) no_kind.clear();
    auto at = [&](std::size_t i) {
      const auto& it = data.items[i];
      return source_span{data.sources[it.file].get(), it.offset, 1};
    };
    auto others = [&](diagnostic& d, const std::vector<std::size_t>& list, const char* what) {
      for (std::size_t k = 1; k < list.size() && k < 4; ++k)
        d.notes.push_back({"also " + describe(data, data.items[list[k]]), at(list[k])});
      if (list.size() > 4) d.notes.push_back({"and " + std::to_string(list.size() - 4) + " more items " + what, {}});
    };
    if (!no_function.empty()) {
      const auto& it = data.items[no_function.front()];
      auto& d = rep_.warning("W0406", describe(data, it) + " has no functional code (功能科目)", at(no_function.front()),
                             "no 功能科目 here, in its block or in its project");
      d.notes.push_back({"tables classified by function leave it out: the 支出总表, the 一般公共预算, 政府性基金 and "
                         "财政拨款 支出表 and every table with a row per 功能科目; the tables' totals will be short of "
                         "the budget's expenditure by " + exact_text(it.amount, u(), th()) + (no_function.size() > 1 ? " and more" : ""),
                         {}});
      others(d, no_function, "without a functional code");
    }
    if (!data.header.allow_negative) {
      std::vector<std::size_t> negative;
      for (std::size_t i = 0; i < data.items.size(); ++i)
        if (data.items[i].amount.sign() < 0) negative.push_back(i);
      if (!negative.empty()) {
        const auto& it = data.items[negative.front()];
        auto& d = rep_.warning("W0408", describe(data, it) + " has a negative amount " + exact_text(it.amount, u(), th()),
                               at(negative.front()), "a negative item");
        d.notes.push_back({"published budgets have none; if this budget has negative items on purpose (an adjustment, "
                           "a refund), say so in its header with 允许负数",
                           {}});
        others(d, negative, "with a negative amount");
      }
    }
    if (!no_kind.empty()) {
      const auto& it = data.items[no_kind.front()];
      auto& d = rep_.warning("W0407", describe(data, it) + " is neither 基本支出 nor 项目支出", at(no_kind.front()),
                             "no kind here, in its block or in its project");
      d.notes.push_back({"tables that split spending into 基本支出 and 项目支出 (the 支出总表, the 一般公共预算支出表 and "
                         "the 财政拨款 支出表) will not add up: their 合计 counts it, neither column does",
                         {}});
      d.notes.push_back({"declare it under 基本支出 (人员经费, 公用经费) or in a 项目", {}});
      others(d, no_kind, "without a kind");
    }
  }

  /// W0411: an income line, a 其中 part or a 年终结转结余 below 0, unless
  /// the budget says it has negative figures on purpose (允许负数).  Once, at
  /// the first; the notes name up to three more and count the rest.
  void negative_income() {
    const auto& data = *d_.data;
    if (data.header.allow_negative) return;
    struct negative {
      std::string what;
      money amount;
      source_span span;
    };
    std::vector<negative> found;
    for (const auto& l : data.income) {
      if (l.amount.sign() >= 0) continue;
      std::string what = l.of_which ? std::string(chinese_name(*l.of_which)) + " 其中 " + std::string(chinese_name(l.source))
                                    : "收入 " + std::string(chinese_name(l.source));
      found.push_back({std::move(what), l.amount, l.span});
    }
    for (const auto& ub : data.year_end_units)
      if (ub.amount.sign() < 0) found.push_back({"年终结转结余", ub.amount, ub.span});
    for (std::size_t i = 0; i < data.year_end_by_fund.size(); ++i) {
      const auto& [f, m] = data.year_end_by_fund[i];
      if (m.sign() < 0) found.push_back({"年终结转结余 其中 " + std::string(chinese_name(f)), m, data.year_end_by_fund_spans[i]});
    }
    if (found.empty()) return;
    auto order = [&](const source_span& s) {  // files in the order they were read
      std::size_t f = 0;
      while (f < data.sources.size() && data.sources[f].get() != s.file) ++f;
      return std::pair(f, s.offset);
    };
    std::stable_sort(found.begin(), found.end(),
                     [&](const negative& a, const negative& b) { return order(a.span) < order(b.span); });
    auto& d = rep_.warning("W0411", found.front().what + " is negative: " + exact_text(found.front().amount, u(), th()),
                           found.front().span, "a negative figure");
    d.notes.push_back({"income and carry-over balances are never below 0 in a published budget; if this budget has "
                       "negative figures on purpose (an adjustment), say so in its header with 允许负数",
                       {}});
    for (std::size_t k = 1; k < found.size() && k < 4; ++k)
      d.notes.push_back({"also " + found[k].what + " " + exact_text(found[k].amount, u(), th()), found[k].span});
    if (found.size() > 4) d.notes.push_back({"and " + std::to_string(found.size() - 4) + " more negative figures", {}});
  }

  /// W0412: items paid from last year's balance (资金 上年结转结余) that
  /// spend more than the budget states it has: more than its 上年结转结余 in
  /// all, or, for items that name the fund (上年结转结余.政府性基金), more than
  /// that fund's 其中 part of it.  Checked in a budget with income lines;
  /// 财政拨款 counts as the 一般公共预算 it is part of, as in E0405.
  void spending_from_balances() {
    const auto& data = *d_.data;
    if (data.income.empty()) return;
    constexpr std::size_t n = static_cast<std::size_t>(fund_source::carryover) + 1;
    constexpr std::size_t all = static_cast<std::size_t>(fund_source::carryover);  // the balance as a whole
    const auto fund = [](fund_source f) {
      return static_cast<std::size_t>(f == fund_source::fiscal_appropriation ? fund_source::general_budget : f);
    };
    std::array<money_sum, n> stated, spent;
    std::array<source_span, n> stated_at{};
    std::array<std::size_t, n> items{}, first;
    first.fill(data.items.size());
    bool by_fund = false, general = false;  // 其中 parts stated; a 一般公共预算 part among them
    for (const auto& l : data.income)
      if (l.of_which == fund_source::carryover) {
        by_fund = true;
        general = general || l.source == fund_source::general_budget;
      }
    for (const auto& l : data.income) {
      std::size_t f = n;
      if (!l.of_which && l.source == fund_source::carryover) f = all;
      else if (l.of_which == fund_source::carryover && !(l.source == fund_source::fiscal_appropriation && general))
        f = fund(l.source);
      if (f == n) continue;
      stated[f] += l.amount;
      if (!stated_at[f]) stated_at[f] = l.span;
    }
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      const auto& it = data.items[i];
      if (it.fund != fund_source::carryover || it.amount.is_zero()) continue;
      const std::size_t of = fund(it.balance_of);  // `all` when the item names no fund
      for (const std::size_t f : {all, of}) {
        spent[f] += it.amount;
        ++items[f];
        if (first[f] == data.items.size()) first[f] = i;
        if (of == all) break;  // counted once, in the whole
      }
    }
    const budget b = detail::budget_access::make(d_.data);
    for (std::size_t f = n; f-- > 0;) {  // the whole first
      if (items[f] == 0 || (f != all && !by_fund) || spent[f].fen() <= stated[f].fen()) continue;
      const std::string what = f == all ? "上年结转结余" : "上年结转结余." + std::string(chinese_name(static_cast<fund_source>(f)));
      const std::string balance =
          f == all ? "the budget's 上年结转结余" : "its " + std::string(chinese_name(static_cast<fund_source>(f))) + " part";
      auto& d = rep_.warning("W0412",
                             "items paid from " + what + " spend " + format_fen(spent[f].fen(), u(), 2, th()) + ", more than " +
                                 balance + " " + format_fen(stated[f].fen(), u(), 2, th()),
                             b.span_of(data.items[first[f]]), "the first of them");
      d.expected = "at most " + format_fen(stated[f].fen(), u(), 2, th()) + " (" + balance + ")";
      d.found = format_fen(spent[f].fen(), u(), 2, th()) + " (" + std::to_string(items[f]) +
                (items[f] == 1 ? " item" : " items") + "; difference " + signed_text(spent[f].fen() - stated[f].fen(), u(), th()) +
                " " + std::string(unit_name(u())) + ")";
      d.notes.push_back({f == all ? (stated[all].fen() == 0
                                         ? "the budget states no 收入 上年结转结余: state last year's balance, or pay these items "
                                           "from this year's income (资金 一般公共预算 …)"
                                         : "a budget cannot spend more of last year's balance than it has: check the "
                                           "balance (收入 上年结转结余) and the items' 资金")
                                  : "the budget states its balance by fund source (其中 of 收入 上年结转结余), and a fund's "
                                    "balance is spent only by items paid from it: check that part and the items' 资金",
                         {}});
      if (stated_at[f]) d.notes.push_back({"the balance is stated here", stated_at[f]});
      if (f == all) break;  // the parts of a balance overspent in all would repeat it
    }
  }

  void project_item_notes(diagnostic& d, std::uint32_t project) {
    const auto& data = *d_.data;
    std::size_t shown = 0, total = 0;
    for (const auto& it : data.items) {
      if (it.project != project) continue;
      if (++total > 10) continue;
      d.notes.push_back({describe(data, it) + " " + exact_text(it.amount, u(), th()), {data.sources[it.file].get(), it.offset, 1}});
      ++shown;
    }
    if (total > shown) d.notes.push_back({"and " + std::to_string(total - shown) + " more items", {}});
  }

  void groups() {
    auto& data = *d_.data;
    for (auto& grp : data.groups) {
      money_sum members;
      for (auto m : grp.members) members += data.projects[m].amount;
      const money breakdown = grp.amount;  // Σ items, set when the block closed
      if (!fits({members}, grp.span, "the sum of the group's projects")) continue;
      const money expected = members.value();
      if (breakdown != expected) {
        auto& d = rep_.error("E0403",
                             "the breakdown of group '" + grp.name + "' sums to " + exact_text(breakdown, u(), th()) +
                                 ", but its projects sum to " + exact_text(expected, u(), th()),
                             grp.span);
        d.expected = exact_text(expected, u(), th()) + " (Σ of the projects)";
        d.found = exact_text(breakdown, u(), th()) + " (difference " + signed_text(int128(breakdown.fen()) - expected.fen(), u(), th()) + ")";
        for (auto m : grp.members)
          d.notes.push_back({data.projects[m].name + " " + exact_text(data.projects[m].amount, u(), th()), data.projects[m].span});
      }
      grp.amount = expected;
    }
  }

  /// 收入总计 = 支出总计 (E0404), unless each unit balances on its own
  /// (balance_by_unit), which says where the difference is: the whole then
  /// balances exactly when every unit does.
  void balance() {
    const auto& data = *d_.data;
    if (data.income.empty()) return;  // a file of items or rules only
    if (!units_with_income().empty()) return;
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
    const auto checked = units_with_income();
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
      if (!fits({in[k], out[k]}, where[k], "a unit's total")) continue;
      const money i = in[k].value(), o = out[k].value();
      const budget_unit& unit = data.units[k];
      auto& d = rep_.error("E0404",
                           "unit " + (unit.code.empty() ? unit.name : unit.code + " " + unit.name) + ": income total " +
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
  /// fund (资金 上年结转结余.政府性基金) is that fund's.
  void balance_by_fund() {
    const auto& data = *d_.data;
    if (data.income.empty()) return;
    const budget b = detail::budget_access::make(d_.data);
    if (!b.balances_by_fund()) return;
    constexpr std::size_t n = static_cast<std::size_t>(fund_source::carryover) + 1;
    std::array<money_sum, n> income, opening, items, closing;
    std::array<bool, n> seen{};
    std::array<source_span, n> where{};
    auto fund = [](fund_source f) {
      return static_cast<std::size_t>(f == fund_source::fiscal_appropriation ? fund_source::general_budget : f);
    };
    // a balance's 其中 财政拨款 is its 一般公共预算 part where that is not stated
    bool opening_general = false;
    for (const auto& l : data.income)
      opening_general = opening_general || (l.of_which == fund_source::carryover && l.source == fund_source::general_budget);
    bool closing_general = false;
    for (const auto& [f, m] : data.year_end_by_fund) closing_general = closing_general || f == fund_source::general_budget;
    for (const auto& l : data.income) {
      if (l.source == fund_source::fiscal_appropriation &&
          (l.of_which != fund_source::carryover || opening_general))
        continue;  // the 其中 of 一般公共预算
      if (!l.of_which && l.source != fund_source::carryover) {
        income[fund(l.source)] += l.amount;
        seen[fund(l.source)] = true;
        if (!where[fund(l.source)]) where[fund(l.source)] = l.span;
      } else if (l.of_which == fund_source::carryover) {
        opening[fund(l.source)] += l.amount;
        seen[fund(l.source)] = true;
        if (!where[fund(l.source)]) where[fund(l.source)] = l.span;
      }
    }
    money_sum from_balance;  // of items paid from last year's balance that name no fund
    std::size_t from_balance_items = 0;
    std::array<std::size_t, n> first_item;  // a fund with no income or balance line is reported at it
    first_item.fill(data.items.size());
    for (std::size_t i = 0; i < data.items.size(); ++i) {
      const auto& it = data.items[i];
      const fund_source f = it.fund == fund_source::carryover ? it.balance_of : it.fund;
      if (first_item[fund(f)] == data.items.size()) first_item[fund(f)] = i;
      if (f == fund_source::carryover && !it.amount.is_zero()) {
        from_balance += it.amount;
        ++from_balance_items;
      }
      items[fund(f)] += it.amount;
      seen[fund(f)] = true;
    }
    for (std::size_t i = 0; i < data.year_end_by_fund.size(); ++i) {
      const auto [f, m] = data.year_end_by_fund[i];
      if (f == fund_source::fiscal_appropriation && closing_general) continue;
      closing[fund(f)] += m;
      seen[fund(f)] = true;
      if (!where[fund(f)]) where[fund(f)] = data.year_end_by_fund_spans[i];
    }
    for (std::size_t f = 0; f < n; ++f) {
      if (!seen[f] || f == static_cast<std::size_t>(fund_source::carryover)) continue;
      const int128 in = income[f].fen() + opening[f].fen(), out = items[f].fen() + closing[f].fen();
      if (in == out) continue;
      const auto name = std::string(chinese_name(static_cast<fund_source>(f)));
      const source_span at = where[f]                         ? where[f]
                             : first_item[f] < data.items.size() ? b.span_of(data.items[first_item[f]])
                             : data.income.empty()               ? source_span{}
                                                                 : data.income.front().span;
      auto& d = rep_.error("E0405", name + ": 年初结转结余 + 收入 " + format_fen(in, u(), 2, th()) + " differs from 支出 + 年终结转结余 " +
                                        format_fen(out, u(), 2, th()),
                           at);
      d.expected = format_fen(in, u(), 2, th()) + " (年初 " + format_fen(opening[f].fen(), u(), 2, th()) + " + 收入 " +
                   format_fen(income[f].fen(), u(), 2, th()) + ")";
      d.found = format_fen(out, u(), 2, th()) + " (支出 " + format_fen(items[f].fen(), u(), 2, th()) + " + 年末 " +
                format_fen(closing[f].fen(), u(), 2, th()) + "; difference " + signed_text(out - in, u(), th()) + " " +
                std::string(unit_name(u())) + ")";
      d.notes.push_back({"the budget states its balances by fund source (其中 of 上年结转结余 or 年终结转结余), so each fund "
                         "must balance: 年初结转结余 + 收入 = 支出 + 年终结转结余; a fund not listed has a balance of 0",
                         {}});
      if (from_balance_items != 0)
        d.notes.push_back({std::to_string(from_balance_items) +
                               (from_balance_items == 1 ? " item paid from 上年结转结余 (" : " items paid from 上年结转结余 (") +
                               format_fen(from_balance.fen(), u(), 2, th()) +
                               (from_balance_items == 1 ? ") names no fund and counts in none" : ") name no fund and count in none") +
                               ": write the fund the balance is of, as in 资金 上年结转结余." + name,
                           {}});
    }
  }

  draft& d_;
  reporter& rep_;
};

}  // namespace yusuan::compile
