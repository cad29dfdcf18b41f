// yusuan/compile/builder.hpp -- a checked budget assembled in C++ rather than
// written in the budget language.  build() runs the checks the reader makes
// on what it reads that C++ contents can break (compile/builder_checks.hpp:
// codes in their classification, income lines and their parts, names of
// projects, groups, figures and measures, tags) and the checks the compiler
// runs after reading (project amounts, project groups, income against
// expenditure, each fund and each unit, totals within what an amount holds,
// the classification catalogs, the measures, the constraints), so a budget
// built here is as checked as one compiled.  Constraints are comparisons
// (核对 a = b, with 容差, 警告 and a message); 较上年 claims, grouped rows
// (按) and rules under 每个 / 当 are the language's (compile a text for
// those, or apply rule files to the budget built: apply_rules of
// <yusuan/compile.hpp>).  Expressions are built with <yusuan/query/expressions.hpp>, filters
// with <yusuan/query/filters.hpp>.  Spirit-free.
//
//   yusuan::budget_builder bb;
//   bb.year(2024).amount_unit(yusuan::unit::wan_yuan).unit("803019", "洛阳市社会保险中心", yusuan::unit_type::civil_service);
//   yusuan::item it;
//   it.amount = yusuan::money::parse("412.16", yusuan::unit::wan_yuan);
//   it.function = *yusuan::function_code::parse("208 01 09");
//   it.econ = *yusuan::econ_code::parse("30101");
//   it.kind = yusuan::spending_kind::personnel;
//   it.tags = bb.tags({{"来源", "工资系统"}});
//   bb.add(it);
//   bb.measure("工资福利", yusuan::sum_of(yusuan::econ_in({301})));
//   bb.constraint(yusuan::named("工资福利"), "=", yusuan::literal(yusuan::money::parse("412.16", yusuan::unit::wan_yuan)));
//   yusuan::budget b = bb.build();  // throws budget_error when a check fails
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/budget_error.hpp>
#include <yusuan/compile/builder_checks.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/compile/catalog_checks.hpp>
#include <yusuan/compile/checks.hpp>
#include <yusuan/compile/derive_kinds.hpp>
#include <yusuan/compile/constraints.hpp>
#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/evaluate.hpp>
#include <yusuan/compile/resolve.hpp>
#include <yusuan/query/expressions.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

static_assert(yusuan::compile_options::max_expression_depth_bound == yusuan::max_nesting,
              "a budget's text nests as deeply as an expression built in C++");

namespace yusuan {

/// How budget_builder::constraint checks its comparison: 容差, 警告 and the
/// message, as the language's 核对 takes them.
struct constraint_options {
  std::optional<money> tolerance;  // 容差: a difference up to this passes
  bool warning = false;            // 警告: a failure is a warning (W0501), not an error (E0501)
  std::string message;             // shown with a failure
  std::string text;                // the constraint's text; empty: written from its expressions
};

class budget_builder {
public:
  /// An empty budget in 元.
  budget_builder() = default;

