// yusuan/compile/lower_header.hpp -- lowering a budget's header and
// declarations: 标题, 年度, 金额单位, 单位, 部门, 模板, 表注, 科目 and 科目版本.
#pragma once

#include <yusuan/compile/context.hpp>
#include <yusuan/compile/vocabulary.hpp>
#include <yusuan/syntax/ast.hpp>

#include <string>

namespace yusuan::compile {

class header_lowering {
public:
  explicit header_lowering(lowering_context& c) : c_(c) {}

  void operator()(const syntax::ast::title& s) {
    auto& h = c_.data().header;
    if (c_.file.index == 0 || h.title.empty()) h.title = c_.values.text(s.text);  // the root file's title wins
  }

  void operator()(const syntax::ast::year& s) {
    auto& h = c_.data().header;
    const auto y = value_reader::year(s.value.view());
    if (!y || *y < 1949 || *y > 2200) {
      c_.rep.error("E0206", "invalid year", c_.span_of(s.value),
                   "expected a year such as 2024, found '" + std::string(s.value.view()) + "'");
      return;
    }
    if (h.year != 0 && h.year != *y) {
      auto& d = c_.rep.error("E0206",
                             "year " + std::to_string(*y) + " differs from the budget's year " + std::to_string(h.year),
                             c_.span_of(s.value));
      d.notes.push_back({"the year was declared here", c_.d.year_span});
      return;
    }
    if (h.year == 0) c_.d.year_span = c_.span_of(s.value);  // where it was first declared (an import may repeat it)
    h.year = *y;
  }

  void operator()(const syntax::ast::amount_unit& s) {
    auto u = parse_unit(s.value.view());
    if (!u) {
      auto& d = c_.rep.error("E0205", "unknown unit of amounts '" + std::string(s.value.view()) + "'",
                             c_.span_of(s.value));
      d.expected = "元, 万元 or 亿元";
      d.found = "'" + std::string(s.value.view()) + "'";
      return;
    }
    if (c_.file.amounts > 0 && *u != c_.file.amount_unit) {
      auto& d = c_.rep.error("E0206", "金额单位 must come before the first amount of the file", c_.span_of(s.value),
                             "amounts above it were read in " + std::string(unit_name(c_.file.amount_unit)));
      d.notes.push_back({"to state figures in another unit, write the unit after each of them: 910.17" +
                             std::string(unit_name(*u)),
                         {}});
      // the amounts below are read in the unit asked for: no cascade of errors in the wrong unit
    }
    c_.file.amount_unit = *u;
    c_.file.amount_unit_stated = true;
    if (c_.file.index == 0) c_.data().header.amount_unit = *u;
  }

  void operator()(const syntax::ast::unit_decl& s) {
    auto& data = c_.data();
    std::optional<unit_type> type;
    if (s.type) {
      type = parse_unit_type(s.type.view());
      if (!type) {
        unknown_word(c_.rep, vocabulary::unit_type, "unknown unit type '" + std::string(s.type.view()) + "'",
                     s.type.view(), c_.span_of(s.type));
      }
    }
    const std::string code(s.code.view()), name = c_.values.text(s.name);
    const source_span at = c_.span_of(s.code ? s.code : s.name);
    if (!s.code && !s.type) {
      // `单位 万元`: a unit of amounts written after 单位, which would declare a
      // budget unit named 万元 and leave the amounts in 元
      if (const auto u = parse_unit(name)) {
        const std::string keyword = s.where.view().starts_with("unit") ? "amounts" : "金额单位";
        auto& d = c_.rep.error("E0206", "'" + name + "' is a unit of amounts, not a budget unit", at,
                               "write " + keyword + " " + name);
        d.notes.push_back({"单位 (unit) declares the budget unit whose budget this is: 单位 [CODE] NAME [类型 TYPE]; "
                           "金额单位 (amounts) sets the unit amounts are written in",
                           {}});
        return;
      }
    }
    const budget_unit unit{code, name, type.value_or(unit_type::unknown), at};
    const std::string& key = code.empty() ? name : code;  // a unit with no code is known by its name
    if (c_.file.index == 0 && data.header.unit_code.empty() && data.header.unit_name.empty()) {
      data.header.unit_code = code;
      data.header.unit_name = name;
      data.header.type = unit.type;
      data.units[0] = unit;
      c_.d.unit_ids.try_emplace(key, 0);
      c_.file.unit_index = 0;
    } else if (auto it = c_.d.unit_ids.find(key); it != c_.d.unit_ids.end()) {
      // the unit again (its items go on): with another name or type, it is
      // another unit given the same code
      const budget_unit& first = data.units[it->second];
      const bool other_name = !code.empty() && !name.empty() && !first.name.empty() && name != first.name;
      const bool other_type = unit.type != unit_type::unknown && first.type != unit_type::unknown && unit.type != first.type;
      if (other_name || other_type) {
        const auto described = [&](const budget_unit& u) {
          std::string t = u.name.empty() ? std::string("(no name)") : u.name;
          if (u.type != unit_type::unknown) t += " (" + std::string(chinese_name(u.type)) + ")";
          return t;
        };
        auto& d = c_.rep.error("E0303", "unit " + code + " is declared twice: as " + described(first) + " and as " +
                                            described(unit),
                               at, "two units cannot share a code");
        d.notes.push_back({"declared first here", first.span});
        // its items and income kept apart from the first's, so that this is
        // the one error they give
        if (data.units.size() < max_units) {
          c_.file.unit_index = static_cast<std::uint16_t>(data.units.size());
          data.units.push_back(unit);
          c_.file.unit_declared = true;
        }
        return;
      }
      c_.file.unit_index = static_cast<std::uint16_t>(it->second);
    } else if (data.units.size() >= max_units) {
      c_.rep.error("E0711", "too many budget units", at,
                   "a budget holds at most " + std::to_string(max_units) + " units");
      return;
    } else {
      const auto idx = static_cast<std::uint16_t>(data.units.size());
      data.units.push_back(unit);
      c_.d.unit_ids.emplace(key, idx);
      c_.file.unit_index = idx;
    }
    c_.file.unit_declared = true;
  }

