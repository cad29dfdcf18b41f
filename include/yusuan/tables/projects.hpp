// yusuan/tables/projects.hpp -- the tables of projects: 预算12表 项目支出预算表
// (each project by source) and 预算13表 项目绩效目标表 (its performance targets).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/tables/blocks.hpp>
#include <yusuan/tables/model.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace yusuan::tables {

namespace detail {

/// Project amount columns of 预算12表 after 合计.
enum project_col : std::size_t {
  pc_general,           // 本年拨款/一般公共预算
  pc_government_fund,   // 本年拨款/政府性基金预算
  pc_state_capital,     // 本年拨款/国有资本经营预算
  pc_carry_general,     // 财政拨款结转结余/一般公共预算
  pc_carry_government,  // 财政拨款结转结余/政府性基金预算
  pc_carry_state,       // 财政拨款结转结余/国有资本经营预算
  pc_special_account,   // 财政专户管理资金
  pc_unit_funds,        // 单位资金
  pc_count
};

inline std::size_t project_column_of(fund_source f) {
  switch (f) {
    case fund_source::general_budget:
    case fund_source::fiscal_appropriation: return pc_general;
    case fund_source::government_fund: return pc_government_fund;
    case fund_source::state_capital: return pc_state_capital;
    case fund_source::carryover: return pc_carry_general;  // the model does not split 结转结余 by source
    case fund_source::special_account: return pc_special_account;
    default: return pc_unit_funds;
  }
}

/// What the tables need of each project, gathered in one pass over the items:
/// its unit (index into budget::units()) and its amount by source.
///
/// The unit is that of the project's first item, else of its project group's
/// first item, else the budget's own unit (0).  The split by source comes from
/// the project's own items; else, when the items of its project group all come
/// from one source, the whole amount is from that source; else, with no item
/// at all, from 一般公共预算 (the default source of an item).  Mixed group
/// sources leave the split blank (合计 only).
struct project_facts {
  std::size_t unit = 0;
  std::vector<acc> split;  // pc_count columns
};

inline std::vector<project_facts> gather_projects(const budget& b) {
  const auto projects = b.projects();
  const auto groups = b.groups();
  std::vector<project_facts> out(projects.size());
  std::vector<bool> own(projects.size(), false);
  struct group_facts {
    bool any = false, mixed = false;
    bool mixed_seen = false;
    std::size_t column = pc_general, unit = 0, first = 0;
  };
  std::vector<group_facts> g(groups.size());
  std::vector<std::size_t> first(projects.size(), 0);
  for (auto& f : out) f.split.resize(pc_count);
  // A key of the project dimension: a project's index, or a group's with bit 32 set.
  auto project_of = [&](dimension_key k) { return k < projects.size() ? static_cast<std::size_t>(k) : projects.size(); };
  auto group_of = [&](dimension_key k) {
    return k != no_key && (k >> 32) && (k & 0xFFFFFFFFu) < groups.size() ? static_cast<std::size_t>(k & 0xFFFFFFFFu)
                                                                           : groups.size();
  };
  const dimension_ref project_dim{dimension::project, 0, {}}, fund_dim{dimension::fund, 0, {}};
  // The unit of a project (or group): that of its first item.
  for (const auto& x : group_sums(b, filter{}, {project_dim, unit_dim})) {
    const std::size_t unit = static_cast<std::size_t>(x.keys[1]);
    if (const auto p = project_of(x.keys[0]); p < projects.size()) {
      if (!own[p] || x.first_item < first[p]) {
        out[p].unit = unit;
        first[p] = x.first_item;
      }
      own[p] = true;
    } else if (const auto gi = group_of(x.keys[0]); gi < groups.size()) {
      if (!g[gi].any || x.first_item < g[gi].first) {
        g[gi].unit = unit;
        g[gi].first = x.first_item;
      }
      g[gi].any = true;
    }
  }
  for (const auto& x : group_sums(b, filter{}, {project_dim, fund_dim})) {
    const std::size_t c = project_column_of(static_cast<fund_source>(x.keys[1]));
    if (const auto p = project_of(x.keys[0]); p < projects.size()) {
      out[p].split[c].add(x);
    } else if (const auto gi = group_of(x.keys[0]); gi < groups.size()) {
      // The sources of a group's items, in any order: mixed when two columns differ.
      if (g[gi].column != c && g[gi].mixed_seen) g[gi].mixed = true;
      g[gi].column = c;
      g[gi].mixed_seen = true;
    }
  }
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (own[i]) continue;
    const auto& p = projects[i];
    if (p.group < groups.size() && g[p.group].any) {
      out[i].unit = g[p.group].unit;
      if (!g[p.group].mixed) out[i].split[g[p.group].column].add(p.amount);
    } else {
      out[i].split[pc_general].add(p.amount);
    }
  }
  return out;
}

