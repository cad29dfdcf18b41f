// tools/io.cpp -- reading budgets (files or standard input) and reporting
// errors as text or JSON.
#include "io.hpp"

#include "args.hpp"

#include <yusuan/compile.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <sstream>

namespace cli {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no = std::getenv("NO_COLOR");
  return isatty(2) != 0 && (no == nullptr || *no == '\0');
}

int result_too_large(const std::string& where_name, const std::string& where_text, const std::string& what) {
  const yusuan::source_file source(where_name, where_text);
  yusuan::diagnostics ds;
  yusuan::diagnostic d;
  d.code = "E0701";
  d.message = what + " is more than an amount can hold";
  d.span = {&source, 0, static_cast<std::uint32_t>(where_text.size())};
  d.label = "a sum of its items of both signs is past 92,233,720,368,547,758.07 元";
  ds.add(std::move(d));
  yusuan::render_text(std::cerr, ds, {use_color("auto")});
  return exit_budget_error;
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
  std::cerr << (r.color ? "\x1b[1;31myusuan: error:\x1b[0m " : "yusuan: error: ") << message << "\n";
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
  if (file != "-") return yusuan::compile_file(file, diags, co);
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
