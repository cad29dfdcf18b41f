// tools/xlsx.hpp -- writing .xlsx workbooks with libxlsxwriter: a workbook
// that closes itself, cell formats, column widths for CJK text.
#pragma once

#include "io.hpp"

#include <yusuan/tables/model.hpp>
#include <yusuan/text/width.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cli::xlsx {

/// Text for the parts of a workbook libxlsxwriter writes as they are (the
/// document's properties, page headers, sheet names; cells it escapes itself):
/// XML 1.0 holds no control character but tab and line breaks, nor U+FFFE
/// and U+FFFF, so each becomes a space.
inline std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += ' ';
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      out += ' ';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// Text for a page header or footer: XML text in which & (which starts a
/// code there: &P, &L …) is itself.
inline std::string header_text(std::string_view s) {
  std::string out;
  for (char c : xml_text(s)) out += c == '&' ? std::string("&&") : std::string(1, c);
  return out;
}

inline std::string sheet_name(std::string_view name, std::size_t most);

/// A workbook being written to a file; close() writes it.
class workbook {
public:
  explicit workbook(const std::string& path) : path_(path), wb_(workbook_new(path.c_str())) {
    if (!wb_) throw io_error{"cannot write '" + path + "'"};
  }
  workbook(const workbook&) = delete;
  workbook& operator=(const workbook&) = delete;
  ~workbook() {
    if (wb_) workbook_close(wb_);
  }
  lxw_workbook* get() const { return wb_; }
  lxw_format* format() { return workbook_add_format(wb_); }
  /// Adds a worksheet named `name` (a sheet_name()), or, when a sheet has
  /// that name already (Excel compares names without case), the name cut to
  /// make room for " (2)", " (3)" …
  lxw_worksheet* sheet(const std::string& name) {
    std::string unique = name;
    for (int n = 2; !names_.insert(folded(unique)).second; ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      unique = sheet_name(name, 31 - suffix.size()) + suffix;
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb_, xml_text(unique).c_str());
    if (!ws) throw io_error{"cannot add the worksheet '" + unique + "' to the workbook"};
    return ws;
  }
  void set_title(const std::string& title) {
    props_title_ = xml_text(title);
    props_comments_ = "yusuan";
    lxw_doc_properties p{};
    p.title = props_title_.data();
    p.comments = props_comments_.data();
    workbook_set_properties(wb_, &p);
  }
  /// Writes the file; throws io_error when it cannot be written.
  void close() {
    const lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) throw io_error{"cannot write '" + path_ + "': " + lxw_strerror(e)};
  }

private:
  static std::string folded(std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  }
  std::string path_;
  std::string props_title_, props_comments_;
  std::set<std::string> names_;  // the sheets' names, folded
  lxw_workbook* wb_;
};

/// The most rows a worksheet holds (Excel's limit, the header's included).
inline constexpr std::size_t max_rows = 1048576;

/// Whether a decimal number written as `text` (a sign, digits, a point) is
/// kept exactly by a number cell: a spreadsheet's number is a double, which
/// keeps 15 significant digits.  123,456,789,012,345.67 元 is not: it would
/// read back as 123456789012345.7.
inline bool fits_a_number_cell(std::string_view text) {
  std::size_t digits = 0;
  bool leading = true;
  for (const char c : text) {
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits <= 15;
}

/// Writes an amount written as `text`: a number cell, or, when a number
/// cell would not keep it exactly (fits_a_number_cell), a text cell of its
/// digits, right-aligned as numbers are (`as_text`, a copy of the number's
/// format with text alignment).
inline void write_amount(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* number,
                         lxw_format* as_text) {
  if (fits_a_number_cell(text)) worksheet_write_number(ws, r, c, std::strtod(text.c_str(), nullptr), number);
  else worksheet_write_string(ws, r, c, text.c_str(), as_text);
}

/// The Excel number format of amounts with `decimals` decimals: #,##0.00.
inline std::string number_format(int decimals) {
  return decimals > 0 ? "#,##0." + std::string(static_cast<std::size_t>(decimals), '0') : "#,##0";
}

/// A column width (in Excel's character units) that fits text of display
/// width `w` (CJK characters count two), within bounds.
inline double column_width(std::size_t w) { return std::clamp(static_cast<double>(w) * 1.1 + 2.0, 6.0, 60.0); }

/// A worksheet name from `name`: at most `most` characters (Excel's limit
/// is 31), none of []:*?/\, no apostrophe first or last.
inline std::string sheet_name(std::string_view name, std::size_t most) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < most;) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string ch(name.substr(i, n));
    out += ch.find_first_of("[]:*?/\\") == std::string::npos ? ch : std::string("_");
    i += n;
    ++chars;
  }
  // nor begin or end with an apostrophe (Excel quotes names with it)
  if (!out.empty() && out.front() == '\'') out.front() = '_';
  if (!out.empty() && out.back() == '\'') out.back() = '_';
  return out;
}
inline std::string sheet_name(std::string_view name) { return sheet_name(name, 31); }

/// Writes a workbook to `output` (a file, as cli::output writes one: put in
/// place when complete; or standard output for "" or "-", through a temporary
/// file, never to a terminal): `write` is called with the path to write.
void write_to(const std::string& output, const std::function<void(const std::string&)>& write);

/// Writes a table as a worksheet of `wb`: title, unit line, the column headers
/// merged as published, amounts as numbers, frozen headers, print setup.
void write_table_sheet(workbook& wb, const yusuan::tables::table& t);

/// Writes tables as one workbook, a sheet per table, to `path`.
void write_tables(const std::string& path, const std::vector<yusuan::tables::table>& tables);

}  // namespace cli::xlsx
