// yusuan/syntax/ast.hpp -- the typed syntax tree of the budget language and
// of the query language.
//
// One struct per statement kind, a variant of them (`statement`), and the
// expression and filter trees; the X3 rules (syntax/grammar_def.hpp) produce
// these directly as their attributes.  Every node that can be pointed at in a
// diagnostic derives from `located`: `where` is the text the node was read
// from (the source buffer outlives the tree).  Tokens are `slice`s of the
// source: the compiler reads, checks and converts them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace yusuan::syntax::ast {

/// A node held on the heap, so that the tree can nest (an expression in a
/// parenthesis, a filter in a group): a value, copied deeply.  Declared
/// with an incomplete T; T must be complete where a box is made or used.
template <class T>
class box {
 public:
  box() : p_(std::make_unique<T>()) {}
  box(T&& v) : p_(std::make_unique<T>(std::move(v))) {}  // NOLINT: a box stands for its node
  box(const T& v) : p_(std::make_unique<T>(v)) {}        // NOLINT
  box(const box& o) : p_(std::make_unique<T>(o.get())) {}
  box(box&& o) noexcept = default;
  ~box() = default;
  box& operator=(const box& o) {
    if (this != &o) p_ = std::make_unique<T>(o.get());
    return *this;
  }
  box& operator=(box&& o) noexcept = default;
  box& operator=(T&& v) {
    p_ = std::make_unique<T>(std::move(v));
    return *this;
  }
  box& operator=(const T& v) { return *this = T(v); }

  /// The node (a moved-from box holds none: assign to it before reading).
  T& get() noexcept { return *p_; }
  const T& get() const noexcept { return *p_; }

 private:
  std::unique_ptr<T> p_;
};

/// A slice of the source text.
struct slice {
  const char* b = nullptr;
  const char* e = nullptr;
  bool empty() const noexcept { return b == e; }
  explicit operator bool() const noexcept { return b != nullptr; }
  std::string_view view() const noexcept {
    return b ? std::string_view(b, static_cast<std::size_t>(e - b)) : std::string_view();
  }
  std::size_t size() const noexcept { return static_cast<std::size_t>(e - b); }
};

/// A node with the text it was read from.
struct located {
  slice where;
};

// ---------------------------------------------------------------------------
// Coordinates of items and blocks
// ---------------------------------------------------------------------------

/// The 政府 economic code after an arrow, with its optional name.
struct mapped_code {
  slice code, name;
};
/// A classification code with its optional name, and for an economic pair
/// the 政府 code after the arrow: 30101 基本工资 → 50101 工资奖金津补贴.
struct code_coord {
  slice code, name;
  mapped_code mapped;  // empty code when there is no arrow
};
/// A spending kind written as a coordinate: 基本支出, 人员经费 …
struct kind_coord {
  slice word;
};
/// 资金 一般公共预算
struct fund_coord {
  slice source;
};
/// 项目 "名称" (or the project's code)
struct project_coord {
  slice project;
};
/// key = value
struct tag_coord {
  slice key, value;
};

struct coordinate : std::variant<code_coord, kind_coord, fund_coord, project_coord, tag_coord> {
  using variant::variant;
  using variant::operator=;
};

// ---------------------------------------------------------------------------
// Expressions and filters
// ---------------------------------------------------------------------------

struct expression;
struct filter;

/// An amount as written (1,234.56).
struct amount_literal : located {
  slice text;
};
/// A percentage as written (6.06%).
struct percent_literal : located {
  slice text;
};
/// A measure, figure or built-in quantity by name.
struct name_ref : located {
  slice name;
};
/// 上年(名称): the prior-year figure of a name.
struct prior_ref : located {
  slice name;
};

enum class aggregate_op : std::uint8_t { sum, count, income, project_amount, min, max };

