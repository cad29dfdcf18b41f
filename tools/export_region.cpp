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

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
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

/// The longest partition value or file name (without ".csv") an export
/// writes: a file system holds names of at most 255 bytes.
constexpr std::size_t longest_name = 240;

/// A partition value or file name from a code or a name, one name for one
/// text: the text as it is when it is made of letters, digits, '-' and '_' and
/// does not start with x or X; else x and its bytes in hex.  A name that would
/// be longer than longest_name is x, the hex of the text's first whole
/// characters, _ and a hash of the whole text.
std::string path_safe(std::string_view s) {
  bool plain = !s.empty() && s[0] != 'x' && s[0] != 'X';
  for (unsigned char c : s) plain = plain && (std::isalnum(c) || c == '-' || c == '_');
  if (plain && s.size() <= longest_name) return std::string(s);
  static const char* hex = "0123456789abcdef";
  const auto append_hex = [](std::string& out, std::string_view bytes) {
    for (unsigned char c : bytes) {
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  };
  std::string out = "x";
  if (1 + 2 * s.size() <= longest_name) {
    append_hex(out, s);
    return out;
  }
  constexpr std::size_t hash_digits = 16;
  std::size_t keep = (longest_name - 2 - hash_digits) / 2;  // x, _ and the hash
  while (keep > 0 && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;  // whole UTF-8 characters
  append_hex(out, s.substr(0, keep));
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  out += '_';
  for (int shift = 60; shift >= 0; shift -= 4) out += hex[(h >> shift) & 15];
  return out;
}

struct written {
  bool ok = false, unreadable = false;
  std::string path;  // relative to the dataset's folder
  std::string error;  // a file that cannot be written
  std::size_t items = 0;
  std::uintmax_t bytes = 0;
  int year = 0;
  std::string department;
  std::vector<std::string> units;  // the units of its items, by code (else name), for units in two budgets
  yusuan::diagnostics diags;
};

/// Compiles `file` and writes its items to `rel` (year=…/department=…/UNIT.csv)
/// under `staging`; `dir` is where the file will be, for messages.
written export_one(const std::string& file, const fs::path& staging, const fs::path& dir,
                   const std::vector<fs::path>& libs, bool bom) {
  written w;
  yusuan::compile_options co;
  co.library_path = libs;
  auto b = compile_input(file, w.diags, co);
  w.unreadable = yusuan::unreadable(w.diags);
  if (!b) return w;
  const auto& h = b->header();
  w.year = h.year;
  const std::string& dept = h.department_code.empty() ? h.department_name : h.department_code;
  w.department = dept.empty() ? "none" : path_safe(dept);
  const std::string& unit = h.unit_code.empty() ? h.unit_name : h.unit_code;
  const std::string name = path_safe(unit.empty() ? fs::path(file).stem().string() : unit);
  const fs::path rel = fs::path("year=" + std::to_string(h.year)) / ("department=" + w.department) / (name + ".csv");
  w.path = rel.generic_string();
  {
    std::vector<bool> has_items(b->units().size());
    for (const auto& it : b->items()) has_items[it.unit] = true;
    for (std::size_t u = 0; u < has_items.size(); ++u) {
      const auto& un = b->units()[u];
      if (has_items[u] && !(un.code.empty() && un.name.empty())) w.units.push_back(un.code.empty() ? un.name : un.code);
    }
  }
  std::error_code ec;
  fs::create_directories((staging / rel).parent_path(), ec);
  if (ec) {
    w.error = "cannot create '" + (dir / rel).parent_path().string() + "': " + ec.message();
    return w;
  }
  std::ofstream os(staging / rel, std::ios::binary | std::ios::trunc);
  if (!os) {
    w.error = "cannot write '" + (dir / rel).string() + "'";
    return w;
  }
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
  if (!os) {
    w.error = "cannot write '" + (dir / rel).string() + "'";
    return w;
  }
  w.ok = true;
  w.items = b->items().size();
  w.bytes = fs::file_size(staging / rel, ec);
  return w;
}

/// The folder an export is written into before it is complete, inside the
/// export's folder: removed when it goes, and by a signal that ends the
/// program before then.
class staging_dir {
public:
  explicit staging_dir(const fs::path& dir) : dir_(dir) {
    std::string tmpl = (dir / ".yusuan-export-XXXXXX").string();
    const signals_held hold;  // made and registered before a signal can find it
    if (::mkdtemp(tmpl.data()) == nullptr)
      throw io_error{"cannot create a folder in '" + dir.string() + "': " + std::strerror(errno)};
    path_ = tmpl;
    guard_ = temporary_guard(path_.string(), true);
  }
  staging_dir(const staging_dir&) = delete;
  staging_dir& operator=(const staging_dir&) = delete;
  ~staging_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
    guard_.release();
  }
  const fs::path& path() const { return path_; }
  /// Moves the files at `rels` (relative paths) from the staging folder into
  /// the export's folder; a usage error, and nothing moved, when one would
  /// replace a file read (files_read()).
  void commit(const std::vector<std::string>& rels) {
    std::error_code ec;
    const input_files read(files_read());  // found once: an export replaces thousands of files
    for (const auto& rel : rels)  // a budget or an import in the export's folder
      if (const auto n = read.at((dir_ / rel).string()))
        throw usage_error{"--to " + dir_.string() + " would replace the input '" + *n + "' with " + rel +
                          ": nothing written (export elsewhere)"};
    for (const auto& rel : rels) {
      fs::create_directories((dir_ / rel).parent_path(), ec);
      if (ec) throw io_error{"cannot create '" + (dir_ / rel).parent_path().string() + "': " + ec.message()};
    }
    for (const auto& rel : rels) {
      fs::rename(path_ / rel, dir_ / rel, ec);
      if (ec) throw io_error{"cannot write '" + (dir_ / rel).string() + "': " + ec.message()};
    }
  }

private:
  fs::path dir_, path_;
  temporary_guard guard_;  // removes path_ when a signal ends the program
};

/// Whether `dir` holds an export of a region this program wrote before (its
/// datapackage.json says so).
bool holds_a_region_export(const fs::path& dir) {
  std::ifstream in(dir / "datapackage.json", std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("\"name\": \"yusuan-region\"") != std::string::npos &&
         head.find("\"created_by\": \"yusuan export\"") != std::string::npos;
}

/// Removes the budget files of an earlier export of a region into `dir`
/// (year=…/department=…/….csv) that this one did not write, and the
/// partition folders left empty: a reader of the whole folder (DuckDB's
/// **/*.csv) would count them.  Other files are left as they are.
void remove_earlier_files(const fs::path& dir, const std::set<std::string>& written) {
  std::error_code ec;
  std::vector<fs::path> stale, folders;
  for (fs::directory_iterator y(dir, ec), end; !ec && y != end; y.increment(ec)) {
    if (!y->is_directory(ec) || !y->path().filename().string().starts_with("year=")) continue;
    folders.push_back(y->path());
    for (fs::directory_iterator d(y->path(), ec); !ec && d != end; d.increment(ec)) {
      if (!d->is_directory(ec) || !d->path().filename().string().starts_with("department=")) continue;
      folders.push_back(d->path());
      for (fs::directory_iterator f(d->path(), ec); !ec && f != end; f.increment(ec))
        if (f->is_regular_file(ec) && f->path().extension() == ".csv" &&
            !written.count(fs::relative(f->path(), dir, ec).generic_string()))
          stale.push_back(f->path());
    }
  }
  for (const auto& f : stale) fs::remove(f, ec);
  std::sort(folders.begin(), folders.end(), [](const fs::path& a, const fs::path& b) { return a.string() > b.string(); });
  for (const auto& f : folders)
    if (fs::is_empty(f, ec)) fs::remove(f, ec);  // departments before their years
}

/// The fiscal period of budgets of `years` (0: a budget of no 年度, of none):
/// nothing when no budget states a year.
std::string period(const std::set<int>& years) {
  std::set<int> known = years;
  known.erase(0);
  if (known.empty()) return {};
  return "    \"fiscalPeriod\": {\"start\": \"" + std::to_string(*known.begin()) + "-01-01\", \"end\": \"" +
         std::to_string(*known.rbegin()) + "-12-31\"},\n";
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
     << period(years)
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
  output_folder folder(dir);  // removed again, if it made it, unless the export completes
  // every file is written into a folder of its own first, and moved into
  // place when all are: a failed export leaves nothing behind
  staging_dir staging(dir);
  const auto libs = library_path();
  std::vector<std::string> paths;
  std::set<std::string> seen, departments;
  std::map<std::string, std::string> unit_files;  // year/department/unit -> the budget file it is first in
  std::set<int> years;
  std::uintmax_t bytes = 0;
  std::size_t items = 0;
  bool failed = false, unreadable = false;
  run_ordered<written>(
      files.size(), effective_jobs(jobs),
      [&](std::size_t i) { return export_one(files[i], staging.path(), dir, libs, bom); },
      [&](std::size_t i, written w) {
        if (!w.error.empty()) throw io_error{w.error};
        if (!w.ok) {
          failed = true;
          unreadable = unreadable || w.unreadable;
          report({false, color}, w.diags);
          std::cerr << files[i] << ": " << yusuan::summary(w.diags) << "\n";
          return;
        }
        if (!seen.insert(w.path).second)
          throw usage_error{"two budgets write " + w.path + " (the same unit twice?); nothing written"};
        // a budget of several units (a department's) is one file: a unit of it
        // that is also a budget of its own would be counted twice
        for (const auto& u : w.units) {
          const std::string key = std::to_string(w.year) + "/" + w.department + "/" + u;
          if (const auto [other, fresh] = unit_files.emplace(key, files[i]); !fresh && other->second != files[i])
            throw usage_error{"unit " + u + " is in " + other->second + " and in " + files[i] +
                              ": its items would be counted twice; nothing written"};
        }
        paths.push_back(w.path);
        bytes += w.bytes;
        items += w.items;
        years.insert(w.year);
        departments.insert(w.department);
      });
  if (failed) return unreadable ? exit_usage : exit_budget_error;
  {
    output js((staging.path() / "datapackage.json").string());
    write_region_descriptor(js.stream(), paths, bytes, years, departments.size(), bom);
    js.finish();
  }
  std::vector<std::string> moved = paths;
  moved.push_back("datapackage.json");
  const bool earlier = holds_a_region_export(dir);
  staging.commit(moved);
  if (earlier) remove_earlier_files(dir, std::set<std::string>(paths.begin(), paths.end()));
  folder.keep();
  std::cerr << "wrote " << items << " items of " << paths.size() << " budgets (" << departments.size()
            << " departments) to " << dir << "/year=*/department=*/ and " << (fs::path(dir) / "datapackage.json").string()
            << "\n";
  return exit_ok;
}

}  // namespace cli
