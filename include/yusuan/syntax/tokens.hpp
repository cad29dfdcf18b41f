// yusuan/syntax/tokens.hpp -- the primitive parsers (tokens) of the budget
// language, as Spirit X3 parsers: keywords, words, codes, amounts, strings,
// target values, the blank skipper.  Each yields an ast::slice of the source.
#pragma once

#include <yusuan/syntax/ast.hpp>
#include <yusuan/syntax/chars.hpp>
#include <yusuan/syntax/keywords.hpp>
#include <yusuan/syntax/parse_types.hpp>

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <vector>

namespace yusuan::syntax::tokens {

namespace x3 = boost::spirit::x3;
using ast::slice;
using chars::is_digit;

/// Stores a slice in an attribute that is a slice, or ignores it.
template <class Attr>
void store(Attr& attr, slice s) {
  if constexpr (std::is_same_v<Attr, slice>) attr = s;
  else x3::traits::move_to(s, attr);
}

/// Thrown by a word or a string longer than max_name_length, at its start.
struct name_too_long {
  const char* where;
  std::size_t length;
};

/// A token read by a scanner: Derived::scan(first, last) returns the end of
/// the token at `first`, or `first` when there is none.  The token's slice is
/// the attribute.  A scanner whose `names` is true reads names, which are
/// limited to max_name_length bytes.
template <class Derived>
struct scanned_token : x3::parser<Derived> {
  using attribute_type = slice;
  static constexpr bool names = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* e = Derived::scan(first, last);
    if (e == first) return false;
    if constexpr (Derived::names)
      if (static_cast<std::size_t>(e - first) > max_name_length)
        throw name_too_long{first, static_cast<std::size_t>(e - first)};
    store(attr, slice{first, e});
    first = e;
    return true;
  }
};

/// Whether the spelling `s` is at p, not followed by a word character.
inline bool spelled_at(const char* p, const char* last, std::string_view s) noexcept {
  return !s.empty() && static_cast<std::size_t>(last - p) >= s.size() && p[0] == s[0] &&
         std::memcmp(p, s.data(), s.size()) == 0 && !chars::word_char_at(p + s.size(), last);
}

/// A keyword as the grammar matched it: where, and which.
struct keyword_use {
  const char* b;
  const char* e;
  keyword id;
};
/// When set, every keyword the grammar matches on this thread is appended
/// to it (the formatter rewrites spellings from it); null otherwise.
inline thread_local std::vector<keyword_use>* keyword_log = nullptr;

/// A keyword in any of its spellings (keywords.hpp), not followed by a word
/// character.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  keyword id;
  constexpr explicit keyword_parser(keyword k) : id(k) {}
  /// Matches at `first` without skipping.
  bool match(const char*& first, const char* last) const noexcept {
    const auto& s = spelling(id);
    for (std::string_view w : {s.zh, s.zh2, s.en, s.en2})
      if (spelled_at(first, last, w)) {
        first += w.size();
        return true;
      }
    return false;
  }
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    const char* const at = first;
    if (first == last || !match(first, last)) return false;
    if (keyword_log) keyword_log->push_back({at, first, id});
    return true;
  }
};
constexpr keyword_parser kw(keyword k) { return keyword_parser{k}; }