/// 合计(filter) / 计数(filter) over the items, 收入(filter) over the income
/// lines, 项目金额(filter) over the projects' amounts; an absent filter
/// takes every item (line, project).
struct aggregation : located {
  aggregate_op op = aggregate_op::sum;
  std::vector<box<filter>> filters;  // at most one
};
/// 占比(part, whole)
struct share_of : located {
  box<expression> part, whole;
};
/// 增幅(name)
struct change_of : located {
  box<expression> of;
};
/// ( expression )
struct parenthesized : located {
  box<expression> inner;
};

struct operand : std::variant<amount_literal, percent_literal, prior_ref, aggregation, share_of, change_of,
                             parenthesized, name_ref> {
  using variant::variant;
  using variant::operator=;
};

/// An operand after any number of minus signs (read without recursion).
struct signed_operand : located {
  std::vector<slice> minus_signs;  // each "-", blanks between them allowed
  operand value;
};

/// + or − and the operand after it.
struct operation : located {
  char op = '+';
  signed_operand operand_;
};

/// first (± operand)*: a flat list, however long.
struct expression : located {
  signed_operand first;
  std::vector<operation> rest;
};

enum class comparison : std::uint8_t { eq, ne, lt, le, gt, ge, in, not_in };

/// op value, or 属于 (values).
struct condition_test : located {
  comparison op = comparison::eq;
  std::vector<slice> values;
};

/// dimension op value, or dimension 属于 (values).
struct condition : located {
  slice dimension;
  condition_test test;
};

/// ( filter )
struct filter_group : located {
  box<filter> inner;
};

struct filter_atom : std::variant<condition, filter_group> {
  using variant::variant;
  using variant::operator=;
};

/// An atom after any number of 非.
struct negation : located {
  std::vector<slice> nots;
  filter_atom atom;
};

/// a 且 b 且 …: a flat list, however long.
struct conjunction : located {
  negation first;
  std::vector<negation> rest;
};

/// a 或 b 或 …: a flat list, however long.
struct filter : located {
  conjunction first;
  std::vector<conjunction> rest;
};

// ---------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------

/// coordinates ':' amount [trailing coordinates on the same line]
struct item : located {
  std::vector<coordinate> coords;
  slice amount;
  std::vector<coordinate> trailing;
};

/// coordinates [合计 amount] '{'
struct block_open : located {
  std::vector<coordinate> coords;
  slice total;  // empty when no total is stated
};

/// '}'
struct block_close : located {
  slice brace;
};

struct title : located {
  slice text;
};
struct year : located {
  slice value;
};
struct amount_unit : located {
  slice value;
};
/// 单位 code name [类型 type]
struct unit_decl : located {
  slice code, name, type;  // code: empty when none is written
};
/// 部门 [code] name
struct department : located {
  slice code, name;
};
/// 导入 "path" (relative to the importing file) or 导入 <path> (in the
/// library path: the standard library and others installed beside it)
struct import_file : located {
  bool library = false;
  slice path;
};
/// 模板 name: the template of the budget's disclosure tables
struct template_decl : located {
  slice name;
};

/// 其中 source amount
struct income_part : located {
  slice source, amount;
};
/// 收入 source amount {其中 source amount}
struct income : located {
  slice source, amount;
  std::vector<income_part> parts;
};
/// 年终结转结余 amount
struct year_end_balance : located {
  slice amount;
  std::vector<income_part> parts;  // 其中 by fund source
};

enum class project_field_kind : std::uint8_t { code, type, function, amount };

/// 编码 … / 类型 … / 功能 … / 金额 …
struct project_field : located {
  project_field_kind kind = project_field_kind::code;
  slice value;
};
/// 项目 name {field} ['{']
struct project : located {
  slice name;
  std::vector<project_field> fields;
  bool opens_block = false;
};
/// 绩效 '{'
struct targets_open : located {
  slice keyword;
};
/// A target's value: comparator, number and unit (≥95%), or a text.
struct target_value : located {
  slice comparator, number, unit, text;
  target_value() = default;
  /// A value written as a text (按时足额发放).
  target_value(slice text_value) : text(text_value) {}  // NOLINT(google-explicit-constructor): a grammar attribute
};
/// 产出 indicator value
struct target : located {
  slice category, indicator;
  target_value value;
};
/// 项目组 name (members) coordinates '{'
struct project_group : located {
  slice name;
  std::vector<slice> members;
  std::vector<coordinate> coords;
};

