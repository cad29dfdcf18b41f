// yusuan/compile/describe.hpp -- how diagnostics show amounts and items.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/syntax/parser.hpp>
#include <yusuan/text/utf8.hpp>

#include <cstddef>
#include <string>

namespace yusuan::compile {

/// An amount in `u` with as many decimals as it takes to show it exactly (at
/// least two): 38.385 万元 is "38.385", not "38.39".
inline std::string exact_text(money m, unit u, bool thousands = false) {
  const int most = exact_decimals(u);
  int decimals = 2;
  std::int64_t step = 1;
  for (int k = most; k > 2; --k) step *= 10;  // 分 per unit of the last of two decimals
  for (const std::int64_t f = m.fen(); decimals < most && f % step != 0; step /= 10) ++decimals;
  return m.format(u, decimals, thousands);
}

/// An amount with its sign: +1.00, -0.10, 0.00.
inline std::string signed_text(money m, unit u) { return (m.sign() > 0 ? "+" : "") + exact_text(m, u); }
/// The same for an exact difference of two amounts (every decimal it takes).
inline std::string signed_text(int128 fen, unit u) {
  if (fen.fits_int64()) return signed_text(money::from_fen(static_cast<std::int64_t>(fen)), u);
  return (fen > 0 ? "+" : "") + format_fen(fen, u, exact_decimals(u));
}

/// An item as a diagnostic names it: its codes and its project.
inline std::string describe(const detail::budget_data& d, const item& it) {
  std::string s;
  if (it.function) s += it.function.spaced();
  if (it.econ) s += (s.empty() ? "" : " ") + it.econ.str();
  if (it.gov_econ) s += (s.empty() ? "" : " → ") + it.gov_econ.str();
  if (it.project != npos32) s += (s.empty() ? "" : " ") + d.projects[it.project].name;
  return s.empty() ? "item" : s;
}

/// Notes listing the items [from, to) that made up a sum (at most 10).
inline void add_item_notes(diagnostic& diag, const detail::budget_data& d, std::size_t from, std::size_t to, unit u) {
  const std::size_t total = to > from ? to - from : 0;
  const std::size_t shown = total < 10 ? total : 10;
  for (std::size_t i = from; i < from + shown; ++i) {
    const auto& it = d.items[i];
    diag.notes.push_back({describe(d, it) + " " + exact_text(it.amount, u), {d.sources[it.file].get(), it.offset, 1}});
  }
  if (total > shown) diag.notes.push_back({"and " + std::to_string(total - shown) + " more items", {}});
}

/// What a syntax error found at `w`: the next token (up to 12 characters,
/// up to a blank), quoted, or `end` at the end of the text.
inline std::string found_at(const char* w, const char* last, const char* end = "the end of the file") {
  if (w >= last) return end;
  const char* e = w;
  int chars = 0;
  while (e < last && chars < 12) {
    const char* q = e;
    const char32_t c = text::decode(q, last);
    if (c == '\n' || c == '\r' || ((c == ' ' || c == '\t' || c == 0x3000) && chars > 0)) break;
    e = q;
    ++chars;
  }
  std::string found = "'" + std::string(w, e) + "'";
  if (e < last && *e != '\n' && *e != ' ' && *e != '\r' && chars >= 12) found.insert(found.size() - 1, "…");
  return found;
}

/// Reports a statement or query that did not parse: E0101, or E0715 for
/// expressions and filters nested past the limit.
inline void report_syntax_error(reporter& rep, const syntax::syntax_error& err, const char* last) {
  if (err.nesting_limit != 0) {
    const std::string limit = std::to_string(err.nesting_limit);
    auto& d = rep.error("E0715", "expression nested too deeply", rep.span_at(err.where, 1),
                        "level " + std::to_string(err.nesting_limit + 1) + ": parentheses, 占比, 增幅 and 合计 nest at most " +
                            limit + " deep");
    d.expected = "at most " + limit + " levels";
    d.found = "a level more: " + found_at(err.where, last);
    return;
  }
  if (err.name_length != 0) {
    const std::string limit = std::to_string(syntax::max_name_length);
    auto& d = rep.error("E0717", "name or string too long", rep.span_at(err.where, 1),
                        std::to_string(err.name_length) + " bytes: a name or a string has at most " + limit + " bytes");
    d.expected = "at most " + limit + " bytes";
    d.found = std::to_string(err.name_length) + " bytes";
    return;
  }
  auto& d = rep.error("E0101", "syntax error: expected " + err.expected, rep.span_at(err.where, 1));
  d.expected = err.expected;
  d.found = found_at(err.where, last);
}

}  // namespace yusuan::compile