/// One of the keywords Ks is spelled here (as kw(k) would match it); consumes
/// nothing.  Put before an alternative whose branches each start with one of
/// Ks, it skips them all at once where none can match: the statement rule
/// then tries some thirty keyword-led statements only on a line that starts
/// with a keyword.  The keywords are indexed by the first byte of their
/// spellings, so a test costs a few comparisons.
template <keyword... Ks>
struct keywords_ahead_parser : x3::parser<keywords_ahead_parser<Ks...>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  /// For each first byte, the keywords of Ks one of whose spellings starts
  /// with it (at most 15 share one: the CJK lead bytes).
  struct index {
    std::array<std::array<keyword, 15>, 256> by_byte{};
    std::array<std::uint8_t, 256> count{};
  };
  static constexpr index make_index() {
    index ix{};
    for (keyword k : {Ks...}) {
      const auto& s = spelling(k);
      for (std::string_view w : {s.zh, s.zh2, s.en, s.en2}) {
        if (w.empty()) continue;
        const auto b = static_cast<unsigned char>(w[0]);
        bool listed = false;
        for (std::size_t i = 0; i < ix.count[b]; ++i) listed = listed || ix.by_byte[b][i] == k;
        if (listed) continue;
        if (ix.count[b] == ix.by_byte[b].size()) throw "too many keywords share a first byte";
        ix.by_byte[b][ix.count[b]++] = k;
      }
    }
    return ix;
  }
  static constexpr index table = make_index();
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    It p = first;
    x3::skip_over(p, last, ctx);
    if (p == last) return false;
    const auto b = static_cast<unsigned char>(*p);
    for (std::size_t i = 0; i < table.count[b]; ++i) {
      const char* q = p;
      if (keyword_parser{table.by_byte[b][i]}.match(q, last)) return true;
    }
    return false;
  }
};
template <keyword... Ks>
inline constexpr keywords_ahead_parser<Ks...> keywords_ahead{};

/// A bare word: starts with a character that is neither a digit, a sign, a
/// point nor punctuation; may hold balanced parentheses (维修(护)费).
struct word_parser : scanned_token<word_parser> {
  static constexpr bool names = true;
  /// Length of a balanced bracket group "(…)" or "（…）" of word characters at p, or 0.
  static std::size_t bracket_group(const char* p, const char* last) noexcept {
    const bool wide = chars::at(p, last, "\xEF\xBC\x88", 3);  // （
    if (!wide && *p != '(') return 0;
    const char* q = p + (wide ? 3 : 1);
    const char* start = q;
    while (q < last && chars::word_char_at(q, last)) chars::next_char(q, last);
    if (q == start) return 0;
    if (wide && chars::at(q, last, "\xEF\xBC\x89", 3)) return static_cast<std::size_t>(q + 3 - p);
    if (!wide && q < last && *q == ')') return static_cast<std::size_t>(q + 1 - p);
    return 0;
  }
  /// The end of a word starting at p, or p.
  static const char* scan(const char* p, const char* last) noexcept {
    if (p == last) return p;
    const auto c0 = static_cast<unsigned char>(*p);
    if (is_digit(static_cast<char>(c0)) || c0 == '-' || c0 == '.' || !chars::word_char_at(p, last)) return p;
    while (p < last) {
      if (const std::size_t g = bracket_group(p, last)) {
        p += g;
        continue;
      }
      if (!chars::word_char_at(p, last)) break;
      chars::next_char(p, last);
    }
    return p;
  }
};

