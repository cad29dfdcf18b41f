// tools/report_html.hpp -- pieces of the HTML report: escaping, a disclosure
// table as an HTML table, the style sheet.
#pragma once

#include <yusuan/tables/model.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace cli::page {

/// Text escaped for HTML element content and attribute values.
std::string esc(std::string_view s);

/// A table as published: header cells spanning the columns and header rows
/// they cover (colspan, rowspan), amounts right-aligned as printed by the
/// table (the same text as its CSV), the unit line and notes.
void write_table(std::ostream& os, const yusuan::tables::table& t);

/// The style sheet of the report, for screen and print.
extern const char* const style_sheet;

}  // namespace cli::page
