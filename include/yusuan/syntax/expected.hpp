// yusuan/syntax/expected.hpp -- what the grammar's parts are called in the
// "expected …" of a syntax error: a rule by its name, an action or capture
// by its subject, a keyword by its spellings, a literal quoted.  Every part
// the grammars use has a name in words here: X3 calls a part it has no name
// for by its C++ type (a mangled name) and attr(…) "attr".  A part that
// matches nothing and names nothing (attr(…), eps, a look-ahead) is silent:
// a sequence is called by its first part that is not, an alternative by
// its branches that are not.
#pragma once

#include <yusuan/syntax/keywords.hpp>
#include <yusuan/syntax/tokens.hpp>

#include <boost/spirit/home/x3.hpp>

#include <string>
#include <type_traits>

namespace yusuan::syntax::expected {

namespace x3 = boost::spirit::x3;

/// Whether a part of the grammar matches no text of its own and so names
/// nothing a user could write there.
template <class P>
struct silent : std::false_type {};
template <class V>
struct silent<x3::attr_parser<V>> : std::true_type {};
template <>
struct silent<x3::eps_parser> : std::true_type {};
template <class S>
struct silent<x3::and_predicate<S>> : std::true_type {};
template <class S>
struct silent<x3::not_predicate<S>> : std::true_type {};
template <>
struct silent<tokens::same_line_parser> : std::true_type {};
template <>
struct silent<tokens::word_ahead_parser> : std::true_type {};
template <keyword... Ks>
struct silent<tokens::keywords_ahead_parser<Ks...>> : std::true_type {};
template <class L, class R>
struct silent<x3::sequence<L, R>> : std::bool_constant<silent<L>::value && silent<R>::value> {};
template <class L, class R>
struct silent<x3::alternative<L, R>> : std::bool_constant<silent<L>::value && silent<R>::value> {};

template <class P>
inline constexpr bool silent_v = silent<P>::value;

}  // namespace yusuan::syntax::expected

namespace boost::spirit::x3 {
template <class Subject, class Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(action<Subject, Action> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<yusuan::syntax::tokens::capture_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::capture_directive<Subject> const& p) const { return what(p.subject); }
};
template <class Left, class Right>
struct get_info<alternative<Left, Right>> {
  using result_type = std::string;
  std::string operator()(alternative<Left, Right> const& p) const {
    using yusuan::syntax::expected::silent_v;
    if constexpr (silent_v<Left> && !silent_v<Right>) return what(p.right);
    else if constexpr (silent_v<Right>) return what(p.left);
    else return what(p.left) + " or " + what(p.right);
  }
};
template <class Left, class Right>
struct get_info<sequence<Left, Right>> {
  using result_type = std::string;
  std::string operator()(sequence<Left, Right> const& p) const {
    if constexpr (yusuan::syntax::expected::silent_v<Left>) return what(p.right);
    else return what(p.left);
  }
};
template <class Subject>
struct get_info<and_predicate<Subject>> {
  using result_type = std::string;
  std::string operator()(and_predicate<Subject> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<not_predicate<Subject>> {
  using result_type = std::string;
  std::string operator()(not_predicate<Subject> const& p) const { return "no " + what(p.subject); }
};
template <>
struct get_info<eps_parser> {
  using result_type = std::string;
  std::string operator()(eps_parser const&) const { return "nothing"; }
};
template <class Subject>
struct get_info<plus<Subject>> {
  using result_type = std::string;
  std::string operator()(plus<Subject> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<omit_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(omit_directive<Subject> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<matches_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(matches_directive<Subject> const& p) const { return what(p.subject); }
};
template <class Subject>
struct get_info<expect_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(expect_directive<Subject> const& p) const { return what(p.subject); }
};
template <class Opener, class Subject>
struct get_info<yusuan::syntax::tokens::nested_directive<Opener, Subject>> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::nested_directive<Opener, Subject> const& p) const {
    return what(p.opener);
  }
};
template <>
struct get_info<char_class<char_encoding::standard, digit_tag>> {
  using result_type = std::string;
  std::string operator()(char_class<char_encoding::standard, digit_tag> const&) const { return "a digit"; }
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
template <class Subject, class Bounds>
struct get_info<repeat_directive<Subject, Bounds>> {
  using result_type = std::string;
  std::string operator()(repeat_directive<Subject, Bounds> const& p) const { return what(p.subject); }
};
template <class Subject, class Sep>
struct get_info<list<Subject, Sep>> {
  using result_type = std::string;
  std::string operator()(list<Subject, Sep> const& p) const { return what(p.left); }
};
template <>
struct get_info<yusuan::syntax::tokens::keyword_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::keyword_parser const& p) const {
    const auto& s = yusuan::syntax::spelling(p.id);
    std::string out = "'" + std::string(s.zh) + "'";
    if (!s.en.empty()) out += " ('" + std::string(s.en) + "')";
    return out;
  }
};
template <>
struct get_info<yusuan::syntax::tokens::punctuation_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::punctuation_parser const& p) const {
    std::string out;
    for (auto w : p.spellings)
      if (!w.empty()) out += (out.empty() ? "'" : " or '") + std::string(w) + "'";
    return out;
  }
};
template <>
struct get_info<yusuan::syntax::tokens::word_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::word_parser const&) const { return "a word"; }
};
template <>
struct get_info<yusuan::syntax::tokens::code_word_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::code_word_parser const&) const { return "a code"; }
};
template <>
struct get_info<yusuan::syntax::tokens::amount_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::amount_parser const&) const { return "an amount"; }
};
template <>
struct get_info<yusuan::syntax::tokens::percent_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::percent_parser const&) const { return "a percentage"; }
};
template <>
struct get_info<yusuan::syntax::tokens::code_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::code_parser const&) const { return "a classification code"; }
};
template <>
struct get_info<yusuan::syntax::tokens::string_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::string_parser const&) const { return "a quoted string"; }
};
template <>
struct get_info<yusuan::syntax::tokens::library_path_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::library_path_parser const&) const {
    return "a library path such as <std/measures.budget>";
  }
};
template <>
struct get_info<yusuan::syntax::tokens::target_value_parser> {
  using result_type = std::string;
  std::string operator()(yusuan::syntax::tokens::target_value_parser const&) const { return "an indicator value"; }
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
