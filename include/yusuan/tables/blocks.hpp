// yusuan/tables/blocks.hpp -- what the table builders share: blank-aware sums,
// cells and columns, the funds filters, table headings and notes, code names,
// income lines, and sums of value columns per group through the aggregation
// engine.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/catalog.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/money.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/registry.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan::tables::detail {

/// A blank-aware sum: empty until something is added.
struct acc {
  money_sum sum;
  bool any = false;
  void add(money m) {
    sum += m;
    any = true;
  }
  void add(const acc& o) {
    if (!o.any) return;
    sum += o.sum;
    any = true;
  }
  /// The total of some items: blank when there were none.
  void add(const item_total& t) {
    if (t.empty()) return;
    sum += t.sum;
    any = true;
  }
  void add(const group_total& g) {
    if (g.count == 0) return;
    sum += g.sum;
    any = true;
  }
  std::optional<money> get() const { return any ? std::optional<money>(sum.value()) : std::nullopt; }
};

inline cell text_cell(std::string s) { return cell{std::move(s), std::nullopt}; }
inline cell money_cell(std::optional<money> m) { return cell{{}, m}; }

inline column text_col(std::initializer_list<std::string_view> path) {
  column c;
  for (auto p : path) c.path.emplace_back(p);
  return c;
}
inline column money_col(std::initializer_list<std::string_view> path) {
  column c = text_col(path);
  c.numeric = true;
  return c;
}

/// Money from 一般公共预算 (the model counts all of it as 财政拨款).
inline filter general_funds() { return fund_is(fund_source::general_budget) || fund_is(fund_source::fiscal_appropriation); }
/// 单位资金: 事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入.
inline filter unit_funds() {
  return fund_is(fund_source::institution_revenue) || fund_is(fund_source::business_revenue) ||
         fund_is(fund_source::superior_subsidy) || fund_is(fund_source::subordinate_remittance) ||
         fund_is(fund_source::other_revenue);
}
/// 基本支出 whose sub-kind (人员经费 / 公用经费) is not stated.
inline filter basic_only() {
  return kind_is(spending_kind::basic) && !kind_is(spending_kind::personnel) && !kind_is(spending_kind::public_funds);
}
/// The items of `scope` that also pass `f`.
inline filter within(const filter& scope, const filter& f) {
  if (scope.kind == filter::op::all) return f;
  if (f.kind == filter::op::all) return scope;
  return scope && f;
}

/// Σ of the items that pass `f`: blank when none does.
inline acc sum_of(const budget& b, const filter& f) {
  acc a;
  a.add(total(b, f));
  return a;
}

/// Value columns: one optional filter each (nullopt: a column the model has
/// no money for, always blank).
using value_filters = std::vector<std::optional<filter>>;

/// Sums of value columns per group: the groups of the items in `scope` by
/// `by` (in order of first appearance), and for each group and column the Σ
/// of the group's items that pass the column's filter.
struct grouped_sums {
  std::vector<group_total> groups;
  std::vector<std::vector<acc>> sums;  // [group][column]
  std::vector<acc> total;              // [column], over every group
};

inline grouped_sums sums_by(const budget& b, const filter& scope, const std::vector<dimension_ref>& by,
                            const value_filters& filters) {
  grouped_sums out;
  out.groups = group_sums(b, scope, by);
  out.sums.assign(out.groups.size(), std::vector<acc>(filters.size()));
  out.total.resize(filters.size());
  std::map<std::vector<dimension_key>, std::size_t> index;
  for (std::size_t g = 0; g < out.groups.size(); ++g) index.emplace(out.groups[g].keys, g);
  for (std::size_t c = 0; c < filters.size(); ++c) {
    if (!filters[c]) continue;
    for (const auto& g : group_sums(b, within(scope, *filters[c]), by)) {
      out.sums[index.at(g.keys)][c].add(g);
      out.total[c].add(g);
    }
  }
  return out;
}

/// Σ per column of the groups whose first key is `k` (a unit's row).
inline std::vector<acc> sums_where_first_key(const grouped_sums& s, dimension_key k) {
  std::vector<acc> out(s.total.size());
  for (std::size_t g = 0; g < s.groups.size(); ++g)
    if (s.groups[g].keys.front() == k)
      for (std::size_t c = 0; c < out.size(); ++c) out[c].add(s.sums[g][c]);
  return out;
}

inline const dimension_ref unit_dim{dimension::unit, 0, {}};

/// Units (indices into budget::units()) that have at least one item passing
/// `scope`, in declaration order.
inline std::vector<std::uint16_t> units_with_items(const budget& b, const filter& scope) {
  std::vector<std::uint16_t> out;
  for (const auto& g : group_sums(b, scope, {unit_dim}))
    if (g.keys[0] < b.units().size()) out.push_back(static_cast<std::uint16_t>(g.keys[0]));
  std::sort(out.begin(), out.end());
  return out;
}

inline void append_cells(std::vector<cell>& cells, const std::vector<acc>& values) {
  for (const auto& a : values) cells.push_back(money_cell(a.get()));
}

