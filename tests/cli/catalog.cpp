// `yusuan catalog KIND`: the catalogs as aligned text, CSV and JSON, --year,
// and the errors of its arguments.
#include "support/test_support.hpp"

#include <yusuan/catalog.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>

using namespace yusuan_test;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

/// Display column at which `needle` starts on `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
  const auto p = line.find(needle);
  EXPECT_NE(p, std::string::npos) << needle << " not in " << line;
  return p == std::string::npos ? 0 : yusuan::text::display_width(std::string_view(line).substr(0, p));
}

/// The rest of `line` from display column `col`.
std::string from_column(const std::string& line, std::size_t col) {
  std::size_t i = 0, w = 0;
  while (i < line.size() && w < col) w += static_cast<std::size_t>(yusuan::text::width(yusuan::text::decode(line, i)));
  return line.substr(i);
}

const yusuan::catalog& latest() { return yusuan::catalog::editions().back(); }

}  // namespace

TEST(catalog_cli, help) {
  const auto r = run_cli("catalog --help");
  EXPECT_EQ(r.exit, 0);
  EXPECT_NE(r.out.find("Usage: yusuan catalog KIND [options]"), std::string::npos);
  EXPECT_TRUE(r.err.empty());
}

TEST(catalog_cli, function_text_is_aligned) {
  const auto r = run_cli("catalog function");
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), latest().entries(yusuan::code_family::function).size() + 1);
  EXPECT_EQ(lines[0].rfind("code", 0), 0u);
  EXPECT_EQ(lines[1].rfind("201 ", 0), 0u);
  // Every row's flags start at the column of the header's "flags", names indented by level.
  const auto flags_col = column_of(lines[0], "flags");
  const auto name_col = column_of(lines[0], "name");
  for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(column_of(lines[i], "["), flags_col) << lines[i];
  EXPECT_EQ(column_of(lines[1], "一般公共服务支出"), name_col);
  EXPECT_EQ(column_of(lines[2], "人大事务"), name_col + 2);
  bool found = false;
  for (const auto& l : lines)
    if (l.rfind("205 01 01 ", 0) == 0) {
      found = true;
      EXPECT_EQ(column_of(l, "行政运行"), name_col + 4);
    }
  EXPECT_TRUE(found);
  // 款 205 01 lists every 项.
  std::size_t kuan = 0;
  for (const auto& l : lines)
    if (l.rfind("205 01 ", 0) == 0 && l.find("款") != std::string::npos) {
      ++kuan;
      EXPECT_NE(l.find("complete"), std::string::npos) << l;
    }
  EXPECT_EQ(kuan, 1u);
}

TEST(catalog_cli, econ_and_gov_econ_text) {
  for (const auto& [kind, family, first] :
       {std::tuple{"econ", yusuan::code_family::econ, "301"}, std::tuple{"gov-econ", yusuan::code_family::gov_econ, "501"}}) {
    const auto r = run_cli(std::string("catalog ") + kind + " --format text");
    ASSERT_EQ(r.exit, 0) << kind << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), latest().entries(family).size() + 1) << kind;
    EXPECT_EQ(lines[1].rfind(first, 0), 0u) << kind;
    const auto flags_col = column_of(lines[0], "flags");
    for (std::size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(column_of(lines[i], "["), flags_col) << lines[i];
  }
}

TEST(catalog_cli, mapping_text) {
  const auto r = run_cli("catalog mapping");
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), latest().mapping().size() + 1);
  EXPECT_EQ(lines[1].rfind("30101  基本工资", 0), 0u) << lines[1];
  const auto gov_col = column_of(lines[0], "政府");
  const auto units_col = column_of(lines[0], "unit types");
  const auto flags_col = column_of(lines[0], "flags");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(from_column(lines[i], gov_col).substr(0, 1), "5") << lines[i];
    const auto units = from_column(lines[i], units_col);
    EXPECT_TRUE(units.rfind("行政", 0) == 0 || units.rfind("事业", 0) == 0) << lines[i];
    EXPECT_EQ(from_column(lines[i], flags_col).substr(0, 1), "[") << lines[i];
  }
}

