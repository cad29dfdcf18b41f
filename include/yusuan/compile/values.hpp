// yusuan/compile/values.hpp -- reading the values of tokens: amounts in the
// file's unit, whole counts, percentages, years, strings with their escapes.
// Every malformed value is a located diagnostic.
#pragma once

#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/scope.hpp>
#include <yusuan/money.hpp>
#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace yusuan::compile {

/// Reads the values of tokens for the lowering pass.
class value_reader {
public:
  value_reader(reporter& r, file_state& f) : rep_(r), file_(&f) {}
  void set_file(file_state& f) noexcept { file_ = &f; }
  unit file_unit() const noexcept { return file_->amount_unit; }
  /// The budget unit (单位) in force in the file being read.
  std::uint32_t unit_index() const noexcept { return file_->unit_index; }

  /// An amount as written: its value, the unit it was written in (its own
  /// 元 / 万元 / 亿元, or the file's) and its decimals in that unit.  A stated
  /// figure is compared as published: the exact side rounded to these.
  struct stated_amount {
    money value;
    unit written_in = unit::yuan;
    int decimals = 0;
    bool has_unit = false;  // the unit was written after the number
  };

  /// An amount in its own unit or the file's (金额单位).
  std::optional<money> amount(slice text) {
    auto s = stated(text);
    if (!s) return std::nullopt;
    return s->value;
  }

