// tools/report_html.hpp -- pieces of the HTML report: escaping, unique
// element ids, a disclosure table as an HTML table, the style sheet.
#pragma once

#include <yusuan/tables/model.hpp>

#include <initializer_list>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

namespace cli::page {

/// Text escaped for HTML element content and attribute values.
std::string esc(std::string_view s);

/// The ids of a page's elements, each given once: the page's own (summary,
/// charts …) reserved first, then those made from names (a table's id).
class element_ids {
public:
  explicit element_ids(std::initializer_list<std::string_view> reserved);
  /// `wanted`, its whitespace made '_', when no element has it yet; else
  /// the first of wanted-2, wanted-3 … that none has.
  std::string take(std::string_view wanted);

private:
  std::set<std::string> used_;
};

/// A table as published, in a section of id `id`: header cells spanning the
/// columns and header rows they cover (colspan, rowspan), amounts
/// right-aligned as printed by the table (the same text as its CSV), the
/// unit line and notes.
void write_table(std::ostream& os, const yusuan::tables::table& t, std::string_view id);

/// The style sheet of the report, for screen and print.
extern const char* const style_sheet;

}  // namespace cli::page
