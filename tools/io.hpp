// tools/io.hpp -- where a command writes (-o FILE or standard output), how it
// reads its inputs (a budget file or "-" for standard input, a list file, the
// budget files of a directory) and how it reports errors (text on standard
// error, or JSON on standard output).
#pragma once

#include "cli.hpp"
#include "interrupt.hpp"

#include <yusuan/diagnostic.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace cli {

/// An I/O error of the program itself (an output that cannot be written, an
/// input that cannot be read): main prints it and exits with 2, as the
/// diagnostic `code` when it has one (E0001), about the input `file` (the
/// JSON's "file") when it is one.
struct io_error {
  std::string message;
  std::string code = {};
  std::string file = {};
};

/// How a command reports problems: as text on standard error (coloured or
/// not), or as a JSON array of diagnostics on standard output.
struct reporting {
  bool json = false;
  bool color = false;
};

/// Prints one error that has no place in a budget (a usage or I/O error) the
/// way `r` asks: "yusuan: error: …" or a JSON diagnostic with code `code`,
/// about the file `file` when it names one (an input that cannot be read).
void report_error(const reporting& r, const std::string& code, const std::string& message,
                  const std::string& file = {});

/// Prints diagnostics the way `r` asks (text on standard error, JSON on
/// standard output).
void report(const reporting& r, const yusuan::diagnostics& diags);

/// The files the program has read so far, each once, when an output calls
/// for it (watch_output()): the budgets named on the command line and the
/// list files, and every file noted from a compile's diagnostics (imports,
/// rule files, template files).  Library files are named as imported
/// ("<std/measures.budget>").
std::vector<std::string> files_read();
/// Adds `path` to files_read(), from any thread, once an output calls for it
/// (watch_output()).
void note_file_read(const std::string& path);
/// Starts keeping the files read (files_read()) when `path`, an output the
/// command will write (-o FILE, export --to DIR), exists: only then can a file
/// read be one the output replaces.  Until an output calls for it nothing is
/// kept, so that a run over thousands of budgets holds no list of them.
/// Called as the options are read, before any input is.
void watch_output(const std::string& path);
/// Adds to files_read() every file `diags` keeps: all that a compile read
/// (the budget, its imports, its rule files, its template), from any thread.
void note_files_read(const yusuan::diagnostics& diags);

/// The name in `inputs` of the file `path` (the same file, also by another
/// path or through a link), if it is one; a library file's name
/// ("<std/…>") stands for the file the library path gives.
std::optional<std::string> input_at(const std::string& path, const std::vector<std::string>& inputs);

/// A file's identity: (device, inode), the same whatever path or link names it.
using file_id = std::pair<std::uint64_t, std::uint64_t>;

/// The identity of an existing regular file (through links), if `path` is one.
std::optional<file_id> regular_file_id(const std::string& path);

/// The files of a list of inputs by identity (device and inode), found once:
/// for checking many outputs against many inputs in time linear in both.
class input_files {
public:
  /// Finds each file of `inputs` (as input_at() does).
  explicit input_files(const std::vector<std::string>& inputs);
  /// The name in the inputs of the file `path`, if it is one of them.
  std::optional<std::string> at(const std::string& path) const;

private:
  std::map<file_id, std::string> ids_;  // (device, inode) -> name
};

/// Throws a usage error when the output file `path` (not standard output:
/// empty or "-") is one of `inputs` (the
/// same file, also by another path or through a link): it would be emptied
/// before it is read, or replaced by what was read from it.  A command that
/// opens its output before it reads its inputs names them here first.
void refuse_output_over_input(const std::string& path, const std::vector<std::string>& inputs);

