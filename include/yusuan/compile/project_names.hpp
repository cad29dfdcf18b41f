// yusuan/compile/project_names.hpp -- a project named by a name that
// projects of several units have (each unit's file of a department's budget
// may declare its own 培训费): outside those units' files the name alone
// names none of them.
#pragma once

#include <yusuan/compile/draft.hpp>
#include <yusuan/compile/reporter.hpp>

#include <string>
#include <vector>

namespace yusuan::compile {

/// A unit as diagnostics name it: 单位 CODE NAME; the department's own
/// items (a unit of neither a code nor a name) as filters write them, 单位 无.
inline std::string unit_label(const budget_unit& u) {
  return "单位 " + (u.code.empty() && u.name.empty() ? std::string("无")
                    : u.code.empty()                 ? u.name
                                                     : u.code + " " + u.name);
}

/// E0203 at `at`: `name` is the name of each of `projects`, of several units.
inline diagnostic& ambiguous_project(reporter& rep, const detail::budget_data& data, const std::string& name,
                                     source_span at, const std::vector<std::uint32_t>& projects) {
  auto& d = rep.error("E0203", "project name '" + name + "' is that of projects of " +
                                   std::to_string(projects.size()) + " units",
                      at, "name the project by its 编码, or name it in its unit's file");
  for (const auto p : projects)
    d.notes.push_back({"a project of " + unit_label(data.units[data.projects[p].unit]), data.projects[p].span});
  return d;
}

}  // namespace yusuan::compile
