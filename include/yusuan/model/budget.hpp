// yusuan/model/budget.hpp -- the immutable, checked in-memory budget.
//
// A `budget` is what the compiler (compile.hpp) or the builder
// (compile/builder.hpp) hands C++ once every check has passed: the header,
// income lines, expenditure items with their coordinates, projects with their
// performance targets, project groups, named measures, prior-year figures and
// the constraints that were verified, each with its source location.  It is
// cheap to copy (shared, immutable state).  Spirit-free.
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/model/name_index.hpp>
#include <yusuan/model/records.hpp>
#include <yusuan/money.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

namespace detail {
struct item_columns;  // <yusuan/model/columns.hpp>

/// A 参数 the budget declares itself: rule files applied to the budget later
/// (apply_rules) take its value before their own default.
struct declared_parameter {
  std::string name;
  expr value;  // a money or percent literal
  source_span span;
};

struct budget_data {
  budget_header header;
  std::vector<std::shared_ptr<const source_file>> sources;
  std::vector<budget_unit> units;  // [0] is the header's unit
  std::vector<income_line> income;
  // 年终结转结余: stated once by each unit (a department's units each state
  // their own); the budget's is their sum, and its 其中 parts by fund the sums
  // of the units' parts, each located where first stated
  std::optional<money> year_end_balance;
  std::optional<source_span> year_end_balance_span;
  std::vector<std::pair<fund_source, money>> year_end_by_fund;  // 其中 parts of 年终结转结余
  std::vector<source_span> year_end_by_fund_spans;
  std::vector<unit_balance> year_end_units;  // each unit's own, where stated
  std::vector<item> items;
  std::vector<project> projects;
  std::vector<project_group> groups;
  std::vector<measure> measures;
  std::vector<prior_figure> prior;
  std::vector<figure> figures;
  std::vector<constraint_result> constraints;
  std::vector<table_note> table_notes;
  std::vector<declared_parameter> parameters;
  std::vector<std::string> files_read;  // canonical paths of the files read (the root, imports, rule files)
  // a budget_builder's: its own file in `sources`, of no text, where an
  // item's offset is its index (0xFFFF: none)
  std::uint16_t builder_file = 0xFFFF;
  std::vector<catalog_extension> catalog_extensions;
  int catalog_year = 0;  // 科目版本: the catalog edition to check against (0: the budget's year)
  std::vector<named_code<function_code>> function_names;  // sorted by code
  std::vector<named_code<econ_code>> econ_names;          // sorted by code (部门 and 政府)
  std::vector<std::string> strings;                       // interned tag keys and values
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> tag_sets;  // [0] is empty
  std::uint32_t line_count = 0;
  std::shared_ptr<const item_columns> columns;  // set once the budget has checked
  std::shared_ptr<const name_index> names;       // set with columns: strings, projects, groups, units by name
  diagnostics warnings;                          // set once the budget has checked
};
}  // namespace detail

namespace detail {
struct budget_access;
}

/// The checked budget.  Immutable; copies share state.  Only the compiler
/// (compile.hpp) and the budget builder (compile/builder.hpp), which run the
/// same checks, make one from data; a default-constructed budget is empty.
class budget {
public:
  budget() : d_(empty_data()) {}
  // A copy shares the immutable contents; so does a move, which leaves the
  // budget moved from as it was (never a budget without contents).
  budget(const budget&) noexcept = default;
  budget(budget&& o) noexcept : d_(o.d_) {}
  budget& operator=(const budget&) noexcept = default;
  budget& operator=(budget&& o) noexcept {
    d_ = o.d_;
    return *this;
  }
  ~budget() = default;

  const budget_header& header() const noexcept { return d_->header; }
  int year() const noexcept { return d_->header.year; }
  unit amount_unit() const noexcept { return d_->header.amount_unit; }

