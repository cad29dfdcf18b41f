// full_zh: one budget that uses every construct of the language, written with
// the Chinese keywords.  Several test files check what its model holds.
#pragma once

#include "support/test_support.hpp"

namespace yusuan_test {

inline constexpr const char* full_zh = R"B(# 一个用到每种写法的预算
标题 "往返测试 2024"
年度 2024
金额单位 万元
单位 803019 "洛阳市社会保险中心" 类型 参公
部门 803 "洛阳市人力资源和社会保障局"
收入 一般公共预算 120.00 其中 财政拨款 120.00
年终结转结余 0.00
208 01 09 社会保险经办机构 基本支出 {
  人员经费 {
    30101 基本工资 → 50101 工资奖金津补贴: 40.00
    30103 奖金 → 50101: 10.00
  }
  公用经费 资金 一般公共预算 {
    30217 公务接待费 → 50206 公务接待费: 2.20
    30231 公务用车运行维护费 → 50208: 7.00
    30299 其他商品和服务支出 → 50299 合计 10.80 {
      208 01 09: 10.10 项目类别=公用经费综合定额
      208 01 09: 0.70 项目类别=离退休人员公用经费
    }
  }
}
项目 "社保公共服务经费" 编码 410300200000000033610 类型 其他运转类 功能 208 01 09 金额 50.00 {
  绩效 {
    产出 社保政策宣传工作完成率 ≥95%
    效益 "各项社保待遇落实情况" 按时足额发放
    成本 人均成本 ≤350元/人.天
    满意度 服务对象满意度 ≥90%
  }
}
项目组 "运转项目" ("社保公共服务经费") 208 01 09 其他运转类 {
  30201 办公费 → 50201 办公经费: 38.00
  30202 印刷费 → 50201: 12.00
}
上年 支出总计 130.00
上年 三公经费 8.80
数值 政府采购 0.00
计数 车辆 4 辆
口径 三公经费 = 合计(经济 in (30212, 30217, 30231, 31013))
核对 三公经费 = 9.20
核对 占比(基本支出, 支出合计) = 58.33%
核对 支出总计 较上年 减少 10.00
核对 支出总计 较上年 下降 7.69%
核对 三公经费 较上年 增加 0.40
核对 项目数 = 1
核对 车辆 = 4
核对 合计(项目 = 运转项目) = 50.00
核对 合计(类型 = 基本支出 且 非 经济 = 30101) ≤ 100.00 容差 0.01 警告 "基本支出过高"
核对 合计(功能.款 = 208 01 或 资金 not in (政府性基金)) = 120.00
)B";

/// The eight items of full_zh (and of tests/data/small.budget), in order; all
/// of them are under 208 01 09 and paid from 一般公共预算.
struct full_item {
  const char* amount;  // 万元
  const char* econ;
  const char* gov;
  spending_kind kind;
};
inline constexpr full_item full_items[] = {{"40.00", "30101", "50101", spending_kind::personnel},
                                           {"10.00", "30103", "50101", spending_kind::personnel},
                                           {"2.20", "30217", "50206", spending_kind::public_funds},
                                           {"7.00", "30231", "50208", spending_kind::public_funds},
                                           {"10.10", "30299", "50299", spending_kind::public_funds},
                                           {"0.70", "30299", "50299", spending_kind::public_funds},
                                           {"38.00", "30201", "50201", spending_kind::operating},
                                           {"12.00", "30202", "50201", spending_kind::operating}};

}  // namespace yusuan_test
