// The yusuan::errc of a budget_error (its code()) for each family of
// diagnostics, by the rule of budget_error::error_code_of: the same code for
// the exception of a throwing form and for the diagnostics of the form that
// returns them.
#include "support/test_support.hpp"

#include <yusuan/compile/builder.hpp>

using namespace yusuan_test;
using yusuan::errc;

namespace {

/// The code of the budget_error that compiling `text` throws; errc::ok when
/// it compiles.  The diagnostics of the non-throwing form give the same code.
std::error_code thrown_compiling(std::string_view text, const yusuan::compile_options& o = no_catalog()) {
  const auto r = compile(text, o);
  try {
    (void)yusuan::compile_string(text, "t.budget", o);
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.code(), yusuan::budget_error::error_code_of(r.diagnostics)) << dump(r);
    EXPECT_EQ(e.code().category(), yusuan::error_category());
    return e.code();
  }
  EXPECT_TRUE(r.ok()) << dump(r);
  return errc::ok;
}

/// The code of the budget_error that reading `text` as a query throws.
std::error_code thrown_reading_query(std::string_view text) {
  const auto& b = small_budget();
  yusuan::diagnostics diags;
  EXPECT_FALSE(yusuan::parse_query(text, b, diags).has_value()) << text;
  try {
    (void)yusuan::parse_query(text, b);
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.code(), yusuan::budget_error::error_code_of(diags)) << dump(diags);
    return e.code();
  }
  ADD_FAILURE() << "no budget_error for " << text;
  return errc::ok;
}

}  // namespace

TEST(diag_error_codes, a_query_that_does_not_parse_or_resolve_is_invalid_query) {
  EXPECT_EQ(thrown_reading_query("sum by kind rollup"), errc::invalid_query);           // E0505
  EXPECT_EQ(thrown_reading_query("sum by function.类 limit 0"), errc::invalid_query);   // E0505
  EXPECT_EQ(thrown_reading_query("sum by nowhere"), errc::invalid_query);               // E0305
  EXPECT_EQ(thrown_reading_query("sum where 项目 = 没有的项目"), errc::invalid_query);  // E0301
  EXPECT_EQ(thrown_reading_query("sum by ("), errc::invalid_query);                     // E0101
}

TEST(diag_error_codes, an_input_past_a_limit_is_limit_exceeded) {
  auto o = no_catalog();
  o.max_expression_depth = 3;
  EXPECT_EQ(thrown_compiling("金额单位 元\n208 01 09 30101: 1.00\n核对 合计 = ((((1.00))))\n", o),
            errc::limit_exceeded);
  o = no_catalog();
  o.max_block_depth = 1;
  const char* nested = "金额单位 元\n208 01 09 {\n  基本支出 {\n    30101: 1.00\n  }\n}\n";
  EXPECT_EQ(thrown_compiling(nested, o), errc::limit_exceeded);  // E0713
  EXPECT_EQ(thrown_compiling(nested), errc::ok);
  // a line one byte past max_line_length (E0716), after a syntax error
  o = no_catalog();
  o.max_line_length = 40;
  EXPECT_EQ(
      thrown_compiling("金额单位 元\n208 01 09 30101 1.00\n208 01 09 30101: 1.00 # " + std::string(40, 'x') + "\n", o),
      errc::limit_exceeded);
}

TEST(diag_error_codes, a_total_past_an_amount_is_overflow) {
  EXPECT_EQ(thrown_compiling("金额单位 元\n208 01 09 30101: 90,000,000,000,000,000.00\n"
                             "208 01 09 30102: 90,000,000,000,000,000.00\n"),
            errc::overflow);
  // with an error of another family beside it: the overflow decides
  EXPECT_EQ(thrown_compiling("金额单位 元\n208 01 09 合计 1.00 {\n  30101: 90,000,000,000,000,000.00\n"
                             "  30102: 90,000,000,000,000,000.00\n}\n"),
            errc::overflow);
  // a budget built in C++ whose total does not fit
  yusuan::budget_builder bb;
  for (int k = 0; k < 2; ++k) {
    yusuan::item it;
    it.amount = money::max();
    it.function = fn("2080109");
    bb.add(it);
  }
  try {
    (void)bb.build(no_catalog());
    ADD_FAILURE() << "no budget_error";
  } catch (const yusuan::budget_error& e) {
    EXPECT_EQ(e.code(), errc::overflow);
    EXPECT_EQ(e.diagnostic_code(), "E0701");
  }
}

TEST(diag_error_codes, the_other_families) {
  EXPECT_EQ(thrown_compiling("金额单位 元\n208 01 09 30101 1.00\n"), errc::syntax_error);                       // E0101
  EXPECT_EQ(thrown_compiling("金额单位 元\n208 01 09 30101: 1.0x\n"), errc::invalid_budget);                    // E0202
  EXPECT_EQ(thrown_compiling("金额单位 元\n208 01 09 30101: 1.00\n核对 合计 = 2.00\n"), errc::invalid_budget);  // E0501
  // E0102 only counts the errors not shown: not a syntax error
  auto o = no_catalog();
  o.max_errors = 1;
  EXPECT_EQ(thrown_compiling("金额单位 元\n208 01 09 30101: 1.0x\n208 01 09 30101: 2.0x\n", o), errc::invalid_budget);
  // no error, no code
  EXPECT_EQ(yusuan::budget_error::error_code_of(yusuan::diagnostics{}), errc::ok);
}
