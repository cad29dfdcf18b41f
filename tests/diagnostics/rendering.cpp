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

TEST(diag_rendering, control_characters_from_the_input_are_escaped) {
  // ESC, BEL, DEL and a right-to-left override in a name reach the terminal as escapes
  auto r = compile("金额单位 元\n核对 \"a\x1b[31m\x07\x7f\xE2\x80\xAE" "b\" = 1.00\n");
  const std::string text = dump(r);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\x07'), std::string::npos) << text;
  EXPECT_EQ(text.find('\x7f'), std::string::npos) << text;
  EXPECT_EQ(text.find("\xE2\x80\xAE"), std::string::npos) << text;
  EXPECT_HAS(text, "unknown measure or figure 'a\\e[31m\\a\\x7f\\u{202e}b'");
  EXPECT_HAS(text, "2 | 核对 \"a\\e[31m\\a\\x7f\\u{202e}b\" = 1.00\n");
}
