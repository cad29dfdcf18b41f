// `yusuan table FILE all --format xlsx` and `yusuan export --format xlsx`:
// the workbook is read back (unzip and the XML of its parts) and every cell
// of every sheet is compared with the CSV of the same table.
#include "support/test_support.hpp"
#include "support/xlsx_reader.hpp"

#include <yusuan/tables.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

using namespace yusuan_test;
namespace xr = yusuan_test::xlsx;

namespace {

const std::string ref_arg = quote(reference_path);

/// A number cell as the tables print it: two decimals.
std::string two_decimals(const std::string& v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", std::stod(v));
  return buf;
}

/// The flattened header of column `col` from the header rows [top, bottom):
/// the levels top-down, a level merged over several rows counted once.
std::string header_of(const xr::sheet& s, int top, int bottom, int col) {
  std::string h;
  const xr::range* last = nullptr;
  for (int r = top; r < bottom; ++r) {
    const xr::range* m = xr::merge_at(s, r, col);
    if (m && m == last) continue;
    last = m;
    const std::string v = xr::value_at(s, r, col);
    if (v.empty()) continue;
    h += (h.empty() ? "" : "/") + v;
  }
  return h;
}

}  // namespace

TEST(xlsx_cli, every_table_is_a_sheet_equal_to_its_csv) {
  temp_dir t;
  const auto book = t.path() / "budget.xlsx";
  const auto r = run_cli("table " + ref_arg + " all --format xlsx -o " + quote(book));
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto wb = xr::read(book.string());
  ASSERT_EQ(wb.sheets.size(), 13u);
  EXPECT_EQ(wb.sheets[0].name, "预算01表 单位收支预算表");
  EXPECT_EQ(wb.sheets[7].name, "预算08表 一般公共预算“三公”经费预算表");
  EXPECT_NE(wb.styles_xml.find("formatCode=\"#,##0.00\""), std::string::npos) << "amounts carry a number format";
  EXPECT_NE(wb.workbook_xml.find("_xlnm.Print_Titles"), std::string::npos) << "header rows repeat on every page";

  std::size_t numbers = 0, merged = 0;
  for (int n = 1; n <= 13; ++n) {
    const std::string id = (n < 10 ? "0" : "") + std::to_string(n);
    const auto& s = wb.sheets[static_cast<std::size_t>(n - 1)];
    SCOPED_TRACE(s.name);
    const auto csv_run = run_cli("table " + ref_arg + " " + id + " --format csv");
    ASSERT_EQ(csv_run.exit, 0) << csv_run.err;
    const auto csv = xr::parse_csv(csv_run.out);
    ASSERT_FALSE(csv.empty());
    const auto json = run_cli("table " + ref_arg + " " + id + " --format json");
    EXPECT_NE(json.out.find("\"title\": \"" + xr::value_at(s, 1, 0) + "\""), std::string::npos) << "title in row 2";

    // Header rows: from row 4 down to the frozen rows.
    ASSERT_GT(s.frozen_rows, 3);
    const int cols = static_cast<int>(csv[0].size());
    for (int c = 0; c < cols; ++c) EXPECT_EQ(header_of(s, 3, s.frozen_rows, c), csv[0][static_cast<std::size_t>(c)]) << "column " << c;
    for (const auto& m : s.merges) merged += m.r0 >= 3 ? 1 : 0;

    // Data rows: every cell, numbers as numbers.
    for (std::size_t i = 1; i < csv.size(); ++i) {
      const int row = s.frozen_rows + static_cast<int>(i) - 1;
      for (int c = 0; c < cols; ++c) {
        const auto it = s.cells.find({row, c});
        const std::string want = csv[i][static_cast<std::size_t>(c)];
        if (it == s.cells.end() || it->second.value.empty()) {
          EXPECT_EQ(want, "") << "row " << i << " column " << c;
          continue;
        }
        if (it->second.number) {
          ++numbers;
          EXPECT_EQ(two_decimals(it->second.value), want) << "row " << i << " column " << c;
        } else {
          EXPECT_EQ(it->second.value, want) << "row " << i << " column " << c;
        }
      }
    }
    // Nothing but notes after the rows.
    for (const auto& [pos, cell] : s.cells)
      if (pos.first >= s.frozen_rows + static_cast<int>(csv.size()) - 1 && !cell.value.empty()) {
        EXPECT_EQ(pos.second, 0);
      }
    EXPECT_NE(s.xml.find("paperSize=\"9\""), std::string::npos) << "A4";
    EXPECT_NE(s.xml.find("fitToPage=\"1\""), std::string::npos) << "fitted to the page width";
  }
  EXPECT_GT(numbers, 100u) << "amounts are written as numbers, not text";
  EXPECT_GT(merged, 10u) << "multi-level headers are merged cells";
}

