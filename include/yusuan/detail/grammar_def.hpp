// yusuan/detail/grammar_def.hpp -- the budget language's grammar (Spirit X3).
//
// Included by exactly one translation unit (through <yusuan/src.hpp>, or by
// <yusuan/compile.hpp> in header-only mode).  The grammar reads one statement
// at a time into a syntax::statement through semantic actions; expressions
// and filters are built on a node stack, as in X3's calc examples.  Positions
// are the source pointers themselves (the iterator is const char*), which is
// how the tree is position-tagged.
#pragma once

#include <yusuan/detail/syntax.hpp>

#include <boost/spirit/home/x3.hpp>

#include <cstring>
#include <string>
#include <string_view>

namespace yusuan::detail::syntax {

namespace x3 = boost::spirit::x3;

// ---------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------

namespace chars {

inline char32_t decode_at(const char* p, const char* last, int& len) noexcept {
  const auto c = static_cast<unsigned char>(*p);
  auto cont = [&](int k) -> int {
    if (p + k >= last) return -1;
    const auto b = static_cast<unsigned char>(p[k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (c < 0x80) {
    len = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1) >= 0) {
    len = 2;
    return static_cast<char32_t>(((c & 0x1F) << 6) | cont(1));
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) >= 0 && cont(2) >= 0) {
    len = 3;
    return static_cast<char32_t>(((c & 0x0F) << 12) | (cont(1) << 6) | cont(2));
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) >= 0 && cont(2) >= 0 && cont(3) >= 0) {
    len = 4;
    return static_cast<char32_t>(((c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3));
  }
  len = 1;
  return 0xFFFD;
}

inline bool is_space_cp(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 || c == 0xFEFF;
}

/// Characters that end a word.
inline bool is_punct_cp(char32_t c) noexcept {
  if (c < 0x80) return std::strchr("{}()[]:;,\"'=<>!+*%#/&|", static_cast<int>(c)) != nullptr && c != 0;
  switch (c) {
    case 0xFF1A:  // ：
    case 0xFF1B:  // ；
    case 0xFF0C:  // ，
    case 0x3001:  // 、
    case 0x3002:  // 。
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x2018:
    case 0x2019:
    case 0x2192:  // →
    case 0x2260:  // ≠
    case 0x2264:  // ≤
    case 0x2265:  // ≥
    case 0xFF1D:  // ＝
    case 0xFF05:  // ％
    case 0xFF5B:  // ｛
    case 0xFF5D:  // ｝
    case 0xFF08:  // （
    case 0xFF09:  // ）
      return true;
    default: return false;
  }
}

struct ascii_table {
  bool word[128] = {};
  constexpr ascii_table() {
    for (int c = 0x21; c < 0x7F; ++c) word[c] = true;
    for (const char* q = "{}()[]:;,\"'=<>!+*%#/&|"; *q; ++q) word[static_cast<unsigned char>(*q)] = false;
  }
};
inline constexpr ascii_table ascii{};

/// Whether the code point at p continues a word.
inline bool word_char_at(const char* p, const char* last) noexcept {
  if (p >= last) return false;
  const auto c0 = static_cast<unsigned char>(*p);
  if (c0 < 0x80) return ascii.word[c0];
  if (c0 >= 0xE4 && c0 <= 0xE9) return true;  // U+4000..U+9FFF: CJK ideographs, never blank or punctuation
  int len = 0;
  const char32_t c = decode_at(p, last, len);
  return !is_space_cp(c) && !is_punct_cp(c);
}

}  // namespace chars

struct statement_tag;

// ---------------------------------------------------------------------------
// Primitive parsers
// ---------------------------------------------------------------------------

/// A keyword in its Chinese or English spelling, not followed by a word character.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  const char* zh;
  const char* en;
  std::uint8_t zn = 0, en_n = 0;
  constexpr keyword_parser(const char* z, const char* e)
      : zh(z), en(e), zn(static_cast<std::uint8_t>(std::char_traits<char>::length(z))),
        en_n(static_cast<std::uint8_t>(e ? std::char_traits<char>::length(e) : 0)) {}
  /// The keyword at `first` (no skipping): first byte, then the rest, then a word boundary.
  bool match(const char*& first, const char* last) const noexcept {
    const std::size_t avail = static_cast<std::size_t>(last - first);
    if (avail >= zn && first[0] == zh[0] && std::memcmp(first, zh, zn) == 0 && !chars::word_char_at(first + zn, last)) {
      first += zn;
      return true;
    }
    if (en && avail >= en_n && first[0] == en[0] && std::memcmp(first, en, en_n) == 0 &&
        !chars::word_char_at(first + en_n, last)) {
      first += en_n;
      return true;
    }
    return false;
  }
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    return first != last && match(first, last);
  }
};
constexpr keyword_parser kw(const char* zh, const char* en = nullptr) { return {zh, en}; }

/// A bare word: starts with a character that is neither a digit, a sign, a
/// point nor punctuation; may hold balanced ASCII parentheses (维修(护)费).
struct word_parser : x3::parser<word_parser> {
  using attribute_type = slice;
  /// Length of a balanced bracket group "(…)" or "（…）" of word characters at p, or 0.
  static std::size_t bracket_group(const char* p, const char* last) {
    const bool wide = last - p >= 3 && std::memcmp(p, "\xEF\xBC\x88", 3) == 0;  // （
    if (!wide && *p != '(') return 0;
    const char* q = p + (wide ? 3 : 1);
    const char* start = q;
    while (q < last && chars::word_char_at(q, last)) {
      int len = 0;
      chars::decode_at(q, last, len);
      q += len;
    }
    if (q == start) return 0;
    if (wide && last - q >= 3 && std::memcmp(q, "\xEF\xBC\x89", 3) == 0) return static_cast<std::size_t>(q + 3 - p);
    if (!wide && q < last && *q == ')') return static_cast<std::size_t>(q + 1 - p);
    return 0;
  }
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    if (p == last) return false;
    const auto c0 = static_cast<unsigned char>(*p);
    if ((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '.' || !chars::word_char_at(p, last)) return false;
    while (p < last) {
      if (const std::size_t g = bracket_group(p, last)) {
        p += g;
        continue;
      }
      if (!chars::word_char_at(p, last)) break;
      int len = 0;
      chars::decode_at(p, last, len);
      p += len;
    }
    attr = slice{first, p};
    first = p;
    return true;
  }
};

