// yusuan/compile/draft.hpp -- the budget under construction: what the
// lowering pass builds and the later passes (resolve, checks, evaluate) read.
// It is the only state the passes share.
#pragma once

#include <yusuan/budget.hpp>
#include <yusuan/model/expr.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace yusuan::compile {

/// An item that names a project not declared yet; resolved at the end.
struct pending_project_ref {
  std::size_t item = 0;
  std::string name;
  source_span span;
};

/// A row of a grouped constraint: one key per dimension and the stated amount.
struct grouped_row {
  std::vector<std::string> keys;
  money amount;
  unit written_in = unit::yuan;  // the row's amount as published: its unit and decimals
  int decimals = 2;
  bool threshold = false;  // a rule file's row: a threshold, the group's sum compared with it exactly (§23.2)
  source_span span;
};

/// Year-on-year claim of a constraint: 较上年 减少 / 增加 / 下降 / 增长 / 持平.
enum class yoy_claim : std::uint8_t { none, decrease, increase, fall, growth, flat };

/// A condition of 当 (docs/language.md, "Rules and tests"): on the budget's
/// header (单位类型, 年度, 部门, 单位) or, under 每个, on the unit or project
/// the constraint is checked for (单位类型, 单位, 金额, 类型, 项目); 上年 and
/// 数值 test whether the budget states a 上年 / 数值 (计数) figure of a name.
struct rule_condition {
  enum class op : std::uint8_t { test, and_, or_, not_ } kind = op::test;
  enum class subject : std::uint8_t { unit_type, year, department, unit, amount, kind, project, prior, figure, table_note } what = subject::year;
  filter::op cmp = filter::op::eq;  // eq, ne, in, not_in, lt, le, gt, ge
  std::vector<std::string> texts;   // the values as written
  std::vector<money> amounts;       // 金额
  std::vector<unit_type> types;     // 单位类型
  std::vector<spending_kind> kinds; // 类型
  std::vector<int> years;           // 年度
  std::vector<rule_condition> children;
  source_span span;
};

/// 每个 项目 / 每个 单位: a constraint checked once for each.
enum class rule_scope : std::uint8_t { budget, each_project, each_unit };

/// A constraint (核对) as written, to be evaluated once the budget is complete.
struct constraint_def {
  expr lhs, rhs;
  std::string cmp;  // "=", "≠", "≤", "≥", "<", ">" (and the ASCII spellings)
  yoy_claim yoy = yoy_claim::none;
  std::string yoy_value;
  source_span yoy_span;  // rhs holds the claim: an amount (with its unit and decimals) or a percentage
  std::optional<money> tolerance;
  bool warning = false;
  std::string message;
  std::string text;
  /// The project or unit an instance is checked for (项目 甲, 单位 A01 甲中心),
  /// which its text and message end with, in parentheses.
  std::string instance;
  source_span span;
  unit file_unit = unit::yuan;
  // grouped: 按 dims { keys: amount }
  std::vector<dimension_ref> by;
  std::vector<source_span> by_spans;  // where each dimension is written
  std::vector<grouped_row> rows;
  // rules: 每个 … and 当 …
  rule_scope scope = rule_scope::budget;
  std::optional<rule_condition> when;
  /// The unit whose file states it, in a department budget: checked on that
  /// unit alone, with its own figures (npos32: on the budget).
  std::uint32_t of_unit = npos32;
};

/// The key of a figure among draft::prior_ids and figure_ids: its name, and
/// the unit whose own figure it is (a unit's figures are apart from the
/// budget's and from other units').
inline std::string figure_key(const std::string& name, std::uint32_t of_unit) {
  return of_unit == npos32 ? name : name + '\x1f' + std::to_string(of_unit);
}

/// 参数 NAME = VALUE: its value as a literal, and where it is declared.
struct parameter_def {
  expr value;
  source_span span;
  bool from_rules = false;  // declared in a rule file (a default the budget's own 参数 overrides)
  bool from_override = false;  // its value is compile_options::parameters' (--set)
};

/// A --set NAME=VALUE of compile_options::parameters, as text to read.
struct parameter_override {
  const char* b = nullptr;  // the value, in draft::override_source
  const char* e = nullptr;
  source_span span;
  bool used = false;
};

