// tools/io.cpp -- reading inputs (budgets from files or standard input, list
// files, the budget files of a directory), the outputs they must not be
// overwritten by, and reporting errors as text or JSON.
#include "io.hpp"

#include "args.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/compile/read_file.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <mutex>
#include <sstream>
#include <system_error>

namespace cli {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no = std::getenv("NO_COLOR");
  return isatty(2) != 0 && (no == nullptr || *no == '\0');
}

void report_error(const reporting& r, const std::string& code, const std::string& message) {
  if (r.json) {
    yusuan::diagnostics ds;
    yusuan::diagnostic d;
    d.code = code;
    d.message = message;
    ds.add(std::move(d));
    yusuan::render_json(std::cout, ds);
    std::cout.flush();
    return;
  }
  if (code.size() == 5 && code[0] == 'E') {  // a diagnostic of the language's (E0001), as the compiler prints it
    yusuan::diagnostics ds;
    yusuan::diagnostic d;
    d.code = code;
    d.message = message;
    ds.add(std::move(d));
    yusuan::render_text(std::cerr, ds, {r.color});
    return;
  }
  std::cerr << (r.color ? "\x1b[1;31myusuan: error:\x1b[0m " : "yusuan: error: ") << message << "\n";
}

std::vector<std::string>& files_read() {
  static std::vector<std::string> files;
  return files;
}

void note_file_read(const std::string& path) {
  static std::mutex m;  // budgets are compiled on many threads
  const std::lock_guard<std::mutex> lock(m);
  files_read().push_back(path);
}

void refuse_output_over_input(const std::string& path, const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  if (path.empty() || path == "-") return;  // standard output
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return;  // a new file, or a device such as /dev/null, overwrites nothing
  for (const auto& n : inputs)
    if (n != "-" && fs::equivalent(n, path, ec) && !ec)
      throw usage_error{"-o " + path + " is " + (n == path ? "an input" : "the input '" + n + "'") +
                        ": writing it would destroy what is read (write the output elsewhere)"};
}

void refuse_stdin_twice(const std::vector<std::string>& inputs) {
  if (std::count(inputs.begin(), inputs.end(), std::string("-")) > 1)
    throw usage_error{"standard input (-) is named twice: it can be read only once"};
}

std::string read_regular_file(const std::string& path, const std::string& what) {
  std::string why;
  auto text = yusuan::read_source_file(path, yusuan::compile_options{}.max_file_size, why);
  if (!text) throw io_error{"cannot read " + what + " '" + path + "': " + why, "E0001"};
  note_file_read(path);
  return std::move(*text);
}

std::vector<std::string> budget_files_in(const std::string& dir, bool recursive) {
  namespace fs = std::filesystem;
  std::vector<std::string> found;
  std::error_code ec;
  const auto cannot = [&] { return io_error{"cannot read the directory '" + dir + "': " + ec.message()}; };
  // a link to a directory is not followed (no loop), a link to a file is
  // taken when it leads to a regular file (is_regular_file with an error
  // code: a link to itself is false, not an exception)
  const auto take = [&](const fs::directory_entry& e) {
    std::error_code fe;
    if (e.path().extension() == ".budget" && e.is_regular_file(fe)) found.push_back(e.path().string());
  };
  const auto walk = [&](auto it) {  // a directory_iterator or a recursive one
    if (ec) throw cannot();
    for (const decltype(it) end{}; it != end; it.increment(ec)) {
      if (ec) throw cannot();
      take(*it);
    }
    if (ec) throw cannot();
  };
  if (recursive) walk(fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec));
  else walk(fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec));
  std::sort(found.begin(), found.end());
  return found;
}

void report(const reporting& r, const yusuan::diagnostics& diags) {
  if (r.json) {
    yusuan::render_json(std::cout, diags);
    std::cout.flush();
  } else {
    yusuan::render_text(std::cerr, diags, {r.color});
  }
}

std::vector<std::filesystem::path> library_path() {
  std::vector<std::filesystem::path> out;
  for (const auto& d : include_dirs()) out.emplace_back(d);
  for (auto& d : yusuan::library_path_from_environment()) out.push_back(std::move(d));
  // installed beside the program: <prefix>/bin/yusuan, <prefix>/share/yusuan/budgets
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto dir = exe.parent_path().parent_path() / "share" / "yusuan" / "budgets";
    if (std::filesystem::is_directory(dir, ec)) out.push_back(std::move(dir));
  }
  if (auto d = yusuan::installed_library_dir(); !d.empty()) out.push_back(std::move(d));
  return out;
}

std::optional<yusuan::budget> compile_input(const std::string& file, yusuan::diagnostics& diags,
                                            yusuan::compile_options co) {
  if (co.library_path.empty()) co.library_path = library_path();
  if (file != "-") {
    note_file_read(file);
    return yusuan::compile_file(file, diags, co);
  }
  std::ostringstream text;
  text << std::cin.rdbuf();
  if (co.root.empty()) co.root = std::filesystem::current_path();
  return yusuan::compile_string(text.str(), "<stdin>", diags, co);
}

int load_budget(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r) {
  yusuan::diagnostics diags;
  out = compile_input(file, diags, {});
  if (!out) {
    report(r, diags);
    if (!r.json) std::cerr << file << ": " << yusuan::summary(diags) << "\n";
    return yusuan::unreadable(diags) ? exit_usage : exit_budget_error;
  }
  return exit_ok;
}

}  // namespace cli
