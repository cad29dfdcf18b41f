// tools/io.hpp -- where a command writes (-o FILE or standard output), how it
// reads its inputs (a budget file or "-" for standard input, a list file, the
// budget files of a directory) and how it reports errors (text on standard
// error, or JSON on standard output).
#pragma once

#include "cli.hpp"

#include <yusuan/diagnostic.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cli {

/// An I/O error of the program itself (an output that cannot be written, an
/// input that cannot be read): main prints it and exits with 2, as the
/// diagnostic `code` when it has one (E0001).
struct io_error {
  std::string message;
  std::string code = {};
};

/// How a command reports problems: as text on standard error (coloured or
/// not), or as a JSON array of diagnostics on standard output.
struct reporting {
  bool json = false;
  bool color = false;
};

/// Prints one error that has no place in a budget (a usage or I/O error) the
/// way `r` asks: "yusuan: error: …" or a JSON diagnostic with code `code`.
void report_error(const reporting& r, const std::string& code, const std::string& message);

/// Prints diagnostics the way `r` asks (text on standard error, JSON on
/// standard output).
void report(const reporting& r, const yusuan::diagnostics& diags);

/// The files the program has read so far: the budgets compiled by
/// compile_input (not their imports) and the list files.
std::vector<std::string>& files_read();
/// Adds `path` to files_read(), from any thread.
void note_file_read(const std::string& path);

/// Throws a usage error when the output file `path` (not standard output:
/// empty or "-") is one of `inputs` (the
/// same file, also by another path or through a link): it would be emptied
/// before it is read, or replaced by what was read from it.  A command that
/// opens its output before it reads its inputs names them here first.
void refuse_output_over_input(const std::string& path, const std::vector<std::string>& inputs);

/// The destination of a command's output: the file of -o, or standard output
/// for none or "-".  It is never a file read before it is opened
/// (files_read()).
class output {
public:
  explicit output(const std::string& path) : path_(path) {
    if (path.empty() || path == "-") return;
    refuse_output_over_input(path, files_read());
    file_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*file_) throw io_error{"cannot write '" + path + "'"};
  }
  std::ostream& stream() { return file_ ? static_cast<std::ostream&>(*file_) : std::cout; }
  /// Whether the output is standard output.
  bool is_stdout() const { return !file_; }
  /// Flushes; throws io_error when anything failed to be written.
  void finish() {
    std::ostream& os = stream();
    os.flush();
    if (file_) file_->close();
    if (!os || (file_ && !*file_)) throw io_error{"cannot write '" + (file_ ? path_ : std::string("standard output")) + "'"};
  }

private:
  std::string path_;
  std::unique_ptr<std::ofstream> file_;
};

/// The whole text of the regular file `path` (`what` names it in errors: "the
/// list file"); io_error E0001 when it is not one (a FIFO or a device, which
/// could never end), is larger than a budget may be, or cannot be read.
std::string read_regular_file(const std::string& path, const std::string& what);

/// The `*.budget` files under `dir` (in its subdirectories too when
/// `recursive`), sorted by path: regular files, or links to them; a link that
/// leads nowhere or to itself is skipped, as are directories that cannot be
/// entered.  io_error when `dir` cannot be read.
std::vector<std::string> budget_files_in(const std::string& dir, bool recursive);

/// Throws a usage error when standard input ("-") is among `inputs` more
/// than once: it can be read only once.
void refuse_stdin_twice(const std::vector<std::string>& inputs);

/// Compiles the budget `file` ("-": standard input, whose imports resolve
/// against the current directory), reporting its diagnostics on failure;
/// returns the exit code (0 when `out` holds the budget).
int load_budget(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r);

}  // namespace cli
