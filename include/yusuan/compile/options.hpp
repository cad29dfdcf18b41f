// yusuan/compile/options.hpp -- how a budget is compiled, and the limits that
// keep any input, however large or hostile, within bounded time and memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace yusuan {

struct compile_options {
  /// Errors (and warnings) reported at most; past it they are counted (E0102).
  std::size_t max_errors = 100;
  /// Imports may not leave this directory; empty: the directory of the root file.
  std::filesystem::path root;
  /// Check codes and names against the classification catalogs.
  bool check_catalog = true;
  /// When not empty, the files imports read, by their path relative to the
  /// root directory ("parts/a.budget"), instead of the file system: budgets
  /// held in memory, such as those of a database or of a test.
  std::map<std::string, std::string, std::less<>> files;

  // limits (docs/language.md, "Limits") -------------------------------------
  /// Bytes of one source file.
  std::uintmax_t max_file_size = std::uintmax_t{1} << 30;
  /// Files one budget reads (the root and its imports).
  std::size_t max_files = 10'000;
  /// Imports nested in imports.
  std::size_t max_import_depth = 256;
  /// Bytes of an import path.
  std::size_t max_path_length = 1024;
  /// Blocks nested in blocks.
  std::size_t max_block_depth = 256;
  /// Levels of parentheses, 占比(…), 增幅(…) and 合计(…) in one statement.
  std::size_t max_expression_depth = 64;
};

}  // namespace yusuan
