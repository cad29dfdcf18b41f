// yusuan/tables/build.hpp -- builds a table of the set by its id, or all 13.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/tables/economic.hpp>
#include <yusuan/tables/error.hpp>
#include <yusuan/tables/expenditure.hpp>
#include <yusuan/tables/income.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/projects.hpp>
#include <yusuan/tables/registry.hpp>
#include <yusuan/tables/template_tables.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <system_error>
#include <vector>

namespace yusuan::tables {

/// Builds table `id` (anything parse_id accepts); for an unknown id sets `ec`
/// to errc::unknown_table and returns an empty table.
inline table build(const budget& b, std::string_view id, const options& o, std::error_code& ec) {
  const auto n = parse_id(id);
  if (!n) {
    ec = errc::unknown_table;
    return {};
  }
  ec.clear();
  using builder = table (*)(const budget&, const options&);
  static constexpr std::array<builder, 13> builders{
      income_and_expenditure,       income,           expenditure,       fiscal_appropriation,
      general_budget_expenditure,   general_budget_basic_expenditure, economic_summary,
      three_public_expenses,        government_fund_expenditure,      state_capital_expenditure,
      operating_costs,              project_expenditure,              performance_targets};
  const std::size_t index = static_cast<std::size_t>(((*n)[0] - '0') * 10 + ((*n)[1] - '0') - 1);
  return builders[index](b, o);
}
inline table build(const budget& b, std::string_view id, std::error_code& ec) { return build(b, id, options{}, ec); }

/// Builds table `id`.  Throws yusuan::error (errc::unknown_table, E0801) for
/// an unknown id.
inline table build(const budget& b, std::string_view id, const options& o = {}) {
  std::error_code ec;
  table t = build(b, id, o, ec);
  if (ec) throw unknown_table(id);
  return t;
}

/// Every table, 01 … 13.
inline std::vector<table> build_all(const budget& b, const options& o = {}) {
  std::vector<table> out;
  for (const auto& info : table_list) out.push_back(build(b, info.id, o));
  return out;
}

}  // namespace yusuan::tables
