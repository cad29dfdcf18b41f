// yusuan/budget.hpp -- the immutable, checked in-memory budget.
//
// A `budget` is what the compiler hands C++ once every check has passed: the
// header, income lines, expenditure items with their coordinates, projects
// with their performance targets, project groups, named measures, prior-year
// figures and the constraints that were verified, each with its source
// location.  It is cheap to copy (shared, immutable state).  Spirit-free.
#pragma once

#include <yusuan/codes.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/expr.hpp>
#include <yusuan/money.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

inline constexpr std::uint32_t npos32 = 0xFFFFFFFFu;

/// One expenditure item: an amount and the coordinates known for it.  Compact
/// (no heap memory): names live in the budget's code tables, tags in its tag
/// sets.
struct item {
  money amount;
  function_code function;          // 功能科目 at any level, or empty
  econ_code econ;                  // 部门预算经济分类, or empty
  econ_code gov_econ;              // 政府预算经济分类, or empty
  spending_kind kind = spending_kind::unspecified;
  fund_source fund = fund_source::general_budget;
  std::uint16_t file = 0;          // index into budget::sources()
  std::uint16_t unit = 0;          // index into budget::units() (department budgets)
  std::uint32_t offset = 0;        // byte offset of the item in its file
  std::uint32_t project = npos32;  // index into budget::projects()
  std::uint32_t group = npos32;    // index into budget::groups()
  std::uint32_t line = 0;          // the published line (row) it belongs to
  std::uint32_t tags = 0;          // index into budget::tag_sets(); 0 = none
};

/// An income line: 收入 一般公共预算 38381.46 (其中 财政拨款 …).
struct income_line {
  fund_source source = fund_source::general_budget;
  std::optional<fund_source> of_which;  // set for a 其中 line: the source it is part of
  money amount;
  source_span span;
  std::uint16_t unit = 0;               // index into budget::units()
};

/// A 绩效目标 indicator of a project (预算13表).
struct performance_target {
  target_category category = target_category::output;
  std::string indicator;   // 三级指标
  std::string comparator;  // "≥", "≤", "=", ">", "<" or empty
  std::string number;      // "95", "350" (as written) or empty for a text value
  std::string unit;        // "%", "元/人.天", "家" …
  std::string text;        // a text value such as 按时足额发放
  source_span span;
  /// The value as printed: "≥95%", "按时足额发放".
  std::string value_text() const { return number.empty() ? text : comparator + number + unit; }
};

/// A project (项目).
struct project {
  std::string name;
  std::string code;  // e.g. 410300200000000033610
  spending_kind kind = spending_kind::project;
  function_code function;
  money amount;                     // the project's amount (stated, or the sum of its items)
  bool has_items = false;           // whether items name this project directly
  std::uint32_t group = npos32;     // the project group its spending is broken down in
  std::vector<performance_target> targets;
  source_span span;
};

/// Projects whose economic breakdown is published only in aggregate.
struct project_group {
  std::string name;
  std::vector<std::uint32_t> members;  // indices into projects()
  money amount;                        // Σ of the members' amounts == Σ of the group's items
  source_span span;
};

/// A named measure (口径), e.g. 三公经费 = sum where econ in (30212, 30217, 30231, 31013).
struct measure {
  std::string name;
  expr definition;
  money value;
  source_span span;
};

/// A prior-year (上年) figure.
struct prior_figure {
  std::string name;
  money amount;
  source_span span;
};

/// A named figure that is not an item: counts (车辆 4 辆) and amounts stated
/// by the narrative (政府采购货物 0.00).
struct figure {
  std::string name;
  bool is_money = true;
  money amount;
  std::int64_t count = 0;
  std::string unit;  // 辆, 个 … for counts
  source_span span;
};

/// A constraint (核对) and its result.
struct constraint_result {
  std::string text;  // the constraint as written
  severity level = severity::error;
  bool passed = false;
  source_span span;
};

/// A note printed under a disclosure table (表注), e.g. the 空表说明 of an empty table.
struct table_note {
  std::string table;  // "预算09表", "09"
  std::string text;
  source_span span;
};

/// A classification code the budget adds to (or renames in) the catalog: a
/// local 项, or an entry of an edition the catalog does not have.
struct catalog_extension {
  std::string digits;  // 2080199, 30199, 50199 … (the family follows the first digit)
  std::string name;
  source_span span;
};

