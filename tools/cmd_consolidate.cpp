// yusuan consolidate -- department budgets from their units' budget files,
// and a region from its departments, with what does not add up.
#include "args.hpp"
#include "check_many.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "ordered_pool.hpp"
#include "terminal_text.hpp"
#include "too_large.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/text/escape.hpp>
#include <yusuan/text/width.hpp>

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

const char* const consolidate_help = R"(Usage: yusuan consolidate [options] DEPT... | REGION | @LIST

Builds each department's budget from its units' budget files and a region's
totals from its departments, and reports what does not add up.

A department is a folder holding department.budget, the department's budget
(部门预算: it imports its units' budgets and states the department's
published figures as 核对), and its units' budget files: the other *.budget
files under the folder, but not those of a folder inside it that holds a
department.budget (another department, with units of its own).  DEPT is such
a folder or its department.budget; REGION is a folder of department folders
(at any depth, in path order); @LIST a file of department folders or files,
one a line (scripts/gen-region writes departments.list); a file of a unit is
no DEPT, nor is a unit file that cannot be read passed over (both are usage
errors).  Each department is
named once: the same department.budget twice (by any path or link: REGION
and a DEPT in it, a line repeated in @LIST) is a usage error.

Each unit's budget is checked on its own and its figures summed: items,
基本支出, 项目支出, 支出合计.  A unit whose budget does not check is listed
all the same, with its errors (the 核对 column, the CSV status): when only
its 核对 fail, its items are whole and counted; otherwise its figures are
unknown, left blank and not counted (未计入合计).  Each department's budget is checked with its
units imported, so every published figure of the department (its total, its
units' totals with 核对 合计 按 单位 {…}, its spending by function …) is
compared with the units' sum; each one that does not add up is printed on a
line of its own (published against found).  The department's units are the
files its budget imports: a unit file of the folder it does not import is
not counted, and a file it imports that is no unit file of the folder is in
its figures and in no unit's sum; each does not add up, and is printed so.
A file a unit file imports is part of that unit, not a unit of its own.  The
department's budget, its units imported, must be its units' sum: items of
department.budget itself, a unit file read in another 金额单位 when imported,
a unit stated by two files or in two departments (counted twice) and a unit
file naming another 部门 do not add up either.
A department whose budget has errors that leave its checks unrun (a unit of
another year, an import that cannot be read) says that its published figures
were not compared.  Then the region: one row per department and the total;
a region sums one year, and a department of another 年度 than the first
department's does not add up.

Options:
  -j, --jobs N          compile N budgets at a time (default: the number of cores)
  --format text|csv     a table per department and the region (text, default)
                        or one CSV row per unit, department and region total
  --unit 元|万元|亿元     the unit of the amounts printed (default 万元, each
                        rounded half-up to 0.01, so that rounded rows need not
                        add up to their total; 元 is exact)
  -q, --quiet           only the region and what does not add up (in CSV: the
                        rows of the departments that do not add up)
  -o FILE               write the report to FILE
  -h, --help            show this help

Exit codes: 0 everything adds up and every unit checks, 1 a unit's budget has
an error or a department does not add up (a figure, a unit file), 2 usage or
I/O errors (a department named twice).
)";

std::optional<yusuan::budget> compile_input(const std::string& file, yusuan::diagnostics& diags,
                                            yusuan::compile_options co);
std::vector<std::filesystem::path> library_path();

namespace fs = std::filesystem;

