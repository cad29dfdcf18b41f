// yusuan/query.hpp -- aggregation over a budget's items: the engine (totals,
// matching items, grouped sums) and queries (filter, group, pivot, rollup,
// share, order, top-N) with their results.  Spirit-free.
//
//   query/dimension.hpp       dimensions, keys of items, key text and order
//   query/filters.hpp         filters built in C++ (function_is, econ_in, &&, ||, !)
//   query/query.hpp           the query and its fluent setters
//   query/quantity.hpp        a result figure: an amount or a count
//   query/result.hpp          result rows and tables
//   query/engine.hpp          total, matching_items, group_sums, group_items
//   query/run.hpp             run, run_with_prior
//   query/filter_program.hpp, scan.hpp, dimension_index.hpp, cells.hpp:
//   the engine's scans over the budget's columns (model/columns.hpp)
#pragma once

#include <yusuan/query/dimension.hpp>
#include <yusuan/query/engine.hpp>
#include <yusuan/query/filters.hpp>
#include <yusuan/query/quantity.hpp>
#include <yusuan/query/query.hpp>
#include <yusuan/query/result.hpp>
#include <yusuan/query/run.hpp>