/// A token of letters and digits (project codes, unit codes): [0-9A-Za-z_-]+.
struct code_word_parser : x3::parser<code_word_parser> {
  using attribute_type = slice;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    while (p < last && ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_' ||
                        *p == '-'))
      ++p;
    if (p == first || chars::word_char_at(p, last)) return false;
    attr = slice{first, p};
    first = p;
    return true;
  }
};

/// A classification code: a run of digits, then groups of exactly two digits
/// each after one space or point ("208 05 07", "208.05.07", "2080507",
/// "302 16").  Its validity is checked by the compiler.
struct code_parser : x3::parser<code_parser> {
  using attribute_type = slice;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    auto digit = [&](const char* q) { return q < last && *q >= '0' && *q <= '9'; };
    if (!digit(p)) return false;
    while (digit(p)) ++p;
    // "208 05 07", "208.05.07", "302 16": groups of two digits after a first group of three;
    // points only in functional codes (2xx).
    if (p - first == 3) {
      const bool functional = *first == '2';
      while (p < last && (*p == ' ' || (*p == '.' && functional)) && digit(p + 1) && digit(p + 2) && !digit(p + 3) &&
             (!chars::word_char_at(p + 3, last) || (functional && p[3] == '.' && digit(p + 4))) &&
             !(p + 3 < last && p[3] == ',' && digit(p + 4)))
        p += 3;
    }
    if (p < last && (*p == '.' || *p == ',') && digit(p + 1)) return false;  // an amount
    if (chars::word_char_at(p, last)) return false;
    attr = slice{first, p};
    first = p;
    return true;
  }
};

/// An amount as written: an optional sign, then digits, commas and points and
/// any letters glued to them (so that "1e5" or "3o.5" reach the amount checker
/// whole and are diagnosed precisely).
struct amount_parser : x3::parser<amount_parser> {
  using attribute_type = slice;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    if (p < last && (*p == '-' || *p == '+')) ++p;
    if (p == last || !((*p >= '0' && *p <= '9') || (*p == '.' && p + 1 < last && p[1] >= '0' && p[1] <= '9')))
      return false;
    while (p < last && ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',' || (*p >= 'a' && *p <= 'z') ||
                        (*p >= 'A' && *p <= 'Z') || *p == '_')) {
      if (*p == ',' && !(p + 1 < last && p[1] >= '0' && p[1] <= '9')) break;  // a list separator
      ++p;
    }
    attr = slice{first, p};
    first = p;
    return true;
  }
};

/// A quoted string: "…" or “…”, on one line, with \" and \\ escapes.
/// The slice excludes the quotes.
struct string_parser : x3::parser<string_parser> {
  using attribute_type = slice;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    const char* p = first;
    bool curly = false;
    if (p < last && *p == '"') {
      ++p;
    } else if (last - p >= 3 && std::memcmp(p, "\xE2\x80\x9C", 3) == 0) {  // “
      p += 3;
      curly = true;
    } else {
      return false;
    }
    const char* b = p;
    while (p < last && *p != '\n') {
      if (!curly && *p == '\\' && p + 1 < last) {
        p += 2;
        continue;
      }
      if (!curly && *p == '"') {
        attr = slice{b, p};
        first = p + 1;
        return true;
      }
      if (curly && last - p >= 3 && std::memcmp(p, "\xE2\x80\x9D", 3) == 0) {  // ”
        attr = slice{b, p};
        first = p + 3;
        return true;
      }
      ++p;
    }
    return false;
  }
};

/// A target value such as ≥95%, ≤350元/人.天, 2天: comparator, number and the
/// unit glued to the number.
struct target_value_parser : x3::parser<target_value_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    auto& st = x3::get<statement_tag>(ctx).get();
    const char* p = first;
    const char* cb = p;
    static const char* const cmps[] = {"≥", "≤", ">=", "<=", "＝", "=", ">", "<", "≠"};
    for (const char* c : cmps) {
      const std::size_t n = std::strlen(c);
      if (static_cast<std::size_t>(last - p) >= n && std::memcmp(p, c, n) == 0) {
        p += n;
        break;
      }
    }
    const char* ce = p;
    const char* nb = p;
    while (p < last && *p >= '0' && *p <= '9') ++p;
    if (p == nb) return false;
    if (p + 1 < last && *p == '.' && p[1] >= '0' && p[1] <= '9') {
      ++p;
      while (p < last && *p >= '0' && *p <= '9') ++p;
    }
    const char* ne = p;
    while (p < last) {
      int len = 0;
      const char32_t c = chars::decode_at(p, last, len);
      if (chars::is_space_cp(c) || c == '#' || c == ';' || c == '}' || c == 0xFF1B) break;
      p += len;
    }
    st.comparator = slice{cb, ce};
    st.number = slice{nb, ne};
    st.value_unit = slice{ne, p};
    first = p;
    return true;
  }
};

/// Succeeds, consuming nothing, when the next token is on the current line.
struct same_line_parser : x3::parser<same_line_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    for (const char* p = first; p < last; ++p) {
      if (*p == '\n' || *p == '#' || (*p == '/' && p + 1 < last && p[1] == '/')) return false;
      if (*p != ' ' && *p != '\t' && *p != '\r') return true;
    }
    return false;
  }
};

inline constexpr same_line_parser same_line{};
inline constexpr word_parser word{};
inline constexpr code_word_parser code_word{};
inline constexpr code_parser code{};
inline constexpr amount_parser amount{};
inline constexpr string_parser quoted{};
inline constexpr target_value_parser target_value{};

