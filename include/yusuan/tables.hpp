// yusuan/tables.hpp -- the disclosure tables of a budget (单位预算公开表,
// 部门预算公开表) rendered from templates: each table is data (a template
// file, docs/templates.md), its cells are sums over the budget's items,
// income lines and projects on the aggregation engine, written as aligned
// text, CSV, Markdown or JSON.
//
//   const yusuan::budget b = yusuan::compile_file("budgets/x.budget");
//   const auto t = yusuan::tables::build(b, "03");        // 预算03表 of the budget's template
//   yusuan::tables::write_text(std::cout, t);
//
// A table's layout (columns, rows, titles, the note of an empty table) lives
// in its template, never in C++.  The shipped templates are in
// budgets/std/templates (compiled in, tables/std_templates.hpp): 洛阳13表
// (the default; tests/golden/NN.csv are its tables of the reference budget),
// 上海9表 and 上海9表部门.  A budget names its template with 模板; a template
// file of one's own is read with read_template_file and passed in options.
//
//   tables/model.hpp            table, column, cell, row, options
//   tables/template.hpp         a template as data
//   tables/library.hpp          shipped templates, template files, a budget's template
//   tables/ids.hpp              how a table is named (number, id, name, prefix)
//   tables/build.hpp            build(b, id), build_all
//   tables/assemble.hpp         a table of a template over a budget
//   tables/rows.hpp             its rows: fixed, grouped (按), in order
//   tables/evaluate.hpp         its cells, on the aggregation engine
//   tables/texts.hpp, names.hpp its texts: titles, headers, codes and names
//   tables/render_*.hpp         text, CSV, Markdown, JSON
//   tables/write.hpp            write(os, t, format), to_string
//   tables/error.hpp            unknown table and format errors
//
// Header-only by default: this header then also brings in the template
// reader (Spirit X3), as <yusuan/compile.hpp> does; with
// YUSUAN_SEPARATE_COMPILATION it is in the compiled form (yusuan::compiled).
#pragma once

#include <yusuan/tables/build.hpp>
#include <yusuan/tables/check_notes.hpp>
#include <yusuan/tables/error.hpp>
#include <yusuan/tables/ids.hpp>
#include <yusuan/tables/library.hpp>
#include <yusuan/tables/model.hpp>
#include <yusuan/tables/template.hpp>
#include <yusuan/tables/write.hpp>

#ifndef YUSUAN_SEPARATE_COMPILATION
#include <yusuan/compile/templates.ipp>
#endif
