// yusuan fmt -- budget files in canonical layout.
#include "args.hpp"
#include "cli.hpp"
#include "io.hpp"
#include "unified_diff.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/format.hpp>
#include <yusuan/format/meaning.hpp>
#include <yusuan/format/source_meaning.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

const char* const fmt_help = R"(Usage: yusuan fmt [options] FILE|DIR...

Writes budget files in canonical layout: one statement per line, two spaces
of indentation per block, one space between tokens, the amounts of
consecutive items (and of 上年, 数值, 计数 and 收入 lines) right-aligned in a
column, at most one blank line in a row, comments where they were, keywords
as they are written (or all in one language with --spelling).  Only blanks
change: before writing, the formatted text is compiled and must say exactly
what the file says (the same items, projects, figures, measures, results of
every constraint and diagnostics), or nothing is written.  Files of tests of
rules (测试 blocks) are formatted with their tests.  A DIR stands for every
.budget file under it; - reads standard input.

Without --check or --write, the formatted text is printed.

Options:
  --check              print nothing for files already formatted; for each
                       other file a unified diff, and exit with 1
  -w, --write          rewrite the files that are not formatted, in place
  -l, --list           print the names of the files that are not formatted
                       (and exit with 1 if there is one, unless --write)
  --spelling zh|en     write every keyword in Chinese (标题, 核对 …) or in
                       English (title, expect …); as written by default
  -o FILE              write the output to FILE
  -h, --help           show this help

Exit codes: 0 every file is formatted (or was written), 1 --check or --list
found a file that is not formatted, or a file does not parse (its syntax
errors are reported), 2 usage or I/O errors (a file that cannot be read or is
not UTF-8).
)";

std::vector<std::filesystem::path> library_path();

namespace {

namespace fs = std::filesystem;

std::vector<std::string> fmt_files(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const auto& a : inputs) {
    std::error_code ec;
    if (a != "-" && fs::is_directory(a, ec)) {
      const auto found = budget_files_in(a, true);
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(a);
    }
  }
  return out;
}

/// The bytes of a regular file (or of standard input for "-").
std::string read_source(const std::string& file) {
  if (file == "-") return read_standard_input();
  return read_regular_file(file, "the file");
}

/// What the text of `file` says (format/source_meaning.hpp), compiled where the file is.
std::string meaning(const std::string& text, const std::string& file) {
  yusuan::compile_options co;
  co.library_path = library_path();
  const fs::path path = file == "-" ? fs::path("<stdin>") : fs::path(file);
  co.root = file == "-" ? fs::current_path() : fs::absolute(path).parent_path();
  std::set<std::string> read;  // every file the meaning was compiled from: -o never replaces one
  auto m = yusuan::meaning_of_source(text, path, co, &read);
  for (const auto& f : read) note_file_read(f);
  return m;
}

/// The first line where two descriptions differ, for the internal error.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string l1, l2;
  while (true) {
    const bool g1 = static_cast<bool>(std::getline(x, l1)), g2 = static_cast<bool>(std::getline(y, l2));
    if (!g1 && !g2) return {};
    if (!g1) l1 = "(nothing)";
    if (!g2) l2 = "(nothing)";
    if (l1 != l2) return "'" + l1 + "' became '" + l2 + "'";
  }
}

/// Rewrites `file`: through a symbolic link to its target, in place for a
/// file with several hard links (all of them keep seeing it), otherwise by
/// writing a temporary file beside it and renaming it over the file (no
/// half-written file is ever seen).
void write_in_place(const std::string& name, const std::string& text) {
  std::error_code ec;
  const fs::path file = fs::is_symlink(name, ec) ? fs::canonical(name, ec) : fs::path(name);
  if (ec) throw io_error{"cannot write '" + name + "'"};
  if (fs::hard_link_count(file, ec) > 1 && !ec) {
    std::ofstream o(file, std::ios::binary | std::ios::trunc);
    o << text;
    o.close();
    if (!o) throw io_error{"cannot write '" + name + "'"};
    return;
  }
  const fs::path tmp = fs::path(file).concat(".yusuan-fmt.tmp");
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    o << text;
    o.close();
    if (!o) {
      std::error_code ec;
      fs::remove(tmp, ec);
      throw io_error{"cannot write '" + name + "'"};
    }
  }
  fs::permissions(tmp, fs::status(file, ec).permissions(), ec);
  fs::rename(tmp, file, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw io_error{"cannot write '" + name + "'"};
  }
}

}  // namespace