// ---------------------------------------------------------------------------
// Skipper
// ---------------------------------------------------------------------------

struct blank_parser : x3::parser<blank_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    const char* p = first;
    while (p < last) {
      const auto c0 = static_cast<unsigned char>(*p);
      if (c0 == ' ' || c0 == '\n' || c0 == '\t' || c0 == '\r' || c0 == '\f' || c0 == '\v') {
        ++p;
        continue;
      }
      if (c0 == '#' || (c0 == '/' && p + 1 < last && p[1] == '/')) {
        while (p < last && *p != '\n') ++p;
        continue;
      }
      if (c0 < 0x80) break;
      // U+3000 (E3 80 80) and U+FEFF (EF BB BF) are the only blanks outside ASCII
      const auto c1 = last - p >= 3 ? static_cast<unsigned char>(p[1]) : 0, c2 = last - p >= 3 ? static_cast<unsigned char>(p[2]) : 0;
      if ((c0 == 0xE3 && c1 == 0x80 && c2 == 0x80) || (c0 == 0xEF && c1 == 0xBB && c2 == 0xBF)) {
        p += 3;
        continue;
      }
      break;
    }
    if (p == first) return false;
    first = p;
    return true;
  }
};
inline constexpr blank_parser blank{};

// ---------------------------------------------------------------------------
// Semantic actions
// ---------------------------------------------------------------------------

template <class Ctx>
statement& state(Ctx const& ctx) {
  return x3::get<statement_tag>(ctx).get();
}

inline auto set_type(stmt t) {
  return [t](auto& ctx) { state(ctx).type = t; };
}

// expressions ---------------------------------------------------------------

inline std::uint32_t push_node(statement& st, node n) {
  st.nodes.push_back(std::move(n));
  const auto id = static_cast<std::uint32_t>(st.nodes.size() - 1);
  st.stack.push_back(id);
  return id;
}

inline auto push_leaf(node::type t) {
  return [t](auto& ctx) {
    auto& st = state(ctx);
    node n;
    n.t = t;
    n.tok = x3::_attr(ctx);
    n.begin = n.tok.b;
    n.end = n.tok.e;
    push_node(st, std::move(n));
  };
}

/// Pops `arity` nodes and pushes a node of type t over them.
inline auto reduce(node::type t, int arity) {
  return [t, arity](auto& ctx) {
    auto& st = state(ctx);
    node n;
    n.t = t;
    n.kids.resize(static_cast<std::size_t>(arity));
    for (int k = arity - 1; k >= 0; --k) {
      n.kids[static_cast<std::size_t>(k)] = st.stack.back();
      st.stack.pop_back();
    }
    n.begin = st.nodes[n.kids.front()].begin;
    n.end = st.nodes[n.kids.back()].end;
    if constexpr (requires { x3::_attr(ctx).begin(); &*x3::_attr(ctx).begin(); }) {
      // attached to raw[…]: the attribute is the matched text
      const auto& r = x3::_attr(ctx);
      if (r.begin() != r.end()) {
        // the matched text, widened to the operands (a + b matches only "+ b")
        n.begin = std::min(n.begin, &*r.begin());
        n.end = std::max(n.end, &*r.begin() + r.size());
      }
    }
    push_node(st, std::move(n));
  };
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

namespace rules {

using x3::lit;
using x3::eps;

// Every rule is named in words for "expected …" messages.
const x3::rule<struct colon_r> colon = "':'";
const x3::rule<struct arrow_r> arrow = "'→'";
const x3::rule<struct sep_r> sep = "','";
const x3::rule<struct amount_r, slice> amount_tok = "an amount";
const x3::rule<struct percent_r, slice> percent_tok = "a percentage such as 6.06%";
const x3::rule<struct name_r, slice> name_tok = "a name";
const x3::rule<struct string_r, slice> string_tok = "a quoted string";
const x3::rule<struct code_r, slice> code_tok = "a classification code";
const x3::rule<struct codeword_r, slice> code_word_tok = "a code";
const x3::rule<struct coord_r> coordinate = "a coordinate (code, kind, 资金, 项目 or tag)";
const x3::rule<struct post_coord_r> post_coordinate = "a coordinate";
const x3::rule<struct item_tail_r> item_or_block = "':' and an amount, or '{'";
const x3::rule<struct cmp_r, slice> comparator = "a comparison (=, ≠, ≤, ≥, <, >)";
const x3::rule<struct expr_r> expression = "an expression";
const x3::rule<struct term_r> term = "an expression";
const x3::rule<struct primary_r> primary = "an amount, a measure or an aggregation";
const x3::rule<struct filter_r> filter_ = "a filter";
const x3::rule<struct f_and_r> filter_and = "a filter";
const x3::rule<struct f_not_r> filter_not = "a filter";
const x3::rule<struct cond_r> condition = "a condition such as 经济 = 30101";
const x3::rule<struct fvalue_r> filter_value = "a value";
const x3::rule<struct yoy_r> yoy_claim = "减少, 增加, 下降, 增长 or 持平";
const x3::rule<struct copt_r> constraint_option = "容差, 警告 or a message";
const x3::rule<struct tv_r> target_val = "an indicator value such as ≥95% or 按时足额发放";
const x3::rule<struct grow_r> group_row = "a row such as 208 01 09: 1370.56";
const x3::rule<struct pfield_r> project_field = "a project field (编码, 类型, 功能, 金额)";
const x3::rule<struct statement_r> statement_rule = "a statement";

const x3::rule<struct sw_r, slice> string_or_word = "a name";
const x3::rule<struct swc_r, slice> string_word_or_code = "a name or code";
const x3::rule<struct fv_tok_r, slice> value_tok = "a value";
const auto string_or_word_def = string_tok | word;
const auto string_word_or_code_def = string_tok | word | code_word;
const auto value_tok_def = string_tok | code_tok | word | code_word;

const auto colon_def = lit(':') | lit("：");
const auto arrow_def = lit("→") | lit("->") | lit("=>");
const auto sep_def = lit(',') | lit("，") | lit("、");
const auto amount_tok_def = amount;
const auto percent_tok_def = x3::raw[x3::lexeme[amount >> (lit('%') | lit("％"))]][([](auto& ctx) {
  auto r = x3::_attr(ctx);
  x3::_val(ctx) = slice{&*r.begin(), &*r.begin() + r.size()};
})];
const auto string_tok_def = quoted;
const auto code_tok_def = code;
const auto code_word_tok_def = code_word;

// Words with a meaning of their own are not names.
struct reserved_parser : x3::parser<reserved_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    static constexpr keyword_parser words[] = {
        kw("基本支出", "basic"), kw("人员经费", "personnel"), kw("公用经费", "public"),
        kw("项目支出", "project-spending"), kw("其他运转类", "operating"), kw("特定目标类", "specific"),
        kw("资金", "fund"), kw("项目", "project"), kw("合计", "total")};
    (void)rctx;
    (void)attr;
    const char* p = first;
    x3::skip_over(p, last, ctx);
    // every reserved word starts with a CJK lead byte or a lowercase letter
    if (p == last || (static_cast<unsigned char>(*p) < 0x80 && !(*p >= 'a' && *p <= 'z'))) return false;
    for (const auto& w : words) {
      const char* q = p;
      if (w.match(q, last)) return true;
    }
    return false;
  }
};
inline constexpr reserved_parser reserved{};

