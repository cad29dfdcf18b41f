// The one UTF-8 decoder (text/utf8.hpp) and display widths (text/width.hpp).
#include <yusuan/text/utf8.hpp>
#include <yusuan/text/width.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace text = yusuan::text;

namespace {
char32_t decode_one(std::string_view s, std::size_t& advanced) {
  std::size_t i = 0;
  const char32_t c = text::decode(s, i);
  advanced = i;
  return c;
}
}  // namespace

TEST(utf8, decodes_every_sequence_length) {
  std::size_t n = 0;
  EXPECT_EQ(decode_one("A", n), U'A');
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode_one("\xC2\xA9", n), U'\u00A9');  // ©
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(decode_one("预", n), U'\u9884');
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(decode_one("\xF0\x9F\x98\x80", n), U'\U0001F600');
  EXPECT_EQ(n, 4u);
}

TEST(utf8, rejects_overlong_forms_surrogates_and_out_of_range) {
  std::size_t n = 0;
  EXPECT_EQ(decode_one("\xC0\xAF", n), text::replacement_character);  // overlong '/'
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode_one("\xE0\x80\xAF", n), text::replacement_character);  // overlong 3-byte
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode_one("\xF0\x80\x80\xAF", n), text::replacement_character);  // overlong 4-byte
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode_one("\xED\xA0\x80", n), text::replacement_character);  // U+D800
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode_one("\xF4\x90\x80\x80", n), text::replacement_character);  // above U+10FFFF
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode_one("\x80", n), text::replacement_character);  // stray continuation
  EXPECT_EQ(decode_one("\xE9\xA2", n), text::replacement_character);  // truncated
  EXPECT_EQ(n, 1u);
}

TEST(utf8, first_invalid_points_at_the_bad_byte) {
  EXPECT_EQ(text::first_invalid("预算 2024"), std::string_view::npos);
  EXPECT_EQ(text::first_invalid("\xEF\xBF\xBD"), std::string_view::npos);  // U+FFFD itself is valid
  EXPECT_EQ(text::first_invalid("ab\xED\xA0\x80"), 2u);
  EXPECT_EQ(text::first_invalid("预\xC0\xAF"), 3u);
  EXPECT_EQ(text::first_invalid("\xD4\xA4\xB3"), 2u);  // GBK bytes: a valid 2-byte pair, then a stray byte
}

// first_invalid takes shortcuts (ASCII eight bytes at a time, the common
// three-byte forms at once): every three-byte sequence, after ASCII of
// lengths that put it anywhere in an eight-byte word, is judged as the
// decoder judges it one code point at a time.
TEST(utf8, first_invalid_agrees_with_the_decoder_on_every_three_byte_sequence) {
  const auto one_at_a_time = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t n = text::sequence_length(s.data() + i, s.data() + s.size());
      if (n == 0) return i;
      i += n;
    }
    return std::string_view::npos;
  };
  std::size_t compared = 0, invalid = 0;
  for (std::size_t ascii : {0u, 3u, 7u, 8u, 13u}) {
    std::string s(ascii, 'a');
    s += "\xE4\xB8\x80";  // 一, then the sequence, then ASCII again
    const std::size_t at = s.size();
    s += "xyz";
    s += "bcdefghij";
    for (int lead = 0xC0; lead <= 0xF4; ++lead)
      for (int b1 = 0x70; b1 <= 0xFF; ++b1)
        for (int b2 : {0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0}) {
          s[at] = static_cast<char>(lead);
          s[at + 1] = static_cast<char>(b1);
          s[at + 2] = static_cast<char>(b2);
          const std::size_t expected = one_at_a_time(s);
          ASSERT_EQ(text::first_invalid(s), expected) << "lead " << lead << " " << b1 << " " << b2 << " after " << ascii;
          ++compared;
          invalid += expected != std::string_view::npos;
        }
  }
  EXPECT_GT(invalid, 0u);
  EXPECT_LT(invalid, compared);
}

TEST(utf8, length_and_append_round_trip) {
  EXPECT_EQ(text::length("预算a"), 3u);
  std::string s;
  for (char32_t c : {U'a', U'\u00A9', U'\u9884', U'\U0001F600'}) text::append_utf8(s, c);
  EXPECT_EQ(s, "a\xC2\xA9预\xF0\x9F\x98\x80");
  EXPECT_EQ(text::length(s), 4u);
}

TEST(width, cjk_is_two_columns_and_combining_marks_none) {
  EXPECT_EQ(text::display_width("预算01表"), 8u);
  EXPECT_EQ(text::display_width("ab"), 2u);
  EXPECT_EQ(text::display_width("e\xCC\x81"), 1u);  // e + combining acute
  EXPECT_EQ(text::display_width("（）"), 4u);
  EXPECT_EQ(text::pad("预算", 6), "预算  ");
  EXPECT_EQ(text::pad("预算", 6, true), "  预算");
  EXPECT_EQ(text::centre("预算", 7), " 预算  ");
}
