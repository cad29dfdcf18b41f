// The reference budget (洛阳市社会保险中心 2024): it checks clean, every money
// figure in it is cross-checked (mutation test), and the queries of the
// documentation give the published figures.
#include "support/test_support.hpp"

#include <yusuan/query.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace yusuan_test;

namespace {

yusuan::result_table query(const char* text) {
  const auto& b = reference_budget();
  return yusuan::run(b, yusuan::parse_query(text, b));
}

}  // namespace

TEST(reference, checks_clean) {
  auto r = compile_path(reference_path);
  for (const auto& d : r.diagnostics)
    EXPECT_NE(d.level, yusuan::severity::error) << d.code << " " << d.message;
  ASSERT_TRUE(r.ok());
  const auto& b = *r.value;
  EXPECT_EQ(b.header().unit_code, "803019");
  EXPECT_EQ(b.header().unit_name, "洛阳市社会保险中心");
  EXPECT_EQ(b.header().type, yusuan::unit_type::civil_service);
  EXPECT_EQ(b.amount_unit(), yusuan::unit::wan_yuan);
  EXPECT_EQ(b.projects().size(), 11u);
  EXPECT_EQ(b.groups().size(), 2u);
  EXPECT_EQ(b.income_grand_total(), wan("38381.46"));
  EXPECT_EQ(b.expenditure_grand_total(), wan("38381.46"));
  EXPECT_EQ(b.project_total(), wan("36053.75"));
  EXPECT_GT(b.constraints().size(), 90u);
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
  // 30103 奖金 is listed twice, as published, and the order is kept.
  EXPECT_EQ(b.items()[0].econ.str(), "30103");
  EXPECT_EQ(b.items()[1].econ.str(), "30103");
  EXPECT_EQ(b.items()[0].amount, wan("325.19"));
  EXPECT_EQ(b.items()[1].amount, wan("154.49"));
}

// Changing any single money figure (a fact or a stated total) must make the
// check fail.
TEST(reference, every_money_figure_is_cross_checked) {
  const std::string text = read_all(reference_path);
  ASSERT_FALSE(text.empty());
  // Money figures: digits, a point and exactly two digits, not part of a
  // longer number, a code or a percentage, outside comments.
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::vector<std::pair<std::size_t, std::string>> figures;  // offset, text
  bool comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') comment = false;
    if (c == '#') comment = true;
    if (comment || !digit(c) || (i > 0 && (digit(text[i - 1]) || text[i - 1] == '.'))) continue;
    std::size_t j = i;
    while (j < text.size() && digit(text[j])) ++j;
    if (j + 2 < text.size() && text[j] == '.' && digit(text[j + 1]) && digit(text[j + 2]) &&
        (j + 3 >= text.size() || (!digit(text[j + 3]) && text[j + 3] != '%')))
      figures.emplace_back(i, text.substr(i, j + 3 - i));
    i = j;
  }
  ASSERT_GT(figures.size(), 200u);
  yusuan::compile_options opt;
  opt.root = "budgets";
  std::size_t caught = 0;
  for (const auto& [offset, fig] : figures) {
    const auto m = yusuan::money::parse(fig) + yusuan::money::from_fen(1);
    std::string mutated = text;
    mutated.replace(offset, fig.size(), m.format());
    auto r = compile(mutated, opt, reference_path);
    if (r.ok()) {
      ADD_FAILURE() << "changing " << fig << " to " << m.format() << " at offset " << offset << " still checks clean";
    } else {
      ++caught;
    }
  }
  EXPECT_EQ(caught, figures.size());
  // The unmutated text compiles the same way.
  EXPECT_TRUE(compile(text, opt, reference_path).ok());
}

TEST(reference, query_sum_by_function_class) {
  for (const char* q : {"sum by function.类", "sum by 功能科目.类", "合计 按 功能.类"}) {
    auto t = query(q);
    ASSERT_EQ(t.size(), 4u) << q;
    EXPECT_EQ(t.value({"205"}), wan("3.35"));
    EXPECT_EQ(t.value({"208"}), wan("38093.45"));
    EXPECT_EQ(t.value({"210"}), wan("131.48"));
    EXPECT_EQ(t.value({"221"}), wan("153.18"));
  }
}

TEST(reference, query_basic_by_econ_class) {
  auto t = query("sum by econ.类 where kind = 基本支出");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.value({"301"}), wan("1655.36"));
  EXPECT_EQ(t.value({"302"}), wan("165.82"));
  EXPECT_EQ(t.value({"303"}), wan("506.53"));
}

TEST(reference, query_sangong) {
  auto t = query("sum where econ in (30212, 30217, 30231, 31013)");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.rows[0].values[0], wan("9.20"));
}

TEST(reference, query_specific_projects_by_amount) {
  auto t = query("sum by project where kind = 特定目标类 order by sum desc");
  ASSERT_GE(t.size(), 2u);
  EXPECT_EQ(t.rows[0].values[0], wan("20000.00"));
  EXPECT_EQ(t.rows[1].values[0], wan("15000.00"));
}

TEST(reference, query_function_item_by_kind) {
  auto t = query("sum by function.项, kind");
  EXPECT_EQ(t.value({"208 01 09", "公用经费"}), wan("155.08"));
  EXPECT_EQ(t.value({"208 01 09", "其他运转类"}), wan("250.40"));
  EXPECT_EQ(t.value({"208 05 01", "特定目标类"}), wan("800.00"));
  EXPECT_EQ(t.value({"205 08 03", "其他运转类"}), wan("3.35"));
  yusuan::money_sum all;
  for (const auto& r : t) all += r.values[0]->amount();
  EXPECT_EQ(all.value(), wan("38381.46"));
}
