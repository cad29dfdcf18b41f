// yusuan/syntax/template_ast.hpp -- the syntax tree of template files
// (docs/templates.md): one struct per statement, expressions and filters as
// in the budget language (syntax/ast.hpp).
#pragma once

#include <yusuan/syntax/ast.hpp>

#include <variant>
#include <vector>

namespace yusuan::syntax::ast {

/// A keyword and its value: 模板 NAME, 基于 NAME, 说明 "…", 标题 "…", 标签 "…",
/// 空表 "…", 金额单位 UNIT, 小数位 N.
struct tpl_setting : located {
  slice keyword, value;
};
/// 别名 NAME, NAME …
struct tpl_aliases : located {
  std::vector<slice> names;
};
/// 变量 NAME "TEXT"
struct tpl_variable : located {
  slice name, text;
};
/// 署名 "LABEL" "NAME": the line under the title (编制单位：…)
struct tpl_signature : located {
  slice label, name;
};
/// 范围 FILTER
struct tpl_scope : located {
  filter condition;
};
/// 表 ID NAME [基于 ID] {
struct tpl_table : located {
  slice id, name, base;
};
/// 栏 {
struct tpl_panel : located {
  slice keyword;
};
/// 列 "HEADER/PATH" [= EXPRESSION] {OPTION}
struct tpl_column : located {
  slice header;
  std::vector<expression> value;  // at most one
  std::vector<slice> options;
};
/// 行 | 合计 | 部门, then CELLS [其中 FILTER] [= VALUES] {OPTION}
struct tpl_row : located {
  slice kind;
  std::vector<slice> cells;
  std::vector<filter> condition;  // at most one
  std::vector<expression> values;
  std::vector<slice> options;
};
/// A key of 排序: a word, optionally with the values put first.
struct tpl_sort_key : located {
  slice key;
  std::vector<slice> first;
};
/// The own row of a group: 行 CELLS {OPTION}
struct tpl_row_tail : located {
  std::vector<slice> cells;
  std::vector<slice> options;
};
/// 按 DIMENSIONS [排序 KEYS] [行 CELLS] [{]
struct tpl_group : located {
  std::vector<slice> dimensions;
  std::vector<tpl_sort_key> order;
  std::vector<tpl_row_tail> row;  // at most one
  bool opens_block = false;
};
/// }
struct tpl_close : located {
  slice brace;
};

struct template_statement : std::variant<tpl_setting, tpl_aliases, tpl_variable, tpl_signature, tpl_scope, tpl_table,
                                         tpl_panel, tpl_column, tpl_row, tpl_group, tpl_close, measure> {
  using variant::variant;
  using variant::operator=;
};

}  // namespace yusuan::syntax::ast
