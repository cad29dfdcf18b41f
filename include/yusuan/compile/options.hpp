// yusuan/compile/options.hpp -- how a budget is compiled, and the limits that
// keep any input, however large or hostile, within bounded time and memory.
#pragma once

#include <yusuan/diagnostics/source.hpp>
#include <yusuan/error.hpp>
#include <yusuan/model/records.hpp>

#include <cstddef>
#include <functional>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <vector>
#include <map>
#include <string>

namespace yusuan {

class budget;       // <yusuan/budget.hpp>
class diagnostics;  // <yusuan/diagnostic.hpp>

struct compile_options {
  /// Errors reported at most, and as many warnings; past it they are counted
  /// (E0102).  0: no limit (every diagnostic is kept, as many as the input
  /// makes).
  std::size_t max_errors = 100;
  /// Imports may not leave this directory; empty: the directory of the root file.
  std::filesystem::path root;
  /// Check codes and names against the classification catalogs.
  bool check_catalog = true;
  /// Directories searched, in order, by 导入 <path> (each holds std/ and any
  /// other library); empty: default_library_path().
  std::vector<std::filesystem::path> library_path;
  /// When not empty, the files imports read, by their path relative to the
  /// root directory ("parts/a.budget"), instead of the file system: budgets
  /// held in memory, such as those of a database or of a test.
  std::map<std::string, std::string, std::less<>> files;
  /// Rule files compiled with the budget, after its own files (the budget is
  /// not edited): their 口径, 核对 and 参数, each file in its own 金额单位
  /// (元 unless it states one), its imports relative to itself.
  std::vector<std::filesystem::path> rules;
  /// Values of the rules' 参数 by name ("压减比例" → "5%"), overriding the
  /// defaults; a name no 参数 declares is E0307.
  std::map<std::string, std::string, std::less<>> parameters;
  /// A name of `parameters` that no 参数 declares is passed over rather than
  /// E0307: for one set of values given to many rule sets, each taking those
  /// it declares (yusuan test --set, over a folder of tests of many rules).
  bool ignore_undeclared_parameters = false;
  /// Called with the result of each constraint checked (each unit or project
  /// of a 每个 constraint), passed or not: a constraint a 当 does not apply
  /// to is not checked.
  std::function<void(const constraint_result&)> on_constraint;
  /// Checks of the caller's own, run on the complete budget after its
  /// constraints, whether they passed or failed (not when an error left part
  /// of the input out); what they add to their `diagnostics` is reported with
  /// the compiler's, and an error among it builds no budget.  yusuan check
  /// runs tables::check_notes here (the 表注 against the template's tables):
  /// run after a successful compile instead, they were lost whenever a 核对
  /// failed.  What it throws comes out of the compile call unchanged.
  std::function<void(const budget&, diagnostics&)> extra_checks;
  /// Every 核对 that fails is a warning (W0501, W0503), as if it were marked
  /// 警告: the budget is built all the same.  For reading the items of a
  /// budget whose published figures disagree with them (yusuan consolidate
  /// counts such a unit, and reports its failures from a first compile).
  bool constraints_as_warnings = false;
  /// When the text given to compile_string is lines taken from a larger file
  /// (a test of rules: its own lines and the file's shared statements), where
  /// each of its lines was in that file, in order: diagnostics name the
  /// file's lines and columns.  Empty: the text is the whole file.
  std::vector<line_origin> line_origins;

  // limits (docs/language.md §22, "Limits") ----------------------------------
  //
  // Past a limit the input is a located error (E0001, E07xx), never a crash.
  // Every limit but two may be set to any value, 0 included (0 files, 0
  // bytes: every input is past it): the compiler reads blocks and imports
  // without recursion, so their depth costs memory in proportion to the
  // input, not stack.  compile_file and compile_string throw yusuan::error
  // (errc::invalid_argument) for a max_file_size past max_file_size_bound or
  // a max_expression_depth past max_expression_depth_bound.

