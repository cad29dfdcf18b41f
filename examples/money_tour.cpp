// A tour of yusuan's exact money: parse, add, share, allocate, 大写.
#include <yusuan/money.hpp>

#include <cstddef>
#include <iostream>
#include <system_error>

int main() {
  using namespace yusuan;
  const money basic = money::parse("2327.71", unit::wan_yuan);
  const money project = money::parse("36053.75", unit::wan_yuan);
  const money total = basic + project;
  const money last_year = money::parse("39924.65", unit::wan_yuan);

  std::cout << "基本支出   " << basic.format(unit::wan_yuan) << " 万元, 占 " << share(basic, total) << "%\n";
  std::cout << "项目支出   " << project.format(unit::wan_yuan) << " 万元, 占 " << share(project, total) << "%\n";
  std::cout << "支出合计   " << total.format(unit::wan_yuan) << " 万元 = " << total.format(unit::yuan, 2, true) << " 元\n";
  std::cout << "大写       " << to_chinese_uppercase(total) << "\n";
  const money diff = total - last_year;
  std::cout << "比上年     " << (diff.sign() < 0 ? "减少 " : "增加 ") << diff.abs().format(unit::wan_yuan)
            << " 万元, " << (diff.sign() < 0 ? "下降 " : "增长 ") << (diff.sign() < 0 ? -change(total, last_year) : change(total, last_year)).format() << "%\n";
  std::cout << "0.10 + 0.20 = " << (money::parse("0.10") + money::parse("0.20")) << " 元\n";
  std::cout << "100 元分三份:";
  for (money part : allocate(money::parse("100"), 3)) std::cout << ' ' << part;
  std::cout << "\n";
  std::cout << "12.345 元四舍五入 = " << money::parse("12.345", unit::yuan, rounding::half_up) << ", 银行家舍入 = "
            << money::parse("12.345", unit::yuan, rounding::half_even) << "\n";
  // Without exceptions: an error code and the byte offset of the problem, put into words on request.
  std::error_code ec;
  std::size_t pos = 0;
  (void)money::parse("1,234.5.6", unit::yuan, ec, pos);
  if (ec) std::cout << "'1,234.5.6' 不是金额: " << describe_amount_error("1,234.5.6", ec, pos) << "\n";
  return 0;
}