const auto name_tok_def = string_tok | (!reserved >> word >> !(lit('=') | lit("＝")));

const auto kind_word = kw("基本支出", "basic") | kw("人员经费", "personnel") | kw("公用经费", "public") |
                       kw("项目支出", "project-spending") | kw("其他运转类", "operating") | kw("特定目标类", "specific");

inline auto set_last(slice coord::*field) {
  return [field](auto& ctx) { state(ctx).coords.back().*field = x3::_attr(ctx); };
}

/// A word (or quoted string) can start here: used to skip the keyword alternatives quickly.
struct word_ahead_parser : x3::parser<word_ahead_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    It p = first;
    x3::skip_over(p, last, ctx);
    if (p == last) return false;
    const auto c = static_cast<unsigned char>(*p);
    return c >= 0x80 || c == '"' || (chars::ascii.word[c] && !(c >= '0' && c <= '9') && c != '-' && c != '.');
  }
};
inline constexpr word_ahead_parser word_ahead{};

const auto code_coord = code_tok[([](auto& ctx) {
                          coord c;
                          c.kind = coord_kind::code;
                          c.code = x3::_attr(ctx);
                          state(ctx).coords.push_back(c);
                        })] >>
                        -(word_ahead >> name_tok[set_last(&coord::name)]) >>
                        -(arrow > code_tok[set_last(&coord::code2)] >> -(name_tok[set_last(&coord::name2)]));
const auto kind_coord = x3::raw[kind_word][([](auto& ctx) {
  coord c;
  c.kind = coord_kind::kind;
  auto r = x3::_attr(ctx);
  c.value = slice{&*r.begin(), &*r.begin() + r.size()};
  state(ctx).coords.push_back(c);
})];
const auto fund_coord = kw("资金", "fund") > string_or_word[([](auto& ctx) {
                          coord c;
                          c.kind = coord_kind::fund;
                          c.value = x3::_attr(ctx);
                          state(ctx).coords.push_back(c);
                        })];
const auto project_coord = kw("项目", "project") > string_word_or_code[([](auto& ctx) {
                             coord c;
                             c.kind = coord_kind::project;
                             c.value = x3::_attr(ctx);
                             state(ctx).coords.push_back(c);
                           })];
const auto tag_coord = (word >> (lit('=') | lit("＝")))[([](auto& ctx) {
                         coord c;
                         c.kind = coord_kind::tag;
                         c.key = x3::_attr(ctx);
                         state(ctx).coords.push_back(c);
                       })] > string_word_or_code[set_last(&coord::value)];

const auto coordinate_def = code_coord | (word_ahead >> (kind_coord | fund_coord | project_coord | tag_coord));
const auto post_coordinate_def = kind_coord | fund_coord | project_coord | tag_coord;

const auto mark_amount = [](auto& ctx) {
  auto& st = state(ctx);
  st.amount = x3::_attr(ctx);
  st.coords_before_amount = st.coords.size();
};

const auto item_or_block_def =
    (colon > amount_tok[mark_amount] >> *(same_line >> post_coordinate))[set_type(stmt::item)] |
    (-(kw("合计", "total") > amount_tok[mark_amount]) >> (lit('{') | lit("｛")))[set_type(stmt::block_open)];

// coordinates first: an item or a block
const auto coord_statement = +coordinate > item_or_block;

// expressions ---------------------------------------------------------------

const auto comparator_def = x3::raw[lit("==") | lit("!=") | lit("<=") | lit(">=") | lit("≠") | lit("≤") | lit("≥") |
                                    lit("＝") | lit('=') | lit('<') | lit('>')][([](auto& ctx) {
  auto r = x3::_attr(ctx);
  x3::_val(ctx) = slice{&*r.begin(), &*r.begin() + r.size()};
})];

const auto filter_value_def = value_tok[([](auto& ctx) {
  auto& st = state(ctx);
  st.nodes[st.stack.back()].values.push_back(x3::_attr(ctx));
})];

const auto dim_tok = (word >> -(lit('.') > word));
const auto cond_head = x3::raw[dim_tok][([](auto& ctx) {
  auto& st = state(ctx);
  auto r = x3::_attr(ctx);
  node n;
  n.t = node::type::f_cmp;
  n.tok = slice{&*r.begin(), &*r.begin() + r.size()};
  n.begin = n.tok.b;
  n.end = n.tok.e;
  push_node(st, std::move(n));
})];
inline auto set_cmp(node::cmp c) {
  return [c](auto& ctx) {
    auto& st = state(ctx);
    st.nodes[st.stack.back()].op = c;
  };
}
const auto value_list = (lit('(') | lit("（")) > (filter_value % sep) > (lit(')') | lit("）"));
const auto condition_def =
    cond_head >>
    (((lit("!=") | lit("≠")) > filter_value)[set_cmp(node::cmp::ne)] |
     ((lit("==") | lit('=') | lit("＝")) > filter_value)[set_cmp(node::cmp::eq)] |
     ((kw("不属于") | (kw("not") >> kw("in"))) > value_list)[set_cmp(node::cmp::not_in)] |
     ((kw("属于", "in")) > value_list)[set_cmp(node::cmp::in)]);

