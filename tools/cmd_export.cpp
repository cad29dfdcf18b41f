// yusuan export -- every item with all its coordinates as typed data: a
// Tabular Data Package (items.csv and datapackage.json), a CSV file or an
// .xlsx workbook.
#include "args.hpp"
#include "check_many.hpp"
#include "cli.hpp"
#include "export_fields.hpp"
#include "io.hpp"
#include "xlsx.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/text/escape.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

namespace cli {

const char* const export_help = R"(Usage: yusuan export [options] FILE

Writes every expenditure item of the budget with all its coordinates, one row
per item: codes as text (2080109, never a number), the amount in 元 as an exact
decimal (amount) and as a whole number of 分 (amount_fen).

  yusuan export FILE --to DIR          DIR/items.csv and DIR/datapackage.json, a
                                       Frictionless Tabular Data Package whose
                                       schema types every column (the fiscal
                                       data: period, currency, classifications,
                                       under the key "fiscal"); DIR is created
  yusuan export FILE                   the CSV alone, on standard output (or -o)
  yusuan export FILE --format xlsx -o items.xlsx
                                       an Excel workbook of the same rows

  yusuan export DIR|@LIST|FILE... --to OUT
                                       many budgets (a region: a directory's
                                       *.budget files but department.budget,
                                       or a list file) as one dataset, hive-
                                       partitioned: OUT/year=YYYY/department=
                                       CODE/UNIT.csv and OUT/datapackage.json

FILE - reads the budget from standard input.

Options:
  --to DIR                    write a data package into DIR
  --format csv|xlsx           the items as CSV (default) or as an .xlsx workbook
  -j, --jobs N                many budgets: N at a time (default: the cores)
  --bom                       start the CSV with a UTF-8 byte order mark (for
                              Excel; the descriptor's encoding says utf-8-sig)
  -o FILE                     write the CSV or the workbook to FILE
  --color auto|always|never   colour the diagnostics (default auto)
  -h, --help                  show this help

Exit codes: 0 success, 1 an error in the budget, 2 usage or I/O errors.
)";

namespace {

namespace ex = exporting;

void write_csv_header(std::ostream& os) {
  for (std::size_t i = 0; i < ex::fields.size(); ++i) os << (i ? "," : "") << ex::fields[i].name;
  os << "\n";
}

/// Writes the items as CSV, one row at a time.
void write_items_csv(std::ostream& os, const yusuan::budget& b, bool bom) {
  if (bom) os << "\xEF\xBB\xBF";
  write_csv_header(os);
  for (std::size_t i = 0; i < b.items().size(); ++i) {
    const auto row = ex::item_row(b, i);
    for (std::size_t c = 0; c < row.size(); ++c) os << (c ? "," : "") << yusuan::text::csv_field(row[c]);
    os << "\n";
  }
}

/// The items as one worksheet: a bold frozen header row with a filter, codes
/// as text, amounts as numbers.
void write_items_xlsx(const std::string& path, const yusuan::budget& b) {
  xlsx::workbook wb(path);
  wb.set_title(b.header().title);
  lxw_worksheet* ws = wb.sheet("items");
  lxw_format* head = wb.format();
  format_set_bold(head);
  format_set_bg_color(head, 0xEEF2F7);
  lxw_format* money_format = wb.format();
  format_set_num_format(money_format, xlsx::number_format(2).c_str());
  lxw_format* whole = wb.format();
  format_set_num_format(whole, "0");
  lxw_format* right = wb.format();  // an amount past what a number cell keeps, as its exact digits
  format_set_align(right, LXW_ALIGN_RIGHT);
  std::vector<std::size_t> width(ex::fields.size());
  for (std::size_t c = 0; c < ex::fields.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), std::string(ex::fields[c].name).c_str(), head);
    width[c] = ex::fields[c].name.size();
  }
  for (std::size_t i = 0; i < b.items().size(); ++i) {
    const auto row = ex::item_row(b, i);
    const auto r = static_cast<lxw_row_t>(i + 1);
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      width[c] = std::max(width[c], yusuan::text::display_width(row[c]));
      if (row[c].empty()) continue;
      if (ex::fields[c].type == ex::field_type::string) worksheet_write_string(ws, r, col, row[c].c_str(), nullptr);
      else
        xlsx::write_amount(ws, r, col, row[c], ex::fields[c].type == ex::field_type::number ? money_format : whole, right);
    }
  }
  for (std::size_t c = 0; c < width.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), xlsx::column_width(width[c]), nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(b.items().size()), static_cast<lxw_col_t>(ex::fields.size() - 1));
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
  wb.close();
}

