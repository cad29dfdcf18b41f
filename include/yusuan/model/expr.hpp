// yusuan/model/expr.hpp -- filters and expressions over a budget's items, shared by
// named measures (口径), constraints (核对) and queries.  Spirit-free.
#pragma once

#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/error.hpp>
#include <yusuan/money.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yusuan {

/// A classification an item can be filtered or grouped by.
/// `unit_type` is the type (行政, 参公, 事业) of the item's budget unit;
/// `amount` is the item's own amount (filters only: items are not grouped by it);
/// `line` the published line it belongs to (grouping only: lines are not named).
enum class dimension : std::uint8_t { function, econ, gov_econ, kind, fund, project, tag, unit, unit_type, amount, line };

constexpr std::string_view chinese_name(dimension d) noexcept {
  switch (d) {
    case dimension::function: return "功能科目";
    case dimension::econ: return "部门经济科目";
    case dimension::gov_econ: return "政府经济科目";
    case dimension::kind: return "支出类型";
    case dimension::fund: return "资金来源";
    case dimension::project: return "项目";
    case dimension::tag: return "标签";
    case dimension::unit: return "单位";
    case dimension::unit_type: return "单位类型";
    case dimension::amount: return "金额";
    case dimension::line: return "行";
  }
  return "";
}
constexpr std::string_view english_name(dimension d) noexcept {
  switch (d) {
    case dimension::function: return "function";
    case dimension::econ: return "econ";
    case dimension::gov_econ: return "gov-econ";
    case dimension::kind: return "kind";
    case dimension::fund: return "fund";
    case dimension::project: return "project";
    case dimension::tag: return "tag";
    case dimension::unit: return "unit";
    case dimension::unit_type: return "unit-type";
    case dimension::amount: return "amount";
    case dimension::line: return "line";
  }
  return "";
}

/// A dimension at a level (functional codes: 1 类, 2 款, 3 项; economic: 1 类,
/// 2 款; kinds: 1 基本支出 / 项目支出, 2 人员经费 / 公用经费 / 其他运转类 /
/// 特定目标类; 0 means "as written").  A tag dimension names its key.  资金
/// at level 1 (not written in the language) tells spending from each fund's
/// balance apart: its keys are the fund column's bytes (model/columns.hpp).
struct dimension_ref {
  dimension dim = dimension::function;
  int level = 0;
  std::string tag_key;
};

/// The finest level of a dimension (功能 3, 经济 / 政府经济 / 类型 2, the
/// others 0: no levels).
constexpr int max_level(dimension d) noexcept {
  return d == dimension::function ? 3 : d == dimension::econ || d == dimension::gov_econ || d == dimension::kind ? 2 : 0;
}

/// One value a filter compares against, already resolved to its dimension.
struct filter_value {
  std::string text;  // as written, for messages
  function_code function;
  econ_code econ;
  spending_kind kind = spending_kind::unspecified;
  fund_source fund = fund_source::general_budget;
  unit_type type = unit_type::unknown;
  money amount;  // the 金额 dimension
  std::uint32_t id = 0xFFFFFFFFu;  // project / group index or interned tag value; npos if unknown
  std::optional<fund_source> part_of;  // 收入(资金 = 上年结转结余.一般公共预算): the line this 其中 part is of
  source_span span;                // where the value is written (empty for filters built in C++)
};

/// A filter over items: comparisons on one dimension, combined with and / or / not.
/// Code comparisons match at the level of the value written: econ = 302
/// matches every 302xx.  lt, le, gt and ge compare amounts (the 金额 dimension).
struct filter {
  enum class op : std::uint8_t { all, eq, ne, in, not_in, and_, or_, not_, lt, le, gt, ge };
  op kind = op::all;
  dimension_ref dim;
  std::vector<filter_value> values;
  std::vector<filter> children;
  source_span span;
};

/// Whether a record outside the item columns (an income line, a fund source)
/// passes `f`, given whether it takes one value of a leaf: `takes(leaf, value)`.
/// A leaf passes when it takes one of its values (none of them for ≠ and
/// 不属于); comparisons by size (金额) take no such record.
template <class Takes>
bool filter_holds(const filter& f, Takes&& takes) {
  switch (f.kind) {
    case filter::op::all: return true;
    case filter::op::eq:
    case filter::op::in:
    case filter::op::ne:
    case filter::op::not_in: {
      bool any = false;
      for (const auto& v : f.values) any = any || takes(f, v);
      return any != (f.kind == filter::op::ne || f.kind == filter::op::not_in);
    }
    case filter::op::and_:
      for (const auto& c : f.children)
        if (!filter_holds(c, takes)) return false;
      return true;
    case filter::op::or_:
      for (const auto& c : f.children)
        if (filter_holds(c, takes)) return true;
      return false;
    case filter::op::not_: return f.children.empty() || !filter_holds(f.children.front(), takes);
    default: return false;
  }
}

