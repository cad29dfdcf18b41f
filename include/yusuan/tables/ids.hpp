// yusuan/tables/ids.hpp -- how a table of a template is named: its number
// (3, 03, T3, 表3: the number its id reads as, else its place), its id, an
// alias, its name, its title after a year (2024年单位支出预算表), or a
// prefix of an id, alias or name that only one table has.  A prefix several
// tables share is ambiguous (E0803); a text no table answers to is unknown
// (E0801).
#pragma once

#include <yusuan/diagnostic.hpp>
#include <yusuan/tables/template.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::tables {

/// The table's label when it reads the same for every budget ("预算03表"),
/// else empty.
inline std::string static_label(const table_template& t, const table_spec& s) {
  const text_pattern& label = s.label.empty() ? t.label : s.label;
  std::string out;
  for (const auto& p : label.pieces) {
    if (p.what == field::text) out += p.text;
    else if (p.what == field::table_id) out += s.id;
    else return {};
  }
  return out;
}

/// How a table is listed: "03 预算03表 单位支出预算表".
inline std::string table_listing(const table_template& t, const table_spec& s) {
  std::string out = s.id;
  if (const auto l = static_label(t, s); !l.empty() && l != s.id) out += " " + l;
  return out + " " + s.name;
}

/// What a text names in a template: a table, or the tables it could mean.
struct table_lookup {
  std::optional<std::size_t> index;    // the table
  std::vector<std::size_t> candidates;  // when ambiguous: the tables it could mean
  bool numbered = false;                // the candidates have the number the text reads as
};

/// The number a text reads as, in any of its spellings: 3, 03, T3, t3, 表3
/// (1 … 9999); nullopt for any other text.
inline std::optional<std::size_t> number_in(std::string_view text) {
  if (constexpr std::string_view biao = "表"; text.starts_with(biao)) text.remove_prefix(biao.size());
  else if (!text.empty() && (text.front() == 'T' || text.front() == 't')) text.remove_prefix(1);
  if (text.empty() || text.size() > 4) return std::nullopt;
  std::size_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  if (v == 0) return std::nullopt;
  return v;
}

/// The tables numbered `number`: those whose id reads as it (03, T3, 表3),
/// else the table in that place when its id is no number.  One table in a
/// template read by yusuan (two ids of one number are E0805).
inline std::vector<std::size_t> tables_numbered(const table_template& t, std::size_t number) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < t.tables.size(); ++i)
    if (number_in(t.tables[i].id) == number) out.push_back(i);
  if (out.empty() && number >= 1 && number <= t.tables.size() && !number_in(t.tables[number - 1].id))
    out.push_back(number - 1);
  return out;
}

/// The number of each table: the number its id reads as, else its place
/// (from 1) unless another table's id reads as that (nullopt then).  `yusuan
/// templates` lists them, and `yusuan table` takes them in every spelling.
inline std::vector<std::optional<std::size_t>> table_numbers(const table_template& t) {
  std::vector<std::optional<std::size_t>> out;
  std::set<std::size_t> ids;
  out.reserve(t.tables.size());
  for (const auto& s : t.tables) {
    out.push_back(number_in(s.id));
    if (out.back()) ids.insert(*out.back());
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!out[i] && !ids.contains(i + 1)) out[i] = i + 1;
  return out;
}

/// What a table of the template is named by, for the diagnostics:
/// "a table's number 1 … 13, id, alias or name".
inline std::string table_naming(const table_template& t) {
  const auto numbers = table_numbers(t);
  bool in_order = !numbers.empty();
  for (std::size_t i = 0; i < numbers.size(); ++i) in_order = in_order && numbers[i] == i + 1;
  return in_order ? "a table's number 1 … " + std::to_string(numbers.size()) + ", id, alias or name"
                  : "a table's number, id, alias or name";
}

/// The table `text` names; with `prefixes` false (a 表注), only a table's
/// number, id, alias, name, label or title, never a prefix.  A number (3, 03,
/// T3, 表3) names the table of that number (table_number) whichever spelling
/// its id has, so that 1, 01 and T1 name one table.
inline table_lookup find_table(const table_template& t, std::string_view text, bool prefixes = true) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  table_lookup out;
  if (text.empty()) return out;
  const std::size_t n = t.tables.size();
  auto names = [&](const table_spec& s) {
    std::vector<std::string> v{s.id, s.name};
    v.insert(v.end(), s.aliases.begin(), s.aliases.end());
    if (auto l = static_label(t, s); !l.empty()) v.push_back(l);
    return v;
  };
  // a number first (3, 03, T3, 表3), then an exact name
  if (const auto number = number_in(text)) {
    const auto numbered = tables_numbered(t, *number);
    if (numbered.size() == 1) {
      out.index = numbered.front();
      return out;
    }
    for (const auto i : numbered)
      if (t.tables[i].id == text) {
        out.index = i;
        return out;
      }
    if (!numbered.empty()) {
      out.candidates = numbered;
      out.numbered = true;
      return out;
    }
  }
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& x : names(t.tables[i]))
      if (x == text) {
        out.index = i;
        return out;
      }
  // a title: the name after a year (2024年…, 2024年度…)
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits > 0 && digits < text.size()) {
    std::string_view rest = text.substr(digits);
    for (std::string_view y : {"年度", "年"})
      if (rest.starts_with(y)) {
        rest.remove_prefix(y.size());
        for (std::size_t i = 0; i < n; ++i)
          if (t.tables[i].name == rest) {
            out.index = i;
            return out;
          }
      }
  }
  if (!prefixes) return out;
  // a prefix that one table has
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& x : names(t.tables[i]))
      if (x.size() > text.size() && std::string_view(x).starts_with(text)) {
        out.candidates.push_back(i);
        break;
      }
  if (out.candidates.size() == 1) {
    out.index = out.candidates.front();
    out.candidates.clear();
  }
  return out;
}

/// The diagnostic of a text that names no table (E0801) or several (E0803),
/// shown in the text itself (file "<table>").
inline diagnostics table_lookup_error(const table_template& t, std::string_view text, const table_lookup& l) {
  diagnostics out;
  auto src = std::make_shared<const source_file>("<table>", std::string(text));
  out.keep(src);
  diagnostic d;
  d.span = {src.get(), 0, static_cast<std::uint32_t>(text.empty() ? 1 : text.size())};
  d.found = "'" + std::string(text) + "'";
  if (l.candidates.empty()) {
    d.code = "E0801";
    d.message = "unknown table '" + std::string(text) + "' in template " + t.name;
    d.expected = table_naming(t);
    d.notes.push_back({"`yusuan templates` lists the tables of every template", {}});
  } else {
    d.code = "E0803";
    d.message = "table '" + std::string(text) + "' is ambiguous in template " + t.name;
    d.expected = "the number, id or name of one table";
    d.found += ", which " + std::to_string(l.candidates.size()) +
               (l.numbered ? " tables are numbered" : " tables start with");
    for (auto i : l.candidates) d.notes.push_back({"it could be " + table_listing(t, t.tables[i]), {}});
  }
  out.add(std::move(d));
  return out;
}

}  // namespace yusuan::tables