const auto filter_not_def = x3::raw[kw("非", "not") > filter_not][reduce(node::type::f_not, 1)] |
                            ((lit('(') | lit("（")) > filter_ > (lit(')') | lit("）"))) | condition;
const auto filter_and_def = filter_not >> *((kw("且", "and") > filter_not)[reduce(node::type::f_and, 2)]);
const auto filter__def = filter_and >> *((kw("或", "or") > filter_and)[reduce(node::type::f_or, 2)]);

const auto push_all = [](auto& ctx) {
  node n;
  n.t = node::type::f_all;
  n.begin = n.end = x3::_where(ctx).begin();  // where the filter would have been
  push_node(state(ctx), std::move(n));
};
const auto where_kw = kw("其中", "where") | kw("满足");
const auto open_paren = lit('(') | lit("（");
const auto open_brace = lit('{') | lit("｛");
const auto close_paren = lit(')') | lit("）");
const auto aggregation_args = (open_paren > (close_paren[push_all] | (filter_ > close_paren))) |
                              (where_kw > filter_) | eps[push_all];

const auto sum_expr = x3::raw[kw("合计", "sum") >> aggregation_args][reduce(node::type::sum, 1)];
const auto count_expr = x3::raw[kw("计数", "count") >> aggregation_args][reduce(node::type::count, 1)];
const auto share_expr =
    x3::raw[kw("占比", "share") > open_paren > expression > sep > expression > close_paren][reduce(node::type::share, 2)];
const auto change_expr = x3::raw[kw("增幅", "change") > open_paren > expression > close_paren][reduce(node::type::change, 1)];
const auto prior_expr =
    (kw("上年", "prior") > open_paren > string_or_word[push_leaf(node::type::prior)] > close_paren);

const auto primary_def = percent_tok[push_leaf(node::type::percent)] | amount_tok[push_leaf(node::type::amount)] |
                         (open_paren > expression > close_paren) | share_expr | change_expr | prior_expr | count_expr |
                         sum_expr | string_or_word[push_leaf(node::type::name)];
const auto term_def = percent_tok[push_leaf(node::type::percent)] | x3::raw[(lit('-') > term)][reduce(node::type::neg, 1)] |
                      primary;
const auto expression_def =
    term >> *(x3::raw[lit('+') > term][reduce(node::type::add, 2)] | x3::raw[lit('-') > term][reduce(node::type::sub, 2)]);

const auto pop_to = [](std::uint32_t statement::*field) {
  return [field](auto& ctx) {
    auto& st = state(ctx);
    st.*field = st.stack.back();
    st.stack.pop_back();
  };
};

inline auto set_yoy(yoy y) {
  return [y](auto& ctx) { state(ctx).yoy_kind = y; };
}
const auto set_yoy_value = [](auto& ctx) { state(ctx).yoy_value = x3::_attr(ctx); };
const auto yoy_claim_def = (kw("减少", "decrease") > amount_tok[set_yoy_value])[set_yoy(yoy::decrease)] |
                           (kw("增加", "increase") > amount_tok[set_yoy_value])[set_yoy(yoy::increase)] |
                           (kw("下降", "fall") > percent_tok[set_yoy_value])[set_yoy(yoy::fall)] |
                           ((kw("增长", "growth") | kw("上升")) > percent_tok[set_yoy_value])[set_yoy(yoy::growth)] |
                           (kw("持平", "flat") | kw("保持一致"))[set_yoy(yoy::flat)];

const auto constraint_option_def =
    (kw("容差", "within") > amount_tok[([](auto& ctx) { state(ctx).tolerance = x3::_attr(ctx); })]) |
    kw("警告", "warning")[([](auto& ctx) { state(ctx).warning = true; })] |
    string_tok[([](auto& ctx) { state(ctx).message = x3::_attr(ctx); })];

const auto group_key = value_tok[([](auto& ctx) { state(ctx).rows.back().keys.push_back(x3::_attr(ctx)); })];
const auto group_row_amount = amount_tok[([](auto& ctx) { state(ctx).rows.back().amount = x3::_attr(ctx); })];
const auto group_row_def = value_tok[([](auto& ctx) {
  auto& st = state(ctx);
  st.rows.emplace_back();
  const slice key = x3::_attr(ctx);
  st.rows.back().at = key.b;
  st.rows.back().keys.push_back(key);
})] >> *(sep > group_key) > colon > group_row_amount >> -(lit(';') | lit("；"));
const auto group_dim = x3::raw[word][([](auto& ctx) {
  auto r = x3::_attr(ctx);
  state(ctx).group_dims.push_back(slice{&*r.begin(), &*r.begin() + r.size()});
})];
const auto group_table = kw("按", "by") > (group_dim % sep) > open_brace > *group_row >
                         (lit('}') | lit("｝"));

const auto constraint_stmt =
    kw("核对", "expect")[set_type(stmt::constraint)] > expression[pop_to(&statement::lhs)] >
    (((kw("较上年", "vs-prior") | kw("比上年")) > yoy_claim) | group_table |
     (comparator[([](auto& ctx) { state(ctx).cmp = x3::_attr(ctx); })] > expression[pop_to(&statement::rhs)])) >
    *constraint_option;

// query language ----------------------------------------------------------------

