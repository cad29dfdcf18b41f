// CSV fields, JSON strings and terminal-safe text (text/escape.hpp).
#include <yusuan/text/escape.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace text = yusuan::text;

TEST(escape, csv_fields_are_quoted_only_when_needed) {
  EXPECT_EQ(text::csv_field("208 01 09"), "208 01 09");
  EXPECT_EQ(text::csv_field("1,234.56"), "\"1,234.56\"");
  EXPECT_EQ(text::csv_field("甲\"乙"), "\"甲\"\"乙\"");
  EXPECT_EQ(text::csv_field("a\nb"), "\"a\nb\"");
}

TEST(escape, json_strings_escape_quotes_backslashes_and_controls) {
  EXPECT_EQ(text::json_string("预算"), "\"预算\"");
  EXPECT_EQ(text::json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(text::json_string(std::string("\n\t\x1b\x7f", 4)), "\"\\n\\t\\u001b\\u007f\"");
  EXPECT_EQ(text::json_string(std::string_view("a\0b", 3)), "\"a\\u0000b\"");
  std::ostringstream os;
  text::write_json_string(os, "x");
  EXPECT_EQ(os.str(), "\"x\"");
}

TEST(escape, terminal_safe_escapes_controls_and_bidi_overrides) {
  EXPECT_EQ(text::terminal_safe("核对 三公经费\t= 9.20"), "核对 三公经费\t= 9.20");
  EXPECT_EQ(text::terminal_safe("a\x1b[31mb"), "a\\e[31mb");
  EXPECT_EQ(text::terminal_safe(std::string_view("a\0b\x07", 4)), "a\\0b\\a");
  EXPECT_EQ(text::terminal_safe("x\x7fy"), "x\\x7fy");
  EXPECT_EQ(text::terminal_safe("\xE2\x80\xAE" "abc"), "\\u{202e}abc");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(text::terminal_safe("\xC2\x9B"), "\\x9b");                   // C1 CSI
}
