// yusuan/compile/sources.hpp -- the first pass: loading source files.  Reads
// the root file and each imported file once: regular files only, of a known
// size within the limit, valid UTF-8; resolves import paths against the
// importing file and keeps them under the budget's root directory.
#pragma once

#include <yusuan/compile/options.hpp>
#include <yusuan/compile/read_file.hpp>
#include <yusuan/compile/reporter.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/text/suggest.hpp>
#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::compile {

namespace fs = std::filesystem;

/// A file read and checked, ready to be parsed.
struct loaded_file {
  std::shared_ptr<const source_file> source;
  fs::path canonical;  // for cycles and for imports relative to it
  fs::path root;       // the directory its relative imports must stay under
};

class source_loader {
public:
  source_loader(const compile_options& opt, reporter& r) : opt_(opt), rep_(r) {}

  /// The root file.  Sets the root directory imports must stay under.
  std::optional<loaded_file> root_file(const fs::path& file) {
    std::error_code ec;
    const fs::path abs = fs::absolute(file, ec);
    root_ = fs::weakly_canonical(opt_.root.empty() ? abs.parent_path() : fs::absolute(opt_.root, ec), ec);
    if (!root_within_limit(file.string())) return std::nullopt;
    auto src = read(abs, file.string(), file.string(), {});
    if (!src) return std::nullopt;
    loaded_file f{std::move(src), fs::weakly_canonical(abs, ec), root_};
    imported_.insert(f.canonical);
    return f;
  }

  /// The files read, by canonical path (imports and rule files read twice
  /// are read once).
  std::vector<std::string> files_read() const {
    std::vector<std::string> out;
    for (const auto& f : imported_) out.push_back(f.string());
    return out;
  }
  /// Files a checked budget read already (rules applied to it later do not
  /// read them again, as they would not have with the budget).
  void read_already(const std::vector<std::string>& files) {
    for (const auto& f : files) imported_.insert(fs::path(f));
  }

  /// A rule file of compile_options::rules: read like a root file, its own
  /// imports relative to it and kept under its directory; nullopt without a
  /// diagnostic when the budget has read it already.
  std::optional<loaded_file> rule_file(const fs::path& file) {
    std::error_code ec;
    const fs::path abs = fs::absolute(file, ec);
    const fs::path canonical = fs::weakly_canonical(abs, ec);
    if (imported_.count(canonical)) return std::nullopt;
    std::shared_ptr<const source_file> src;
    if (!opt_.files.empty())
      if (auto it = opt_.files.find(file.generic_string()); it != opt_.files.end())
        src = read_held(it->second, file.string(), file.string(), {});
    if (!src) src = read(abs, file.string(), file.string(), {});
    if (!src) return std::nullopt;
    imported_.insert(canonical);
    return loaded_file{std::move(src), canonical, fs::weakly_canonical(abs.parent_path(), ec)};
  }

  /// Budget text held in memory; imports resolve against options.root or
  /// the current directory (or name files of options.files).
  std::optional<loaded_file> root_text(std::string_view text, std::string name) {
    std::error_code ec;
    root_ = fs::weakly_canonical(opt_.root.empty() ? fs::current_path(ec) : fs::absolute(opt_.root, ec), ec);
    if (!root_within_limit(name)) return std::nullopt;
    auto src = read_held(text, name, name, {}, opt_.line_origins);
    if (!src) return std::nullopt;
    imported_.insert(root_ / "<input>");  // the text is the first of max_files, as a root file is
    return loaded_file{std::move(src), root_ / "<input>", root_};
  }