inline auto set_q(slice statement::*field) {
  return [field](auto& ctx) {
    auto r = x3::_attr(ctx);
    state(ctx).*field = slice{&*r.begin(), &*r.begin() + r.size()};
  };
}
inline auto set_flag(bool statement::*field) {
  return [field](auto& ctx) { state(ctx).*field = true; };
}
const x3::rule<struct qclause_r> query_clause = "a clause (where, by, pivot, rollup, share, order by, limit)";
const auto query_agg = x3::raw[kw("合计", "sum") | kw("计数", "count") | kw("最小", "min") | kw("最大", "max")];
const auto query_clause_def =
    ((kw("其中", "where") | kw("满足")) > filter_)[set_flag(&statement::q_where)] |
    (kw("按", "by") > (group_dim % sep)) |
    (kw("透视", "pivot") > x3::raw[word][set_q(&statement::q_pivot)]) |
    kw("汇总", "rollup")[set_flag(&statement::q_rollup)] |
    kw("占比", "share")[set_flag(&statement::q_share)] |
    ((kw("排序", "order") >> -kw("by")) >
     x3::raw[kw("合计", "sum") | kw("键", "key") | kw("计数", "count")][set_q(&statement::q_order)] >>
     -(kw("降序", "desc")[set_flag(&statement::q_desc)] | kw("升序", "asc"))) |
    ((kw("前", "top") | kw("limit")) > x3::raw[code_word][set_q(&statement::q_limit)]);
const auto query_rule = query_agg[set_q(&statement::q_agg)] > *query_clause;

const auto measure_stmt = kw("口径", "measure")[set_type(stmt::measure)] >
                          string_or_word[([](auto& ctx) { state(ctx).word = x3::_attr(ctx); })] >
                          (lit('=') | lit("＝")) > expression[pop_to(&statement::lhs)];

// header ----------------------------------------------------------------------

inline auto set_field(slice statement::*field) {
  return [field](auto& ctx) { state(ctx).*field = x3::_attr(ctx); };
}

const auto title_stmt = kw("标题", "title")[set_type(stmt::title)] > string_tok[set_field(&statement::word)];
const auto year_stmt = kw("年度", "year")[set_type(stmt::year)] > code_word_tok[set_field(&statement::word)];
const auto amount_unit_stmt = kw("金额单位", "amounts")[set_type(stmt::amount_unit)] > word[set_field(&statement::word)];
const auto unit_stmt = kw("单位", "unit")[set_type(stmt::unit)] > code_word_tok[set_field(&statement::word)] >
                       name_tok[set_field(&statement::word2)] >
                       -(kw("类型", "type") > word[set_field(&statement::word3)]);
const auto department_stmt = kw("部门", "department")[set_type(stmt::department)] >
                             code_word_tok[set_field(&statement::word)] > name_tok[set_field(&statement::word2)];
const auto import_stmt = kw("导入", "import")[set_type(stmt::import_)] > string_tok[set_field(&statement::word)];

const auto income_part = kw("其中", "of-which") > (word >> -colon > amount_tok)[([](auto& ctx) {
                           auto& attr = x3::_attr(ctx);
                           state(ctx).parts.emplace_back(boost::fusion::at_c<0>(attr), boost::fusion::at_c<1>(attr));
                         })];
const auto income_stmt = kw("收入", "income")[set_type(stmt::income)] > word[set_field(&statement::word)] > -colon >
                         amount_tok[set_field(&statement::amount)] > *income_part;
const auto year_end_stmt = kw("年终结转结余", "year-end-balance")[set_type(stmt::year_end_balance)] > -colon >
                           amount_tok[set_field(&statement::amount)];

// projects --------------------------------------------------------------------

const auto project_field_def =
    (kw("编码", "code") > code_word_tok[set_field(&statement::project_code)]) |
    (kw("类型", "type") > word[set_field(&statement::project_kind)]) |
    (kw("功能", "function") > code_tok[set_field(&statement::project_function)]) |
    (kw("金额", "amount") > -colon > amount_tok[set_field(&statement::project_amount)]);

const auto project_stmt = kw("项目", "project")[set_type(stmt::project)] > name_tok[set_field(&statement::word)] >
                          *project_field >> -open_brace[([](auto& ctx) { state(ctx).opens_block = true; })];
// a field on its own line inside a project's block
const auto project_field_stmt = project_field[([](auto& ctx) {
  auto& st = state(ctx);
  st.type = st.project_code ? stmt::project_code
            : st.project_kind ? stmt::project_kind
            : st.project_function ? stmt::project_function
                                  : stmt::project_amount;
})];
const auto targets_stmt = (kw("绩效", "targets") | kw("绩效目标")) > open_brace[set_type(stmt::targets_open)];
const auto target_category_kw = x3::raw[kw("成本", "cost") | kw("产出", "output") | kw("效益", "outcome") |
                                        kw("满意度", "satisfaction")][([](auto& ctx) {
  auto r = x3::_attr(ctx);
  state(ctx).category = slice{&*r.begin(), &*r.begin() + r.size()};
})];
const auto target_val_def = target_value | string_or_word[set_field(&statement::text)];
const auto target_stmt = target_category_kw[set_type(stmt::target)] > string_or_word[set_field(&statement::indicator)] >
                         target_val;

const auto member = string_word_or_code[([](auto& ctx) { state(ctx).members.push_back(x3::_attr(ctx)); })];
const auto group_stmt = kw("项目组", "project-group")[set_type(stmt::group)] > name_tok[set_field(&statement::word)] >
                        open_paren > (member % sep) > close_paren > *coordinate > open_brace;

// figures -----------------------------------------------------------------------

const auto prior_stmt = kw("上年", "prior")[set_type(stmt::prior)] > name_tok[set_field(&statement::word)] > -colon >
                        amount_tok[set_field(&statement::amount)];
const auto figure_stmt = kw("数值", "figure")[set_type(stmt::figure)] > name_tok[set_field(&statement::word)] > -colon >
                         amount_tok[set_field(&statement::amount)];
