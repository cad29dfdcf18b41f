// yusuan/compile/template_fields.hpp -- the texts of a template file read
// into patterns: literal text and {fields} (年度, 功能.名称, 序号 …), each
// field checked against the rows it can be printed in; and the checks of a
// cell's expression (an amount, names it may use).
#pragma once

#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/values.hpp>
#include <yusuan/model/expr.hpp>
#include <yusuan/query/dimension.hpp>
#include <yusuan/syntax/ast.hpp>
#include <yusuan/tables/template.hpp>
#include <yusuan/text/suggest.hpp>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::compile {

/// Reads the texts of one template file.
class template_fields {
public:
  template_fields(reporter& r, value_reader& v) : rep_(r), values_(v) {}

  /// The dimensions of the groups around the row being read (功能, 单位,
  /// 项目 …): the keys its fields can print.
  std::vector<dimension_ref> row_dims;
  /// In row_dims, a group whose dimensions are in error (reported): its
  /// rows may print any key, so that one misspelt dimension is one error.
  static inline const dimension_ref any_key{dimension::amount, 0, {}};
  /// The template's variables declared so far.
  std::vector<std::string> variables;

  /// Whether the slice is a quoted string.
  bool is_string(slice s) const {
    const char* begin = rep_.file()->text().data();
    return s.b > begin && (s.b[-1] == '"' || (s.b - begin >= 3 && std::memcmp(s.b - 3, "\xE2\x80\x9C", 3) == 0));
  }

  /// Where a text is printed: in a row's cells, whose fields print its
  /// group's keys, or in one of the texts around the rows, which print the
  /// budget's fields and the template's 变量 only.
  enum class place : std::uint8_t { row, title, label, note, header, variable, signature };

  /// A text: a string with {fields}, or a field written alone (功能.名称), or
  /// '-' (blank), printed at `where`.
  tables::text_pattern text(slice s, place where) {
    tables::text_pattern out;
    if (!is_string(s)) {
      if (s.view() == "-") return out;
      if (auto p = field(s.view(), rep_.span_of(s), where)) out.pieces.push_back(*p);
      return out;
    }
    const std::string t = values_.text(s);
    std::string literal;
    for (std::size_t i = 0; i < t.size();) {
      if (t[i] == '{') {
        const auto close = t.find('}', i + 1);
        if (close == std::string::npos) {
          rep_.error("E0805", "unclosed '{' in a text", rep_.span_at(s.b + std::min(i, s.size()), 1), "add '}'");
          break;
        }
        if (!literal.empty()) out.pieces.push_back({tables::field::text, std::move(literal), {}, 0, {}});
        literal.clear();
        // spans point into the text as written (no escapes in {fields})
        const auto at = rep_.span_at(s.b + std::min(i, s.size()), close - i + 1);
        if (auto p = field(std::string_view(t).substr(i + 1, close - i - 1), at, where)) out.pieces.push_back(*p);
        i = close + 1;
        continue;
      }
      literal += t[i++];
    }
    if (!literal.empty()) out.pieces.push_back({tables::field::text, std::move(literal), {}, 0, {}});
    return out;
  }

private:
  /// The fields of the budget, printed anywhere.
  static constexpr std::pair<std::string_view, tables::field> document_fields[] = {
      {"年度", tables::field::year},
      {"单位名称", tables::field::unit_name},
      {"单位代码", tables::field::unit_code},
      {"部门名称", tables::field::department_name},
      {"部门代码", tables::field::department_code},
      {"金额单位", tables::field::amount_unit},
      {"标题", tables::field::title},
      {"编号", tables::field::table_id},
      {"部门.编码", tables::field::department_code},
      {"部门.名称", tables::field::department_name}};
  static constexpr const char* document_list =
      "年度, 单位名称, 单位代码, 部门名称, 部门代码, 金额单位, 标题, 编号 or a 变量";

  /// "a title", "a column's header" …: where a text of `where` is.
  static std::string place_name(place where) {
    switch (where) {
      case place::row: return "a row";
      case place::title: return "a title (标题)";
      case place::label: return "a label (标签)";
      case place::note: return "an empty table's note (空表)";
      case place::header: return "a column's header (列)";
      case place::variable: return "a variable (变量)";
      case place::signature: return "the signature (署名)";
    }
    return "a text";
  }

  /// The fields a text of `where` can print, for "did you mean".
  std::vector<std::string> known_fields(place where) const {
    std::vector<std::string> out;
    for (const auto& [n, f] : document_fields) out.emplace_back(n);
    out.insert(out.end(), variables.begin(), variables.end());
    if (where != place::row) return out;
    for (const char* f : {"序号", "序号.数字", "功能.类", "功能.款", "功能.项", "功能.代码", "功能.名称", "经济",
                          "经济.类", "经济.款", "经济.代码", "经济.名称", "政府经济.代码", "政府经济.名称", "单位.编码",
                          "单位.名称", "项目.名称", "项目.编码", "项目.类型", "项目.单位", "类型", "资金"})
      out.emplace_back(f);
    for (const auto& d : row_dims)
      if (d.dim == dimension::tag) out.push_back(d.tag_key);
    return out;
  }

  /// E0805 for a name that is no field of a text of `where`, with the
  /// nearest fields.
  void unknown(std::string_view name, source_span at, place where) {
    const auto near = text::closest_names(name, known_fields(where));
    const std::string in = where == place::row ? "" : " in " + place_name(where);
    auto& d = rep_.error("E0805", "unknown field '" + std::string(name) + "'" + in, at,
                         near.empty() ? std::string() : "did you mean " + text::quoted_list(near) + "?");
    d.expected =
        where == place::row ? "a field such as 功能.名称, 经济.类, 单位.编码, 项目.名称, 序号 or 年度" : document_list;
    d.found = "'" + std::string(name) + "'";
  }

