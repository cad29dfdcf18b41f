// yusuan/tables/economic.hpp -- the tables of spending by economic code:
// 预算06表 一般公共预算基本支出预算表, 预算07表 支出经济分类汇总表, 预算08表
// “三公”经费 and 预算11表 机构运转经费.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/tables/blocks.hpp>
#include <yusuan/tables/model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace yusuan::tables {

namespace detail {
inline const dimension_ref function_dim{dimension::function, 0, {}};
}  // namespace detail

/// 预算06表 一般公共预算基本支出预算表: one row per published line of basic
/// spending (a line split over several 功能 is one row), in the order of the
/// items sorted by functional code; 人员经费 / 公用经费 by sub-kind (by
/// economic class when the sub-kind is not stated).
inline table general_budget_basic_expenditure(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "06", o);
  t.columns = {text_col({"部门预算支出经济分类科目", "科目编码"}),
               text_col({"部门预算支出经济分类科目", "科目名称"}),
               text_col({"政府预算支出经济分类科目", "科目编码"}),
               text_col({"政府预算支出经济分类科目", "科目名称"}),
               money_col({"本年一般公共预算基本支出", "合计"}),
               money_col({"本年一般公共预算基本支出", "人员经费"}),
               money_col({"本年一般公共预算基本支出", "公用经费"})};
  const filter scope = kind_is(spending_kind::basic) && general_funds();
  const value_filters filters{
                              filter{}, kind_is(spending_kind::personnel) || (basic_only() && econ_in({301, 303})),
                              kind_is(spending_kind::public_funds) || (basic_only() && !econ_in({301, 303}))};
  // One row per published line, in the order of the items sorted by
  // functional code; the codes of a line are those of its first item then.
  const auto items = b.items();
  std::vector<std::uint32_t> in_scope = matching_items(b, scope).items;
  std::stable_sort(in_scope.begin(), in_scope.end(), [&](std::uint32_t x, std::uint32_t y) {
    return yusuan::detail::key_less(function_dim, key_of(b, items[x], function_dim), key_of(b, items[y], function_dim));
  });
  struct line_row {
    econ_code econ, gov;
    std::vector<acc> sums;
  };
  std::vector<line_row> lines;
  std::map<std::uint32_t, std::size_t> line_index;
  for (auto i : in_scope)
    if (line_index.try_emplace(items[i].line, lines.size()).second)
      lines.push_back(line_row{items[i].econ, items[i].gov_econ, std::vector<acc>(filters.size())});
  std::vector<acc> total(filters.size());
  for (std::size_t c = 0; c < filters.size(); ++c)
    for (auto i : matching_items(b, within(scope, *filters[c])).items) {
      lines[line_index.at(items[i].line)].sums[c].add(items[i].amount);
      total[c].add(items[i].amount);
    }
  t.rows.push_back(labelled_row(row_role::total, {"合计", "", "", ""}, total));
  std::optional<econ_code> previous;
  for (const auto& l : lines) {
    t.rows.push_back(labelled_row(row_role::line,
                                  {previous && *previous == l.econ ? std::string() : l.econ.str(), econ_name(b, l.econ),
                                   l.gov.str(), econ_name(b, l.gov)},
                                  l.sums));
    previous = l.econ;
  }
  add_notes(b, t);
  return t;
}

