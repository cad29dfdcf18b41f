// How diagnostics are rendered as text: the source line, carets by display
// width, labels, and the summary line.
#include "support/test_support.hpp"

using namespace yusuan_test;

TEST(diag_rendering, text_layout) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 abc\n");
  const std::string text = dump(r);
  EXPECT_EQ(text,
            "error[E0101]: syntax error: expected an amount\n"
            "  --> t.budget:2:11\n"
            "  |\n"
            "2 | 收入 一般公共预算 abc\n"
            "  |                   ^ expected an amount, found 'abc'\n"  // carets by display width
            "\n");
  EXPECT_EQ(yusuan::summary(r.diagnostics), "1 error, 0 warnings");
}