/// Project order of 预算12表 and 预算13表: 其他运转类, 特定目标类, then the rest.
inline int kind_rank(spending_kind k) {
  switch (k) {
    case spending_kind::operating: return 0;
    case spending_kind::specific: return 1;
    default: return 2;
  }
}

/// The projects of each unit (index into budget::units(); one list when the
/// budget declares no unit), each list in the order `before` gives.
template <class Before>
std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> projects_by_unit(
    const budget& b, const std::vector<project_facts>& facts, Before before) {
  std::vector<std::uint32_t> order(b.projects().size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), before);
  const std::size_t units = std::max<std::size_t>(b.units().size(), 1);
  std::vector<std::vector<std::uint32_t>> lists(units);
  for (auto i : order) lists[std::min(facts[i].unit, units - 1)].push_back(i);
  std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> out;
  for (std::size_t u = 0; u < units; ++u)
    if (!lists[u].empty()) out.emplace_back(u, std::move(lists[u]));
  return out;
}

}  // namespace detail

/// 预算12表 项目支出预算表: an unlabelled total row (as printed), then per unit
/// the unit row and its projects by type (其他运转类, then 特定目标类) in
/// declaration order, each by source.
inline table project_expenditure(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "12", o);
  t.columns = {text_col({"类型"}),
               text_col({"项目名称"}),
               text_col({"项目单位"}),
               money_col({"合计"}),
               money_col({"本年拨款", "一般公共预算"}),
               money_col({"本年拨款", "政府性基金预算"}),
               money_col({"本年拨款", "国有资本经营预算"}),
               money_col({"财政拨款结转结余", "一般公共预算"}),
               money_col({"财政拨款结转结余", "政府性基金预算"}),
               money_col({"财政拨款结转结余", "国有资本经营预算"}),
               money_col({"财政专户管理资金"}),
               money_col({"单位资金"})};
  const auto projects = b.projects();
  const auto facts = gather_projects(b);
  const auto groups = projects_by_unit(b, facts, [&](std::uint32_t x, std::uint32_t y) {
    return kind_rank(projects[x].kind) < kind_rank(projects[y].kind);
  });
  std::vector<acc> total(pc_count + 1);
  std::vector<row> body;
  for (const auto& [u, list] : groups) {
    std::vector<acc> sub(pc_count + 1);
    std::vector<row> lines;
    const budget_unit* unit = u < b.units().size() ? &b.units()[u] : nullptr;
    for (auto i : list) {
      const auto& p = projects[i];
      const auto& s = facts[i].split;
      sub[0].add(p.amount);
      for (std::size_t c = 0; c < pc_count; ++c) sub[c + 1].add(s[c]);
      std::vector<cell> cells{text_cell(std::string(chinese_name(p.kind))), text_cell(p.name),
                              text_cell(unit ? unit->name : std::string()), money_cell(p.amount)};
      for (const auto& a : s) cells.push_back(money_cell(a.get()));
      lines.push_back(make_row(row_role::line, std::move(cells)));
    }
    for (std::size_t c = 0; c < sub.size(); ++c) total[c].add(sub[c]);
    if (unit) {
      std::vector<cell> cells{text_cell(unit->code), text_cell(unit->name), text_cell("")};
      for (const auto& a : sub) cells.push_back(money_cell(a.get()));
      body.push_back(make_row(row_role::unit, std::move(cells)));
    }
    for (auto& r : lines) body.push_back(std::move(r));
  }
  std::vector<cell> cells{text_cell(""), text_cell(""), text_cell("")};
  for (const auto& a : total) cells.push_back(money_cell(a.get()));
  t.rows.push_back(make_row(row_role::total, std::move(cells)));
  for (auto& r : body) t.rows.push_back(std::move(r));
  add_notes(b, t);
  return t;
}

