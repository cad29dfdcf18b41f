// yusuan/tables/assemble.hpp -- one table of a template over a budget: the
// rows of each panel (tables/rows.hpp) with their texts, a project's targets
// spread over lines, panels side by side section by section, cells that
// repeat the one above left blank, the note of an empty table and the
// budget's 表注.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/tables/evaluate.hpp>
#include <yusuan/tables/ids.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/rows.hpp>
#include <yusuan/tables/template.hpp>
#include <yusuan/tables/texts.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::tables {

namespace detail {

/// Whether `name` names the table: its id, an alias, its name, its label.
inline bool names_table(const text_context& c, std::string_view name) {
  if (name == c.table.id || name == c.table.name) return true;
  for (const auto& a : c.table.aliases)
    if (name == a) return true;
  const text_pattern& label = c.table.label.empty() ? c.templ.label : c.table.label;
  return !label.empty() && name == text_of(c, label);
}

/// Whether a note says its table is empty: its text is the template's note
/// of the empty table (`empty_note`, as the table would print it), or it says
/// so in the words published notes use (…故本表为空表, …故此表无数, 空表).
inline bool says_empty(std::string_view note, std::string_view empty_note) {
  if (!empty_note.empty() && note == empty_note) return true;
  for (std::string_view phrase : {"空表", "表无数", "无数据"})
    if (note.find(phrase) != std::string_view::npos) return true;
  return false;
}

/// Whether any row of `rows` (but a note) prints an amount other than zero.
inline bool has_figures(const std::vector<row>& rows) {
  for (const auto& r : rows)
    if (r.role != row_role::note)
      for (const auto& c : r.cells)
        if (c.amount && !c.amount->is_zero()) return true;
  return false;
}

/// The rows of one panel, with only its own cells.
inline std::vector<row> panel_rows(const text_context& c, cell_evaluator& ev, const panel_spec& panel) {
  row_expander ex(ev, panel);
  const std::vector<row_node> nodes = ex.expand(panel.rows, row_context{});
  std::vector<row> out;
  auto emit = [&](const row_node& n, auto& self) -> void {
    if (n.prints && n.spec) {
      const text_row tr{&n.ctx, n.ordinal};
      const auto& texts = n.spec->texts;
      std::size_t lines = 1;
      for (const auto& t : texts) lines = std::max(lines, text_lines(c, t, tr));
      for (std::size_t line = 0; line < lines; ++line) {
        row r;
        r.role = n.role;
        std::size_t ti = 0, vi = 0;
        for (const auto& col : panel.columns) {
          if (col.numeric) {
            r.cells.push_back(cell{{}, line == 0 ? n.values[vi].get() : std::nullopt});
            ++vi;
            continue;
          }
          std::string s;
          if (ti < texts.size()) {
            const text_pattern& t = texts[ti];
            if (t.is_list() ? line < text_lines(c, t, tr) : line == 0) s = text_of(c, t, tr, line);
          }
          r.cells.push_back(cell{std::move(s), std::nullopt});
          ++ti;
        }
        out.push_back(std::move(r));
      }
    }
    for (const auto& child : n.children) self(child, self);
  };
  for (const auto& n : nodes) emit(n, emit);
  return out;
}

/// Panels side by side: the rows of each, section by section (a section is
/// a run of rows of one role), the shorter padded with blank cells.
inline std::vector<row> side_by_side(const std::vector<std::vector<row>>& panels, const std::vector<std::size_t>& widths) {
  if (panels.size() == 1) return panels.front();
  auto sections = [](const std::vector<row>& rows) {
    std::vector<std::pair<std::size_t, std::size_t>> s;  // [begin, end)
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (i == 0 || rows[i].role != rows[i - 1].role) s.push_back({i, i + 1});
      else s.back().second = i + 1;
    return s;
  };
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> secs;
  std::size_t nsec = 0;
  for (const auto& p : panels) {
    secs.push_back(sections(p));
    nsec = std::max(nsec, secs.back().size());
  }
  std::vector<row> out;
  for (std::size_t s = 0; s < nsec; ++s) {
    std::size_t n = 0;
    for (const auto& ps : secs)
      if (s < ps.size()) n = std::max(n, ps[s].second - ps[s].first);
    for (std::size_t i = 0; i < n; ++i) {
      row r;
      bool role_set = false;
      for (std::size_t p = 0; p < panels.size(); ++p) {
        const bool has = s < secs[p].size() && i < secs[p][s].second - secs[p][s].first;
        if (has) {
          const row& src = panels[p][secs[p][s].first + i];
          if (!role_set) r.role = src.role;
          role_set = true;
          r.cells.insert(r.cells.end(), src.cells.begin(), src.cells.end());
        } else {
          r.cells.resize(r.cells.size() + widths[p]);
        }
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

/// Cells of a 重复留空 column that repeat the one above (within a run of
/// ordinary lines) are left blank.
inline void blank_repeats(std::vector<row>& rows, std::size_t col) {
  std::string previous;
  bool have = false;
  for (auto& r : rows) {
    if (r.role != row_role::line || col >= r.cells.size()) {
      have = false;
      continue;
    }
    std::string& t = r.cells[col].text;
    const std::string original = t;
    if (have && !t.empty() && t == previous) t.clear();
    previous = original;
    have = true;
  }
}

}  // namespace detail

/// Table `spec` of template `templ` over budget `b`.  Throws budget_error
/// (E0805) for an expression the budget cannot give a value (a measure it
/// does not define).
inline table assemble(const budget& b, const table_template& templ, const table_spec& spec, const options& o) {
  table t;
  const unit u = o.amount_unit ? *o.amount_unit
                 : spec.amount_unit ? *spec.amount_unit
                 : templ.amount_unit ? *templ.amount_unit
                                     : b.amount_unit();
  cell_evaluator ev(b, templ, spec.scope);
  text_context c{b, templ, spec, u, &ev};
  t.id = spec.id;
  t.name = spec.name;
  t.label = text_of(c, spec.label.empty() ? templ.label : spec.label);
  t.title = text_of(c, spec.title);
  t.amount_unit = u;
  t.decimals = spec.decimals.value_or(templ.decimals);
  t.thousands = o.thousands.value_or(b.header().thousands);
  t.unit_label = text_of(c, templ.signature_label);
  if (templ.signature_name.empty()) {
    text_pattern unit_name;
    unit_name.pieces.push_back(piece{field::unit_name, {}, {}, 0, {}});
    t.unit_name = text_of(c, unit_name);
  } else {
    t.unit_name = text_of(c, templ.signature_name);
  }
  std::vector<std::vector<row>> panels;
  std::vector<std::size_t> widths;
  std::vector<std::size_t> repeat_cols;
  for (const auto& p : spec.panels) {
    for (const auto& col : p.columns) {
      column out;
      for (const auto& level : col.path) out.path.push_back(text_of(c, level));
      out.numeric = col.numeric;
      if (col.repeat_blank) repeat_cols.push_back(t.columns.size());
      t.columns.push_back(std::move(out));
    }
    panels.push_back(detail::panel_rows(c, ev, p));
    widths.push_back(p.columns.size());
  }
  t.rows = detail::side_by_side(panels, widths);
  for (auto col : repeat_cols) detail::blank_repeats(t.rows, col);
  const table_note* note = nullptr;
  for (const auto& n : b.table_notes()) {
    if (note) break;
    if (detail::names_table(c, n.table)) note = &n;
    else if (const auto found = find_table(templ, n.table, false); found.index && templ.tables[*found.index].id == spec.id)
      note = &n;
  }
  const std::string empty_note = spec.empty_note ? text_of(c, *spec.empty_note) : std::string();
  if (spec.empty_note && total(b, ev.scope()).count == 0) {
    row r;
    r.role = row_role::note;
    r.cells.resize(t.columns.size());
    if (!r.cells.empty()) r.cells[0].text = note ? note->text : empty_note;
    t.rows.push_back(std::move(r));
  } else if (note && !(detail::says_empty(note->text, empty_note) && detail::has_figures(t.rows))) {
    // a note that says the table is empty is never printed under figures
    // (check_notes reports it, E0807)
    t.notes.push_back(note->text);
  }
  return t;
}

}  // namespace yusuan::tables
