// tools/io.cpp -- reading inputs (budgets from files or standard input, list
// files, the budget files of a directory), the outputs they must not be
// overwritten by, and reporting errors as text or JSON.
#include "io.hpp"

#include "args.hpp"

#include <yusuan/compile.hpp>
#include <yusuan/compile/read_file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <filesystem>
#include <iterator>
#include <mutex>
#include <random>
#include <sstream>
#include <string_view>
#include <system_error>
#include <unordered_set>

namespace cli {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no = std::getenv("NO_COLOR");
  return isatty(2) != 0 && (no == nullptr || *no == '\0');
}

void report_error(const reporting& r, const std::string& code, const std::string& message, const std::string& file) {
  if (r.json) {
    yusuan::diagnostics ds;
    yusuan::diagnostic d;
    d.code = code;
    d.message = message;
    d.file = file;
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

std::vector<std::filesystem::path> library_path();

namespace {

std::mutex files_read_lock;  // budgets are compiled on many threads

std::vector<std::string>& files_read_list() {
  static std::vector<std::string> files;
  return files;
}

/// The file `name` of files_read() is: itself, or for a library file
/// ("<std/measures.budget>") the first of the library path's directories
/// that holds it (as an import finds it); empty for a text of no file
/// ("<stdin>", "<template>").
std::string file_named(const std::string& name, const std::vector<std::filesystem::path>& libs) {
  namespace fs = std::filesystem;
  if (name.size() < 2 || name.front() != '<' || name.back() != '>') return name;
  const fs::path rel = fs::path(name.substr(1, name.size() - 2)).lexically_normal();
  std::error_code ec;
  if (rel.empty() || rel.is_absolute() || !rel.has_extension()) return {};
  for (const auto& dir : libs)
    if (fs::exists(dir / rel, ec)) return (dir / rel).string();
  return {};
}

}  // namespace

std::vector<std::string> files_read() {
  const std::lock_guard<std::mutex> lock(files_read_lock);
  return files_read_list();
}

namespace {
std::atomic<bool> keeping_files_read{false};
}  // namespace

void watch_output(const std::string& path) {
  std::error_code ec;
  if (!path.empty() && path != "-" && std::filesystem::exists(path, ec)) keeping_files_read = true;
}

void note_file_read(const std::string& path) {
  if (!keeping_files_read) return;
  static std::unordered_set<std::string> seen;
  const std::lock_guard<std::mutex> lock(files_read_lock);
  if (seen.insert(path).second) files_read_list().push_back(path);
}

void note_files_read(const yusuan::diagnostics& diags) {
  for (const auto& f : diags.files())
    if (f) note_file_read(f->name());
}

std::optional<file_id> regular_file_id(const std::string& path) {
  struct stat st{};
  if (path.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return file_id(st.st_dev, st.st_ino);
}

input_files::input_files(const std::vector<std::string>& inputs) {
  std::optional<std::vector<std::filesystem::path>> libs;  // found when a library file is among the inputs
  for (const auto& n : inputs) {
    if (n == "-") {  // standard input redirected from a file: that file is read
      if (const auto id = regular_file_id("/dev/stdin")) ids_.emplace(*id, "standard input");
      continue;
    }
    if (!libs && !n.empty() && n.front() == '<') {
      libs = library_path();
      if (libs->empty()) libs = yusuan::default_library_path();
    }
    if (const auto id = regular_file_id(libs ? file_named(n, *libs) : n)) ids_.emplace(*id, n);  // the first name
  }
}

std::optional<std::string> input_files::at(const std::string& path) const {
  const auto id = regular_file_id(path);
  if (!id) return std::nullopt;
  const auto it = ids_.find(*id);
  return it == ids_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<std::string> input_at(const std::string& path, const std::vector<std::string>& inputs) {
  // a new file, or a device such as /dev/null, overwrites nothing: the inputs
  // are not looked at
  if (!regular_file_id(path)) return std::nullopt;
  return input_files(inputs).at(path);
}

void refuse_output_over_input(const std::string& path, const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") return;  // standard output
  if (const auto n = input_at(path, inputs))
    throw usage_error{"-o " + path + " is " + (*n == path ? "an input" : "the input '" + *n + "'") +
                      ": writing it would destroy what is read (write the output elsewhere)"};
}

namespace {

/// The file `path` names: itself, or the file its chain of links leads to
/// (which need not exist yet).
std::filesystem::path link_target(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return p;
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) throw io_error{"cannot write '" + path + "': " + ec.message()};
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  throw io_error{"cannot write '" + path + "': " + std::strerror(ELOOP)};
}

/// Creates a new file beside `target` (".NAME.yusuan-XXXXXX"), with the
/// permissions a new file gets (0666 less the umask), and returns its path.
std::string temporary_beside(const std::filesystem::path& target, const std::string& shown) {
  const std::filesystem::path dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  std::random_device rd;
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(rd()));
    const std::string temp = (dir / ("." + target.filename().string() + ".yusuan-" + suffix)).string();
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return temp;
    }
    if (errno != EEXIST) break;
  }
  throw io_error{"cannot write '" + shown + "': " + std::strerror(errno) + " (it is written to a new file in '" +
                 dir.string() + "', then moved over it)"};
}

/// The descriptor a path of the program's own streams names (/dev/stdout 1,
/// /dev/stderr 2, /dev/fd/N and /proc/self/fd/N N), or -1: such a stream is
/// written as it is, never replaced, since the caller holds it open (a pipe,
/// or a file the shell adds to).
int own_descriptor(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"})
    if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
        path.find_first_not_of("0123456789", prefix.size()) == std::string::npos && path.size() - prefix.size() < 9)
      return std::stoi(path.substr(prefix.size()));
  return -1;
}

}  // namespace

