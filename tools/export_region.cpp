// yusuan export of many budgets (a region): one dataset partitioned the way
// data platforms read it, hive-style folders by year and department
// (DIR/year=2025/department=101/101003.csv), every file with the same typed
// columns, and one Tabular Data Package descriptor for the whole.
#include "check_many.hpp"
#include "cli.hpp"
#include "export_fields.hpp"
#include "io.hpp"
#include "ordered_pool.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/text/escape.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace cli {

std::optional<yusuan::budget> compile_input(const std::string& file, yusuan::diagnostics& diags,
                                            yusuan::compile_options co);
std::vector<std::filesystem::path> library_path();

namespace fs = std::filesystem;

namespace {

namespace ex = exporting;

std::string q(std::string_view s) {
  std::ostringstream os;
  yusuan::text::write_json_string(os, s);
  return os.str();
}

/// A partition value or file name: the code as it is when it is made of
/// letters, digits, '-' and '_' only, else its bytes in hex.
std::string path_safe(const std::string& s, const std::string& fallback) {
  if (s.empty()) return fallback;
  bool plain = true;
  for (unsigned char c : s) plain = plain && (std::isalnum(c) || c == '-' || c == '_');
  if (plain) return s;
  static const char* hex = "0123456789abcdef";
  std::string out = "x";
  for (unsigned char c : s) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

struct written {
  bool ok = false, unreadable = false;
  std::string path;  // relative to the dataset's folder
  std::size_t items = 0;
  std::uintmax_t bytes = 0;
  int year = 0;
  std::string department;
  yusuan::diagnostics diags;
};

written export_one(const std::string& file, const fs::path& dir, const std::vector<fs::path>& libs, bool bom) {
  written w;
  yusuan::compile_options co;
  co.library_path = libs;
  auto b = compile_input(file, w.diags, co);
  w.unreadable = yusuan::unreadable(w.diags);
  if (!b) return w;
  const auto& h = b->header();
  w.year = h.year;
  w.department = path_safe(h.department_code.empty() ? h.department_name : h.department_code, "none");
  const std::string name = path_safe(h.unit_code.empty() ? h.unit_name : h.unit_code, fs::path(file).stem().string());
  const fs::path rel = fs::path("year=" + std::to_string(h.year)) / ("department=" + w.department) / (name + ".csv");
  std::error_code ec;
  fs::create_directories((dir / rel).parent_path(), ec);
  if (ec) throw io_error{"cannot create '" + (dir / rel).parent_path().string() + "': " + ec.message()};
  std::ofstream os(dir / rel, std::ios::binary | std::ios::trunc);
  if (!os) throw io_error{"cannot write '" + (dir / rel).string() + "'"};
  if (bom) os << "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < ex::fields.size(); ++i) os << (i ? "," : "") << ex::fields[i].name;
  os << "\n";
  std::string line;
  for (std::size_t i = 0; i < b->items().size(); ++i) {
    const auto row = ex::item_row(*b, i);
    line.clear();
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) line += ',';
      line += yusuan::text::csv_field(row[c]);
    }
    line += '\n';
    os << line;
  }
  os.close();
  if (!os) throw io_error{"cannot write '" + (dir / rel).string() + "'"};
  w.ok = true;
  w.items = b->items().size();
  w.bytes = fs::file_size(dir / rel, ec);
  w.path = rel.generic_string();
  return w;
}

