// yusuan/tables/template.hpp -- a template of disclosure tables as data: the
// tables of a province's or a city's set (洛阳 13 表, 上海 9 表 …), each with
// its title, header, columns (expressions of the budget language), rows
// (fixed, or grouped by a dimension) and the note of an empty table.
//
// Templates are read from template files (docs/templates.md) by
// <yusuan/tables/library.hpp>; tables/build.hpp renders any of them over a
// budget.  Nothing here knows a particular table.  Spirit-free.
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/money.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan::tables {

/// What a piece of a text shows.
enum class field : std::uint8_t {
  text,             // the literal `text`
  variable,         // {NAME}: the template's 变量 NAME
  table_id,         // {编号}: the table's id
  year,             // {年度}
  unit_name,        // {单位名称}: the budget's unit (or its department)
  unit_code,        // {单位代码}
  department_name,  // {部门名称}: the budget's department (or its unit)
  department_code,  // {部门代码}
  amount_unit,      // {金额单位}: the table's unit of amounts
  title,            // {标题}: the budget's title
  code,             // 功能.代码, 经济, 单位.编码, 项目.编码 …: the key of the row on `dim`, as printed
  code_part,        // 功能.类, 经济.款 …: the digits of that code at `level`
  name,             // 功能.名称, 单位.名称, 项目.名称 …: the name of that key
  key,              // 类型, 资金, a tag's key: the key as printed
  project_kind,     // 项目.类型
  project_unit,     // 项目.单位: the name of the project's unit
  ordinal,          // 序号: the row's place among its group's rows, in Chinese numerals (一, 二 …)
  ordinal_digits,   // 序号.数字: the same in digits
  target_indicator, // 成本.指标 …: the project's indicators of a category, one per line
  target_value,     // 成本.指标值 …: their values
};

/// One piece of a text: literal text or a field.
struct piece {
  field what = field::text;
  std::string text;  // the literal text, or the variable's name
  dimension_ref dim;  // code, code_part, name, key: the dimension of the row's key
  int level = 0;      // code_part: 1 类, 2 款, 3 项
  target_category category = target_category::output;
};

/// A text with fields: "{年度}年单位支出预算表", 功能.名称, "{序号}、{功能.名称}".
struct text_pattern {
  std::vector<piece> pieces;
  bool empty() const noexcept { return pieces.empty(); }
  /// Whether it holds a list (a project's targets): one value per line.
  bool is_list() const noexcept {
    for (const auto& p : pieces)
      if (p.what == field::target_indicator || p.what == field::target_value) return true;
    return false;
  }
  static text_pattern literal(std::string s) {
    text_pattern t;
    if (!s.empty()) t.pieces.push_back({field::text, std::move(s), {}, 0, {}});
    return t;
  }
};

/// A column: its header levels from the top down, and for an amount column
/// the expression of its cells (none: blank unless a row gives a value).
struct column_spec {
  std::vector<text_pattern> path;
  bool numeric = false;
  std::optional<expr> value;
  bool zero_blank = false;    // 零为空: a cell of 0 is blank
  bool repeat_blank = false;  // 重复留空: blank when it repeats the cell above
  source_span span;
};

/// How the rows of a group are ordered: by a dimension (the least key among
/// the group's items when it is not one the rows are grouped by), by first
/// appearance, or by a project's kind, code or name; `first` lists keys put
/// before every other, in that order.
struct sort_key {
  enum class by : std::uint8_t { dimension, appearance, project_kind, project_code, project_name };
  by what = by::appearance;
  dimension_ref dim;
  std::vector<std::string> first;
  source_span span;
};

enum class row_kind : std::uint8_t { line, total, department, group };

/// A row, or a group of rows.
///
/// line, total: one row; its value cells are the columns' expressions within
/// `where` (其中), or `values` when it gives its own (= a, b …).  department:
/// a row of the budget's department, when it names one.  group (按): a row
/// per key of `by` (own row, when `own_row`), each followed by `body`, whose
/// rows are within that key.
struct row_spec {
  row_kind kind = row_kind::line;
  std::vector<text_pattern> texts;  // the cells of the text columns, in order
  std::optional<filter> where;
  bool explicit_values = false;
  std::vector<expr> values;
  bool zero_blank = false;
  bool omit_zero = false;  // 零则不列: a line or total row whose amounts are all 0 or blank is not printed
  std::vector<dimension_ref> by;
  std::vector<sort_key> order;
  bool own_row = false;
  std::vector<row_spec> body;
  source_span span;
};

/// Columns and rows.  A table of several panels (栏) prints them side by
/// side, their rows paired section by section.
struct panel_spec {
  std::vector<column_spec> columns;
  std::vector<row_spec> rows;
};

/// One table of a template.
struct table_spec {
  std::string id, name;
  std::vector<std::string> aliases;
  text_pattern title, label;
  std::optional<unit> amount_unit;
  std::optional<int> decimals;
  std::optional<filter> scope;  // 范围: the items of the table
  std::vector<panel_spec> panels;
  std::optional<text_pattern> empty_note;  // 空表: the note of a table with no item
  std::vector<std::pair<std::string, text_pattern>> variables;  // 变量 of the table, before the template's
  source_span span;

  const text_pattern* variable(std::string_view n) const noexcept {
    for (auto it = variables.rbegin(); it != variables.rend(); ++it)
      if (it->first == n) return &it->second;
    return nullptr;
  }
};

/// A measure (口径) of the template, which its tables' expressions may use.
struct template_measure {
  std::string name;
  expr definition;
  source_span span;
};

/// A template: its tables and what they share.
struct table_template {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::string base;  // 基于: the template it extends
  std::optional<unit> amount_unit;
  int decimals = 2;
  text_pattern label;  // the default 标签 of its tables
  text_pattern signature_label = text_pattern::literal("单位名称");
  text_pattern signature_name;  // default: {单位名称}
  std::vector<std::pair<std::string, text_pattern>> variables;
  std::vector<template_measure> measures;
  std::vector<table_spec> tables;
  std::vector<std::shared_ptr<const source_file>> sources;  // the files its spans point into
  source_span span;

  const template_measure* measure(std::string_view n) const noexcept {
    for (const auto& m : measures)
      if (m.name == n) return &m;
    return nullptr;
  }
  const text_pattern* variable(std::string_view n) const noexcept {
    for (auto it = variables.rbegin(); it != variables.rend(); ++it)
      if (it->first == n) return &it->second;
    return nullptr;
  }
  /// Whether `n` is the template's name or one of its aliases.
  bool named(std::string_view n) const noexcept {
    if (n == name) return true;
    for (const auto& a : aliases)
      if (a == n) return true;
    return false;
  }
};

}  // namespace yusuan::tables
