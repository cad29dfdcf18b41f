// tools/export_rows.cpp -- the row of an item in `yusuan export`.
#include "export_fields.hpp"

#include <yusuan/compile.hpp>

#include <string>
#include <string_view>

namespace cli::exporting {

namespace {

template <class Code>
std::string level_or_empty(const Code& c, int level) {
  if (!c || c.level() < level) return {};
  return c.at(level).str();
}

/// A tag's key or value in the tags column: as it is, or quoted as the
/// budget language writes strings ("…", \" and \\) when it holds a
/// separator of the column (; =), a quote or a backslash, or is empty, so
/// that the column reads back to the same tags.
std::string tag_text(std::string_view s) {
  if (!s.empty() && s.find_first_of(";=\"\\") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<std::string> item_row(const yusuan::budget& b, std::size_t i) {
  const auto& it = b.items()[i];
  std::string tags;
  for (const auto& [k, v] : b.tags_of(it)) tags += (tags.empty() ? "" : ";") + tag_text(k) + "=" + tag_text(v);
  const auto loc = yusuan::resolve(b.span_of(it));
  const auto& unit = b.units()[it.unit];
  const bool in_project = it.project != yusuan::npos32;
  return {std::to_string(i + 1),
          unit.code,
          unit.name,
          it.function ? it.function.str() : std::string(),
          level_or_empty(it.function, 1),
          level_or_empty(it.function, 2),
          std::string(b.name_of(it.function)),
          it.econ ? it.econ.str() : std::string(),
          level_or_empty(it.econ, 1),
          std::string(b.name_of(it.econ)),
          it.gov_econ ? it.gov_econ.str() : std::string(),
          level_or_empty(it.gov_econ, 1),
          std::string(b.name_of(it.gov_econ)),
          std::string(yusuan::chinese_name(it.kind)),
          std::string(yusuan::chinese_name(yusuan::parent_kind(it.kind))),
          yusuan::fund_text(it),
          in_project ? b.projects()[it.project].name : std::string(),
          in_project ? b.projects()[it.project].code : std::string(),
          it.group != yusuan::npos32 ? b.groups()[it.group].name : std::string(),
          tags,
          it.amount.format(yusuan::unit::yuan, 2),
          std::to_string(it.amount.fen()),
          loc.file,
          std::to_string(loc.line)};
}

}  // namespace cli::exporting