void write_package(const std::string& dir, const yusuan::budget& b, bool bom) {
  namespace fs = std::filesystem;
  output_folder folder(dir);  // removed again, if it made it, unless the export completes
  const fs::path csv_path = fs::path(dir) / "items.csv", json_path = fs::path(dir) / "datapackage.json";
  // both are checked before either is written: when one would replace an
  // input (the budget has been read, imports and all), neither is
  const input_files read(files_read());
  for (const auto& p : {csv_path, json_path})
    if (const auto n = read.at(p.string()))
      throw usage_error{"--to " + dir + " would replace the input '" + *n + "' with " + p.filename().string() +
                        ": nothing written (export elsewhere)"};
  output csv(csv_path.string()), js(json_path.string());
  write_items_csv(csv.stream(), b, bom);
  csv.stream().flush();
  const auto bytes = csv.stream().tellp();
  ex::write_descriptor(js.stream(), b, "items.csv", bytes < 0 ? 0 : static_cast<std::uintmax_t>(bytes), bom);
  csv.finish();
  js.finish();
  folder.keep();
  std::cerr << "wrote " << b.items().size() << " items to " << csv_path.string() << " and " << json_path.string() << "\n";
}

}  // namespace

int run_export(const std::vector<std::string>& args) {
  std::string dir, format = "csv";
  bool bom = false;
  unsigned jobs = 0;
  common_flags common;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << export_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--to")) {
      dir = option_value(args, i, "--to");
      if (dir.empty()) throw usage_error{"--to needs a directory"};
      watch_output(dir);
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"csv", "xlsx"});
    } else if (a == "-j" || is_option(a, "--jobs") || (a.size() > 2 && a.rfind("-j", 0) == 0)) {
      jobs = jobs_option(args, i);
    } else if (a == "--bom") {
      bom = true;
    } else if (looks_like_option(a)) {
      unknown_option("export", a, with_common({"--to", "--format", "--bom", "--jobs", "-j"}));
    } else {
      positional.push_back(a);
    }
  }
  // one budget file is one data package, whatever -j says
  if (positional.size() > 1 || (!positional.empty() && names_many_budgets(positional))) {
    if (dir.empty()) throw usage_error{"export of many budgets needs --to DIR"};
    if (!common.output.empty()) throw usage_error{"export takes --to DIR or -o FILE, not both"};
    if (format != "csv") throw usage_error{"export of many budgets writes CSV files"};
    return run_export_region(positional, dir, jobs, bom, use_color(common.color));
  }
  if (positional.size() != 1) throw usage_error{"export needs one budget file (see yusuan export --help)"};
  if (!dir.empty() && !common.output.empty()) throw usage_error{"export takes --to DIR or -o FILE, not both"};
  if (!dir.empty() && format == "xlsx") throw usage_error{"--to writes a CSV data package; use -o FILE for xlsx"};
  if (bom && format == "xlsx") throw usage_error{"--bom is for CSV"};
  std::optional<yusuan::budget> loaded;
  if (int rc = load_budget(positional[0], loaded, {false, use_color(common.color)}); rc != exit_ok) return rc;
  const yusuan::budget& b = *loaded;

  if (!dir.empty()) {
    write_package(dir, b, bom);
  } else if (format == "xlsx") {
    if (b.items().size() + 1 > xlsx::max_rows)  // libxlsxwriter drops the rows past it, and says nothing
      throw usage_error{"the budget's " + std::to_string(b.items().size()) + " items do not fit a worksheet (at most " +
                        std::to_string(xlsx::max_rows - 1) + " rows of items): export them as CSV"};
    xlsx::write_to(common.output, [&](const std::string& path) { write_items_xlsx(path, b); });
  } else {
    output out(common.output);
    write_items_csv(out.stream(), b, bom);
    out.finish();
  }
  return exit_ok;
}

}  // namespace cli
