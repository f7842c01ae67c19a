#include "service/demo_catalog.hpp"

namespace sanpi::service::demo {

using L = domain::ZoneLevel;

const std::vector<CityFact>& shanxi_cities() {
    static const std::vector<CityFact> cities = {
        {"140100", "太原市", "Taiyuan", "taiyuan"},   {"140200", "大同市", "Datong", "datong"},
        {"140300", "阳泉市", "Yangquan", "yangquan"}, {"140400", "长治市", "Changzhi", "changzhi"},
        {"140500", "晋城市", "Jincheng", "jincheng"}, {"140600", "朔州市", "Shuozhou", "shuozhou"},
        {"140700", "晋中市", "Jinzhong", "jinzhong"}, {"140800", "运城市", "Yuncheng", "yuncheng"},
        {"140900", "忻州市", "Xinzhou", "xinzhou"},   {"141000", "临汾市", "Linfen", "linfen"},
        {"141100", "吕梁市", "Lüliang", "lvliang"},
    };
    return cities;
}

const std::vector<ZoneFact>& shanxi_zones() {
    static const std::vector<ZoneFact> zones = {
        {"140100", "taiyuan-zgq", "山西转型综合改革示范区", L::kReformDemonstration,
         {"big_data", "equipment_manufacturing", "new_materials"}},
        {"140100", "taiyuan-bxg", "太原不锈钢产业园区", L::kProvincial, {"new_materials"}},
        {"140200", "datong-etdz", "大同经济技术开发区", L::kNationalEtdz, {"new_energy", "equipment_manufacturing"}},
        {"140200", "datong-gxq", "大同高新技术产业开发区", L::kProvincial, {"big_data", "medicine_health"}},
        {"140300", "yangquan-jkq", "阳泉经济技术开发区", L::kProvincial, {"new_materials", "big_data"}},
        {"140400", "changzhi-gxq", "长治高新技术产业开发区", L::kNationalHighTech,
         {"equipment_manufacturing", "medicine_health"}},
        {"140400", "changzhi-jkq", "长治经济技术开发区", L::kProvincial, {"modern_coal_chemical"}},
        {"140500", "jincheng-etdz", "晋城经济技术开发区", L::kNationalEtdz, {"equipment_manufacturing", "new_energy"}},
        {"140600", "shuozhou-jkq", "朔州经济开发区", L::kProvincial, {"energy_saving", "new_materials"}},
        {"140700", "jinzhong-etdz", "晋中经济技术开发区", L::kNationalEtdz, {"equipment_manufacturing"}},
        {"140700", "jinzhong-nyq", "晋中国家农业高新技术产业示范区", L::kNationalHighTech, {"medicine_health"}},
        {"140800", "yuncheng-jkq", "运城经济技术开发区", L::kProvincial, {"new_materials", "equipment_manufacturing"}},
        {"140800", "yuncheng-yhq", "运城盐湖高新技术产业开发区", L::kProvincial, {"medicine_health", "energy_saving"}},
        {"140900", "xinzhou-jkq", "忻州经济开发区", L::kProvincial, {"new_energy", "new_materials"}},
        {"141000", "linfen-jkq", "临汾经济开发区", L::kProvincial, {"modern_coal_chemical", "equipment_manufacturing"}},
        {"141000", "linfen-houma", "侯马经济开发区", L::kProvincial, {"equipment_manufacturing"}},
        {"141100", "lvliang-jkq", "吕梁经济技术开发区", L::kProvincial, {"modern_coal_chemical", "new_energy"}},
        {"141100", "lvliang-xiaoyi", "孝义经济开发区", L::kProvincial, {"modern_coal_chemical", "new_materials"}},
    };
    return zones;
}

const std::vector<IndustryFact>& report_industries() {
    static const std::vector<IndustryFact> industries = {
        {"modern_coal_chemical", "现代煤化工", "Modern coal chemicals"},
        {"equipment_manufacturing", "装备制造", "Equipment manufacturing"},
        {"new_energy", "新能源", "New energy"},
        {"new_materials", "新材料", "New materials"},
        {"energy_saving", "节能环保", "Energy saving and environmental protection"},
        {"big_data", "大数据", "Big data"},
        {"medicine_health", "现代医药和大健康", "Modern medicine and health"},
        {"other", "其他", "Other"},
    };
    return industries;
}

}  // namespace sanpi::service::demo