  /// An imported file, or nullopt (with a diagnostic, or without one when the
  /// file was imported before: each file is read once).  `from` is the
  /// importing file; `importing` lists the files being imported, outermost
  /// first, for cycles.
  std::optional<loaded_file> import(std::string_view rel, source_span at, const loaded_file& from,
                                    const std::vector<fs::path>& importing) {
    if (!valid_path(rel, at)) return std::nullopt;
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(from.canonical.parent_path() / fs::path(std::string(rel)), ec);
    if (ec) {
      rep_.error("E0311", "imported file '" + std::string(rel) + "' cannot be resolved: " + ec.message(), at);
      return std::nullopt;
    }
    const auto rel_to_root = target.lexically_relative(from.root);
    if (rel_to_root.empty() || *rel_to_root.begin() == "..") {
      auto& d = rep_.error("E0313", "import '" + std::string(rel) + "' leaves its root directory", at);
      d.notes.push_back({"imports must stay under " + from.root.string() +
                             ", the directory of the budget (or of the rule file) they start from",
                         {}});
      if (rel.find("std/") != std::string_view::npos)
        d.notes.push_back({"the standard library is imported as 导入 <std/…>, which searches the library path", {}});
      return std::nullopt;
    }
    if (cycle(target, rel, at, importing)) return std::nullopt;
    if (imported_.count(target)) return std::nullopt;  // each file is read once
    if (!opt_.files.empty() ? !opt_.files.count(rel_to_root.generic_string()) : !fs::exists(target, ec)) {
      auto& d = rep_.error("E0311", "imported file '" + std::string(rel) + "' not found", at,
                           "no such file: " + target.lexically_relative(from.root).string());
      if (rel.rfind("std/", 0) == 0)
        d.notes.push_back({"the standard library is imported as 导入 <" + std::string(rel) + ">", {}});
      else if (opt_.files.empty())
        if (const auto near = files_close_to(rel, budget_files_beside(from.canonical.parent_path(), rel));
            !near.empty())
          d.notes.push_back({"did you mean " + text::quoted_list(near) + "?", {}});
      return std::nullopt;
    }
    const std::string shown = (fs::path(from.source->name()).parent_path() / std::string(rel)).lexically_normal().string();
    return load(target, std::string(rel), shown, at, from.root);
  }

  /// A file of the library path, 导入 <rel>: the first directory of the path
  /// that holds it.  Its own relative imports stay under that directory.
  std::optional<loaded_file> import_library(std::string_view rel, source_span at, const std::vector<fs::path>& importing) {
    if (!valid_path(rel, at)) return std::nullopt;
    const fs::path relative = fs::path(std::string(rel)).lexically_normal();
    if (relative.is_absolute() || relative.empty() || *relative.begin() == "..") {
      rep_.error("E0313", "library import <" + std::string(rel) + "> leaves the library path", at,
                 "a library path is relative, such as <std/measures.budget>");
      return std::nullopt;
    }
    const auto& dirs = opt_.library_path;  // default_library_path() when the caller's was empty (compile.hpp)
    for (const auto& dir : dirs) {
      std::error_code ec;
      const fs::path base = fs::weakly_canonical(fs::absolute(dir, ec), ec);
      if (ec) continue;
      const fs::path target = fs::weakly_canonical(base / relative, ec);
      if (ec || !fs::exists(target, ec)) continue;
      if (cycle(target, rel, at, importing)) return std::nullopt;
      if (imported_.count(target)) return std::nullopt;
      return load(target, "<" + std::string(rel) + ">", "<" + relative.string() + ">", at, base);
    }
    // the files of the library close to the one named, and each directory
    // searched once (the same directory may be on the path twice)
    std::vector<std::string> files, searched;
    std::vector<fs::path> seen;
    for (const auto& dir : dirs) {
      std::error_code ec;
      const fs::path base = fs::weakly_canonical(fs::absolute(dir, ec), ec);
      if (!ec && std::find(seen.begin(), seen.end(), base) != seen.end()) continue;
      if (!ec) seen.push_back(base);
      searched.push_back(dir.string());
      if (!ec)
        for (auto& f : budget_files_beside(base, relative.generic_string())) files.push_back(std::move(f));
    }
    auto near = files_close_to(relative.generic_string(), files);
    for (auto& n : near) n = "<" + n + ">";
    auto& d = rep_.error("E0311", "library file <" + std::string(rel) + "> not found", at,
                         near.empty() ? std::string("not in any directory of the library path")
                                      : "did you mean " + text::quoted_list(near) + "?");
    if (dirs.empty())
      d.notes.push_back({"the library path is empty: give one with -I DIR or YUSUAN_PATH", {}});
    for (const auto& dir : searched) d.notes.push_back({"searched " + dir, {}});
    return std::nullopt;
  }

