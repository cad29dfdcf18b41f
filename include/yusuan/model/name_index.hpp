// yusuan/model/name_index.hpp -- a budget's tag strings, projects, project
// groups and units found by name in constant time: grouped constraints,
// filters and queries name thousands of them.
#pragma once

#include <yusuan/model/records.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

namespace yusuan::detail {

/// For each name, the first index that has it, as a scan in order finds it
/// (a project by its name or its code, a unit by its code or its name).
/// Built for the sizes it records: a lookup in data that has grown since is
/// the caller's to make by scanning (stale()).
struct name_index {
  struct hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  using map = std::unordered_map<std::string, std::uint32_t, hash, std::equal_to<>>;

  std::size_t strings = 0, projects = 0, groups = 0, units = 0;  // the sizes indexed
  map string_ids, project_ids, group_ids, unit_ids;

  bool stale(std::size_t n_strings, std::size_t n_projects, std::size_t n_groups, std::size_t n_units) const noexcept {
    return n_strings != strings || n_projects != projects || n_groups != groups || n_units != units;
  }
  /// The index recorded for `name`, or npos32.
  static std::uint32_t find(const map& m, std::string_view name) {
    const auto it = m.find(name);
    return it == m.end() ? npos32 : it->second;
  }
};

inline std::shared_ptr<const name_index> make_name_index(std::span<const std::string> strings,
                                                         std::span<const project> projects,
                                                         std::span<const project_group> groups,
                                                         std::span<const budget_unit> units) {
  auto n = std::make_shared<name_index>();
  n->strings = strings.size();
  n->projects = projects.size();
  n->groups = groups.size();
  n->units = units.size();
  for (std::size_t i = 0; i < strings.size(); ++i) n->string_ids.emplace(strings[i], static_cast<std::uint32_t>(i));
  for (std::size_t i = 0; i < projects.size(); ++i) {  // emplace keeps the first: a scan's answer
    n->project_ids.emplace(projects[i].name, static_cast<std::uint32_t>(i));
    if (!projects[i].code.empty()) n->project_ids.emplace(projects[i].code, static_cast<std::uint32_t>(i));
  }
  for (std::size_t i = 0; i < groups.size(); ++i) n->group_ids.emplace(groups[i].name, static_cast<std::uint32_t>(i));
  for (std::size_t i = 0; i < units.size(); ++i) {
    n->unit_ids.emplace(units[i].code, static_cast<std::uint32_t>(i));
    n->unit_ids.emplace(units[i].name, static_cast<std::uint32_t>(i));
  }
  return n;
}

}  // namespace yusuan::detail
