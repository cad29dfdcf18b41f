// yusuan/diagnostic.hpp -- source files, locations and diagnostics, and their
// rendering as text (rustc / clang layout) and JSON.
#pragma once

#include <yusuan/diagnostics/diagnostic.hpp>
#include <yusuan/diagnostics/render_json.hpp>
#include <yusuan/diagnostics/render_text.hpp>
#include <yusuan/diagnostics/source.hpp>
