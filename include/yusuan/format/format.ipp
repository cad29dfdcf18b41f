// yusuan/format/format.ipp -- the definition of format_budget (format.hpp):
// the parser finds where each statement starts, what opens and closes
// blocks, which amount aligns and which words are keywords; layout.hpp
// writes the text.  Included by <yusuan/src.hpp>, or by <yusuan/format.hpp>
// in header-only mode.
#pragma once

#include <yusuan/compile.hpp>
#include <yusuan/compile/describe.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/format.hpp>
#include <yusuan/format/layout.hpp>
#include <yusuan/rules/scanner.hpp>
#include <yusuan/syntax/ast_adapted.hpp>
#include <yusuan/syntax/keywords.hpp>
#include <yusuan/syntax/parser.hpp>
#include <yusuan/syntax/tokens.hpp>
#include <yusuan/text/utf8.hpp>

#include <boost/fusion/include/for_each.hpp>
#include <boost/fusion/include/is_sequence.hpp>
#include <variant>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace yusuan {

namespace format::detail {

namespace ast = syntax::ast;
namespace x3 = boost::spirit::x3;

/// What a statement means for the layout: whether it opens or closes a
/// block, and which of its amounts aligns with its neighbours'.
struct mark_visitor {
  statement_mark& m;
  const char* base;

  void amount(align_kind k, ast::slice s) {
    if (!s) return;
    m.align = k;
    m.amount = static_cast<std::size_t>(s.b - base);
  }
  void operator()(const ast::item& s) { amount(align_kind::item, s.amount); }
  void operator()(const ast::block_open&) { m.opens = true; }
  void operator()(const ast::block_close&) { m.closes = true; }
  void operator()(const ast::header_statement&) {}
  void operator()(const ast::income& s) { amount(align_kind::income, s.amount); }
  void operator()(const ast::year_end_balance&) {}
  void operator()(const ast::project_statement& s) { std::visit(*this, s); }
  void operator()(const ast::project_group&) { m.opens = true; }
  void operator()(const ast::project& s) { m.opens = s.opens_block; }
  void operator()(const ast::targets_open&) { m.opens = true; }
  void operator()(const ast::target&) {}
  void operator()(const ast::project_field&) {}
  void operator()(const ast::rule_statement& s) { std::visit(*this, s); }
  void operator()(const ast::prior_figure& s) { amount(align_kind::prior, s.amount); }
  void operator()(const ast::figure& s) { amount(align_kind::figure, s.amount); }
  void operator()(const ast::count_figure& s) { amount(align_kind::count, s.count); }
  template <class Other>
  void operator()(const Other&) {}
};

/// The tokens of a statement that are names and values, not keywords: every
/// slice of its syntax tree but those that hold a keyword (绩效, a target's
/// category, 非, 允许负数).  A word the grammar tried as a keyword and then
/// read as a name (上年 as the name of a figure) is among them.
struct value_slices {
  std::vector<std::pair<const char*, const char*>>& out;

