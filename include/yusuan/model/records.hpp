// yusuan/model/records.hpp -- what a budget is made of: items, income lines,
// projects and their targets, project groups, measures, figures, the results
// of constraints, table notes, units and the header.
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/model/codes.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/money.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
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
  // paid from last year's balance (fund carryover): the fund source that
  // balance is of (资金 上年结转结余.政府性基金), carryover when not stated
  fund_source balance_of = fund_source::carryover;
  std::uint16_t file = 0;          // index into budget::sources()
  std::uint16_t unit = 0;          // index into budget::units() (department budgets)
  std::uint32_t offset = 0;        // byte offset of the item in its file
  std::uint32_t project = npos32;  // index into budget::projects()
  std::uint32_t group = npos32;    // index into budget::groups()
  std::uint32_t line = 0;          // the published line (row) it belongs to
  std::uint32_t tags = 0;          // index into budget::tag_sets(); 0 = none
};

/// A 资金 as the language writes it: 一般公共预算, 上年结转结余, or
/// 上年结转结余.政府性基金 for spending from last year's balance of a fund.
inline std::string fund_text(fund_source fund, fund_source balance_of) {
  std::string s(chinese_name(fund));
  if (fund == fund_source::carryover && balance_of != fund_source::carryover) s.append(".").append(chinese_name(balance_of));
  return s;
}
inline std::string fund_text(const item& it) { return fund_text(it.fund, it.balance_of); }

/// An income line: 收入 一般公共预算 38381.46 (其中 财政拨款 …).
struct income_line {
  fund_source source = fund_source::general_budget;
  std::optional<fund_source> of_which;  // set for a 其中 line: the source it is part of
  money amount;
  source_span span;
  std::uint16_t unit = 0;               // index into budget::units()
};

/// A 其中 part of a balance by fund source.
struct fund_part {
  fund_source fund = fund_source::general_budget;
  money amount;
  source_span span;  // its fund source as written
};

/// The 年终结转结余 one unit states (a department's units each state their own).
struct unit_balance {
  std::uint16_t unit = 0;  // index into budget::units()
  money amount;
  source_span span;        // the 年终结转结余 keyword
  bool by_fund = false;    // stated with 其中 parts by fund source
  std::vector<fund_part> parts;  // those parts (budget::year_end_balance(FUND) sums them over the units)
};

/// Whether `part` can be a 其中 part of an income line of `line`: 财政拨款
/// of 一般公共预算, and any source but itself of 上年结转结余 (a balance, split
/// by the fund sources it came from); other lines have no parts.
constexpr bool is_part_of(fund_source part, fund_source line) noexcept {
  if (line == fund_source::carryover) return part != fund_source::carryover;
  return line == fund_source::general_budget && part == fund_source::fiscal_appropriation;
}

/// What a balance's 其中 parts by fund source add up to: 其中 财政拨款 counts
/// only where no 其中 一般公共预算 is stated (it is then that part; beside one,
/// it is a part of that part).
inline money_sum balance_parts_total(std::span<const std::pair<fund_source, money>> parts) noexcept {
  money_sum total, fiscal;
  bool general = false;
  for (const auto& [f, m] : parts) {
    (f == fund_source::fiscal_appropriation ? fiscal : total) += m;
    general = general || f == fund_source::general_budget;
  }
  if (!general) total += fiscal;
  return total;
}

/// A balance's 其中 财政拨款 stands for its 一般公共预算 part where the
/// balance states none (a department's units may write it either way):
/// whether these parts of a 年终结转结余 state one.
inline bool states_general_part(std::span<const fund_part> parts) noexcept {
  for (const auto& p : parts)
    if (p.fund == fund_source::general_budget) return true;
  return false;
}
/// The same of each unit's 上年结转结余 (its 其中 lines among `income`):
/// whether it states a 一般公共预算 part, indexed by unit.
inline std::vector<bool> units_stating_general_part(std::span<const income_line> income, std::size_t units) {
  std::vector<bool> general(units + 1, false);
  for (const auto& l : income)
    if (l.of_which == fund_source::carryover && l.source == fund_source::general_budget && l.unit < general.size())
      general[l.unit] = true;
  return general;
}