/// 预算07表 支出经济分类汇总表: every (部门, 政府) economic pair by source, in
/// the order of the items sorted by functional code; 合计 and per unit.
inline table economic_summary(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "07", o);
  t.columns = {text_col({"部门预算经济分类", "类"}),
               text_col({"部门预算经济分类", "款"}),
               text_col({"部门预算经济分类", "科目名称"}),
               text_col({"政府预算经济分类", "类"}),
               text_col({"政府预算经济分类", "款"}),
               text_col({"政府预算经济分类", "科目名称"}),
               money_col({"总计"}),
               money_col({"一般公共预算", "小计"}),
               money_col({"一般公共预算", "其中：财政拨款"}),
               money_col({"政府性基金"}),
               money_col({"国有资本经营预算"}),
               money_col({"上年结转结余"}),
               money_col({"财政专户管理资金收入"}),
               money_col({"事业收入"}),
               money_col({"上级补助收入"}),
               money_col({"附属单位上缴收入"}),
               money_col({"事业单位经营收入"}),
               money_col({"其他收入"})};
  const value_filters filters{filter{},
                              general_funds(),
                              fund_is(fund_source::fiscal_appropriation),
                              fund_is(fund_source::government_fund),
                              fund_is(fund_source::state_capital),
                              fund_is(fund_source::carryover),
                              fund_is(fund_source::special_account),
                              fund_is(fund_source::institution_revenue),
                              fund_is(fund_source::superior_subsidy),
                              fund_is(fund_source::subordinate_remittance),
                              fund_is(fund_source::business_revenue),
                              fund_is(fund_source::other_revenue)};
  // Every (部门, 政府) pair of a unit, in the order of the items sorted by
  // functional code: grouped by function too, each pair placed at its least
  // functional code (then its first item).
  const dimension_ref econ_dim{dimension::econ, 0, {}}, gov_dim{dimension::gov_econ, 0, {}};
  const grouped_sums s = sums_by(b, filter{}, {unit_dim, econ_dim, gov_dim, function_dim}, filters);
  struct pair_row {
    dimension_key unit, econ, gov;
    std::size_t place;  // a group of `s` whose (function, first item) comes first
    std::vector<acc> sums;
  };
  std::vector<pair_row> pairs;
  std::map<std::vector<dimension_key>, std::size_t> pair_index;
  auto before = [&](std::size_t x, std::size_t y) {
    const auto &gx = s.groups[x], &gy = s.groups[y];
    if (gx.keys[3] != gy.keys[3]) return yusuan::detail::key_less(function_dim, gx.keys[3], gy.keys[3]);
    return gx.first_item < gy.first_item;
  };
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    const auto& k = s.groups[g].keys;
    auto [pos, fresh] = pair_index.try_emplace({k[0], k[1], k[2]}, pairs.size());
    if (fresh) pairs.push_back(pair_row{k[0], k[1], k[2], g, std::vector<acc>(filters.size())});
    pair_row& p = pairs[pos->second];
    if (before(g, p.place)) p.place = g;
    for (std::size_t c = 0; c < filters.size(); ++c) p.sums[c].add(s.sums[g][c]);
  }
  std::sort(pairs.begin(), pairs.end(), [&](const pair_row& x, const pair_row& y) { return before(x.place, y.place); });
  t.rows.push_back(labelled_row(row_role::total, {"合计", "", "", "", "", ""}, s.total));
  for (auto u : units_with_items(b, filter{})) {
    t.rows.push_back(labelled_row(row_role::unit, {b.units()[u].code, "", b.units()[u].name, "", "", ""},
                                  sums_where_first_key(s, u)));
    for (const auto& p : pairs) {
      if (p.unit != u) continue;
      const econ_code econ = econ_of(p.econ), gov = econ_of(p.gov);
      const std::string e = econ.str(), g = gov.str();
      t.rows.push_back(labelled_row(
          row_role::line,
          {code_part(e, 1), code_part(e, 2), econ_name(b, econ), code_part(g, 1), code_part(g, 2), econ_name(b, gov)},
          p.sums));
    }
  }
  add_notes(b, t);
  return t;
}

/// 预算08表 一般公共预算“三公”经费预算表: 因公出国（境）费 30212, 公务用车
/// 购置费 31013 / 30913, 公务用车运行费 30231, 公务接待费 30217.
inline table three_public_expenses(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "08", o);
  t.columns = {money_col({"“三公”经费合计"}),
               money_col({"因公出国（境）费"}),
               money_col({"公务用车购置及运行费", "小计"}),
               money_col({"公务用车购置及运行费", "公务用车购置费"}),
               money_col({"公务用车购置及运行费", "公务用车运行费"}),
               money_col({"公务接待费"})};
  const filter scope = general_funds();
  std::vector<acc> sums;
  for (const auto& f : {econ_in({30212, 31013, 30913, 30231, 30217}), econ_in({30212}), econ_in({31013, 30913, 30231}),
                        econ_in({31013, 30913}), econ_in({30231}), econ_in({30217})})
    sums.push_back(sum_of(b, within(scope, f)));
  std::vector<cell> cells;
  append_cells(cells, sums);
  t.rows.push_back(make_row(row_role::line, std::move(cells)));
  add_notes(b, t);
  return t;
}

