// yusuan/compile/builder.hpp -- a checked budget assembled in C++ rather than
// written in the budget language.  build() runs the checks the compiler runs
// after reading a budget (project amounts, project groups, income against
// expenditure, totals within what an amount holds, the classification
// catalogs, the measures), so a budget built here is as checked as one
// compiled.  Spirit-free.
//
//   yusuan::budget_builder bb;
//   bb.year(2024).amount_unit(yusuan::unit::wan_yuan).unit("803019", "洛阳市社会保险中心", yusuan::unit_type::civil_service);
//   yusuan::item it;
//   it.amount = yusuan::money::parse("412.16", yusuan::unit::wan_yuan);
//   it.function = *yusuan::function_code::parse("208 01 09");
//   it.econ = *yusuan::econ_code::parse("30101");
//   it.kind = yusuan::spending_kind::personnel;
//   bb.add(it);
//   yusuan::budget b = bb.build();  // throws budget_error when a check fails
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/budget_error.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/compile/catalog_checks.hpp>
#include <yusuan/compile/checks.hpp>
#include <yusuan/compile/derive_kinds.hpp>
#include <yusuan/compile/constraints.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/evaluate.hpp>
#include <yusuan/compile/resolve.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yusuan {

class budget_builder {
public:
  /// An empty budget in 元.
  budget_builder() = default;

  /// Starts from a budget's contents: its header, units, income, items,
  /// projects, groups, figures and measures.  Its constraints are not carried
  /// over (their results were about the other contents).
  explicit budget_builder(const budget& from) {
    *d_.data = from.data();
    d_.data->columns.reset();
    d_.data->constraints.clear();
    d_.data->warnings = {};
    for (const auto& p : d_.data->projects) d_.stated_project_amount.emplace_back(p.amount, p.span);
  }

  budget_builder& title(std::string t) {
    d_.data->header.title = std::move(t);
    return *this;
  }
  budget_builder& year(int y) {
    d_.data->header.year = y;
    return *this;
  }
  /// The unit the budget's amounts are shown in (they are held in 分).
  budget_builder& amount_unit(unit u) {
    d_.data->header.amount_unit = u;
    return *this;
  }
  /// The budget's own unit (单位 0).
  budget_builder& unit(std::string code, std::string name, unit_type type = unit_type::unknown) {
    auto& h = d_.data->header;
    h.unit_code = code;
    h.unit_name = name;
    h.type = type;
    d_.data->units[0] = {std::move(code), std::move(name), type, {}};
    return *this;
  }
  /// Another unit of a department budget; returns its index for item::unit.
  std::uint16_t add_unit(std::string code, std::string name, unit_type type = unit_type::unknown) {
    d_.data->units.push_back({std::move(code), std::move(name), type, {}});
    return static_cast<std::uint16_t>(d_.data->units.size() - 1);
  }

  /// An expenditure item with its coordinates (`file`, `offset` and `line`
  /// are set by the builder).
  budget_builder& add(item it) {
    it.file = 0;
    it.offset = 0;
    it.line = d_.data->line_count++;
    d_.data->items.push_back(it);
    return *this;
  }
  /// An income line.
  budget_builder& add(income_line l) {
    d_.data->income.push_back(std::move(l));
    return *this;
  }
  /// A project; items name it by its index (item::project).  Its `amount`
  /// is checked against its items, as a stated 金额 is.
  std::uint32_t add(project p) {
    d_.stated_project_amount.emplace_back(p.amount, p.span);
    d_.project_ids.emplace(p.name, static_cast<std::uint32_t>(d_.data->projects.size()));
    d_.data->projects.push_back(std::move(p));
    return static_cast<std::uint32_t>(d_.data->projects.size() - 1);
  }
  budget_builder& year_end_balance(money m) {
    d_.data->year_end_balance = m;
    return *this;
  }

  /// The items so far, to edit in place.
  std::vector<item>& items() noexcept { return d_.data->items; }

  /// Runs the checks; the budget when there is no error, every diagnostic in `diags`.
  std::optional<budget> build(diagnostics& diags, const compile_options& options = {}) {
    auto& data = *d_.data;
    if (data.sources.empty()) data.sources.push_back(std::make_shared<const source_file>("<builder>", std::string()));
    compile::reporter rep(options.max_errors);
    for (std::size_t i = 0; i < data.measures.size(); ++i) d_.measure_ids.emplace(data.measures[i].name, i);
    const auto order = compile::resolver(d_, rep).run();
    compile::derive_basic_kinds(d_);
    const bool totals_fit = compile::built_in_checks(d_, rep).run();
    const budget b = detail::budget_access::make(d_.data);
    if (options.check_catalog) {
      diagnostics found;
      compile::check_catalog(b, found);
      for (const auto& d : found) rep.add(d);
    }
    if (totals_fit) {
      data.columns = detail::make_columns(data.items, d_.data.get());
      compile::evaluator ev(b, rep);
      ev.evaluate_measures(order);
      for (auto& m : data.measures) m.value = ev.measure_value(m.name).value_or(money{});
    }
    diags = rep.finish();
    if (diags.has_errors()) return std::nullopt;
    data.warnings = diags;
    auto out = detail::budget_access::make(d_.data);
    d_ = compile::draft{};  // the built budget is immutable: the builder starts afresh
    return out;
  }

  /// Runs the checks; the budget, or throws budget_error.
  budget build(const compile_options& options = {}) {
    diagnostics diags;
    auto b = build(diags, options);
    if (!b) throw budget_error(std::move(diags));
    return std::move(*b);
  }

private:
  compile::draft d_;
};

}  // namespace yusuan