  std::span<const income_line> income() const noexcept { return d_->income; }
  std::span<const budget_unit> units() const noexcept { return d_->units; }
  std::span<const item> items() const noexcept { return d_->items; }
  std::span<const project> projects() const noexcept { return d_->projects; }
  std::span<const project_group> groups() const noexcept { return d_->groups; }
  std::span<const measure> measures() const noexcept { return d_->measures; }
  std::span<const prior_figure> prior_figures() const noexcept { return d_->prior; }
  std::span<const figure> figures() const noexcept { return d_->figures; }
  std::span<const constraint_result> constraints() const noexcept { return d_->constraints; }
  std::span<const table_note> table_notes() const noexcept { return d_->table_notes; }
  std::span<const catalog_extension> catalog_extensions() const noexcept { return d_->catalog_extensions; }
  /// The catalog edition the budget asks for (科目版本), or 0 for its own year.
  int catalog_year() const noexcept { return d_->catalog_year; }
  /// Σ of the projects' amounts (预算12表 合计).
  money project_total() const {
    money_sum s;
    for (const auto& p : d_->projects) s += p.amount;
    return s.value();
  }
  std::span<const std::shared_ptr<const source_file>> sources() const noexcept { return d_->sources; }
  std::optional<money> year_end_balance() const noexcept { return d_->year_end_balance; }
  /// Each unit's 年终结转结余, in the order stated.
  std::span<const unit_balance> year_end_by_unit() const noexcept { return d_->year_end_units; }
  /// Where 年终结转结余 is first stated (empty when it is not).
  source_span year_end_balance_span() const noexcept { return d_->year_end_balance_span.value_or(source_span{}); }
  /// The 其中 part of 年终结转结余 for one fund source, if stated.
  std::optional<money> year_end_balance(fund_source f) const noexcept {
    for (const auto& [src, m] : d_->year_end_by_fund)
      if (src == f) return m;
    return std::nullopt;
  }
  /// The 其中 part of 上年结转结余 (年初结转结余) for one fund source, summed
  /// over the units, if stated.  Throws overflow_error past what an amount holds.
  std::optional<money> opening_balance(fund_source f) const {
    money_sum s;
    bool any = false;
    for (const auto& l : d_->income)
      if (l.of_which == fund_source::carryover && l.source == f) s += l.amount, any = true;
    if (!any) return std::nullopt;
    return s.value();
  }
  /// Whether the budget states its balances (上年结转结余, 年终结转结余) by fund source.
  bool balances_by_fund() const noexcept {
    if (!d_->year_end_by_fund.empty()) return true;
    for (const auto& l : d_->income)
      if (l.of_which == fund_source::carryover) return true;
    return false;
  }
  std::uint32_t line_count() const noexcept { return d_->line_count; }

  /// 本年收入合计: every income line except 上年结转结余 and 其中 lines.
  money income_total() const {
    money_sum s;
    for (const auto& l : d_->income)
      if (!l.of_which && l.source != fund_source::carryover) s += l.amount;
    return s.value();
  }
  /// 收入总计 = 本年收入合计 + 上年结转结余.
  money income_grand_total() const {
    money_sum s;
    for (const auto& l : d_->income)
      if (!l.of_which) s += l.amount;
    return s.value();
  }
  /// This year's income of a source (is_income_of): the sum of its lines
  /// over the units, or none when no line states it.  Throws overflow_error
  /// past what an amount holds.
  std::optional<money> income_of(fund_source f) const {
    money_sum s;
    bool any = false;
    for (const auto& l : d_->income)
      if (is_income_of(l, f)) s += l.amount, any = true;
    if (!any) return std::nullopt;
    return s.value();
  }
  /// 本年支出合计: Σ items.
  money expenditure_total() const {
    money_sum s;
    for (const auto& it : d_->items) s += it.amount;
    return s.value();
  }
  /// 支出总计 = 本年支出合计 + 年终结转结余.
  money expenditure_grand_total() const {
    return expenditure_total() + d_->year_end_balance.value_or(money{});
  }

  /// Where an item was written.
  source_span span_of(const item& it) const noexcept {
    return {d_->sources[it.file].get(), it.offset, 1};
  }

  /// The name the budget gives a code, or empty.
  std::string_view name_of(function_code c) const noexcept {
    auto it = std::lower_bound(d_->function_names.begin(), d_->function_names.end(), c,
                               [](const auto& n, function_code k) { return n.code < k; });
    return it != d_->function_names.end() && it->code == c ? std::string_view(it->name) : std::string_view();
  }
  std::string_view name_of(econ_code c) const noexcept {
    auto it = std::lower_bound(d_->econ_names.begin(), d_->econ_names.end(), c,
                               [](const auto& n, econ_code k) { return n.code < k; });
    return it != d_->econ_names.end() && it->code == c ? std::string_view(it->name) : std::string_view();
  }
  std::span<const named_code<function_code>> function_names() const noexcept { return d_->function_names; }
  std::span<const named_code<econ_code>> econ_names() const noexcept { return d_->econ_names; }