  /// 部门: the root file's names the department (a department's budget
  /// imports its units' files, each of which may name it too); one named in
  /// an imported file is the budget's only when none is named before it.
  void operator()(const syntax::ast::department& s) {
    auto& h = c_.data().header;
    if (c_.file.index != 0 && (!h.department_code.empty() || !h.department_name.empty())) return;
    h.department_code = std::string(s.code.view());
    h.department_name = c_.values.text(s.name);
  }

  /// 模板: the root file's names the template of the tables; a template named
  /// in an imported file is used only when the budget names none.
  void operator()(const syntax::ast::template_decl& s) {
    auto& h = c_.data().header;
    if (c_.file.index != 0 && !h.template_name.empty()) return;
    h.template_name = c_.values.text(s.name);
    h.template_span = c_.span_of(s.name);
  }

  void operator()(const syntax::ast::table_note& s) {
    auto& data = c_.data();
    std::string id = c_.values.text(s.table);
    if (auto [it, inserted] = c_.d.note_ids.try_emplace(id, data.table_notes.size()); !inserted) {
      auto& d = c_.rep.error("E0303", "table note for '" + id + "' is given twice", c_.span_of(s.table));
      d.notes.push_back({"first given here", data.table_notes[it->second].span});
      return;
    }
    data.table_notes.push_back({std::move(id), c_.values.text(s.text), c_.span_of(s.table)});
  }

  void operator()(const syntax::ast::catalog_entry& s) {
    auto& data = c_.data();
    std::string digits;
    for (char ch : s.code.view())
      if (ch >= '0' && ch <= '9') digits += ch;
    const char lead = digits.empty() ? '0' : digits[0];
    const bool ok = (lead == '2' && (digits.size() == 3 || digits.size() == 5 || digits.size() == 7)) ||
                    ((lead == '3' || lead == '5') && (digits.size() == 3 || digits.size() == 5));
    if (!ok) {
      c_.rep.error("E0201", "malformed code '" + std::string(s.code.view()) + "'", c_.span_of(s.code),
                   "a functional code (2…, 3/5/7 digits) or an economic code (3… or 5…, 3/5 digits)");
      return;
    }
    if (auto [it, inserted] = c_.d.extension_ids.try_emplace(digits, data.catalog_extensions.size()); !inserted) {
      auto& d = c_.rep.error("E0303", "catalog entry " + digits + " is declared twice", c_.span_of(s.code));
      d.notes.push_back({"first declared here", data.catalog_extensions[it->second].span});
      return;
    }
    data.catalog_extensions.push_back({digits, c_.values.text(s.name), c_.span_of(s.code)});
  }

  void operator()(const syntax::ast::catalog_edition& s) {
    const auto y = value_reader::year(s.value.view());
    if (!y) {
      c_.rep.error("E0206", "invalid catalog edition", c_.span_of(s.value), "expected a year such as 2024");
      return;
    }
    c_.data().catalog_year = *y;
  }

  void operator()(const syntax::ast::allow_negative&) { c_.data().header.allow_negative = true; }

private:
  lowering_context& c_;
};

}  // namespace yusuan::compile
