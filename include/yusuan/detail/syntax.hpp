// yusuan/detail/syntax.hpp -- the parsed form of one budget statement.
//
// The grammar (detail/grammar_def.hpp, Spirit X3) reads one statement at a
// time into a `statement`; the compiler turns statements into the model.
// This header is free of Spirit: only the translation unit that instantiates
// the grammar pays for it.
#pragma once

#include <yusuan/detail/config.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::detail::syntax {

/// A slice of the source text.
struct slice {
  const char* b = nullptr;
  const char* e = nullptr;
  bool empty() const noexcept { return b == e; }
  explicit operator bool() const noexcept { return b != nullptr; }
  std::string_view view() const noexcept { return b ? std::string_view(b, static_cast<std::size_t>(e - b)) : std::string_view(); }
  std::size_t size() const noexcept { return static_cast<std::size_t>(e - b); }
};

enum class coord_kind : std::uint8_t { code, kind, fund, project, tag };

/// One coordinate of an item or block: a code with its optional name (and,
/// for an economic pair, the 政府 code after the arrow), a kind word, a fund
/// source, a project reference or a tag.
struct coord {
  coord_kind kind = coord_kind::code;
  slice code, name;    // code: the code as written and its name
  slice code2, name2;  // code: the code after → and its name
  slice key, value;    // kind / fund / project: value; tag: key = value
};

enum class stmt : std::uint8_t {
  none,
  title, year, amount_unit, unit, department, import_,
  income, year_end_balance,
  item, block_open, block_close,
  project, project_code, project_kind, project_function, project_amount,
  targets_open, target,
  group,
  prior, figure, count,
  measure, constraint,
  table_note,
  catalog_entry, catalog_edition,
};

/// A node of an expression or filter tree, stored flat in statement::nodes.
struct node {
  enum class type : std::uint8_t {
    amount, percent, name, sum, count, prior, share, change, add, sub, neg,
    f_all, f_cmp, f_and, f_or, f_not,
  };
  type t = type::amount;
  slice tok;   // literal / name / dimension
  slice tok2;  // dimension level after '.'
  enum class cmp : std::uint8_t { eq, ne, in, not_in } op = cmp::eq;
  std::vector<slice> values;          // f_cmp values
  std::vector<std::uint32_t> kids;    // children
  const char* begin = nullptr;
  const char* end = nullptr;
};

/// One row of a grouped constraint: keys (one per dimension) and the amount.
struct group_row {
  std::vector<slice> keys;
  slice amount;
  const char* at = nullptr;
};

/// Year-on-year sugar of a constraint: 较上年 减少 / 增加 / 下降 / 增长 / 持平.
enum class yoy : std::uint8_t { none, decrease, increase, fall, growth, flat };

struct statement {
  stmt type = stmt::none;
  const char* begin = nullptr;
  const char* end = nullptr;
  slice keyword;

  // items and blocks
  std::vector<coord> coords;
  std::size_t coords_before_amount = 0;
  slice amount;  // item amount, income amount, project amount, block total, prior, figure
  slice word;    // title / import path (string contents), year, amount unit, names, source, kind …
  slice word2;   // unit / department name, project code …
  slice word3;   // unit type
  bool opens_block = false;

  // income: 其中 parts (source, amount)
  std::vector<std::pair<slice, slice>> parts;
  // group members
  std::vector<slice> members;
  // performance target: category, indicator, comparator, number, unit, text
  slice category, indicator, comparator, number, value_unit, text;
  // projects declared inline: fields
  slice project_code, project_kind, project_function, project_amount;

  // expressions
  std::vector<node> nodes;
  std::vector<std::uint32_t> stack;
  std::uint32_t lhs = 0, rhs = 0;
  slice cmp;
  yoy yoy_kind = yoy::none;
  slice yoy_value;
  slice tolerance;
  bool warning = false;
  slice message;
  // grouped constraint: 核对 合计(…) 按 dim, dim { key, key: amount … }
  std::vector<slice> group_dims;
  std::vector<group_row> rows;
  // query language: aggregate, pivot, order, limit, flags
  slice q_agg, q_pivot, q_order, q_limit;
  bool q_where = false, q_rollup = false, q_share = false, q_desc = false;

  void clear() {
    type = stmt::none;
    begin = end = nullptr;
    keyword = {};
    coords.clear();
    coords_before_amount = 0;
    amount = word = word2 = word3 = {};
    opens_block = false;
    parts.clear();
    members.clear();
    category = indicator = comparator = number = value_unit = text = {};
    project_code = project_kind = project_function = project_amount = {};
    nodes.clear();
    stack.clear();
    lhs = rhs = 0;
    cmp = {};
    yoy_kind = yoy::none;
    yoy_value = tolerance = message = {};
    warning = false;
    group_dims.clear();
    rows.clear();
    q_agg = q_pivot = q_order = q_limit = {};
    q_where = q_rollup = q_share = q_desc = false;
  }
};

/// Where and why a statement did not parse.
struct syntax_error {
  const char* where = nullptr;
  std::string expected;
};

enum class parse_status { ok, end, error };

/// Skips blanks and comments, then parses one statement at `first`.  On ok,
/// `first` is past the statement; on error, `err` says what was expected where.
YUSUAN_DECL parse_status parse_statement(const char*& first, const char* last, statement& st, syntax_error& err);

/// Parses a whole query ("sum by function.类 where kind = 基本支出").
YUSUAN_DECL parse_status parse_query_text(const char*& first, const char* last, statement& st, syntax_error& err);

/// Skips blanks and comments.
YUSUAN_DECL void skip_blank(const char*& first, const char* last);

}  // namespace yusuan::detail::syntax