  std::optional<stated_amount> stated(slice text) {
    ++file_->amounts;  // 金额单位 must come before the file's first amount
    stated_amount out;
    out.written_in = file_->amount_unit;
    std::string_view t = text.view();
    if (const auto u = take_unit(t)) {
      out.written_in = *u;
      out.has_unit = true;
    }
    // full-width digits, ，．and － (and −, U+2212) read as their ASCII forms
    std::string ascii;
    if (std::any_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      ascii = narrow(t);
      t = ascii;
    }
    const auto point = t.find('.');
    out.decimals = point == std::string_view::npos ? 0 : static_cast<int>(t.size() - point - 1);
    note_grouping(t.substr(0, point));
    std::error_code ec;
    std::size_t pos = 0;
    out.value = money::parse(t, out.written_in, ec, pos);
    if (!ec && out.value.fen() == std::numeric_limits<std::int64_t>::min()) {
      // amounts are within ±(2^63 - 1) 分, so that each has a negation
      rep_.error("E0202", "amount '" + std::string(text.view()) + "' is more than an amount can hold",
                 rep_.span_of(text), "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
      return std::nullopt;
    }
    if (!ec) return out;
    if (ec == amount_errc::out_of_range) {
      rep_.error("E0202", "amount '" + std::string(text.view()) + "' is more than an amount can hold",
                 rep_.span_of(text), "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
      return std::nullopt;
    }
    const unit u = out.written_in;
    // positions in the text as written (the ASCII copy has the same number of characters)
    const char* at = text.b + written_offset(text.view(), pos);
    if (ec == amount_errc::too_precise) {
      auto& d = rep_.error("E0202",
                           "amount '" + std::string(text.view()) + "' is finer than 1 分 in " + std::string(unit_name(u)),
                           rep_.span_at(at, static_cast<std::size_t>(text.e - at)));
      d.label = one_fen(u);
      return std::nullopt;
    }
    if (ec == amount_errc::bad_grouping) return bad_grouping(text, t, pos);
    const source_span sp = at < text.e ? rep_.span_at(at, 1) : rep_.span_of(text);
    auto& d = rep_.error("E0202", "malformed amount '" + std::string(text.view()) + "'", sp,
                         describe_amount_error(t, ec, pos, u));
    d.expected = "an amount such as 1,234.56";
    return std::nullopt;
  }

  /// "1 分 is 0.000001 万元": how fine an amount in `u` may be.
  static std::string one_fen(unit u) {
    return "1 分 is 0." + std::string(static_cast<std::size_t>(exact_decimals(u) - 1), '0') + "1 " +
           std::string(unit_name(u));
  }

  /// E0202 for a thousands separator out of place, at that ',' (or '，'):
  /// the group of digits before it or after it that is not of three.
  std::nullopt_t bad_grouping(slice text, std::string_view t, std::size_t pos) {
    const std::size_t comma = pos < t.size() && t[pos] == ',' ? pos : t.rfind(',', pos);
    std::string label = "a thousands separator out of place";
    if (comma != std::string_view::npos) {
      const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
      const std::string_view before = t.substr(0, comma), after = t.substr(comma + 1);
      const std::size_t first_digit = before.find_first_of("0123456789");
      if (before.find('.') != std::string_view::npos) {
        label = "a thousands separator after the decimal point";
      } else if (comma == pos && first_digit != std::string_view::npos && before[first_digit] == '0' &&
                 before.find(',') == std::string_view::npos) {
        label = "a ',' after a leading 0 (a decimal point is written '.')";
      } else if (comma == pos && comma > 0) {
        const auto n = std::find_if_not(before.rbegin(), before.rend(), is_digit) - before.rbegin();
        label = "the group before this ',' has " + std::to_string(n) + " digits, not three";
      } else {
        const auto n = std::find_if_not(after.begin(), after.end(), is_digit) - after.begin();
        label = "this ',' is followed by " + std::to_string(n) + " digits, not three";
      }
    }
    const char* c = comma == std::string_view::npos ? text.b : text.b + written_offset(text.view(), comma);
    const std::size_t width = comma == std::string_view::npos ? static_cast<std::size_t>(text.e - text.b)
                              : *c == ','                     ? 1
                                                              : 3;  // '，'
    auto& d = rep_.error("E0202", "malformed amount '" + std::string(text.view()) + "'", rep_.span_at(c, width),
                         std::move(label));
    d.expected = "an amount such as 1,234.56";
    d.notes.push_back({"digits are grouped by three from the decimal point (1,234,567.89), or not at all", {}});
    return std::nullopt;
  }

  /// Amounts of four or more whole digits written with and without
  /// thousands separators: how the budget writes its amounts.
  std::size_t grouped = 0, ungrouped = 0;
  bool writes_thousands() const noexcept { return grouped > ungrouped; }

  /// The unit written after an amount (5.00万元, 50000元), taken off `t`; or
  /// nothing, `t` as it was.
  static std::optional<unit> take_unit(std::string_view& t) noexcept {
    for (const auto& [suffix, u] : {std::pair<std::string_view, unit>{"万元", unit::wan_yuan}, {"亿元", unit::yi_yuan},
                                    {"元", unit::yuan}})
      if (t.size() > suffix.size() && t.substr(t.size() - suffix.size()) == suffix) {
        t.remove_suffix(suffix.size());
        return u;
      }
    return std::nullopt;
  }

  /// The ASCII form of a full-width digit, comma, point or minus sign; 0 for any other character.
  static constexpr char ascii_of(char32_t c) noexcept {
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<char>('0' + (c - 0xFF10));
    return c == 0xFF0C ? ',' : c == 0xFF0E ? '.' : c == 0xFF0D || c == 0x2212 ? '-' : '\0';
  }

  /// Full-width digits, commas, points and minus signs (and U+2212 −) as their ASCII forms.
  static std::string narrow(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    const char* p = t.data();
    const char* const e = p + t.size();
    while (p < e) {
      const char* q = p;
      if (const char a = ascii_of(text::decode(q, e))) out += a;
      else out.append(p, q);
      p = q;
    }
    return out;
  }

  /// The byte offset in `written` of the character at `ascii_offset` of its narrowed copy.
  static std::size_t written_offset(std::string_view written, std::size_t ascii_offset) {
    const char* p = written.data();
    const char* const e = p + written.size();
    std::size_t seen = 0;
    while (p < e && seen < ascii_offset) {
      const char* q = p;
      const char32_t c = text::decode(q, e);
      seen += ascii_of(c) ? 1 : static_cast<std::size_t>(q - p);
      p = q;
    }
    return static_cast<std::size_t>(p - written.data());
  }

  void note_grouping(std::string_view whole) noexcept {
    std::size_t digits = 0;
    bool comma = false;
    for (char c : whole) {
      digits += c >= '0' && c <= '9';
      comma = comma || c == ',';
    }
    if (digits >= 4) ++(comma ? grouped : ungrouped);
  }

  /// The digits a count (a whole number) has at most.
  static constexpr std::size_t max_count_digits = 17;

  /// Whether `t` is written with digits only, at most max_count_digits of them.
  static bool count_digits(std::string_view t) noexcept {
    return !t.empty() && t.size() <= max_count_digits && t.find_first_not_of("0123456789") == std::string_view::npos;
  }

  /// The number written with the digits of count_digits.
  static std::int64_t count_of(std::string_view t) noexcept {
    std::int64_t n = 0;
    for (char c : t) n = n * 10 + (c - '0');
    return n;
  }

  /// Whether the whole number `t` (count_digits) is an amount in the file's unit.
  bool fits_amount(std::string_view t) const noexcept {
    std::error_code ec;
    const money m = money::parse(t, file_unit(), ec);
    return !ec && m.fen() != std::numeric_limits<std::int64_t>::min();
  }

  /// A whole number of at most max_count_digits digits (a count of vehicles, a limit).
  std::optional<std::int64_t> whole(slice text, const char* what) {
    const std::string narrowed = narrow(text.view());
    const std::string_view t = narrowed;
    if (!count_digits(t)) {
      if (!t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos)
        rep_.error("E0202", std::string(what) + " '" + std::string(t) + "' is out of range", rep_.span_of(text),
                   std::to_string(t.size()) + " digits: a count has at most " + std::to_string(max_count_digits));
      else
        rep_.error("E0202", std::string(what) + " must be a whole number", rep_.span_of(text),
                   "found '" + std::string(t) + "'");
      return std::nullopt;
    }
    return count_of(t);
  }

  /// A four-digit year, or nullopt (without a diagnostic) when it is not one.
  static std::optional<int> year(std::string_view t) noexcept {
    if (t.size() != 4) return std::nullopt;
    int y = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return std::nullopt;
      y = y * 10 + (c - '0');
    }
    return y;
  }

  /// A percentage literal (6.06%, 12％): units at its own scale (at most six decimals).
  struct percentage {
    std::int64_t units = 0;
    int scale = 0;
  };
  std::optional<percentage> percent(slice tok) {
    std::string t = narrow(tok.view());
    if (!t.empty() && t.back() == '%') t.pop_back();
    else if (t.size() >= 3 && t.compare(t.size() - 3, 3, "％") == 0) t.resize(t.size() - 3);
    const auto dot = t.find('.');
    const int scale = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
    std::error_code ec;
    std::size_t pos = 0;
    const auto d = decimal<6>::parse(t, ec, pos);
    if (ec || scale > 6) {
      rep_.error("E0202", "malformed percentage '" + std::string(tok.view()) + "'", rep_.span_of(tok),
                 ec ? describe_decimal_error(t, ec, pos, 6) : "a percentage has at most six decimals");
      return std::nullopt;
    }
    return percentage{d.units() / static_cast<std::int64_t>(detail::pow10(6 - scale)), scale};
  }

  /// Whether a name token was written in quotes ("…" or “…”): its slice
  /// holds the text between them.
  bool quoted(slice s) const {
    if (!s.b || !rep_.file()) return false;
    const char* const start = rep_.file()->text().data();
    return s.b > start && (s.b[-1] == '"' || (s.b - start >= 3 && std::string_view(s.b - 3, 3) == "\xE2\x80\x9C"));
  }

  /// The text of a string token, with \" and \\ resolved (“…” has no escapes).
  std::string text(slice s) const {
    const auto v = s.view();
    const bool straight_quotes =  // a bare word or “…” has no escapes
        s.b && rep_.file() && s.b > rep_.file()->text().data() && s.b[-1] == '"';
    if (!straight_quotes || v.find('\\') == std::string_view::npos) return std::string(v);
    std::string out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '\\' && i + 1 < v.size() && (v[i + 1] == '"' || v[i + 1] == '\\')) ++i;
      out += v[i];
    }
    return out;
  }

private:
  reporter& rep_;
  file_state* file_;
};

}  // namespace yusuan::compile