  /// Tags of an item as (key, value) pairs.
  std::vector<std::pair<std::string_view, std::string_view>> tags_of(const item& it) const {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (auto [k, v] : d_->tag_sets[it.tags]) out.emplace_back(d_->strings[k], d_->strings[v]);
    return out;
  }
  /// The value of tag `key` on an item, or empty.
  std::string_view tag_of(const item& it, std::string_view key) const {
    for (auto [k, v] : d_->tag_sets[it.tags])
      if (d_->strings[k] == key) return d_->strings[v];
    return {};
  }
  /// Interned string by id (tag keys and values).
  std::string_view string_at(std::uint32_t id) const { return d_->strings[id]; }
  std::span<const std::pair<std::uint32_t, std::uint32_t>> tag_set(std::uint32_t id) const { return d_->tag_sets[id]; }
  /// How many distinct tag sets the items have (item::tags is below it).
  std::size_t tag_set_count() const noexcept { return d_->tag_sets.size(); }
  /// The tag keys the items carry, each once, in the order first carried.
  std::vector<std::string> tag_keys() const {
    std::vector<std::string> out;
    std::vector<bool> seen(d_->strings.size());
    for (const auto& set : d_->tag_sets)
      for (auto [k, v] : set)
        if (!seen[k]) {
          seen[k] = true;
          out.push_back(d_->strings[k]);
        }
    return out;
  }
  /// Id of an interned string, or npos32.
  std::uint32_t string_id(std::string_view s) const {
    const std::string* x =
        detail::find_first(d_->strings, index(&detail::name_index::string_ids), s, [&](const std::string& t) { return t == s; });
    return x ? static_cast<std::uint32_t>(x - d_->strings.data()) : npos32;
  }

  /// The first project of this name or code, or nullptr.
  const project* find_project(std::string_view name_or_code) const noexcept {
    return detail::find_first(d_->projects, index(&detail::name_index::project_ids), name_or_code, [&](const project& p) {
      return p.name == name_or_code || (!p.code.empty() && p.code == name_or_code);
    });
  }
  /// Every project of this name or code, in order: the units of a
  /// department's budget may each have a project of one name.
  std::vector<const project*> find_projects(std::string_view name_or_code) const {
    return detail::find_each(d_->projects, index(&detail::name_index::project_ids), name_or_code, [&](const project& p) {
      return p.name == name_or_code || (!p.code.empty() && p.code == name_or_code);
    });
  }
  /// The first project group of this name, or nullptr.
  const project_group* find_group(std::string_view name) const noexcept {
    return detail::find_first(d_->groups, index(&detail::name_index::group_ids), name,
                              [&](const project_group& g) { return g.name == name; });
  }
  /// The first unit of this code or name, or nullptr.
  const budget_unit* find_unit(std::string_view code_or_name) const noexcept {
    return detail::find_first(d_->units, index(&detail::name_index::unit_ids), code_or_name,
                              [&](const budget_unit& u) { return u.code == code_or_name || u.name == code_or_name; });
  }
  const measure* find_measure(std::string_view name) const noexcept {
    for (const auto& m : d_->measures)
      if (m.name == name) return &m;
    return nullptr;
  }
  /// The budget's 上年 figure of a name (not a unit's own: figure::of_unit).
  std::optional<money> prior(std::string_view name) const noexcept {
    for (const auto& p : d_->prior)
      if (p.name == name && p.of_unit == npos32) return p.amount;
    return std::nullopt;
  }
  /// The budget's figure (数值, 计数) of a name (not a unit's own).
  const figure* find_figure(std::string_view name) const noexcept {
    for (const auto& f : d_->figures)
      if (f.name == name && f.of_unit == npos32) return &f;
    return nullptr;
  }

  /// The warnings the budget was compiled with (errors make no budget).
  const diagnostics& warnings() const noexcept { return d_->warnings; }

private:
  friend struct detail::budget_access;
  const detail::budget_data& data() const noexcept { return *d_; }
  /// One list of the index of names, when the index describes the data as
  /// it is (a budget's data edited after it was built, as the builder's is,
  /// is scanned).
  const std::vector<detail::name_index::entry>* index(
      std::vector<detail::name_index::entry> detail::name_index::*which) const noexcept {
    const auto* n = d_->names.get();
    if (!n || n->stale(d_->strings.size(), d_->projects.size(), d_->groups.size(), d_->units.size())) return nullptr;
    return &(n->*which);
  }
  /// The items column by column, for the aggregation engine: built when the
  /// budget was compiled, or on each call for a budget assembled by hand (or
  /// from a copy of another's data, whose columns describe the other's items).
  /// Defined in <yusuan/model/columns.hpp>.
  std::shared_ptr<const detail::item_columns> columns() const;
  explicit budget(std::shared_ptr<const detail::budget_data> d) : d_(std::move(d)) {}
  static std::shared_ptr<const detail::budget_data> empty_data() {
    auto d = std::make_shared<detail::budget_data>();
    d->tag_sets.emplace_back();
    return d;
  }
  std::shared_ptr<const detail::budget_data> d_;
};

namespace detail {
/// What only the library reaches: how the compiler and the builder make a
/// budget of checked data, and the data and columns the engine reads.
struct budget_access {
  static budget make(std::shared_ptr<const budget_data> d) { return budget(std::move(d)); }
  static const budget_data& data(const budget& b) noexcept { return b.data(); }
  static std::shared_ptr<const item_columns> columns(const budget& b) { return b.columns(); }
};
}  // namespace detail

}  // namespace yusuan

// budget::columns() and the column store it returns
#include <yusuan/model/columns.hpp>