output::output(const std::string& path) : path_(path) {
  namespace fs = std::filesystem;
  // standard output and standard error are written through the program's
  // own descriptors, as the caller may write to the same file around them
  const int own = own_descriptor(path);
  if (path.empty() || path == "-" || own == 1) return;
  if (own == 2) {
    direct_ = &std::cerr;
    return;
  }
  refuse_output_over_input(path, files_read());
  struct stat st{};
  const bool exists = ::stat(path.c_str(), &st) == 0;  // through links
  if (exists && S_ISDIR(st.st_mode)) throw io_error{"cannot write '" + path + "': a directory"};
  if (own >= 0 || (exists && !S_ISREG(st.st_mode))) {  // a device, a pipe, a stream held open: nothing to replace
    // a stream of the program's own is added to, as the caller writes to it too
    file_ = std::make_unique<std::ofstream>(path, std::ios::binary | (own >= 0 ? std::ios::app : std::ios::trunc));
    if (!*file_) throw io_error{"cannot write '" + path + "'"};
    return;
  }
  const fs::path target = link_target(path);
  // a file that may not be written is not replaced either
  if (exists && ::access(target.c_str(), W_OK) != 0)
    throw io_error{"cannot write '" + path + "': " + std::strerror(errno)};
  {
    const signals_held hold;  // made and registered before a signal can find it
    temp_ = temporary_beside(target, path);
    guard_ = temporary_guard(temp_, false);
  }
  target_ = target.string();
  if (exists) ::chmod(temp_.c_str(), st.st_mode & 0777);  // the replaced file's permissions
  file_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
  if (!*file_) {
    ::unlink(temp_.c_str());  // no destructor runs for a constructor that throws
    throw io_error{"cannot write '" + path + "'"};
  }
}

output::~output() {
  if (temp_.empty()) return;
  file_.reset();
  ::unlink(temp_.c_str());
  guard_.release();
}

void output::finish() {
  std::ostream& os = stream();
  os.flush();
  if (file_) file_->close();
  if (!os || (file_ && !*file_)) {
    if (!file_ && !direct_) {
      standard_output_failed = true;  // said here: checked_output() need not say it again
      throw io_error{"cannot write standard output"};
    }
    throw io_error{"cannot write '" + path_ + "'"};
  }
  if (temp_.empty()) return;
  // every input is known now: the imports of the budgets, their templates,
  // the rule files
  refuse_output_over_input(path_, files_read());
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    throw io_error{"cannot write '" + path_ + "': " + std::strerror(errno)};
  guard_.release();
  temp_.clear();
}

void refuse_stdin_twice(const std::vector<std::string>& inputs) {
  if (std::count(inputs.begin(), inputs.end(), std::string("-")) > 1)
    throw usage_error{"standard input (-) is named twice: it can be read only once"};
}

std::string read_regular_file(const std::string& path, const std::string& what) {
  std::string why;
  auto text = yusuan::read_source_file(path, yusuan::compile_options{}.max_file_size, why);
  if (!text) throw io_error{"cannot read " + what + " '" + path + "': " + why, "E0001", path};
  note_file_read(path);
  return std::move(*text);
}

output_folder::output_folder(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // the folders this makes, the folder first, then each parent that is not there
  for (fs::path p = fs::path(dir).lexically_normal(); !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    made_.push_back(p.string());
    if (p == p.parent_path()) break;
  }
  const signals_held hold;  // made and registered before a signal can find it
  fs::create_directories(dir, ec);
  if (ec) throw io_error{"cannot create '" + dir + "': " + ec.message()};
  if (!made_.empty()) guard_ = temporary_guard(made_.back(), true);
}