/// A token of letters and digits (project codes, unit codes): [0-9A-Za-z_-]+.
struct code_word_parser : scanned_token<code_word_parser> {
  static constexpr bool names = true;
  static const char* scan(const char* first, const char* last) noexcept {
    const char* p = first;
    while (p < last && (is_digit(*p) || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_' || *p == '-'))
      ++p;
    return p == first || chars::word_char_at(p, last) ? first : p;
  }
};

/// A classification code: a run of digits, then groups of exactly two digits
/// each after one space or (in functional codes) one point: "208 05 07",
/// "208.05.07", "2080507", "302 16".  Whether the digits make a code of a
/// known family and level is for the compiler to say.
struct code_parser : x3::parser<code_parser> {
  using attribute_type = slice;
  /// The end of a code starting at `first`, or `first`; `stop` is where the
  /// digits and their groups end.
  static const char* scan(const char* first, const char* last, const char*& stop) noexcept {
    const char* p = first;
    auto digit = [&](const char* q) { return q < last && is_digit(*q); };
    stop = first;
    if (!digit(p)) return first;
    while (digit(p)) ++p;
    if (p - first == 3) {
      // groups joined all by spaces (208 01 09) or all by points (208.01.09):
      // `210 27.00` is no code (a key, then an amount, without the ':')
      const bool functional = *first == '2';
      const char sep = p < last && *p == '.' && functional ? '.' : ' ';
      while (p < last && *p == sep && digit(p + 1) && digit(p + 2) && !digit(p + 3) &&
             (!chars::word_char_at(p + 3, last) || (sep == '.' && p[3] == '.' && digit(p + 4))) &&
             !(p + 3 < last && p[3] == ',' && digit(p + 4)))
        p += 3;
    }
    stop = p;
    if (p < last && (*p == '.' || *p == ',') && digit(p + 1)) return first;  // an amount
    if (chars::word_char_at(p, last)) return first;
    return p;
  }
  static const char* scan(const char* first, const char* last) noexcept {
    const char* stop;
    return scan(first, last, stop);
  }
  /// A no-break space where the code stopped, between its digits and a group
  /// of two (208 01<NBSP>09), or nullptr.  Between whole codes it is a blank
  /// like any other (208 01 09<NBSP>30101).
  static const char* no_break_space_in_code(const char* first, const char* stop, const char* last) noexcept {
    const char* q = stop;
    if (q + 2 < last && *q == ' ' && is_digit(q[1]) && is_digit(q[2])) q += 3;  // a group, then the space
    const std::size_t n = chars::no_break_space_length(q, last);
    if (!n || q <= first || !is_digit(q[-1])) return nullptr;
    const char* g = q + n;
    return last - g >= 2 && is_digit(g[0]) && is_digit(g[1]) && (last - g == 2 || !is_digit(g[2])) ? q : nullptr;
  }
  /// A tab, an ideographic space (U+3000) or more than one space where the
  /// code stopped, between its digits and a group of two (which no code is
  /// alone: 208<TAB>01 09, 208  01 09), with its name; or nullptr.  All are
  /// blanks: between whole codes they are fine (208 01 09<TAB>30101).
  static std::pair<const char*, const char*> blank_splitting_code(const char* first, const char* stop,
                                                                  const char* last) noexcept {
    if (stop >= last || stop == first || !is_digit(stop[-1])) return {nullptr, nullptr};
    std::size_t n = *stop == '\t' ? 1 : chars::at(stop, last, "\xE3\x80\x80", 3) ? 3 : 0;
    if (n == 0 && *stop == ' ')  // spaces, more than one (one space joins the groups)
      while (stop + n < last && stop[n] == ' ') ++n;
    const char* g = stop + n;
    if (n == 0 || (*stop == ' ' && n < 2) || last - g < 2 || !is_digit(g[0]) || !is_digit(g[1]) ||
        (last - g > 2 && is_digit(g[2])))
      return {nullptr, nullptr};
    return {stop, *stop == ' ' ? "more than one" : n == 1 ? "a tab" : "an ideographic space (U+3000)"};
  }
  /// Throws where a tab, an ideographic space or spaces split a code (blank_splitting_code).
  [[gnu::cold, gnu::noinline]] static void refuse_blank_splitting_code(const char* first, const char* stop,
                                                                       const char* last) {
    if (const auto [at, blank] = blank_splitting_code(first, stop, last); at)
      throw x3::expectation_failure<const char*>(at, std::string("a plain space between the groups of a code, not ") +
                                                         blank);
  }
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* stop;
    const char* e = scan(first, last, stop);
    // text copied from a document often separates code groups with a
    // no-break space, a tab or a full-width space: say so where it is,
    // rather than fail the statement
    if (const char* nbsp = no_break_space_in_code(first, stop, last))
      throw x3::expectation_failure<const char*>(
          nbsp, "a plain space between the groups of a code, not a no-break space (U+00A0)");
    if (stop < last && (*stop == '\t' || static_cast<unsigned char>(*stop) == 0xE3 ||
                        (*stop == ' ' && last - stop > 1 && stop[1] == ' '))) [[unlikely]]
      refuse_blank_splitting_code(first, stop, last);
    if (e == first) return false;
    store(attr, slice{first, e});
    first = e;
    return true;
  }
};

/// An amount as written: an optional sign, then digits, commas and points and
/// any letters glued to them (so that "1e5" or "3o.5" reach the amount checker
/// whole and are diagnosed precisely), and an optional unit glued to the end
/// (元, 万元, 亿元).  Digits, commas, points and minus signs may be full-width
/// (９, ，, ．, －), and a minus sign U+2212 (−), as in text copied from
/// published documents.
struct amount_parser : scanned_token<amount_parser> {
  /// The length of a full-width digit (U+FF10–U+FF19) at p, or 0.
  static std::size_t wide_digit(const char* p, const char* last) noexcept {
    return last - p >= 3 && static_cast<unsigned char>(p[0]) == 0xEF && static_cast<unsigned char>(p[1]) == 0xBC &&
                   static_cast<unsigned char>(p[2]) >= 0x90 && static_cast<unsigned char>(p[2]) <= 0x99
               ? 3
               : 0;
  }
  /// A digit, ASCII or full-width: its length, or 0.
  static std::size_t any_digit(const char* p, const char* last) noexcept {
    return p < last && is_digit(*p) ? 1 : wide_digit(p, last);
  }
  static const char* scan(const char* first, const char* last) noexcept {
    const char* p = first;
    if (p < last && (*p == '-' || *p == '+')) ++p;
    else if (chars::at(p, last, "\xEF\xBC\x8D", 3) || chars::at(p, last, "\xE2\x88\x92", 3)) p += 3;  // － or −
    const bool point_first = p < last && (*p == '.' || chars::at(p, last, "\xEF\xBC\x8E", 3));
    const char* after_point = p < last ? p + (*p == '.' ? 1 : 3) : p;
    if (!(any_digit(p, last) || (point_first && any_digit(after_point, last)))) return first;
    while (p < last) {
      if (const std::size_t n = any_digit(p, last)) {
        p += n;
        continue;
      }
      const char c = *p;
      if (c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
        ++p;
        continue;
      }
      if (c == ',' && any_digit(p + 1, last)) {  // else a list separator
        ++p;
        continue;
      }
      if (chars::at(p, last, "\xEF\xBC\x8E", 3)) {  // ．
        p += 3;
        continue;
      }
      if (chars::at(p, last, "\xEF\xBC\x8C", 3) && any_digit(p + 3, last)) {  // ，between digits
        p += 3;
        continue;
      }
      break;
    }
    for (std::string_view u : {"万元", "亿元", "元"})
      if (chars::at(p, last, u.data(), u.size()) && !chars::word_char_at(p + u.size(), last)) return p + u.size();
    return p;
  }
};

/// A percentage: an amount followed by % or ％.
struct percent_parser : scanned_token<percent_parser> {
  static const char* scan(const char* first, const char* last) noexcept {
    const char* e = amount_parser::scan(first, last);
    if (e == first) return first;
    if (e < last && *e == '%') return e + 1;
    if (chars::at(e, last, "\xEF\xBC\x85", 3)) return e + 3;  // ％
    return first;
  }
};

/// A quoted string, "…" (with \" and \\ escapes) or “…”, on one line.  The
/// slice excludes the quotes; escapes are resolved by the compiler.  A quote
/// not closed before the end of its line is an error at the quote (nothing
/// else can be read there).
struct string_parser : x3::parser<string_parser> {
  using attribute_type = slice;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    bool curly = false;
    if (p < last && *p == '"') {
      ++p;
    } else if (chars::at(p, last, "\xE2\x80\x9C", 3)) {  // “
      p += 3;
      curly = true;
    } else {
      return false;
    }
    const char* b = p;
    while (p < last && !chars::is_line_break(*p)) {
      if (!curly && *p == '\\' && p + 1 < last && !chars::is_line_break(p[1])) {
        p += 2;
        continue;
      }
      if (!curly && *p == '"') {
        if (static_cast<std::size_t>(p - b) > max_name_length)
          throw name_too_long{first, static_cast<std::size_t>(p - b)};
        store(attr, slice{b, p});
        first = p + 1;
        return true;
      }
      if (curly && chars::at(p, last, "\xE2\x80\x9D", 3)) {  // ”
        if (static_cast<std::size_t>(p - b) > max_name_length)
          throw name_too_long{first, static_cast<std::size_t>(p - b)};
        store(attr, slice{b, p});
        first = p + 3;
        return true;
      }
      ++p;
    }
    throw x3::expectation_failure<const char*>(first, curly ? closing_curly_quote : closing_quote);
  }
};

