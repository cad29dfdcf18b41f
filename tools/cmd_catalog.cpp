// yusuan catalog -- list the classification catalogs.
//
//   yusuan catalog function|econ|gov-econ|mapping [--year YEAR] [--format text|csv|json]
//
// Codes, names (as of the year asked for), confirmation flags and, for 类 and
// 款, whether the catalog knows every child; the mapping lists 部门 code,
// 政府 code, the unit types the line applies to and its flags.
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"

#include <yusuan/catalog.hpp>
#include <yusuan/diagnostic.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cli {
const char* const catalog_help = R"(Usage: yusuan catalog KIND [options]

Lists a classification catalog (政府收支分类科目) compiled into yusuan.

Kinds:
  function             支出功能分类科目 (类 201, 款 20805, 项 2080505)
  econ                 部门预算支出经济分类科目 (类 301, 款 30101)
  gov-econ             政府预算支出经济分类科目 (类 501, 款 50101)
  mapping              部门 → 政府 economic mapping by unit type (行政, 参公, 事业)

Options:
  --year YEAR          the catalog for budgets of YEAR, names as they were that
                       year (default: the latest edition); a year without an
                       edition of its own uses the nearest earlier one (or the
                       first), with a note on standard error
  --format text|csv|json
                       aligned text (default), CSV with a header row, or a JSON
                       array of objects
  -o FILE              write the list to FILE
  --color auto|always|never
                       accepted for symmetry with the other commands
  -h, --help           show this help

Flags: [R] seen in a real published budget, [T] in the official template,
[P] on a public web page, [K] from domain knowledge only, [?] uncertain.
"complete": the catalog lists every child of this 类 or 款.

Exit codes: 0 success, 2 usage errors.
)";
}  // namespace cli

namespace {


enum class output_format { text, csv, json };

/// One output table for CSV and JSON: column names and rows of cells;
/// number and boolean cells are written unquoted in JSON, list cells (taken
/// from `lists`) as arrays of strings.
struct table {
  enum class cell_type { string, number, boolean, list };
  std::vector<std::string> columns;
  std::vector<cell_type> types;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<std::vector<std::string>>> lists;  // per row, per column (list cells)
};

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_csv(std::ostream& os, const table& t) {
  for (std::size_t c = 0; c < t.columns.size(); ++c) os << (c ? "," : "") << csv_field(t.columns[c]);
  os << "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) os << (c ? "," : "") << csv_field(row[c]);
    os << "\r\n";
  }
}

void write_json(std::ostream& os, const table& t) {
  os << "[";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    os << (r ? ",\n  " : "\n  ") << "{";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c) os << ", ";
      yusuan::text::write_json_string(os, t.columns[c]);
      os << ": ";
      const auto& cell = t.rows[r][c];
      switch (t.types[c]) {
        case table::cell_type::number:
        case table::cell_type::boolean: os << cell; break;
        case table::cell_type::string: yusuan::text::write_json_string(os, cell); break;
        case table::cell_type::list: {
          os << "[";
          const auto& items = t.lists[r][c];
          for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) os << ", ";
            yusuan::text::write_json_string(os, items[i]);
          }
          os << "]";
          break;
        }
      }
    }
    os << "}";
  }
  os << (t.rows.empty() ? "]\n" : "\n]\n");
}

/// Aligned columns (CJK characters count two columns); trailing blanks trimmed.
void write_text(std::ostream& os, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size(), 0);
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = yusuan::text::display_width(header[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], yusuan::text::display_width(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c) out += "  ";
      out += c + 1 < cells.size() ? yusuan::text::pad(cells[c], width[c]) : cells[c];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    os << out << "\n";
  };
  line(header);
  for (const auto& row : rows) line(row);
}

std::string level_word(std::size_t digits) { return digits <= 3 ? "类" : digits <= 5 ? "款" : "项"; }

std::string spaced(yusuan::code_family f, std::string_view code) {
  if (f != yusuan::code_family::function || code.size() <= 3) return std::string(code);
  std::string out(code.substr(0, 3));
  for (std::size_t i = 3; i < code.size(); i += 2) out += " " + std::string(code.substr(i, 2));
  return out;
}

std::vector<std::string> unit_types_of(std::uint8_t mask) {
  std::vector<std::string> out;
  for (auto u : {yusuan::unit_type::administrative, yusuan::unit_type::civil_service, yusuan::unit_type::institution})
    if (mask & yusuan::unit_bit(u)) out.emplace_back(yusuan::unit_type_name(u));
  return out;
}

std::string joined(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : std::string()) + v[i];
  return out;
}