namespace {

struct unit_file {
  std::string path;
  file_id id;
};

struct department_files {
  std::string dir, file;         // the folder and its department.budget
  file_id id;                    // department.budget's
  std::vector<unit_file> units;  // the *.budget files of the folder, sorted
};

/// Units of every department, then the department: one compile each.
struct task {
  std::size_t dept;
  bool is_department;
  std::string file;
};

struct unit_row {
  std::string code, name, type;
  std::size_t items = 0;
  yusuan::money basic, project, total;
  std::size_t errors = 0;  // of its budget: counted when only its 核对 fail
  bool counted = true;     // false: its budget does not check, its figures are unknown
};

/// A file a department's budget read (an import, or an import's import).
struct file_read {
  file_id id;
  std::string name;
};

struct compiled {
  bool ok = false, unreadable = false;
  std::vector<unit_row> units;          // a unit budget: its units' figures
  std::vector<file_read> reads;         // the files its budget read (itself, its imports)
  std::optional<unit_row> whole;        // a department's budget that built: its figures, its units imported
  std::size_t own_items = 0;            // a department's: items of department.budget itself
  yusuan::money own_total;
  std::string dept_code, dept_name;     // from the budget's header
  int year = 0;                         // its 年度 (0: none stated)
  std::string not_run;                  // a department's: "N checks were not run because of the errors above"
  std::vector<std::string> problems;    // one line per error
  std::vector<std::optional<file_id>> problem_files;  // the file each is in
  std::optional<yusuan::overflow_error> too_large;  // a unit's sum no amount holds
  std::string too_large_unit;
};

/// A sum of units, of departments or of a unit's items that no amount holds:
/// `what` at `where` (the budget file).
struct sum_too_large {
  std::string where, what;
  yusuan::overflow_error error;
};

/// The *.budget files of a department's folder, sorted by path: not its
/// department.budget, nor those of a folder inside it that holds a
/// department.budget of its own (a department whose units are its own).
std::vector<unit_file> unit_files(const fs::path& dir, const file_id& department) {
  std::vector<unit_file> units;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code ec2;
    if (it->is_directory(ec2)) {
      if (fs::is_regular_file(it->path() / "department.budget", ec2)) it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() != ".budget" || it->path().filename() == "department.budget") continue;
    const auto id = regular_file_id(it->path().string());
    if (!id)  // a link to nothing, a pipe …: a unit that cannot be read is not passed over
      throw io_error{"cannot read the unit budget '" + it->path().string() +
                     "': not a regular file (a symbolic link to nothing?)"};
    if (*id != department) units.push_back({it->path().string(), *id});
  }
  if (ec) throw io_error{"cannot read the directory '" + dir.string() + "': " + ec.message()};
  std::sort(units.begin(), units.end(), [](const unit_file& a, const unit_file& b) { return a.path < b.path; });
  return units;
}

/// The departments of the inputs, each once: a department.budget named twice
/// (by any path or link) is a usage error, for its units would be counted
/// twice in the region.
std::vector<department_files> find_departments(const std::vector<std::string>& inputs) {
  std::vector<std::string> places;
  for (const auto& a : inputs) {
    if (a.size() > 1 && a[0] == '@') {
      for (const auto& p : expand_budget_inputs({a})) places.push_back(p);  // budget files or folders
    } else {
      places.push_back(a);
    }
  }
  std::vector<department_files> out;
  std::map<file_id, std::string> named;  // department.budget -> the path it was first found by
  auto add = [&](const fs::path& file) {
    department_files d;
    d.dir = file.parent_path().string();
    d.file = file.string();
    const auto id = regular_file_id(d.file);
    if (!id) throw io_error{"cannot read '" + d.file + "': not a regular file"};
    d.id = *id;
    if (const auto [it, first] = named.emplace(d.id, d.file); !first)
      throw usage_error{"the department " + it->second + " is named twice" +
                        (it->second == d.file ? std::string() : " (also as " + d.file + ")") +
                        ": its units would be counted twice; name each department once"};
    d.units = unit_files(file.parent_path(), d.id);
    out.push_back(std::move(d));
  };
  for (const auto& p : places) {
    std::error_code ec;
    const fs::path path(p);
    if (fs::is_regular_file(path, ec)) {
      if (path.filename() != "department.budget")  // a unit's file read as a department counted none of its units
        throw usage_error{"'" + p + "' is no department.budget: consolidate takes a department's folder or its "
                          "department.budget, or a region's folder"};
      add(path);
    } else if (fs::is_directory(path, ec)) {
      if (fs::is_regular_file(path / "department.budget", ec)) {
        add(path / "department.budget");
        continue;
      }
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename() == "department.budget" && it->is_regular_file(ec)) found.push_back(it->path());
      if (ec) throw io_error{"cannot read the directory '" + p + "': " + ec.message()};
      std::sort(found.begin(), found.end());
      if (found.empty()) throw usage_error{"no department.budget under '" + p + "'"};
      for (const auto& f : found) add(f);
    } else {
      throw io_error{"cannot read '" + p + "': no such file or directory"};
    }
  }
  return out;
}

