// yusuan/tables/model.hpp -- a disclosure table as data: columns with their
// header levels, rows of text and amount cells, notes; the options of
// tables::build.
#pragma once

#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/money.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::tables {

/// A column: its header levels from the top down ({"基本支出", "人员经费",
/// "工资福利支出"}) and whether it holds amounts.
struct column {
  std::vector<std::string> path;
  bool numeric = false;

  /// The header flattened with "/" (基本支出/人员经费/工资福利支出), as in CSV.
  std::string header() const {
    std::string h;
    for (std::size_t i = 0; i < path.size(); ++i) h += (i ? "/" : "") + path[i];
    return h;
  }
};

/// A cell: text (codes, names, labels, indicator values) or an amount.  A cell
/// with neither is blank.
struct cell {
  std::string text;
  std::optional<money> amount;
  bool blank() const noexcept { return text.empty() && !amount; }
};

/// What a row is: the 合计 row, a department (部门) or unit (单位) row, an
/// ordinary line, or a note printed inside the table (the 说明 of an empty table).
enum class row_role : std::uint8_t { total, department, unit, line, note };

constexpr std::string_view role_name(row_role r) noexcept {
  switch (r) {
    case row_role::total: return "total";
    case row_role::department: return "department";
    case row_role::unit: return "unit";
    case row_role::line: return "line";
    case row_role::note: return "note";
  }
  return "line";
}

struct row {
  row_role role = row_role::line;
  std::vector<cell> cells;  // one per column
};

/// A disclosure table.
struct table {
  std::string id;         // "03"
  std::string name;       // "单位支出预算表"
  std::string label;      // "预算03表" (empty: the template prints none)
  std::string title;      // "2024年单位支出预算表"
  std::string unit_name;  // 单位名称: 洛阳市社会保险中心
  unit amount_unit = unit::wan_yuan;
  std::vector<column> columns;
  std::vector<row> rows;
  std::vector<std::string> notes;  // printed under the table (表注)
  std::string unit_label = "单位名称";  // 单位名称, 编制单位, 编制部门 …
  int decimals = 2;                    // of the amounts as printed
  bool thousands = false;              // text and Markdown show amounts with thousands separators

  /// "单位名称：洛阳市社会保险中心 单位：万元"
  std::string unit_line() const {
    return unit_label + "：" + unit_name + " 单位：" + std::string(yusuan::unit_name(amount_unit));
  }
  /// The cell as printed: the text, or the amount in amount_unit with the table's decimals.
  std::string text(const row& r, std::size_t col) const {
    if (col >= r.cells.size()) return {};
    const cell& c = r.cells[col];
    if (c.amount) return c.amount->format(amount_unit, decimals);
    return c.text;
  }
  /// The cell as text and Markdown show it: as text(), with thousands
  /// separators in amounts when the table has `thousands`.
  std::string shown(const row& r, std::size_t col) const {
    if (col >= r.cells.size()) return {};
    const cell& c = r.cells[col];
    if (c.amount) return c.amount->format(amount_unit, decimals, thousands);
    return c.text;
  }
  /// The flattened headers.
  std::vector<std::string> headers() const {
    std::vector<std::string> h;
    for (const auto& c : columns) h.push_back(c.header());
    return h;
  }
  /// Index of the column whose flattened header is `h`, or npos.
  std::size_t column_index(std::string_view h) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].header() == h) return i;
    return static_cast<std::size_t>(-1);
  }
};

struct table_template;  // <yusuan/tables/template.hpp>

struct options {
  /// Unit of the amounts; default: the table's, else the template's, else
  /// the budget's own (金额单位).
  std::optional<unit> amount_unit;
  /// The template of the tables; default: the one the budget names (模板),
  /// else the default template.
  const table_template* templ = nullptr;
  /// Thousands separators in text and Markdown (9,101,680.49); default: as
  /// the budget writes its amounts (budget_header::thousands).  CSV and JSON
  /// never have them.
  std::optional<bool> thousands;
};

}  // namespace yusuan::tables