/// A library path, <std/measures.budget>: the text between '<' and '>' on
/// one line, without blanks.
struct library_path_parser : x3::parser<library_path_parser> {
  using attribute_type = slice;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    if (p >= last || *p != '<') return false;
    const char* b = ++p;
    while (p < last && *p != '>') {  // no blank of any kind in a library path
      const char* q = p;
      if (chars::is_space(text::decode(q, last))) return false;
      p = q;
    }
    if (p >= last || p == b) return false;
    store(attr, slice{b, p});
    first = p + 1;
    return true;
  }
};

/// A performance target's value such as ≥95%, ≤350元/人.天 or 2天: an
/// optional comparator, a number and the unit glued to it.
struct target_value_parser : x3::parser<target_value_parser> {
  using attribute_type = ast::target_value;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    const char* cb = p;
    static constexpr std::string_view comparators[] = {"≥", "≤", ">=", "<=", "＝", "=", ">", "<", "≠"};
    for (auto c : comparators)
      if (chars::at(p, last, c.data(), c.size())) {
        p += c.size();
        break;
      }
    const char* ce = p;
    const char* nb = p;
    while (p < last && is_digit(*p)) ++p;
    if (p == nb) return false;
    if (p + 1 < last && *p == '.' && is_digit(p[1])) {
      ++p;
      while (p < last && is_digit(*p)) ++p;
    }
    const char* ne = p;
    while (p < last) {
      const char* q = p;
      const char32_t c = text::decode(q, last);
      if (chars::is_space(c) || c == '#' || c == ';' || c == '}' || c == 0xFF1B) break;
      p = q;
    }
    ast::target_value v;
    v.where = slice{first, p};
    v.comparator = slice{cb, ce};
    v.number = slice{nb, ne};
    v.unit = slice{ne, p};
    attr = v;
    first = p;
    return true;
  }
};