using tag_list = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// `tags` (key, value ids in the order given) sorted by key, each key with
/// the last value given it: a statement's tag overrides its block's.
inline void keep_last_of_each_key(tag_list& tags) {
  const auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (tags.size() <= 32) {  // the usual few: an insertion sort, stable and without a buffer to allocate
    for (std::size_t i = 1; i < tags.size(); ++i)
      for (std::size_t j = i; j > 0 && by_key(tags[j], tags[j - 1]); --j) std::swap(tags[j], tags[j - 1]);
  } else {
    std::stable_sort(tags.begin(), tags.end(), by_key);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    if (i + 1 < tags.size() && tags[i + 1].first == tags[i].first) continue;
    tags[kept++] = tags[i];
  }
  tags.resize(kept);
}

/// The budget under construction, with the indexes that keep every lookup
/// of the passes below linear in the size of the input.
struct draft {
  std::shared_ptr<detail::budget_data> data = make_data();

  // interned tag strings and tag sets
  std::unordered_map<std::string, std::uint32_t> string_ids;
  std::map<tag_list, std::uint32_t> tag_set_ids;
  // names given to codes
  std::map<function_code, std::size_t> function_index;
  std::map<econ_code, std::size_t> econ_index;
  // projects and groups by name or code
  std::unordered_map<std::string, std::uint32_t> project_ids, project_codes, group_ids;
  /// Projects by name and unit (figure_key), and the names several units'
  /// projects have (each with those projects, in the order declared).
  std::unordered_map<std::string, std::uint32_t> unit_project_ids;
  std::unordered_map<std::string, std::vector<std::uint32_t>> shared_project_names;
  std::unordered_map<std::string, source_span> code_spans;
  std::vector<std::pair<std::optional<money>, source_span>> stated_project_amount;
  /// Each project's 编码, 类型, 功能 and 金额 as first given, and where (by
  /// project id and field): a second, different one is E0303.
  std::map<std::pair<std::uint32_t, int>, std::pair<std::string, source_span>> project_fields;
  // named things, for duplicates
  std::unordered_map<std::string, std::size_t> prior_ids, figure_ids, measure_ids, note_ids, extension_ids;
  /// Each measure's statement as written and the unit of amounts it is read
  /// in: the same 口径 again (each unit's file defining it) is the same measure.
  std::unordered_map<std::string, std::pair<std::string, unit>> measure_texts;
  std::unordered_map<std::string, std::uint32_t> unit_ids;  // by code
  /// Each unit's income lines (by unit index and source) and 年终结转结余:
  /// the index of the first in data.income / data.year_end_units.
  std::map<std::pair<std::uint16_t, fund_source>, std::size_t> income_lines;
  std::map<std::uint16_t, std::size_t> year_end_lines;
  source_span year_span;
  // left for the resolve pass
  std::vector<pending_project_ref> pending;
  std::vector<constraint_def> constraints;
  // parameters (参数) and their overrides (compile_options::parameters)
  std::map<std::string, parameter_def, std::less<>> parameters;
  std::map<std::string, parameter_override, std::less<>> overrides;
  std::shared_ptr<const source_file> override_source;
  bool reading_rules = false;                 // the files read now are rule files
  std::size_t measures_before_rules = 0;      // the budget's own measures (a rule's 口径 of their names yields)
  std::uint16_t first_rule_source = 0xFFFF;   // sources from this index on are rule files
  /// Whether `f` is a rule file (compile_options::rules) or a file one imports.
  bool is_rule_source(const source_file* f) const {
    for (std::size_t i = first_rule_source; i < data->sources.size(); ++i)
      if (data->sources[i].get() == f) return true;
    return false;
  }

  std::uint32_t intern(std::string_view s) {
    auto [it, inserted] = string_ids.try_emplace(std::string(s), static_cast<std::uint32_t>(data->strings.size()));
    if (inserted) data->strings.emplace_back(s);
    return it->second;
  }

