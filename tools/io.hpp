// tools/io.hpp -- where a command writes (-o FILE or standard output), how it
// reads a budget (a file, or "-" for standard input) and how it reports
// errors (text on standard error, or JSON on standard output).
#pragma once

#include "cli.hpp"

#include <yusuan/diagnostic.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace cli {

/// An I/O error of the program itself (an output that cannot be written):
/// main prints it and exits with 2.
struct io_error {
  std::string message;
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

/// The destination of a command's output: the file of -o, or standard output
/// for none or "-".
class output {
public:
  explicit output(const std::string& path) : path_(path) {
    if (path.empty() || path == "-") return;
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

/// Compiles the budget `file` ("-": standard input, whose imports resolve
/// against the current directory), reporting its diagnostics on failure;
/// returns the exit code (0 when `out` holds the budget).
int load_budget(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r);

}  // namespace cli