/// Punctuation with a few spellings (':' and '：', '→', '->' and '=>' …),
/// matched at the first byte before anything else.
struct punctuation_parser : x3::parser<punctuation_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view spellings[3];
  constexpr punctuation_parser(std::string_view a, std::string_view b, std::string_view c) : spellings{a, b, c} {}
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    if (first == last) return false;
    for (std::string_view w : spellings)
      if (!w.empty() && *first == w[0] && chars::at(first, last, w.data(), w.size())) {
        first += w.size();
        return true;
      }
    return false;
  }
};
constexpr punctuation_parser punct(std::string_view a, std::string_view b = {}, std::string_view c = {}) {
  return punctuation_parser(a, b, c);
}

/// Succeeds, consuming nothing, when the next token is on the current line.
struct same_line_parser : x3::parser<same_line_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    for (const char* p = first; p < last;) {
      if (chars::is_line_break(*p) || *p == '#' || (*p == '/' && p + 1 < last && p[1] == '/')) return false;
      // any blank of the language (U+3000, U+FEFF, form feed … too) is no token
      const std::size_t n = chars::blank_length(p, last);
      if (n == 0) return true;
      p += n;
    }
    return false;
  }
};

/// A word (or quoted string) can start here; consumes nothing.
struct word_ahead_parser : x3::parser<word_ahead_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    It p = first;
    x3::skip_over(p, last, ctx);
    if (p == last) return false;
    const auto c = static_cast<unsigned char>(*p);
    return c >= 0x80 || c == '"' || (chars::ascii.word[c] && !is_digit(static_cast<char>(c)) && c != '-' && c != '.');
  }
};

