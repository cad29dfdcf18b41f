// tools/export_fields.hpp -- the columns of `yusuan export`: one row per
// expenditure item with all its coordinates, typed for the data package.
#pragma once

#include <yusuan/budget.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cli::exporting {

enum class field_type { string, integer, number };

/// A column: its name, Table Schema type, title and description.
struct field {
  std::string_view name;
  field_type type;
  std::string_view title;
  std::string_view description;
};

inline constexpr std::array<field, 24> fields{{
    {"item", field_type::integer, "序号", "1-based position of the item in the budget"},
    {"unit_code", field_type::string, "单位代码", "code of the budget unit"},
    {"unit_name", field_type::string, "单位名称", "name of the budget unit"},
    {"function_code", field_type::string, "功能科目编码", "支出功能分类科目, as written (3, 5 or 7 digits)"},
    {"function_class", field_type::string, "功能科目 类", "the 类 (3 digits) of function_code"},
    {"function_section", field_type::string, "功能科目 款", "the 款 (5 digits) of function_code"},
    {"function_name", field_type::string, "功能科目名称", ""},
    {"econ_code", field_type::string, "部门经济科目编码", "部门预算支出经济分类科目 (3 or 5 digits)"},
    {"econ_class", field_type::string, "部门经济科目 类", "the 类 (3 digits) of econ_code"},
    {"econ_name", field_type::string, "部门经济科目名称", ""},
    {"gov_econ_code", field_type::string, "政府经济科目编码", "政府预算支出经济分类科目 (3 or 5 digits)"},
    {"gov_econ_class", field_type::string, "政府经济科目 类", "the 类 (3 digits) of gov_econ_code"},
    {"gov_econ_name", field_type::string, "政府经济科目名称", ""},
    {"kind", field_type::string, "支出类型", "人员经费, 公用经费, 其他运转类, 特定目标类 …"},
    {"kind_group", field_type::string, "基本支出 / 项目支出", ""},
    {"fund", field_type::string, "资金来源", ""},
    {"project", field_type::string, "项目名称", ""},
    {"project_code", field_type::string, "项目编码", ""},
    {"project_group", field_type::string, "项目组", ""},
    {"tags", field_type::string, "标签",
     "key=value pairs separated by ;, a key or value that holds ; = \" or \\ (or is empty) quoted as \"…\" with \\\" and \\\\"},
    {"amount", field_type::number, "金额（元）", "exact decimal amount in 元 with two decimals"},
    {"amount_fen", field_type::integer, "金额（分）", "the same amount as an exact integer number of 分"},
    {"file", field_type::string, "源文件", ""},
    {"line", field_type::integer, "源文件行号", ""},
}};

/// The CSV dialect of every export, as a Tabular Data Package states it.
inline constexpr std::string_view csv_dialect =
    "{\"delimiter\": \",\", \"doubleQuote\": true, \"quoteChar\": \"\\\"\", \"lineTerminator\": \"\\n\", "
    "\"header\": true, \"skipInitialSpace\": false, \"caseSensitiveHeader\": true}";

inline constexpr std::size_t amount_column = 20;
inline constexpr std::size_t amount_fen_column = 21;

inline constexpr std::string_view type_name(field_type t) {
  switch (t) {
    case field_type::string: return "string";
    case field_type::integer: return "integer";
    case field_type::number: return "number";
  }
  return "string";
}

/// The cells of item `i` of `b`, one per field, as text.
std::vector<std::string> item_row(const yusuan::budget& b, std::size_t i);

/// Writes the Tabular Data Package descriptor of an export of `b` whose items
/// are in `csv_name` (`bytes` long, with a byte order mark or not).
void write_descriptor(std::ostream& os, const yusuan::budget& b, const std::string& csv_name, std::uintmax_t bytes,
                      bool bom);

}  // namespace cli::exporting