  void operator()(const ast::slice& s) const {
    if (s.b && s.e > s.b) out.emplace_back(s.b, s.e);
  }
  void operator()(const ast::targets_open&) const {}
  void operator()(const ast::allow_negative&) const {}
  void operator()(const ast::target& t) const {
    (*this)(t.indicator);
    (*this)(t.value);
  }
  void operator()(const ast::target_value& v) const {
    for (const auto* s : {&v.comparator, &v.number, &v.unit, &v.text}) (*this)(*s);
  }
  void operator()(const ast::negation& n) const { (*this)(n.atom); }
  template <class T>
  void operator()(const std::vector<T>& v) const {
    for (const auto& x : v) (*this)(x);
  }
  template <class T>
  void operator()(const ast::box<T>& f) const {
    (*this)(f.get());
  }
  template <class T>
  void operator()(const T& t) const {
    if constexpr (boost::fusion::traits::is_sequence<T>::value) boost::fusion::for_each(t, *this);
    else if constexpr (requires { t.index(); t.valueless_by_exception(); }) std::visit(*this, t);
  }
};

/// The spelling of keyword `id` in the language asked for, or empty when
/// `written` is already in it.
inline std::string_view respelled(syntax::keyword id, std::string_view written, keyword_spelling_choice to) {
  const auto& sp = syntax::spelling(id);
  const bool is_en = written == sp.en || (!sp.en2.empty() && written == sp.en2);
  if (to == keyword_spelling_choice::chinese) return is_en ? sp.zh : std::string_view();
  if (is_en) return {};
  return sp.en;
}

/// Whether the text before p ends a token: its start, a blank or punctuation.
/// An English keyword written right after anything else (100.00其中 respelled)
/// gets a blank before it, or it would run into it (100.00of-which).
inline bool token_ends_before(const char* base, const char* p) {
  if (p == base) return true;
  const char* q = p - 1;
  while (q > base && (static_cast<unsigned char>(*q) & 0xC0) == 0x80) --q;
  const char* r = q;
  const char32_t c = text::decode(r, p);
  return syntax::chars::is_space(c) || syntax::chars::is_punctuation(c);
}

/// Edits for the keywords the grammar matched in one statement (the last
/// match at a position is the one the parse kept).
inline void keyword_edits(std::vector<syntax::tokens::keyword_use>& uses, const char* base, const char* stmt_end,
                          std::vector<std::pair<const char*, const char*>>& values, keyword_spelling_choice to,
                          std::vector<token_edit>& out) {
  using syntax::keyword;
  std::stable_sort(uses.begin(), uses.end(), [](const auto& a, const auto& b) { return a.b < b.b; });
  std::sort(values.begin(), values.end());
  auto is_value = [&](const char* p) {  // inside a name or value of the syntax tree
    auto it = std::upper_bound(values.begin(), values.end(), p,
                               [](const char* q, const auto& v) { return q < v.first; });
    return it != values.begin() && std::prev(it)->first <= p && p < std::prev(it)->second;
  };
  std::vector<syntax::tokens::keyword_use> kept;
  for (const auto& u : uses) {
    if (u.b >= stmt_end || is_value(u.b)) continue;
    if (!kept.empty() && kept.back().b == u.b) kept.back() = u;  // the later match at the same place
    else kept.push_back(u);
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const auto& u = kept[i];
    const std::string_view written(u.b, static_cast<std::size_t>(u.e - u.b));
    const auto b = static_cast<std::size_t>(u.b - base), e = static_cast<std::size_t>(u.e - base);
    // "not in" is one keyword (不属于) written as two words
    auto only_blanks = [](const char* b, const char* e) {
      while (b < e) {
        const char32_t c = text::decode(b, e);
        if (!syntax::chars::is_space(c)) return false;
      }
      return true;
    };
    if (u.id == keyword::not_ && i + 1 < kept.size() && kept[i + 1].id == keyword::in && written == "not" &&
        only_blanks(u.e, kept[i + 1].b)) {
      if (to == keyword_spelling_choice::chinese) {
        out.push_back({b, e, "不属于"});
        out.push_back({static_cast<std::size_t>(kept[i + 1].b - base), static_cast<std::size_t>(kept[i + 1].e - base),
                       std::string()});
      }
      ++i;
      continue;
    }
    if (u.id == keyword::not_in) {
      if (to == keyword_spelling_choice::english)
        out.push_back({b, e, token_ends_before(base, u.b) ? "not in" : " not in"});
      continue;
    }
    const std::string_view to_text = respelled(u.id, written, to);
    if (!to_text.empty() && to_text != written)
      out.push_back({b, e, (token_ends_before(base, u.b) ? "" : " ") + std::string(to_text)});
  }
}

/// The words of a test's own line (测试, 规则, 应 and its verb) respelled.
inline void test_line_edits(std::string_view s, const rule_test_span& sp, keyword_spelling_choice to,
                            std::vector<token_edit>& out) {
  using syntax::keyword;
  auto word_at = [&](std::size_t p, std::initializer_list<keyword> ids) -> std::optional<token_edit> {
    for (keyword id : ids) {
      const auto& spl = syntax::spelling(id);
      for (std::string_view w : {spl.zh, spl.en})
        if (!w.empty() && s.compare(p, w.size(), w) == 0) {
          const std::string_view to_text = respelled(id, w, to);
          return token_edit{p, p + w.size(), std::string(to_text.empty() ? w : to_text)};
        }
    }
    return std::nullopt;
  };
  std::size_t p = sp.b;
  auto first = word_at(p, {keyword::test, keyword::rules, keyword::should});
  if (!first) return;
  if (first->text != s.substr(first->begin, first->end - first->begin)) out.push_back(*first);
  const std::string_view word = s.substr(p, first->end - p);
  if (word != "应" && word != "should") return;
  p = first->end;
  while (p < sp.e && blank_at(s, p)) p += blank_at(s, p);
  if (auto verb = word_at(p, {keyword::pass, keyword::report, keyword::equals}))
    if (verb->text != s.substr(verb->begin, verb->end - verb->begin)) out.push_back(*verb);
}

}  // namespace format::detail

