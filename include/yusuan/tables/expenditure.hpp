// yusuan/tables/expenditure.hpp -- the tables of spending by functional code
// split into 基本支出 and 项目支出: 预算03表 单位支出预算表 and its restrictions
// to one source of funds, 预算05表 (一般公共预算), 预算09表 (政府性基金) and
// 预算10表 (国有资本经营).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/tables/blocks.hpp>
#include <yusuan/tables/model.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::tables {

namespace detail {

inline std::vector<column> expenditure_columns() {
  return {text_col({"科目编码", "类"}),
          text_col({"科目编码", "款"}),
          text_col({"科目编码", "项"}),
          text_col({"单位代码"}),
          text_col({"单位（科目名称）"}),
          money_col({"合计"}),
          money_col({"基本支出", "小计"}),
          money_col({"基本支出", "人员经费", "工资福利支出"}),
          money_col({"基本支出", "人员经费", "对个人和家庭的补助"}),
          money_col({"基本支出", "公用经费", "商品和服务支出"}),
          money_col({"基本支出", "公用经费", "资本性支出"}),
          money_col({"项目支出", "小计"}),
          money_col({"项目支出", "其他运转类"}),
          money_col({"项目支出", "特定目标类"})};
}

/// 人员经费 = 工资福利支出 (301) + 对个人和家庭的补助 (303); 公用经费 =
/// 商品和服务支出 (302) + 资本性支出 (310): the economic classes of 基本支出.
inline value_filters expenditure_value_filters() {
  const filter basic = kind_is(spending_kind::basic);
  return {filter{},
          basic,
          basic && econ_in({301}),
          basic && econ_in({303}),
          basic && econ_in({302}),
          basic && econ_in({310}),
          kind_is(spending_kind::project),
          kind_is(spending_kind::operating),
          kind_is(spending_kind::specific)};
}

/// Rows: 合计; per unit the unit row, then one row per functional code in code
/// order (the items without one last).  `empty_note`: the sentence printed
/// when no item is in scope.
inline table expenditure_table(const budget& b, std::string_view id, const options& o, const filter& scope,
                               std::optional<std::string> empty_note) {
  table t = start(b, id, o);
  t.columns = expenditure_columns();
  const dimension_ref function_dim{dimension::function, 0, {}};
  const grouped_sums s = sums_by(b, scope, {unit_dim, function_dim}, expenditure_value_filters());
  t.rows.push_back(labelled_row(row_role::total, {"合计", "", "", "", ""}, s.total));
  for (auto u : units_with_items(b, scope)) {
    const auto& unit = b.units()[u];
    t.rows.push_back(labelled_row(row_role::unit, {"", "", "", unit.code, unit.name}, sums_where_first_key(s, u)));
    std::vector<std::size_t> lines;
    for (std::size_t g = 0; g < s.groups.size(); ++g)
      if (s.groups[g].keys[0] == u) lines.push_back(g);
    std::sort(lines.begin(), lines.end(), [&](std::size_t x, std::size_t y) {
      return yusuan::detail::key_less(function_dim, s.groups[x].keys[1], s.groups[y].keys[1]);
    });
    for (auto g : lines) {
      const function_code c = function_of(s.groups[g].keys[1]);
      const std::string d = c.str();
      t.rows.push_back(labelled_row(row_role::line,
                                    {code_part(d, 1), code_part(d, 2), code_part(d, 3), "", function_name(b, c)},
                                    s.sums[g]));
    }
  }
  if (s.groups.empty() && empty_note) {
    const table_note* n = note_for(b, id);
    std::vector<cell> cells(t.columns.size());
    cells[0] = text_cell(n ? n->text : *empty_note);
    t.rows.push_back(make_row(row_role::note, std::move(cells)));
  } else {
    add_notes(b, t);
  }
  return t;
}

/// The default 说明 of an empty 预算09表 / 预算10表.
inline std::string default_empty_note(const budget& b, std::string_view what) {
  const auto& h = b.header();
  const std::string who = !h.unit_name.empty() ? h.unit_name : h.department_name;
  return "备注：" + who + std::to_string(b.year()) + "年无" + std::string(what) + "安排的支出，故此表无数。";
}

}  // namespace detail

/// 预算03表 单位支出预算表: spending by functional 项, split into 基本支出
/// (人员经费: 301, 303; 公用经费: 302, 310) and 项目支出 (其他运转类, 特定目标类).
inline table expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "03", o, filter{}, std::nullopt);
}

/// 预算05表 一般公共预算支出预算表: 预算03表 restricted to 一般公共预算.
inline table general_budget_expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "05", o, detail::general_funds(), std::nullopt);
}

/// 预算09表 政府性基金支出预算表: 预算03表 restricted to 政府性基金; when there is
/// none, the 合计 row and the 说明 (the budget's 表注 预算09表, or a default).
inline table government_fund_expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "09", o, fund_is(fund_source::government_fund),
                                   detail::default_empty_note(b, "政府性基金预算拨款"));
}

/// 预算10表 国有资本经营支出预算表: as 预算09表 for 国有资本经营.
inline table state_capital_expenditure(const budget& b, const options& o = {}) {
  return detail::expenditure_table(b, "10", o, fund_is(fund_source::state_capital),
                                   detail::default_empty_note(b, "国有资本经营预算拨款"));
}

}  // namespace yusuan::tables
