// yusuan/compile/library_hints.hpp -- a note for a name a budget uses but does
// not define and the standard library does: 三公经费 without 导入
// <std/measures.budget> says where it is defined (E0302 said only that it is
// unknown).
#pragma once

#include <yusuan/compile/read_file.hpp>
#include <yusuan/compile/reporter.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::compile {

/// The library file whose measures (口径) the hint looks in.
inline constexpr std::string_view library_measures = "std/measures.budget";

/// Whether `text` (a budget file) defines the measure `name`: a line
/// `口径 NAME =` or `measure NAME =`.
inline bool defines_measure(std::string_view text, std::string_view name) {
  for (std::string_view keyword : {std::string_view("口径 "), std::string_view("measure ")}) {
    for (std::size_t at = text.find(keyword); at != std::string_view::npos; at = text.find(keyword, at + 1)) {
      if (at != 0 && text[at - 1] != '\n') continue;
      std::string_view rest = text.substr(at + keyword.size());
      while (rest.starts_with(" ")) rest.remove_prefix(1);
      if (!rest.starts_with(name)) continue;
      rest.remove_prefix(name.size());
      while (rest.starts_with(" ")) rest.remove_prefix(1);
      if (rest.starts_with("=") || rest.starts_with("＝")) return true;
    }
  }
  return false;
}

/// Adds to each E0302 "unknown measure or figure 'NAME'" without another
/// suggestion a note naming the library file that defines NAME, when the
/// budget does not import it (`sources`: the files it read).
inline void note_library_measures(reporter& rep, const std::vector<std::filesystem::path>& library_path,
                                  const std::vector<std::shared_ptr<const source_file>>& sources) {
  const std::string import = "<" + std::string(library_measures) + ">";
  for (const auto& s : sources)
    if (s && s->name() == import) return;  // imported: its names are known
  std::optional<std::string> text;  // read once, on the first unknown name
  bool looked = false;
  rep.amend([&](diagnostic& d) {
    constexpr std::string_view head = "unknown measure or figure '";
    if (d.code != "E0302" || !d.label.empty() || !d.message.starts_with(head) || !d.message.ends_with("'")) return;
    if (!looked) {
      looked = true;
      for (const auto& dir : library_path) {
        std::string why;
        if ((text = read_source_file(dir / library_measures, std::uintmax_t{1} << 24, why))) break;
      }
    }
    const std::string name = d.message.substr(head.size(), d.message.size() - head.size() - 1);
    if (text && defines_measure(*text, name))
      d.notes.push_back({"'" + name + "' is a measure (口径) of the standard library: 导入 " + import, {}});
  });
}

}  // namespace yusuan::compile