TEST(catalog_cli, csv_of_every_kind) {
  struct expect_csv {
    const char* kind;
    std::size_t rows;
    const char* header;
    const char* row;
  };
  const expect_csv cases[] = {
      {"function", latest().entries(yusuan::code_family::function).size(), "code,level,name,flags,complete",
       "201,1,一般公共服务支出,[R][T],false"},
      {"econ", latest().entries(yusuan::code_family::econ).size(), "code,level,name,flags,complete",
       "301,1,工资福利支出,[R][T],true"},
      {"gov-econ", latest().entries(yusuan::code_family::gov_econ).size(), "code,level,name,flags,complete",
       "50101,2,工资奖金津补贴,[P],false"},
      {"mapping", latest().mapping().size(), "dept_code,dept_name,gov_code,gov_name,unit_types,flags",
       "30101,基本工资,50101,工资奖金津补贴,\"行政,参公\",[P]"},
  };
  for (const auto& c : cases) {
    const auto r = run_cli(std::string("catalog ") + c.kind + " --format csv");
    ASSERT_EQ(r.exit, 0) << c.kind << r.err;
    ASSERT_GE(r.out.size(), 2u);
    EXPECT_EQ(r.out.substr(r.out.size() - 2), "\r\n") << c.kind;  // RFC 4180 line breaks
    const auto lines = lines_of(r.out, "\r\n");
    ASSERT_EQ(lines.size(), c.rows + 1) << c.kind;
    EXPECT_EQ(lines[0], c.header);
    EXPECT_NE(std::find(lines.begin(), lines.end(), c.row), lines.end()) << c.kind << ": no row " << c.row;
  }
  // A field with a comma is quoted; one with none is not.
  const auto r = run_cli("catalog mapping --format=csv");
  EXPECT_NE(r.out.find("\r\n30301,离休费,50905,离退休费,\"行政,参公,事业\",[K][?]\r\n"), std::string::npos);
}

TEST(catalog_cli, json_of_every_kind) {
  struct expect_json {
    const char* kind;
    std::size_t rows;
    const char* object;
  };
  const expect_json cases[] = {
      {"function", latest().entries(yusuan::code_family::function).size(),
       R"({"code": "20501", "level": 2, "name": "教育管理事务", "flags": "[K]", "complete": true})"},
      {"econ", latest().entries(yusuan::code_family::econ).size(),
       R"({"code": "30101", "level": 2, "name": "基本工资", "flags": "[R][T]", "complete": false})"},
      {"gov-econ", latest().entries(yusuan::code_family::gov_econ).size(),
       R"({"code": "503", "level": 1, "name": "机关资本性支出（一）", "flags": "[K]", "complete": false})"},
      {"mapping", latest().mapping().size(),
       R"({"dept_code": "30101", "dept_name": "基本工资", "gov_code": "50501", "gov_name": "工资福利支出", "unit_types": ["事业"], "flags": "[K]"})"},
  };
  for (const auto& c : cases) {
    const auto r = run_cli(std::string("catalog ") + c.kind + " --format json");
    ASSERT_EQ(r.exit, 0) << c.kind << r.err;
    EXPECT_EQ(r.out.rfind("[\n  {", 0), 0u) << c.kind;
    ASSERT_GE(r.out.size(), 4u);
    EXPECT_EQ(r.out.substr(r.out.size() - 4), "}\n]\n") << c.kind;
    EXPECT_EQ(count(r.out, "\n  {"), c.rows) << c.kind;
    EXPECT_NE(r.out.find(c.object), std::string::npos) << c.kind << ": no object " << c.object;
  }
}

TEST(catalog_cli, year_selects_names_and_notes_the_edition) {
  const auto y2018 = run_cli("catalog function --year 2018 --format csv");
  ASSERT_EQ(y2018.exit, 0) << y2018.err;
  EXPECT_NE(y2018.out.find("\r\n210,1,医疗卫生与计划生育支出,"), std::string::npos);
  EXPECT_EQ(y2018.err, "yusuan: note: the catalog has no 2018 edition; using the 2024 edition (names as of 2018)\n");

  const auto y2024 = run_cli("catalog function --year=2024 --format csv");
  ASSERT_EQ(y2024.exit, 0) << y2024.err;
  EXPECT_NE(y2024.out.find("\r\n210,1,卫生健康支出,"), std::string::npos);
  EXPECT_TRUE(y2024.err.empty()) << y2024.err;

  const auto y2030 = run_cli("catalog mapping --year 2030 --format json");
  EXPECT_EQ(y2030.exit, 0);
  EXPECT_NE(y2030.err.find("no 2030 edition; using the 2024 edition"), std::string::npos);
}

TEST(catalog_cli, bad_arguments_exit_2) {
  const char* bad[] = {
      "catalog",
      "catalog widgets",
      "catalog function --year",
      "catalog function --year abc",
      "catalog function --year 18",
      "catalog function --year 1999",
      "catalog function --format xml",
      "catalog function --format",
      "catalog function econ",
      "catalog function --bogus",
  };
  for (const char* args : bad) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args;
    EXPECT_EQ(r.err.rfind("yusuan: error: ", 0), 0u) << args << ": " << r.err;
  }
  EXPECT_EQ(run_cli("catalog widgets").err,
            "yusuan: error: unknown catalog kind 'widgets': expected function, econ, gov-econ or mapping\n");
  EXPECT_EQ(run_cli("catalog econ --format xml").err, "yusuan: error: --format must be text, csv or json, not 'xml'\n");
  EXPECT_EQ(run_cli("catalog econ --year 20x4").err, "yusuan: error: --year needs a year from 2000 to 2100, not '20x4'\n");
}