  const fs::path& root() const noexcept { return root_; }

private:
  /// The .budget files in the directory `rel` names under `base` (at most
  /// 1,000 entries are looked at), each as `rel` would name it: what a
  /// misspelt import may have meant.
  static std::vector<std::string> budget_files_beside(const fs::path& base, std::string_view rel) {
    std::vector<std::string> out;
    const fs::path sub = fs::path(std::string(rel)).parent_path();
    std::error_code ec;
    fs::directory_iterator it(base / sub, ec), end;
    for (std::size_t n = 0; !ec && it != end && n < 1000; it.increment(ec), ++n) {
      std::error_code type_ec;
      if (it->path().extension() == ".budget" && !it->is_directory(type_ec))
        out.push_back((sub / it->path().filename()).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  /// The files of `files` whose names (without .budget) are close to that
  /// of `rel`, nearest first: a name that shares nothing with it is not
  /// close, however short (y.budget is not a typo of a.budget).
  static std::vector<std::string> files_close_to(std::string_view rel, const std::vector<std::string>& files) {
    const auto stem = [](std::string_view f) { return fs::path(std::string(f)).stem().string(); };
    std::vector<std::string> stems;
    for (const auto& f : files) stems.push_back(stem(f));
    std::vector<std::string> out;
    // the same name written otherwise ("rules" for rules.budget, a blank after it) first
    const std::string own = stem(rel);
    const std::string_view trimmed = std::string_view(own).substr(0, own.find_last_not_of(' ') + 1);
    for (std::size_t i = 0; i < files.size(); ++i)
      if (stems[i] == trimmed) out.push_back(files[i]);
    const std::size_t own_length = text::code_points(own).size();
    for (const auto& n : text::closest_names(own, stems))
      if (text::edit_distance(own, n) < std::min(own_length, text::code_points(n).size()))
        out.push_back(files[static_cast<std::size_t>(std::find(stems.begin(), stems.end(), n) - stems.begin())]);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() > 3) out.resize(3);
    return out;
  }

  bool valid_path(std::string_view rel, source_span at) {
    if (rel.empty()) {  // it would name the importing file's own folder
      rep_.error("E0311", "import path is empty", at, "the path of a .budget file, relative to this file");
      return false;
    }
    if (rel.find('\0') != std::string_view::npos) {
      rep_.error("E0311", "import path contains a NUL character", at, "a file name cannot hold one");
      return false;
    }
    if (rel.size() > opt_.max_path_length) {
      rep_.error("E0311", "import path is too long (" + std::to_string(rel.size()) + " bytes)", at,
                 "at most " + std::to_string(opt_.max_path_length) + " bytes");
      return false;
    }
    return true;
  }

  bool cycle(const fs::path& target, std::string_view rel, source_span at, const std::vector<fs::path>& importing) {
    for (const auto& p : importing)
      if (p == target) {
        auto& d = rep_.error("E0312", "import cycle: '" + std::string(rel) + "' is already being imported", at);
        std::string chain;
        for (const auto& q : importing) chain += shown_path(q) + " → ";
        chain += shown_path(target);
        d.notes.push_back({"cycle: " + chain, {}});
        return true;
      }
    return false;
  }

  /// E0712 for a root when max_files is 0: every input is past it.
  bool root_within_limit(const std::string& name) {
    if (opt_.max_files > 0) return true;
    rep_.error("E0712", "too many files: " + name + " is past compile_options::max_files", source_span{},
               "a budget reads at most 0 files");
    return false;
  }

  std::string shown_path(const fs::path& p) const {
    const auto r = p.lexically_relative(root_);
    return r.empty() || *r.begin() == ".." ? p.string() : r.string();
  }

  std::optional<loaded_file> load(const fs::path& target, const std::string& shown, const std::string& name,
                                  source_span at, const fs::path& root) {
    if (imported_.size() >= opt_.max_files) {
      rep_.error("E0712", "too many imported files", at, "a budget reads at most " + std::to_string(opt_.max_files) + " files");
      return std::nullopt;
    }
    auto src = read(target, shown, name, at);
    if (!src) return std::nullopt;
    imported_.insert(target);
    return loaded_file{std::move(src), target, root};
  }

  /// Reads a file; `shown` names it in diagnostics about reading it, `name`
  /// in diagnostics about its contents.
  std::shared_ptr<const source_file> read(const fs::path& path, const std::string& shown, const std::string& name,
                                          source_span from) {
    if (!opt_.files.empty())  // held in memory (a library file is read from disk)
      if (auto it = opt_.files.find(path.lexically_relative(root_).generic_string()); it != opt_.files.end())
        return read_held(it->second, shown, name, from);
    std::string why;
    auto text = read_source_file(path, opt_.max_file_size, why);
    if (!text) {
      cannot_read(shown, why, from);
      return nullptr;
    }
    return checked(std::move(*text), shown, name, from);
  }

  /// A file held in compile_options::files (or the text given to
  /// compile_string, with its compile_options::line_origins).
  std::shared_ptr<const source_file> read_held(std::string_view text, const std::string& shown,
                                               const std::string& name, source_span from,
                                               const std::vector<line_origin>& origins = {}) {
    if (text.size() > opt_.max_file_size) {
      cannot_read(shown,
                  std::to_string(text.size()) + " bytes is more than the limit of " +
                      std::to_string(opt_.max_file_size) + " bytes",
                  from);
      return nullptr;
    }
    return checked(std::string(text), shown, name, from, origins);
  }

  /// The source of a file read whole, or nullptr when it is not UTF-8.
  std::shared_ptr<const source_file> checked(std::string text, const std::string& shown, const std::string& name,
                                             source_span from, const std::vector<line_origin>& origins = {}) {
    if (const auto bad = text::first_invalid(text); bad != std::string_view::npos) {
      not_utf8(shown, text, bad, from, origins);
      return nullptr;
    }
    auto src = std::make_shared<const source_file>(name, std::move(text), origins);
    rep_.keep(src);
    if (!lines_within_limit(*src)) return nullptr;
    return src;
  }

  /// Whether every line of the file is at most max_line_length bytes (E0716
  /// at the first that is not: the file is not read).
  /// (The file's lines are known: each is measured from where it starts.)
  bool lines_within_limit(const source_file& src) {
    for (std::uint32_t line = 1; line <= src.line_count(); ++line) {
      const std::size_t begin = src.line_start(line);
      const std::size_t length = src.line_text(line).size();
      if (length > opt_.max_line_length) {
        const std::string limit = std::to_string(opt_.max_line_length);
        auto& d = rep_.error("E0716", "line too long",
                             source_span{&src, static_cast<std::uint32_t>(begin + opt_.max_line_length), 1},
                             std::to_string(length) + " bytes: a line has at most " + limit + " bytes");
        d.expected = "at most " + limit + " bytes";
        d.found = std::to_string(length) + " bytes";
        return false;
      }
    }
    return true;
  }

  void cannot_read(const std::string& shown, const std::string& why, source_span from) {
    auto& d = rep_.error("E0001", "cannot read '" + shown + "': " + why, from);
    d.label = from ? "imported here" : "";
    d.file = shown;
  }

  void not_utf8(const std::string& shown, const std::string& text, std::size_t bad, source_span from,
                const std::vector<line_origin>& origins) {
    auto file = std::make_shared<const source_file>(shown, text, origins);
    diagnostic d =
        yusuan::not_utf8(shown, static_cast<unsigned char>(text[bad]), file->file_line(file->line_of(bad)), text);
    d.span = from;
    rep_.add(std::move(d));
    rep_.keep(std::move(file));
  }

  const compile_options& opt_;
  reporter& rep_;
  fs::path root_;
  std::set<fs::path> imported_;
};

}  // namespace yusuan::compile