/// A row of text cells followed by the value columns.
inline row labelled_row(row_role role, std::vector<std::string> labels, const std::vector<acc>& values) {
  row r{role, {}};
  for (auto& l : labels) r.cells.push_back(text_cell(std::move(l)));
  append_cells(r.cells, values);
  return r;
}

/// A row of the given role.
inline row make_row(row_role role, std::vector<cell> cells) { return row{role, std::move(cells)}; }

/// The start of a table: id, label, title, unit name and amount unit.
inline table start(const budget& b, std::string_view id, const options& o) {
  table t;
  t.id = std::string(id);
  t.label = "预算" + t.id + "表";
  for (const auto& info : table_list)
    if (info.id == id)
      t.title = info.year_suffix.empty() ? std::string(info.name)
                                         : std::to_string(b.year()) + std::string(info.year_suffix) + std::string(info.name);
  const auto& h = b.header();
  t.unit_name = !h.unit_name.empty() ? h.unit_name : h.department_name;
  t.amount_unit = o.amount_unit.value_or(b.amount_unit());
  return t;
}

/// The 表注 of the budget for a table ("预算09表" or "09"), or nullptr.
inline const table_note* note_for(const budget& b, std::string_view id) {
  const std::string label = "预算" + std::string(id) + "表";
  for (const auto& n : b.table_notes())
    if (n.table == id || n.table == label) return &n;
  return nullptr;
}
/// Adds the budget's 表注 of the table under it.
inline void add_notes(const budget& b, table& t) {
  if (const auto* n = note_for(b, t.id)) t.notes.push_back(n->text);
}

/// The catalog edition of a budget: the one its 科目版本 names, if it names
/// one (budgets that can), else the edition of its year.
template <class Budget>
const catalog& catalog_of(const Budget& b) {
  if constexpr (requires { { b.catalog_year() } -> std::convertible_to<int>; }) {
    if (const int y = b.catalog_year(); y != 0) return catalog::edition(y);
  }
  return catalog::edition(b.year());
}

/// The name of a functional code: the budget's, else the catalog's.
inline std::string function_name(const budget& b, function_code c) {
  if (!c) return {};
  if (auto n = b.name_of(c); !n.empty()) return std::string(n);
  if (auto n = catalog_of(b).name(code_family::function, c.str())) return std::string(*n);
  return {};
}
/// The name of an economic code (部门 or 政府): the budget's, else the catalog's.
inline std::string econ_name(const budget& b, econ_code c) {
  if (!c) return {};
  if (auto n = b.name_of(c); !n.empty()) return std::string(n);
  const auto family = c.is_government() ? code_family::gov_econ : code_family::econ;
  if (auto n = catalog_of(b).name(family, c.str())) return std::string(*n);
  return {};
}
/// The code's digits at a level: function 类 "208", 款 "05", 项 "01"; econ 类 "301", 款 "01".
inline std::string code_part(const std::string& digits, int level) {
  if (level == 1) return digits.substr(0, std::min<std::size_t>(3, digits.size()));
  const std::size_t at = 3 + 2 * static_cast<std::size_t>(level - 2);
  return digits.size() >= at + 2 ? digits.substr(at, 2) : std::string();
}

/// The code of a key of a function or econ dimension (the empty code for no_key).
inline function_code function_of(dimension_key k) {
  if (k == no_key) return {};
  return function_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF));
}
inline econ_code econ_of(dimension_key k) {
  if (k == no_key) return {};
  return econ_code::from_digits(static_cast<std::uint32_t>(k >> 8), static_cast<int>(k & 0xFF));
}

// Income lines -----------------------------------------------------------------

/// Σ of the income lines of `source` that are parts (其中) of `part_of`
/// (nullopt: lines that are not parts).  Blank when there is none.
inline acc income_lines(const budget& b, fund_source source, std::optional<fund_source> part_of,
                        std::optional<std::uint16_t> unit_index = std::nullopt) {
  acc a;
  for (const auto& l : b.income())
    if (l.source == source && l.of_which == part_of && (!unit_index || l.unit == *unit_index)) a.add(l.amount);
  return a;
}

/// The income sources of this year (every source but 上年结转结余 and 财政拨款, a part).
inline constexpr std::array<fund_source, 9> current_sources{
    fund_source::general_budget,    fund_source::government_fund,        fund_source::state_capital,
    fund_source::special_account,   fund_source::institution_revenue,    fund_source::business_revenue,
    fund_source::superior_subsidy,  fund_source::subordinate_remittance, fund_source::other_revenue};
/// The sources of 财政拨款 (预算04表).
inline constexpr std::array<fund_source, 3> fiscal_sources{fund_source::general_budget, fund_source::government_fund,
                                                          fund_source::state_capital};
inline constexpr std::array<fund_source, 5> unit_fund_sources{
    fund_source::institution_revenue, fund_source::business_revenue, fund_source::superior_subsidy,
    fund_source::subordinate_remittance, fund_source::other_revenue};

}  // namespace yusuan::tables::detail
