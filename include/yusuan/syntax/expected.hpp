// yusuan/syntax/expected.hpp -- what the grammar's parts are called in the
// "expected …" of a syntax error: a rule by its name, an action or capture
// by its subject, a keyword by its spellings, a literal quoted.
#pragma once

#include <yusuan/syntax/keywords.hpp>
#include <yusuan/syntax/tokens.hpp>

#include <boost/spirit/home/x3.hpp>

#include <string>

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