/// An error of a budget on one line; `department`: of the department's
/// budget, whose 核对 compare its published figures with its units' sum.
std::string problem_line(const std::string& file, const yusuan::diagnostic& d, bool department) {
  const auto loc = yusuan::resolve(d.span);
  std::string s = loc.file.empty() ? file : loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
  s += ": error[" + d.code + "]: " + d.message;
  if (d.expected.empty() && d.found.empty()) return s;
  // a figure that does not add up: published against the units' sum
  if (department && (d.code == "E0501" || d.code == "E0503"))
    return s + ": published " + d.expected + ", units add up to " + d.found;
  // a syntax error's message says what it expected already
  if (d.message.find(d.expected) != std::string::npos) return d.found.empty() ? s : s + ", found " + d.found;
  return s + ": expected " + d.expected + ", found " + d.found;
}

/// Counts an item in a row: its 合计 and its column, 基本支出 or 项目支出 (an
/// item of no kind is in the 合计 and in neither column, language.md §6).
/// Throws overflow_error for a sum no amount holds.
void add_item(unit_row& r, const yusuan::item& it) {
  ++r.items;
  r.total = r.total + it.amount;
  const auto k = yusuan::parent_kind(it.kind);
  if (k == yusuan::spending_kind::project) r.project = r.project + it.amount;
  else if (k == yusuan::spending_kind::basic) r.basic = r.basic + it.amount;
}

compiled compile_task(const task& t, const std::vector<fs::path>& libs) {
  compiled c;
  yusuan::compile_options co;
  co.library_path = libs;
  yusuan::diagnostics diags;
  auto b = compile_input(t.file, diags, co);
  c.unreadable = yusuan::unreadable(diags);
  // whether it compiled or not; a library file (<std/…>) is no unit's
  for (const auto& f : diags.files())
    if (f && !(f->name().starts_with('<') && f->name().ends_with('>')))
      if (const auto id = regular_file_id(f->name())) c.reads.push_back({*id, f->name()});
  c.ok = b.has_value();
  bool only_constraints = true;  // every error a 核对 that fails: the contents are whole
  for (const auto& d : diags)
    if (d.level == yusuan::severity::note && t.is_department && d.message.find(" not run because ") != std::string::npos)
      c.not_run = d.message;
    else if (d.level == yusuan::severity::error) {
      c.problems.push_back(problem_line(t.file, d, t.is_department));
      c.problem_files.push_back(d.span.file ? regular_file_id(d.span.file->name()) : std::nullopt);
      only_constraints = only_constraints && (d.code == "E0501" || d.code == "E0503");
    }
  if (!b && only_constraints && !c.problems.empty()) {
    // a unit whose published figures disagree with its items: its items are
    // whole, and counted (the disagreement is reported as its problem); a
    // department whose published figures disagree with its units: its 部门
    // and its figures are whole
    yusuan::diagnostics again;
    co.constraints_as_warnings = true;
    b = compile_input(t.file, again, co);
  }
  if (!b) {
    if (!t.is_department) {  // a row for it all the same, not counted
      unit_row r;
      r.code = fs::path(t.file).stem().string();
      r.errors = c.problems.size();
      r.counted = false;
      c.units.push_back(std::move(r));
    }
    return c;
  }
  c.dept_code = b->header().department_code;
  c.dept_name = b->header().department_name;
  c.year = b->header().year;
  if (t.is_department) {
    unit_row whole;
    try {
      for (const auto& it : b->items()) {
        add_item(whole, it);
        if (it.file == 0) {  // written in department.budget itself (source 0: the root file)
          ++c.own_items;
          c.own_total = c.own_total + it.amount;
        }
      }
      c.whole = whole;
    } catch (const yusuan::overflow_error&) {  // the budget's total fits; a part of items of both signs may not
    }
    return c;
  }
  std::vector<unit_row> rows(b->units().size());
  for (std::size_t u = 0; u < rows.size(); ++u) {
    rows[u].code = b->units()[u].code;
    rows[u].name = b->units()[u].name;
    rows[u].type = std::string(yusuan::chinese_name(b->units()[u].type));
    rows[u].errors = c.problems.size();
  }
  for (const auto& it : b->items()) {
    auto& r = rows[it.unit];
    try {  // the budget's total fits, a unit's sum of items of both signs may not
      add_item(r, it);
    } catch (const yusuan::overflow_error& e) {
      c.too_large = e;
      c.too_large_unit = r.code.empty() ? r.name : r.code;
      return c;
    }
  }
  if (rows.size() == 1 && rows[0].code.empty() && rows[0].name.empty())
    rows[0].code = fs::path(t.file).stem().string();  // a file that declares no 单位 is known by its name
  for (auto& r : rows)
    if (r.items > 0 || rows.size() == 1) c.units.push_back(std::move(r));
  return c;
}