const auto count_stmt = kw("计数", "count")[set_type(stmt::count)] > name_tok[set_field(&statement::word)] > -colon >
                        amount_tok[set_field(&statement::amount)] > word[set_field(&statement::word2)];

const auto table_note_stmt = kw("表注", "table-note")[set_type(stmt::table_note)] >
                             string_word_or_code[set_field(&statement::word)] > string_tok[set_field(&statement::word2)];

const auto catalog_entry_stmt = kw("科目", "catalog-entry")[set_type(stmt::catalog_entry)] >
                                code_tok[set_field(&statement::word)] > string_or_word[set_field(&statement::word2)];
const auto catalog_edition_stmt = kw("科目版本", "catalog-edition")[set_type(stmt::catalog_edition)] >
                                  code_word_tok[set_field(&statement::word)];

const auto close_stmt = (lit('}') | lit("｝"))[set_type(stmt::block_close)];

const auto statement_rule_def =
    ((&x3::digit >> coord_statement) | (&lit('}') >> close_stmt) | title_stmt | year_stmt | amount_unit_stmt | unit_stmt | department_stmt | import_stmt | income_stmt |
     year_end_stmt | group_stmt | project_stmt | targets_stmt | target_stmt | project_field_stmt | prior_stmt |
     figure_stmt | count_stmt | measure_stmt | constraint_stmt | table_note_stmt | catalog_entry_stmt | catalog_edition_stmt | close_stmt |
     coord_statement) >>
    -(lit(';') | lit("；"));

BOOST_SPIRIT_DEFINE(string_or_word, string_word_or_code, value_tok)
BOOST_SPIRIT_DEFINE(colon, arrow, sep, amount_tok, percent_tok, name_tok, string_tok, code_tok, code_word_tok,
                    coordinate, post_coordinate, item_or_block, comparator, expression, term, primary, filter_,
                    filter_and, filter_not, condition, filter_value, yoy_claim, constraint_option, target_val,
                    project_field, group_row, query_clause, statement_rule)

}  // namespace rules

// ---------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------

YUSUAN_DECL parse_status parse_query_text(const char*& first, const char* last, statement& st, syntax_error& err) {
  st.clear();
  skip_blank(first, last);
  st.begin = first;
  const auto parser = x3::with<statement_tag>(std::ref(st))[rules::query_rule];
  try {
    const char* p = first;
    if (!x3::phrase_parse(p, last, parser, blank)) {
      err.where = first;
      err.expected = "sum, count, min or max (合计, 计数, 最小, 最大)";
      return parse_status::error;
    }
    skip_blank(p, last);
    if (p != last) {
      err.where = p;
      err.expected = "a clause (where, by, pivot, rollup, share, order by, limit)";
      return parse_status::error;
    }
    if (st.q_where) {
      // several where clauses narrow together: where A where B is where A and B
      while (st.stack.size() > 1) {
        node n;
        n.t = node::type::f_and;
        n.kids = {st.stack[st.stack.size() - 2], st.stack.back()};
        n.begin = st.nodes[n.kids[0]].begin;
        n.end = st.nodes[n.kids[1]].end;
        st.stack.resize(st.stack.size() - 2);
        push_node(st, std::move(n));
      }
      st.lhs = st.stack.back();
      st.stack.pop_back();
    }
    st.end = p;
    first = p;
    return parse_status::ok;
  } catch (const x3::expectation_failure<const char*>& e) {
    const char* w = e.where();
    skip_blank(w, last);
    err.where = w;
    err.expected = e.which();
    return parse_status::error;
  }
}

YUSUAN_DECL void skip_blank(const char*& first, const char* last) {
  x3::unused_type u;
  blank.parse(first, last, x3::unused, u, u);
}