/// A balance's 其中 财政拨款 part beside its 一般公共预算 part is part of it:
/// the two amounts (财政拨款, 一般公共预算) when it is larger (E0401).
inline std::optional<std::pair<money, money>> fiscal_part_past_general(
    std::span<const std::pair<fund_source, money>> parts) noexcept {
  std::optional<money> fiscal, general;
  for (const auto& [f, m] : parts) {
    if (f == fund_source::fiscal_appropriation) fiscal = m;
    if (f == fund_source::general_budget) general = m;
  }
  if (fiscal && general && *fiscal > *general) return std::pair(*fiscal, *general);
  return std::nullopt;
}

/// Whether `l` is this year's income of `f`, as the name of a fund source
/// counts it (核对 一般公共预算 …, a table's 收入(资金 = …) aside): a line of
/// that source, not a 其中 part, or for 财政拨款 the 其中 part of
/// 一般公共预算.  The parts of 上年结转结余 are balances, not income.
constexpr bool is_income_of(const income_line& l, fund_source f) noexcept {
  if (f == fund_source::fiscal_appropriation) return l.source == f && l.of_which == fund_source::general_budget;
  return l.source == f && !l.of_which;
}

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
  std::uint32_t unit = 0;           // the unit in force where it is declared (budget::units())
};

/// Projects whose economic breakdown is published only in aggregate.
struct project_group {
  std::string name;
  std::vector<std::uint32_t> members;  // indices into projects()
  money amount;                        // Σ of the members' amounts == Σ of the group's items
  source_span span;
};

/// A named measure (口径), e.g. 三公经费 = sum where econ in (30212, 30217, 30231, 31013).
/// Its value is an amount, or a count (计数(…), 项目数, a 计数 figure …).
struct measure {
  std::string name;
  expr definition;
  money value;  // an amount; 0 for a count
  source_span span;
  bool is_count = false;  // a count: `count` holds it, not `value`
  std::int64_t count = 0;
  bool from_rules = false;  // defined in a rule file (compile_options::rules), not in the budget
};

/// A prior-year (上年) figure.
struct prior_figure {
  std::string name;
  money amount;
  source_span span;
  /// The unit whose own figure it is (stated in that unit's file of a
  /// department budget), or npos32: the budget's.
  std::uint32_t of_unit = npos32;
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
  /// The unit whose own figure it is (stated in that unit's file of a
  /// department budget), or npos32: the budget's.
  std::uint32_t of_unit = npos32;
};

/// A constraint (核对) and its result.
struct constraint_result {
  std::string text;  // the constraint as written
  severity level = severity::error;
  bool passed = false;
  /// Whether it was evaluated: false after an error in the constraint itself
  /// (E0302, E0502, E0504 …), when it neither passed nor failed.
  bool decided = false;
  source_span span;
  bool from_rules = false;  // stated in a rule file (compile_options::rules), not in the budget
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

/// A budget unit (单位): a department budget is made of several.  They are
/// numbered in 16 bits in every item: a budget holds at most max_units.
inline constexpr std::size_t max_units = 0xFFFF;
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
  /// The budget writes its amounts with thousands separators (9,101,680.49):
  /// most of its amounts of four or more whole digits have them.  Text output
  /// follows it unless told otherwise.
  bool thousands = false;
  /// The budget has negative items on purpose (允许负数): no W0408.
  bool allow_negative = false;
  std::string template_name;   // 模板: the template of the disclosure tables (empty: the default)
  source_span template_span;   // where 模板 names it
  /// The directory of the root file (compile_options::root or the current
  /// directory for text compiled from memory): a template file (模板) is
  /// found relative to it.  Empty for a budget not compiled from a file.
  std::string directory;
};

}  // namespace yusuan
