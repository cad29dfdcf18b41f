// yusuan/money/describe.hpp -- what is wrong with a piece of text that did not
// parse as an amount, in words: "expected a digit after '.' at offset 1".
//
// The non-throwing parse functions give only an amount_errc and a byte
// offset, and so never allocate; these functions turn the two back into the
// sentence the throwing forms put in their exception.
#pragma once

#include <yusuan/money/amount_error.hpp>
#include <yusuan/money/detail/scan.hpp>
#include <yusuan/money/unit.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace yusuan {

namespace detail {

/// The pieces of a sentence, joined.  Out of line, so that a sentence costs
/// a list of views at the call and no string arithmetic.
[[gnu::noinline]] inline std::string join(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (auto p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (auto p : pieces) out.append(p);
  return out;
}

/// A byte offset in decimal, as a view into its own buffer.
class offset_text {
public:
  explicit offset_text(std::size_t v) noexcept {
    do {
      buf_[--begin_] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
  }
  operator std::string_view() const noexcept { return {buf_ + begin_, sizeof buf_ - begin_}; }

private:
  char buf_[24];
  std::size_t begin_ = sizeof buf_;
};

/// The whole UTF-8 sequence that starts at `pos` (pos < text.size()).
inline std::string_view char_at(std::string_view text, std::size_t pos) noexcept {
  std::size_t len = 1;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 0xF0) len = 4;
  else if (c >= 0xE0) len = 3;
  else if (c >= 0xC0) len = 2;
  return text.substr(pos, len);
}

/// The sentence for failure `e` at `pos` of `text`, read keeping `keep`
/// fraction digits and rounding as `mode` says.  `what` names the kind of
/// number ("amount", "decimal"), `precision` its finest step in words.  The
/// text is read again first: the sentence quotes it at `pos`, which must be
/// where reading it fails with `e`; if not, it is only the code's message.
[[gnu::cold]] inline std::string describe_scan_error(std::string_view text, amount_errc e, std::size_t pos, int keep,
                                                     std::optional<rounding> mode, std::string_view what,
                                                     std::string_view precision) {
  // rounding_necessary comes only from rounding::unnecessary: read the text so
  // even when the caller does not pass the mode.
  if (e == amount_errc::rounding_necessary) mode = rounding::unnecessary;
  scanned_number s;
  std::size_t read_pos = 0;
  amount_errc read = scan_number(text, keep, s, read_pos);
  const bool scanned = read == amount_errc::ok;  // any failure is then the rounding's
  if (scanned) {
    std::int64_t value = 0;
    read = finish_number(s, mode, value, read_pos);
  }
  if (read != e || (e != amount_errc::ok && read_pos != pos)) return make_error_code(e).message();
  std::size_t first = 0;
  const std::size_t n = first + trim(text, first).size();  // end of the text without trailing white space
  const offset_text at(pos);
  const bool at_end = pos >= n;
  // ", found 'x'" after "expected …", when there is an x.
  const std::string_view found = at_end ? "" : ", found '", found_char = at_end ? "" : char_at(text, pos),
                         found_end = at_end ? "" : "'";
  const bool after_point = pos > first && pos <= n && text[pos - 1] == '.';
  switch (e) {
    case amount_errc::ok: return {};
    case amount_errc::empty: return join({"empty ", what});
    case amount_errc::not_finite: return join({"'", text.substr(pos, n - pos), "' is not a finite decimal ", what});
    case amount_errc::out_of_range:  // only once rounded, or before
      if (scanned) return join({"'", text, "' is out of range"});
      return join({what, " '", text.substr(0, n), "' is out of range"});
    case amount_errc::too_precise:
    case amount_errc::rounding_necessary:
      return join({"'", text, "' is finer than ", precision, " (digit at offset ", at,
                   e == amount_errc::rounding_necessary ? "); rounding is necessary" : "); give a rounding mode"});
    case amount_errc::second_point:
    case amount_errc::missing_digits:
      if (after_point)
        return join({"expected a digit after '.' at offset ", offset_text(pos - 1), found, found_char, found_end});
      if (e == amount_errc::second_point) return join({"second decimal point at offset ", at});
      if (!at_end && text[pos] == ',') {
        const bool digits_before =
            text.substr(first, pos - first).find_first_of("0123456789") != std::string_view::npos;
        return join(
            {digits_before ? "expected three digits after ',' at offset " : "expected a digit before ',' at offset ",
             at});
      }
      if (!at_end && text[pos] == '.') return join({"expected a digit before '.' at offset ", at});
      if (at_end) return join({"expected a digit after '", text.substr(pos - 1, 1), "'"});
      return join({"expected a digit at offset ", at, found, found_char, found_end});
    case amount_errc::exponent:
      return join({"exponent notation ('", text.substr(pos, n - pos), "' at offset ", at, ") is not allowed in ", what,
                   "s"});
    case amount_errc::bad_grouping:
      if (!at_end && text[pos] == ',') {
        const bool in_fraction = text.substr(first, pos - first).find('.') != std::string_view::npos;
        const std::size_t digit = text.find_first_of("0123456789", first);
        const bool leading_zero = !in_fraction && digit < pos && text[digit] == '0' &&
                                  text.substr(first, pos - first).find(',') == std::string_view::npos;
        return join({"thousands separator at offset ", at,
                     in_fraction    ? " after the decimal point"
                     : leading_zero ? " after a leading 0 (a decimal point is '.')"
                                    : " does not close a group of three digits"});
      }
      return join({"thousands separator at offset ", offset_text(text.rfind(',', pos)),
                   " must be followed by exactly three digits"});
    case amount_errc::bad_character:
      return join({"unexpected character '", char_at(text, pos), "' at offset ", at, " in ", what});
  }
  return make_error_code(e).message();
}

/// The finest step of `u` in words: "1 分 (0.01 元)".
constexpr std::string_view precision_words(unit u) noexcept {
  switch (u) {
    case unit::yuan: break;
    case unit::wan_yuan: return "1 分 (0.000001 万元)";
    case unit::yi_yuan: return "1 分 (0.0000000001 亿元)";
  }
  return "1 分 (0.01 元)";
}

/// The exception for a failed parse, given its sentence: rounding_error
/// (errc::rounding_necessary, which the code `e` compares equal to) for
/// amount_errc::rounding_necessary, else amount_parse_error.  what() is
/// "yusuan: " and the sentence.
[[noreturn]] inline void throw_parse_error(std::string_view sentence, amount_errc e, std::size_t pos) {
  std::string what = "yusuan: ";
  what.append(sentence);
  if (e == amount_errc::rounding_necessary) throw rounding_error(what, pos);
  throw amount_parse_error(e, pos, what);
}

}  // namespace detail

/// The words for a failed money::parse of `text` in `u`: pass the text, unit
/// and rounding mode given to parse, and the error code and position it set.
/// The sentence is what the throwing form puts after "yusuan: " in its
/// exception (and the budget compiler in its E0202 diagnostics), e.g.
/// "expected a digit after '.' at offset 1" or "'1.234' is finer than 1 分
/// (0.01 元) (digit at offset 4); give a rounding mode".  Empty when `ec` is
/// not an error; only the code's message when `ec` and `position` are not
/// what parsing `text` gives.
inline std::string describe_amount_error(std::string_view text, std::error_code ec, std::size_t position,
                                         unit u = unit::yuan, std::optional<rounding> mode = std::nullopt) {
  if (!ec) return {};
  if (ec.category() != amount_category()) return ec.message();
  return detail::describe_scan_error(text, static_cast<amount_errc>(ec.value()), position, exact_decimals(u), mode,
                                     "amount", detail::precision_words(u));
}

/// The same for decimal<Scale>::parse, with the decimal's `scale`.
inline std::string describe_decimal_error(std::string_view text, std::error_code ec, std::size_t position, int scale,
                                          std::optional<rounding> mode = std::nullopt) {
  if (!ec) return {};
  if (ec.category() != amount_category() || scale < 0 || scale > 18) return ec.message();
  const std::string precision = scale == 0 ? "a whole number" : "10^-" + std::to_string(scale);
  return detail::describe_scan_error(text, static_cast<amount_errc>(ec.value()), position, scale, mode, "decimal",
                                     precision);
}

namespace detail {

/// Throws what a failed parse calls for: rounding_error for
/// amount_errc::rounding_necessary, else amount_parse_error.
/// Out of line and cold, so that the parsers' inline code is the success path.
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_amount_error(std::string_view text, amount_errc e,
                                                                       std::size_t pos, unit u,
                                                                       std::optional<rounding> mode) {
  throw_parse_error(describe_amount_error(text, e, pos, u, mode), e, pos);
}
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_decimal_error(std::string_view text, amount_errc e,
                                                                        std::size_t pos, int scale,
                                                                        std::optional<rounding> mode) {
  throw_parse_error(describe_decimal_error(text, e, pos, scale, mode), e, pos);
}

}  // namespace detail

}  // namespace yusuan
