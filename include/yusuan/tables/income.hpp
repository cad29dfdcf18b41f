// yusuan/tables/income.hpp -- 预算02表 单位收入预算表: the income lines by
// source, in total and per unit.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/tables/blocks.hpp>
#include <yusuan/tables/model.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace yusuan::tables {

/// 预算02表 单位收入预算表: income by source, 合计 and one row per unit.
inline table income(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "02", o);
  t.columns = {text_col({"单位代码"}),
               text_col({"单位名称"}),
               money_col({"总计"}),
               money_col({"本年收入", "合计"}),
               money_col({"本年收入", "一般公共预算", "小计"}),
               money_col({"本年收入", "一般公共预算", "其中：财政拨款"}),
               money_col({"本年收入", "政府性基金"}),
               money_col({"本年收入", "国有资本经营预算"}),
               money_col({"本年收入", "财政专户管理资金收入"}),
               money_col({"本年收入", "事业收入"}),
               money_col({"本年收入", "事业单位经营收入"}),
               money_col({"本年收入", "上级补助收入"}),
               money_col({"本年收入", "附属单位上缴收入"}),
               money_col({"本年收入", "其他收入"}),
               money_col({"上年结转结余", "合计"}),
               money_col({"上年结转结余", "一般公共预算"}),
               money_col({"上年结转结余", "政府性基金"}),
               money_col({"上年结转结余", "国有资本经营预算"}),
               money_col({"上年结转结余", "财政专户管理资金"}),
               money_col({"上年结转结余", "单位资金"})};
  auto values = [&](std::optional<std::uint16_t> u) {
    std::vector<acc> v;
    acc current;
    for (auto f : current_sources) current.add(income_lines(b, f, std::nullopt, u));
    const acc carry = income_lines(b, fund_source::carryover, std::nullopt, u);
    acc grand = current;
    grand.add(carry);
    v.push_back(grand);
    v.push_back(current);
    v.push_back(income_lines(b, fund_source::general_budget, std::nullopt, u));
    v.push_back(income_lines(b, fund_source::fiscal_appropriation, fund_source::general_budget, u));
    for (auto f : {fund_source::government_fund, fund_source::state_capital, fund_source::special_account,
                   fund_source::institution_revenue, fund_source::business_revenue, fund_source::superior_subsidy,
                   fund_source::subordinate_remittance, fund_source::other_revenue})
      v.push_back(income_lines(b, f, std::nullopt, u));
    v.push_back(carry);
    for (auto f : {fund_source::general_budget, fund_source::government_fund, fund_source::state_capital,
                   fund_source::special_account})
      v.push_back(income_lines(b, f, fund_source::carryover, u));
    acc own_funds;  // 单位资金
    for (auto f : unit_fund_sources) own_funds.add(income_lines(b, f, fund_source::carryover, u));
    v.push_back(own_funds);
    return v;
  };
  auto add = [&](row_role role, std::string code, std::string name, const std::vector<acc>& v) {
    std::vector<cell> cells{text_cell(std::move(code)), text_cell(std::move(name))};
    for (const auto& a : v) cells.push_back(money_cell(a.get()));
    t.rows.push_back(make_row(role, std::move(cells)));
  };
  add(row_role::total, "合计", "", values(std::nullopt));
  std::vector<bool> has(b.units().size(), false);
  for (const auto& l : b.income())
    if (l.unit < has.size()) has[l.unit] = true;
  for (std::size_t u = 0; u < has.size(); ++u)
    if (has[u]) add(row_role::unit, b.units()[u].code, b.units()[u].name, values(static_cast<std::uint16_t>(u)));
  add_notes(b, t);
  return t;
}

}  // namespace yusuan::tables
