// yusuan/compile/read_file.hpp -- reading a file whole, as the compiler reads
// a budget: only a regular file (a FIFO or a device could never end), of at
// most a given size, that does not change while it is read.  The compiler's
// sources, files of rule tests, rule files and the command line's list files
// are all read so.
#pragma once

#include <yusuan/compile/budget_error.hpp>
#include <yusuan/compile/options.hpp>
#include <yusuan/diagnostic.hpp>
#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <cstdint>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace yusuan {

/// Why `file` cannot be read as a source, or nothing when it can: "no such
/// file", "a directory, not a file", "not a
/// regular file (a pipe or a device)", "N bytes is more than the limit of
/// `max_size` bytes", or the system's words ("Too many levels of symbolic
/// links").  Reads nothing; sets `*size` to the file's size when it
/// can be read.
inline std::optional<std::string> why_unreadable(const std::filesystem::path& file, std::uintmax_t max_size,
                                                 std::uintmax_t* size = nullptr) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::status(file, ec);
  if (!fs::exists(st) && (!ec || ec == std::errc::no_such_file_or_directory)) return "no such file";
  if (ec) return ec.message();  // a loop of links, a folder that may not be entered
  if (!fs::is_regular_file(st))
    return fs::is_directory(st) ? "a directory, not a file" : "not a regular file (a pipe or a device)";
  const auto bytes = fs::file_size(file, ec);
  if (ec) return "not a readable file";
  if (bytes > max_size)
    return std::to_string(bytes) + " bytes is more than the limit of " + std::to_string(max_size) + " bytes";
  if (size) *size = bytes;
  return std::nullopt;
}

/// The whole text of `file`, or nothing with why it cannot be read in `why`
/// (why_unreadable(), or the system's reason when it does not open,
/// "Permission denied", or
/// "the file changed while it was read").
inline std::optional<std::string> read_source_file(const std::filesystem::path& file, std::uintmax_t max_size,
                                                   std::string& why) {
  std::uintmax_t size = 0;
  if (auto no = why_unreadable(file, max_size, &size)) {
    why = std::move(*no);
    return std::nullopt;
  }
  errno = 0;
  std::FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) {
    // the system's reason where it has one ("Permission denied")
    why = errno != 0 ? std::generic_category().message(errno) : std::string("not a readable file");
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  const std::size_t got = text.empty() ? 0 : std::fread(text.data(), 1, text.size(), f);
  const bool more = std::fgetc(f) != EOF;  // it grew while it was read
  std::fclose(f);
  if (got != text.size() || more) {
    why = "the file changed while it was read";
    return std::nullopt;
  }
  return text;
}

/// E0001 "cannot read 'FILE': why", without a place (no text names the file),
/// about the file `file`.
inline diagnostic cannot_read(const std::filesystem::path& file, const std::string& why) {
  diagnostic d;
  d.code = "E0001";
  d.level = severity::error;
  d.message = "cannot read '" + file.string() + "': " + why;
  d.file = file.string();
  return d;
}

/// E0002: the file `shown` is not UTF-8, at a byte `byte` of its line `line`
/// (counted from 1); with a note on converting a GBK file.  Not located:
/// the line itself could not be shown.
/// `text`, the file's bytes, tells a UTF-16 file (by its byte order mark)
/// from one in GBK.
inline diagnostic not_utf8(const std::string& shown, unsigned char byte, std::size_t line, std::string_view text = {}) {
  static constexpr char hex[] = "0123456789abcdef";
  diagnostic d;
  d.code = "E0002";
  d.level = severity::error;
  d.message = "'" + shown + "' is not UTF-8 (byte 0x" + std::string{hex[byte >> 4], hex[byte & 15]} + " at line " +
              std::to_string(line) + ")";
  d.file = shown;
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))  // a UTF-16 byte order mark
    d.notes.push_back({"the file is UTF-16 (it begins with a byte order mark): convert it with: iconv -f UTF-16 -t "
                       "UTF-8 '" + shown + "' > converted.budget",
                       {}});
  else
    d.notes.push_back(
        {"budget files are UTF-8; convert a GBK file with: iconv -f GBK -t UTF-8 '" + shown + "' > converted.budget", {}});
  return d;
}

/// E0002 for the first byte of `text`, the bytes of the file `shown`, that
/// is not UTF-8; nothing when it all is.
inline std::optional<diagnostic> not_utf8_in(const std::string& shown, std::string_view text) {
  const auto bad = text::first_invalid(text);
  if (bad == std::string_view::npos) return std::nullopt;
  const auto starts = line_starts(text);
  const auto line = std::upper_bound(starts.begin(), starts.end(), static_cast<std::uint32_t>(bad)) - starts.begin();
  return not_utf8(shown, static_cast<unsigned char>(text[bad]), static_cast<std::size_t>(line), text);
}

/// The throwing form of read_source_file: budget_error with E0001
/// (cannot_read) when the file cannot be read.
inline std::string read_source_file(const std::filesystem::path& file,
                                    std::uintmax_t max_size = compile_options{}.max_file_size) {
  std::string why;
  auto text = read_source_file(file, max_size, why);
  if (!text) {
    diagnostics diags;
    diags.add(cannot_read(file, why));
    throw budget_error(std::move(diags));
  }
  return std::move(*text);
}

}  // namespace yusuan
