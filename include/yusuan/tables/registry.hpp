// yusuan/tables/registry.hpp -- the 13 tables of the set (预算01表 … 预算13表):
// their ids, names and titles, and how a table is named on the command line.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::tables {

/// A table of the set: its number, its name and how its title carries the
/// year ("2024年" + name, "2024年度" + name, or the name alone).
struct table_info {
  std::string_view id;
  std::string_view name;
  std::string_view year_suffix;  // 年, 年度 or empty: no year in the title
};

inline constexpr std::array<table_info, 13> table_list{{
    {"01", "单位收支预算表", "年"},
    {"02", "单位收入预算表", "年"},
    {"03", "单位支出预算表", "年"},
    {"04", "财政拨款收支预算表", "年"},
    {"05", "一般公共预算支出预算表", "年"},
    {"06", "一般公共预算基本支出预算表", "年"},
    {"07", "支出经济分类汇总表", "年"},
    {"08", "一般公共预算“三公”经费预算表", "年"},
    {"09", "政府性基金支出预算表", "年"},
    {"10", "国有资本经营支出预算表", "年"},
    {"11", "行政（事业）单位机构运转经费预算表", ""},
    {"12", "项目支出预算表", "年"},
    {"13", "市级单位预算项目绩效目标表", "年度"},
}};

/// The ids 01 … 13.
inline std::vector<std::string> table_ids() {
  std::vector<std::string> out;
  for (const auto& t : table_list) out.emplace_back(t.id);
  return out;
}

/// Reads a table id: "3", "03", "预算03表", the table's name ("单位支出预算表")
/// or its title ("2024年单位支出预算表").  nullopt when it names no table.
inline std::optional<std::string> parse_id(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  auto number = [](std::string_view d) -> std::optional<std::string> {
    if (d.empty() || d.size() > 2) return std::nullopt;
    int n = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    if (n < 1 || n > static_cast<int>(table_list.size())) return std::nullopt;
    return std::string(table_list[static_cast<std::size_t>(n - 1)].id);
  };
  if (auto n = number(s)) return n;
  constexpr std::string_view pre = "预算", post = "表";
  if (s.starts_with(pre) && s.ends_with(post) && s.size() > pre.size() + post.size())
    if (auto n = number(s.substr(pre.size(), s.size() - pre.size() - post.size()))) return n;
  // A name, possibly after a year: 2024年单位支出预算表, 2024年度市级单位….
  std::string_view rest = s;
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits > 0) {
    rest.remove_prefix(digits);
    if (rest.starts_with("年度")) rest.remove_prefix(std::string_view("年度").size());
    else if (rest.starts_with("年")) rest.remove_prefix(std::string_view("年").size());
    else return std::nullopt;
  }
  for (const auto& t : table_list)
    if (t.name == rest) return std::string(t.id);
  return std::nullopt;
}

}  // namespace yusuan::tables