  std::uint32_t tag_set_id(tag_list tags) {
    if (tags.empty()) return 0;
    std::sort(tags.begin(), tags.end());
    auto it = tag_set_ids.find(tags);
    if (it != tag_set_ids.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(data->tag_sets.size());
    data->tag_sets.push_back(tags);
    tag_set_ids.emplace(std::move(tags), id);
    return id;
  }

  /// Indexes project `id` by its name (and its 编码, if it has one): two
  /// units of a department may each have a project of one name, which its
  /// unit's statements name by it and the others cannot.
  void index_project(std::uint32_t id) {
    const auto& p = data->projects[id];
    if (auto [it, first] = project_ids.try_emplace(p.name, id); !first && it->second != id) {
      auto& named = shared_project_names[p.name];
      if (named.empty()) named.push_back(it->second);
      named.push_back(id);
    }
    unit_project_ids.emplace(figure_key(p.name, p.unit), id);
    if (!p.code.empty()) project_codes.emplace(p.code, id);
  }

  /// The project a statement of `unit` names by its name or its code: the
  /// unit's own project of that name, else the one project of that name
  /// (npos32 for a name several units' projects have), else the project of
  /// that code; npos32 if none.  While the files are read (`declared_only`),
  /// a project of another unit is not taken, as the unit's own may follow.
  std::uint32_t project_by_name_or_code(const std::string& key, std::uint32_t unit = npos32,
                                        bool declared_only = false) const {
    if (auto it = project_ids.find(key); it != project_ids.end()) {
      if (!shared_project_names.count(key))  // (no key to make for each item's 项目 NAME)
        return declared_only && data->projects[it->second].unit != unit ? npos32 : it->second;
      if (unit != npos32)
        if (auto own = unit_project_ids.find(figure_key(key, unit)); own != unit_project_ids.end()) return own->second;
      return npos32;
    }
    if (auto it = project_codes.find(key); it != project_codes.end()) return it->second;
    return npos32;
  }

  /// The projects of several units that have the name `key`, or nullptr.
  const std::vector<std::uint32_t>* projects_sharing(const std::string& key) const {
    auto it = shared_project_names.find(key);
    return it == shared_project_names.end() ? nullptr : &it->second;
  }

  /// The first project of the name `key`, else the project of that code, or
  /// npos32 (whichever units have the name).
  std::uint32_t any_project_named(const std::string& key) const {
    if (auto it = project_ids.find(key); it != project_ids.end()) return it->second;
    if (auto it = project_codes.find(key); it != project_codes.end()) return it->second;
    return npos32;
  }

  /// A draft holding a copy of a checked budget's contents, with the
  /// indexes beside them by which later statements name its projects,
  /// groups, units, tags, codes, figures and table notes (its measures'
  /// names are the caller's to index: a builder indexes them when it builds).
  static draft of(const detail::budget_data& from) {
    draft d;
    *d.data = from;
    const auto& data = *d.data;
    for (std::uint32_t i = 0; i < data.projects.size(); ++i) {
      const auto& p = data.projects[i];
      d.stated_project_amount.emplace_back(p.amount, p.span);
      d.index_project(i);
    }
    for (std::uint32_t i = 0; i < data.groups.size(); ++i) d.group_ids.emplace(data.groups[i].name, i);
    for (std::uint32_t i = 0; i < data.units.size(); ++i) {
      const auto& u = data.units[i];
      if (!u.code.empty() || !u.name.empty()) d.unit_ids.emplace(u.code.empty() ? u.name : u.code, i);
    }
    for (std::uint32_t i = 0; i < data.strings.size(); ++i) d.string_ids.emplace(data.strings[i], i);
    for (std::uint32_t i = 1; i < data.tag_sets.size(); ++i) d.tag_set_ids.emplace(data.tag_sets[i], i);
    for (std::size_t i = 0; i < data.function_names.size(); ++i) d.function_index.emplace(data.function_names[i].code, i);
    for (std::size_t i = 0; i < data.econ_names.size(); ++i) d.econ_index.emplace(data.econ_names[i].code, i);
    for (std::size_t i = 0; i < data.prior.size(); ++i) d.prior_ids.emplace(figure_key(data.prior[i].name, data.prior[i].of_unit), i);
    for (std::size_t i = 0; i < data.figures.size(); ++i) d.figure_ids.emplace(figure_key(data.figures[i].name, data.figures[i].of_unit), i);
    for (std::size_t i = 0; i < data.table_notes.size(); ++i) d.note_ids.emplace(data.table_notes[i].table, i);
    for (std::size_t i = 0; i < data.catalog_extensions.size(); ++i)
      d.extension_ids.emplace(data.catalog_extensions[i].digits, i);
    return d;
  }

private:
  static std::shared_ptr<detail::budget_data> make_data() {
    auto d = std::make_shared<detail::budget_data>();
    d->tag_sets.emplace_back();  // tag set 0: no tags
    d->units.emplace_back();     // unit 0: the budget's own
    return d;
  }
};

}  // namespace yusuan::compile