  /// A field by its name; nullopt (reported) when there is none of that name
  /// or the row has no key it could print.
  std::optional<tables::piece> field(std::string_view name, source_span at, place where) {
    using tables::field;
    tables::piece p;
    for (const auto& [n, f] : document_fields)
      if (name == n) {
        p.what = f;
        return p;
      }
    for (const auto& v : variables)
      if (name == v) {
        p.what = field::variable;
        p.text = std::string(name);
        return p;
      }
    auto row_only = [&]() -> bool {
      if (where == place::row) return true;
      auto& d = rep_.error("E0805", "'" + std::string(name) + "' is a field of a row, not of " + place_name(where), at,
                           place_name(where) + " prints the budget's fields and the template's 变量");
      d.expected = document_list;
      d.found = "'" + std::string(name) + "'";
      return false;
    };
    if (name == "序号" || name == "序号.数字") {
      if (!row_only()) return std::nullopt;
      p.what = name == "序号" ? field::ordinal : field::ordinal_digits;
      return p;
    }
    // a project's targets: 成本.指标, 产出.指标值 …
    if (const auto dot = name.find('.'); dot != std::string_view::npos) {
      const auto cat = parse_target_category(name.substr(0, dot));
      const auto rest = name.substr(dot + 1);
      if (cat && (rest == "指标" || rest == "指标值")) {
        if (!row_only() || !needs(dimension_ref{dimension::project, 0, {}}, name, at)) return std::nullopt;
        p.what = rest == "指标" ? field::target_indicator : field::target_value;
        p.category = *cat;
        return p;
      }
    }
    // a key of the row: DIM, DIM.代码 / 编码, DIM.类 / 款 / 项, DIM.名称, 项目.类型, 项目.单位
    std::string_view dim = name, part;
    for (std::string_view s : {".代码", ".编码", ".类", ".款", ".项", ".名称", ".类型", ".单位"})
      if (name.size() > s.size() && name.ends_with(s)) {
        dim = name.substr(0, name.size() - s.size());
        part = s.substr(1);
        break;
      }
    dimension_ref d;
    if (!parse_dimension(dim, d) || d.level != 0) {
      unknown(name, at, where);
      return std::nullopt;
    }
    // a word that is no dimension is a tag key, the field of a row grouped
    // by it (按 KEY); a misspelt field otherwise
    if (d.dim == dimension::tag && (where != place::row || !grouped_by(d)) &&
        (where != place::row || !text::closest_names(name, known_fields(where)).empty())) {
      unknown(name, at, where);
      return std::nullopt;
    }
    if (!row_only() || !needs(d, name, at)) return std::nullopt;
    p.dim = d;
    const bool code = d.dim == dimension::function || d.dim == dimension::econ || d.dim == dimension::gov_econ;
    if (part.empty()) {
      p.what = code ? field::code : field::key;
    } else if (part == "代码" || part == "编码") {
      p.what = code || d.dim == dimension::unit || d.dim == dimension::project ? field::code : field::key;
    } else if (part == "名称") {
      p.what = field::name;
    } else if ((part == "类" || part == "款" || part == "项") && code) {
      p.what = field::code_part;
      p.level = part == "类" ? 1 : part == "款" ? 2 : 3;
    } else if (part == "类型" && d.dim == dimension::project) {
      p.what = field::project_kind;
    } else if (part == "单位" && d.dim == dimension::project) {
      p.what = field::project_unit;
    } else {
      rep_.error("E0805", "unknown field '" + std::string(name) + "'", at,
                 "'" + std::string(part) + "' is not a field of " + std::string(dim));
      return std::nullopt;
    }
    return p;
  }

  /// Whether the row is grouped by `d` (按 …).
  bool grouped_by(const dimension_ref& d) const {
    for (const auto& x : row_dims)
      if (x.dim == dimension::amount || (x.dim == d.dim && (d.dim != dimension::tag || x.tag_key == d.tag_key)))
        return true;
    return false;
  }

  /// Whether the row is grouped by `d` (按 …), so that it has a key to print.
  bool needs(const dimension_ref& d, std::string_view name, source_span at) {
    if (grouped_by(d)) return true;
    rep_.error("E0805", "'" + std::string(name) + "' prints a key the row does not have", at,
               "write the row under 按 " + dimension_header(dimension_ref{d.dim, 0, d.tag_key}));
    return false;
  }

  reporter& rep_;
  value_reader& values_;
};

/// Whether an expression can fill a table's cell: amounts only, and 本列
/// only in a row's own values.  Reports what cannot.
inline bool check_cell_expression(reporter& rep, const expr& e, bool this_column_allowed) {
  bool ok = true;
  switch (e.kind) {
    case expr::op::count_literal:  // a whole number past what an amount holds
      rep.error("E0202", "amount '" + e.name + "' is more than an amount can hold", e.span,
                "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
      return false;
    case expr::op::count:
    case expr::op::percent_literal:
    case expr::op::share:
    case expr::op::change:
      rep.error("E0805", "a table cell holds an amount", e.span, "占比, 增幅, 计数 and percentages cannot fill one");
      return false;
    case expr::op::name:
      if ((e.name == "本列" || e.name == "this-column") && !this_column_allowed) {
        rep.error("E0805", "本列 is the value of a row's column", e.span, "use it in a row's values (= …)");
        return false;
      }
      return true;
    default: break;
  }
  for (const auto& a : e.args) ok = check_cell_expression(rep, a, this_column_allowed) && ok;
  return ok;
}

}  // namespace yusuan::compile
