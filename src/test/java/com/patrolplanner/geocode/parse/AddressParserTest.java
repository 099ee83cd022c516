package com.patrolplanner.geocode.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressParserTest {

    @Test
    void chineseFullAddressWithProvinceCityDistrictStreetNumber() {
        ParsedAddress p = AddressParser.parse("山东省潍坊市奎文区胜利东街3031号");
        assertTrue(p.chinese());
        assertEquals("山东省", p.province());
        assertEquals("潍坊市", p.city());
        assertEquals("奎文区", p.district());
        assertEquals("胜利东街", p.street());
        assertEquals("3031", p.number());
        assertEquals(3031, p.numberInt());
    }

    @Test
    void provinceWithoutShengAndDistrictNamedShiZhong() {
        ParsedAddress p = AddressParser.parse("山东济南市市中区二环南路500号");
        assertEquals("山东省", p.province());
        assertEquals("济南市", p.city());
        assertEquals("市中区", p.district());
        assertEquals("二环南路", p.street());
        assertEquals(500, p.numberInt());
    }

    @Test
    void municipalityIsProvinceAndCity() {
        ParsedAddress p = AddressParser.parse("北京市朝阳区望京街道花家地街9号");
        assertEquals("北京市", p.province());
        assertEquals("北京市", p.city());
        assertEquals("朝阳区", p.district());
        assertEquals("望京街道", p.town());
        assertEquals("花家地街", p.street());
        assertEquals(9, p.numberInt());
    }

    @Test
    void autonomousRegionAndCountyLevelCity() {
        ParsedAddress p = AddressParser.parse("内蒙古自治区呼伦贝尔市扎兰屯市秀水路林中巷4号");
        assertEquals("内蒙古自治区", p.province());
        assertEquals("呼伦贝尔市", p.city());
        assertEquals("扎兰屯市", p.district());
        assertEquals(4, p.numberInt());
        assertEquals("林中巷", p.street());
    }

    @Test
    void townAndStreetFromSubdistrict() {
        ParsedAddress p = AddressParser.parse("江苏省盐城市盐都区新都街道海洋路28号");
        assertEquals("盐都区", p.district());
        assertEquals("新都街道", p.town());
        assertEquals("海洋路", p.street());
        assertEquals(28, p.numberInt());
        ParsedAddress t = AddressParser.parse("福建省泉州市南安市康美镇康元路8号");
        assertEquals("南安市", t.district());
        assertEquals("康美镇", t.town());
        assertEquals("康元路", t.street());
    }

    @Test
    void chineseNumeralsBeforeMarkersBecomeDigits() {
        ParsedAddress p = AddressParser.parse("潍坊市奎文区胜利东街三十一号二栋三单元五〇二室");
        assertEquals(31, p.numberInt());
        assertEquals("2", p.building());
        assertEquals("3", p.unit());
        assertEquals("502", p.room());
        assertEquals(108, ChineseText.parseNumeral("一百零八"));
        assertEquals(10, ChineseText.parseNumeral("十"));
        assertEquals(15, ChineseText.parseNumeral("十五"));
        assertEquals(301, ChineseText.parseNumeral("三〇一"));
        assertEquals(2000, ChineseText.parseNumeral("两千"));
    }

    @Test
    void streetNamesWithNumeralsAreNotConverted() {
        ParsedAddress p = AddressParser.parse("天津市滨海新区第十三大街29号");
        assertEquals("滨海新区", p.district());
        assertEquals("第十三大街", p.street());
        assertEquals(29, p.numberInt());
        assertEquals("二环东路", AddressParser.parse("济南市历下区二环东路7366号").street());
    }

    @Test
    void fullWidthDigitsAndTraditionalCharacters() {
        ParsedAddress p = AddressParser.parse("濰坊市奎文區勝利東街１００號");
        assertEquals("潍坊市", p.city());
        assertEquals("奎文区", p.district());
        assertEquals("胜利东街", p.street());
        assertEquals(100, p.numberInt());
        assertEquals(AddressParser.parse("潍坊市奎文区胜利东街100号").streetKey(), p.streetKey());
    }

    @Test
    void nearAndOppositeAreRelationsNotNames() {
        ParsedAddress p = AddressParser.parse("奎文区胜利东街100号对面");
        assertEquals("opposite", p.relation());
        assertEquals(100, p.numberInt());
        assertNull(p.place());
        ParsedAddress n = AddressParser.parse("潍坊市奎文区人民公园附近");
        assertEquals("near", n.relation());
        assertEquals("人民公园", n.place());
        assertFalse(n.hasStreet());
    }

    @Test
    void laneAddressesOfShanghai() {
        ParsedAddress p = AddressParser.parse("上海市徐汇区华山路1954弄3号");
        assertEquals("华山路", p.street());
        assertEquals(1954, p.numberInt());
        assertEquals("1954", p.lane());
        assertEquals("3", p.building());
    }

    @Test
    void areaPrefixLeavesTheStreetKey() {
        ParsedAddress p = AddressParser.parse("济南市长清区大学科技园紫薇路6000号");
        assertEquals("紫薇路", p.street());
        assertEquals(6000, p.numberInt());
        ParsedAddress q = AddressParser.parse("河南省郑州市金水区博学路街道明理路社区金水东路156号");
        assertEquals("金水东路", q.street());
        assertEquals(156, q.numberInt());
    }

    @Test
    void placeOnlyAddress() {
        ParsedAddress p = AddressParser.parse("青岛市黄岛区漓江东路青岛电影学院");
        assertEquals("漓江东路", p.street());
        assertNull(p.number());
        assertEquals("青岛电影学院", p.place());
    }

    @Test
    void westernNumberStreetAbbreviation() {
        ParsedAddress p = AddressParser.parse("101 Banff Ave");
        assertFalse(p.chinese());
        assertEquals("101", p.number());
        assertEquals(101, p.numberInt());
        assertEquals("banff avenue", p.streetKey());
        assertEquals(StreetKeys.streetKey("Banff Avenue"), p.streetKey());
    }

    @Test
    void westernAbbreviationsExpand() {
        assertEquals("main street", StreetKeys.streetKey("Main St."));
        assertEquals("saint julien road", StreetKeys.streetKey("St Julien Rd"));
        assertEquals("sunset boulevard", StreetKeys.streetKey("Sunset Blvd"));
        assertEquals("middle springs drive", StreetKeys.streetKey("Middle Springs Dr"));
        assertEquals("whiskey jack crescent", StreetKeys.streetKey("Whiskey Jack Cres"));
        assertEquals("jasper way north", StreetKeys.streetKey("Jasper Way N"));
        assertEquals("north jasper way", StreetKeys.streetKey("N Jasper Way"));
    }

    @Test
    void westernUnitsInEveryCommonForm() {
        ParsedAddress a = AddressParser.parse("Unit 4, 123 Banff Avenue, Banff");
        assertEquals("4", a.unit());
        assertEquals("123", a.number());
        assertEquals("banff avenue", a.streetKey());
        assertEquals("Banff", a.city());
        ParsedAddress b = AddressParser.parse("4-123 Banff Ave");
        assertEquals("4", b.unit());
        assertEquals("123", b.number());
        ParsedAddress c = AddressParser.parse("123 Banff Ave Apt 7B");
        assertEquals("7B", c.unit());
        assertEquals("banff avenue", c.streetKey());
        ParsedAddress d = AddressParser.parse("12A Otter St #3");
        assertEquals("12A", d.number());
        assertEquals(12, d.numberInt());
        assertEquals("3", d.unit());
        assertEquals("otter street", d.streetKey());
    }

    @Test
    void westernNumberAfterStreet() {
        ParsedAddress p = AddressParser.parse("Carrer Major 12, Andorra la Vella");
        assertEquals("12", p.number());
        assertEquals("carrer major", p.streetKey());
        assertEquals("Andorra la Vella", p.city());
    }

    @Test
    void westernPlaceName() {
        ParsedAddress p = AddressParser.parse("Hotel Plaza");
        assertNull(p.number());
        assertEquals("hotel plaza", p.streetKey(), "without a number the line may also be a street");
        assertEquals("hotel plaza", p.placeKey());
    }
}
