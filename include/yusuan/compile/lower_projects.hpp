// yusuan/compile/lower_projects.hpp -- lowering projects: their declaration,
// their fields (编码, 类型, 功能, 金额) and their performance targets (绩效).
#pragma once

#include <yusuan/compile/context.hpp>
#include <yusuan/compile/project_names.hpp>
#include <yusuan/syntax/ast.hpp>

#include <string>

namespace yusuan::compile {

class project_lowering {
public:
  explicit project_lowering(lowering_context& c) : c_(c) {}

  void operator()(const syntax::ast::project& s) {
    auto& data = c_.data();
    const std::string name = c_.values.text(s.name);
    // the unit's project of this name.  Another unit's project of the name
    // is no reason for a unit not to declare its own; outside the units'
    // files (the department's), `项目 NAME {` reopens it.
    bool reopens = s.opens_block;
    for (const auto& f : s.fields)
      reopens = reopens && f.kind != syntax::ast::project_field_kind::code &&
                f.kind != syntax::ast::project_field_kind::amount;
    const std::uint32_t unit = c_.file.unit_index;
    std::uint32_t id = npos32;
    if (auto own = c_.d.unit_project_ids.find(figure_key(name, unit)); own != c_.d.unit_project_ids.end()) {
      id = own->second;
    } else if (auto named = c_.d.project_ids.find(name);
               named != c_.d.project_ids.end() && ((c_.file_unit() == npos32 && reopens) || data.units.size() < 2)) {
      if (const auto* sharing = c_.d.projects_sharing(name)) {
        ambiguous_project(c_.rep, data, name, c_.span_of(s.name), *sharing);
        if (s.opens_block) push_block(sharing->front(), s);  // its block is a project's: no errors of it again
        return;
      }
      id = named->second;
    }
    if (id != npos32) {
      if (!reopens) {
        auto& d = c_.rep.error("E0303", "project '" + name + "' is declared twice", c_.span_of(s.name));
        d.notes.push_back({"first declared here", data.projects[id].span});
        // its block is still a project's: its 绩效 and its '}' are not
        // reported again (as outside a project, as unexpected)
        if (s.opens_block) push_block(id, s);
        return;
      }
    } else {
      id = static_cast<std::uint32_t>(data.projects.size());
      // 项目 = X would mean either: a name and a code each name one project,
      // and a group's name is no project's
      if (auto coded = c_.d.project_codes.find(name); coded != c_.d.project_codes.end()) {
        auto& d = c_.rep.error("E0203", "project name '" + name + "' is the code of another project", c_.span_of(s.name),
                               "the code of '" + data.projects[coded->second].name + "'");
        d.notes.push_back({"that code", c_.d.code_spans[name]});
      } else if (auto g = c_.d.group_ids.find(name); g != c_.d.group_ids.end()) {
        auto& d = c_.rep.error("E0303", "project '" + name + "' has the name of a project group", c_.span_of(s.name),
                               "项目 = " + name + " would name both");
        d.notes.push_back({"the group", data.groups[g->second].span});
      }
      project p;
      p.name = name;
      p.span = c_.span_of(s.name);
      p.unit = unit;
      data.projects.push_back(std::move(p));
      c_.d.stated_project_amount.emplace_back();
      c_.d.index_project(id);
    }
    for (const auto& f : s.fields) field(f, id);
    if (s.opens_block) push_block(id, s);
  }

  /// A field on its own line inside a project's block.
  void operator()(const syntax::ast::project_field& s) {
    const auto p = c_.blocks.current_project();
    if (p == npos32) {
      c_.rep.error("E0207", "project field outside a project", c_.span_at(s.where.b), "write it inside 项目 … { }");
      return;
    }
    field(s, p);
  }

  void operator()(const syntax::ast::targets_open& s) {
    const auto p = c_.blocks.current_project();
    if (p == npos32)
      c_.rep.error("E0207", "绩效 outside a project", c_.span_at(s.where.b), "write it inside 项目 … { }");
    frame f;
    f.kind = frame::type::targets;
    f.project = p;
    f.span = c_.span_at(s.where.b);
    c_.blocks.push(std::move(f));
  }

