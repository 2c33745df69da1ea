"""The fixed vocabularies of the domain (DOMAIN.md), in the words the clerks use."""

UNIT_LEVELS = ("地直", "县直")
UNIT_KINDS = ("党政机关", "事业单位", "企业")
GENDERS = ("男", "女")
POVERTY_CLASSES = ("一类贫困村", "二类贫困村", "三类贫困村", "非贫困村")
VILLAGE_CAUSES = ("土地贫瘠", "交通落后", "资源匮乏", "村级组织涣散", "基础设施落后", "其他")
VILLAGE_STATUSES = ("帮扶中", "已脱贫")
HOUSEHOLD_KINDS = ("一般", "低保", "五保")
HOUSEHOLD_CAUSES = (
    "因病", "因残", "因学", "因灾", "缺土地", "缺水", "缺技术", "缺劳力", "缺资金",
    "交通条件落后", "自身发展动力不足", "其他",
)
HOUSEHOLD_STATUSES = ("贫困", "已脱贫")
PAIRING_STATUSES = ("帮扶中", "已脱钩")
TARGET_STATUSES = ("未开始", "进行中", "已完成", "未完成")
TARGET_CATEGORIES = (
    "发展生产的基础更加扎实",
    "生活富裕的条件更加具备",
    "乡风文明的程度更加提高",
    "村容整洁的保障更加有力",
    "民主管理的氛围更加浓厚",
    "组织基础更加牢固",
)
STATIONED_POSTS = ("村党支部第一书记", "村党支部副书记", "村委会主任助理", "驻村工作队员")