/// 预算13表 项目绩效目标表: per unit the unit row (no 合计 row is printed), then
/// its projects by type and project code, each with its 绩效目标 laid out per
/// category (成本, 产出, 效益, 满意度), one indicator of each per line.
inline table performance_targets(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "13", o);
  const std::string amount_head = "项目金额（" + std::string(yusuan::unit_name(t.amount_unit)) + "）";
  t.columns = {text_col({"单位编码（项目编码）"}), text_col({"项目单位（项目名称）"}),
               money_col({amount_head, "资金总额"}), money_col({amount_head, "政府预算资金"}),
               money_col({amount_head, "财政专户管理资金"}), money_col({amount_head, "单位资金"})};
  constexpr std::array<target_category, 4> categories{target_category::cost, target_category::output,
                                                      target_category::outcome, target_category::satisfaction};
  for (auto c : categories) {
    const std::string head = std::string(chinese_name(c)) + "指标";
    t.columns.push_back(text_col({"绩效目标", head, "三级指标"}));
    t.columns.push_back(text_col({"绩效目标", head, "指标值"}));
  }
  const auto projects = b.projects();
  const auto facts = gather_projects(b);
  const auto groups = projects_by_unit(b, facts, [&](std::uint32_t x, std::uint32_t y) {
    const auto &p = projects[x], &q = projects[y];
    if (kind_rank(p.kind) != kind_rank(q.kind)) return kind_rank(p.kind) < kind_rank(q.kind);
    if (p.code.empty() != q.code.empty()) return q.code.empty();
    return p.code < q.code;
  });
  // 政府预算资金: 一般公共预算, 政府性基金, 国有资本经营 and their 结转结余.
  auto amounts = [](const std::vector<acc>& s, acc whole) {
    acc government;
    for (auto c : {pc_general, pc_government_fund, pc_state_capital, pc_carry_general, pc_carry_government,
                   pc_carry_state})
      government.add(s[c]);
    return std::array<acc, 4>{whole, government, s[pc_special_account], s[pc_unit_funds]};
  };
  for (const auto& [u, list] : groups) {
    std::array<acc, 4> unit_total;
    std::vector<row> lines;
    for (auto i : list) {
      const auto& p = projects[i];
      acc whole;
      whole.add(p.amount);
      const auto a = amounts(facts[i].split, whole);
      for (std::size_t k = 0; k < 4; ++k) unit_total[k].add(a[k]);
      std::array<std::vector<const performance_target*>, 4> by_category;
      for (const auto& tg : p.targets)
        for (std::size_t k = 0; k < categories.size(); ++k)
          if (tg.category == categories[k]) by_category[k].push_back(&tg);
      std::size_t n = 1;
      for (const auto& v : by_category) n = std::max(n, v.size());
      for (std::size_t line = 0; line < n; ++line) {
        std::vector<cell> cells;
        if (line == 0) {
          cells = {text_cell(p.code), text_cell(p.name)};
          for (const auto& x : a) cells.push_back(money_cell(x.get()));
        } else {
          cells = {text_cell(""), text_cell("")};
          for (int k = 0; k < 4; ++k) cells.push_back(money_cell(std::nullopt));
        }
        for (const auto& v : by_category) {
          if (line < v.size()) {
            cells.push_back(text_cell(v[line]->indicator));
            cells.push_back(text_cell(v[line]->value_text()));
          } else {
            cells.push_back(text_cell(""));
            cells.push_back(text_cell(""));
          }
        }
        lines.push_back(make_row(row_role::line, std::move(cells)));
      }
    }
    if (u < b.units().size()) {
      std::vector<cell> cells{text_cell(b.units()[u].code), text_cell(b.units()[u].name)};
      for (const auto& x : unit_total) cells.push_back(money_cell(x.get()));
      while (cells.size() < t.columns.size()) cells.push_back(text_cell(""));
      t.rows.push_back(make_row(row_role::unit, std::move(cells)));
    }
    for (auto& r : lines) t.rows.push_back(std::move(r));
  }
  if (groups.empty() && !b.units().empty()) {  // no project: the unit row alone
    std::vector<cell> cells{text_cell(b.units()[0].code), text_cell(b.units()[0].name)};
    while (cells.size() < t.columns.size()) cells.push_back(text_cell(""));
    t.rows.push_back(make_row(row_role::unit, std::move(cells)));
  }
  add_notes(b, t);
  return t;
}

}  // namespace yusuan::tables
