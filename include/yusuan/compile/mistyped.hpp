// yusuan/compile/mistyped.hpp -- notes for the common ways numbers and
// header values are mistyped by hand (100万, 10。00, 10 000.00, ¥10.00,
// 100 %, 年度 2024年, 年度：2024): read from the text around a syntax error,
// each says how the language writes it.
#pragma once

#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/keywords.hpp>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::compile {

namespace mistyped_detail {

using syntax::chars::is_digit;

/// Where the blanks (spaces, tabs) that end at `p` begin.
inline const char* before_blanks(const char* begin, const char* p) noexcept {
  while (p > begin && (p[-1] == ' ' || p[-1] == '\t')) --p;
  return p;
}

/// The start of the number that ends at `e` (digits, '.' and ','), or `e`.
inline const char* number_before(const char* begin, const char* e) noexcept {
  const char* n = e;
  while (n > begin && (is_digit(n[-1]) || n[-1] == '.' || n[-1] == ',')) --n;
  return n < e && is_digit(e[-1]) ? n : e;
}

/// Whether `s` is a group of three digits, then more such groups after ','
/// and decimals: what follows the blank in 10 000.00 or 1 234 567.
inline bool thousands_groups(std::string_view s) noexcept {
  std::size_t i = 0;
  for (;;) {
    if (s.size() - i < 3 || !is_digit(s[i]) || !is_digit(s[i + 1]) || !is_digit(s[i + 2])) return false;
    i += 3;
    if (i == s.size() || s[i] == '.') break;
    if (s[i] != ',') return false;
    ++i;
  }
  if (i == s.size()) return true;
  for (++i; i < s.size(); ++i)
    if (!is_digit(s[i])) return false;
  return true;
}

/// The keyword whose spelling ends at `e` (before blanks), where it starts
/// and how it is spelt; no keyword when none does.
struct keyword_at {
  const syntax::keyword_spelling* keyword = nullptr;
  const char* start = nullptr;
  std::string_view spelling;  // as written
};
inline keyword_at keyword_before(const char* begin, const char* e) noexcept {
  e = before_blanks(begin, e);
  for (const auto& k : syntax::keyword_table)
    for (const std::string_view sp : {k.zh, k.zh2, k.en, k.en2})
      if (!sp.empty() && static_cast<std::size_t>(e - begin) >= sp.size() &&
          std::string_view(e - sp.size(), sp.size()) == sp &&
          (e - static_cast<std::ptrdiff_t>(sp.size()) == begin ||
           !syntax::chars::word_char_at(e - sp.size() - 1, e - sp.size())))
        return {&k, e - sp.size(), sp};
  return {nullptr, e, {}};
}

/// Whether `k` is one of `ks`.
inline bool one_of(const keyword_at& k, std::initializer_list<syntax::keyword> ks) noexcept {
  if (!k.keyword) return false;
  for (const auto x : ks)
    if (k.keyword->id == x) return true;
  return false;
}

/// Whether `p` is at the start of its line, after blanks only.
inline bool starts_line(const char* begin, const char* p) noexcept {
  p = before_blanks(begin, p);
  return p == begin || syntax::chars::is_line_break(p[-1]);
}

/// Whether an amount is written at `p` (the start of a number): after ':',
/// '=', a comparison or the keywords 金额, 合计 and 容差.
inline bool amount_position(const char* begin, const char* p) noexcept {
  const char* q = before_blanks(begin, p);
  if (q == begin) return false;
  for (const std::string_view s : {":", "\xEF\xBC\x9A", "=", "\xEF\xBC\x9D", "<", ">", "\xE2\x89\xA4", "\xE2\x89\xA5",
                                   "\xE2\x89\xA0"})
    if (static_cast<std::size_t>(q - begin) >= s.size() && std::string_view(q - s.size(), s.size()) == s) return true;
  return one_of(keyword_before(begin, p), {syntax::keyword::amount, syntax::keyword::total, syntax::keyword::within});
}

/// The functional code whose groups the text at `w` is part of, when they
/// are joined by spaces and points both (208.01 09, 208 01.09): the code
/// written with spaces; else empty.
inline std::string mixed_code_groups(const char* begin, const char* w, const char* last) {
  const auto in_code = [](char c) { return is_digit(c) || c == ' ' || c == '.'; };
  const char* p = w;
  while (p > begin && in_code(p[-1])) --p;
  while (p < w && *p == ' ') ++p;
  const char* e = w;
  while (e < last && in_code(*e)) ++e;
  const auto digits = [&](const char* q, int n) {
    for (int i = 0; i < n; ++i)
      if (q + i >= e || !is_digit(q[i])) return false;
    return q + n == e || !is_digit(q[n]);
  };
  if (*p != '2' || !digits(p, 3)) return {};
  std::string spaced(p, 3);
  bool space = false, point = false;
  const char* q = p + 3;
  for (int g = 0; g < 2 && q < e && (*q == ' ' || *q == '.') && digits(q + 1, 2); ++g, q += 3) {
    (*q == ' ' ? space : point) = true;
    spaced += ' ';
    spaced.append(q + 1, 2);
  }
  return space && point && w < q ? spaced : std::string();
}

/// The note for a code whose groups are joined by spaces and points both.
inline std::string mixed_code_note(const std::string& spaced) {
  std::string dotted = spaced;
  std::replace(dotted.begin(), dotted.end(), ' ', '.');
  return "the groups of a code are joined all by spaces or all by points: " + spaced + " or " + dotted;
}

}  // namespace mistyped_detail

