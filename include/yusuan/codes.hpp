// yusuan/codes.hpp -- classification codes and the vocabularies of a budget
// (spending kinds, fund sources, unit types, target categories).
#pragma once

#include <yusuan/model/codes.hpp>
#include <yusuan/model/kinds.hpp>