namespace fast {

/// The common item line, "208 01 09 30101 基本工资 → 50101 工资奖金津补贴: 40.00",
/// recognised by hand: codes, optional names, an optional arrow, ':' and an
/// amount, then the end of the line.  Anything else (a block, a trailing
/// coordinate, a line break inside the statement, a reserved word or a tag
/// where a name would be) returns false and the X3 grammar parses the
/// statement as before, errors included.
inline bool item_line(const char*& first, const char* last, statement& st) {
  const char* p = first;
  auto digit = [&](const char* q) { return q < last && *q >= '0' && *q <= '9'; };
  auto spaces = [&] {
    while (p < last && (*p == ' ' || *p == '\t')) ++p;
  };
  auto code = [&](slice& out) {  // code_parser, without skipping
    const char* b = p;
    if (!digit(p)) return false;
    while (digit(p)) ++p;
    while (p < last && (*p == ' ' || *p == '.') && digit(p + 1) && digit(p + 2) && !digit(p + 3) &&
           !(p + 3 < last && (p[3] == '.' || p[3] == ',') && digit(p + 4)) && !chars::word_char_at(p + 3, last))
      p += 3;
    if (p < last && (*p == '.' || *p == ',') && digit(p + 1)) return false;
    if (chars::word_char_at(p, last)) return false;
    out = slice{b, p};
    return true;
  };
  auto arrow = [&] {
    if (last - p >= 3 && std::memcmp(p, "\xE2\x86\x92", 3) == 0) return p += 3, true;
    if (last - p >= 2 && (std::memcmp(p, "->", 2) == 0 || std::memcmp(p, "=>", 2) == 0)) return p += 2, true;
    return false;
  };
  // name_tok without quotes: a word that is not reserved and not a tag key
  auto name = [&](slice& out) {
    const auto c = static_cast<unsigned char>(p < last ? *p : 0);
    if (p == last || (c < 0x80 && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '_')) return true;  // none
    const char* b = p;
    x3::unused_type u;
    slice s;
    const char* q = p;
    if (!word_parser{}.parse(q, last, x3::unused, u, s)) return true;
    static constexpr keyword_parser reserved_words[] = {
        kw("基本支出", "basic"), kw("人员经费", "personnel"), kw("公用经费", "public"),
        kw("项目支出", "project-spending"), kw("其他运转类", "operating"), kw("特定目标类", "specific"),
        kw("资金", "fund"), kw("项目", "project"), kw("合计", "total")};
    const auto n = static_cast<std::size_t>(q - b);
    for (const auto& w : reserved_words) {
      const char* r = b;
      if ((n == w.zn || n == w.en_n || q[-1] == ')') && w.match(r, last)) return false;  // a kind or a keyword: let X3 decide
    }
    const char* e = q;
    while (e < last && (*e == ' ' || *e == '\t')) ++e;
    if (e < last && (*e == '=' || (last - e >= 3 && std::memcmp(e, "\xEF\xBC\x9D", 3) == 0))) return false;  // a tag
    out = slice{b, q};
    p = q;
    return true;
  };
  st.coords.clear();
  while (digit(p)) {
    coord c;
    c.kind = coord_kind::code;
    if (!code(c.code)) return false;
    spaces();
    if (!name(c.name)) return false;
    spaces();
    if (arrow()) {
      spaces();
      if (!code(c.code2)) return false;
      spaces();
      if (!name(c.name2)) return false;
      spaces();
    }
    st.coords.push_back(c);
  }
  if (st.coords.empty()) return false;
  if (p < last && *p == ':') ++p;
  else if (last - p >= 3 && std::memcmp(p, "\xEF\xBC\x9A", 3) == 0) p += 3;
  else return false;
  spaces();
  // amount_parser
  const char* ab = p;
  if (p < last && (*p == '-' || *p == '+')) ++p;
  if (p == last || !((*p >= '0' && *p <= '9') || (*p == '.' && p + 1 < last && p[1] >= '0' && p[1] <= '9'))) return false;
  while (p < last && ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',' || (*p >= 'a' && *p <= 'z') ||
                      (*p >= 'A' && *p <= 'Z') || *p == '_')) {
    if (*p == ',' && !(p + 1 < last && p[1] >= '0' && p[1] <= '9')) break;
    ++p;
  }
  const slice amount_slice{ab, p};
  spaces();
  if (p < last && *p == ';') {
    ++p;
    spaces();
  }
  if (!(p == last || *p == '\n' || *p == '\r' || *p == '#' || (*p == '/' && p + 1 < last && p[1] == '/'))) return false;
  st.type = stmt::item;
  st.amount = amount_slice;
  st.coords_before_amount = st.coords.size();
  skip_blank(p, last);  // as phrase_parse's post-skip
  st.end = p;
  first = p;
  return true;
}

}  // namespace fast

YUSUAN_DECL parse_status parse_statement(const char*& first, const char* last, statement& st, syntax_error& err) {
  st.clear();
  skip_blank(first, last);
  if (first == last) return parse_status::end;
  const char* const start = first;
  st.begin = start;
  if (*first >= '0' && *first <= '9') {
    if (fast::item_line(first, last, st)) return parse_status::ok;
    st.clear();
    st.begin = start;
  }
  const auto parser = x3::with<statement_tag>(std::ref(st))[rules::statement_rule];
  try {
    const char* p = first;
    if (x3::phrase_parse(p, last, parser, blank) && p != start) {
      st.end = p;
      first = p;
      return parse_status::ok;
    }
    err.where = start;
    err.expected = "a statement";
    return parse_status::error;
  } catch (const x3::expectation_failure<const char*>& e) {
    err.where = e.where();
    const char* w = e.where();
    skip_blank(w, last);
    err.where = w;
    err.expected = e.which();
    return parse_status::error;
  }
}

}  // namespace yusuan::detail::syntax

// "expected …" texts: an action or a raw[] reads as its subject; primitives
// read as what they are.
namespace boost::spirit::x3 {
template <class Subject, class Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<raw_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(raw_directive<Subject> const& p) const { return what(p.subject); }
};
template <class Left, class Right>
struct get_info<alternative<Left, Right>> {
  using result_type = std::string;
  std::string operator()(alternative<Left, Right> const& p) const { return what(p.left) + " or " + what(p.right); }
};
template <class Left, class Right>
struct get_info<sequence<Left, Right>> {
  using result_type = std::string;
  std::string operator()(sequence<Left, Right> const& p) const { return what(p.left); }
};
template <class Left, class Right>
struct get_info<expect_directive<sequence<Left, Right>>> {
  using result_type = std::string;
  std::string operator()(expect_directive<sequence<Left, Right>> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<optional<Subject>> {
  using result_type = std::string;
  std::string operator()(optional<Subject> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<kleene<Subject>> {
  using result_type = std::string;
  std::string operator()(kleene<Subject> const& p) const { return what(p.subject); }
};
template <class Subject, class Sep>
struct get_info<list<Subject, Sep>> {
  using result_type = std::string;
  std::string operator()(list<Subject, Sep> const& p) const { return what(p.left); }
};
template <>
struct get_info<yusuan::detail::syntax::keyword_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::detail::syntax::keyword_parser const& p) const {
    std::string s = std::string("'") + p.zh + "'";
    if (p.en) s += std::string(" ('") + p.en + "')";
    return s;
  }
};
template <>
struct get_info<yusuan::detail::syntax::word_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::detail::syntax::word_parser const&) const { return "a word"; }
};
template <>
struct get_info<yusuan::detail::syntax::code_word_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::detail::syntax::code_word_parser const&) const { return "a code"; }
};
template <>
struct get_info<yusuan::detail::syntax::target_value_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::detail::syntax::target_value_parser const&) const { return "an indicator value"; }
};
template <class Char>
struct get_info<literal_string<Char const*, char_encoding::standard, unused_type>> {
  using result_type = std::string;
  std::string operator()(literal_string<Char const*, char_encoding::standard, unused_type> const& p) const {
    return std::string("'") + p.str + "'";
  }
};
template <>
struct get_info<literal_char<char_encoding::standard, unused_type>> {
  using result_type = std::string;
  std::string operator()(literal_char<char_encoding::standard, unused_type> const& p) const {
    return std::string("'") + p.ch + "'";
  }
};
}  // namespace boost::spirit::x3
