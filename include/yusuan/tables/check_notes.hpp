// yusuan/tables/check_notes.hpp -- a budget's table notes (表注) checked
// against the tables of its template: a note names a table the template has
// (E0806, with the names it may have meant), and a note that says its table
// is empty is on a table with no figures (E0807, naming the figures found);
// and its balances against the tables that show them by fund source (W0808,
// tables/balance_parts.hpp).  `yusuan check` and `yusuan table` run these
// checks on the budget's own template (模板, else the default), on the
// complete budget whether its 核对 pass or not (check_notes_too).
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/error.hpp>
#include <yusuan/tables/assemble.hpp>
#include <yusuan/tables/balance_parts.hpp>
#include <yusuan/tables/ids.hpp>
#include <yusuan/tables/library.hpp>
#include <yusuan/tables/template.hpp>
#include <yusuan/text/suggest.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan::tables {

namespace detail {

/// The names of the tables of `t` closest to `text` (at most three), nearest
/// first: ids, names, aliases and labels.
inline std::vector<std::string> nearest_tables(const table_template& t, std::string_view text) {
  std::vector<std::string> names;
  for (const auto& s : t.tables) {
    names.push_back(s.id);
    names.push_back(s.name);
    names.insert(names.end(), s.aliases.begin(), s.aliases.end());
    if (auto l = static_label(t, s); !l.empty()) names.push_back(std::move(l));
  }
  return text::closest_names(text, names);
}

/// "“三公”经费合计 9.20, 公务用车购置及运行费/小计 7.00, …": the figures of
/// the first row that has any (the 合计 row where the table has one), and
/// how many cells print a figure.
inline std::string figures_found(const table& t) {
  std::size_t cells = 0;
  const row* first = nullptr;
  for (const auto& r : t.rows) {
    if (r.role == row_role::note) continue;
    for (const auto& c : r.cells)
      if (c.amount && !c.amount->is_zero()) ++cells;
    if (has_figures({r}) && (!first || (r.role == row_role::total && first->role != row_role::total))) first = &r;
  }
  if (!first) return {};
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < first->cells.size() && i < t.columns.size(); ++i) {
    const auto& c = first->cells[i];
    if (!c.amount || c.amount->is_zero()) continue;
    if (shown == 4) {
      out += ", …";
      break;
    }
    if (shown++ > 0) out += ", ";
    out += t.columns[i].header() + " " + t.text(*first, i);
  }
  return out + " (" + std::to_string(cells) + (cells == 1 ? " cell" : " cells") + " with figures, in " +
         std::string(unit_name(t.amount_unit)) + ")";
}

}  // namespace detail

/// Checks the 表注 of `b` against the tables of `templ`, and its balances
/// against what they show (W0808, tables/balance_parts.hpp); returns
/// whether it added no error.
inline bool check_notes(const budget& b, const table_template& templ, diagnostics& diags) {
  const std::size_t errors = diags.error_count();
  check_balance_parts(b, templ, diags);
  std::map<std::size_t, const table_note*> noted;  // the table of each note, by index
  for (const auto& n : b.table_notes()) {
    const auto found = find_table(templ, n.table, false);
    if (!found.index) {
      diagnostic d;
      d.code = "E0806";
      d.message = "table note for '" + n.table + "': template " + templ.name + " has no such table";
      d.span = n.span;
      const auto near = detail::nearest_tables(templ, n.table);
      d.label = near.empty() ? "no table of " + templ.name + " has this number, id or name"
                             : "did you mean " + text::quoted_list(near) + "?";
      d.expected = table_naming(templ);
      d.found = "'" + n.table + "'";
      d.notes.push_back({"`yusuan templates` lists the tables of " + templ.name, {}});
      diags.add(std::move(d));
      continue;
    }
    // one note a table, however the notes name it (09, 预算09表)
    if (const auto [first, inserted] = noted.try_emplace(*found.index, &n); !inserted) {
      diagnostic d;
      d.code = "E0303";
      d.message = "a second table note for table " + templ.tables[*found.index].id + " ('" + n.table + "')";
      d.span = n.span;
      d.label = "also the table of the note for '" + first->second->table + "'";
      d.notes.push_back({"first note here", first->second->span});
      diags.add(std::move(d));
      continue;
    }
    const table_spec& spec = templ.tables[*found.index];
    table t;
    try {
      t = assemble(b, templ, spec, options{});
    } catch (const yusuan::error&) {  // a cell past what an amount holds (E0701), a measure the budget
      continue;                        // lacks (E0805): the table command reports them
    }
    std::string empty_note;
    if (spec.empty_note) {
      cell_evaluator ev(b, templ, spec.scope);
      empty_note = text_of(text_context{b, templ, spec, t.amount_unit, &ev}, *spec.empty_note);
    }
    if (!detail::says_empty(n.text, empty_note) || !detail::has_figures(t.rows)) continue;
    diagnostic d;
    d.code = "E0807";
    const std::string name = t.label.empty() ? spec.id + " " + spec.name : t.label;
    d.message = "table note says " + name + " is empty, but the table has figures";
    d.span = n.span;
    d.expected = "no figures, or a note that does not say the table is empty";
    d.found = detail::figures_found(t);
    d.label = "the table prints " + d.found;
    diags.add(std::move(d));
  }
  return diags.error_count() == errors;
}

/// Checks the 表注 of `b` against its own template (模板, else the default);
/// an unknown template is E0804.  Returns whether it added no error.
inline bool check_notes(const budget& b, diagnostics& diags) {
  const auto templ = template_of(b, diags);
  if (!templ) return false;
  return check_notes(b, *templ, diags);
}

/// Adds check_notes to the compiler's extra checks (after any of the
/// caller's own): run on the complete budget whether its 核对 pass or not,
/// as yusuan check runs it.
inline void check_notes_too(compile_options& o) {
  o.extra_checks = [theirs = std::move(o.extra_checks)](const budget& b, diagnostics& d) {
    if (theirs) theirs(b, d);
    check_notes(b, d);
  };
}

}  // namespace yusuan::tables
