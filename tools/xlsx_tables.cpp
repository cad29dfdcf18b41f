// tools/xlsx_tables.cpp -- the disclosure tables as worksheets.
#include "xlsx.hpp"

#include "header_cells.hpp"

#include <yusuan/tables/model.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace cli::xlsx {

namespace {

namespace tb = yusuan::tables;

/// The table's name (单位支出预算表), from its template.
std::string name_of(const tb::table& t) { return t.name.empty() ? t.title : t.name; }

struct formats {
  lxw_format *title, *label, *unit_right, *header, *text, *number, *text_total, *number_total, *note;
  lxw_format *exact, *exact_total;  // an amount a number cell would not keep (xlsx::write_amount): its digits
  explicit formats(workbook& wb, int decimals) {
    title = wb.format();
    format_set_bold(title);
    format_set_font_size(title, 16);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
    label = wb.format();
    unit_right = wb.format();
    format_set_align(unit_right, LXW_ALIGN_RIGHT);
    header = wb.format();
    format_set_bold(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_bg_color(header, 0xEEF2F7);
    const std::string nf = number_format(decimals);
    text = wb.format();
    format_set_border(text, LXW_BORDER_THIN);
    format_set_align(text, LXW_ALIGN_VERTICAL_CENTER);
    number = wb.format();
    format_set_border(number, LXW_BORDER_THIN);
    format_set_num_format(number, nf.c_str());
    text_total = wb.format();
    format_set_border(text_total, LXW_BORDER_THIN);
    format_set_bold(text_total);
    number_total = wb.format();
    format_set_border(number_total, LXW_BORDER_THIN);
    format_set_bold(number_total);
    format_set_num_format(number_total, nf.c_str());
    note = wb.format();
    format_set_italic(note);
    exact = wb.format();
    format_set_border(exact, LXW_BORDER_THIN);
    format_set_align(exact, LXW_ALIGN_RIGHT);
    exact_total = wb.format();
    format_set_border(exact_total, LXW_BORDER_THIN);
    format_set_bold(exact_total);
    format_set_align(exact_total, LXW_ALIGN_RIGHT);
  }
};

using row_t = lxw_row_t;
using col_t = lxw_col_t;

/// The column headers as published, merged over the columns and rows they span.
void write_headers(lxw_worksheet* ws, const tb::table& t, row_t top, lxw_format* f) {
  std::size_t depth = 1;
  for (const auto& h : header_cells(t, depth)) {
    const auto r0 = top + static_cast<row_t>(h.row), r1 = r0 + static_cast<row_t>(h.rows - 1);
    const auto c0 = static_cast<col_t>(h.first_col), c1 = static_cast<col_t>(h.last_col);
    if (r0 == r1 && c0 == c1) worksheet_write_string(ws, r0, c0, h.text.c_str(), f);
    else worksheet_merge_range(ws, r0, c0, r1, c1, h.text.c_str(), f);
  }
}

}  // namespace

void write_table_sheet(workbook& wb, const tb::table& t) {
  const std::size_t n = std::max<std::size_t>(t.columns.size(), 1);
  std::size_t depth = 1;
  for (const auto& c : t.columns) depth = std::max(depth, c.path.size());
  lxw_worksheet* ws = wb.sheet(sheet_name(t.label.empty() ? t.id + " " + name_of(t) : t.label + " " + name_of(t)));
  const formats f(wb, 2);
  const col_t last = static_cast<col_t>(n - 1);

  worksheet_write_string(ws, 0, 0, t.label.c_str(), f.label);
  if (last > 0) worksheet_merge_range(ws, 1, 0, 1, last, t.title.c_str(), f.title);
  else worksheet_write_string(ws, 1, 0, t.title.c_str(), f.title);
  worksheet_set_row(ws, 1, 28, nullptr);
  const std::string unit_name = t.unit_label + "：" + t.unit_name;
  const std::string unit = "单位：" + std::string(yusuan::unit_name(t.amount_unit));
  worksheet_write_string(ws, 2, 0, unit_name.c_str(), f.label);
  worksheet_write_string(ws, 2, last, unit.c_str(), last > 0 ? f.unit_right : f.label);

  const row_t header_top = 3;
  write_headers(ws, t, header_top, f.header);
  const row_t first_data = header_top + static_cast<row_t>(depth);

  std::vector<std::size_t> width(n, 4);
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    if (!t.columns[c].path.empty()) width[c] = yusuan::text::display_width(t.columns[c].path.back());
  row_t r = first_data;
  for (const auto& row : t.rows) {
    const bool total = row.role == tb::row_role::total;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const std::string text = t.text(row, c);
      width[c] = std::max(width[c], yusuan::text::display_width(text));
      const tb::cell* cell = c < row.cells.size() ? &row.cells[c] : nullptr;
      if (cell && cell->amount)
        xlsx::write_amount(ws, r, static_cast<col_t>(c), text, total ? f.number_total : f.number,
                           total ? f.exact_total : f.exact);
      else if (!text.empty())
        worksheet_write_string(ws, r, static_cast<col_t>(c), text.c_str(), total ? f.text_total : f.text);
      else
        worksheet_write_blank(ws, r, static_cast<col_t>(c), f.text);
    }
    ++r;
  }
  for (const auto& note : t.notes) worksheet_write_string(ws, ++r, 0, note.c_str(), f.note);
  for (std::size_t c = 0; c < n; ++c)
    worksheet_set_column(ws, static_cast<col_t>(c), static_cast<col_t>(c), column_width(width[c]), nullptr);

  worksheet_freeze_panes(ws, first_data, 0);
  worksheet_set_paper(ws, 9);  // A4
  if (n > 6) worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, header_top, first_data - 1);
  worksheet_center_horizontally(ws);
  worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
  const std::string header = "&L" + header_text(t.label) + "&R" + header_text(t.unit_name);
  worksheet_set_header(ws, header.c_str());
  worksheet_set_footer(ws, "&C&P / &N");
}

void write_tables(const std::string& path, const std::vector<tb::table>& tables) {
  workbook wb(path);
  if (!tables.empty()) wb.set_title(tables.front().unit_name + " 单位预算公开表");
  for (const auto& t : tables) write_table_sheet(wb, t);
  wb.close();
}

void write_to(const std::string& output, const std::function<void(const std::string&)>& write) {
  cli::output out(output);
  if (out.replaces_file()) {  // a temporary file moved into place when complete (io.hpp)
    write(out.file());
    out.finish();
    return;
  }
  if (out.is_stdout() && isatty(1))
    throw usage_error{"an .xlsx workbook is binary: name a file with -o FILE, or redirect the output"};
  // standard output, a pipe or a device: libxlsxwriter seeks in the file it
  // writes, so the workbook is written to a temporary file, then copied
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "yusuan-XXXXXX").string();
  temporary_guard guard;
  {
    const signals_held hold;  // made and registered before a signal can find it
    const int fd = mkstemp(tmpl.data());
    if (fd < 0) throw io_error{"cannot create a temporary file in " + fs::temp_directory_path().string()};
    close(fd);
    guard = temporary_guard(tmpl, false);
  }
  struct remove_on_exit {
    std::string p;
    ~remove_on_exit() { std::remove(p.c_str()); }
  } cleanup{tmpl};
  write(tmpl);
  std::ifstream in(tmpl, std::ios::binary);
  out.stream() << in.rdbuf();
  if (!in) throw io_error{"cannot read the temporary file " + tmpl};
  out.finish();
}

}  // namespace cli::xlsx
