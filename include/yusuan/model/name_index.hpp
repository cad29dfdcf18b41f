// yusuan/model/name_index.hpp -- a budget's tag strings, projects, project
// groups and units found by name in logarithmic time: grouped constraints,
// filters and queries name thousands of them.
#pragma once

#include <yusuan/model/records.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan::detail {

/// The indices of the names, sorted by the names' hashes: 12 bytes a name,
/// no copy of it, so that an index shared by a copy of the data it was made
/// from answers for the copy (each candidate is compared with the data it is
/// asked about).  Made for the sizes it records: data that has grown since is
/// the caller's to scan (stale()).
struct name_index {
  using entry = std::pair<std::uint64_t, std::uint32_t>;  // hash of a name, index of what has it

  std::size_t strings = 0, projects = 0, groups = 0, units = 0;  // the sizes indexed
  std::vector<entry> string_ids, project_ids, group_ids, unit_ids;

  bool stale(std::size_t n_strings, std::size_t n_projects, std::size_t n_groups, std::size_t n_units) const noexcept {
    return n_strings != strings || n_projects != projects || n_groups != groups || n_units != units;
  }
  static std::uint64_t hash(std::string_view s) noexcept { return std::hash<std::string_view>{}(s); }

  /// The first index (the lowest) with the hash of `name` for which
  /// `has(index)`, or npos32: as a scan in order finds it.
  template <class Has>
  static std::uint32_t find(const std::vector<entry>& v, std::string_view name, Has has) {
    const std::uint64_t h = hash(name);
    auto it = std::lower_bound(v.begin(), v.end(), entry{h, 0});
    for (; it != v.end() && it->first == h; ++it)  // sorted by index within a hash
      if (has(it->second)) return it->second;
    return npos32;
  }
  /// Every index with the hash of `name` for which `has(index)`, lowest first.
  template <class Has>
  static std::vector<std::uint32_t> find_all(const std::vector<entry>& v, std::string_view name, Has has) {
    std::vector<std::uint32_t> out;
    const std::uint64_t h = hash(name);
    for (auto it = std::lower_bound(v.begin(), v.end(), entry{h, 0}); it != v.end() && it->first == h; ++it)
      if (has(it->second) && (out.empty() || out.back() != it->second)) out.push_back(it->second);
    return out;
  }
};

/// The first element of `v` for which `has`: found through `index` (made
/// for `v`) when there is one, by a scan otherwise.
template <class T, class Has>
const T* find_first(const std::vector<T>& v, const std::vector<name_index::entry>* index, std::string_view name,
                    Has has) noexcept {
  if (index) {
    const std::uint32_t i = name_index::find(*index, name, [&](std::uint32_t k) { return has(v[k]); });
    return i == npos32 ? nullptr : &v[i];
  }
  for (const auto& x : v)
    if (has(x)) return &x;
  return nullptr;
}

/// Every element of `v` for which `has`, in order: through `index` or by a scan.
template <class T, class Has>
std::vector<const T*> find_each(const std::vector<T>& v, const std::vector<name_index::entry>* index,
                                std::string_view name, Has has) {
  std::vector<const T*> out;
  if (index) {
    for (const auto i : name_index::find_all(*index, name, [&](std::uint32_t k) { return has(v[k]); })) out.push_back(&v[i]);
    return out;
  }
  for (const auto& x : v)
    if (has(x)) out.push_back(&x);
  return out;
}

inline std::shared_ptr<const name_index> make_name_index(std::span<const std::string> strings,
                                                         std::span<const project> projects,
                                                         std::span<const project_group> groups,
                                                         std::span<const budget_unit> units) {
  auto n = std::make_shared<name_index>();
  n->strings = strings.size();
  n->projects = projects.size();
  n->groups = groups.size();
  n->units = units.size();
  const auto add = [](std::vector<name_index::entry>& v, std::string_view s, std::size_t i) {
    v.emplace_back(name_index::hash(s), static_cast<std::uint32_t>(i));
  };
  for (std::size_t i = 0; i < strings.size(); ++i) add(n->string_ids, strings[i], i);
  for (std::size_t i = 0; i < projects.size(); ++i) {
    add(n->project_ids, projects[i].name, i);
    if (!projects[i].code.empty() && projects[i].code != projects[i].name) add(n->project_ids, projects[i].code, i);
  }
  for (std::size_t i = 0; i < groups.size(); ++i) add(n->group_ids, groups[i].name, i);
  for (std::size_t i = 0; i < units.size(); ++i) {
    add(n->unit_ids, units[i].code, i);
    if (units[i].name != units[i].code) add(n->unit_ids, units[i].name, i);
  }
  for (auto* v : {&n->string_ids, &n->project_ids, &n->group_ids, &n->unit_ids}) std::sort(v->begin(), v->end());
  return n;
}

}  // namespace yusuan::detail