/// Notes for a syntax error at `w` (in a text that starts at `begin`) that
/// is a number or a header value typed the way people write them elsewhere:
/// empty when the text there is no such case.
inline std::vector<std::string> mistyped_notes(const char* begin, const char* w, const char* last) {
  namespace d = mistyped_detail;
  std::vector<std::string> out;
  if (w >= last) return out;
  const char* e = syntax::chars::token_end(w, last);
  const std::string_view tok(w, static_cast<std::size_t>(e - w));
  const char* number = d::number_before(begin, w);  // a number glued to the token
  const std::string glued(number, w);
  const char* b = d::before_blanks(begin, w);  // before the blanks before the token
  const char* spaced = b < w ? d::number_before(begin, b) : b;  // a number, then blanks
  const std::string before_blank(spaced, b);

  // 100万: 万 alone (or 亿) is no unit of amounts
  if (!glued.empty() && (tok == "万" || tok == "亿"))
    out.push_back("the units of amounts are 元, 万元 and 亿元, written right after the amount: " + glued +
                  std::string(tok) + "元");
  // 10。00: the ideographic full stop is no decimal point
  if (!glued.empty() && syntax::chars::at(w, last, "\xE3\x80\x82", 3) && w + 3 < last && d::is_digit(w[3]))
    out.push_back("the decimal point is '.' (or '．'), not '。': " + glued + "." +
                  std::string(w + 3, syntax::chars::token_end(w + 3, last)));
  // 10 000.00: digits grouped with blanks, where an amount is written
  if (!before_blank.empty() && before_blank.size() <= 3 && before_blank.find_first_of(".,") == std::string::npos &&
      d::thousands_groups(tok)) {
    std::string grouped = before_blank + "," + std::string(tok);
    const char* first = spaced;
    for (const char* q = spaced;;) {  // 1 234 567.00: the groups further back
      const char* r = d::before_blanks(begin, q);
      const char* n = r == q ? r : d::number_before(begin, r);
      if (n == r || r - n > 3 || std::string_view(n, static_cast<std::size_t>(r - n)).find_first_of(".,") != std::string_view::npos)
        break;
      grouped = std::string(n, r) + "," + grouped;
      q = first = n;
    }
    if (d::amount_position(begin, first))
      out.push_back("an amount is one word: its digits are grouped with ',' (" + grouped + "), not with a blank");
  }
  // 208.01 09: the groups of a code joined by spaces and points both
  if (const std::string code = d::mixed_code_groups(begin, w, last); !code.empty())
    out.push_back(d::mixed_code_note(code));
  // ¥10.00, ￥10.00
  const std::size_t sign = syntax::chars::at(w, last, "\xC2\xA5", 2) ? 2 : syntax::chars::at(w, last, "\xEF\xBF\xA5", 3) ? 3 : 0;
  if (sign && w + sign < last && d::is_digit(w[sign]))
    out.push_back("an amount is written without a currency sign: " +
                  std::string(w + sign, syntax::chars::token_end(w + sign, last)));
  // 100 %: a blank before the percent sign (not after 容差, which takes no percentage)
  if (!before_blank.empty() && (tok == "%" || tok == "％") &&
      !d::one_of(d::keyword_before(begin, spaced), {syntax::keyword::within}))
    out.push_back("a percentage is written without a blank before its '%': " + before_blank + "%");
  // 年度 2024年: the year is a number
  if (tok.size() == 7 && tok.ends_with("年") && tok.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos &&
      d::one_of(d::keyword_before(begin, w), {syntax::keyword::year, syntax::keyword::catalog_edition}))
    out.push_back("the year is written without 年: " + std::string(tok.substr(0, 4)));
  // 年度：2024: no colon after the keyword that starts a statement
  if (tok == ":" || tok == "：")
    if (const auto k = d::keyword_before(begin, w);
        k.keyword && d::starts_line(begin, k.start) &&
        std::find(std::begin(syntax::statement_keywords), std::end(syntax::statement_keywords), k.keyword->id) !=
            std::end(syntax::statement_keywords))
      out.push_back("a keyword is followed by its value after a blank, not after '" + std::string(tok) + "': " +
                    std::string(k.spelling) + " …");
  return out;
}

}  // namespace yusuan::compile
