// tests/support/parse_agreement.hpp -- syntax::parse_statement against
// phrase_parse(grammar::statement), statement by statement: the same outcome,
// the same end, the same error, the same syntax tree of an item or block.
// parse_statement reads lines of coordinates by calling the rules of `item`
// and `block_open` one after the other (syntax/parser.ipp); this holds it to
// the grammar.  Used by tests/language/coordinate_lines.cpp and
// fuzz/fuzz_parse.cpp.  Instantiates the grammar (includes grammar_def.hpp).
#pragma once

#include <yusuan/syntax/expected.hpp>
#include <yusuan/syntax/grammar_def.hpp>
#include <yusuan/syntax/parser.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace yusuan_test::parse_agreement {

namespace ast = yusuan::syntax::ast;
namespace syn = yusuan::syntax;
namespace x3 = boost::spirit::x3;


/// A slice as offsets into the text (or "-" when unset).
inline std::string at(const ast::slice& s, const char* base) {
  if (!s) return "-";
  return std::to_string(s.b - base) + ".." + std::to_string(s.e - base);
}

struct coordinate_printer {
  const char* base;
  std::ostream& os;
  void operator()(const ast::code_coord& c) const {
    os << "code " << at(c.code, base) << ' ' << at(c.name, base) << ' ' << at(c.mapped.code, base) << ' '
       << at(c.mapped.name, base);
  }
  void operator()(const ast::kind_coord& c) const { os << "kind " << at(c.word, base); }
  void operator()(const ast::fund_coord& c) const { os << "fund " << at(c.source, base); }
  void operator()(const ast::project_coord& c) const { os << "project " << at(c.project, base); }
  void operator()(const ast::tag_coord& c) const { os << "tag " << at(c.key, base) << ' ' << at(c.value, base); }
};

inline std::string print(const std::vector<ast::coordinate>& cs, const char* base) {
  std::ostringstream os;
  for (const auto& c : cs) {
    std::visit(coordinate_printer{base, os}, c);
    os << "; ";
  }
  return os.str();
}

inline std::string print(const ast::item& i, const char* base) {
  return "item " + at(i.where, base) + " [" + print(i.coords, base) + "] " + at(i.amount, base) + " [" +
         print(i.trailing, base) + "]";
}
inline std::string print(const ast::block_open& b, const char* base) {
  return "block " + at(b.where, base) + " [" + print(b.coords, base) + "] " + at(b.total, base);
}

/// One statement as phrase_parse(grammar::statement) reads it, printed; the
/// position after it in `first`.  Mirrors parse_statement's handling of
/// blanks, errors and the statement that reads nothing.
inline std::string by_grammar(const char*& first, const char* last, const char* base) {
  syn::chars::skip_blank(first, last);
  if (first == last) return "end";
  const char* start = first;
  yusuan::syntax::tokens::blank_parser skipper;
  ast::statement st;
  try {
    const char* p = first;
    if (!x3::phrase_parse(p, last, syn::grammar::statement, skipper, st) || p == start)
      return "error " + std::to_string(start - base) + " a statement";
    first = p;
  } catch (const x3::expectation_failure<const char*>& e) {
    const char* w = e.where();
    syn::chars::skip_blank(w, last);
    return "error " + std::to_string(w - base) + ' ' + e.which();
  } catch (const syn::tokens::nesting_too_deep& e) {
    return "error " + std::to_string(e.where - base) + " nesting";
  } catch (const syn::tokens::name_too_long& e) {
    return "error " + std::to_string(e.where - base) + " long name";
  }
  if (const auto* i = std::get_if<ast::item>(&st)) return print(*i, base);
  if (const auto* b = std::get_if<ast::block_open>(&st)) return print(*b, base);
  return "other";
}

/// The same statement as parse_statement reads it.
inline std::string by_parser(const char*& first, const char* last, const char* base, syn::statement_slot& slot) {
  syn::syntax_error err;
  switch (syn::parse_statement(first, last, slot, err)) {
    case syn::parse_status::end:
      return "end";
    case syn::parse_status::error: {
      std::string what = err.nesting_limit ? "nesting" : err.name_length ? "long name" : err.expected;
      return "error " + std::to_string(err.where - base) + ' ' + what;
    }
    case syn::parse_status::ok:
      break;
  }
  if (slot.is_item) return print(slot.item, base);
  if (const auto* b = std::get_if<ast::block_open>(&slot.other)) return print(*b, base);
  if (std::get_if<ast::item>(&slot.other)) return "item outside the slot's item";
  return "other";
}

/// Compares the two readings statement by statement, going on after the
/// line of each error as the compiler does.  Returns the first disagreement
/// ("at offset N: parse_statement … / grammar …"), or nothing; `statements`
/// receives the number of statements read.
inline std::optional<std::string> disagreement(std::string_view text, std::size_t* statements = nullptr) {
  const char* base = text.data();
  const char* last = base + text.size();
  const char* a = base;
  syn::statement_slot slot;  // reused, as the compiler reuses it
  std::size_t n = 0;
  const auto done = [&](std::optional<std::string> r) {
    if (statements) *statements = n;
    return r;
  };
  while (true) {
    const char* b = a;
    const std::string want = by_grammar(b, last, base);
    const char* p = a;
    const std::string got = by_parser(p, last, base, slot);
    const std::string where = "at offset " + std::to_string(a - base) + ": ";
    if (got != want) return done(where + "parse_statement read " + got + ", the grammar " + want);
    if (want == "end") return done(std::nullopt);
    ++n;
    if (want.rfind("error", 0) == 0) {
      const char* nl = std::find(a, last, '\n');
      if (nl == last) return done(std::nullopt);
      a = nl + 1;
      continue;
    }
    if (p != b)
      return done(where + "parse_statement ended the statement at " + std::to_string(p - base) +
                  ", the grammar at " + std::to_string(b - base));
    a = b;
  }
}

}  // namespace yusuan_test::parse_agreement