int run_fmt(const std::vector<std::string>& args) {
  bool check = false, write = false, list = false;
  yusuan::format_options fo;
  common_flags common;
  std::vector<std::string> inputs;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << fmt_help;
      return exit_ok;
    } else if (common_option(args, i, common)) {
    } else if (a == "--check") {
      check = true;
    } else if (a == "-w" || a == "--write") {
      write = true;
    } else if (a == "-l" || a == "--list") {
      list = true;
    } else if (is_option(a, "--spelling")) {
      const std::string v = choice_option(args, i, "--spelling", {"zh", "en", "as-written"});
      fo.spelling = v == "zh"   ? yusuan::keyword_spelling_choice::chinese
                    : v == "en" ? yusuan::keyword_spelling_choice::english
                                : yusuan::keyword_spelling_choice::as_written;
    } else if (a != "-" && looks_like_option(a)) {
      unknown_option("fmt", a, with_common({"--check", "--write", "--list", "--spelling"}));
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) throw usage_error{"fmt needs at least one file or directory (see yusuan fmt --help)"};
  if (check && write) throw usage_error{"--check and --write do not go together"};
  if (write && !list && !common.output.empty() && common.output != "-")
    throw usage_error{"--write rewrites the files in place and prints nothing: -o has nothing to write"};
  const auto files = fmt_files(inputs);
  refuse_stdin_twice(files);
  if (write && std::find(files.begin(), files.end(), "-") != files.end())
    throw usage_error{"--write cannot rewrite standard input"};

  const reporting rep{false, use_color(common.color)};
  refuse_output_over_input(common.output, files);
  output out(common.output);
  std::ostream& o = out.stream();
  int rc = exit_ok;
  for (const auto& file : files) {
    const std::string text = read_source(file);
    yusuan::diagnostics diags;
    auto formatted = yusuan::format_budget(text, file == "-" ? "<stdin>" : file, diags, fo);
    if (!formatted) {
      report(rep, diags);
      // a file that is not UTF-8 is an input error, as for every command
      rc = std::max(rc, yusuan::unreadable(diags) ? exit_usage : exit_budget_error);
      continue;
    }
    if (*formatted == text && !out.is_stdout()) {
      (void)meaning(text, file);  // compiled for its imports, which -o never replaces
    } else if (*formatted != text) {
      std::string before = meaning(text, file), after = meaning(*formatted, file);
      if (fo.spelling != yusuan::keyword_spelling_choice::as_written) {  // constraints are quoted as written
        before = yusuan::keywords_in_chinese(before);
        after = yusuan::keywords_in_chinese(after);
      }
      if (before != after)
        throw std::logic_error("formatting '" + file + "' would change what it says: " +
                               first_difference(before, after));
    }
    const bool changed = *formatted != text;
    if (list && changed) {
      o << file << "\n";
      if (!write) rc = std::max(rc, exit_budget_error);  // not formatted, and left so
    }
    if (check) {
      if (changed) {
        // lines that differ only in their ends show no difference: say what it is
        if (text.find('\r') != std::string::npos)
          o << file << ": its lines end in CR LF (or CR); the formatted file's end in LF\n";
        unified_diff(o, text, *formatted, file, file + " (formatted)");
        rc = std::max(rc, exit_budget_error);
      }
    } else if (write) {
      if (changed) write_in_place(file, *formatted);
    } else if (!list) {
      o << *formatted;
    }
  }
  // the formatted text of some files only is not written; the report of
  // --check or --list is
  if (rc != exit_ok && !check && !list) return rc;
  out.finish();
  return rc;
}

}  // namespace cli