/// The blanks and comments between tokens.  A parser backs up when an
/// alternative fails and the next one skips the same blank again, so the
/// skipper remembers the last blank it skipped: one skipper per statement.
///
/// The skipper also counts how deeply the expressions and filters of the
/// statement nest (nested[…] below): the grammar recurses on them, so the
/// count bounds the native stack a statement can take.
struct blank_parser : x3::parser<blank_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  mutable const char* from_ = nullptr;
  mutable const char* to_ = nullptr;
  std::size_t max_nesting = 64;
  mutable std::size_t nesting_ = 0;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == from_) {
      if (to_ == first) return false;
      first = to_;
      return true;
    }
    if (first == last) return false;
    // most tokens start right away: one or two loads tell
    if (!chars::may_start_blank(first, last)) return false;
    const char* p = first;
    chars::skip_blank(p, last);
    from_ = first;
    to_ = p;
    if (p == first) return false;
    first = p;
    return true;
  }
};

/// Thrown by nested[…] at a construct that would open one level more than
/// the skipper's max_nesting.
struct nesting_too_deep {
  const char* where;
  std::size_t limit;
};

/// nested(opener)[p]: `opener`, then p, one level deeper (a parenthesis,
/// 占比(…), 增幅(…), the filter of 合计(…)).  Past the skipper's limit it
/// throws nesting_too_deep at the opener.  The attribute is p's.
template <class Opener, class Subject>
struct nested_directive : x3::unary_parser<Subject, nested_directive<Opener, Subject>> {
  using base = x3::unary_parser<Subject, nested_directive<Opener, Subject>>;
  static bool const is_pass_through_unary = true;
  static bool const handles_container = Subject::handles_container;
  Opener opener;
  constexpr nested_directive(Opener const& o, Subject const& s) : base(s), opener(o) {}
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    const auto& skipper = x3::get<x3::skipper_tag>(ctx);
    static_assert(std::is_same_v<std::decay_t<decltype(skipper)>, blank_parser>,
                  "nested(…)[…] is used under the blank skipper, which counts the levels");
    It p = first;
    x3::skip_over(p, last, ctx);
    const It at = p;
    if (!opener.parse(p, last, ctx, rctx, x3::unused)) return false;
    if (skipper.nesting_ >= skipper.max_nesting) throw nesting_too_deep{at, skipper.max_nesting};
    struct level {
      const blank_parser& s;
      explicit level(const blank_parser& b) : s(b) { ++s.nesting_; }
      ~level() { --s.nesting_; }
      level(const level&) = delete;
      level& operator=(const level&) = delete;
    } open(skipper);
    if (!this->subject.parse(p, last, ctx, rctx, attr)) return false;
    first = p;
    return true;
  }
};
template <class Opener>
struct nested_gen {
  Opener opener;
  template <class Subject>
  constexpr auto operator[](Subject const& s) const {
    using subject_type = typename x3::extension::as_parser<Subject>::value_type;
    return nested_directive<Opener, subject_type>(opener, x3::as_parser(s));
  }
};
template <class Opener>
constexpr auto nested(Opener const& o) {
  using opener_type = typename x3::extension::as_parser<Opener>::value_type;
  return nested_gen<opener_type>{x3::as_parser(o)};
}

/// capture[p]: the slice of text p matched (after skipping blanks).
template <class Subject>
struct capture_directive : x3::unary_parser<Subject, capture_directive<Subject>> {
  using base = x3::unary_parser<Subject, capture_directive<Subject>>;
  using attribute_type = slice;
  static bool const has_attribute = true;
  constexpr explicit capture_directive(Subject const& s) : base(s) {}
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* b = first;
    if (!this->subject.parse(first, last, ctx, rctx, x3::unused)) return false;
    store(attr, slice{b, first});
    return true;
  }
};
struct capture_gen {
  template <class Subject>
  constexpr capture_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](Subject const& s) const {
    return capture_directive<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
  }
};

inline constexpr capture_gen capture{};
inline constexpr word_parser word{};
inline constexpr code_word_parser code_word{};
inline constexpr code_parser code{};
inline constexpr amount_parser amount{};
inline constexpr percent_parser percent{};
inline constexpr string_parser quoted{};
inline constexpr library_path_parser library_path{};
inline constexpr target_value_parser target_value{};
inline constexpr same_line_parser same_line{};
inline constexpr word_ahead_parser word_ahead{};

}  // namespace yusuan::syntax::tokens
