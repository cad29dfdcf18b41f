// yusuan query: thousands separators as the budget writes its amounts,
// unknown names as errors, values matching nothing as warnings.
#include "support/test_support.hpp"

using namespace yusuan_test;

namespace {
const std::string putuo = "budgets/putuo-commerce-commission-2025.budget";
}

TEST(query_cli, thousands_separators_follow_the_budget) {
  // the Putuo budget writes 16,671,057.00: its text output does too
  const auto grouped = run_cli("query " + putuo + " 'sum where econ.类 = 301'");
  EXPECT_EQ(grouped.exit, 0) << grouped.err;
  EXPECT_NE(grouped.out.find("16,671,057.00"), std::string::npos) << grouped.out;
  const auto plain = run_cli("query " + putuo + " 'sum where econ.类 = 301' --no-thousands");
  EXPECT_NE(plain.out.find("16671057.00"), std::string::npos) << plain.out;
  // csv and json never group digits
  for (const char* f : {"csv", "json"}) {
    const auto r = run_cli("query " + putuo + " 'sum where econ.类 = 301' --thousands --format " + f);
    EXPECT_EQ(r.exit, 0) << r.err;
    EXPECT_EQ(r.out.find("16,671,057"), std::string::npos) << f << r.out;
    EXPECT_NE(r.out.find("16671057.00"), std::string::npos) << f << r.out;
  }
  // the reference budget writes 1655.36: plain unless asked
  const std::string ref = reference_path;
  EXPECT_NE(run_cli("query " + ref + " 'sum where econ.类 = 303'").out.find("1306.53"), std::string::npos);
  EXPECT_NE(run_cli("query " + ref + " 'sum where econ.类 = 303' --thousands").out.find("1,306.53"), std::string::npos);
}

TEST(query_cli, an_unknown_name_exits_1_and_a_value_matching_nothing_warns) {
  const std::string ref = reference_path;
  const auto typo = run_cli("query --color never " + ref + " 'sum where kidn = 基本支出'");
  EXPECT_EQ(typo.exit, 1);
  EXPECT_TRUE(typo.out.empty()) << typo.out;
  EXPECT_NE(typo.err.find("error[E0305]: unknown dimension or tag key 'kidn'"), std::string::npos) << typo.err;
  EXPECT_NE(typo.err.find("did you mean 'kind'?"), std::string::npos) << typo.err;
  const auto nothing = run_cli("query --color never " + ref + " 'sum where econ = 30999' --format json");
  EXPECT_EQ(nothing.exit, 0) << nothing.err;
  EXPECT_NE(nothing.err.find("warning[W0306]"), std::string::npos) << nothing.err;
  EXPECT_EQ(nothing.out.front(), '[') << "the JSON result stays whole on standard output: " << nothing.out;
  EXPECT_EQ(nothing.out.find("W0306"), std::string::npos) << nothing.out;
}
