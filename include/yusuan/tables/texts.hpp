// yusuan/tables/texts.hpp -- the texts of a table: titles, headers and the
// text cells of its rows, from the fields of the budget, of the table and of
// the row's keys (a code, its digits at a level, its name, a project's
// targets …).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/tables/evaluate.hpp>
#include <yusuan/tables/names.hpp>
#include <yusuan/tables/template.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan::tables {

/// What the fields of one table read: the budget, the template, the table.
struct text_context {
  const budget& b;
  const table_template& templ;
  const table_spec& table;
  unit amount_unit;
  cell_evaluator* ev = nullptr;  // for 项目.单位: the projects' units
};

/// The row a text is printed in (none for titles and headers).
struct text_row {
  const row_context* ctx = nullptr;
  std::size_t ordinal = 0;
};

namespace detail {

inline std::optional<dimension_key> row_key(const text_row& r, const dimension_ref& d) {
  if (!r.ctx) return std::nullopt;
  for (std::size_t i = r.ctx->dims.size(); i-- > 0;)
    if (r.ctx->dims[i].dim == d.dim && (d.dim != dimension::tag || r.ctx->dims[i].tag_key == d.tag_key))
      return r.ctx->keys[i];
  return std::nullopt;
}

/// The digits of a code key (function or econ), or empty.
inline std::string code_digits(const dimension_ref& d, dimension_key k) {
  if (k == no_key) return {};
  if (d.dim == dimension::function) return function_of(k).str();
  if (d.dim == dimension::econ || d.dim == dimension::gov_econ) return econ_of(k).str();
  return {};
}

}  // namespace detail

/// The number of lines a text takes in its row: the length of its list (a
/// project's targets of a category), 1 otherwise.
inline std::size_t text_lines(const text_context& c, const text_pattern& t, const text_row& r) {
  std::size_t n = 1;
  for (const auto& p : t.pieces) {
    if (p.what != field::target_indicator && p.what != field::target_value) continue;
    const auto k = detail::row_key(r, {dimension::project, 0, {}});
    if (!k || *k >= c.b.projects().size()) continue;
    std::size_t m = 0;
    for (const auto& tg : c.b.projects()[static_cast<std::size_t>(*k)].targets) m += tg.category == p.category;
    n = std::max(n, m);
  }
  return n;
}

namespace detail {

/// A unit's code and name in a table's row; the unit of neither (a
/// department's own items) is the department's.
inline std::string unit_code_or_department(const budget& b, std::size_t i) {
  const auto& u = b.units()[i];
  return u.code.empty() && u.name.empty() ? b.header().department_code : u.code;
}
inline std::string unit_name_or_department(const budget& b, std::size_t i) {
  const auto& u = b.units()[i];
  return u.code.empty() && u.name.empty() ? b.header().department_name : u.name;
}

/// The text after a {年度} of a budget without one, read so that no empty
/// year is left: "{年度}年…", "{年度} 年度…" read "…"; "（{年度}）" and
/// "（{年度}年）" read nothing (the bracket before is taken from `out`).
inline std::string_view without_year_word(std::string& out, std::string_view s) {
  std::string_view t = s;
  while (t.starts_with(" ") || t.starts_with("\u3000")) t.remove_prefix(t.starts_with(" ") ? 1 : 3);
  const bool word = t.starts_with("年");
  if (word) {
    t.remove_prefix(t.starts_with("年度") ? 6 : 3);
    // "预算 {年度} 年 表" reads "预算 表", not "预算  表"
    if (out.ends_with(' ') && (t.empty() || t.starts_with(" "))) out.pop_back();
  }
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}})
    if (out.ends_with(open) && t.starts_with(close)) {
      out.resize(out.size() - open.size());
      return t.substr(close.size());
    }
  return word ? t : s;
}

}  // namespace detail

/// The text of a pattern; for a list, its `line`-th entry (empty past its end).
inline std::string text_of(const text_context& c, const text_pattern& t, const text_row& r = {}, std::size_t line = 0,
                           int depth = 0) {
  std::string out;
  const auto& h = c.b.header();
  bool no_year = false;  // a budget without 年度: "{年度}年…" reads "…", not "0年…"
  for (const auto& p : t.pieces) {
    const bool after_no_year = std::exchange(no_year, false);
    switch (p.what) {
      case field::text: {
        std::string_view s = p.text;
        if (after_no_year) s = detail::without_year_word(out, s);
        out += s;
        break;
      }
      case field::variable:
        if (const auto* v = c.table.variable(p.text) ? c.table.variable(p.text) : c.templ.variable(p.text);
            v && depth < 8)
          out += text_of(c, *v, r, line, depth + 1);
        break;
      case field::table_id: out += c.table.id; break;
      case field::year:
        if (c.b.year() != 0) out += std::to_string(c.b.year());
        else no_year = true;
        break;
      case field::unit_name: out += !h.unit_name.empty() ? h.unit_name : h.department_name; break;
      case field::unit_code: out += h.unit_code; break;
      case field::department_name: out += !h.department_name.empty() ? h.department_name : h.unit_name; break;
      case field::department_code: out += h.department_code; break;
      case field::amount_unit: out += unit_name(c.amount_unit); break;
      case field::title: out += h.title; break;
      case field::ordinal: out += chinese_ordinal(r.ordinal); break;
      case field::ordinal_digits: out += std::to_string(r.ordinal); break;
      case field::code:
      case field::code_part:
      case field::name:
      case field::key:
      case field::project_kind:
      case field::project_unit:
      case field::target_indicator:
      case field::target_value: {
        const dimension_ref d = p.what == field::project_kind || p.what == field::project_unit ||
                                        p.what == field::target_indicator || p.what == field::target_value
                                    ? dimension_ref{dimension::project, 0, {}}
                                    : p.dim;
        const auto k = detail::row_key(r, d);
        if (!k || *k == no_key) break;
        const auto i = static_cast<std::size_t>(*k);
        switch (p.what) {
          case field::code:
            if (d.dim == dimension::unit) out += detail::unit_code_or_department(c.b, i);
            else if (d.dim == dimension::project) out += (*k >> 32) ? std::string() : c.b.projects()[i].code;
            else if (d.dim == dimension::function || d.dim == dimension::econ || d.dim == dimension::gov_econ)
              out += detail::code_digits(d, *k);
            else out += key_text(c.b, d, *k);
            break;
          case field::code_part: out += code_part(detail::code_digits(d, *k), p.level); break;
          case field::name:
            if (d.dim == dimension::function) out += function_name(c.b, function_of(*k));
            else if (d.dim == dimension::econ || d.dim == dimension::gov_econ) out += econ_name(c.b, econ_of(*k));
            else if (d.dim == dimension::unit) out += detail::unit_name_or_department(c.b, i);
            else out += key_text(c.b, d, *k);
            break;
          case field::key: out += key_text(c.b, d, *k); break;
          case field::project_kind:
            if (i < c.b.projects().size()) out += chinese_name(c.b.projects()[i].kind);
            break;
          case field::project_unit:
            if (c.ev && i < c.b.projects().size() && !c.b.units().empty())
              out += detail::unit_name_or_department(
                  c.b, std::min<std::size_t>(c.ev->projects().unit_of(i), c.b.units().size() - 1));
            break;
          default: {  // a target of the project: the line-th of its category
            if (i >= c.b.projects().size()) break;
            std::size_t seen = 0;
            for (const auto& tg : c.b.projects()[i].targets) {
              if (tg.category != p.category) continue;
              if (seen++ == line) {
                out += p.what == field::target_indicator ? tg.indicator : tg.value_text();
                break;
              }
            }
          }
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace yusuan::tables
