// The 2025 unit budget of 上海市普陀区商务委员会 (a Shanghai 9-table budget in
// 元, with its 三公 table and narrative in 万元): it checks clean, its key
// totals are the published ones, and every money figure in it is
// cross-checked (mutation test).
#include "support/test_support.hpp"

#include <yusuan/query.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/query/filters.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace yusuan_test;

namespace {

constexpr const char* putuo_path = "budgets/putuo-commerce-commission-2025.budget";

const yusuan::budget& putuo_budget() {
  static const yusuan::budget b = yusuan::compile_file(putuo_path);
  return b;
}

money measure(const yusuan::budget& b, std::string_view name) {
  for (const auto& m : b.measures())
    if (m.name == name) return m.value;
  ADD_FAILURE() << "no measure " << name;
  return {};
}

// A money figure of the budget text: where it is, as written, its unit and
// its number of decimals.
struct figure_text {
  std::size_t offset = 0;
  std::string text;
  yusuan::unit unit = yusuan::unit::yuan;
  int decimals = 0;
  bool thousands = false;
};

// Money figures outside comments: a number written after a blank or a colon,
// either in 元 with exactly two decimals (`1,234,567.89`, `0.00`) or followed
// by 万元 (`910.17万元`, `0万元`).  Codes, counts and years (no decimals, no
// unit) and numbers inside names (`单价100万元以上设备`) are not figures.
std::vector<figure_text> money_figures(const std::string& text) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const std::string_view wan = "万元";
  std::vector<figure_text> out;
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') comment = false;
    if (c == '#') comment = true;
    if (comment || !digit(c)) continue;
    const bool after_blank = i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == ':');
    std::size_t j = i;
    while (j < text.size() && (digit(text[j]) || (text[j] == ',' && j + 1 < text.size() && digit(text[j + 1])))) ++j;
    int decimals = 0;
    if (j + 1 < text.size() && text[j] == '.' && digit(text[j + 1])) {
      ++j;
      while (j < text.size() && digit(text[j])) ++j, ++decimals;
    }
    figure_text f;
    f.offset = i;
    f.text = text.substr(i, j - i);
    f.decimals = decimals;
    f.thousands = f.text.find(',') != std::string::npos;
    const bool in_wan = text.compare(j, wan.size(), wan) == 0;
    const bool next_ok = j >= text.size() || (text[j] != '%' && text[j] != '.');
    if (after_blank && next_ok && in_wan) {
      f.unit = yusuan::unit::wan_yuan;
      out.push_back(f);
    } else if (after_blank && next_ok && decimals == 2) {
      out.push_back(f);
    }
    i = j;
  }
  return out;
}

// The figure plus one unit of its last decimal, written the same way.
std::string bumped(const figure_text& f) {
  std::int64_t step = 1;  // 1 分 (0.01 元)
  if (f.unit == yusuan::unit::wan_yuan)
    for (int k = f.decimals; k < 6; ++k) step *= 10;  // 1 万元 is 10^6 分
  const money m = money::parse(f.text, f.unit) + money::from_fen(step);
  return m.format(f.unit, f.decimals, f.thousands);
}

}  // namespace

TEST(putuo, checks_clean_without_warnings) {
  auto r = compile_path(putuo_path);
  // Not even a warning: every code and name is the catalog's, and no
  // 部门 → 政府 pair is written (the document publishes none).
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  ASSERT_TRUE(r.ok());
  const auto& b = *r.value;
  EXPECT_EQ(b.header().unit_name, "上海市普陀区商务委员会");
  EXPECT_EQ(b.header().unit_code, "");  // no code is published
  EXPECT_EQ(b.header().department_code, "");
  EXPECT_EQ(b.header().type, yusuan::unit_type::administrative);
  EXPECT_EQ(b.year(), 2025);
  EXPECT_EQ(b.amount_unit(), yusuan::unit::yuan);
  EXPECT_EQ(b.items().size(), 37u);
  EXPECT_TRUE(b.projects().empty());  // the unit budget lists no project
  EXPECT_GT(b.constraints().size(), 110u);
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
  ASSERT_EQ(b.table_notes().size(), 2u);
  EXPECT_EQ(b.table_notes()[0].table, "表6");
  EXPECT_HAS(b.table_notes()[0].text, "无政府性基金预算财政拨款安排的预算");
  EXPECT_EQ(b.table_notes()[1].table, "表7");
  EXPECT_HAS(b.table_notes()[1].text, "无国有资本经营预算财政拨款安排的预算");
}