TEST(xlsx_cli, one_table_and_standard_output) {
  temp_dir t;
  const auto book = t.path() / "t08.xlsx";
  const auto r = run_cli("table " + ref_arg + " 08 --format xlsx");  // standard output: not a terminal here
  ASSERT_EQ(r.exit, 0) << r.err;
  t.write("t08.xlsx", r.out);
  const auto wb = xr::read(book.string());
  ASSERT_EQ(wb.sheets.size(), 1u);
  const auto& s = wb.sheets[0];
  // 公务用车购置及运行费 spans its three columns above 小计, 购置费, 运行费.
  const xr::range* m = xr::merge_at(s, 3, 2);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->c0, 2);
  EXPECT_EQ(m->c1, 4);
  EXPECT_EQ(xr::value_at(s, 3, 2), "公务用车购置及运行费");
  // “三公”经费合计 spans both header rows.
  const xr::range* v = xr::merge_at(s, 3, 0);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->r1, 4);
  const auto total = s.cells.find({5, 0});
  ASSERT_NE(total, s.cells.end());
  EXPECT_TRUE(total->second.number);
  EXPECT_EQ(std::stod(total->second.value), 9.2) << "the double nearest 9.20";
}

TEST(xlsx_cli, a_workbook_written_to_a_pipe_is_whole) {
  // a FIFO cannot be sought in, as libxlsxwriter does in the file it writes:
  // the workbook is made in a temporary file, then copied into the pipe
  temp_dir t;
  const auto pipe = t.path() / "pipe";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  std::string bytes;
  std::thread reader([&] {
    std::ifstream in(pipe, std::ios::binary);  // opens once the program opens the pipe to write
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  const auto r = run_cli("table " + ref_arg + " 08 --format xlsx -o " + quote(pipe));
  if (r.exit != 0) std::ofstream(pipe, std::ios::binary).flush();  // let the reader finish
  reader.join();
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto book = t.write("from-pipe.xlsx", bytes);
  const auto wb = xr::read(book.string());
  ASSERT_EQ(wb.sheets.size(), 1u);
  EXPECT_EQ(xr::value_at(wb.sheets[0], 3, 2), "公务用车购置及运行费");
  EXPECT_TRUE(fs::is_fifo(pipe)) << "the pipe is written, not replaced";
}

TEST(xlsx_cli, sheet_names_alike_once_cut_to_31_characters_are_made_unique) {
  temp_dir t;
  t.write("a.budget", "年度 2024\n金额单位 元\n208 01 09 30101: 1.00\n");
  const std::string long_name = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二";
  t.write("same.template", "模板 同名\n标签 \"同\"\n"
                           "表 A \"" + long_name + "甲\" {\n  列 \"金额\" = 合计\n  合计\n}\n"
                           "表 B \"" + long_name + "乙\" {\n  列 \"金额\" = 合计\n  合计\n}\n"
                           "表 C \"" + long_name + "丙\" {\n  列 \"金额\" = 合计\n  合计\n}\n");
  const auto r = run_cli_in(t.path(), "table a.budget all --template same.template --format xlsx -o book.xlsx");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto wb = xr::read((t.path() / "book.xlsx").string());
  ASSERT_EQ(wb.sheets.size(), 3u);
  EXPECT_EQ(wb.sheets[0].name, "同 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九");
  EXPECT_EQ(wb.sheets[1].name, "同 一二三四五六七八九十一二三四五六七八九十一二三四五 (2)");
  EXPECT_EQ(wb.sheets[2].name, "同 一二三四五六七八九十一二三四五六七八九十一二三四五 (3)");
  // nor may a name begin or end with an apostrophe
  t.write("quote.template", "模板 引号\n表 A \"'甲'\" {\n  列 \"金额\" = 合计\n  合计\n}\n");
  const auto q = run_cli_in(t.path(), "table a.budget all --template quote.template --format xlsx -o q.xlsx");
  ASSERT_EQ(q.exit, 0) << q.err;
  EXPECT_EQ(q.err, "");
  EXPECT_EQ(xr::read((t.path() / "q.xlsx").string()).sheets.at(0).name, "A '甲_");
}

TEST(xlsx_cli, export_writes_the_items) {
  temp_dir t;
  const auto book = t.path() / "items.xlsx";
  const auto r = run_cli("export " + ref_arg + " --format xlsx -o " + quote(book));
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto csv_run = run_cli("export " + ref_arg);
  ASSERT_EQ(csv_run.exit, 0) << csv_run.err;
  const auto csv = xr::parse_csv(csv_run.out);
  const auto wb = xr::read(book.string());
  ASSERT_EQ(wb.sheets.size(), 1u);
  const auto& s = wb.sheets[0];
  EXPECT_EQ(s.frozen_rows, 1);
  ASSERT_EQ(csv.size(), 43u);
  for (std::size_t i = 0; i < csv.size(); ++i)
    for (std::size_t c = 0; c < csv[i].size(); ++c) {
      const auto it = s.cells.find({static_cast<int>(i), static_cast<int>(c)});
      const std::string got = it == s.cells.end() ? std::string() : it->second.value;
      if (csv[0][c] == "amount" && i > 0) EXPECT_EQ(two_decimals(got), csv[i][c]) << i;
      else EXPECT_EQ(got, csv[i][c]) << "row " << i << " " << csv[0][c];
      if (i > 0 && (csv[0][c] == "function_code" || csv[0][c] == "econ_code") && it != s.cells.end()) {
        EXPECT_FALSE(it->second.number) << "codes are text";
      }
    }
}

TEST(xlsx_cli, binary_output_needs_a_file_on_a_terminal_and_a_writable_path) {
  const auto r = run_cli("table " + ref_arg + " 01 --format xlsx -o /nonexistent-dir/x.xlsx");
  EXPECT_EQ(r.exit, 2);
  EXPECT_NE(r.err.find("cannot write '/nonexistent-dir/x.xlsx'"), std::string::npos) << r.err;
}

TEST(xlsx_cli, control_characters_in_strings_keep_every_part_well_formed) {
  temp_dir t;
  // accepted by check: control characters in the title, the unit's name, a project's name, a tag's value
  t.write("a.budget",
          "标题 \"a\x01b\"\n金额单位 元\n单位 001 \"u\x02v&P\" 类型 行政\n项目 \"p\x03q\" 类型 其他运转类 {\n"
          "  208 01 09 30201: 1.00\n}\n208 01 09 30101: 1.00 基本支出 备注=\"x\x04y\"\n");
  ASSERT_EQ(run_cli("check " + quote(t.path() / "a.budget")).exit, 0);
  const std::string script = t.write("well_formed.py",
                                     "import sys, zipfile, xml.dom.minidom\n"
                                     "z = zipfile.ZipFile(sys.argv[1])\n"
                                     "for n in z.namelist():\n"
                                     "  try: xml.dom.minidom.parseString(z.read(n))\n"
                                     "  except Exception as e: print(n, e)\n").string();
  for (const std::string& command :
       {"table " + quote(t.path() / "a.budget") + " all", "export " + quote(t.path() / "a.budget")}) {
    const fs::path book = t.path() / "book.xlsx";
    const auto r = run_cli(command + " --format xlsx -o " + quote(book));
    ASSERT_EQ(r.exit, 0) << command << r.err;
    FILE* p = ::popen(("python3 " + quote(script) + " " + quote(book) + " 2>&1; echo exit $?").c_str(), "r");
    ASSERT_NE(p, nullptr);
    std::string printed;
    for (char buf[256]; std::fgets(buf, sizeof buf, p);) printed += buf;
    ::pclose(p);
    EXPECT_EQ(printed, "exit 0\n") << command << ": parts that are not XML";
    EXPECT_HAS(xr::unzip(book.string(), "docProps/core.xml"), "<dc:title>");
  }
  // a page header holds the unit's name, its & not taken for a code (&P: the page number)
  const fs::path tables = t.path() / "tables.xlsx";
  ASSERT_EQ(run_cli("table " + quote(t.path() / "a.budget") + " 01 --format xlsx -o " + quote(tables)).exit, 0);
  EXPECT_HAS(xr::unzip(tables.string(), "xl/worksheets/sheet1.xml"), "&amp;Ru v&amp;&amp;P</oddHeader>");
}

TEST(xlsx_cli, an_amount_a_number_cell_would_not_keep_is_written_as_its_digits) {
  // 123,456,789,012,345.67 元 read back as 123456789012345.7 (a double keeps 15 significant digits)
  temp_dir t;
  t.write("big.budget", "年度 2024\n208 01 09 基本支出 30101: 123,456,789,012,345.67\n208 01 09 基本支出 30201: 1.25\n");
  const auto book = t.path() / "items.xlsx";
  const auto r = run_cli("export " + quote(t.path() / "big.budget") + " --format xlsx -o " + quote(book));
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto csv = xr::parse_csv(run_cli("export " + quote(t.path() / "big.budget")).out);
  const auto wb = xr::read(book.string());
  ASSERT_EQ(wb.sheets.size(), 1u);
  const auto& s = wb.sheets[0];
  int amount = -1, fen = -1;
  for (std::size_t c = 0; c < csv[0].size(); ++c) {
    if (csv[0][c] == "amount") amount = static_cast<int>(c);
    if (csv[0][c] == "amount_fen") fen = static_cast<int>(c);
  }
  ASSERT_GE(amount, 0);
  ASSERT_GE(fen, 0);
  const auto at = [&](int row, int col) { return s.cells.at({row, col}); };
  EXPECT_EQ(at(1, amount).value, "123456789012345.67");
  EXPECT_FALSE(at(1, amount).number);
  EXPECT_EQ(at(1, fen).value, "12345678901234567");
  EXPECT_FALSE(at(1, fen).number);
  EXPECT_EQ(at(2, amount).value, "1.25");  // within 15 digits: a number
  EXPECT_TRUE(at(2, amount).number);
  // the tables alike
  const auto tables = t.path() / "t.xlsx";
  ASSERT_EQ(run_cli("table " + quote(t.path() / "big.budget") + " 01 --unit 元 --format xlsx -o " + quote(tables)).exit, 0);
  bool exact = false;
  const auto tb = xr::read(tables.string());
  ASSERT_FALSE(tb.sheets.empty());
  for (const auto& [pos, c] : tb.sheets[0].cells)
    if (c.value == "123456789012346.92" || c.value == "123456789012345.67") exact = exact || !c.number;
  EXPECT_TRUE(exact);
}