void write_region_descriptor(std::ostream& os, const std::vector<std::string>& paths, std::uintmax_t bytes,
                             const std::set<int>& years, std::size_t departments, bool bom) {
  os << "{\n"
     << "  \"profile\": \"tabular-data-package\",\n"
     << "  \"name\": \"yusuan-region\",\n"
     << "  \"title\": \"支出明细（多个预算）\",\n"
     << "  \"created_by\": \"yusuan export\",\n"
     << "  \"resources\": [\n    {\n"
     << "      \"profile\": \"tabular-data-resource\",\n"
     << "      \"name\": \"items\",\n"
     << "      \"title\": \"支出明细（每行一个支出项）\",\n"
     << "      \"description\": \"One CSV file per budget, hive-partitioned by year and department "
        "(year=YYYY/department=CODE/UNIT.csv); every file starts with the header row.\",\n"
     << "      \"path\": [";
  for (std::size_t i = 0; i < paths.size(); ++i) os << (i ? ",\n        " : "\n        ") << q(paths[i]);
  os << "\n      ],\n"
     << "      \"format\": \"csv\",\n"
     << "      \"mediatype\": \"text/csv\",\n"
     << "      \"encoding\": \"" << (bom ? "utf-8-sig" : "utf-8") << "\",\n"
     << "      \"bytes\": " << bytes << ",\n"
     << "      \"dialect\": " << exporting::csv_dialect << ",\n"
     << "      \"partitioning\": {\"style\": \"hive\", \"fields\": [\n"
     << "        {\"name\": \"year\", \"type\": \"integer\", \"title\": \"年度\"},\n"
     << "        {\"name\": \"department\", \"type\": \"string\", \"title\": \"部门代码\"}\n"
     << "      ]},\n"
     << "      \"schema\": {\n"
     << "        \"missingValues\": [\"\"],\n"
     << "        \"fields\": [\n";
  for (std::size_t i = 0; i < ex::fields.size(); ++i) {
    const auto& f = ex::fields[i];
    os << "          {\"name\": " << q(f.name) << ", \"type\": \"" << ex::type_name(f.type) << "\", \"title\": " << q(f.title);
    if (!f.description.empty()) os << ", \"description\": " << q(f.description);
    if (f.type == ex::field_type::number) os << ", \"decimalChar\": \".\", \"groupChar\": \"\", \"bareNumber\": true";
    if (i == 0 || i == ex::amount_column || i == ex::amount_fen_column) os << ", \"constraints\": {\"required\": true}";
    os << "}" << (i + 1 < ex::fields.size() ? "," : "") << "\n";
  }
  os << "        ]\n      }\n    }\n  ],\n"
     << "  \"fiscal\": {\n"
     << "    \"profile\": \"fiscal-data-package\",\n"
     << "    \"countryCode\": \"CN\",\n"
     << "    \"fiscalPeriod\": {\"start\": \"" << (years.empty() ? 0 : *years.begin()) << "-01-01\", \"end\": \""
     << (years.empty() ? 0 : *years.rbegin()) << "-12-31\"},\n"
     << "    \"budgetType\": \"expenditure\",\n"
     << "    \"budgetStage\": \"approved\",\n"
     << "    \"granularity\": \"transactional\",\n"
     << "    \"currency\": \"CNY\",\n"
     << "    \"departments\": " << departments << ",\n"
     << "    \"budgets\": " << paths.size() << "\n"
     << "  }\n}\n";
}

}  // namespace

int run_export_region(const std::vector<std::string>& inputs, const std::string& dir, unsigned jobs, bool bom,
                      bool color) {
  std::vector<std::string> files;
  for (const auto& f : expand_budget_inputs(inputs))  // a department's budget repeats its units' items
    if (fs::path(f).filename() != "department.budget" || !names_many_budgets(inputs)) files.push_back(f);
  if (files.empty()) throw usage_error{"no budget file to export"};
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw io_error{"cannot create '" + dir + "': " + ec.message()};
  const auto libs = library_path();
  std::vector<std::string> paths;
  std::set<std::string> seen, departments;
  std::set<int> years;
  std::uintmax_t bytes = 0;
  std::size_t items = 0;
  bool failed = false, unreadable = false;
  run_ordered<written>(
      files.size(), effective_jobs(jobs), [&](std::size_t i) { return export_one(files[i], dir, libs, bom); },
      [&](std::size_t i, written w) {
        if (!w.ok) {
          failed = true;
          unreadable = unreadable || w.unreadable;
          report({false, color}, w.diags);
          std::cerr << files[i] << ": " << yusuan::summary(w.diags) << "\n";
          return;
        }
        if (!seen.insert(w.path).second) throw usage_error{"two budgets write " + w.path + " (the same unit twice?)"};
        paths.push_back(w.path);
        bytes += w.bytes;
        items += w.items;
        years.insert(w.year);
        departments.insert(w.department);
      });
  if (failed) return unreadable ? exit_usage : exit_budget_error;
  output js((fs::path(dir) / "datapackage.json").string());
  write_region_descriptor(js.stream(), paths, bytes, years, departments.size(), bom);
  js.finish();
  std::cerr << "wrote " << items << " items of " << paths.size() << " budgets (" << departments.size()
            << " departments) to " << dir << "/year=*/department=*/ and " << (fs::path(dir) / "datapackage.json").string()
            << "\n";
  return exit_ok;
}

}  // namespace cli