  void operator()(const syntax::ast::target& s) {
    const auto p = c_.blocks.current_project();
    const bool in_targets = !c_.blocks.empty() && c_.blocks.back().kind == frame::type::targets;
    if (in_targets && p == npos32) return;  // its 绩效 was reported
    if (p == npos32 || !in_targets) {
      c_.rep.error("E0207", "performance target outside 绩效 { }", c_.span_at(s.where.b),
                   "write it inside a project's 绩效 { } block");
      return;
    }
    performance_target t;
    t.category = parse_target_category(s.category.view()).value_or(target_category::output);
    t.indicator = c_.values.text(s.indicator);
    t.comparator = std::string(s.value.comparator.view());
    if (t.comparator == ">=") t.comparator = "≥";
    if (t.comparator == "<=") t.comparator = "≤";
    if (t.comparator == "＝") t.comparator = "=";
    t.number = std::string(s.value.number.view());
    t.unit = std::string(s.value.unit.view());
    t.text = c_.values.text(s.value.text);
    t.span = c_.span_at(s.where.b);
    c_.data().projects[p].targets.push_back(std::move(t));
  }

private:
  void push_block(std::uint32_t id, const syntax::ast::project& s) {
    frame f;
    f.kind = frame::type::project;
    f.project = id;
    f.span = c_.span_at(s.where.b);
    f.first_item = c_.data().items.size();
    c_.blocks.push(std::move(f));
  }

  void field(const syntax::ast::project_field& f, std::uint32_t id) {
    auto& data = c_.data();
    auto& p = data.projects[id];
    {  // each field once (the same value again says nothing new)
      const std::string value(f.value.view());
      auto [given, first] = c_.d.project_fields.try_emplace({id, static_cast<int>(f.kind)}, value, c_.span_of(f.value));
      if (!first && given->second.first != value) {
        const char* word = f.kind == syntax::ast::project_field_kind::code       ? "编码"
                           : f.kind == syntax::ast::project_field_kind::type     ? "类型"
                           : f.kind == syntax::ast::project_field_kind::function ? "功能"
                                                                                 : "金额";
        auto& d = c_.rep.error("E0303", "project '" + p.name + "' is given a second " + word, c_.span_of(f.value),
                               "its " + std::string(word) + " is " + given->second.first);
        d.notes.push_back({"given here", given->second.second});
        return;
      }
    }
    switch (f.kind) {
      case syntax::ast::project_field_kind::code: {
        const std::string code(f.value.view());
        auto it = c_.d.project_codes.find(code);
        if (it != c_.d.project_codes.end() && it->second != id) {
          auto& d = c_.rep.error("E0203", "duplicate project code " + code, c_.span_of(f.value),
                                 "also the code of '" + data.projects[it->second].name + "'");
          d.notes.push_back({"first used here", c_.d.code_spans[code]});
        } else if (auto named = c_.d.project_ids.find(code); named != c_.d.project_ids.end() && named->second != id) {
          // 项目 = X would mean either: a name and a code each name one project
          auto& d = c_.rep.error("E0203", "project code " + code + " is the name of another project", c_.span_of(f.value),
                                 "the name of '" + data.projects[named->second].name + "'");
          d.notes.push_back({"that project", data.projects[named->second].span});
        } else {
          c_.d.project_codes[code] = id;
          c_.d.code_spans[code] = c_.span_of(f.value);
          p.code = code;
        }
        break;
      }
      case syntax::ast::project_field_kind::type: {
        auto k = parse_spending_kind(f.value.view());
        if (!k || parent_kind(*k) != spending_kind::project) {
          auto& d = c_.rep.error("E0205", "unknown project type '" + std::string(f.value.view()) + "'",
                                 c_.span_of(f.value));
          d.expected = "其他运转类 or 特定目标类";
          d.found = "'" + std::string(f.value.view()) + "'";
        } else {
          p.kind = *k;
        }
        break;
      }
      case syntax::ast::project_field_kind::function: {
        function_code fn;
        econ_code e, g;
        if (c_.coords.apply_code(f.value, {}, fn, e, g, false)) {
          if (!fn) c_.rep.error("E0201", "a project's 功能 must be a functional code", c_.span_of(f.value));
          p.function = fn;
        }
        break;
      }
      case syntax::ast::project_field_kind::amount:
        if (auto m = c_.values.amount(f.value)) c_.d.stated_project_amount[id] = {*m, c_.span_of(f.value)};
        break;
    }
  }

  lowering_context& c_;
};

}  // namespace yusuan::compile