/// A code with its name as the budget writes it.
template <class Code>
struct named_code {
  Code code;
  std::string name;
  source_span span;  // where the name was first given
};

/// A budget unit (单位): a department budget is made of several.
struct budget_unit {
  std::string code, name;
  unit_type type = unit_type::unknown;
  source_span span;
};

/// Header of the budget.
struct budget_header {
  std::string title;
  int year = 0;
  unit amount_unit = unit::yuan;
  std::string unit_code, unit_name;
  std::string department_code, department_name;
  unit_type type = unit_type::unknown;
};

namespace detail {
struct item_columns;  // <yusuan/query/columns.hpp>

struct budget_data {
  budget_header header;
  std::vector<std::shared_ptr<const source_file>> sources;
  std::vector<budget_unit> units;  // [0] is the header's unit
  std::vector<income_line> income;
  std::optional<money> year_end_balance;
  std::optional<source_span> year_end_balance_span;
  std::vector<item> items;
  std::vector<project> projects;
  std::vector<project_group> groups;
  std::vector<measure> measures;
  std::vector<prior_figure> prior;
  std::vector<figure> figures;
  std::vector<constraint_result> constraints;
  std::vector<table_note> table_notes;
  std::vector<catalog_extension> catalog_extensions;
  int catalog_year = 0;  // 科目版本: the catalog edition to check against (0: the budget's year)
  std::vector<named_code<function_code>> function_names;  // sorted by code
  std::vector<named_code<econ_code>> econ_names;          // sorted by code (部门 and 政府)
  std::vector<std::string> strings;                       // interned tag keys and values
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> tag_sets;  // [0] is empty
  std::uint32_t line_count = 0;
  std::shared_ptr<const item_columns> columns;  // set once the budget has checked
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
  /// The amount of an income line (not 其中), if stated.
  std::optional<money> income_of(fund_source f) const {
    for (const auto& l : d_->income)
      if (l.source == f) return l.amount;
    return std::nullopt;
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
  /// Id of an interned string, or npos32.
  std::uint32_t string_id(std::string_view s) const {
    for (std::uint32_t i = 0; i < d_->strings.size(); ++i)
      if (d_->strings[i] == s) return i;
    return npos32;
  }

  const project* find_project(std::string_view name_or_code) const noexcept {
    for (const auto& p : d_->projects)
      if (p.name == name_or_code || (!p.code.empty() && p.code == name_or_code)) return &p;
    return nullptr;
  }
  const measure* find_measure(std::string_view name) const noexcept {
    for (const auto& m : d_->measures)
      if (m.name == name) return &m;
    return nullptr;
  }
  std::optional<money> prior(std::string_view name) const noexcept {
    for (const auto& p : d_->prior)
      if (p.name == name) return p.amount;
    return std::nullopt;
  }
  const figure* find_figure(std::string_view name) const noexcept {
    for (const auto& f : d_->figures)
      if (f.name == name) return &f;
    return nullptr;
  }

  /// The items column by column, for the aggregation engine: built when the
  /// budget was compiled, or on each call for a budget assembled by hand (or
  /// from a copy of another's data, whose columns describe the other's items).
  /// Defined in <yusuan/query/columns.hpp>.
  std::shared_ptr<const detail::item_columns> columns() const;

  /// The warnings the budget was compiled with (errors make no budget).
  const diagnostics& warnings() const noexcept { return d_->warnings; }

  /// Raw access for the query engine and the compiler.
  const detail::budget_data& data() const noexcept { return *d_; }

private:
  friend struct detail::budget_access;
  explicit budget(std::shared_ptr<const detail::budget_data> d) : d_(std::move(d)) {}
  static std::shared_ptr<const detail::budget_data> empty_data() {
    auto d = std::make_shared<detail::budget_data>();
    d->tag_sets.emplace_back();
    return d;
  }
  std::shared_ptr<const detail::budget_data> d_;
};

namespace detail {
/// How the compiler and the builder make a budget of checked data.
struct budget_access {
  static budget make(std::shared_ptr<const budget_data> d) { return budget(std::move(d)); }
};
}  // namespace detail

}  // namespace yusuan
