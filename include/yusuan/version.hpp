// yusuan/version.hpp -- the library's version.
#pragma once

#define YUSUAN_VERSION_MAJOR 0
#define YUSUAN_VERSION_MINOR 1
#define YUSUAN_VERSION_PATCH 0
#define YUSUAN_VERSION_STRING "0.1.0"

namespace yusuan {
inline constexpr int version_major = YUSUAN_VERSION_MAJOR;
inline constexpr int version_minor = YUSUAN_VERSION_MINOR;
inline constexpr int version_patch = YUSUAN_VERSION_PATCH;
inline constexpr const char* version_string = YUSUAN_VERSION_STRING;
}  // namespace yusuan
