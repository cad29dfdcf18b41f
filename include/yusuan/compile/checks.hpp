// yusuan/compile/checks.hpp -- the built-in checks of a complete budget:
// each project's amount against its items, each project group's breakdown
// against its projects, income against expenditure, and every total within
// what an amount can hold.
#pragma once

#include <yusuan/compile/amount_limits.hpp>
#include <yusuan/compile/balance_checks.hpp>
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
    balance_checks balances(d_, rep_);
    balances.totals();
    // a budget with errors may be missing what would have placed its items
    if (!rep_.has_errors()) {
      unplaced_items();
      negative_income();
      balances.spending_from_balances();
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
    return n + balance_checks(d_, rep_).count();
  }

  /// Σ of the projects' amounts (once they are known).
  money_sum project_total() const {
    money_sum s;
    for (const auto& p : d_.data->projects) s += p.amount;
    return s;
  }

  bool fits(std::initializer_list<money_sum> sums, source_span at, const char* what) {
    return fits_in_amount(rep_, sums, at, what);
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

  draft& d_;
  reporter& rep_;
};

}  // namespace yusuan::compile