struct sums {
  std::size_t units = 0, items = 0;
  yusuan::money basic, project, total;
  void add(const unit_row& r) {
    if (!r.counted) return;
    ++units;
    items += r.items;
    basic = basic + r.basic;
    project = project + r.project;
    total = total + r.total;
  }
  void add(const sums& s) {
    units += s.units;
    items += s.items;
    basic = basic + s.basic;
    project = project + s.project;
    total = total + s.total;
  }
};

/// A unit's status: ok, the errors of its budget, and whether its figures
/// are counted all the same (only its 核对 fail) or not (they are unknown).
std::string unit_status(const unit_row& r) {
  if (r.errors == 0) return "ok";
  return std::to_string(r.errors) + " 个错误" + (r.counted ? "" : "，未计入合计");
}

/// A text table with a header row; the first `left` columns left-aligned.
class table {
public:
  explicit table(std::vector<std::string> head, std::size_t left) : left_(left) { rows_.push_back(std::move(head)); }
  void row(std::vector<std::string> r) { rows_.push_back(std::move(r)); }
  void rule() { rules_.push_back(rows_.size()); }
  void print(std::ostream& os, const std::string& indent) const {
    std::vector<std::size_t> w(rows_[0].size(), 0);
    for (const auto& r : rows_)
      for (std::size_t c = 0; c < r.size(); ++c) w[c] = std::max(w[c], yusuan::text::display_width(r[c]));
    std::size_t total = 0;
    for (auto x : w) total += x + 2;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (std::find(rules_.begin(), rules_.end(), i) != rules_.end()) os << indent << std::string(total - 2, '-') << "\n";
      std::string line;
      for (std::size_t c = 0; c < rows_[i].size(); ++c)
        line += (c ? "  " : "") + yusuan::text::pad(rows_[i][c], w[c], c >= left_);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      os << indent << line << "\n";
    }
  }

private:
  std::size_t left_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> rules_;
};

}  // namespace