output_folder::~output_folder() {
  std::error_code ignored;
  for (const auto& f : made_) std::filesystem::remove(f, ignored);  // only if empty, the deepest first
}

void output_folder::keep() noexcept {
  made_.clear();
  guard_.release();
}

std::string read_standard_input() {
  const std::uintmax_t limit = yusuan::compile_options{}.max_file_size;
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(0, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw io_error{std::string("cannot read standard input: ") + std::strerror(errno), "E0001", "<stdin>"};
    }
    if (text.size() + static_cast<std::size_t>(n) > limit)
      throw io_error{"cannot read standard input: more than the limit of " + std::to_string(limit) + " bytes",
                     "E0001", "<stdin>"};
    text.append(buf, static_cast<std::size_t>(n));
  }
  return text;
}

std::vector<std::string> budget_files_in(const std::string& dir, bool recursive) {
  namespace fs = std::filesystem;
  std::vector<std::string> found;
  std::error_code ec;
  const auto cannot = [&] { return io_error{"cannot read the directory '" + dir + "': " + ec.message()}; };
  // Every *.budget entry but a directory is a budget file: one that cannot
  // be read (a link that leads nowhere or to itself, a FIFO, a device) is
  // taken too, so that reading it reports it (E0001) as when it is named on
  // the command line, rather than the walk passing over it.  Only its type is
  // looked at here: a FIFO is never opened.  A link to a directory is not
  // followed (no loop).
  const auto take = [&](const fs::directory_entry& e) {
    if (e.path().extension() != ".budget") return;
    std::error_code fe;
    const bool folder = e.is_directory(fe);  // through links; false with an error (a loop, nowhere)
    if (!folder) found.push_back(e.path().string());
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

bool holds_tests(const std::string& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return false;
  std::ifstream in(file, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // a line that starts, after blanks, with 测试 or test, then a blank or a quote
  for (std::size_t p = 0; p < head.size();) {
    std::size_t eol = head.find_first_of("\r\n", p);
    if (eol == std::string::npos) eol = head.size();
    std::string_view line(head.data() + p, eol - p);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.starts_with("\xE3\x80\x80")))
      line.remove_prefix(line.front() == '\xE3' ? 3 : 1);
    for (const std::string_view w : {std::string_view("测试"), std::string_view("test")})
      if (line.starts_with(w)) {
        const std::string_view after = line.substr(w.size());
        if (!after.empty() && (after.front() == ' ' || after.front() == '\t' || after.front() == '"' ||
                               after.starts_with("\xE2\x80\x9C") || after.starts_with("\xE3\x80\x80")))
          return true;
      }
    p = eol + 1;
  }
  return false;
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
    auto b = yusuan::compile_file(file, diags, co);
    note_files_read(diags);  // its imports and rule files, whether it compiled or not
    return b;
  }
  const std::string text = read_standard_input();
  note_file_read("-");  // standard input: the file it is redirected from, if any
  if (co.root.empty()) co.root = std::filesystem::current_path();
  auto b = yusuan::compile_string(text, "<stdin>", diags, co);
  note_files_read(diags);
  return b;
}

namespace {
int load(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r,
         const yusuan::compile_options& options, yusuan::diagnostics& diags) {
  out = compile_input(file, diags, options);
  if (!out) {
    report(r, diags);
    if (!r.json) std::cerr << file << ": " << yusuan::summary(diags) << "\n";
    return yusuan::unreadable(diags) ? exit_usage : exit_budget_error;
  }
  return exit_ok;
}
}  // namespace

int load_budget(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r) {
  yusuan::diagnostics diags;
  return load(file, out, r, {}, diags);
}

int load_prior_budget(const std::string& file, std::optional<yusuan::budget>& out, const reporting& r) {
  yusuan::diagnostics diags;
  out = compile_input(file, diags, {});
  std::size_t failed = 0;  // its 核对 that fail (E0501, E0503), when they are its only errors
  bool only_constraints = !out;
  for (const auto& d : diags)
    if (d.level == yusuan::severity::error) {
      only_constraints = only_constraints && (d.code == "E0501" || d.code == "E0503");
      ++failed;
    }
  if (out || !only_constraints) {
    if (out) return exit_ok;
    yusuan::diagnostics again;
    return load(file, out, r, {}, again);  // reported as any budget's errors
  }
  yusuan::diagnostics again;
  yusuan::compile_options o;
  o.constraints_as_warnings = true;
  if (const int rc = load(file, out, r, o, again); rc != exit_ok) return rc;
  if (!r.json)
    std::cerr << file << ": note: " << failed
              << (failed == 1 ? " constraint (核对) of last year's budget fails" : " constraints (核对) of last year's budget fail")
              << "; its items are compared as they are (yusuan check " << file
              << " lists them)\n";
  return exit_ok;
}

}  // namespace cli