YUSUAN_DECL std::optional<std::string> format_budget(std::string_view text, std::string name, diagnostics& diags,
                                                     const format_options& options) {
  using namespace format;
  if (options.max_expression_depth > compile_options::max_expression_depth_bound)
    throw error(errc::invalid_argument, "yusuan: format_options::max_expression_depth " +
                                            std::to_string(options.max_expression_depth) +
                                            " is past the deepest nesting read safely, " +
                                            std::to_string(compile_options::max_expression_depth_bound) + " levels");
  auto file = std::make_shared<const source_file>(name, std::string(text));
  compile::reporter rep(100);
  rep.set_file(file.get());
  rep.keep(file);
  const std::string_view s = file->text();
  auto fail = [&]() -> std::optional<std::string> {
    diags.append(rep.finish());  // with the texts they point into
    return std::nullopt;
  };
  if (const std::size_t bad = text::first_invalid(s); bad != std::string_view::npos) {
    diags.add(not_utf8(name, static_cast<unsigned char>(s[bad]), file->line_of(bad), s));
    return std::nullopt;
  }

  // the tests of rules in the file, if any: their own lines are laid out
  // apart, the rest is budget text
  // (a text the scanner finds malformed tests in is read as a budget: `test`
  // may be a name; if it does not parse either, the tests' errors are the
  // ones reported)
  std::vector<std::string> test_errors;
  yusuan::detail::rule_test_scanner scanner{std::string(s), std::filesystem::path(name)};
  const auto scanned = scanner.scan(test_errors, false);
  const bool tests = test_errors.empty() && !scanner.layout().empty();
  const std::string budget_text = tests ? scanner.budget_text() : std::string();
  const std::string_view parsed = tests ? std::string_view(budget_text) : s;

  std::vector<statement_mark> marks;
  std::vector<token_edit> edits;
  std::vector<syntax::tokens::keyword_use> uses;
  std::vector<std::pair<const char*, const char*>> values;
  const bool respell = options.spelling != keyword_spelling_choice::as_written;
  struct log_guard {
    explicit log_guard(std::vector<syntax::tokens::keyword_use>* v) { syntax::tokens::keyword_log = v; }
    ~log_guard() { syntax::tokens::keyword_log = nullptr; }
  } guard(respell ? &uses : nullptr);

  const char* const base = parsed.data();
  const char* p = base;
  const char* const last = base + parsed.size();
  syntax::statement_slot slot;
  syntax::syntax_error err;
  for (;;) {
    uses.clear();
    syntax::chars::skip_blank(p, last);  // as the compiler reads statements
    const char* const start = p;
    const auto status = syntax::parse_statement(p, last, slot, err, options.max_expression_depth);
    if (status == syntax::parse_status::end) break;
    if (status == syntax::parse_status::error) {
      if (!test_errors.empty()) {
        // the tests' problems, located in the file (E0101), in the order of the file
        diagnostics found = scanner.problems();
        for (const auto& t : scanned) found.append(t.problems);
        std::vector<const diagnostic*> order;
        for (const auto& d : found) order.push_back(&d);
        std::stable_sort(order.begin(), order.end(),
                         [](const diagnostic* a, const diagnostic* b) { return a->span.offset < b->span.offset; });
        for (const diagnostic* d : order) rep.add(*d);
        if (const auto src = scanner.source()) rep.keep(src);
        return fail();
      }
      err.where = s.data() + (err.where - base);  // in the file's text (the tests' lines blanked are not)
      compile::report_syntax_error(rep, err, s.data() + s.size(), s.data() + (start - base));
      return fail();
    }
    statement_mark m;
    m.begin = static_cast<std::size_t>(start - base);
    format::detail::mark_visitor v{m, base};
    if (slot.is_item) v(slot.item);
    else std::visit(v, slot.other);
    marks.push_back(m);
    if (respell) {
      values.clear();
      format::detail::value_slices walk{values};
      if (slot.is_item) walk(slot.item);
      else walk(slot.other);
      format::detail::keyword_edits(uses, base, p, values, options.spelling, edits);
    }
  }
  // a '}' left out or one too many: re-indenting by the braces as they are
  // would put the lines after it in the wrong block and lose the
  // indentation that says where it is (E0103, as the compiler reports it)
  if (const auto missing = syntax::find_missing_braces(parsed); !missing.empty()) {
    for (const auto& m : missing)
      compile::report_missing_brace(rep, {s.data() + (m.before - base), s.data() + (m.opener - base), m.extra});
    return fail();
  }
  const std::vector<rule_test_span> no_tests;
  for (const auto& sp : tests ? scanner.layout() : no_tests) {
    statement_mark m;
    m.begin = sp.b;
    m.opens = sp.what == rule_test_span::kind::open;
    m.closes = sp.what == rule_test_span::kind::close;
    marks.push_back(m);
    if (respell) format::detail::test_line_edits(s, sp, options.spelling, edits);
  }
  std::sort(marks.begin(), marks.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  std::sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return format::layout(s, marks, edits, options.indent);
}

}  // namespace yusuan
