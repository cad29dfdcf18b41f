// Must not compile: double + money (floating point never meets money)
#include <yusuan/money.hpp>

int main() {
  using yusuan::money;
  [[maybe_unused]] const money m = money::parse("1.00");
#ifndef YUSUAN_COMPILE_FAIL_DISABLE
  [[maybe_unused]] auto r = 0.1 + m;  // COMPILE_FAIL_LINE
#endif
  return 0;
}