/// 上年 name amount
struct prior_figure : located {
  slice name, amount;
};
/// 数值 name amount
struct figure : located {
  slice name, amount;
};
/// 计数 name count unit
struct count_figure : located {
  slice name, count, unit;
};

/// 口径 name = expression
struct measure : located {
  slice name;
  expression value;
};

enum class yoy_claim_kind : std::uint8_t { decrease, increase, fall, growth, flat };

/// cmp expression
struct comparison_tail : located {
  slice comparator;
  expression rhs;
};
/// 较上年 减少 2.00 / 下降 3.87% / 持平
struct yoy_tail : located {
  yoy_claim_kind kind = yoy_claim_kind::flat;
  slice value;
};
/// keys ':' amount
struct group_row : located {
  std::vector<slice> keys;
  slice amount;
};
/// 按 dims { rows }
struct grouped_tail : located {
  std::vector<slice> dimensions;
  std::vector<group_row> rows;
};

struct constraint_tail : std::variant<yoy_tail, grouped_tail, comparison_tail> {
  using variant::variant;
  using variant::operator=;
};

enum class option_kind : std::uint8_t { tolerance, warning, message };

/// 容差 amount / 警告 / "message"
struct constraint_option : located {
  option_kind kind = option_kind::warning;
  slice value;
};

/// [每个 entity:] 核对 expression tail {option} [当 filter]
struct constraint : located {
  slice each;  // 项目 / 单位 after 每个, or empty
  expression lhs;
  constraint_tail tail;
  std::vector<constraint_option> options;
  std::vector<filter> when;  // at most one
};

/// 参数 name = value (an amount or a percentage)
struct parameter : located {
  slice name, value;
};

/// 表注 table "text"
struct table_note : located {
  slice table, text;
};
/// 科目 code name
struct catalog_entry : located {
  slice code, name;
};
/// 科目版本 year
struct catalog_edition : located {
  slice value;
};
/// 允许负数: the budget has negative items on purpose
struct allow_negative : located {
  slice value;
};

/// The statements of a file's header and its declarations.
struct header_statement : std::variant<title, year, amount_unit, unit_decl, department, import_file, table_note,
                                      catalog_edition, catalog_entry, template_decl, allow_negative> {
  using variant::variant;
  using variant::operator=;
};

/// Projects, their fields and targets, project groups.
struct project_statement : std::variant<project_group, project, targets_open, target, project_field> {
  using variant::variant;
  using variant::operator=;
};

/// Figures, measures and constraints.
struct rule_statement : std::variant<prior_figure, figure, count_figure, measure, constraint, parameter> {
  using variant::variant;
  using variant::operator=;
};

/// One statement, by family.
struct statement : std::variant<item, block_open, block_close, header_statement, income, year_end_balance,
                               project_statement, rule_statement> {
  using variant::variant;
  using variant::operator=;
};

// ---------------------------------------------------------------------------
// The query language
// ---------------------------------------------------------------------------

/// where filter
struct where_clause : located {
  filter condition;
};
/// by dim, dim
struct by_clause : located {
  std::vector<slice> dimensions;
};
/// pivot dim
struct pivot_clause : located {
  slice dimension;
};
/// rollup / share
struct flag_clause : located {
  slice word;
};
/// order by sum|key|count [desc|asc]
struct order_clause : located {
  slice by;
  slice direction;
};
/// top N / limit N
struct limit_clause : located {
  slice count;
};

struct query_clause : std::variant<where_clause, by_clause, pivot_clause, order_clause, limit_clause, flag_clause> {
  using variant::variant;
  using variant::operator=;
};

/// sum|count|min|max {clause}
struct query : located {
  slice aggregate;
  std::vector<query_clause> clauses;
};

}  // namespace yusuan::syntax::ast