  /// Bytes of one source file; at most max_file_size_bound.
  std::uintmax_t max_file_size = std::uintmax_t{1} << 30;
  /// Bytes of one line of a source file.
  std::size_t max_line_length = std::size_t{1} << 20;
  /// Files one budget reads (the root and its imports).  A budget never reads
  /// more than 65,535 (E0712), whatever this says.
  std::size_t max_files = 10'000;
  /// Imports nested in imports.
  std::size_t max_import_depth = 256;
  /// Bytes of an import path.
  std::size_t max_path_length = 1024;
  /// Blocks nested in blocks.
  std::size_t max_block_depth = 256;
  /// Levels of parentheses, 占比(…), 增幅(…) and 合计(…) in one statement;
  /// at most max_expression_depth_bound.
  std::size_t max_expression_depth = 64;

  /// The largest max_file_size: positions in a file are 32-bit offsets.
  static constexpr std::uintmax_t max_file_size_bound = 0xFFFF'FFFF;
  /// The largest max_expression_depth.  The compiler reads and evaluates
  /// nested expressions by recursion: a level takes up to about 4 KiB of
  /// stack unoptimised and more than 8 KiB under AddressSanitizer, so 256
  /// levels stay within 4 MiB, half the 8 MiB a thread has by default on
  /// Linux, in every build (the default of 64 within 512 KiB).
  static constexpr std::size_t max_expression_depth_bound = 256;
};

/// Throws yusuan::error (errc::invalid_argument) for options the compiler
/// cannot honour safely: a max_file_size past compile_options::
/// max_file_size_bound, a max_expression_depth past compile_options::
/// max_expression_depth_bound.  A mistake of the calling program, not of its
/// input: compile_file and compile_string call it before reading anything.
inline void check_options(const compile_options& o) {
  if (o.max_file_size > compile_options::max_file_size_bound)
    throw error(errc::invalid_argument, "yusuan: compile_options::max_file_size " + std::to_string(o.max_file_size) +
                                            " is past the largest file the compiler reads, " +
                                            std::to_string(compile_options::max_file_size_bound) + " bytes");
  if (o.max_expression_depth > compile_options::max_expression_depth_bound)
    throw error(errc::invalid_argument, "yusuan: compile_options::max_expression_depth " +
                                            std::to_string(o.max_expression_depth) +
                                            " is past the deepest nesting the compiler reads safely, " +
                                            std::to_string(compile_options::max_expression_depth_bound) + " levels");
}

/// The directories of $YUSUAN_PATH (separated by ':'), in order.
inline std::vector<std::filesystem::path> library_path_from_environment() {
  std::vector<std::filesystem::path> out;
  const char* env = std::getenv("YUSUAN_PATH");
  if (env == nullptr) return out;
  std::string_view rest = env;
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    if (!dir.empty()) out.emplace_back(dir);
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return out;
}

/// The standard library installed with yusuan: the directory the CMake
/// package names (YUSUAN_LIBRARY_DIR: <prefix>/share/yusuan/budgets when
/// installed, the source tree's budgets/ in a build tree); empty when
/// yusuan's headers are used without its CMake package.  Read only in the
/// program's own translation units (the inline compile_file and
/// compile_string of compile.hpp): the compiled form, built elsewhere,
/// never reads it.
inline std::filesystem::path installed_library_dir() {
#ifdef YUSUAN_LIBRARY_DIR
  return std::filesystem::path(YUSUAN_LIBRARY_DIR);
#else
  return {};
#endif
}

/// The library path when compile_options::library_path is empty: the
/// directories of $YUSUAN_PATH, then installed_library_dir().
inline std::vector<std::filesystem::path> default_library_path() {
  auto out = library_path_from_environment();
  if (auto dir = installed_library_dir(); !dir.empty()) out.push_back(std::move(dir));
  return out;
}

}  // namespace yusuan