/// 预算11表 行政（事业）单位机构运转经费预算表: 公用经费 by economic code and
/// 项目类别 (the item tag), in code order and, within a code, in the order the
/// budget lists them; 合计, the department and each unit first.
inline table operating_costs(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "11", o);
  t.columns = {text_col({"单位代码"}), text_col({"单位（科目名称）"}), text_col({"项目类别"}),
               money_col({"资金来源", "合计"}), money_col({"资金来源", "一般公共预算资金", "小计"})};
  for (auto h : {"财政拨款", "纳入预算管理的行政事业性收费", "专项收入", "国有资产资源有偿使用收入",
                 "其他一般公共预算资金", "一般性转移支付资金"})
    t.columns.push_back(money_col({"资金来源", "一般公共预算资金", "一般公共预算资金", h}));
  t.columns.push_back(money_col({"资金来源", "一般公共预算资金", "一般债券"}));
  for (auto h : {"小计", "政府性基金预算资金", "专项债券"})
    t.columns.push_back(money_col({"资金来源", "政府性基金预算资金", h}));
  t.columns.push_back(money_col({"资金来源", "国有资本经营预算"}));
  t.columns.push_back(money_col({"资金来源", "财政专户管理资金收入"}));
  for (auto h : {"小计", "事业收入资金", "上级补助收入资金", "附属单位上缴收入资金", "事业单位经营收入资金", "其他收入资金"})
    t.columns.push_back(money_col({"资金来源", "单位资金", h}));
  for (auto h : {"财政性资金结余结转", "财政专户管理资金收入结余结转", "单位资金结余结转"})
    t.columns.push_back(money_col({"资金来源", h}));

  // Sources the model has no money for (收费, 专项收入, 债券 …) stay blank.
  const std::optional<filter> none;
  const value_filters filters{filter{},
                              general_funds(),
                              fund_is(fund_source::fiscal_appropriation),
                              none, none, none, none, none,
                              none,
                              fund_is(fund_source::government_fund),
                              fund_is(fund_source::government_fund),
                              none,
                              fund_is(fund_source::state_capital),
                              fund_is(fund_source::special_account),
                              unit_funds(),
                              fund_is(fund_source::institution_revenue),
                              fund_is(fund_source::superior_subsidy),
                              fund_is(fund_source::subordinate_remittance),
                              fund_is(fund_source::business_revenue),
                              fund_is(fund_source::other_revenue),
                              fund_is(fund_source::carryover),
                              none,
                              none};
  const filter scope = kind_is(spending_kind::public_funds);
  const dimension_ref econ_dim{dimension::econ, 0, {}}, category_dim{dimension::tag, 0, "项目类别"};
  // (unit, code, 项目类别) in order of first appearance, then in code order.
  const grouped_sums s = sums_by(b, scope, {unit_dim, econ_dim, category_dim}, filters);
  std::vector<std::size_t> lines(s.groups.size());
  for (std::size_t g = 0; g < lines.size(); ++g) lines[g] = g;
  std::stable_sort(lines.begin(), lines.end(), [&](std::size_t x, std::size_t y) {
    return yusuan::detail::key_less(econ_dim, s.groups[x].keys[1], s.groups[y].keys[1]);
  });
  t.rows.push_back(labelled_row(row_role::total, {"合计", "", ""}, s.total));
  const auto& h = b.header();
  if (!h.department_code.empty())
    t.rows.push_back(labelled_row(row_role::department, {h.department_code, h.department_name, ""}, s.total));
  for (auto u : units_with_items(b, scope)) {
    t.rows.push_back(labelled_row(row_role::unit, {b.units()[u].code, b.units()[u].name, ""}, sums_where_first_key(s, u)));
    std::optional<econ_code> previous;
    for (auto g : lines) {
      const auto& k = s.groups[g].keys;
      if (k[0] != u) continue;
      const econ_code econ = econ_of(k[1]);
      const bool repeat = previous && *previous == econ;
      t.rows.push_back(labelled_row(row_role::line,
                                    {repeat ? std::string() : econ.str(), repeat ? std::string() : econ_name(b, econ),
                                     k[2] == no_key ? std::string() : key_text(b, category_dim, k[2])},
                                    s.sums[g]));
      previous = econ;
    }
  }
  add_notes(b, t);
  return t;
}

}  // namespace yusuan::tables