/// The destination of a command's output: the file of -o, or standard output
/// for none or "-".
///
/// A file (one that exists and is a regular file, or one to be made) is
/// written to a temporary file beside it (beside the file a link leads to:
/// the link stays), which finish() moves over it, with the permissions of
/// the file it replaces: until then the file is as it was, and it stays so
/// when the command fails (an exception, or the output destroyed without
/// finish()).  A device or a pipe (/dev/null, a FIFO) is written directly.
/// The file is never one the command read (files_read(): refused when it is
/// opened, and again by finish(), when every input is known).
class output {
public:
  explicit output(const std::string& path);
  output(const output&) = delete;
  output& operator=(const output&) = delete;
  /// Removes the temporary file unless finish() has moved it into place.
  ~output();
  std::ostream& stream() { return file_ ? static_cast<std::ostream&>(*file_) : direct_ ? *direct_ : std::cout; }
  /// Whether the output is standard output.
  bool is_stdout() const { return !file_ && !direct_; }
  /// Whether the output is a file written to a temporary file first (not
  /// standard output, a device or a pipe, which are written as a stream).
  bool replaces_file() const { return !temp_.empty(); }
  /// The temporary file, for a writer that takes a path instead of stream()
  /// and may seek (a workbook).  Only when replaces_file().
  const std::string& file() const { return temp_; }
  /// Flushes and puts the file in place; throws io_error when anything
  /// failed to be written, usage_error when the file is one the command read.
  void finish();

private:
  std::string path_;    // as given
  std::string target_;  // the file replaced: path_, or the file its links lead to
  std::string temp_;    // written until finish(); empty: standard output or a device
  temporary_guard guard_;  // removes temp_ when a signal ends the program
  std::unique_ptr<std::ofstream> file_;
  std::ostream* direct_ = nullptr;  // standard error, for /dev/stderr
};

/// The folder an export writes into (--to DIR), made when it is missing
/// (with the folders above it; io_error when it cannot be).  A folder it made
/// is removed again, when left empty, unless keep() is called once the export
/// is complete; a signal that ends the program before then removes it with
/// what it holds (nothing but the export's own files).
class output_folder {
public:
  explicit output_folder(const std::string& dir);
  output_folder(const output_folder&) = delete;
  output_folder& operator=(const output_folder&) = delete;
  ~output_folder();
  /// The export is complete: the folder stays.
  void keep() noexcept;

private:
  std::vector<std::string> made_;  // the folders this made: the folder, then its parents it made
  temporary_guard guard_;  // removes it when a signal ends the program
};

/// The whole text of the regular file `path` (`what` names it in errors: "the
/// list file"); io_error E0001 when it is not one (a FIFO or a device, which
/// could never end), is larger than a budget may be, or cannot be read.
std::string read_regular_file(const std::string& path, const std::string& what);

/// The whole of standard input, read as a budget file is ("-"); io_error
/// E0001 when it cannot be read (a directory, a read error) or is larger than
/// a budget may be (compile_options::max_file_size): read no further.
std::string read_standard_input();

/// The `*.budget` files under `dir` (in its subdirectories too when
/// `recursive`), sorted by path: every entry so named that is not a directory
/// (nor a link to one), including those that cannot be read (a link that
/// leads nowhere or to itself, a FIFO): reading them reports E0001, as for a
/// file named on the command line.  Directories that cannot be entered are
/// skipped.  io_error when `dir` cannot be read.
std::vector<std::string> budget_files_in(const std::string& dir, bool recursive);

/// Whether `file` is a file of tests of rules (its first statement, after
/// blank lines and comments, is 测试 / test): no budget, run by `yusuan test`.
/// Only a regular file is opened, and only its first 64 KiB are read.
bool holds_tests(const std::string& file);

/// Throws a usage error when standard input ("-") is among `inputs` more
/// than once: it can be read only once.
void refuse_stdin_twice(const std::vector<std::string>& inputs);

/// Compiles the budget `file` ("-": standard input, whose imports resolve
/// against the current directory), reporting its diagnostics on failure;
/// returns the exit code (0 when `out` holds the budget).
int load_budget(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r);

/// The same of last year's budget, to compare with (--prior): its 核对 that
/// fail do not keep it from being read (a published budget may disagree with
/// itself, and its items are whole); how many fail is said on standard error.
int load_prior_budget(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r);

}  // namespace cli