TEST(putuo, key_totals) {
  const auto& b = putuo_budget();
  EXPECT_EQ(b.income_grand_total(), yuan("371514655.00"));
  EXPECT_EQ(b.expenditure_grand_total(), yuan("371514655.00"));
  using yusuan::spending_kind;
  EXPECT_EQ(yusuan::total(b, yusuan::kind_is(spending_kind::basic)).value(), yuan("19830655.00"));
  EXPECT_EQ(yusuan::total(b, yusuan::kind_is(spending_kind::personnel)).value(), yuan("18120593.00"));
  EXPECT_EQ(yusuan::total(b, yusuan::kind_is(spending_kind::public_funds)).value(), yuan("1710062.00"));
  EXPECT_EQ(yusuan::total(b, yusuan::kind_is(spending_kind::project)).value(), yuan("351684000.00"));
  EXPECT_EQ(yusuan::total(b, yusuan::function_is(fn("215 08 99"))).value(), yuan("293810000.00"));
  EXPECT_EQ(yusuan::total(b, yusuan::econ_is(ec("30102"))).value(), yuan("7533376.00"));
  // 表9 and 六、一 / 六、二, in 万元
  EXPECT_EQ(measure(b, "三公经费"), wan("1.00"));
  EXPECT_EQ(measure(b, "公务接待费"), wan("1.00"));
  EXPECT_EQ(measure(b, "机关运行经费"), yuan("1710062.00"));  // printed 171.01万元
  EXPECT_EQ(measure(b, "机关运行经费").format(yusuan::unit::wan_yuan, 2), "171.01");
}

TEST(putuo, query_by_function_class_and_kind) {
  const auto& b = putuo_budget();
  auto t = yusuan::run(b, yusuan::parse_query("sum by function.类, kind", b));
  EXPECT_EQ(t.value({"201", "人员经费"}), yuan("10823891.00"));
  EXPECT_EQ(t.value({"201", "公用经费"}), yuan("1467842.00"));
  EXPECT_EQ(t.value({"201", "项目支出"}), yuan("9310000.00"));
  EXPECT_EQ(t.value({"208", "人员经费"}), yuan("3565865.00"));
  EXPECT_EQ(t.value({"208", "公用经费"}), yuan("242220.00"));
  EXPECT_EQ(t.value({"221", "人员经费"}), yuan("2849034.00"));
}

// Changing any single money figure (a fact, a stated total, a 万元 figure of
// the narrative or the 三公 table, a 上年 figure) by one unit of its last
// decimal must make the check fail.
TEST(putuo, every_money_figure_is_cross_checked) {
  const std::string text = read_all(putuo_path);
  ASSERT_FALSE(text.empty());
  const auto figures = money_figures(text);
  std::size_t in_wan = 0;
  for (const auto& f : figures) in_wan += f.unit == yusuan::unit::wan_yuan;
  ASSERT_GT(figures.size(), 400u);
  ASSERT_GE(in_wan, 45u);
  yusuan::compile_options opt;
  opt.root = "budgets";
  ASSERT_TRUE(compile(text, opt, putuo_path).ok());
  std::size_t caught = 0;
  for (const auto& f : figures) {
    const std::string m = bumped(f);
    ASSERT_NE(m, f.text);
    std::string mutated = text;
    mutated.replace(f.offset, f.text.size(), m);
    if (compile(mutated, opt, putuo_path).ok())
      ADD_FAILURE() << "changing " << f.text << " to " << m << " at offset " << f.offset << " still checks clean";
    else
      ++caught;
  }
  EXPECT_EQ(caught, figures.size());
}

TEST(putuo, cli_check_prints_ok) {
  auto r = run_cli("check " + quote(putuo_path));
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.out + r.err, "putuo-commerce-commission-2025.budget: ok:");
}