void list_codes(std::ostream& os, const yusuan::catalog& cat, yusuan::code_family f, int year, output_format fmt) {
  using ct = table::cell_type;
  const auto entries = cat.entries(f);
  if (fmt == output_format::text) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : entries) {
      const std::size_t depth = (e.code.size() - 3) / 2;
      const std::string name(cat.name_in_year(f, e.code, year).value_or(e.name));
      const bool parent = e.code.size() < (f == yusuan::code_family::function ? 7u : 5u);
      rows.push_back({spaced(f, e.code), level_word(e.code.size()), std::string(depth * 2, ' ') + name,
                      std::string(yusuan::flags_text(e.flags)), parent && e.complete ? "complete" : ""});
    }
    write_text(os, {"code", "level", "name", "flags", "children"}, rows);
    return;
  }
  table t;
  t.columns = {"code", "level", "name", "flags", "complete"};
  t.types = {ct::string, ct::number, ct::string, ct::string, ct::boolean};
  for (const auto& e : entries) {
    t.rows.push_back({std::string(e.code), std::to_string((e.code.size() - 1) / 2),
                      std::string(cat.name_in_year(f, e.code, year).value_or(e.name)),
                      std::string(yusuan::flags_text(e.flags)), e.complete ? "true" : "false"});
  }
  if (fmt == output_format::csv) write_csv(os, t);
  else write_json(os, t);
}

void list_mapping(std::ostream& os, const yusuan::catalog& cat, int year, output_format fmt) {
  using ct = table::cell_type;
  using yusuan::code_family;
  auto name_of = [&](code_family f, std::string_view code) {
    return std::string(cat.name_in_year(f, code, year).value_or(""));
  };
  if (fmt == output_format::text) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : cat.mapping())
      rows.push_back({std::string(m.dept_code), name_of(code_family::econ, m.dept_code), "→", std::string(m.gov_code),
                      name_of(code_family::gov_econ, m.gov_code), joined(unit_types_of(m.unit_types), ","),
                      std::string(yusuan::flags_text(m.flags))});
    write_text(os, {"部门", "名称", "", "政府", "名称", "unit types", "flags"}, rows);
    return;
  }
  table t;
  t.columns = {"dept_code", "dept_name", "gov_code", "gov_name", "unit_types", "flags"};
  t.types = {ct::string, ct::string, ct::string, ct::string, ct::list, ct::string};
  for (const auto& m : cat.mapping()) {
    const auto units = unit_types_of(m.unit_types);
    t.rows.push_back({std::string(m.dept_code), name_of(code_family::econ, m.dept_code), std::string(m.gov_code),
                      name_of(code_family::gov_econ, m.gov_code), joined(units, ","),
                      std::string(yusuan::flags_text(m.flags))});
    t.lists.push_back({{}, {}, {}, {}, units, {}});
  }
  if (fmt == output_format::csv) write_csv(os, t);
  else write_json(os, t);
}

/// A year: four digits, 2000 to 2100.
std::optional<int> parse_year(const std::string& s) {
  if (s.size() != 4) return std::nullopt;
  int y = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  if (y < 2000 || y > 2100) return std::nullopt;
  return y;
}

}  // namespace

namespace cli {

int run_catalog(const std::vector<std::string>& args) {
  std::optional<std::string> kind;
  std::optional<int> year;
  output_format fmt = output_format::text;
  common_flags common;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << catalog_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--year")) {
      const std::string v = option_value(args, i, "--year");
      year = parse_year(v);
      if (!year) throw usage_error{"--year needs a year from 2000 to 2100, not '" + v + "'"};
    } else if (is_option(a, "--format")) {
      const std::string v = option_value(args, i, "--format");
      if (v == "text") fmt = output_format::text;
      else if (v == "csv") fmt = output_format::csv;
      else if (v == "json") fmt = output_format::json;
      else throw usage_error{"--format must be text, csv or json, not '" + v + "'"};
    } else if (looks_like_option(a)) {
      unknown_option("catalog", a, with_common({"--year", "--format"}));
    } else if (kind) {
      throw usage_error{"catalog takes one kind, not '" + *kind + "' and '" + a + "' (see yusuan catalog --help)"};
    } else {
      kind = a;
    }
  }
  if (!kind) throw usage_error{"catalog needs a kind: function, econ, gov-econ or mapping (see yusuan catalog --help)"};

  std::optional<yusuan::code_family> family;
  if (*kind == "function") family = yusuan::code_family::function;
  else if (*kind == "econ") family = yusuan::code_family::econ;
  else if (*kind == "gov-econ" || *kind == "gov_econ") family = yusuan::code_family::gov_econ;
  else if (*kind != "mapping")
    throw usage_error{"unknown catalog kind '" + *kind + "'" + did_you_mean(*kind, {"function", "econ", "gov-econ", "mapping"}) +
                      ": expected function, econ, gov-econ or mapping"};

  const auto editions = yusuan::catalog::editions();
  const yusuan::catalog& cat = year ? yusuan::catalog::edition(*year) : editions.back();
  if (year && !yusuan::catalog::has_edition(*year))
    std::cerr << "yusuan: note: the catalog has no " << *year << " edition; using the " << cat.year()
              << " edition (names as of " << *year << ")\n";
  const int name_year = year.value_or(cat.year());

  output out(common.output);
  if (family) list_codes(out.stream(), cat, *family, name_year, fmt);
  else list_mapping(out.stream(), cat, name_year, fmt);
  out.finish();
  return exit_ok;
}

}  // namespace cli
