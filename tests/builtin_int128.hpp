// GCC's own __int128: the reference that the tests check yusuan's 128-bit
// results against.
#pragma once

#include <string>

namespace reference {

__extension__ typedef __int128 i128;  // __extension__: no -Wpedantic warning
__extension__ typedef unsigned __int128 u128;

/// Decimal text of v, with a leading '-' when negative.
inline std::string i128_str(i128 v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  u128 m = neg ? u128{0} - static_cast<u128>(v) : static_cast<u128>(v);
  std::string s;
  while (m != 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  }
  return neg ? "-" + s : s;
}

}  // namespace reference