  /// Starts from a budget's contents: its header, units, income, items,
  /// projects, groups, figures, measures (their definitions, evaluated again
  /// by build()), table notes and catalog extensions; built unchanged, they
  /// are the same budget.  Two things are not carried over:
  ///   - its constraints (核对, those of compile_options::rules too):
  ///     budget::constraints() keeps each one's result, not its expression,
  ///     so they cannot be checked again on the new contents; the rebuilt
  ///     budget has none (compile the budget's text to check them);
  ///   - its warnings: build() reports those of its own checks again (the
  ///     catalogs, W04xx), not those of the constraints (W0501, W0503).
  explicit budget_builder(const budget& from) : d_(compile::draft::of(detail::budget_access::data(from))) {
    auto& data = *d_.data;
    own_file_ = static_cast<std::uint16_t>(data.sources.size());
    data.columns.reset();
    data.constraints.clear();
    data.warnings = {};
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
  /// A budget holds at most max_units units: past them the index is
  /// max_units (0xFFFF, no unit's; it does not wrap to 单位 0), and build
  /// reports E0711.
  std::uint16_t add_unit(std::string code, std::string name, unit_type type = unit_type::unknown) {
    d_.data->units.push_back({std::move(code), std::move(name), type, {}});
    return static_cast<std::uint16_t>(std::min(d_.data->units.size() - 1, max_units));
  }

  /// An expenditure item with its coordinates (`file`, `offset` and `line`
  /// are set by the builder; a diagnostic about the item names it by its
  /// index: "item 3 of the budget_builder").
  budget_builder& add(item it) {
    // the builder's own file, in which an item's offset is its index: a
    // diagnostic about the item names it by that index
    it.file = own_file_;
    it.offset = static_cast<std::uint32_t>(d_.data->items.size());
    it.line = d_.data->line_count++;
    d_.data->items.push_back(it);
    return *this;
  }
  /// An income line.
  budget_builder& add(income_line l) {
    d_.data->income.push_back(std::move(l));
    return *this;
  }
  /// A project; items name it by its index (item::project) and take its
  /// kind and functional code where they state none.  Its `amount` is
  /// checked against its items, as a stated 金额 is; filters name it by its
  /// name or its code (编码, its own: E0203).
  std::uint32_t add(project p) {
    d_.stated_project_amount.emplace_back(p.amount, p.span);
    d_.data->projects.push_back(std::move(p));
    const auto id = static_cast<std::uint32_t>(d_.data->projects.size() - 1);
    d_.index_project(id);
    return id;
  }
  /// 年终结转结余 of the budget's unit, with its 其中 parts by fund source
  /// (they add up to it: E0401).
  budget_builder& year_end_balance(money m, std::vector<std::pair<fund_source, money>> parts = {}) {
    auto& data = *d_.data;
    data.year_end_balance = m;
    data.year_end_units = {{0, m, {}, !parts.empty(), {}}};
    for (const auto& [f, pm] : parts) data.year_end_units.back().parts.push_back({f, pm, {}});
    data.year_end_by_fund = std::move(parts);
    data.year_end_by_fund_spans.assign(data.year_end_by_fund.size(), source_span{});
    return *this;
  }

  /// The tag set of `key = value` tags, for item::tags (the same set is the
  /// same id).  A key given twice keeps its last value, as a statement's tag
  /// overrides its block's in the language.
  std::uint32_t tags(std::initializer_list<std::pair<std::string_view, std::string_view>> kv) {
    return tag_set(kv.begin(), kv.end());
  }
  std::uint32_t tags(const std::vector<std::pair<std::string, std::string>>& kv) { return tag_set(kv.begin(), kv.end()); }

  /// A project group (项目组): projects whose spending is broken down only
  /// in aggregate.  Its `members` are indices of projects (a project whose
  /// `group` is this index is a member too); items name the group by its
  /// index (item::group), and their sum must equal the members' amounts
  /// (E0403).  A project in two groups is E0303.
  std::uint32_t add(project_group g) {
    d_.group_ids.emplace(g.name, static_cast<std::uint32_t>(d_.data->groups.size()));
    d_.data->groups.push_back(std::move(g));
    return static_cast<std::uint32_t>(d_.data->groups.size() - 1);
  }

  /// A prior-year figure (上年 NAME: amount), for 上年(NAME), 增幅 and 较上年.
  budget_builder& prior(std::string name, money m) {
    d_.prior_ids.emplace(name, d_.data->prior.size());
    d_.data->prior.push_back({std::move(name), m, {}});
    return *this;
  }
  /// A figure stated by the narrative (数值 NAME: amount).
  budget_builder& figure(std::string name, money m) {
    ::yusuan::figure f;
    f.name = std::move(name);
    f.amount = m;
    return add_figure(std::move(f));
  }
  /// A count (计数 NAME: n unit), such as 公务用车保有量 4 辆.
  budget_builder& count(std::string name, std::int64_t n, std::string unit_word = {}) {
    ::yusuan::figure f;
    f.name = std::move(name);
    f.is_money = false;
    f.count = n;
    f.unit = std::move(unit_word);
    return add_figure(std::move(f));
  }
  /// A measure (口径 NAME = definition), evaluated by build() after the
  /// measures it names; a cycle is E0302, as is a name that is none of the
  /// budget's.
  budget_builder& measure(std::string name, expr definition) {
    ::yusuan::measure m;
    m.name = std::move(name);
    m.definition = std::move(definition);
    d_.data->measures.push_back(std::move(m));
    return *this;
  }
  /// A constraint (核对 lhs cmp rhs), checked by build() once the measures
  /// are evaluated; `cmp` is one of = ≠ ≤ ≥ < > (or == != <= >=).  A failed
  /// one is E0501 (W0501 with options.warning), and its result is in
  /// budget::constraints() either way.
  budget_builder& constraint(expr lhs, std::string_view cmp, expr rhs, constraint_options options = {}) {
    compile::constraint_def c;
    c.lhs = std::move(lhs);
    c.rhs = std::move(rhs);
    c.cmp = std::string(cmp);
    c.tolerance = options.tolerance;
    c.warning = options.warning;
    c.message = std::move(options.message);
    c.text = std::move(options.text);
    written_.push_back(c.text.empty());
    d_.constraints.push_back(std::move(c));
    return *this;
  }

  /// The items so far, to edit in place (add items with add(): one pushed
  /// here keeps the `file` and `offset` it holds, which for a builder started
  /// from a compiled budget are places in that budget's files).
  std::vector<item>& items() noexcept { return d_.data->items; }

  /// Runs the checks; the budget when there is no error, every diagnostic in `diags`.
  /// A build that fails leaves the builder as it was: tried again, it says the same.
  /// Rule files are applied to the budget built (apply_rules of
  /// <yusuan/compile.hpp>): options.rules or options.parameters given here
  /// are the calling program's mistake (yusuan::error, errc::invalid_argument).
  std::optional<budget> build(diagnostics& diags, const compile_options& options = {}) {
    if (!options.rules.empty() || !options.parameters.empty())
      throw error(errc::invalid_argument, "yusuan: budget_builder::build does not read rule files: apply them to the "
                                          "budget it builds with apply_rules(budget, options)");
    // the checks link groups, give items their projects' coordinates and
    // bind names in place: kept to put back (in the same objects, so that
    // the vector items() gave stays the builder's)
    detail::budget_data data_before = *d_.data;
    compile::draft draft_before = d_;
    const auto restore = [&] {
      auto data = d_.data;  // the same object: what items() gave stays the builder's
      d_ = std::move(draft_before);
      d_.data = std::move(data);
      *d_.data = std::move(data_before);
    };
    std::optional<budget> out;
    try {
      out = check_and_build(diags, options);
    } catch (...) {  // options.extra_checks or on_constraint threw: as if it had not been built
      restore();
      throw;
    }
    if (!out) restore();
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
  std::optional<budget> check_and_build(diagnostics& diags, const compile_options& options) {
    auto& data = *d_.data;
    // the builder's own file: a line for each item, so that an item's offset
    // (its index) is a place in it
    if (data.sources.size() <= own_file_) data.sources.resize(own_file_ + std::size_t{1});
    data.sources[own_file_] = std::make_shared<const source_file>("<builder>", std::string(data.items.size() + 1, '\n'));
    data.builder_file = own_file_;  // for the diagnostics of rules applied to the budget (apply_rules)
    for (std::size_t i = 0; i < data.items.size(); ++i)  // items() may have been edited since they were added
      if (data.items[i].file == own_file_) data.items[i].offset = static_cast<std::uint32_t>(i);
    compile::reporter rep(options.max_errors);
    if (!indices_valid(rep) || !compile::contents_valid(data, rep) || !groups_linked(rep) || !exprs_valid(rep)) {
      diags.append(by_item_index(rep.finish()));
      return std::nullopt;
    }
    take_project_coordinates();
    for (std::size_t i = 0; i < data.measures.size(); ++i) d_.measure_ids.emplace(data.measures[i].name, i);
    for (auto& m : data.measures) bind(m.definition);
    for (std::size_t i = 0; i < d_.constraints.size(); ++i)  // in the unit of this build (amount_unit may change)
      if (written_[i]) d_.constraints[i].text = constraint_text(d_.constraints[i]);
    for (auto& c : d_.constraints) {
      c.file_unit = data.header.amount_unit;
      bind(c.lhs);
      bind(c.rhs);
    }
    // what goes wrong in a measure or a constraint is said to be in it
    const auto in_measure = [&](std::size_t i) {
      return "in the measure '" + data.measures[i].name + "' = " +
             to_text(data.measures[i].definition, data.header.amount_unit);
    };
    const auto in_constraint = [&](std::size_t i) {
      return "in constraint " + std::to_string(i) + ": " + d_.constraints[i].text;
    };
    const auto order = compile::resolver(d_, rep).run([&](bool constraint, std::size_t i, std::size_t before) {
      rep.note_unplaced_since(before, constraint ? in_constraint(i) : in_measure(i));
    });
    compile::derive_basic_kinds(d_);
    const bool totals_fit = compile::built_in_checks(d_, rep).run();
    const budget b = detail::budget_access::make(d_.data);
    if (options.check_catalog) {
      diagnostics found;
      compile::check_catalog(b, found);
      rep.add_all(found);
    }
    if (totals_fit) {
      data.columns = detail::make_columns(data.items, d_.data.get());
      data.names = detail::make_name_index(data.strings, data.projects, data.groups, data.units);
      compile::evaluator ev(b, rep);
      // one at a time, so that what goes wrong in one is said to be in it
      for (const std::size_t i : order) {
        const std::size_t before = rep.kept();
        ev.evaluate_measures({i});
        rep.note_unplaced_since(before, in_measure(i));
      }
      ev.store_values(data.measures);
      compile::constraint_checker checker(ev, rep);
      for (std::size_t i = 0; i < d_.constraints.size(); ++i) {
        const auto& c = d_.constraints[i];
        const std::size_t before = rep.kept();
        constraint_result r;
        if (options.constraints_as_warnings && !c.warning) {
          compile::constraint_def warned = c;
          warned.warning = true;
          r = checker.check(warned);
        } else {
          r = checker.check(c);
        }
        rep.note_unplaced_since(before, in_constraint(i), {"E0501", "W0501"});
        if (options.on_constraint) options.on_constraint(r);
        data.constraints.push_back(std::move(r));
      }
    }
    if (totals_fit && options.extra_checks) {
      diagnostics found;
      options.extra_checks(detail::budget_access::make(d_.data), found);
      rep.add_all(found);
    }
    states_nothing(rep);
    diagnostics mine = by_item_index(rep.finish());
    diags.append(mine);  // after what the caller's diagnostics held
    if (mine.has_errors()) return std::nullopt;
    data.warnings = std::move(mine);
    auto out = detail::budget_access::make(d_.data);
    d_ = compile::draft{};  // the built budget is immutable: the builder starts afresh
    own_file_ = 0;
    written_.clear();
    built_ = true;
    return out;
  }

  /// `in` with each place in the builder's own file (an item it added) said
  /// as the item's index: there is no text to show.
  diagnostics by_item_index(const diagnostics& in) const {
    return compile::said_by_item_index(
        in, own_file_ < d_.data->sources.size() ? d_.data->sources[own_file_].get() : nullptr);
  }

  /// An item of a project takes the project's kind and functional code
  /// where it states none, as an item naming a project does in the language.
  void take_project_coordinates() {
    auto& data = *d_.data;
    for (auto& it : data.items) {
      if (it.project == npos32) continue;
      const auto& p = data.projects[it.project];
      if (it.kind == spending_kind::unspecified) it.kind = p.kind;
      if (!it.function) it.function = p.function;
    }
  }

  /// Tag values named by their text (tag_is(key, value), or a filter made
  /// on another budget) hold this budget's ids, and published figures are
  /// in the budget's unit.
  void bind(expr& e) {
    const auto walk = [&](const auto& self, filter& f) -> void {
      for (auto& c : f.children) self(self, c);
      if (f.dim.dim != dimension::tag) return;
      for (auto& v : f.values)
        if (!v.text.empty()) v.id = d_.intern(v.text);
    };
    walk(walk, e.where);
    if (e.kind == expr::op::money_literal && e.decimals >= 0 && !e.span) e.written_in = d_.data->header.amount_unit;
    for (auto& a : e.args) bind(a);
  }

  /// The expressions of the measures and constraints hold only what the
  /// language can write (compile::expr_valid), and a 容差 is a distance
  /// between amounts (E0202 below zero, E0502 beside a percentage).
  bool exprs_valid(compile::reporter& rep) const {
    bool ok = true;
    const ::yusuan::unit u = d_.data->header.amount_unit;
    const auto valid = [&](const expr& e, const std::string& which) {
      if (nesting_of(e) <= max_nesting) return compile::expr_valid(e, which, u, rep);
      rep.error("E0715", which + ": expression nested too deeply", source_span{},
                "at most " + std::to_string(max_nesting) + " levels of terms and filters");
      return false;
    };
    for (const auto& m : d_.data->measures) ok = valid(m.definition, "measure '" + m.name + "'") && ok;
    for (std::size_t i = 0; i < d_.constraints.size(); ++i) {
      const auto& c = d_.constraints[i];
      const std::string which = "constraint " + std::to_string(i);
      ok = valid(c.lhs, which) && ok;
      ok = valid(c.rhs, which) && ok;
      if (!c.tolerance) continue;
      if (c.lhs.kind == expr::op::percent_literal || c.rhs.kind == expr::op::percent_literal) {
        rep.error("E0502", which + ": 容差 does not apply to a percentage", source_span{},
                  "a percentage is compared at its own decimals");
        ok = false;
      } else if (c.tolerance->sign() < 0) {
        rep.error("E0202", which + ": a tolerance (容差) below zero", source_span{},
                  "a tolerance is how far apart the two sides may be");
        ok = false;
      }
    }
    return ok;
  }

  /// W0410, as for a text: a budget of no item, income line, project or
  /// figure is no budget to pass (a builder built once starts afresh).
  void states_nothing(compile::reporter& rep) const {
    const auto& d = *d_.data;
    if (rep.has_errors() || !d.items.empty() || !d.income.empty() || d.year_end_balance || !d.projects.empty() ||
        !d.figures.empty() || !d.prior.empty())
      return;
    auto& w = rep.warning("W0410", "the budget states nothing: no item, income line, project or figure", source_span{});
    if (built_) w.notes.push_back({"a budget_builder starts afresh once it has built a budget", {}});
  }

  template <class It>
  std::uint32_t tag_set(It first, It last) {
    compile::tag_list tags;
    for (; first != last; ++first) tags.emplace_back(d_.intern(first->first), d_.intern(first->second));
    compile::keep_last_of_each_key(tags);
    return d_.tag_set_id(std::move(tags));
  }

  budget_builder& add_figure(::yusuan::figure f) {
    d_.figure_ids.emplace(f.name, d_.data->figures.size());
    d_.data->figures.push_back(std::move(f));
    return *this;
  }

  /// Each group's members and the projects that name it agree (a project
  /// listed by a group, or naming it, is its member; one in two groups is
  /// E0303), and each group's breakdown is the sum of its items.
  bool groups_linked(compile::reporter& rep) {
    auto& data = *d_.data;
    bool ok = true;
    for (std::uint32_t g = 0; g < data.groups.size(); ++g) {
      auto& grp = data.groups[g];
      for (const std::uint32_t m : grp.members) {
        auto& p = data.projects[m];
        if (p.group != npos32 && p.group != g) {
          rep.error("E0303", "project '" + p.name + "' is in group '" + data.groups[p.group].name + "' and in group '" +
                                 grp.name + "'",
                    source_span{}, "a project is in one group at most");
          ok = false;
        }
        p.group = g;
      }
    }
    for (auto& grp : data.groups) {
      grp.members.clear();
      grp.amount = money{};
    }
    for (std::uint32_t i = 0; i < data.projects.size(); ++i)
      if (data.projects[i].group != npos32) data.groups[data.projects[i].group].members.push_back(i);
    std::vector<money_sum> breakdown(data.groups.size());
    for (const auto& it : data.items)
      if (it.group != npos32) breakdown[it.group] += it.amount;
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
      const auto v = breakdown[g].fen();
      if (v > std::numeric_limits<std::int64_t>::max() || v < -std::numeric_limits<std::int64_t>::max()) {
        rep.error("E0701", "the items of group '" + data.groups[g].name + "' add up to more than an amount can hold",
                  source_span{}, "amounts and their totals are at most 92,233,720,368,547,758.07 元");
        ok = false;
        continue;
      }
      data.groups[g].amount = breakdown[g].value();
    }
    return ok;
  }

  /// A constraint's text as the language writes it: 核对 lhs cmp rhs [容差 t] [警告].
  std::string constraint_text(const compile::constraint_def& c) const {
    const ::yusuan::unit u = d_.data->header.amount_unit;
    std::string t = "核对 " + to_text(c.lhs, u) + " " + c.cmp + " " + to_text(c.rhs, u);
    if (c.tolerance) t += " 容差 " + detail::amount_text(*c.tolerance, u);
    if (c.warning) t += " 警告";
    return t;
  }

  /// Every index of an item, an income line, a project and a group names
  /// something the budget has (E0301 for an unknown project or unit, E0206
  /// for another index out of range), and every kind and source of funds is
  /// one of the language's (E0205).  These are mistakes of the calling code,
  /// reported without a position for the first item, line, project or group
  /// found wrong.
  bool indices_valid(compile::reporter& rep) const {
    const auto& data = *d_.data;
    bool ok = true;
    auto bad = [&](const char* code, const std::string& message, const std::string& label) {
      rep.error(code, message, source_span{}, label);
      ok = false;
    };
    auto count = [](std::size_t n) { return std::to_string(n); };
    auto fund_known = [](fund_source f) {
      return std::find(all_fund_sources.begin(), all_fund_sources.end(), f) != all_fund_sources.end();
    };
    for (std::size_t i = 0; i < data.items.size() && ok; ++i) {
      const item& it = data.items[i];
      const std::string which = "item " + std::to_string(i);
      if (it.unit >= data.units.size())
        bad("E0301", which + " names unit " + std::to_string(it.unit), "the budget has " + count(data.units.size()) + " units");
      if (it.project != npos32 && it.project >= data.projects.size())
        bad("E0301", which + " names project " + std::to_string(it.project),
            "the budget has " + count(data.projects.size()) + " projects");
      if (it.group != npos32 && it.group >= data.groups.size())
        bad("E0301", which + " names project group " + std::to_string(it.group),
            "the budget has " + count(data.groups.size()) + " project groups");
      if (it.tags >= data.tag_sets.size())
        bad("E0206", which + " names tag set " + std::to_string(it.tags),
            "the budget has " + count(data.tag_sets.size()) + " tag sets");
      if (it.file >= data.sources.size() || (data.sources[it.file] && it.offset > data.sources[it.file]->text().size()))
        bad("E0206", which + " is at offset " + std::to_string(it.offset) + " of file " + std::to_string(it.file),
            "the budget has " + count(data.sources.size()) + " files");
      if (it.kind != spending_kind::unspecified &&
          std::find(all_spending_kinds.begin(), all_spending_kinds.end(), it.kind) == all_spending_kinds.end())
        bad("E0205", which + " has spending kind " + std::to_string(static_cast<int>(it.kind)), "not a spending_kind");
      if (!fund_known(it.fund))
        bad("E0205", which + " has fund source " + std::to_string(static_cast<int>(it.fund)), "not a fund_source");
      else if (it.balance_of != fund_source::carryover &&
               (it.fund != fund_source::carryover || !fund_known(it.balance_of)))
        bad("E0205",
            which + " is paid from the balance of fund source " +
                (fund_known(it.balance_of) ? std::string(chinese_name(it.balance_of))
                                           : std::to_string(static_cast<int>(it.balance_of))),
            it.fund != fund_source::carryover ? "balance_of is for an item of 上年结转结余 (fund_source::carryover)"
                                              : "not a fund_source");
    }
    for (std::size_t i = 0; i < data.income.size() && ok; ++i) {
      const income_line& l = data.income[i];
      if (l.unit >= data.units.size())
        bad("E0301", "income line " + std::to_string(i) + " names unit " + std::to_string(l.unit),
            "the budget has " + count(data.units.size()) + " units");
      if (!fund_known(l.source) || (l.of_which && !fund_known(*l.of_which)))
        bad("E0205", "income line " + std::to_string(i) + " has an unknown fund source", "not a fund_source");
    }
    for (std::size_t i = 0; i < data.projects.size() && ok; ++i)
      if (data.projects[i].group != npos32 && data.projects[i].group >= data.groups.size())
        bad("E0301", "project '" + data.projects[i].name + "' names project group " + std::to_string(data.projects[i].group),
            "the budget has " + count(data.groups.size()) + " project groups");
    for (std::size_t i = 0; i < data.groups.size() && ok; ++i)
      for (const std::uint32_t m : data.groups[i].members)
        if (m >= data.projects.size()) {
          bad("E0301", "project group '" + data.groups[i].name + "' names project " + std::to_string(m),
              "the budget has " + count(data.projects.size()) + " projects");
          break;
        }
    for (std::size_t i = 0; i < d_.constraints.size() && ok; ++i)
      if (!compile::constraint_checker::is_comparator(d_.constraints[i].cmp))
        bad("E0205", "constraint " + std::to_string(i) + " compares with '" + d_.constraints[i].cmp + "'",
            "not a comparison: = ≠ ≤ ≥ < > (or == != <= >=)");
    return ok;
  }

  compile::draft d_;
  std::uint16_t own_file_ = 0;  // the index of the builder's own file in the sources
  std::vector<bool> written_;    // for each constraint: its text is written by build(), in the unit of the day
  bool built_ = false;           // whether a budget was built (and the builder started afresh)
};

}  // namespace yusuan
