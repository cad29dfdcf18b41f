// yusuan/tables/template_tables.hpp -- the tables whose rows come from the
// catalog's templates (table-rows.catalog): 预算01表 单位收支预算表 and
// 预算04表 财政拨款收支预算表, income and spending side by side.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/catalog.hpp>
#include <yusuan/tables/blocks.hpp>
#include <yusuan/tables/model.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::tables {

namespace detail {

/// The figures of a template row: 合计 and its split by source (预算04表).
struct split {
  acc total, general, fiscal, government_fund, state_capital;
  void add(const split& o) {
    total.add(o.total);
    general.add(o.general);
    fiscal.add(o.fiscal);
    government_fund.add(o.government_fund);
    state_capital.add(o.state_capital);
  }
};

/// Evaluates the key of a template row (see table-rows.catalog).  `fiscal_only`:
/// the table covers 财政拨款 only (预算04表): 一般公共预算, 政府性基金 and
/// 国有资本经营 money.
inline split template_value(const budget& b, std::string_view key, bool fiscal_only) {
  split s;
  const filter scope = fiscal_only ? general_funds() || fund_is(fund_source::government_fund) ||
                                         fund_is(fund_source::state_capital)
                                   : filter{};
  auto spending = [&](const filter& where) {
    const filter in_scope = within(scope, where);
    split r;
    r.total = sum_of(b, in_scope);
    r.general = sum_of(b, within(in_scope, general_funds()));
    r.fiscal = sum_of(b, within(in_scope, fund_is(fund_source::fiscal_appropriation)));
    r.government_fund = sum_of(b, within(in_scope, fund_is(fund_source::government_fund)));
    r.state_capital = sum_of(b, within(in_scope, fund_is(fund_source::state_capital)));
    return r;
  };
  auto current_income = [&] {
    acc a;
    if (fiscal_only)
      for (auto f : fiscal_sources) a.add(income_lines(b, f, std::nullopt));
    else
      for (auto f : current_sources) a.add(income_lines(b, f, std::nullopt));
    return a;
  };
  auto carryover = [&] {
    if (!fiscal_only) return income_lines(b, fund_source::carryover, std::nullopt);
    acc a;
    for (auto f : fiscal_sources) a.add(income_lines(b, f, fund_source::carryover));
    return a;
  };
  auto balance = [&] {
    acc a;
    if (auto m = b.year_end_balance(); m && !(fiscal_only && m->is_zero())) a.add(*m);
    return a;
  };

  if (key == "-") return s;
  if (!key.empty() && key.front() >= '0' && key.front() <= '9') {
    if (auto code = function_code::parse(key)) return spending(function_is(*code));
    return s;
  }
  constexpr std::string_view carry = "上年结转结余";
  if (key == "本年收入") s.total = current_income();
  else if (key == carry) s.total = carryover();
  else if (key == "收入总计") {
    s.total = current_income();
    s.total.add(carryover());
  } else if (key == "本年支出") s = spending(filter{});
  else if (key == "年终结转结余") s.total = balance();
  else if (key == "支出总计") {
    s = spending(filter{});
    s.total.add(balance());
  } else if (key == "财政拨款") s.total = income_lines(b, fund_source::fiscal_appropriation, fund_source::general_budget);
  else if (key.starts_with(carry) && key.size() > carry.size() + 1 && key[carry.size()] == '/') {
    if (auto f = parse_fund_source(key.substr(carry.size() + 1))) s.total = income_lines(b, *f, fund_source::carryover);
  } else if (auto f = parse_fund_source(key)) {
    s.total = income_lines(b, *f, std::nullopt);
  }
  return s;
}

/// Pairs two template sections row by row (the shorter padded with blanks).
template <class Fill>
void paired_rows(table& t, const std::vector<const table_row_entry*>& left,
                 const std::vector<const table_row_entry*>& right, row_role role, Fill fill) {
  const std::size_t n = std::max(left.size(), right.size());
  for (std::size_t i = 0; i < n; ++i) {
    row r;
    r.role = role;
    fill(r.cells, i < left.size() ? left[i] : nullptr, i < right.size() ? right[i] : nullptr);
    t.rows.push_back(std::move(r));
  }
}

}  // namespace detail

/// 预算01表 单位收支预算表: income and expenditure lists side by side (rows from
/// the catalog's template), then 本年收入合计 / 本年支出合计, 上年结转结余 /
/// 年终结转结余, 收入总计 / 支出总计.
inline table income_and_expenditure(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "01", o);
  t.columns = {text_col({"收入项目"}), money_col({"收入金额"}), text_col({"支出项目"}), money_col({"支出金额"})};
  const auto& cat = catalog_of(b);
  auto fill = [&](std::vector<cell>& cells, const table_row_entry* in, const table_row_entry* out) {
    for (const auto* e : {in, out}) {
      if (!e) {
        cells.push_back(text_cell(""));
        cells.push_back(money_cell(std::nullopt));
        continue;
      }
      cells.push_back(text_cell(std::string(e->label)));
      cells.push_back(money_cell(template_value(b, e->key, false).total.get()));
    }
  };
  paired_rows(t, cat.table_rows("01", "收入"), cat.table_rows("01", "支出"), row_role::line, fill);
  paired_rows(t, cat.table_rows("01", "收入合计"), cat.table_rows("01", "支出合计"), row_role::total, fill);
  add_notes(b, t);
  return t;
}

/// 预算04表 财政拨款收支预算表: the 财政拨款 (一般公共预算, 政府性基金,
/// 国有资本经营) income and spending by 类 (rows from the catalog's template).
inline table fiscal_appropriation(const budget& b, const options& o = {}) {
  using namespace detail;
  table t = start(b, "04", o);
  t.columns = {text_col({"收入", "项目"}),
               money_col({"收入", "金额"}),
               text_col({"支出", "项目"}),
               money_col({"支出", "合计"}),
               money_col({"支出", "一般公共预算", "小计"}),
               money_col({"支出", "一般公共预算", "其中：财政拨款"}),
               money_col({"支出", "政府性基金"}),
               money_col({"支出", "国有资本经营预算"})};
  const auto& cat = catalog_of(b);
  auto fill = [&](std::vector<cell>& cells, const table_row_entry* in, const table_row_entry* out) {
    if (in) {
      cells.push_back(text_cell(std::string(in->label)));
      cells.push_back(money_cell(template_value(b, in->key, true).total.get()));
    } else {
      cells.push_back(text_cell(""));
      cells.push_back(money_cell(std::nullopt));
    }
    if (out) {
      const split s = template_value(b, out->key, true);
      cells.push_back(text_cell(std::string(out->label)));
      for (const acc* a : {&s.total, &s.general, &s.fiscal, &s.government_fund, &s.state_capital})
        cells.push_back(money_cell(a->get()));
    } else {
      cells.push_back(text_cell(""));
      for (int i = 0; i < 5; ++i) cells.push_back(money_cell(std::nullopt));
    }
  };
  paired_rows(t, cat.table_rows("04", "收入"), cat.table_rows("04", "支出"), row_role::line, fill);
  paired_rows(t, cat.table_rows("04", "收入合计"), cat.table_rows("04", "支出合计"), row_role::total, fill);
  add_notes(b, t);
  return t;
}

}  // namespace yusuan::tables