/// An expression: money-valued (sums, measures, literals), a count, or a
/// percentage (share, change).  Sums of terms are flat (`add` holds every
/// term, a subtracted one under `neg`), so that no expression is deeper than
/// the parentheses written in it.
struct expr {
  enum class op : std::uint8_t {
    money_literal,    // amount (a whole number also reads as a count)
    count_literal,    // count
    percent_literal,  // percent_units at scale
    sum,              // Σ items matching `where`
    count,            // number of items matching `where`
    income,           // Σ income lines (and 其中 parts) matching `where`
    project_amount,   // Σ projects' amounts from the sources `where` takes
    name,             // measure, built-in quantity or figure: `name`
    prior,            // prior-year figure of `name`
    share,            // args[0] / args[1] as percent
    change,           // (args[0] - prior) / |prior| as percent
    add,              // Σ args
    neg,              // -args[0]
    max,              // the largest amount of the items matching `where`
    min               // the smallest amount of the items matching `where`
  };
  op kind = op::money_literal;
  money amount;
  unit written_in = unit::yuan;  // a money literal: the unit it was written in
  int decimals = -1;             // a money literal: its decimals as written (a published figure)
  std::int64_t count = 0;
  bool whole = false;  // a money literal written as a whole number: also a count
  bool threshold = false;  // a literal that is a 参数's value: compared exactly, never rounded as a published figure
  std::int64_t percent_units = 0;
  int scale = 0;
  std::string name;
  std::string parameter;  // a literal that is a 参数's value: the 参数's name
  filter where;
  std::vector<expr> args;
  source_span span;
};

/// The deepest a filter or an expression (with its filters) may nest in
/// anything that reads one: reading it takes a level of recursion each
/// (compile_options::max_expression_depth_bound, the most a budget's text
/// may nest, is the same).
inline constexpr std::size_t max_nesting = 256;

namespace detail {
/// The deepest level of a tree (the root is 1), walked without recursion:
/// `here(node, level)` is the depth a node reaches, `children(node)` its
/// nodes a level down.  Stops past `limit`.
template <class Node, class Here, class Children>
std::size_t deepest(const Node& root, std::size_t limit, Here here, Children children) {
  std::vector<std::pair<const Node*, std::size_t>> todo{{&root, 1}};
  std::size_t out = 0;
  while (!todo.empty() && out <= limit) {
    const auto [x, d] = todo.back();
    todo.pop_back();
    const std::size_t reached = here(*x, d);
    out = reached > out ? reached : out;
    for (const auto& c : children(*x)) todo.emplace_back(&c, d + 1);
  }
  return out;
}
}  // namespace detail

/// How many levels `f` nests (a condition alone is 1; `a 且 (b 或 c)` 3),
/// measured without recursion, so that a filter of any depth is measured
/// safely; counting stops past `limit`.
inline std::size_t nesting_of(const filter& f, std::size_t limit = max_nesting) {
  return detail::deepest(
      f, limit, [](const filter&, std::size_t d) { return d; }, [](const filter& x) -> const auto& { return x.children; });
}

/// The same of an expression: its terms and the filters of its sums each a
/// level deeper.
inline std::size_t nesting_of(const expr& e, std::size_t limit = max_nesting) {
  return detail::deepest(
      e, limit,
      [limit](const expr& x, std::size_t d) {
        return x.where.kind == filter::op::all ? d : d + nesting_of(x.where, limit);
      },
      [](const expr& x) -> const auto& { return x.args; });
}

namespace detail {
/// Throws yusuan::error for a filter built in C++ that nothing reads: nested
/// past max_nesting (errc::limit_exceeded, E0715); with errc::
/// invalid_argument, an operator or a dimension none of filter's, a 非
/// (op::not_) of other than one condition, a size comparison (<, ≤, >, ≥) on
/// another dimension than 金额, or a 标签 without its key.  Measured without
/// recursion.
inline void require_readable(const filter& f) {
  if (const auto depth = nesting_of(f); depth > max_nesting)
    throw error(errc::limit_exceeded,
                "yusuan: a filter nested more than " + std::to_string(max_nesting) + " levels deep", "E0715");
  const auto bad = [](const std::string& what) { throw error(errc::invalid_argument, "yusuan: a filter " + what); };
  std::vector<const filter*> todo{&f};
  while (!todo.empty()) {
    const filter* x = todo.back();
    todo.pop_back();
    using O = filter::op;
    const auto k = static_cast<int>(x->kind);
    if (k > static_cast<int>(O::ge)) bad("of operator " + std::to_string(k) + ", none of filter::op");
    if (x->kind == O::not_ && x->children.size() != 1)
      bad("非 (filter::op::not_) of " + std::to_string(x->children.size()) + " conditions: it negates one");
    const bool leaf = x->kind != O::all && x->kind != O::and_ && x->kind != O::or_ && x->kind != O::not_;
    if (leaf) {
      const auto d = static_cast<int>(x->dim.dim);
      if (d > static_cast<int>(dimension::line)) bad("on dimension " + std::to_string(d) + ", none of yusuan::dimension");
      if (x->dim.dim == dimension::tag && x->dim.tag_key.empty()) bad("on 标签 without its key");
      const bool by_size = x->kind == O::lt || x->kind == O::le || x->kind == O::gt || x->kind == O::ge;
      if (by_size && x->dim.dim != dimension::amount)
        bad("comparing " + std::string(chinese_name(x->dim.dim)) + " by size (<, ≤, >, ≥ compare 金额)");
    }
    for (const auto& c : x->children) todo.push_back(&c);
  }
}
}  // namespace detail

/// What an expression evaluates to.
struct value {
  enum class type : std::uint8_t { money, count, percent_ratio } kind = type::money;
  money amount;
  std::int64_t count = 0;  // a count, or the number a whole-number literal stands for
  bool whole = false;      // money written as a whole number (±): also a count
  // percent_ratio: numerator / denominator * 100 (exact), rounded when compared
  money numerator, denominator;
  bool change = false;  // percent_ratio: a change from 上年 (增幅), whose 0 / 0 is no change (0%)
};

}  // namespace yusuan