int run_consolidate(const std::vector<std::string>& args) {
  std::string format = "text";
  yusuan::unit u = yusuan::unit::wan_yuan;
  bool quiet = false;
  unsigned jobs = 0;
  common_flags common;
  std::vector<std::string> inputs;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << consolidate_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (is_option(a, "--format")) {
      format = choice_option(args, i, "--format", {"text", "csv"});
    } else if (is_option(a, "--unit")) {
      u = unit_option(args, i);
    } else if (a == "-j" || is_option(a, "--jobs") || (a.size() > 2 && a.rfind("-j", 0) == 0)) {
      jobs = jobs_option(args, i);
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (looks_like_option(a)) {
      unknown_option("consolidate", a, with_common({"--format", "--unit", "--jobs", "-j", "--quiet", "-q"}));
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) throw usage_error{"consolidate needs a department or a region (see yusuan consolidate --help)"};
  const auto depts = find_departments(inputs);
  std::vector<task> tasks;
  for (std::size_t d = 0; d < depts.size(); ++d) {
    for (const auto& f : depts[d].units) tasks.push_back({d, false, f.path});
    tasks.push_back({d, true, depts[d].file});
  }
  const auto libs = library_path();
  const auto amount = [u](yusuan::money m) { return m.format(u, 2); };

  std::ostringstream report_text;  // the whole report, or nothing
  std::ostream& os = report_text;
  const bool csv = format == "csv";
  if (csv) os << "level,department_code,department_name,unit_code,unit_name,unit_type,units,items,basic,project,total,status\n";
  const auto csv_row = [&](const char* level, const std::string& dc, const std::string& dn, const unit_row* r,
                           const sums* s, const std::string& status) {
    using yusuan::text::csv_field;
    os << level << "," << csv_field(dc) << "," << csv_field(dn) << ",";
    if (r && !r->counted) {  // its figures are unknown: empty fields, and it counts as no unit of the sums
      os << csv_field(r->code) << "," << csv_field(r->name) << "," << csv_field(r->type) << ",0,,,,";
    } else if (r) {
      os << csv_field(r->code) << "," << csv_field(r->name) << "," << csv_field(r->type) << ",1," << r->items << ","
         << amount(r->basic) << "," << amount(r->project) << "," << amount(r->total);
    } else {
      os << ",,," << s->units << "," << s->items << "," << amount(s->basic) << "," << amount(s->project) << ","
         << amount(s->total);
    }
    os << "," << csv_field(status) << "\n";
  };

  bool any_error = false, any_io = false;
  sums region;
  std::size_t depts_off = 0;
  int region_year = 0;           // the 年度 of the first department that states one
  std::string region_year_from;  // that department's file
  std::map<std::string, std::string> region_units;  // a unit's code -> the department.budget it is first counted in
  table region_table({"部门", "名称", "单位", "支出行", "基本支出", "项目支出", "支出合计", "核对"}, 2);
  // the unit files of the department compiled so far, in the order of its `units`
  std::vector<compiled> pending;
  const auto consume = [&](std::size_t i, compiled c) {
    const task& t = tasks[i];
    if (c.too_large)
      throw sum_too_large{t.file, "the sum of the items of unit " + c.too_large_unit, *c.too_large};
    if (c.unreadable) any_io = true;
    if (!t.is_department) {
      pending.push_back(std::move(c));
      return;
    }
    // The department's units are the unit files of its folder that its budget
    // reads: its published figures cover those and no other.  A unit file it
    // does not import, or a file it imports that is no unit file of the
    // folder, does not add up.  (When department.budget itself cannot be
    // read, that is the problem, exit code 2, and the folder's files are
    // shown as its units.)
    const auto& d = depts[t.dept];
    std::set<file_id> read;
    for (const auto& f : c.reads) read.insert(f.id);
    const bool read_itself = read.count(d.id) > 0;
    std::vector<unit_row> rows;
    std::vector<std::string> problems;
    std::string dept_code, dept_name;
    int dept_year = c.year;                        // the department's 年度, else its first unit's
    std::map<file_id, const std::string*> units;  // each unit file once, by identity
    std::set<file_id> reported;                    // files of the errors of units that do not check
    // a file another unit file of the folder imports is part of that unit
    // (its projects, say), not a unit of its own; files that import each
    // other are neither's part
    std::map<file_id, std::set<file_id>> reads_of;
    for (std::size_t k = 0; k < pending.size(); ++k)
      for (const auto& r : pending[k].reads) reads_of[d.units[k].id].insert(r.id);
    const auto part_of_another = [&](const file_id& f) {
      for (const auto& [other, its] : reads_of)
        if (other != f && its.count(f) && !(reads_of.count(f) && reads_of.at(f).count(other))) return true;
      return false;
    };
    std::map<std::string, std::string> unit_codes;  // a unit's code -> the file that states it first
    for (std::size_t k = 0; k < pending.size(); ++k) {
      const unit_file& f = d.units[k];
      compiled& u = pending[k];
      if (part_of_another(f.id)) {
        units.emplace(f.id, &f.path);  // read with the unit that imports it
        continue;
      }
      if (const auto [first, fresh] = units.emplace(f.id, &f.path); !fresh) {
        problems.push_back(f.path + ": the same file as " + *first->second + ": counted once");
        continue;
      }
      if (read_itself && !read.count(f.id) && !u.unreadable) {  // one it cannot read does not check
        problems.push_back(f.path + ": a unit budget in the department's folder that " + d.file +
                           " does not import: not counted");
        continue;
      }
      if (dept_code.empty()) {
        dept_code = u.dept_code;
        dept_name = u.dept_name;
      }
      // a unit file of another department (in the wrong folder, or naming the wrong one)
      if (u.ok && !c.dept_code.empty() && !u.dept_code.empty() && u.dept_code != c.dept_code)
        problems.push_back(f.path + ": states 部门 " + u.dept_code + " " + u.dept_name + ", in the folder of 部门 " +
                           c.dept_code + " " + c.dept_name + " (" + d.file + ")");
      if (dept_year == 0) dept_year = u.year;
      if (!u.ok) {
        any_error = true;
        const bool counted = u.units.empty() || u.units.front().counted;
        const std::size_t n = u.problems.size();
        problems.push_back(f.path + ": does not check (" + std::to_string(n) + (n == 1 ? " error" : " errors") +
                           (counted ? ", only of its 核对: its items are counted" : ": not counted") + ")" +
                           (u.problems.empty() ? std::string() : ": " + u.problems.front()));
        for (const auto& id : u.problem_files)
          if (id) reported.insert(*id);
      }
      for (auto& r : u.units) {
        // one unit in two files: its items would be counted twice
        if (!r.code.empty())
          if (const auto [first, fresh] = unit_codes.emplace(r.code, f.path); !fresh)
            problems.push_back(f.path + ": unit " + r.code + " " + r.name + " is stated by " + first->second +
                               " too: its spending is counted twice");
        if (!r.code.empty()) {
          if (const auto [other, fresh] = region_units.emplace(r.code, d.file); !fresh && other->second != d.file)
            problems.push_back(f.path + ": unit " + r.code + " " + r.name + " is a unit of " + other->second +
                               " too: the region counts its spending twice");
        }
        rows.push_back(std::move(r));
      }
    }
    pending.clear();
    bool foreign = false;  // a file of the department's figures that is no unit's: said, not also as a difference
    for (const auto& f : c.reads)
      if (f.id != d.id && !units.count(f.id) && (foreign = true))
        problems.push_back(d.file + " imports " + f.name +
                           ", which is no unit budget of its folder (a *.budget file, not in a department "
                           "folder inside it): in the department's published figures, in no unit's sum");
    if (c.ok || !c.dept_code.empty()) {
      dept_code = c.dept_code.empty() ? dept_code : c.dept_code;
      dept_name = c.dept_name.empty() ? dept_name : c.dept_name;
    }
    if (dept_code.empty()) dept_code = fs::path(d.dir).filename().string();
    sums s;
    try {
      for (const auto& r : rows) s.add(r);
    } catch (const yusuan::overflow_error& e) {
      throw sum_too_large{d.file, "the sum of the units of department " + dept_code, e};
    }
    // the department's published figures are checked against its budget read
    // with its units imported: that budget must be the units' sum
    if (c.own_items > 0)
      problems.push_back(d.file + ": states " + std::to_string(c.own_items) + (c.own_items == 1 ? " item" : " items") +
                         " of its own (" + amount(c.own_total) + " " + std::string(yusuan::unit_name(u)) +
                         "): in the department's published figures, in no unit's sum");
    const bool all_counted = std::all_of(rows.begin(), rows.end(), [](const unit_row& r) { return r.counted; });
    if (c.whole && all_counted && c.own_items == 0 && !foreign &&
        (c.whole->items != s.items || c.whole->total != s.total || c.whole->basic != s.basic ||
         c.whole->project != s.project))
      problems.push_back(d.file + ": its budget, its units imported, has " + std::to_string(c.whole->items) +
                         (c.whole->items == 1 ? " item" : " items") + " and spends " + amount(c.whole->total) + " (基本支出 " + amount(c.whole->basic) +
                         ", 项目支出 " + amount(c.whole->project) + "); its units' budgets, each read alone, add up to " +
                         std::to_string(s.items) + (s.items == 1 ? " item" : " items") + " and " + amount(s.total) + " (基本支出 " + amount(s.basic) +
                         ", 项目支出 " + amount(s.project) + "): its published figures are checked against the "
                         "former (a unit file without 金额单位 is read in the unit of the file that imports it)");
    try {
      region.add(s);
    } catch (const yusuan::overflow_error& e) {
      throw sum_too_large{d.file, "the region's sum with department " + dept_code, e};
    }
    if (!c.ok) {
      // each error once: those in a unit's file are said with that unit
      for (std::size_t k = 0; k < c.problems.size(); ++k)
        if (!c.problem_files[k] || !reported.count(*c.problem_files[k])) problems.push_back(c.problems[k]);
    }
    // the errors left the department's published figures unchecked: say so (they were silently not compared)
    if (!c.not_run.empty())
      problems.push_back(d.file + ": " + c.not_run + ": its published figures are not compared with its units' sums");
    // a region sums one year: a department of another is not comparable
    if (dept_year != 0 && region_year == 0) {
      region_year = dept_year;
      region_year_from = d.file;
    } else if (dept_year != 0 && dept_year != region_year) {
      problems.push_back(d.file + ": a budget of " + std::to_string(dept_year) + ", in a region of " +
                         std::to_string(region_year) + " (" + region_year_from +
                         "): its figures are summed with another year's");
    }
    if (!problems.empty() || !c.ok) any_error = true;
    const std::string status = problems.empty() ? "ok" : std::to_string(problems.size()) + " 处不一致";
    if (!problems.empty()) ++depts_off;
    if (csv) {
      if (!quiet || !problems.empty()) {  // -q: only the departments that do not add up, and the region
        for (const auto& r : rows) csv_row("unit", dept_code, dept_name, &r, nullptr, unit_status(r));
        csv_row("department", dept_code, dept_name, nullptr, &s, status);
      }
    } else {
      if (!quiet) {
        os << "部门 " << dept_code << " " << dept_name << " (" << d.file << ")\n";
        table t({"单位", "名称", "类型", "支出行", "基本支出", "项目支出", "支出合计", "核对"}, 3);
        for (const auto& r : rows) {
          if (r.counted)
            t.row({r.code, r.name, r.type, std::to_string(r.items), amount(r.basic), amount(r.project),
                   amount(r.total), unit_status(r)});
          else
            t.row({r.code, r.name, r.type, "—", "—", "—", "—", unit_status(r)});
        }
        t.rule();
        t.row({"合计", std::to_string(s.units) + " 个单位", "", std::to_string(s.items), amount(s.basic),
               amount(s.project), amount(s.total), ""});
        t.print(os, "  ");
      }
      if (problems.empty()) {
        if (!quiet) os << "  公开数与单位合计一致\n\n";
      } else {
        if (quiet) os << "部门 " << dept_code << " " << dept_name << " (" << d.file << ")\n";
        os << "  不一致 (" << problems.size() << "):\n";
        for (const auto& p : problems) os << "    " << p << "\n";
        os << "\n";
      }
    }
    region_table.row({dept_code, dept_name, std::to_string(s.units), std::to_string(s.items), amount(s.basic),
                      amount(s.project), amount(s.total), status});
  };
  try {
    run_ordered<compiled>(
        tasks.size(), effective_jobs(jobs), [&](std::size_t i) { return compile_task(tasks[i], libs); }, consume);
  } catch (const sum_too_large& e) {
    return too_large({false, use_color(common.color)}, "<consolidate>", e.where, e.what, e.error);
  }
  if (csv) {
    csv_row("region", "", "", nullptr, &region,
            depts_off ? std::to_string(depts_off) + " 个部门不一致" : "ok");
  } else {
    os << "地区合计 (" << depts.size() << " 个部门, 金额单位 " << yusuan::unit_name(u) << ")\n";
    region_table.rule();
    region_table.row({"合计", std::to_string(depts.size()) + " 个部门", std::to_string(region.units),
                      std::to_string(region.items), amount(region.basic), amount(region.project), amount(region.total),
                      depts_off ? std::to_string(depts_off) + " 个部门不一致" : "ok"});
    region_table.print(os, "  ");
  }
  output out(common.output);
  if (csv) out.stream() << report_text.view();
  else write_terminal_safe(out.stream(), report_text.view());  // names of units and departments
  out.finish();
  if (any_io) return exit_usage;
  return any_error ? exit_budget_error : exit_ok;
}

}  // namespace cli
